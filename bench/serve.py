"""Review desk throughput: requests/s and latency percentiles for ``/claims.json`` on a ledger
of at least 10,000 claims, from a local load generator, with and without a concurrent
``claimledger ingest`` writing to the same ledger.

The ledger is built once from the PolNeAR train articles (``../shared/data``) and kept in
``bench/out/serve-ledger.db``; each measurement runs on a fresh copy. The load generator is
a separate process of keep-alive HTTP/1.1 connections (asyncio, standard library), so on
this 2-core machine it competes with the server for CPU, as a reviewer's browser would not.
Prints a Markdown table.

    ./run bench serve [--seconds 20] [--connections 8] [--rebuild]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "data"
TRAIN = DATA / "train" / "text"
DEV = DATA / "dev" / "text"
CACHE = ROOT / "bench" / "out" / "serve-ledger.db"
CLI = [sys.executable, "-m", "claimledger"]
MIN_CLAIMS = 10_000


def say(msg: str) -> None:
    print(f"[bench serve] {msg}", file=sys.stderr, flush=True)


def build_ledger(rebuild: bool) -> Path:
    if CACHE.exists() and not rebuild:
        return CACHE
    if not TRAIN.is_dir():
        raise SystemExit(f"bench: {TRAIN} not found; the shared data must sit beside the repo")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.unlink(missing_ok=True)
    say(f"building the ledger from {TRAIN} (once; minutes)")
    subprocess.run(
        [*CLI, "ingest", str(TRAIN), "--db", str(CACHE), "--workers", "2", "--progress"],
        check=True,
        cwd=ROOT,
    )
    return CACHE


def ledger_size(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            "documents": conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
            "sentences": conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0],
            "claims": conn.execute("SELECT COUNT(*) FROM claims WHERE label = 'claim'").fetchone()[
                0
            ],
        }


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [*CLI, "serve", "--db", str(db), "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    m = re.search(r"at (http://\S+?)/ ", line)
    if not m:
        raise SystemExit(f"bench: the server did not start: {line}{proc.stderr.read()}")
    time.sleep(1.0)
    return proc, m.group(1)


# -- the load generator (runs in its own process: ``serve.py --load ...``) -----------------
async def _one_connection(
    host: str, port: int, path: str, until: float, latencies: list[float], errors: list[str]
) -> None:
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            t0 = time.perf_counter()
            writer.write(request)
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - t0)
            if not status_line.startswith(b"HTTP/1.1 200"):
                errors.append(status_line.decode("latin-1").strip())
    finally:
        writer.close()


async def _load(url: str, path: str, seconds: float, connections: int) -> dict[str, Any]:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    latencies: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(
        *(
            _one_connection(host, int(port), path, until, latencies, errors)
            for _ in range(connections)
        )
    )
    elapsed = time.perf_counter() - start
    return {"latencies": latencies, "errors": errors, "elapsed": elapsed}


def load(url: str, path: str, seconds: float, connections: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--load", url, path, str(seconds), str(connections)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def measure(
    base: Path, path: str, seconds: float, connections: int, ingest: Path | None
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ledger.db"
        shutil.copy(base, db)
        server, url = start_server(db)
        try:
            load(url, path, 2.0, connections)  # warm-up: connections, caches, threads
            writer = None
            if ingest is not None:
                writer = subprocess.Popen(
                    [
                        *CLI,
                        "ingest",
                        str(ingest),
                        "--db",
                        str(db),
                        "--workers",
                        "1",
                        "--no-progress",
                    ],
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                start = ledger_size(db)["documents"]
                deadline = time.monotonic() + 300
                while ledger_size(db)["documents"] == start:  # past spaCy's start-up
                    if writer.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("bench: the concurrent ingest wrote nothing")
                    time.sleep(0.2)
            before = ledger_size(db)["documents"]
            result = load(url, path, seconds, connections)
            written = ledger_size(db)["documents"] - before
            if writer is not None:
                writer.terminate()
                writer.communicate(timeout=60)
        finally:
            server.terminate()
            server.communicate(timeout=60)
    lat = [x * 1000 for x in result["latencies"]]
    return {
        "requests": len(lat),
        "rps": len(lat) / result["elapsed"],
        "p50": percentile(lat, 50),
        "p95": percentile(lat, 95),
        "p99": percentile(lat, 99),
        "errors": len(result["errors"]),
        "written": written,
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--load":
        url, path, seconds, connections = sys.argv[2:6]
        out = asyncio.run(_load(url, path, float(seconds), int(connections)))
        print(json.dumps(out))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=20.0, help="load per row (default 20)")
    ap.add_argument("--connections", type=int, default=8, help="keep-alive connections")
    ap.add_argument("--rebuild", action="store_true", help="build the ledger again")
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    base = build_ledger(args.rebuild)
    size = ledger_size(base)
    if size["claims"] < MIN_CLAIMS:
        say(f"warning: the ledger has {size['claims']} claims, fewer than {MIN_CLAIMS}")
    say(
        f"ledger: {size['documents']} documents, {size['sentences']} sentences, "
        f"{size['claims']} claims"
    )
    rows = [
        ("/claims.json", None),
        ("/claims.json", DEV),
        ("/claims.json?type=statistic&has_figure=yes&reviewed=no&page=5", None),
        ("/claims.json?type=statistic&has_figure=yes&reviewed=no&page=5", DEV),
        ("/static/app.css", None),
    ]
    print(
        f"Ledger: {size['documents']} documents, {size['claims']} claims "
        f"({size['sentences']} sentences). {args.connections} keep-alive connections, "
        f"{args.seconds:.0f} s per row, load generator on the same 2 cores.\n"
    )
    print(
        "| request | concurrent ingest | requests | req/s | p50 ms | p95 ms | p99 ms | errors |"
        " documents ingested meanwhile |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for path, ingest in rows:
        say(f"{path} {'with' if ingest else 'without'} a concurrent ingest")
        r = measure(base, path, args.seconds, args.connections, ingest)
        print(
            f"| `{path}` | {'yes' if ingest else 'no'} | {r['requests']} | {r['rps']:.0f} | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} | "
            f"{r['written'] if ingest else '-'} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
