"""The ledger: one SQLite file in WAL mode, schema from numbered plain-SQL migrations.

Each document and everything extracted from it is written in one transaction, so an
interrupted ingest leaves either the whole document or nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from claimledger.errors import LedgerError
from claimledger.model import (
    Attribution,
    Change,
    Claim,
    Document,
    Entity,
    Extraction,
    Quantity,
    Rejection,
    Sentence,
    content_id,
)

# Every place a document was seen: (doc_id, source, record or 0); repeats are no-ops.
_ADD_SOURCE = "INSERT OR IGNORE INTO document_sources VALUES (?, ?, ?)"
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every bundled migration, in order."""
    out = []
    for entry in resources.files("claimledger.store.migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            out.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(out)


class Ledger:
    """A connection to one ledger file, migrated to the current schema.

    ``create``: a missing or empty file becomes a new ledger (``ingest``, ``check``);
    otherwise the file must already be a ledger. ``readonly``: the connection never writes
    (SQLite's ``mode=ro``), so a read command cannot change the file it reads, and an older
    schema is reported instead of upgraded (``current=False`` opens it all the same, to read
    its version). A SQLite file holding tables that are not
    claimledger's is never touched, whatever the mode.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        readonly: bool = False,
        current: bool = True,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if not self.path.exists():
            if not create or readonly:
                raise LedgerError(
                    f"ledger {self.path} does not exist; run `claimledger ingest` first or "
                    "pass --db"
                )
        elif not self.path.is_file():
            raise LedgerError(
                f"{self.path} is not a file, so it cannot be a ledger; pass --db with a file path"
            )
        try:
            if readonly:
                uri = self.path.resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout=30000")
            tables = self._tables()
            if tables and not {"schema_migrations", "documents"} <= tables:
                shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
                raise LedgerError(
                    f"{self.path} is an SQLite database but not a claimledger ledger (it holds "
                    f"tables {shown}); it was left untouched. Pass --db with another path"
                )
            if not tables and not create:
                raise LedgerError(
                    f"ledger {self.path} is empty (no claimledger tables); run "
                    "`claimledger ingest --db` on it first"
                )
            self.conn.execute("PRAGMA foreign_keys=ON")
            if readonly:
                if current:
                    self._check_current()
            else:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            if hasattr(self, "conn"):
                self.conn.close()
            raise _ledger_error(self.path, exc) from exc
        except LedgerError:
            if hasattr(self, "conn"):
                self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _ledger_error(self.path, exc) from exc
        try:
            yield self.conn
        except sqlite3.OperationalError as exc:  # read-only file, full disk, lock timeout
            self.conn.execute("ROLLBACK")
            raise _ledger_error(self.path, exc) from exc
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _ledger_error(self.path, exc) from exc

    # -- schema -------------------------------------------------------------------------
    def _tables(self) -> set[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows if not str(r[0]).startswith("sqlite_")}

    def schema_version(self) -> int:
        if "schema_migrations" not in self._tables():
            return 0
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def _check_newest(self, current: int, newest: int) -> None:
        if current > newest:
            raise LedgerError(
                f"ledger {self.path} has schema version {current}, newer than this claimledger "
                f"knows ({newest}); upgrade claimledger"
            )

    def _check_current(self) -> None:
        """A read-only connection cannot upgrade the schema: say so instead."""
        current, newest = self.schema_version(), migrations()[-1][0]
        self._check_newest(current, newest)
        if current < newest:
            raise LedgerError(
                f"ledger {self.path} has schema version {current}, older than this "
                f"claimledger's {newest}, and this command only reads; upgrade it once with "
                f"`claimledger upgrade --db {self.path}`"
            )

    def _migrate(self) -> None:
        """Apply the missing migrations in one transaction. BEGIN IMMEDIATE takes the write
        lock before the version is read, so processes opening a new ledger at once migrate
        it one after the other, and each later one finds nothing left to do."""
        known = migrations()
        newest = known[-1][0] if known else 0
        current = self.schema_version()
        self._check_newest(current, newest)
        if current == newest:
            return
        with self.transaction() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version()
            self._check_newest(current, newest)
            for version, name, sql in known:
                if version <= current:
                    continue
                for statement in _statements(sql):
                    c.execute(statement)
                c.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now()))

    # -- writing ------------------------------------------------------------------------
    def ensure_run(self, run_id: str, version: str, model: str, settings: dict[str, Any]) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT OR IGNORE INTO runs VALUES (?, ?, ?, ?, ?)",
                (run_id, version, model, json.dumps(settings, sort_keys=True), now()),
            )

    def document_run(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT run_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else str(row[0])

    def add_source(self, doc_id: str, source: str, record: int | None) -> None:
        with self.transaction() as c:
            c.execute(
                _ADD_SOURCE,
                (doc_id, source, record or 0),
            )

    def add_rejection(self, rejection: Rejection, run_id: str | None) -> bool:
        with self.transaction() as c:
            cur = c.execute(
                "INSERT OR IGNORE INTO rejections VALUES (?, ?, ?, ?, ?, ?)",
                (rejection.id, rejection.input, rejection.stage, rejection.reason, run_id, now()),
            )
            return cur.rowcount > 0

    def write(self, ex: Extraction, run_id: str) -> bool:
        """Store one document's extraction; False when it was already there from this run."""
        doc = ex.document
        doc_id = doc.id
        with self.transaction() as c:
            existing = c.execute("SELECT run_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if existing is not None and existing[0] == run_id:
                c.execute(
                    _ADD_SOURCE,
                    (doc_id, doc.source, doc.record or 0),
                )
                return False
            if existing is not None:  # extracted by another version or settings: replace
                c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            _insert_document(c, ex, run_id)
        return True

    # -- reading ------------------------------------------------------------------------
    def document_ids(self) -> list[str]:
        rows = self.conn.execute("SELECT id FROM documents ORDER BY ingested_at, source, record")
        return [str(r[0]) for r in rows]

    def load(self, doc_id: str) -> Extraction:
        """One stored document with everything extracted from it, as dataclasses."""
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise LedgerError(
                f"no document with id {doc_id!r} in {self.path}; "
                "`claimledger export --what documents` lists them"
            )
        doc = Document(
            text=row["text"],
            source=row["source"],
            record=row["record"],
            title=row["title"],
            url=row["url"],
            published=row["published"],
            outlet=row["outlet"],
            author=row["author"],
            media_type=row["media_type"],
        )
        ex = Extraction(document=doc)
        q = self.conn.execute
        ex.sentences = [
            Sentence(
                doc_id,
                r["idx"],
                r["paragraph"],
                r["start_char"],
                r["end_char"],
                doc.text[r["start_char"] : r["end_char"]],
            )
            for r in q("SELECT * FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,))
        ]
        claim_index = {}
        quantity_ids: dict[str, list[str]] = {}
        for r in q("SELECT * FROM quantities WHERE doc_id = ? ORDER BY start_char", (doc_id,)):
            quantity_ids.setdefault(r["claim_id"], []).append(r["id"])
        links: dict[str, list[str]] = {}
        for r in q(
            "SELECT ca.claim_id, ca.attribution_id FROM claim_attributions ca "
            "JOIN attributions a ON a.id = ca.attribution_id "
            "WHERE a.doc_id = ? ORDER BY a.start_char",
            (doc_id,),
        ):
            links.setdefault(r[0], []).append(r[1])
        for r in q("SELECT * FROM claims WHERE doc_id = ? ORDER BY idx", (doc_id,)):
            claim_index[r["id"]] = r["idx"]
            ex.claims.append(
                Claim(
                    doc_id,
                    r["idx"],
                    r["start_char"],
                    r["end_char"],
                    r["text"],
                    r["score"],
                    r["label"],
                    tuple(json.loads(r["types"])),
                    tuple(quantity_ids.get(r["id"], [])),
                    tuple(links.get(r["id"], [])),
                )
            )
        ex.quantities = [
            quantity_from_row(r, claim_index[r["claim_id"]])
            for r in q("SELECT * FROM quantities WHERE doc_id = ? ORDER BY start_char", (doc_id,))
        ]
        rows = list(
            q(
                "SELECT * FROM attributions WHERE doc_id = ? ORDER BY start_char, cue_start",
                (doc_id,),
            )
        )
        cue_of = {r["id"]: r["cue_start"] for r in rows}
        for r in rows:
            ex.attributions.append(
                Attribution(
                    doc_id,
                    r["start_char"],
                    r["end_char"],
                    r["text"],
                    r["attributed_to"],
                    r["attributed_to_canonical"],
                    r["source_kind"],
                    r["cue"],
                    r["content"],
                    r["source_start"],
                    r["source_end"],
                    r["cue_start"],
                    r["cue_end"],
                    r["content_start"],
                    r["content_end"],
                    bool(r["direct"]),
                    claim_index[r["claim_id"]],
                    cue_of.get(r["parent_id"]),
                    r["source_role"],
                    r["source_affiliation"],
                )
            )
        ex.entities = [
            Entity(
                doc_id,
                r["start_char"],
                r["end_char"],
                r["text"],
                r["label"],
                r["canonical"],
                r["sentence_idx"],
            )
            for r in q("SELECT * FROM mentions WHERE doc_id = ? ORDER BY start_char", (doc_id,))
        ]
        return ex


def quantity_from_row(r: sqlite3.Row, sentence_index: int = -1) -> Quantity:
    """A stored ``quantities`` row as the dataclass extraction made."""
    change = None
    if r["change_direction"]:
        change = Change(r["change_direction"], r["change_from"], r["change_to"], r["change_by"])
    return Quantity(
        r["doc_id"],
        r["start_char"],
        r["end_char"],
        r["text"],
        r["value"],
        r["lower"],
        r["upper"],
        r["unit"],
        r["bound"],
        r["per"],
        change,
        r["quantified"],
        sentence_index,
    )


def _ledger_error(path: Path, exc: sqlite3.DatabaseError) -> LedgerError:
    """One line for a user about a SQLite failure on ``path``."""
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return LedgerError(
            f"ledger {path} is read-only ({text}); give write permission to it and its folder, "
            "or pass --db with a writable path"
        )
    if "locked" in text or "busy" in text:
        return LedgerError(
            f"ledger {path} stayed locked by another process for 30 s ({text}); "
            "wait for the other ingest to finish and retry"
        )
    if "disk" in text and "full" in text:
        return LedgerError(f"no space left for ledger {path} ({text}); free some disk space")
    if "unable to open" in text:
        return LedgerError(
            f"cannot open ledger {path} ({text}); check that its folder exists and is writable"
        )
    return LedgerError(
        f"{path} is not a usable claimledger ledger ({text}); "
        "pass --db with another path or move this file away"
    )


def _statements(sql: str) -> list[str]:
    body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]


def _insert_document(c: sqlite3.Connection, ex: Extraction, run_id: str) -> None:
    doc = ex.document
    doc_id = doc.id
    c.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc_id,
            doc.source,
            doc.record,
            doc.title,
            doc.url,
            doc.published,
            doc.outlet,
            doc.author,
            doc.media_type,
            doc.text,
            len(doc.text),
            len(doc.text.split()),
            run_id,
            now(),
        ),
    )
    c.execute(
        _ADD_SOURCE,
        (doc_id, doc.source, doc.record or 0),
    )
    sentence_ids = {s.index: s.id for s in ex.sentences}
    c.executemany(
        "INSERT INTO sentences VALUES (?,?,?,?,?,?)",
        [(s.id, doc_id, s.index, s.paragraph, s.start, s.end) for s in ex.sentences],
    )
    claim_ids = {cl.sentence_index: cl.id for cl in ex.claims}
    c.executemany(
        "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                cl.id,
                doc_id,
                sentence_ids[cl.sentence_index],
                cl.sentence_index,
                cl.start,
                cl.end,
                cl.text,
                cl.score,
                cl.label,
                json.dumps(list(cl.types)),
                run_id,
            )
            for cl in ex.claims
        ],
    )
    c.executemany(
        "INSERT OR IGNORE INTO quantities VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                q.id,
                doc_id,
                claim_ids[q.sentence_index],
                q.start,
                q.end,
                q.text,
                q.value,
                q.lower,
                q.upper,
                q.unit,
                q.per,
                q.bound,
                q.change.direction if q.change else None,
                q.change.from_value if q.change else None,
                q.change.to_value if q.change else None,
                q.change.by_value if q.change else None,
                q.quantified,
                run_id,
            )
            for q in ex.quantities
        ],
    )
    actors: dict[str, tuple[str, str, set[str]]] = {}

    def actor(canonical: str | None, kind: str, alias: str | None) -> str | None:
        if not canonical:
            return None
        aid = content_id("actor", canonical)
        entry = actors.setdefault(aid, (canonical, kind, set()))
        if alias:
            entry[2].add(alias)
        return aid

    by_cue = {a.cue_start: a.id for a in ex.attributions}
    att_rows = []
    for a in ex.attributions:
        aid = (
            actor(a.attributed_to_canonical, a.source_kind, a.attributed_to)
            if a.source_kind not in ("unnamed", "other")
            else None
        )
        att_rows.append(
            (
                a.id,
                doc_id,
                claim_ids[a.sentence_index],
                a.start,
                a.end,
                a.text,
                a.attributed_to,
                a.attributed_to_canonical,
                aid,
                a.source_kind,
                a.cue,
                a.content,
                a.source_start,
                a.source_end,
                a.cue_start,
                a.cue_end,
                a.content_start,
                a.content_end,
                int(a.direct),
                by_cue.get(a.parent_start) if a.parent_start is not None else None,
                run_id,
                a.source_role,
                a.source_affiliation,
            )
        )
    mention_rows = []
    for e in ex.entities:
        kind = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place"}.get(
            e.label, "organization"
        )
        aid = (
            actor(e.canonical, kind, e.text)
            if e.label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
            else None
        )
        mention_rows.append(
            (
                e.id,
                doc_id,
                e.sentence_index,
                e.start,
                e.end,
                e.text,
                e.label,
                e.canonical,
                aid,
                run_id,
            )
        )
    for aid, (canonical, kind, aliases) in actors.items():
        row = c.execute("SELECT aliases FROM actors WHERE id = ?", (aid,)).fetchone()
        if row is None:
            c.execute(
                "INSERT INTO actors VALUES (?,?,?,?)",
                (aid, canonical, kind, json.dumps(sorted(aliases))),
            )
        else:
            merged = sorted(set(json.loads(row[0])) | aliases)
            c.execute("UPDATE actors SET aliases = ? WHERE id = ?", (json.dumps(merged), aid))
    c.executemany(
        "INSERT OR IGNORE INTO attributions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        att_rows,
    )
    c.executemany("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)", mention_rows)
    c.executemany(
        "INSERT OR IGNORE INTO claim_attributions VALUES (?, ?)",
        [(cl.id, aid) for cl in ex.claims for aid in cl.attribution_ids],
    )
