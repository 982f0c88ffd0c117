"""Names the gazetteer's tables lack: common English short forms and abbreviations of
countries, AP-style abbreviations of US states, and demonyms of the most-named countries.

Each maps a normalised name (see ``normalise``) to the GeoNames id of its place. The lists
are short and written by hand: what is not here is looked up by the gazetteer's own names.
"""

from __future__ import annotations

import re
import unicodedata

COUNTRY_ALIASES: dict[str, str] = {
    # a name as written -> ISO 3166 country code
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states of america": "US", "the united states": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "russian federation": "RU", "south korea": "KR", "north korea": "KP",
    "ivory coast": "CI", "czech republic": "CZ", "burma": "MM", "holland": "NL",
    "the netherlands": "NL", "uae": "AE", "u.a.e.": "AE", "drc": "CD", "dr congo": "CD",
    "democratic republic of congo": "CD", "the gambia": "GM", "vatican": "VA",
    "palestine": "PS", "gaza": "PS", "west bank": "PS", "syria": "SY", "iran": "IR",
    "laos": "LA", "vietnam": "VN", "taiwan": "TW", "macedonia": "MK", "turkiye": "TR",
}  # fmt: skip

DEMONYMS: dict[str, str] = {
    "american": "US", "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB",
    "french": "FR", "german": "DE", "italian": "IT", "spanish": "ES", "portuguese": "PT",
    "dutch": "NL", "belgian": "BE", "swiss": "CH", "austrian": "AT", "irish": "IE",
    "polish": "PL", "ukrainian": "UA", "russian": "RU", "belarusian": "BY", "greek": "GR",
    "turkish": "TR", "syrian": "SY", "iraqi": "IQ", "iranian": "IR", "israeli": "IL",
    "palestinian": "PS", "lebanese": "LB", "jordanian": "JO", "egyptian": "EG",
    "saudi": "SA", "yemeni": "YE", "afghan": "AF", "pakistani": "PK", "indian": "IN",
    "chinese": "CN", "japanese": "JP", "korean": "KR", "vietnamese": "VN", "thai": "TH",
    "filipino": "PH", "philippine": "PH", "indonesian": "ID", "malaysian": "MY",
    "australian": "AU", "canadian": "CA", "mexican": "MX", "brazilian": "BR",
    "argentine": "AR", "argentinian": "AR", "colombian": "CO", "venezuelan": "VE",
    "cuban": "CU", "nigerian": "NG", "kenyan": "KE", "ethiopian": "ET", "somali": "SO",
    "sudanese": "SD", "libyan": "LY", "south african": "ZA", "swedish": "SE",
    "norwegian": "NO", "danish": "DK", "finnish": "FI", "hungarian": "HU", "czech": "CZ",
    "romanian": "RO", "serbian": "RS", "georgian": "GE", "armenian": "AM",
    "azerbaijani": "AZ", "kazakh": "KZ", "qatari": "QA", "emirati": "AE", "malian": "ML",
}  # fmt: skip

US_STATE_ABBREVIATIONS: dict[str, str] = {
    # AP style and postal forms, as wire copy writes them -> admin1 code of the state
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT",
    "del.": "DE", "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS",
    "ky.": "KY", "la.": "LA", "md.": "MD", "mass.": "MA", "mich.": "MI", "minn.": "MN",
    "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE", "nev.": "NV", "n.h.": "NH",
    "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND", "okla.": "OK",
    "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN",
    "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV", "wis.": "WI", "wyo.": "WY",
    "d.c.": "DC",
}  # fmt: skip

PROVINCE_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    # abbreviations of Canadian provinces and Australian states as news writes them
    # -> (country, admin1 code)
    "b.c.": ("CA", "02"), "bc": ("CA", "02"), "alta.": ("CA", "01"), "sask.": ("CA", "11"),
    "man.": ("CA", "03"), "ont.": ("CA", "08"), "que.": ("CA", "10"), "n.s.": ("CA", "07"),
    "n.b.": ("CA", "04"), "p.e.i.": ("CA", "09"), "nfld.": ("CA", "05"),
    "nsw": ("AU", "02"), "n.s.w.": ("AU", "02"), "qld": ("AU", "04"), "tas.": ("AU", "06"),
}  # fmt: skip

CONTINENT_DEMONYMS: dict[str, str] = {
    # the adjective of a continent -> the continent's name in data/regions.tsv
    "african": "Africa", "asian": "Asia", "european": "Europe", "antarctic": "Antarctica",
    "north american": "North America", "south american": "South America",
    "latin american": "South America", "oceanian": "Oceania",
}  # fmt: skip

_SPACES = re.compile(r"\s+")


def demonym_forms(demonym: str) -> list[str]:
    """Lookup keys of a country's demonym as a table gives it ("Tunisian", "Swiss"): the
    word itself and, for the "-an"/"-ian"/"-i" kind, its plural ("Tunisians", "Iraqis")."""
    key = normalise(demonym)
    if not key:
        return []
    forms = [key]
    if key.endswith(("an", "i")) and not key.endswith("man"):
        forms.append(key + "s")
    return forms


def normalise(text: str) -> str:
    """The lookup key of a name: accents dropped, case folded, spaces single, a leading
    "the" and a trailing possessive removed ("the Ukraine's" -> "ukraine")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _SPACES.sub(" ", plain.replace("’", "'")).strip().casefold()
    if key.endswith("'s"):
        key = key[:-2]
    if key.startswith("the ") and key[4:] not in ("hague", "bronx"):
        key = key[4:]
    return key
