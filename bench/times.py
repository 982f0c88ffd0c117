"""Time expressions on the hand-checked time set (tests/data/time_set.py); prints one table.

    .venv/bin/python bench/times.py             # or ./run bench times
    .venv/bin/python bench/times.py --errors    # and every sentence it gets wrong, on stderr

Each case is a sentence, its document date (or none), the future-tense hint and the records
expected, run through ``find_times`` as tests/test_times.py runs it. The set records no
style (wire report, statement, advocacy) per case, so the rows are the set's own groups
(the lists CASES is made of), then the cases without a document date across groups, then all.

Columns: expressions expected; span found (an expected record whose time_text is among the
records found, each found record used once); value right (the same time_text with the same
time_start, time_end and time_kind; time_anchor is not compared); spurious (records found
whose time_text no expected record has); value P/R/F1 over records (a record is right when
its value is). The set is the one the tests hold at 100%, so it shows coverage, not an
independent score. The anchor row is HeidelTime's published TempEval-3 value F1, quoted, not
run: TempEval-3 is not in ../shared/data.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

from claimledger.extract.times import find_times

ROOT = Path(__file__).resolve().parent.parent
SET_FILE = ROOT / "tests" / "data" / "time_set.py"
ANCHOR = (
    "HeidelTime on TempEval-3, value F1 77.6 (quoted, not run: TempEval-3 is not in ../shared/data)"
)

Record = tuple[str, str | None, str | None, str, str | None]
Case = tuple[str, str | None, bool, list[Record]]


def _load_set() -> ModuleType:
    """tests/data/time_set.py, loaded from its file (bench/ is not a package and tests/ is
    not on the path of a script run from bench/)."""
    spec = importlib.util.spec_from_file_location("time_set", SET_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def groups(module: ModuleType) -> list[tuple[str, list[Case]]]:
    """The named lists CASES is made of, in its order; what is left over, as "other"."""
    cases: list[Case] = module.CASES
    named: list[tuple[str, list[Case]]] = [
        (name, value)
        for name, value in vars(module).items()
        if name.isupper() and name != "CASES" and isinstance(value, list) and value
        if all(isinstance(c, tuple) and len(c) == 4 for c in value)
    ]
    ordered: list[tuple[str, list[Case]]] = []
    at = 0
    while at < len(cases):
        hit = next((g for g in named if cases[at : at + len(g[1])] == g[1]), None)
        if hit is None:
            ordered.append(("other", cases[at:]))
            break
        ordered.append(hit)
        at += len(hit[1])
    return ordered


@dataclass
class Tally:
    cases: int = 0
    expected: int = 0
    found: int = 0  # records the extractor returned
    span: int = 0
    value: int = 0
    spurious: int = 0

    def add(self, other: Tally) -> None:
        for field in ("cases", "expected", "found", "span", "value", "spurious"):
            setattr(self, field, getattr(self, field) + getattr(other, field))


def score(expected: list[Record], got: list[Record]) -> Tally:
    """One sentence: spans matched by time_text, values by text, start, end and kind, each
    found record used once."""
    texts = Counter(r[0] for r in got)
    values = Counter(r[:4] for r in got)
    tally = Tally(cases=1, expected=len(expected), found=len(got))
    for record in expected:
        if texts[record[0]] > 0:
            texts[record[0]] -= 1
            tally.span += 1
        if values[record[:4]] > 0:
            values[record[:4]] -= 1
            tally.value += 1
    tally.spurious = sum(texts.values())
    return tally


def run(case: Case) -> list[Record]:
    sentence, anchor, future, _ = case
    day = date.fromisoformat(anchor) if anchor else None
    return [record.as_tuple() for record in find_times(sentence, day, future=future)]


def _share(n: int, of: int) -> str:
    return f"{n} ({100 * n / of:.1f}%)" if of else f"{n}"


def _prf(t: Tally) -> str:
    if not t.found and not t.expected:
        return "-"
    p = t.value / t.found if t.found else 1.0
    r = t.value / t.expected if t.expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{100 * p:.1f} / {100 * r:.1f} / {100 * f:.1f}"


def _row(name: str, t: Tally) -> str:
    return (
        f"| {name} | {t.cases} | {t.expected} | {_share(t.span, t.expected)} | "
        f"{_share(t.value, t.expected)} | {t.spurious} | {_prf(t)} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--errors", action="store_true", help="print every sentence not all right on stderr"
    )
    args = parser.parse_args(argv)
    module = _load_set()
    print(
        "| time set group | sentences | expressions | span found | value right "
        "(start/end/kind) | spurious | value P / R / F1 |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    total, undated = Tally(), Tally()
    started = time.perf_counter()
    errors: list[tuple[Case, list[Record]]] = []
    for name, cases in groups(module):
        tally = Tally()
        for case in cases:
            got = run(case)
            one = score(case[3], got)
            tally.add(one)
            if case[1] is None:
                undated.add(one)
            if got != case[3]:
                errors.append((case, got))
        total.add(tally)
        print(_row(name, tally))
    seconds = time.perf_counter() - started
    print(_row("no document date (any group)", undated))
    print(_row("**all**", total))
    print(f"| {ANCHOR} | - | - | - | - | - | - / - / 77.6 |")
    if args.errors:
        for (sentence, anchor, future, expected), got in errors:
            print(f"{sentence}  [{anchor}{', future' if future else ''}]", file=sys.stderr)
            print(f"  expected: {expected}\n  found:    {got}", file=sys.stderr)
    rate = f"{total.cases / seconds:,.0f}" if seconds else "-"
    print(
        f"({total.cases} sentences in {seconds:.3f} s, {rate} sentences/s; "
        f"{len(errors)} not exactly right, anchor included)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
