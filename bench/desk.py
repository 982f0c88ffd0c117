"""The review desk on PostgreSQL beside SQLite: requests/s and latency percentiles for
``/claims.json`` on a ledger of 100,000 claims, both backends in one run, with and without a
concurrent ``claimledger ingest`` writing to the same ledger.

    ./run bench desk [--claims 100000] [--seconds 20] [--pg URL] [--rebuild]

1. The SQLite ledger is built once and kept in ``bench/out/desk-N.db`` (``--rebuild`` builds
   it again): the 53 documents of ``tests/data/link_corpus.py`` are extracted once (spaCy)
   and cloned with new texts, ids, places, dates and figures by ``bench/link.py``'s
   generator (see its docstring), then written through the store's own path,
   ``store.write_many`` (one transaction per batch of documents), until the ledger holds N
   sentences labelled ``claim``. No linking.
2. ``claimledger migrate --from bench/out/desk-N.db --to postgresql://.../bench_desk_PID``
   copies it into a new database on the server ``--pg`` names (a base address whose user may
   CREATE DATABASE; default ``$CLAIMLEDGER_TEST_PG``), timed; the bench stops unless every
   table's count and checksum match. Then ``VACUUM ANALYZE``, which autovacuum runs within a
   minute or two of a bulk copy (its insert threshold): done here, so that no row is measured
   before it and another after it (without it, index-only scans visit the heap and the
   planner has no statistics).
3. The requests: the worklist's first page, a filtered one (``type=statistic&has_figure=yes&
   reviewed=no&page=5``), a deep one (``page=200``: OFFSET 9,950) and a text search
   (``q=killed``, in about 18% of the claims). For each, with and without a writer, on each
   backend: ``claimledger serve --db
   LEDGER --port 0``, a warm-up, then ``--seconds`` of load from ``bench/serve.py``'s
   generator (keep-alive HTTP/1.1 connections in a separate process, competing with the
   server for this machine's cores). The writer is ``claimledger ingest`` of the PolNeAR dev
   articles (``../shared/data``) into the served ledger, started before the load and past
   spaCy's start-up when the load begins; each writer row runs on a fresh copy of the ledger
   (a file copy; ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL). The databases the bench
   made are dropped at the end (``--keep-pg`` keeps the migrated one).

Prints a Markdown table on stdout, progress on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CLI = [sys.executable, "-m", "claimledger"]
BATCH = 250  # documents per write_many transaction
TEXT_SEARCH = "killed"  # in about 18% of the claims


def _sibling(name: str) -> ModuleType:
    """bench/NAME.py as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


link = _sibling("link")
serve = _sibling("serve")


def say(msg: str) -> None:
    print(f"[bench desk] {msg}", file=sys.stderr, flush=True)


# -- 1. the SQLite ledger -----------------------------------------------------------------
def build_ledger(claims: int, rebuild: bool, seed: int) -> tuple[Path, float | None]:
    """bench/out/desk-N.db and the seconds it took to build (None: it was there). A build
    that stopped leaves nothing behind."""
    path = OUT / f"desk-{claims}.db"
    if path.exists() and not rebuild:
        say(f"ledger {path.relative_to(ROOT)} is built (--rebuild builds it again)")
        return path, None
    from claimledger import api
    from claimledger.nlp.load import model_version
    from claimledger.pipeline import extraction_settings
    from claimledger.settings import Settings
    from claimledger.store import open_store
    from claimledger.version import __version__

    if not link.POLNEAR.is_dir():
        raise SystemExit(f"bench: {link.POLNEAR} not found; ../shared must sit beside the repo")
    OUT.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for p in (path, building):
        for q in p.parent.glob(p.name + "*"):
            q.unlink()
    started = time.monotonic()
    say("extracting the 53 documents of tests/data/link_corpus.py (spaCy, once)")
    with tempfile.TemporaryDirectory() as tmp:
        templates = link.extract_templates(Path(tmp))
    per_world = sum(c.label == "claim" for ex in templates for c in ex.claims)
    docs = -(-claims * len(templates) // per_world)
    texts = link.Texts(link.polnear_sentences(link.POLNEAR), seed)
    gen = link.Generator(templates, texts, max(50, docs // 5), 730, 0.25, 0.05, seed)
    say(
        f"templates in {time.monotonic() - started:.0f} s ({per_world} claims in 53 documents); "
        f"writing about {docs:,} documents for {claims:,} claims, {BATCH} per transaction"
    )
    settings = Settings(workers=1)
    rid = api.run_id(settings)
    written = done = 0
    t0 = last = time.monotonic()
    with open_store(building) as store:
        store.ensure_run(rid, __version__, model_version(), extraction_settings(settings))
        while written < claims:
            batch = []
            while len(batch) < BATCH and written < claims:
                ex = gen.document(done + len(batch))
                written += sum(c.label == "claim" for c in ex.claims)
                batch.append(ex)
            if not all(store.write_many(batch, rid)):
                raise SystemExit("bench: a generated document was already in the ledger")
            done += len(batch)
            now = time.monotonic()
            if now - last >= 10 or written >= claims:
                rate = done / (now - t0)
                say(
                    f"written {done:,} documents, {written:,} of {claims:,} claims "
                    f"({rate:.0f} documents/s, {(docs - done) / rate:.0f} s to go)"
                )
                last = now
    with contextlib.closing(sqlite3.connect(building)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    building.rename(path)
    for q in path.parent.glob(building.name + "-*"):
        q.unlink()
    seconds = time.monotonic() - started
    say(f"built {path.relative_to(ROOT)} in {seconds:.0f} s")
    return path, seconds


def size(ledger: str) -> dict[str, int]:
    """Documents, sentences and claims of a ledger (a file or a PostgreSQL address)."""
    queries = {
        "documents": "SELECT COUNT(*) FROM documents",
        "sentences": "SELECT COUNT(*) FROM claims",
        "claims": "SELECT COUNT(*) FROM claims WHERE label = 'claim'",
    }
    if is_pg(ledger):
        import psycopg

        with psycopg.connect(ledger, autocommit=True) as pg:
            return {k: pg.execute(sql).fetchone()[0] for k, sql in queries.items()}
    with contextlib.closing(sqlite3.connect(ledger)) as conn:
        return {k: conn.execute(sql).fetchone()[0] for k, sql in queries.items()}


def documents(ledger: str) -> int:
    return size(ledger)["documents"]


# -- 2. PostgreSQL ------------------------------------------------------------------------
def is_pg(ledger: str) -> bool:
    return ledger.startswith(("postgresql://", "postgres://"))


def database_url(base: str, name: str) -> str:
    """``base`` naming the database ``name`` instead (host, user and options kept)."""
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


def admin(base: str, sql: str) -> None:
    """One statement (CREATE/DROP DATABASE) on the server ``base`` names."""
    import psycopg

    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=15) as pg:
            pg.execute(sql)
    except psycopg.Error as exc:
        raise SystemExit(f"bench: {sql}: {exc}") from exc


def migrate(db: Path, url: str) -> dict[str, Any]:
    """``claimledger migrate`` from the file to the new database, timed; stops unless every
    count and checksum is the same."""
    say(f"claimledger migrate --from {db.relative_to(ROOT)} --to {url}")
    t0 = time.monotonic()
    proc = subprocess.run(
        [*CLI, "migrate", "--from", str(db), "--to", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - t0
    tables = [
        (m[1], int(m[2]), int(m[3]), m[4] == "same")
        for m in re.finditer(r"^(\w+)\s+(\d+)\s+(\d+)\s+\w+\s+(same|DIFFERS)", proc.stdout, re.M)
    ]
    if proc.returncode != 0 or not tables or not all(same for *_, same in tables):
        sys.stderr.write(proc.stdout)
        raise SystemExit(f"bench: claimledger migrate failed (exit {proc.returncode})")
    rows = sum(n for _, n, _, _ in tables)
    say(f"migrated {rows:,} rows in {len(tables)} tables in {seconds:.0f} s; checksums match")
    return {"seconds": seconds, "rows": rows, "tables": len(tables), "report": proc.stdout}


@contextlib.contextmanager
def fresh_copy(ledger: str, base: str, name: str) -> Iterator[str]:
    """A copy of the ledger, removed afterwards: a file copy, or a database made with
    ``CREATE DATABASE ... TEMPLATE`` on the server (nothing may be connected to the
    ledger meanwhile)."""
    if is_pg(ledger):
        src = urlsplit(ledger).path.lstrip("/")
        admin(base, f'CREATE DATABASE "{name}" TEMPLATE "{src}"')
        try:
            yield database_url(base, name)
        finally:
            admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "ledger.db"
            shutil.copy(ledger, db)
            yield str(db)


# -- 3. the measurements ------------------------------------------------------------------
def measure(
    ledger: str, path: str, seconds: float, connections: int, writer: bool
) -> dict[str, Any]:
    server, url = serve.start_server(ledger)
    ingest = None
    try:
        serve.load(url, path, 3.0, connections)  # warm-up: connections, caches, threads
        if writer:
            ingest = subprocess.Popen(
                [*CLI, "ingest", str(serve.DEV), "--db", ledger, "--workers", "1", "--no-progress"],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            start = documents(ledger)
            deadline = time.monotonic() + 300
            while documents(ledger) == start:  # past spaCy's start-up
                if ingest.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"bench: the concurrent ingest wrote nothing: {ingest}")
                time.sleep(0.2)
        before = documents(ledger)
        result = serve.load(url, path, seconds, connections)
        written = documents(ledger) - before
    finally:
        if ingest is not None:
            ingest.terminate()
            ingest.communicate(timeout=60)
        server.terminate()
        server.communicate(timeout=60)
    lat = [x * 1000 for x in result["latencies"]]
    for error in sorted(set(result["errors"]))[:3]:
        say(f"  error: {error}")
    return {
        "requests": len(lat),
        "rps": len(lat) / result["elapsed"],
        "p50": serve.percentile(lat, 50),
        "p95": serve.percentile(lat, 95),
        "p99": serve.percentile(lat, 99),
        "errors": len(result["errors"]),
        "written": written,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=100_000, help="ledger size (default 100,000)")
    ap.add_argument("--seconds", type=float, default=20.0, help="load per row (default 20)")
    ap.add_argument("--connections", type=int, default=8, help="keep-alive connections")
    ap.add_argument(
        "--pg",
        default=os.environ.get("CLAIMLEDGER_TEST_PG"),
        help="a PostgreSQL server's address whose user may CREATE DATABASE "
        "(default $CLAIMLEDGER_TEST_PG)",
    )
    ap.add_argument("--rebuild", action="store_true", help="build the SQLite ledger again")
    ap.add_argument("--keep-pg", action="store_true", help="leave the migrated database")
    ap.add_argument("--seed", type=int, default=link.SEED)
    args = ap.parse_args()
    if not args.pg or not is_pg(args.pg):
        ap.error(
            "a PostgreSQL server is needed: pass --pg postgresql://USER@HOST:PORT/DB (a user "
            "who may CREATE DATABASE) or set CLAIMLEDGER_TEST_PG"
        )
    if not serve.DEV.is_dir():
        raise SystemExit(f"bench: {serve.DEV} not found; ../shared must sit beside the repo")
    os.environ.setdefault("PYTHONHASHSEED", "0")

    db, built = build_ledger(args.claims, args.rebuild, args.seed)
    n = size(str(db))
    say(
        f"ledger: {n['documents']:,} documents, "
        f"{n['sentences']:,} sentences, {n['claims']:,} claims"
    )

    name = f"bench_desk_{os.getpid()}"
    pg = database_url(args.pg, name)
    admin(args.pg, f'CREATE DATABASE "{name}"')
    try:
        moved = migrate(db, pg)
        t1 = time.monotonic()
        admin(pg, "VACUUM ANALYZE")
        analyzed = time.monotonic() - t1
        if size(pg) != n:
            raise SystemExit(f"bench: the PostgreSQL ledger holds {size(pg)}, not {n}")
        backends = [("sqlite", str(db)), ("postgresql", pg)]
        requests = [
            "/claims.json",
            "/claims.json?type=statistic&has_figure=yes&reviewed=no&page=5",
            "/claims.json?page=200",
            f"/claims.json?q={TEXT_SEARCH}",
        ]
        print(
            f"Ledger: {n['documents']:,} documents, {n['claims']:,} claims "
            f"({n['sentences']:,} sentences), bench/link.py's generator "
            f"({'cached' if built is None else f'built in {built:.0f} s'}). "
            f"PostgreSQL: `claimledger migrate` copied {moved['rows']:,} rows in "
            f"{moved['tables']} tables in {moved['seconds']:.0f} s (counts and checksums "
            f"the same), VACUUM ANALYZE {analyzed:.0f} s. {args.connections} keep-alive "
            f"connections, {args.seconds:.0f} s per row, load generator on the same "
            f"{os.cpu_count()} cores; concurrent writer: `claimledger ingest` of the PolNeAR "
            "dev articles (documents written during the row in brackets).\n"
        )
        print(
            "| request | backend | concurrent writer | requests | req/s | p50 ms | p95 ms "
            "| p99 ms | errors |"
        )
        print("|---|---|---|---:|---:|---:|---:|---:|---:|")
        k = 0
        loads: list[float] = []
        for path in requests:
            for writer in (False, True):
                for backend, ledger in backends:
                    loads.append(os.getloadavg()[0])
                    say(
                        f"{path} on {backend} {'with' if writer else 'without'} a writer "
                        f"(load average {loads[-1]:.1f})"
                    )
                    with contextlib.ExitStack() as stack:
                        if writer:
                            k += 1
                            ledger = stack.enter_context(fresh_copy(ledger, args.pg, f"{name}_{k}"))
                        r = measure(ledger, path, args.seconds, args.connections, writer)
                    wrote = f"yes ({r['written']})" if writer else "no"
                    print(
                        f"| `{path}` | {backend} | {wrote} | {r['requests']} | {r['rps']:.0f} "
                        f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} |",
                        flush=True,
                    )
        print(
            f"\nThe machine's 1-minute load average before each row (every process on it, "
            f"this bench's included): {min(loads):.1f} to {max(loads):.1f}."
        )
    finally:
        if not args.keep_pg:
            admin(args.pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            say(f"kept {pg}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
