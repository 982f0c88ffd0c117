"""Ingest rate (documents/s) and peak memory of the local process pool and of Ray Data.

On the same documents, each into a fresh ledger, in one run: ``claimledger ingest`` with
``--workers 1`` and ``--workers 2`` (the local pool), and with ``--engine ray --workers 1``
and ``--workers 2`` (a local Ray runtime with that many CPUs, one extraction actor per
CPU). Ray's fixed cost (starting the runtime, its actors and their models, stopping it) is
measured apart, on one document, against the local ingest of that document (after one
untimed run of each, the faster of two); the rate of each engine is also given without its
fixed cost. Ingests run with ``--no-link``: linking
is the same for both engines, and timed once, apart, on the local ledger. Prints a Markdown
table.

The documents are read at run time from ../shared/data (never copied into the
repository): the PolNeAR articles (train, then dev), then the news articles of the
geoparsing sets (LGL, GeoWebNews, GeoVirus), then the CASE 2021 news snippets, the first
``--limit`` (default 2,000) of them, each written to a temporary folder as a .txt file.

    ./run bench scale [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from _measure import Measured, measure

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLAIMLEDGER_SHARED_DATA") or ROOT.parent / "shared" / "data")
POLNEAR = DATA / "attribution" / "polnear" / "data"
GEOPARSING = DATA / "events" / "geoparsing_gold"
CASE = DATA / "events" / "case2021_task2" / "case2021-task2-dev.tsv"
SUMMARY = re.compile(r"claimledger: (\d+) documents? stored, (\d+) already in the ledger, (\d+)")


def documents() -> Iterator[tuple[str, str]]:
    """(set, text) of every news text, in the order the module's docstring gives."""
    for split in ("train", "dev"):
        for p in sorted((POLNEAR / split / "text").glob("*.txt")):
            yield "PolNeAR", p.read_text(encoding="utf-8")
    for name, label in (
        ("lgl.xml", "LGL"),
        ("GWN.xml", "GeoWebNews"),
        ("GeoVirus.xml", "GeoVirus"),
    ):
        root = ET.parse(GEOPARSING / name).getroot()
        for article in root.iter("article"):
            text = (article.findtext("text") or "").strip()
            if text:
                yield label, text + "\n"
    csv.field_size_limit(1 << 24)
    with open(CASE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("EventSnippet"):
                yield "CASE 2021", row["EventSnippet"].strip() + "\n"


def ingest(corpus: Path, db: Path, engine: str, workers: int) -> Measured:
    cmd = [sys.executable, "-m", "claimledger", "ingest", str(corpus), "--db", str(db)]
    cmd += ["--workers", str(workers), "--no-progress", "--no-link"]
    if engine == "ray":
        cmd += ["--engine", "ray"]
    m = measure(cmd)
    # 1: some documents rejected, the others stored (its summary line says so); a crash
    # exits 1 too, without that line
    if m.returncode not in (0, 1) or not SUMMARY.search(m.stderr):
        raise SystemExit(f"bench: {' '.join(cmd[2:])} failed:\n{m.stderr[-3000:]}")
    return m


def seconds(m: Measured) -> float:
    return m.seconds


def stored(m: Measured) -> str:
    found = SUMMARY.search(m.stderr)
    return f"{found[1]} stored, {found[3]} rejected" if found else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="documents (default 2,000)")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        print(
            f"bench: {POLNEAR} not found; ../shared must sit beside the repository "
            "(or CLAIMLEDGER_SHARED_DATA name the data folder)",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="claimledger-scale-") as tmp:
        corpus, one = Path(tmp) / "corpus", Path(tmp) / "one"
        corpus.mkdir()
        one.mkdir()
        sets: dict[str, int] = {}
        words = 0
        for i, (label, text) in enumerate(documents()):
            if i >= args.limit:
                break
            (corpus / f"doc-{i:05d}.txt").write_text(text, encoding="utf-8")
            sets[label] = sets.get(label, 0) + 1
            words += len(text.split())
        n = sum(sets.values())
        (one / "doc.txt").write_text((corpus / "doc-00000.txt").read_text(encoding="utf-8"))

        def run(name: str, folder: Path, engine: str, workers: int) -> Measured:
            print(f"bench: {name}", file=sys.stderr, flush=True)
            db = Path(tmp) / f"{name.replace(' ', '-')}.db"
            for old in Path(tmp).glob(db.name + "*"):  # a fresh ledger every time
                old.unlink()
            return ingest(folder, db, engine, workers)

        # the fixed costs: one document each way, after one untimed start of each (files
        # cached), the faster of two runs
        run("warm-up local", one, "local", 1)
        run("warm-up ray", one, "ray", 1)
        fixed_local = min((run("local one", one, "local", 1) for _ in range(2)), key=seconds)
        fixed_ray = min((run("ray one", one, "ray", 1) for _ in range(2)), key=seconds)
        fixed = max(0.0, fixed_ray.seconds - fixed_local.seconds)
        rows: list[tuple[str, str, int, Measured, float]] = []
        for engine in ("local", "ray"):
            for workers in (1, 2):
                m = run(f"{engine} {workers}", corpus, engine, workers)
                # each engine's own fixed cost: Python, the model in the driver, the ledger;
                # for Ray also its runtime, actors and their models
                own = fixed_local.seconds + (fixed if engine == "ray" else 0.0)
                rows.append((engine, "CPUs" if engine == "ray" else "workers", workers, m, own))
        print("bench: link, on the local ledger", file=sys.stderr, flush=True)
        link = measure(
            [sys.executable, "-m", "claimledger", "link", "--db", str(Path(tmp) / "local-1.db")]
        )

    print(
        f"\n{n:,} documents ({', '.join(f'{k} {v:,}' for k, v in sets.items())}), "
        f"{words:,} words; {os.cpu_count()} cores; `ingest --no-link`, a fresh ledger each\n"
    )
    print(
        "| engine | cores | seconds | docs/s | docs/s without fixed cost | "
        "peak RSS (MB, process tree) | result |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for engine, _, cores, m, own in rows:
        rate = n / max(m.seconds - own, 1e-9)
        print(
            f"| {engine} | {cores} | {m.seconds:.1f} | {n / m.seconds:.2f} | {rate:.2f} | "
            f"{m.peak_rss_mb:,.0f} | {stored(m)} |"
        )
    print(
        f"\nFixed cost, one document: local {fixed_local.seconds:.1f} s "
        f"({fixed_local.peak_rss_mb:,.0f} MB), Ray {fixed_ray.seconds:.1f} s "
        f"({fixed_ray.peak_rss_mb:,.0f} MB): **Ray's fixed start cost {fixed:.1f} s** "
        "(runtime, actor and its models started, runtime stopped)."
    )
    by = {(e, c): m for e, _, c, m, _ in rows}
    for cores in (1, 2):
        local, ray = by[("local", cores)], by[("ray", cores)]
        extra = ray.seconds - local.seconds
        print(
            f"Ray over the local pool at {cores} core{'s' if cores > 1 else ''}: "
            f"{extra:+.1f} s ({100 * extra / local.seconds:+.0f}%), "
            f"{extra - fixed:+.1f} s ({100 * (extra - fixed) / local.seconds:+.0f}%) "
            "without the fixed start cost."
        )
    print(
        f"Linking the {n:,} documents afterwards (`claimledger link`, one process): "
        f"{link.seconds:.1f} s, {link.peak_rss_mb:,.0f} MB."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
