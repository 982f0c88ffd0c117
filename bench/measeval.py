"""MeasEval (SemEval-2021 Task 8) quantity span recall, precision and F1 for claimledger.

    ./run bench measeval [--split eval]

Scientific paragraphs, not news: a check that claimledger finds figures outside its genre.
A gold Quantity span counts as found when a claimledger quantity overlaps it (overlap) or
has the same offsets (exact).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from claimledger.model import Document
from claimledger.runner.local import extract_all
from claimledger.settings import Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "quantity" / "MeasEval"


def gold_spans(tsv: Path) -> set[tuple[int, int]]:
    if not tsv.exists():  # a paragraph without annotations has no tsv
        return set()
    with tsv.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {
            (int(r["startOffset"]), int(r["endOffset"]))
            for r in rows
            if r["annotType"] == "Quantity"
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "eval", "trial"), default="eval")
    args = parser.parse_args()
    base = DATA / "data" / args.split
    text_dir = base / ("txt" if (base / "txt").is_dir() else "text")
    texts = sorted(text_dir.glob("*.txt"))
    docs = [Document(text=p.read_text(encoding="utf-8"), source=p.stem) for p in texts]
    started = time.perf_counter()
    results = list(extract_all(docs, Settings(workers=1), frozenset({"quantities"})))
    seconds = time.perf_counter() - started
    n_gold = n_pred = exact = overlap_gold = overlap_pred = 0
    for path, ex in zip(texts, results, strict=True):
        gold = gold_spans(base / "tsv" / f"{path.stem}.tsv")
        pred = {(q.start, q.end) for q in getattr(ex, "quantities", [])}
        n_gold += len(gold)
        n_pred += len(pred)
        exact += len(gold & pred)
        overlap_gold += sum(1 for g in gold if any(p[0] < g[1] and g[0] < p[1] for p in pred))
        overlap_pred += sum(1 for p in pred if any(p[0] < g[1] and g[0] < p[1] for g in gold))

    def prf(tp_pred: int, tp_gold: int) -> str:
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{100 * p:.1f} | {100 * r:.1f} | {100 * f:.1f}"

    print(
        f"\nMeasEval {args.split}: {len(texts)} paragraphs, {n_gold} gold quantities, "
        f"{n_pred} found, {seconds:.1f} s\n"
    )
    print("| system | match | precision | recall | F1 |")
    print("|---|---|---:|---:|---:|")
    print(f"| claimledger | overlap | {prf(overlap_pred, overlap_gold)} |")
    print(f"| claimledger | exact | {prf(exact, exact)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
