"""Quantity extraction against its peers on NewsQuant, all in one run; prints one table.

    ./run bench quantities            # claimledger, plus peers when bench/.peers/venv exists
    bash bench/setup_peers.sh         # installs quantulum3 and CQE there first

Scores value, value+change and value+unit F1 with the paper's rule and a strict one-to-one
rule (see src/claimledger/evaluation/newsquant.py), and throughput in sentences/s including
spaCy parsing. Each system runs in its own process; claimledger runs with one worker, like
the peers.

A second table gives every system's paper-rule scores on the tune and check parts of the dev
half (src/claimledger/evaluation/splits.py: rules are written from the tune part's errors,
kept only when the check part holds), a third claimledger's on the independent sets of
src/claimledger/evaluation/quantity_sets.py (Recognizers-Text NumberWithUnit, recall only;
quantulum3's tests).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from _measure import PEER_PYTHON, run_json
from claimledger.evaluation import newsquant as nq
from claimledger.evaluation import quantity_sets, splits

HERE = Path(__file__).resolve().parent

CLAIMLEDGER_RUN = """
import json, sys, time
from claimledger.model import Document
from claimledger.nlp.load import load
from claimledger.runner.local import extract_all
from claimledger.present.records import records
from claimledger.settings import Settings
sentences = json.load(sys.stdin)
load()
started = time.perf_counter()
docs = [Document(text=s, source=str(i)) for i, s in enumerate(sentences)]
kinds = frozenset({"quantities"})
out = [list(records(ex, "quantities")) for ex in extract_all(docs, Settings(workers=1), kinds)]
json.dump({"seconds": time.perf_counter() - started, "predictions": out}, sys.stdout)
"""


def peer_items(preds: list[list[dict[str, Any]]], name: str) -> list[list[nq.Item]]:
    out = []
    for items in preds:
        conv = []
        for p in items:
            value = p["value"]
            if isinstance(value, list):
                value = tuple(float(v) for v in value)
            elif isinstance(value, str):
                try:
                    value = float(value)
                except ValueError:
                    continue
            change = p.get("change", "=") or "="
            conv.append(nq.Item(value, str(p["unit"]).lower(), change))
        out.append(conv)
    return out


def _parts_table(
    data: list[dict[str, Any]],
    systems: list[tuple[str, list[list[nq.Item]], float, bool]],
    independent: dict[str, list[quantity_sets.Case]],
    records: list[list[dict[str, Any]]],
) -> None:
    """Every system's paper-rule F1 on the tune and check parts and the whole dev half, and
    claimledger's scores on the independent sets."""
    parts = [splits.part_of_key(d["text"]) for d in data]
    print(
        "\n| system | NewsQuant dev part | sentences | gold | value F1 | value+change F1 | "
        "value+unit F1 |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, items, _seconds, averaged in systems:
        for want in ("tune", "check", None):
            idx = splits.select(data, parts, want)
            gold = [nq.gold_items(data[i], average_ranges=averaged) for i in idx]
            scores = nq.score_paper(gold, [items[i] for i in idx])
            print(
                f"| {name} | {want or 'all'} | {len(idx)} | {sum(map(len, gold))} | "
                f"{scores['value'][2]} | {scores['value+change'][2]} | "
                f"{scores['value+unit'][2]} |"
            )
    print("\n| claimledger on | cases | gold | value P/R/F1 | value+unit P/R/F1 |")
    print("|---|---:|---:|---|---|")
    at = 0
    for name, cases in independent.items():
        scores = quantity_sets.score(cases, records[at : at + len(cases)])
        at += len(cases)
        n_gold = sum(len(c.gold) for c in cases)
        value, unit = ("/".join(map(str, scores[m])) for m in ("value", "value+unit"))
        print(f"| {name} | {len(cases)} | {n_gold} | {value} | {unit} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=nq.data_file())
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument(
        "--errors",
        type=Path,
        help="write claimledger's misses on the tune part (never the check part) to this file",
    )
    args = parser.parse_args()
    data = nq.load(args.data)
    sentences = [d["text"] for d in data]
    systems: list[tuple[str, list[list[nq.Item]], float, bool]] = []

    independent = {
        "Recognizers-Text": quantity_sets.recognizers(),
        "quantulum3": quantity_sets.quantulum3(),
    }
    extra = [c.text for cases in independent.values() for c in cases]

    print("bench: claimledger", file=sys.stderr)
    ours = run_json(sys.executable, ["-c", CLAIMLEDGER_RUN], sentences)
    systems.append(
        ("claimledger", [nq.our_items(p) for p in ours["predictions"]], ours["seconds"], False)
    )
    other_records = run_json(sys.executable, ["-c", CLAIMLEDGER_RUN], extra)["predictions"]
    if not args.no_peers and PEER_PYTHON.exists():
        for name, script, averaged in (
            ("quantulum3", "run_quantulum3.py", True),
            ("CQE 2.0.3", "run_cqe.py", False),
        ):
            print(f"bench: {name}", file=sys.stderr)
            res = run_json(str(PEER_PYTHON), [str(HERE / "peers" / script)], sentences)
            systems.append((name, peer_items(res["predictions"], name), res["seconds"], averaged))
    elif not args.no_peers:
        print("bench: peers not installed; run bash bench/setup_peers.sh", file=sys.stderr)

    print(
        f"\nNewsQuant dev half: {len(data)} sentences, "
        f"{sum(len(d['quantities']) for d in data)} gold quantities\n"
    )
    print("| system | rule | value P/R/F1 | value+change F1 | value+unit F1 | sentences/s |")
    print("|---|---|---|---:|---:|---:|")
    for name, items, seconds, averaged in systems:
        gold_paper = [nq.gold_items(d, average_ranges=averaged) for d in data]
        gold = [nq.gold_items(d) for d in data]
        for rule, scores in (
            ("paper", nq.score_paper(gold_paper, items)),
            ("strict", nq.score_strict(gold, items)),
        ):
            p, r, f = scores["value"]
            print(
                f"| {name} | {rule} | {p}/{r}/{f} | {scores['value+change'][2]} | "
                f"{scores['value+unit'][2]} | {len(data) / seconds:,.1f} |"
            )
    _parts_table(data, systems, independent, other_records)
    if args.errors:
        gold = [nq.gold_items(d) for d in data]
        with args.errors.open("w", encoding="utf-8") as fh:
            for d, g, p in zip(data, gold, systems[0][1], strict=True):
                # the check part's sentences and errors are never read (splits.py)
                if splits.part_of_key(d["text"]) != "tune":
                    continue
                if sorted(map(repr, g)) != sorted(map(repr, p)):
                    fh.write(f"{d['text']}\n  gold: {g}\n  ours: {p}\n")
    _ = time
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
