"""The ledger on PostgreSQL: what only a server ledger has to show. The same rows as a SQLite
ingest of the same documents; `claimledger migrate` both ways, nothing lost; several writers
and desks at once (every document stored once, every review kept); a foreign or unreachable
database refused with a clear message; the dialect translation itself.

The rest of the ledger's behaviour runs on both backends in the modules marked
``backends`` (tests/conftest.py); this module needs the server those use (CLAIMLEDGER_TEST_PG,
started by `./run test`)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from claimledger import api
from claimledger.errors import LedgerError
from claimledger.settings import Settings, ledger_label
from claimledger.store import open_store
from claimledger.store.copy import copy_ledger, table_checksum, table_order
from claimledger.store.postgres import translate
from tests.conftest import PgServer, raw, run_cli
from tests.data.link_corpus import DOCS

# Columns that say when a row was written, which two ingests never share.
_WHEN = {"ingested_at", "first_seen", "first_used", "created_at", "applied_at", "linked_at"}


def _columns(store: Any, table: str) -> list[str]:
    cur = store.execute(f"SELECT * FROM {table} LIMIT 0")
    return [str(d[0]) for d in cur.description if str(d[0]) not in _WHEN]


def _sums(db: str | Path) -> dict[str, tuple[int, str]]:
    with open_store(db, create=False, readonly=True) as store:
        return {
            t: table_checksum(store, t, _columns(store, t))  # type: ignore[arg-type]
            for t in table_order()
        }


def _corpus(folder: Path, docs: Any = DOCS) -> Path:
    path = folder / "wire.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"text": d.text, "published": d.published, "title": d.name}))
            f.write("\n")
    return path


@pytest.fixture
def pg(pg_server: PgServer, request: pytest.FixtureRequest) -> Any:
    made: list[str] = []

    def new(hint: str = "") -> str:
        url = pg_server.create(f"{request.node.name}_{hint}")
        made.append(url)
        return url

    yield new
    for url in made:
        pg_server.drop(url)


def test_the_same_rows_as_a_sqlite_ingest(pg: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    url, path = pg(), tmp_path / "ledger.db"
    for where in (path, url):
        result = api.ingest([str(corpus)], where, Settings(workers=1))
        assert len(result.stored) == len(DOCS) and not result.rejected
    a, b = _sums(path), _sums(url)
    assert a == b
    assert a["claims"][0] > 10 and a["events"][0] > 3 and a["figure_relations"][0] > 0


def test_migrate_copies_everything_both_ways(pg: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    first = tmp_path / "first.db"
    api.ingest([str(corpus)], first, Settings(workers=1))
    with open_store(first) as store:
        claim = str(store.scalar("SELECT id FROM claims WHERE label = 'claim' LIMIT 1"))
        store.add_review(claim, "misleading", "Desk A", "checked against the ministry's table")
        store.add_review(claim, "accurate", "Desk B", "")
    url = pg()
    done = run_cli("migrate", "--from", str(first), "--to", url)
    assert done.returncode == 0, done.stderr
    assert "every count and checksum matches" in done.stderr
    assert "reviews" in done.stdout and "DIFFERS" not in done.stdout
    rows = {line.split()[0]: line.split()[1:3] for line in done.stdout.splitlines()[1:]}
    assert rows["reviews"] == ["2", "2"] and rows["claims"][0] == rows["claims"][1] != "0"
    assert _sums(first) == _sums(url)
    # the copy numbers a new review after the copied ones, as the original would
    with open_store(url) as store:
        assert store.add_review(claim, "accurate", "Desk C", "").id == 3
    back = tmp_path / "back.db"
    tables = copy_ledger(url, back)
    assert all(t.same for t in tables) and {t.table for t in tables} >= {"claims", "reviews"}
    assert raw(back, "SELECT reviewer FROM reviews ORDER BY id") == [
        ("Desk A",),
        ("Desk B",),
        ("Desk C",),
    ]


def test_migrate_refuses_a_ledger_that_holds_data(pg: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, DOCS[:2])
    first, url = tmp_path / "first.db", pg()
    api.ingest([str(corpus)], first, Settings(workers=1))
    api.ingest([str(corpus)], url, Settings(workers=1))
    before = _sums(url)
    done = run_cli("migrate", "--from", str(first), "--to", url)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "is not empty" in done.stderr and "documents" in done.stderr
    assert _sums(url) == before
    same = run_cli("migrate", "--from", url, "--to", url)
    assert same.returncode != 0 and "same ledger" in same.stderr


def test_writers_and_desks_at_once(pg: Any, tmp_path: Path) -> None:
    """Two ingests of overlapping documents and reviews posted meanwhile: every document is
    stored once, every review is kept, and nothing waits forever."""
    url = pg()
    seed = tmp_path / "seed"
    seed.mkdir()
    api.ingest([str(_corpus(seed, DOCS[:1]))], url, Settings(workers=1))
    with open_store(url, create=False) as store:
        claim = str(store.scalar("SELECT id FROM claims ORDER BY id LIMIT 1"))
    halves = []
    for i, part in enumerate((DOCS[: len(DOCS) // 2 + 3], DOCS[len(DOCS) // 2 :])):
        folder = tmp_path / f"part{i}"
        folder.mkdir()
        halves.append(_corpus(folder, part))
    errors: list[BaseException] = []
    stop = threading.Event()
    written: list[int] = []

    def desk(name: str) -> None:
        try:
            with open_store(url, create=False) as store:
                while not stop.is_set() or len(written) < 20:
                    written.append(store.add_review(claim, "accurate", name, "").id)
        except BaseException as exc:  # reported below
            errors.append(exc)

    desks = [threading.Thread(target=desk, args=(f"Desk {i}",)) for i in range(2)]
    for t in desks:
        t.start()
    try:
        ingests = [
            run_cli_async("ingest", "--db", url, "--workers", "1", str(path)) for path in halves
        ]
        outs = [p.communicate(timeout=600) for p in ingests]
    finally:
        stop.set()
        for t in desks:
            t.join(timeout=120)
    assert not errors, errors
    assert all(p.returncode == 0 for p in ingests), outs
    ids = [r[0] for r in raw(url, "SELECT id FROM documents")]
    assert len(ids) == len(set(ids)) == len(DOCS)
    stored = raw(url, "SELECT id FROM reviews WHERE claim_id = ? ORDER BY id", (claim,))
    assert sorted(written) == [r[0] for r in stored] and len(written) >= 20


def run_cli_async(*args: str) -> Any:
    import os
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", "claimledger", *args],
        env={**os.environ},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_database_of_another_program_is_left_alone(pg: Any) -> None:
    url = pg()
    raw_sql(url, "CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)")
    done = run_cli("ingest", "--db", url, "examples/wire-report.txt")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "not a claimledger ledger" in done.stderr and "invoices" in done.stderr
    assert raw_sql(url, "SELECT table_name FROM information_schema.tables "
                   "WHERE table_schema = 'public'") == [("invoices",)]  # fmt: skip


def raw_sql(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql)
        return [tuple(r) for r in cur.fetchall()] if cur.description else []


def test_an_empty_database_is_no_ledger_to_read(pg: Any) -> None:
    url = pg()
    done = run_cli("claims", "--db", url)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "is empty" in done.stderr
    assert raw_sql(url, "SELECT COUNT(*) FROM information_schema.tables "
                   "WHERE table_schema = 'public'") == [(0,)]  # fmt: skip


def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    url = "postgresql://desk:s3cret@127.0.0.1:9/ledger?connect_timeout=3"
    done = run_cli("claims", "--db", url)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "cannot open the PostgreSQL ledger" in done.stderr
    assert "s3cret" not in done.stderr and "desk:***@127.0.0.1:9" in done.stderr
    with pytest.raises(LedgerError, match="check the address"):
        open_store(url)


def test_claimledger_db_names_a_server_ledger(pg: Any) -> None:
    url = pg()
    done = run_cli("ingest", "examples/wire-report.txt", env={"CLAIMLEDGER_DB": url})
    assert done.returncode == 0, done.stderr
    assert raw(url, "SELECT COUNT(*) FROM documents") == [(1,)]


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        ("SELECT a FROM t WHERE b = ? AND c LIKE 'x%'",
         "SELECT a FROM t WHERE b = %s AND c LIKE 'x%%'"),
        ("SELECT '?' || ? FROM t", "SELECT '?' || %s FROM t"),
        ("SELECT 'it''s ?' FROM t WHERE a IS ?",
         "SELECT 'it''s ?' FROM t WHERE a IS NOT DISTINCT FROM %s"),
        ("SELECT instr(lower(a), lower(?)) FROM t",
         "SELECT strpos(lower(a), lower(%s)) FROM t"),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x REAL, y BLOB, z TEXT)",
         'CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, '
         'x DOUBLE PRECISION, y BYTEA, z TEXT COLLATE "C")'),
        ("ALTER TABLE t ADD COLUMN n INTEGER NOT NULL DEFAULT 0",
         "ALTER TABLE t ADD COLUMN n BIGINT NOT NULL DEFAULT 0"),
        ("SELECT text, INTEGER_like FROM t", "SELECT text, INTEGER_like FROM t"),
    ],
)  # fmt: skip
def test_translate(sqlite: str, postgres: str) -> None:
    assert translate(sqlite) == postgres


def test_redact() -> None:
    assert ledger_label("postgresql://u:pw@h:5/db") == "postgresql://u:***@h:5/db"
    assert ledger_label("postgresql://u@h/db") == "postgresql://u@h/db"
