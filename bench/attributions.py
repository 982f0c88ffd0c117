"""Attribution extraction against textacy on PolNeAR, all in one run; prints one table.

    ./run bench attributions                 # dev split; textacy too when bench/.peers exists
    ./run bench attributions --split train   # the training split
    bash bench/setup_peers.sh                # installs textacy (and the quantity peers)

Per role (source, cue, content): exact and overlap span F1, over all relations and apart for
quoted and unquoted ones (scoring rules in src/claimledger/evaluation/polnear.py). claimledger
is scored on its top-level attributions only, as PolNeAR annotates no nested ones (polnear.py,
"Nested attributions").
Throughput is articles/s including spaCy parsing, one process per system. textacy's
direct_quotations finds direct quotes only; it runs with the same spaCy pipeline as claimledger.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from _measure import PEER_PYTHON, run_json
from claimledger.evaluation import polnear as pn

HERE = Path(__file__).resolve().parent

CLAIMLEDGER_RUN = """
import json, sys, time
from claimledger.model import Document
from claimledger.nlp.load import load
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
texts = json.load(sys.stdin)
load()
started = time.perf_counter()
docs = [Document(text=t, source=str(i)) for i, t in enumerate(texts)]
out = []
for ex in extract_all(docs, Settings(workers=1), frozenset({"attributions"})):
    out.append([
        {k: getattr(a, k) for r in ("source", "cue", "content") for k in (r + "_start", r + "_end")}
        | {"parent_start": a.parent_start}
        for a in ex.attributions
    ])
json.dump({"seconds": time.perf_counter() - started, "predictions": out}, sys.stdout)
"""


def relations(preds: list[list[dict[str, Any]]]) -> list[list[pn.Relation]]:
    def span(v: Any) -> pn.Span | None:
        return None if v is None else (int(v[0]), int(v[1]))

    return [
        [pn.Relation(span(p["source"]), span(p["cue"]), span(p["content"])) for p in doc]
        for doc in preds
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    try:
        articles = pn.load(args.split)[: args.limit]
    except FileNotFoundError as exc:
        raise SystemExit(f"bench: {exc}") from None
    texts = [a.text for a in articles]
    systems = []
    print(f"bench: claimledger on {len(texts)} articles", file=sys.stderr)
    ours = run_json(sys.executable, ["-c", CLAIMLEDGER_RUN], texts)
    systems.append(("claimledger", [pn.predicted(d) for d in ours["predictions"]], ours["seconds"]))
    if not args.no_peers and PEER_PYTHON.exists():
        print("bench: textacy", file=sys.stderr)
        res = run_json(str(PEER_PYTHON), [str(HERE / "peers" / "run_textacy.py")], texts)
        systems.append(("textacy 0.13.0", relations(res["predictions"]), res["seconds"]))
    elif not args.no_peers:
        print("bench: textacy not installed; run bash bench/setup_peers.sh", file=sys.stderr)

    rels = [r for a in articles for r in a.relations]
    print(
        f"\nPolNeAR {args.split}: {len(articles)} articles, {len(rels)} attributions "
        f"({sum(r.quoted for r in rels)} quoted)\n"
    )
    print("| system | group | match | source P/R/F1 | cue P/R/F1 | content P/R/F1 | articles/s |")
    print("|---|---|---|---|---|---|---:|")
    for name, preds, seconds in systems:
        scores = pn.score(articles, preds)
        for group in ("all", "quoted", "unquoted"):
            for kind in ("exact", "overlap"):
                cells = [
                    "/".join(str(x) for x in scores[group][role].prf(kind)) for role in pn.ROLES
                ]
                print(
                    f"| {name} | {group} | {kind} | {' | '.join(cells)} | "
                    f"{len(texts) / seconds:.1f} |"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
