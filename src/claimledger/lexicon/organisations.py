"""Organisations: canonical names of actors under their aliases, and the heads of
organisation source phrases."""

from __future__ import annotations

# Canonical names for actors that appear under many names. Keys are lower-case aliases.
ACTOR_ALIASES: dict[str, str] = {
    "un": "United Nations",
    "u.n.": "United Nations",
    "the un": "United Nations",
    "united nations": "United Nations",
    "unsc": "United Nations Security Council",
    "un security council": "United Nations Security Council",
    "security council": "United Nations Security Council",
    "ohchr": "Office of the UN High Commissioner for Human Rights",
    "ocha": "UN Office for the Coordination of Humanitarian Affairs",
    "unhcr": "UN Refugee Agency (UNHCR)",
    "un refugee agency": "UN Refugee Agency (UNHCR)",
    "the un refugee agency": "UN Refugee Agency (UNHCR)",
    "who": "World Health Organization",
    "icrc": "International Committee of the Red Cross",
    "médecins sans frontières": "Médecins Sans Frontières",
    "kyiv": "Kyiv",
    "kiev": "Kyiv",
    "red cross": "International Committee of the Red Cross",
    "nato": "NATO",
    "eu": "European Union",
    "e.u.": "European Union",
    "european union": "European Union",
    "imf": "International Monetary Fund",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "america": "United States",
    "united states": "United States",
    "the united states": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "afu": "Armed Forces of Ukraine",
    "armed forces of ukraine": "Armed Forces of Ukraine",
    "ukrainian army": "Armed Forces of Ukraine",
    "the ukrainian army": "Armed Forces of Ukraine",
    "idf": "Israel Defense Forces",
    "israel defense forces": "Israel Defense Forces",
    "israeli military": "Israel Defense Forces",
    "pentagon": "United States Department of Defense",
    "the pentagon": "United States Department of Defense",
    "kremlin": "Government of Russia (Kremlin)",
    "the kremlin": "Government of Russia (Kremlin)",
    "acled": "ACLED",
    "hrw": "Human Rights Watch",
    "human rights watch": "Human Rights Watch",
    "amnesty": "Amnesty International",
    "amnesty international": "Amnesty International",
    "msf": "Médecins Sans Frontières",
    "doctors without borders": "Médecins Sans Frontières",
}

# Heads of organisation sources; words that are also unnamed-source heads are left out
# (those are checked first: "authorities" and "prosecutors" are unnamed sources).
ORG_HEADS = frozenset(
    """ministry army military government police office agency command council committee
    forces force department service bank court parliament commission authority company party
    group embassy administration cabinet presidency staff headquarters prosecutor directorate
    regime coalition alliance union federation organisation organization institute center
    centre mission rebels rebel monitor observatory militia""".split()
)
