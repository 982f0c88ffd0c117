"""Actor resolution on the hand-checked alias pairs (tests/data/actor_pairs.py); prints two
tables.

    .venv/bin/python bench/actors.py                 # or ./run bench actors
    .venv/bin/python bench/actors.py --repeat 2000   # more rounds for the lookup speed
    .venv/bin/python bench/actors.py --errors        # and every pair it gets wrong, on stderr

Each pair is two mentions (a text, or a text with the ISO 3166 alpha-3 codes of its
document's countries) that must, or must not, resolve to one actor, run through
``claimledger.link.actors.resolve_actor`` as tests/test_actors.py runs them: "merged" means
both resolve and to the same actor. Rows: the pairs that must merge, those that must not,
all; and the (part, whole) pairs that must be linked through ``parent`` and not merged.
The tests hold the set at 100%, so it shows coverage, not an independent score.

The second table: the size of the shipped table (claimledger/link/data/actors.json: actors,
alias keys, institution phrases of the demonym rule, role nouns), the time to load it, and
the lookup speed: resolutions per second over every mention of the pairs, repeated.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

from claimledger.link.actors import Actor, ActorContext, linked, load_table, resolve_actor

ROOT = Path(__file__).resolve().parent.parent
SET_FILE = ROOT / "tests" / "data" / "actor_pairs.py"

Mention = str | tuple[str, tuple[str, ...]]
Pair = tuple[Mention, Mention, bool, str]


def _load_set() -> ModuleType:
    """tests/data/actor_pairs.py, loaded from its file (bench/ is not a package and tests/
    is not on the path of a script run from bench/)."""
    spec = importlib.util.spec_from_file_location("actor_pairs", SET_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resolve(mention: Mention) -> Actor | None:
    if isinstance(mention, str):
        return resolve_actor(mention)
    text, countries = mention
    return resolve_actor(text, ActorContext(frozenset(countries)))


def merged(a: Mention, b: Mention) -> tuple[bool, Actor | None, Actor | None]:
    ra, rb = resolve(a), resolve(b)
    return ra is not None and rb is not None and ra.id == rb.id, ra, rb


def _row(name: str, right: int, total: int) -> str:
    accuracy = f"{100 * right / total:.1f}" if total else "-"
    return f"| {name} | {total} | {right} | {accuracy} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--repeat", type=int, default=500, help="rounds over the mentions for the speed"
    )
    parser.add_argument("--errors", action="store_true", help="print wrong pairs on stderr")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    table = load_table()
    load_seconds = time.perf_counter() - started
    pairs = _load_set()

    print("| actor pairs | pairs | right | accuracy % |")
    print("|---|---:|---:|---:|")
    wrong: list[str] = []
    totals = [0, 0]
    for name, cases in (("must merge", pairs.MERGE), ("must not merge", pairs.NOT_MERGE)):
        right = 0
        for a, b, should, why in cases:
            same, ra, rb = merged(a, b)
            right += same == should
            if same != should:
                wrong.append(f"{a!r} -> {ra and ra.id}, {b!r} -> {rb and rb.id}: {why}")
        totals[0] += right
        totals[1] += len(cases)
        print(_row(name, right, len(cases)))
    print(_row("**all**", *totals))
    right = 0
    for part, whole in pairs.PARENTS:
        a, b = resolve_actor(part), resolve_actor(whole)
        ok = a is not None and b is not None and linked(a, b) and a.id != b.id
        right += ok
        if not ok:
            wrong.append(f"{part!r} -> {a and a.id}, {whole!r} -> {b and b.id}: not linked")
    print(_row("part and whole: linked, not merged", right, len(pairs.PARENTS)))

    mentions: list[Mention] = [m for a, b, *_ in pairs.PAIRS for m in (a, b)]
    timed = time.perf_counter()
    for _ in range(args.repeat):
        for mention in mentions:
            resolve(mention)
    seconds = time.perf_counter() - timed
    rate = len(mentions) * args.repeat / seconds if seconds else 0.0
    print(
        "\n| shipped actor table | actors | alias keys | institution phrases | role nouns "
        "| load ms | resolutions/s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| claimledger/link/data/actors.json | {len(table.actors):,} | {len(table.by_key):,} | "
        f"{len(table.institutions):,} | {len(table.roles):,} | {1000 * load_seconds:.0f} | "
        f"{rate:,.0f} |"
    )
    if args.errors:
        for line in wrong:
            print(line, file=sys.stderr)
    print(
        f"({len(mentions)} mentions x {args.repeat} rounds in {seconds:.2f} s, one core; "
        f"{len(wrong)} wrong; {time.perf_counter() - started:.1f} s in all)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
