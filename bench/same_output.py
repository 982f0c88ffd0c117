"""Does a change alter what claimledger extracts? ``extract --what all`` at a git ref and in the
working tree, on the bundled example and the first N PolNeAR train articles, compared record
by record.

    ./run bench same_output                 # against HEAD
    ./run bench same_output --ref e61730c   # against any commit
    ./run bench same_output --ignore rule   # fields the change adds, left out of the comparison

The ref's ``src/`` is unpacked with ``git archive`` into a temporary folder and run with the
same virtual environment, so only the code differs. Prints a Markdown table and the first
differing records; exits 1 when any record differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "data" / "train" / "text"


def inputs(n: int) -> list[Path]:
    articles = sorted(POLNEAR.glob("*.txt"))[:n] if POLNEAR.is_dir() else []
    if n and not articles:
        print(f"same_output: no PolNeAR articles at {POLNEAR}; comparing the example only",
              file=sys.stderr)  # fmt: skip
    return [ROOT / "examples" / "wire-report.txt", *articles]


def extract(src: Path, paths: list[Path]) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-m", "claimledger", "extract", "--what", "all", "--any-language",
         "--workers", "2", *map(str, paths)],
        env=env, capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    if out.returncode not in (0, 1):
        raise SystemExit(f"same_output: extract failed under {src}:\n{out.stderr[-2000:]}")
    return [json.loads(line) for line in out.stdout.splitlines()]


def unpack(ref: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, "src"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def key(rec: dict[str, Any]) -> tuple[str, str, str]:
    return (rec["kind"], rec["doc_id"], rec["id"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="HEAD", help="the git commit to compare with")
    ap.add_argument("--articles", type=int, default=100, help="PolNeAR train articles")
    ap.add_argument("--ignore", action="append", default=[], help="a field not compared")
    args = ap.parse_args()
    paths = inputs(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        before = extract(unpack(args.ref, Path(tmp)), paths)
    after = extract(ROOT / "src", paths)
    ignored = set(args.ignore)

    def clean(rec: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in rec.items() if k not in ignored}

    old = {key(r): clean(r) for r in before}
    new = {key(r): clean(r) for r in after}
    kinds = sorted({k[0] for k in old} | {k[0] for k in new})
    print(f"`extract --what all` on {len(paths)} documents: {args.ref} against the working tree"
          + (f", ignoring {', '.join(sorted(ignored))}" if ignored else ""))  # fmt: skip
    print()
    print("| kind | records before | records after | only before | only after | changed |")
    print("|---|---:|---:|---:|---:|---:|")
    differ = []
    for kind in kinds:
        ks_old = {k for k in old if k[0] == kind}
        ks_new = {k for k in new if k[0] == kind}
        changed = [k for k in ks_old & ks_new if old[k] != new[k]]
        differ += [(k, old.get(k), new.get(k)) for k in sorted(ks_old ^ ks_new)] + [
            (k, old[k], new[k]) for k in sorted(changed)
        ]
        print(f"| {kind} | {len(ks_old)} | {len(ks_new)} | {len(ks_old - ks_new)} | "
              f"{len(ks_new - ks_old)} | {len(changed)} |")  # fmt: skip
    order_same = [key(r) for r in before] == [key(r) for r in after]
    print(f"\nrecord order identical: {'yes' if order_same else 'no'}")
    for k, a, b in differ[:5]:
        print(f"\n{k}\n  before: {json.dumps(a)[:600]}\n  after:  {json.dumps(b)[:600]}")
    return 0 if not differ and order_same else 1


if __name__ == "__main__":
    raise SystemExit(main())
