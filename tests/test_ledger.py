"""The ledger: WAL, migrations, idempotent re-ingest, rejections, atomic writes. Every test
of a ledger runs on SQLite and on PostgreSQL (``backends``), but for those about the SQLite
file itself."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from claimledger import api
from claimledger.errors import LedgerError
from claimledger.model import Document
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from claimledger.store import open_store
from claimledger.store.sqlite import Ledger
from tests.conftest import DB, EXAMPLE, raw, version_1_ledger

pytestmark = pytest.mark.backends

TABLES = (
    "documents",
    "sentences",
    "claims",
    "quantities",
    "attributions",
    "mentions",
    "actors",
    "claim_attributions",
    "rejections",
    "runs",
    "document_sources",
)


def counts(db: DB) -> dict[str, int]:
    return {t: raw(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}


def test_schema_wal_and_migrations(db: DB, backend: str) -> None:
    with open_store(db) as ledger:
        assert ledger.schema_version() == 10
        if backend == "sqlite":
            assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            names = {r[0] for r in ledger.conn.execute("SELECT name FROM sqlite_master")}
        else:
            names = {
                r[0]
                for r in raw(
                    db,
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()",
                )
            }
    assert set(TABLES) | {"reviews", "reference_figures", "schema_migrations"} <= names


@pytest.mark.sqlite_only("about the SQLite file: a ledger of schema 1 made with sqlite3")
def test_version_1_ledger_upgrades_in_place(db: Path) -> None:
    version_1_ledger(db)
    api.ingest([str(EXAMPLE)], db, Settings(workers=1))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 10
        roles = conn.execute(
            "SELECT COUNT(*) FROM attributions WHERE source_role IS NOT NULL"
        ).fetchone()[0]
    assert roles >= 1  # the example names its sources by role


def test_reingest_adds_nothing(db: DB, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    first = api.ingest([str(EXAMPLE), str(bad)], db, Settings(workers=1))
    before = counts(db)
    assert len(first.stored) == 1 and len(first.rejected) == 1
    assert before["documents"] == 1 and before["claims"] > 5 and before["quantities"] > 5
    assert before["rejections"] == 1 and before["runs"] == 1
    second = api.ingest([str(EXAMPLE), str(bad)], db, Settings(workers=1))
    assert second.stored == [] and second.unchanged == first.stored
    assert counts(db) == before


def test_same_text_from_two_paths_is_one_document(db: DB, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    api.ingest([str(EXAMPLE), str(copy)], db, Settings(workers=1))
    c = counts(db)
    assert c["documents"] == 1 and c["document_sources"] == 2


def test_rows_carry_their_run(db: DB) -> None:
    api.ingest([str(EXAMPLE)], db, Settings(workers=1))
    [(version, settings)] = raw(db, "SELECT version, settings FROM runs")
    run_ids = {r[0] for r in raw(db, "SELECT DISTINCT run_id FROM claims")}
    assert version and "claim_threshold" in settings and len(run_ids) == 1


def test_changed_settings_reextract_in_place(db: DB) -> None:
    api.ingest([str(EXAMPLE)], db, Settings(workers=1))
    n = counts(db)
    again = api.ingest([str(EXAMPLE)], db, Settings(workers=1, claim_threshold=0.9))
    assert len(again.stored) == 1
    after = counts(db)
    assert after["documents"] == 1 and after["claims"] == n["claims"] and after["runs"] == 2


def test_loaded_extraction_equals_written(db: DB) -> None:
    doc = Document(text=EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE))
    [ex] = list(extract_all([doc], Settings(workers=1)))
    with open_store(db) as ledger:
        ledger.ensure_run("r", "v", "m", {})
        ledger.write(ex, "r")  # type: ignore[arg-type]
        back = ledger.load(doc.id)
    assert back.sentences == ex.sentences  # type: ignore[union-attr]
    assert back.quantities == ex.quantities  # type: ignore[union-attr]
    assert back.attributions == ex.attributions  # type: ignore[union-attr]
    assert back.claims == ex.claims  # type: ignore[union-attr]
    assert back.entities == ex.entities  # type: ignore[union-attr]


def test_failed_write_leaves_no_half_document(db: DB, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(text=EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE))
    [ex] = list(extract_all([doc], Settings(workers=1)))
    with open_store(db) as ledger:
        # the module whose _insert_document the store's write calls (store/sqlite.py's)
        ledger_mod = sys.modules[type(ledger)._write.__module__]  # type: ignore[attr-defined]
        real = ledger_mod._insert_document

        def crash_midway(c: sqlite3.Connection, ex_: object, run_id: str) -> None:
            real(c, ex_, run_id)
            raise KeyboardInterrupt  # as if Ctrl-C arrived after the rows were sent

        monkeypatch.setattr(ledger_mod, "_insert_document", crash_midway)
        ledger.ensure_run("r", "v", "m", {})
        with pytest.raises(KeyboardInterrupt):
            ledger.write(ex, "r")  # type: ignore[arg-type]
    c = counts(db)
    assert c["documents"] == c["sentences"] == c["claims"] == c["quantities"] == 0


def test_not_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100, encoding="utf-8")
    with pytest.raises(LedgerError, match="not a usable claimledger ledger"):
        Ledger(path)


def test_newer_schema_refused(db: DB) -> None:
    open_store(db).close()
    raw(db, "INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    with pytest.raises(LedgerError, match="newer than this claimledger"):
        open_store(db)


def test_missing_ledger_for_readers(db: DB, backend: str) -> None:
    # a file that is not there; a database with nothing in it
    with pytest.raises(LedgerError, match="does not exist" if backend == "sqlite" else "empty"):
        api.claims(db)


def test_no_sql_outside_the_store() -> None:
    """Every query of the ledger goes through the store: no module outside ``store/`` holds a
    connection or runs a statement (the gazetteer's index, a cache of shipped data, aside)."""
    import re

    from tests.conftest import ROOT

    package = ROOT / "src" / "claimledger"
    pattern = re.compile(r"\.conn\b|execute(many)?\(|^\s*(import|from) sqlite3\b")
    found = [
        f"{path.relative_to(package)}:{n}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if "store" not in path.relative_to(package).parts[:1]
        # the gazetteer's own read-only name index, a cache file beside no ledger
        and path.relative_to(package).as_posix() != "extract/places/gazetteer.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []


def test_rows_are_written_by_column_name(db: DB) -> None:
    with open_store(db) as ledger, ledger.transaction():
        ledger.insert(  # type: ignore[attr-defined]
            "runs",
            [{"first_used": "then", "settings": "{}", "model": "m", "version": "v", "id": "r"}],
        )
        with pytest.raises(ValueError, match="not a plain SQL name"):
            ledger.insert("runs; DROP TABLE runs", [{"id": "x"}])  # type: ignore[attr-defined]
    assert raw(db, "SELECT id, version, model FROM runs") == [("r", "v", "m")]
