"""The ledger in SQLite: one file in WAL mode, schema from numbered plain-SQL migrations.

Every statement goes through :meth:`SQLiteStore.execute` (and ``executemany``), the one
place that holds the connection; rows are written by column name with :meth:`insert`,
never by position, so a column added by a migration cannot shift a value into the wrong
column. Each document and everything extracted from it is written in one transaction, so an
interrupted ingest leaves either the whole document or nothing.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from claimledger.errors import LedgerError
from claimledger.extract.events.taxonomy import BY_CODE as EVENT_TYPES
from claimledger.extract.events.taxonomy import type_fields
from claimledger.link.actors.mentions import NAMED_LABELS, SOURCE_KINDS, affiliation_in
from claimledger.link.actors.people import PersonMention, merge_people
from claimledger.link.actors.table import load_table as load_actor_table
from claimledger.link.citations import CITING_KINDS, cited_outlet, outlet_actor, outlet_key
from claimledger.link.compare import (
    BlockKey,
    Figure,
    Relation,
    blocking_key,
    compare,
    figures_of,
    wider_keys,
)
from claimledger.link.events import (
    EventCluster,
    clusters_of,
    event_figures,
    with_event_place_and_day,
)
from claimledger.link.measures import PART_OF, Measure
from claimledger.link.repeats import SCHEME as REPEAT_SCHEME
from claimledger.link.repeats import THRESHOLD as REPEAT_THRESHOLD
from claimledger.link.repeats import Match, Signed
from claimledger.link.repeats import clusters as repeat_clusters
from claimledger.link.repeats import passages as repeat_passages
from claimledger.link.repeats import score as repeat_score
from claimledger.link.repeats import sign as sign_passage
from claimledger.model import (
    Attribution,
    Change,
    Claim,
    Document,
    Entity,
    Event,
    EventArg,
    EventFigure,
    EventSource,
    Extraction,
    Quantity,
    Rejection,
    Sentence,
    When,
    Where,
    content_id,
)
from claimledger.pipeline import COMPONENTS, items_of
from claimledger.store.base import (
    CheckHit,
    CitationHit,
    CitedDocument,
    ClaimDetail,
    ClaimHit,
    ClaimLinks,
    ContextSentence,
    DocumentInfo,
    EventDetail,
    EventHit,
    EventTypeCount,
    FigureGroupHit,
    LinkResult,
    Overview,
    Page,
    Part,
    PassageRef,
    PublishedReview,
    RelationHit,
    RepeatHit,
    Review,
    Row,
    SameFigure,
    StatedSource,
    Store,
)
from claimledger.store.filters import (
    VERDICTS,
    ClaimFilter,
    DocumentFilter,
    EventFilter,
    check_paging,
    event_code,
)

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
# The worklist's sorts (store/filters.py names them) as ORDER BY clauses.
_ORDER = {
    "score": "c.score DESC, c.doc_id, c.idx",
    "score_asc": "c.score ASC, c.doc_id, c.idx",
    "document": "d.source, d.record, c.idx",
    "reviewed": "last_review_at DESC NULLS LAST, c.score DESC",
}
# The sorts that read only the claims table (so a page's ids can be chosen before any join).
_CLAIMS_ONLY_ORDER = frozenset({"score", "score_asc"})
# The score sort, when any figure disagrees with a reference row: those claims first (a
# disagreement raises a claim in the worklist; only a person records a verdict).
_DISAGREEING_FIRST = (
    "c.id IN (SELECT claim_id FROM reference_checks WHERE status = 'disagrees') DESC"
)
# The migration that rebuilds reference_figures (0008_links.sql).
_REFERENCE_REBUILT = 8
_OUTLET_KEYS = 9  # the migration adding documents.outlet_key and outlet_actor_id
_CITED_DOCUMENTS = 20  # an outlet's documents listed when none states the cited figure
# Ids in one IN (...) list at most; longer lists go in several queries.
_IN_CHUNK = 200
_CLAIM_SELECT = (
    "SELECT c.id, c.doc_id, c.idx, c.start_char, c.end_char, c.text, c.score, c.label, "
    "c.types, c.time_text, c.time_text_start, c.time_text_end, c.time_start, c.time_end, "
    "c.time_kind, c.time_anchor, c.time_inherited, "
    + ", ".join(f"c.{name}" for name in Where().fields())
    + ", d.source, d.record, d.title, d.url, d.outlet, d.published, d.author, "
    "(SELECT MAX(created_at) FROM reviews r WHERE r.claim_id = c.id) AS last_review_at "
    "FROM claims c JOIN documents d ON d.id = c.doc_id"
)


# An event with what its hit needs: its sentence, its document and its cluster's day.
_EVENT_SELECT = (
    "SELECT e.*, c.idx AS sentence_index, c.text AS sentence_text, d.source AS doc_source, "
    "d.record AS doc_record, d.title AS doc_title, d.outlet AS doc_outlet, "
    "d.published AS doc_published, d.date AS doc_date, ec.day AS cluster_day "
    "FROM events e JOIN claims c ON c.id = e.claim_id JOIN documents d ON d.id = e.doc_id "
    "LEFT JOIN event_clusters ec ON ec.id = e.cluster"
)
# The day an event is listed by: its own, else its document's date.
_EVENT_DAY = "COALESCE(substr(e.time_start, 1, 10), d.date)"


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


class SQLiteStore(Store):
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
        self.name = self.path.name
        self.where = str(self.path)  # the ledger, as messages name it
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
        if create and not readonly:  # ingest, check: they write before anything else
            self._check_writable()
        try:
            if readonly:
                self._connect_read_only()
            else:
                self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                self.conn.row_factory = sqlite3.Row
                self.execute("PRAGMA busy_timeout=30000")
            tables = self._tables()
            if tables and not self._is_ledger(tables):
                raise _foreign(self.path, tables)
            if not tables and not create:
                raise LedgerError(
                    f"ledger {self.path} is empty (no claimledger tables); run "
                    "`claimledger ingest --db` on it first"
                )
            self.execute("PRAGMA foreign_keys=ON")
            if readonly:
                if current:
                    self._check_current()
            else:
                self.execute("PRAGMA journal_mode=WAL")
                self.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            if hasattr(self, "conn"):
                self.conn.close()
            raise _ledger_error(self.path, exc) from exc
        except LedgerError:
            if hasattr(self, "conn"):
                self.conn.close()
            raise

    def _connect_read_only(self) -> None:
        """A read-only connection that leaves no trace on a file that is not a ledger.

        ``mode=ro`` on a database in WAL mode makes its -wal and -shm files, so the file is
        first looked at as immutable (which makes none), and refused there if it holds
        another program's tables. In a folder this process may not write in, the file is
        read as immutable throughout, but only with no committed pages waiting in a -wal
        file (immutable reads would not see them)."""
        uri = self.path.resolve().as_uri()
        wal = Path(str(self.path) + "-wal")
        settled = not wal.exists() or wal.stat().st_size == 0
        peek = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        try:
            self.conn = peek
            tables = self._tables()
            foreign = bool(tables) and not self._is_ledger(tables)
        finally:
            peek.close()
        if foreign:
            raise _foreign(self.path, tables)
        writable = os.access(self._folder, os.W_OK)
        flags = "mode=ro" + ("" if writable or not settled else "&immutable=1")
        self.conn = sqlite3.connect(f"{uri}?{flags}", uri=True, timeout=30, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.execute("PRAGMA busy_timeout=30000")

    @property
    def _folder(self) -> Path:
        return self.path.resolve().parent

    def _check_writable(self) -> None:
        """A command that ingests learns before any work that it cannot write: the file (an
        immutable or read-only one) or its folder (where SQLite keeps -wal and -shm). The desk
        opens a read-only ledger all the same: it can be read, and a review says why not."""
        for target, what in ((self.path, "file"), (self._folder, "folder")):
            if target.exists() and not os.access(target, os.W_OK):
                raise LedgerError(
                    f"ledger {self.path} is read-only (its {what} cannot be written); give "
                    "write permission to it and its folder, or pass --db with a writable path"
                )

    def _is_ledger(self, tables: set[str]) -> bool:
        """claimledger's own: a schema_migrations table whose rows name claimledger's
        migrations (another tool's schema_migrations, Rails' say, holds other columns)."""
        if not {"schema_migrations", "documents"} <= tables:
            return False
        try:
            rows = self.query("SELECT version, name FROM schema_migrations")
        except sqlite3.OperationalError as exc:
            if "no such column" in str(exc):  # another tool's table of the same name
                return False
            raise
        ours = {version: name for version, name, _ in migrations()}
        newest = max(ours)
        return bool(rows) and all(
            isinstance(r[0], int) and (r[0] > newest or ours.get(r[0]) == r[1]) for r in rows
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    # -- the gateway: every statement passes here -------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row: Row | None = self.execute(sql, params).fetchone()
        return row

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.query_one(sql, params)
        return None if row is None else row[0]

    def insert(
        self, table: str, rows: Sequence[Mapping[str, Any]], *, or_ignore: bool = False
    ) -> int | None:
        """Write rows by column name: ``INSERT INTO t (a, b) VALUES (?, ?)`` from the first
        row's keys, which every row must share. The new rowid when one row was written."""
        if not rows:
            return None
        columns, sql = insert_statement(table, rows)
        if or_ignore:
            sql = sql.replace("INSERT", "INSERT OR IGNORE", 1)
        if len(rows) == 1:
            cur = self.execute(sql, [rows[0][c] for c in columns])
            return cur.lastrowid if cur.rowcount > 0 else None
        self.executemany(sql, [[r[c] for c in columns] for r in rows])
        return None

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[list[Row]]:
        """A large result in batches of ``size`` rows, never all in memory."""
        cur = self.execute(sql, params)
        while batch := cur.fetchmany(size):
            yield batch

    def after_copy(self) -> None:
        """After rows were copied in with their ids (``claimledger migrate``): nothing to do
        here, SQLite numbers new rows after the largest id."""

    def analyze(self) -> None:
        """After a bulk copy: nothing here (the desk's queries are planned without
        sqlite_stat1, and stay so)."""

    @contextmanager
    def transaction(self, *, exclusive: bool = True) -> Iterator[SQLiteStore]:
        """One write transaction (``BEGIN IMMEDIATE``: one writer at a time whatever
        ``exclusive`` says; only the PostgreSQL store lets a review skip the ledger lock)."""
        try:
            self.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _ledger_error(self.path, exc) from exc
        try:
            yield self
        except sqlite3.OperationalError as exc:  # read-only file, full disk, lock timeout
            self.execute("ROLLBACK")
            raise _ledger_error(self.path, exc) from exc
        except BaseException:
            self.execute("ROLLBACK")
            raise
        try:
            self.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.execute("ROLLBACK")
            raise _ledger_error(self.path, exc) from exc

    # -- schema -------------------------------------------------------------------------
    def _tables(self) -> set[str]:
        rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows if not str(r[0]).startswith("sqlite_")}

    def schema_version(self) -> int:
        if "schema_migrations" not in self._tables():
            return 0
        return int(self.scalar("SELECT MAX(version) FROM schema_migrations") or 0)

    def _check_newest(self, current: int, newest: int) -> None:
        if current > newest:
            raise LedgerError(
                f"ledger {self.where} has schema version {current}, newer than this claimledger "
                f"knows ({newest}); upgrade claimledger"
            )

    def _check_current(self) -> None:
        """A read-only connection cannot upgrade the schema: say so instead."""
        current, newest = self.schema_version(), migrations()[-1][0]
        self._check_newest(current, newest)
        if current < newest:
            raise LedgerError(
                f"ledger {self.where} has schema version {current}, older than this "
                f"claimledger's {newest}, and this command only reads; upgrade it once with "
                f"`claimledger upgrade --db {self.where}`"
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
        with self.transaction():
            self.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version()
            self._check_newest(current, newest)
            for version, name, sql in known:
                if version <= current:
                    continue
                if version == _REFERENCE_REBUILT:
                    self._check_old_reference_figures()
                for statement in _statements(sql):
                    self.execute(statement)
                if version == _OUTLET_KEYS:
                    self._fill_outlet_keys()
                self.insert(
                    "schema_migrations", [{"version": version, "name": name, "applied_at": now()}]
                )

    def _check_old_reference_figures(self) -> None:
        """Migration 8 rebuilds ``reference_figures`` with the columns reference rows have.
        No claimledger before it wrote that table; one holding rows all the same (written by
        another tool) is not dropped: the upgrade stops and says what to do."""
        if "reference_figures" not in self._tables():
            return
        n = int(self.scalar("SELECT COUNT(*) FROM reference_figures"))
        if n:
            raise LedgerError(
                f"ledger {self.where} holds {n} rows in its old reference_figures table, which "
                f"schema version {_REFERENCE_REBUILT} replaces; no claimledger wrote them, so "
                "copy them out (e.g. to CSV), empty the table, upgrade, and import them with "
                "`claimledger reference import`"
            )

    def _fill_outlet_keys(self) -> None:
        """Migration 9: the outlet key and outlet actor of every stored document, computed
        here (link/citations) once per distinct outlet name."""
        for r in self.query("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL"):
            name = str(r["outlet"])
            self.execute(
                "UPDATE documents SET outlet_key = ?, outlet_actor_id = ? WHERE outlet = ?",
                (outlet_key(name), outlet_actor(name), name),
            )

    # -- writing ------------------------------------------------------------------------
    def ensure_run(self, run_id: str, version: str, model: str, settings: dict[str, Any]) -> None:
        row = {
            "id": run_id,
            "version": version,
            "model": model,
            "settings": json.dumps(settings, sort_keys=True),
            "first_used": now(),
        }
        with self.transaction():
            self.insert("runs", [row], or_ignore=True)

    def document_run(self, doc_id: str) -> str | None:
        run = self.scalar("SELECT run_id FROM documents WHERE id = ?", (doc_id,))
        return None if run is None else str(run)

    def add_source(self, doc_id: str, source: str, record: int | None) -> None:
        with self.transaction():
            self._add_source(doc_id, source, record)

    def _add_source(self, doc_id: str, source: str, record: int | None) -> None:
        # Every place a document was seen: (doc_id, source, record or 0); repeats are no-ops.
        row = {"doc_id": doc_id, "source": source, "record": record or 0}
        self.insert("document_sources", [row], or_ignore=True)

    def add_rejection(self, rejection: Rejection, run_id: str | None) -> bool:
        row = {
            "id": rejection.id,
            "input": rejection.input,
            "stage": rejection.stage,
            "reason": rejection.reason,
            "run_id": run_id,
            "first_seen": now(),
        }
        with self.transaction():
            return self.insert("rejections", [row], or_ignore=True) is not None

    def write(self, ex: Extraction, run_id: str) -> bool:
        """Store one document's extraction; False when it was already there from this run."""
        return self.write_many([ex], run_id)[0]

    def write_many(self, exs: Sequence[Extraction], run_id: str) -> list[bool]:
        with self.transaction():
            return [self._write(ex, run_id) for ex in exs]

    def _write(self, ex: Extraction, run_id: str) -> bool:
        doc = ex.document
        existing = self.document_run(doc.id)
        if existing == run_id:
            self._add_source(doc.id, doc.source, doc.record)
            return False
        blocks: list[str] = []
        others: list[str] = []
        clusters: list[str] = []
        if existing is not None:  # extracted by another version or settings: replace
            blocks, others, clusters = self._forget_links(doc.id)
            self.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
        _insert_document(self, ex, run_id)
        if existing is not None:  # its links went with it; it is linked again later
            self._refresh_links(blocks, others, clusters)
        return True

    def link_people(self) -> int:
        """Merge the people the ledger's documents name, across documents (link/actors'
        ``merge_people``: the same name within the same affiliation; a surname alone joins
        the one full name of its affiliation), and point their sources and mentions at the
        merged person. Read and written in one transaction, so two ingests never merge from
        an older view. Returns how many sources and mentions changed actor."""
        with self.transaction():
            return self._link_people()

    def _link_people(self) -> int:
        rows = [
            *self.query(
                "SELECT 'attributions' AS tbl, id, doc_id, actor_id, "
                "COALESCE(attributed_to_canonical, attributed_to) AS name, "
                "source_affiliation AS affiliation FROM attributions "
                "WHERE actor_id LIKE 'person/%' ORDER BY doc_id, start_char"
            ),
            *self.query(
                "SELECT 'mentions' AS tbl, id, doc_id, actor_id, canonical AS name, "
                "NULL AS affiliation FROM mentions WHERE actor_id LIKE 'person/%' "
                "ORDER BY doc_id, start_char"
            ),
        ]
        mentions = [PersonMention(r["name"], r["affiliation"], r["doc_id"]) for r in rows]
        by_doc: dict[str, list[PersonMention]] = {}
        for m, r in zip(mentions, rows, strict=True):
            if r["tbl"] == "attributions":
                by_doc.setdefault(m.document, []).append(m)
        mentions = [  # a named entity takes the affiliation its document's sources give it
            m if r["tbl"] == "attributions" else
            replace(m, affiliation=affiliation_in(m.name, by_doc.get(m.document, [])))
            for m, r in zip(mentions, rows, strict=True)
        ]  # fmt: skip
        people = merge_people(mentions)
        changed = 0
        for person in people:
            aliases = {rows[i]["name"] for i in person.mentions}
            store_actor(self, person.id, person.name, "person", None, None, aliases)
            for i in person.mentions:
                if rows[i]["actor_id"] != person.id:
                    self.execute(
                        f"UPDATE {rows[i]['tbl']} SET actor_id = ? WHERE id = ?",
                        (person.id, rows[i]["id"]),
                    )
                    changed += 1
        self.execute(
            "DELETE FROM actors WHERE id LIKE 'person/%' "
            "AND id NOT IN (SELECT actor_id FROM attributions WHERE actor_id IS NOT NULL) "
            "AND id NOT IN (SELECT actor_id FROM mentions WHERE actor_id IS NOT NULL)"
        )
        return changed

    _ACTOR_COUNTS = (
        "SELECT x.id, x.canonical, x.kind, x.country, x.parent_id, x.aliases, "
        "(SELECT COUNT(DISTINCT doc_id) FROM (SELECT doc_id FROM attributions "
        "WHERE actor_id = x.id UNION SELECT doc_id FROM mentions WHERE actor_id = x.id) AS u) "
        "AS n_documents, "
        "(SELECT COUNT(*) FROM attributions WHERE actor_id = x.id) AS n_sources, "
        "(SELECT COUNT(*) FROM mentions WHERE actor_id = x.id) AS n_mentions FROM actors x"
    )

    def actors(self) -> list[dict[str, Any]]:
        rows = self.query(
            f"SELECT * FROM ({self._ACTOR_COUNTS}) AS counted WHERE n_sources + n_mentions > 0 "
            "ORDER BY n_sources DESC, n_mentions DESC, canonical, id"
        )
        return [_actor_dict(r) for r in rows]

    def actor(self, actor_id: str, limit: int = 200) -> dict[str, Any] | None:
        row = self.query_one(f"{self._ACTOR_COUNTS} WHERE x.id = ?", (actor_id,))
        if row is None:
            return None
        found = _actor_dict(row)
        found["said"] = [
            dict(r)
            for r in self.query(
                "SELECT a.claim_id, a.doc_id, COALESCE(d.title, d.source) AS document, "
                "a.attributed_to, a.cue, a.content, a.direct, c.text AS claim_text "
                "FROM attributions a JOIN documents d ON d.id = a.doc_id "
                "JOIN claims c ON c.id = a.claim_id WHERE a.actor_id = ? "
                "ORDER BY d.ingested_at, a.doc_id, a.start_char LIMIT ?",
                (actor_id, limit),
            )
        ]
        found["documents"] = [
            dict(r)
            for r in self.query(
                "SELECT d.id AS doc_id, COALESCE(d.title, d.source) AS document, "
                "COUNT(*) AS n_mentions FROM mentions m JOIN documents d ON d.id = m.doc_id "
                "WHERE m.actor_id = ? GROUP BY d.id ORDER BY d.ingested_at, d.id LIMIT ?",
                (actor_id, limit),
            )
        ]
        return found

    def place(self, geonames_id: int, limit: int = 200) -> dict[str, Any] | None:
        row = self.query_one(
            "SELECT geonames_id, MIN(name) AS name, MIN(country_code) AS country_code, "
            "MIN(admin1) AS admin1, MIN(lat) AS lat, MIN(lon) AS lon, "
            "MIN(feature_class) AS feature_class, "
            "COUNT(*) AS n_toponyms, COUNT(DISTINCT doc_id) AS n_documents "
            "FROM places WHERE geonames_id = ? GROUP BY geonames_id",
            (geonames_id,),
        )
        if row is None:
            return None
        found = dict(row)
        found["written"] = [
            str(r[0])
            for r in self.query(
                "SELECT DISTINCT text FROM places WHERE geonames_id = ? ORDER BY text LIMIT 50",
                (geonames_id,),
            )
        ]
        found["documents"] = [
            dict(r)
            for r in self.query(
                "SELECT d.id AS doc_id, COALESCE(d.title, d.source) AS document, "
                "COUNT(*) AS n_toponyms FROM places p JOIN documents d ON d.id = p.doc_id "
                "WHERE p.geonames_id = ? GROUP BY d.id ORDER BY d.ingested_at, d.id LIMIT ?",
                (geonames_id, limit),
            )
        ]
        return found

    # -- reading ------------------------------------------------------------------------
    def document_ids(self) -> list[str]:
        rows = self.query("SELECT id FROM documents ORDER BY ingested_at, source, record")
        return [str(r[0]) for r in rows]

    def has_document(self, doc_id: str) -> bool:
        return self.query_one("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def load(self, doc_id: str) -> Extraction:
        """One stored document with everything extracted from it, as dataclasses."""
        row = self.query_one("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if row is None:
            raise LedgerError(
                f"no document with id {doc_id!r} in {self.where}; "
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
        ex = Extraction(document=doc, date=row["date"], date_from=row["date_from"])
        q = self.query
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
        quantity_rows = q(
            "SELECT * FROM quantities WHERE doc_id = ? ORDER BY start_char", (doc_id,)
        )
        quantity_ids: dict[str, list[str]] = {}
        for r in quantity_rows:
            quantity_ids.setdefault(r["claim_id"], []).append(r["id"])
        links: dict[str, list[str]] = {}
        for r in q(
            "SELECT ca.claim_id, ca.attribution_id FROM claim_attributions ca "
            "JOIN attributions a ON a.id = ca.attribution_id "
            "WHERE a.doc_id = ? ORDER BY a.start_char",
            (doc_id,),
        ):
            links.setdefault(r[0], []).append(r[1])
        event_ids = self._claim_event_ids("c.doc_id = ?", [doc_id])
        claim_index = {}
        for r in q("SELECT * FROM claims WHERE doc_id = ? ORDER BY idx", (doc_id,)):
            claim_index[r["id"]] = r["idx"]
            ex.claims.append(
                replace(
                    claim_from_row(r),
                    quantity_ids=tuple(quantity_ids.get(r["id"], [])),
                    attribution_ids=tuple(links.get(r["id"], [])),
                    event_ids=tuple(event_ids.get(r["id"], [])),
                )
            )
        ex.quantities = [quantity_from_row(r, claim_index[r["claim_id"]]) for r in quantity_rows]
        rows = q(
            "SELECT * FROM attributions WHERE doc_id = ? ORDER BY start_char, cue_start", (doc_id,)
        )
        cue_of = {r["id"]: r["cue_start"] for r in rows}
        ex.attributions = [
            attribution_from_row(r, claim_index[r["claim_id"]], cue_of.get(r["parent_id"]))
            for r in rows
        ]
        ex.entities = [
            Entity(
                doc_id,
                r["start_char"],
                r["end_char"],
                r["text"],
                r["label"],
                r["canonical"],
                r["sentence_idx"],
                r["actor_id"],
            )
            for r in q("SELECT * FROM mentions WHERE doc_id = ? ORDER BY start_char", (doc_id,))
        ]
        for component in ADDED_COMPONENTS:
            assert component.item is not None
            ex.items[component.name] = [
                _item_from_row(component.item, r, claim_index[r["claim_id"]])
                for r in q(
                    f"SELECT * FROM {component.name} WHERE doc_id = ? ORDER BY start_char",
                    (doc_id,),
                )
            ]
        ex.items["events"] = [
            h.event
            for h in self._event_hits(
                q(f"{_EVENT_SELECT} WHERE e.doc_id = ? ORDER BY e.start_char", (doc_id,))
            )
        ]
        return ex

    def _claim_event_ids(self, where: str, args: Sequence[Any]) -> dict[str, list[str]]:
        """The event ids of the claims ``c`` that ``where`` picks, in each claim's order."""
        out: dict[str, list[str]] = {}
        for r in self.query(
            "SELECT ce.claim_id, ce.event_id FROM claim_events ce "
            f"JOIN claims c ON c.id = ce.claim_id WHERE {where} ORDER BY ce.claim_id, ce.idx",
            args,
        ):
            out.setdefault(str(r[0]), []).append(str(r[1]))
        return out

    def documents(self, f: DocumentFilter) -> Page[dict[str, Any]]:
        where, args = ["TRUE"], []
        if f.text:
            where.append(
                "(instr(lower(d.title), lower(?)) > 0 OR instr(lower(d.text), lower(?)) > 0)"
            )
            args += [f.text, f.text]
        if f.outlet:
            where.append("d.outlet = ?")
            args.append(f.outlet)
        if f.date_from:
            where.append("d.published >= ?")
            args.append(f.date_from)
        if f.date_to:
            where.append("substr(d.published, 1, 10) <= ?")
            args.append(f.date_to)
        sql_where = " AND ".join(where)
        total = int(self.scalar(f"SELECT COUNT(*) FROM documents d WHERE {sql_where}", args))
        rows = self.query(
            "SELECT d.id, d.source, d.record, d.title, d.url, d.published, d.outlet, d.author, "
            "d.n_chars, d.n_words, "
            "(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id AND c.label = 'claim') "
            "AS claims, "
            "(SELECT COUNT(DISTINCT r.claim_id) FROM reviews r WHERE r.doc_id = d.id) "
            "AS reviewed "
            f"FROM documents d WHERE {sql_where} "
            "ORDER BY d.published IS NULL, d.published DESC, d.source, d.record "
            "LIMIT ? OFFSET ?",
            [*args, f.per_page, (f.page - 1) * f.per_page],
        )
        return Page(total, f.page, f.per_page, [dict(r) for r in rows])

    def outlets(self) -> list[str]:
        rows = self.query(
            "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet"
        )
        return [str(r[0]) for r in rows]

    # -- claims ---------------------------------------------------------------------------
    def overview(self) -> Overview:
        def count(sql: str) -> int:
            return int(self.scalar(sql))

        verdicts = dict.fromkeys(VERDICTS, 0)
        for row in self.query(
            "SELECT verdict, COUNT(*) FROM reviews r WHERE r.id = "
            "(SELECT MAX(id) FROM reviews WHERE claim_id = r.claim_id) GROUP BY verdict"
        ):
            verdicts[row[0]] = int(row[1])
        counts = {
            "documents": count("SELECT COUNT(*) FROM documents"),
            "sentences": count("SELECT COUNT(*) FROM claims"),
            "claims": count("SELECT COUNT(*) FROM claims WHERE label = 'claim'"),
            "figures": count("SELECT COUNT(*) FROM quantities"),
            "attributions": count("SELECT COUNT(*) FROM attributions"),
            "reviewed_claims": count("SELECT COUNT(DISTINCT claim_id) FROM reviews"),
            "reviews": count("SELECT COUNT(*) FROM reviews"),
            "rejections": count("SELECT COUNT(*) FROM rejections"),
        }
        recent = [
            _review(r)
            for r in self.query(
                "SELECT r.*, COALESCE(c.text, r.claim_text) AS text FROM reviews r "
                "LEFT JOIN claims c ON c.id = r.claim_id ORDER BY r.id DESC LIMIT 10"
            )
        ]
        return Overview(counts, verdicts, recent)

    def claim_page(self, f: ClaimFilter) -> Page[ClaimHit]:
        where, args = _claim_where(f)
        total = int(self.scalar(f"SELECT COUNT(*) FROM claims c WHERE {where}", args))
        order = _ORDER[f.sort]
        if f.sort == "score" and self._has_disagreements():
            order = f"{_DISAGREEING_FIRST}, {order}"
        paging = [*args, f.per_page, (f.page - 1) * f.per_page]
        if f.sort in _CLAIMS_ONLY_ORDER:
            # The page's ids first, from the worklist index alone; then only its rows are
            # joined and their reviews read (a deep page otherwise does that for every row
            # it skips: 10x slower on PostgreSQL, 15x on SQLite at page 200 of 100,000).
            page = f"SELECT c.id FROM claims c WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
            sql = f"{_CLAIM_SELECT} JOIN ({page}) AS p ON p.id = c.id ORDER BY {order}"
        else:
            sql = f"{_CLAIM_SELECT} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        return Page(total, f.page, f.per_page, self._hits(self.query(sql, paging)))

    def claim_listing(self, f: ClaimFilter, limit: int | None) -> list[ClaimHit]:
        where, args = _claim_where(f)
        sql = f"{_CLAIM_SELECT} WHERE {where} ORDER BY c.score DESC, d.source, c.idx"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return self._hits(self.query(sql, args))

    def document_claims(self, doc_id: str) -> list[ClaimHit]:
        """One query, not a page at a time (each page would count and skip all the rows
        before it)."""
        rows = self.query(
            f"{_CLAIM_SELECT} WHERE c.doc_id = ? AND c.label = 'claim' ORDER BY c.idx", (doc_id,)
        )
        return self._hits(rows)

    def _hits(self, rows: Sequence[Row]) -> list[ClaimHit]:
        """Claim rows with their figures, attributed sources and latest verdicts, in three
        queries for each batch of claims."""
        hits = [ClaimHit(claim_from_row(r), _document_info(r, r["doc_id"])) for r in rows]
        for i in range(0, len(hits), _IN_CHUNK):  # bounded IN lists
            self._attach(hits[i : i + _IN_CHUNK])
        event_ids: dict[str, list[str]] = {}
        for i in range(0, len(hits), _IN_CHUNK):
            ids = [h.id for h in hits[i : i + _IN_CHUNK]]
            event_ids |= self._claim_event_ids(f"c.id IN ({','.join('?' * len(ids))})", ids)
        for h in hits:
            h.claim = replace(
                h.claim,
                quantity_ids=tuple(p.item.id for p in h.figures),
                attribution_ids=tuple(p.item.id for p in h.sources),
                event_ids=tuple(event_ids.get(h.id, [])),
            )
        return hits

    def _attach(self, hits: list[ClaimHit]) -> None:
        if not hits:
            return
        by_id = {h.id: h for h in hits}
        ids = list(by_id)
        marks = ",".join("?" * len(ids))
        for r in self.query(
            f"SELECT * FROM quantities WHERE claim_id IN ({marks}) ORDER BY start_char", ids
        ):
            h = by_id[r["claim_id"]]
            q = quantity_from_row(r, h.claim.sentence_index)
            h.figures.append(Part(q, h.document.source, h.document.record, h.claim.text))
        # A claim's sources may stand in another sentence (one whose content covers it), but
        # always in the claim's own document.
        for r in self.query(
            "SELECT ca.claim_id AS for_claim, a.*, s.idx AS sentence_index, s.text AS sentence, "
            "p.cue_start AS parent_start FROM claim_attributions ca "
            "JOIN attributions a ON a.id = ca.attribution_id "
            "JOIN claims s ON s.id = a.claim_id "
            "LEFT JOIN attributions p ON p.id = a.parent_id "
            f"WHERE ca.claim_id IN ({marks}) ORDER BY a.start_char",
            ids,
        ):
            h = by_id[r["for_claim"]]
            a = attribution_from_row(r, r["sentence_index"], r["parent_start"])
            part = Part(a, h.document.source, h.document.record, r["sentence"], r["parent_id"])
            h.sources.append(part)
        for r in self.query(
            "SELECT claim_id, verdict, n FROM (SELECT claim_id, verdict, "
            "COUNT(*) OVER (PARTITION BY claim_id) AS n, "
            "ROW_NUMBER() OVER (PARTITION BY claim_id ORDER BY id DESC) AS k "
            f"FROM reviews WHERE claim_id IN ({marks})) AS ranked WHERE k = 1",
            ids,
        ):
            h = by_id[r["claim_id"]]
            h.verdict, h.reviews = r["verdict"], int(r["n"])

    def claim(self, claim_id: str, context: int = 2) -> ClaimDetail | None:
        row = self.query_one(f"{_CLAIM_SELECT} WHERE c.id = ?", (claim_id,))
        if row is None:
            return None
        [hit] = self._hits([row])
        doc_text = str(self.scalar("SELECT text FROM documents WHERE id = ?", (row["doc_id"],)))
        sentences = self.query(
            "SELECT idx, start_char, end_char FROM sentences WHERE doc_id = ? "
            "AND idx BETWEEN ? AND ? ORDER BY idx",
            (row["doc_id"], row["idx"] - context, row["idx"] + context),
        )
        around = [
            ContextSentence(
                s["idx"], doc_text[s["start_char"] : s["end_char"]], s["idx"] == row["idx"]
            )
            for s in sentences
        ]
        history = [
            _review(r)
            for r in self.query(
                "SELECT * FROM reviews WHERE claim_id = ? ORDER BY id DESC", (claim_id,)
            )
        ]
        return ClaimDetail(hit, around, self._same_figure(hit), history)

    def _same_figure(self, hit: ClaimHit) -> list[SameFigure]:
        out: list[SameFigure] = []
        seen: set[tuple[str, str]] = set()
        for part in hit.figures:
            fig = part.item
            args: list[Any]
            if fig.value is not None:
                cond, args = "q.value = ?", [fig.value]
            elif fig.lower is not None or fig.upper is not None:
                cond, args = "q.lower IS ? AND q.upper IS ?", [fig.lower, fig.upper]
            else:
                continue
            for r in self.query(
                "SELECT q.claim_id, q.text AS figure, c.text, c.score, c.doc_id, d.title, "
                "d.source FROM quantities q JOIN claims c ON c.id = q.claim_id "
                "JOIN documents d ON d.id = c.doc_id "
                f"WHERE q.unit = ? AND {cond} AND q.claim_id != ? "
                "ORDER BY c.score DESC LIMIT 20",
                [fig.unit, *args, hit.id],
            ):
                key = (fig.id, r["claim_id"])
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    SameFigure(
                        fig.text,
                        r["claim_id"],
                        r["figure"],
                        r["text"],
                        float(r["score"]),
                        r["doc_id"],
                        r["title"] or r["source"],
                    )
                )
        return out

    # -- events -----------------------------------------------------------------------------
    def _event_hits(self, rows: Sequence[Row]) -> list[EventHit]:
        """Event rows (``_EVENT_SELECT``) with their dead and injured figures, in bounded IN
        lists."""
        figures: dict[str, list[Row]] = {}
        ids = [str(r["id"]) for r in rows]
        for r in _in_chunks(self, "SELECT * FROM event_figures WHERE event_id IN ({marks})", ids):
            figures.setdefault(str(r["event_id"]), []).append(r)
        return [
            EventHit(
                event_from_row(r, figures.get(r["id"], ()), r["sentence_index"]),
                r["doc_source"],
                r["doc_record"],
                r["sentence_text"],
                r["cluster"],
                r["doc_title"],
                r["doc_outlet"],
                r["doc_published"],
                r["doc_date"],
                r["cluster_day"],
            )
            for r in rows
        ]

    def event_page(self, f: EventFilter) -> Page[EventHit]:
        where, args = _event_where(f)
        total = int(
            self.scalar(
                f"SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE {where}",
                args,
            )
        )
        rows = self.query(
            f"{_EVENT_SELECT} WHERE {where} ORDER BY {_EVENT_DAY} IS NULL, {_EVENT_DAY} DESC, "
            "d.ingested_at, e.doc_id, e.start_char LIMIT ? OFFSET ?",
            [*args, f.per_page, (f.page - 1) * f.per_page],
        )
        return Page(total, f.page, f.per_page, self._event_hits(rows))

    def iter_events(self) -> Iterator[EventHit]:
        for doc_id in self.document_ids():
            yield from self._event_hits(
                self.query(f"{_EVENT_SELECT} WHERE e.doc_id = ? ORDER BY e.start_char", (doc_id,))
            )

    def event(self, event_id: str, limit: int = 200) -> EventDetail | None:
        row = self.query_one(f"{_EVENT_SELECT} WHERE e.id = ?", (event_id,))
        if row is None:
            return None
        [hit] = self._event_hits([row])
        mentions: list[EventHit] = []
        n_documents = 1
        if hit.cluster is not None:
            mentions = self._event_hits(
                self.query(
                    f"{_EVENT_SELECT} WHERE e.cluster = ? AND e.id != ? ORDER BY d.date IS NULL, "
                    "d.date, d.published, d.ingested_at, e.doc_id, e.start_char LIMIT ?",
                    (hit.cluster, event_id, limit),
                )
            )
            n_documents = int(
                self.scalar(
                    "SELECT COUNT(DISTINCT doc_id) FROM events WHERE cluster = ?", (hit.cluster,)
                )
            )
        claim_rows = self.query(
            f"{_CLAIM_SELECT} WHERE c.id IN (SELECT claim_id FROM claim_events WHERE "
            "event_id = ? UNION SELECT claim_id FROM events WHERE id = ?) ORDER BY c.idx",
            (event_id, event_id),
        )
        e = hit.event
        parts = self._figure_parts([f.quantity_id for f in (*e.fatalities, *e.injured)])
        return EventDetail(
            hit,
            mentions,
            self._hits(claim_rows),
            [parts[f.quantity_id] for f in e.fatalities if f.quantity_id in parts],
            [parts[f.quantity_id] for f in e.injured if f.quantity_id in parts],
            n_documents,
        )

    def event_types(self) -> list[EventTypeCount]:
        out = []
        for r in self.query(
            "SELECT code, COUNT(*) AS n, SUM(happened) AS asserted, "
            "COUNT(DISTINCT cluster) AS clusters FROM events GROUP BY code "
            "ORDER BY n DESC, code"
        ):
            kind = EVENT_TYPES.get(r["code"])
            name, category = (kind.name, kind.category) if kind else (r["code"], "")
            n, asserted, clusters = int(r["n"]), int(r["asserted"] or 0), int(r["clusters"])
            out.append(EventTypeCount(r["code"], name, category, n, asserted, clusters))
        return out

    # -- reviews --------------------------------------------------------------------------
    def add_review(self, claim_id: str, verdict: str, reviewer: str, note: str) -> Review:
        with self.transaction(exclusive=False):  # it only appends: no other writer to wait for
            row = self.query_one("SELECT doc_id, text FROM claims WHERE id = ?", (claim_id,))
            if row is None:
                raise LookupError(claim_id)
            review = {
                "claim_id": claim_id,
                "verdict": verdict,
                "note": note,
                "reviewer": reviewer,
                "created_at": now(),
                "doc_id": row["doc_id"],
                "claim_text": row["text"],
            }
            new_id = self.insert("reviews", [review])
            new = self.query_one("SELECT * FROM reviews WHERE id = ?", (new_id,))
        assert new is not None
        return _review(new)

    def latest_reviews(self) -> Iterator[PublishedReview]:
        rows = self.query(
            "SELECT r.*, COALESCE(c.text, r.claim_text) AS text, d.id AS document_id, "
            "d.url, d.source, d.record, d.published, d.author, d.outlet, d.title "
            "FROM reviews r LEFT JOIN claims c ON c.id = r.claim_id "
            "LEFT JOIN documents d ON d.id = COALESCE(c.doc_id, r.doc_id) "
            "WHERE r.id = (SELECT MAX(id) FROM reviews WHERE claim_id = r.claim_id) "
            "ORDER BY r.id"
        )
        for r in rows:
            src = self.query_one(
                # a named source; or a document whose issuing body is known ("a UN report")
                "SELECT a.attributed_to, a.attributed_to_canonical, a.source_kind, "
                "a.source_affiliation FROM claim_attributions ca "
                "JOIN attributions a ON a.id = ca.attribution_id WHERE ca.claim_id = ? AND ("
                "(a.source_kind IN ('person', 'organization', 'outlet') "
                "AND COALESCE(a.attributed_to_canonical, a.attributed_to) IS NOT NULL "
                "AND (a.attributed_to_canonical IS NOT NULL OR a.source_kind != 'person')) "
                "OR (a.source_kind = 'document' AND a.source_affiliation IS NOT NULL)) "
                "ORDER BY a.start_char LIMIT 1",
                (r["claim_id"],),
            )
            document = None
            if r["document_id"] is not None:
                document = _document_info(r, r["document_id"])
            stated = None
            if src is not None:
                stated = StatedSource(
                    src["attributed_to"],
                    src["attributed_to_canonical"],
                    src["source_kind"],
                    src["source_affiliation"],
                )
            yield PublishedReview(_review(r), document, stated)

    # -- linking ------------------------------------------------------------------------
    def unlinked_documents(self) -> list[str]:
        rows = self.query(
            "SELECT d.id FROM documents d LEFT JOIN linked_documents l ON l.doc_id = d.id "
            "WHERE l.doc_id IS NULL ORDER BY d.ingested_at, d.source, d.record"
        )
        return [str(r[0]) for r in rows]

    def link_new(
        self, doc_ids: Sequence[str], on_progress: Callable[[int, int], None] | None = None
    ) -> LinkResult:
        result = LinkResult()
        todo = list(dict.fromkeys(doc_ids))
        for done, doc_id in enumerate(todo, start=1):
            with self.transaction():
                linked = self.query_one(
                    "SELECT 1 FROM linked_documents WHERE doc_id = ?", (doc_id,)
                )
                if linked is None and self.has_document(doc_id):
                    _link_document(self, doc_id, result)
                    self.insert("linked_documents", [{"doc_id": doc_id, "linked_at": now()}])
                    result.documents += 1
            if on_progress is not None:
                on_progress(done, len(todo))
        return result

    def link_all(self, on_progress: Callable[[int, int], None] | None = None) -> LinkResult:
        with self.transaction():
            for table in _LINK_TABLES:
                self.execute(f"DELETE FROM {table}")
            self.execute("UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL")
        return self.link_new(self.document_ids(), on_progress)

    def _forget_links(self, doc_id: str) -> tuple[list[str], list[str], list[str]]:
        """Before a document is deleted (to be written again): the groups, the passages of
        other documents and the event clusters its links touch, to refresh once it is gone."""
        blocks = [
            str(r[0])
            for r in self.query(
                "SELECT DISTINCT block_key FROM figure_members WHERE doc_id = ?", (doc_id,)
            )
        ]
        others = [
            str(r[0])
            for r in self.query(
                "SELECT c2.passage_id FROM repeat_passages p "
                "JOIN repeat_clusters c ON c.passage_id = p.passage_id "
                "JOIN repeat_clusters c2 ON c2.cluster = c.cluster "
                "JOIN repeat_passages p2 ON p2.passage_id = c2.passage_id "
                "WHERE p.doc_id = ? AND p2.doc_id != ?",
                (doc_id, doc_id),
            )
        ]
        clusters = [
            str(r[0])
            for r in self.query(
                "SELECT DISTINCT cluster FROM events WHERE doc_id = ? AND cluster IS NOT NULL",
                (doc_id,),
            )
        ]
        return blocks, others, clusters

    def _refresh_links(self, blocks: list[str], passages: list[str], clusters: list[str]) -> None:
        _refresh_groups(self, blocks)
        _recluster(self, set(passages))
        _refresh_clusters(self, clusters)

    def link_counts(self) -> dict[str, int]:
        def count(sql: str) -> int:
            return int(self.scalar(sql) or 0)

        kinds = {
            str(r[0]): int(r[1])
            for r in self.query("SELECT kind, COUNT(*) FROM figure_relations GROUP BY kind")
        }
        statuses = {
            str(r[0]): int(r[1])
            for r in self.query("SELECT status, COUNT(*) FROM reference_checks GROUP BY status")
        }
        return {
            "linked_documents": count("SELECT COUNT(*) FROM linked_documents"),
            "figure_groups": count("SELECT COUNT(*) FROM figure_groups WHERE n_members >= 2"),
            "contradictions": kinds.get("contradiction", 0),
            "updates": kinds.get("update", 0),
            "consistent": kinds.get("consistent", 0),
            "repeats": count("SELECT COUNT(*) FROM repeat_pairs"),
            "repeat_clusters": count("SELECT COUNT(DISTINCT cluster) FROM repeat_clusters"),
            "reference_figures": count("SELECT COUNT(*) FROM reference_figures"),
            "checks": sum(statuses.values()),
            "agreements": statuses.get("agrees", 0),
            "disagreements": statuses.get("disagrees", 0),
            "contradicted_claims": count(
                f"SELECT COUNT(*) FROM ({_CONTRADICTED_CLAIMS}) AS contradicted"
            ),
            "disagreeing_claims": count(
                "SELECT COUNT(DISTINCT claim_id) FROM reference_checks WHERE status = 'disagrees'"
            ),
            "events": count("SELECT COUNT(*) FROM events"),
            "clustered_events": count("SELECT COUNT(*) FROM events WHERE cluster IS NOT NULL"),
            "event_clusters": count("SELECT COUNT(*) FROM event_clusters"),
            "event_clusters_across": count(
                "SELECT COUNT(*) FROM event_clusters WHERE n_documents >= 2"
            ),
        }

    def _relation_hits(self, rows: Sequence[Row]) -> list[RelationHit]:
        ids = {str(r["a_id"]) for r in rows} | {str(r["b_id"]) for r in rows}
        parts = self._figure_parts(sorted(ids))
        return [
            RelationHit(
                r["id"],
                r["kind"],
                parts[r["a_id"]],
                parts[r["b_id"]],
                r["measure"],
                r["reason"],
                bool(r["across"]),
            )
            for r in rows
            if r["a_id"] in parts and r["b_id"] in parts
        ]

    def _figure_parts(self, quantity_ids: Sequence[str]) -> dict[str, Part[Quantity]]:
        """Stored figures by id, each with its document's source and record and its
        sentence's text (in bounded IN lists)."""
        out: dict[str, Part[Quantity]] = {}
        for i in range(0, len(quantity_ids), _IN_CHUNK):
            chunk = list(quantity_ids[i : i + _IN_CHUNK])
            for r in self.query(
                "SELECT q.*, c.idx AS sentence_index, c.text AS sentence_text, "
                "d.source AS doc_source, d.record AS doc_record FROM quantities q "
                "JOIN claims c ON c.id = q.claim_id JOIN documents d ON d.id = q.doc_id "
                f"WHERE q.id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                q = quantity_from_row(r, r["sentence_index"])
                out[q.id] = Part(q, r["doc_source"], r["doc_record"], r["sentence_text"])
        return out

    def relation_page(self, kind: str, page: int = 1, per_page: int = 50) -> Page[RelationHit]:
        check_paging(page, per_page)
        total = int(self.scalar("SELECT COUNT(*) FROM figure_relations WHERE kind = ?", (kind,)))
        rows = self.query(
            "SELECT * FROM figure_relations WHERE kind = ? ORDER BY id LIMIT ? OFFSET ?",
            (kind, per_page, (page - 1) * per_page),
        )
        return Page(total, page, per_page, self._relation_hits(rows))

    def _keyset(self, sql: str, args: Sequence[Any], key: str) -> Iterator[list[Row]]:
        """The rows of ``sql`` a chunk at a time in ``key`` order, each chunk found by the
        index rather than an OFFSET: ``sql`` takes ``args`` and then, as its last two
        parameters, the last key seen and the chunk size (``... key > ? ORDER BY key
        LIMIT ?``)."""
        last = ""
        while True:
            rows = self.query(sql, (*args, last, _IN_CHUNK))
            if not rows:
                return
            yield rows
            last = str(rows[-1][key])

    def iter_relations(self, kind: str) -> Iterator[RelationHit]:
        sql = "SELECT * FROM figure_relations WHERE kind = ? AND id > ? ORDER BY id LIMIT ?"
        for rows in self._keyset(sql, (kind,), "id"):
            yield from self._relation_hits(rows)

    def _group_hits(self, rows: Sequence[Row]) -> list[FigureGroupHit]:
        out = []
        for g in rows:
            members = [
                str(r[0])
                for r in self.query(
                    "SELECT quantity_id FROM figure_members WHERE block_key = ? "
                    "ORDER BY quantity_id",
                    (g["block_key"],),
                )
            ]
            relations = [
                {
                    "id": r["id"],
                    "kind": r["kind"],
                    "a": r["a_id"],
                    "b": r["b_id"],
                    "reason": r["reason"],
                    "across": bool(r["across"]),
                }
                for r in self.query(
                    "SELECT * FROM figure_relations WHERE block_key = ? ORDER BY across, id",
                    (g["block_key"],),
                )
            ]
            out.append(
                FigureGroupHit(
                    g["id"],
                    g["block_key"],
                    g["measure"],
                    g["place"],
                    g["time_bucket"],
                    members,
                    relations,
                )
            )
        return out

    def figure_group_page(
        self, page: int = 1, per_page: int = 50, min_members: int = 2
    ) -> Page[FigureGroupHit]:
        check_paging(page, per_page)
        total = int(
            self.scalar("SELECT COUNT(*) FROM figure_groups WHERE n_members >= ?", (min_members,))
        )
        rows = self.query(
            "SELECT * FROM figure_groups WHERE n_members >= ? "
            "ORDER BY n_members DESC, id LIMIT ? OFFSET ?",
            (min_members, per_page, (page - 1) * per_page),
        )
        return Page(total, page, per_page, self._group_hits(rows))

    def iter_figure_groups(self, min_members: int = 1) -> Iterator[FigureGroupHit]:
        sql = "SELECT * FROM figure_groups WHERE n_members >= ? AND id > ? ORDER BY id LIMIT ?"
        for rows in self._keyset(sql, (min_members,), "id"):
            yield from self._group_hits(rows)

    _REPEAT_SELECT = (
        "SELECT rp.a, rp.b, rp.similarity, ca.cluster, ca.earliest, "
        "pa.doc_id AS a_doc, pa.start_char AS a_start, pa.end_char AS a_end, "
        "pa.published AS a_published, da.source AS a_source, "
        "substr(da.text, CAST(pa.start_char + 1 AS INTEGER), "
        "CAST(pa.end_char - pa.start_char AS INTEGER)) AS a_text, "
        "pb.doc_id AS b_doc, pb.start_char AS b_start, pb.end_char AS b_end, "
        "pb.published AS b_published, db.source AS b_source, "
        "substr(db.text, CAST(pb.start_char + 1 AS INTEGER), "
        "CAST(pb.end_char - pb.start_char AS INTEGER)) AS b_text "
        "FROM repeat_pairs rp "
        "JOIN repeat_passages pa ON pa.passage_id = rp.a "
        "JOIN repeat_passages pb ON pb.passage_id = rp.b "
        "JOIN documents da ON da.id = pa.doc_id JOIN documents db ON db.id = pb.doc_id "
        "LEFT JOIN repeat_clusters ca ON ca.passage_id = rp.a"
    )

    @staticmethod
    def _repeat_hit(r: Row) -> RepeatHit:
        def ref(side: str) -> PassageRef:
            return PassageRef(
                r[side], r[f"{side}_doc"], r[f"{side}_source"], r[f"{side}_start"],
                r[f"{side}_end"], r[f"{side}_text"], r[f"{side}_published"],
            )  # fmt: skip

        return RepeatHit(
            content_id("repeat_pair", r["a"], r["b"]),
            ref("a"),
            ref("b"),
            float(r["similarity"]),
            r["cluster"],
            bool(r["earliest"]),
        )

    def repeat_page(self, page: int = 1, per_page: int = 50) -> Page[RepeatHit]:
        check_paging(page, per_page)
        total = int(self.scalar("SELECT COUNT(*) FROM repeat_pairs"))
        rows = self.query(
            f"{self._REPEAT_SELECT} ORDER BY ca.cluster, rp.a, rp.b LIMIT ? OFFSET ?",
            (per_page, (page - 1) * per_page),
        )
        return Page(total, page, per_page, [self._repeat_hit(r) for r in rows])

    def iter_repeats(self) -> Iterator[RepeatHit]:
        for r in self.query(f"{self._REPEAT_SELECT} ORDER BY ca.cluster, rp.a, rp.b"):
            yield self._repeat_hit(r)

    def claim_links(self, claim_id: str) -> ClaimLinks:
        links = ClaimLinks()
        rows = self.query(
            "SELECT r.* FROM figure_relations r JOIN quantities q ON q.id = r.a_id "
            "WHERE q.claim_id = ? UNION SELECT r.* FROM figure_relations r "
            "JOIN quantities q ON q.id = r.b_id WHERE q.claim_id = ? ORDER BY kind, id",
            (claim_id, claim_id),
        )
        for hit in self._relation_hits(rows):
            if hit.kind == "contradiction":
                links.contradicting.append(hit)
            else:
                links.same_measure.append(hit)
        links.checks = self._check_hits(
            self.query(
                "SELECT * FROM reference_checks WHERE claim_id = ? ORDER BY quantity_id, rank",
                (claim_id,),
            )
        )
        links.citations = self.citations(claim_id)
        return links

    # -- citations (link/citations) -----------------------------------------------------------
    def citations(self, claim_id: str) -> list[CitationHit]:
        claim = self.query_one(
            "SELECT c.doc_id, d.source, d.record FROM claims c "
            "JOIN documents d ON d.id = c.doc_id WHERE c.id = ?",
            (claim_id,),
        )
        if claim is None:
            return []
        figures = self.query(
            "SELECT q.id, m.block_key FROM quantities q "
            "LEFT JOIN figure_members m ON m.quantity_id = q.id "
            "WHERE q.claim_id = ? ORDER BY q.start_char, q.id",
            (claim_id,),
        )
        if not figures:
            return []
        marks = ",".join("?" * len(CITING_KINDS))
        sources = self.query(
            "SELECT a.*, s.idx AS sentence_index, s.text AS sentence, "
            "p.cue_start AS parent_start FROM claim_attributions ca "
            "JOIN attributions a ON a.id = ca.attribution_id "
            "JOIN claims s ON s.id = a.claim_id "
            "LEFT JOIN attributions p ON p.id = a.parent_id "
            f"WHERE ca.claim_id = ? AND a.source_kind IN ({marks}) ORDER BY a.start_char, a.id",
            (claim_id, *CITING_KINDS),
        )
        hits: list[CitationHit] = []
        for r in sources:
            name = cited_outlet(r["attributed_to"], r["attributed_to_canonical"])
            if name is None:
                continue
            a = attribution_from_row(r, r["sentence_index"], r["parent_start"])
            part = Part(a, claim["source"], claim["record"], r["sentence"], r["parent_id"])
            hits.extend(self._citation(claim_id, str(claim["doc_id"]), part, name, figures))
        return hits

    def _citation(
        self,
        claim_id: str,
        doc_id: str,
        part: Part[Attribution],
        name: str,
        figures: Sequence[Row],
    ) -> list[CitationHit]:
        """One citing attribution followed into the ledger (see :meth:`citations`)."""
        key, actor = outlet_key(name), outlet_actor(name)
        if actor is not None:  # either the same key or the same news outlet
            cond, args = "(d.outlet_key = ? OR d.outlet_actor_id = ?)", [key, actor]
        else:
            cond, args = "d.outlet_key = ?", [key]
        # counted from the outlet indexes alone; a document never cites itself
        n_documents = int(self.scalar(f"SELECT COUNT(*) FROM documents d WHERE {cond}", args))
        if self.query_one(f"SELECT 1 FROM documents d WHERE d.id = ? AND {cond}", [doc_id, *args]):
            n_documents -= 1
        cond += " AND d.id != ?"
        args.append(doc_id)
        if not n_documents:
            return []
        # (citing figure id, cited figure id) -> (relation kind, reason), in the order found
        pairs: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        for f in figures:
            qid = str(f["id"])
            if f["block_key"] is not None:  # the cited outlet's figures of the same group
                for m in self.query(
                    "SELECT m.quantity_id FROM figure_members m "
                    "JOIN documents d ON d.id = m.doc_id "
                    f"WHERE m.block_key = ? AND {cond} ORDER BY m.quantity_id",
                    [f["block_key"], *args],
                ):
                    pairs.setdefault((qid, str(m["quantity_id"])), (None, None))
            for mine, other in (("a_id", "b_id"), ("b_id", "a_id")):  # and related figures
                for rel in self.query(
                    f"SELECT r.{other} AS other, r.kind, r.reason FROM figure_relations r "
                    f"JOIN quantities q ON q.id = r.{other} JOIN documents d ON d.id = q.doc_id "
                    f"WHERE r.{mine} = ? AND {cond} ORDER BY r.id",
                    [qid, *args],
                ):
                    pair = (qid, str(rel["other"]))
                    if pairs.get(pair, (None, None))[0] is None and (
                        pair in pairs or rel["kind"] == "consistent"
                    ):
                        pairs[pair] = (str(rel["kind"]), str(rel["reason"]))
        a = part.item
        if not pairs:
            # newest first (no date last), one indexed walk per way of naming the outlet
            found: dict[str, CitedDocument] = {}
            for column, value in (("outlet_key", key), ("outlet_actor_id", actor)):
                if value is None:
                    continue
                for d in self.query(
                    "SELECT d.id, d.source, d.record, d.title, d.outlet, d.published "
                    f"FROM documents d WHERE d.{column} = ? AND d.id != ? "
                    "ORDER BY d.published DESC NULLS LAST LIMIT ?",
                    [value, doc_id, _CITED_DOCUMENTS],
                ):
                    found.setdefault(str(d["id"]), self._cited_document(d))
            newest = sorted(found.values(), key=lambda d: d.published or "", reverse=True)
            documents = tuple(newest[:_CITED_DOCUMENTS])
            hit_id = content_id("citation", a.id, "not_found")
            return [
                CitationHit(
                    hit_id,
                    claim_id,
                    part,
                    name,
                    "not_found",
                    documents=documents,
                    n_documents=n_documents,
                )
            ]
        ids = sorted({q for pair in pairs for q in pair})
        parts = self._figure_parts(ids)
        rows = _in_chunks(
            self,
            "SELECT q.id AS quantity_id, q.claim_id, d.id, d.source, d.record, d.title, "
            "d.outlet, d.published FROM quantities q JOIN documents d ON d.id = q.doc_id "
            "WHERE q.id IN ({marks})",
            ids,
        )
        cited = {str(r["quantity_id"]): (self._cited_document(r), r["claim_id"]) for r in rows}
        hits: list[CitationHit] = []
        seen: set[str] = set()
        for (mine, theirs), (kind, reason) in pairs.items():
            if theirs in seen or mine not in parts or theirs not in parts or theirs not in cited:
                continue
            seen.add(theirs)
            document, cited_claim = cited[theirs]
            hits.append(
                CitationHit(
                    content_id("citation", a.id, theirs),
                    claim_id,
                    part,
                    name,
                    "found",
                    figure=parts[mine],
                    cited=document,
                    cited_figure=parts[theirs],
                    cited_claim_id=cited_claim,
                    relation=kind,
                    reason=reason,
                    agrees=kind == "consistent",
                    n_documents=n_documents,
                )
            )
        hits.sort(key=lambda h: (h.cited.published or "" if h.cited else "", h.id))
        return hits

    @staticmethod
    def _cited_document(r: Row) -> CitedDocument:
        return CitedDocument(
            r["id"], r["source"], r["record"], r["title"], r["outlet"], r["published"]
        )

    def iter_citations(self) -> Iterator[CitationHit]:
        marks = ",".join("?" * len(CITING_KINDS))
        sql = (
            "SELECT DISTINCT ca.claim_id FROM claim_attributions ca "
            "JOIN attributions a ON a.id = ca.attribution_id "
            f"WHERE a.source_kind IN ({marks}) AND ca.claim_id > ? "
            "ORDER BY ca.claim_id LIMIT ?"
        )
        for rows in self._keyset(sql, CITING_KINDS, "claim_id"):
            for r in rows:
                yield from self.citations(str(r["claim_id"]))

    # -- reference data -------------------------------------------------------------------
    def add_reference_rows(self, rows: Sequence[dict[str, Any]]) -> int:
        stamp = now()
        new = 0
        with self.transaction():
            for row in rows:
                record = {k: row[k] for k in _REFERENCE_COLUMNS}
                record["notes"] = json.dumps(list(row.get("notes") or []))
                record["imported_at"] = stamp
                if self.insert("reference_figures", [record], or_ignore=True) is not None:
                    new += 1
        return new

    def add_rejections(self, rejections: Sequence[Rejection], run_id: str | None) -> int:
        stamp = now()
        new = 0
        with self.transaction():
            for rejection in rejections:
                row = {
                    "id": rejection.id,
                    "input": rejection.input,
                    "stage": rejection.stage,
                    "reason": rejection.reason,
                    "run_id": run_id,
                    "first_seen": stamp,
                }
                if self.insert("rejections", [row], or_ignore=True) is not None:
                    new += 1
        return new

    def reference_rows(self, measures: Sequence[str] | None = None) -> list[dict[str, Any]]:
        if measures is None:
            rows = self.query("SELECT * FROM reference_figures ORDER BY dataset, line, id")
        else:
            wanted = sorted(set(measures))
            rows = []
            for i in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[i : i + _IN_CHUNK]
                rows += self.query(
                    "SELECT * FROM reference_figures WHERE measure IN "
                    f"({','.join('?' * len(chunk))}) ORDER BY dataset, line, id",
                    chunk,
                )
        return [_reference_record(r) for r in rows]

    def checkable_figures(
        self, doc_ids: Sequence[str] | None = None, batch: int = 1000
    ) -> Iterator[list[Part[Quantity]]]:
        where = "q.quantified IS NOT NULL AND q.place_text IS NOT NULL"
        if doc_ids is not None:
            for i in range(0, len(doc_ids), _IN_CHUNK):
                chunk = list(doc_ids[i : i + _IN_CHUNK])
                ids = [
                    str(r[0])
                    for r in self.query(
                        f"SELECT q.id FROM quantities q WHERE {where} AND q.doc_id IN "
                        f"({','.join('?' * len(chunk))}) ORDER BY q.id",
                        chunk,
                    )
                ]
                for j in range(0, len(ids), batch):
                    parts = self._figure_parts(ids[j : j + batch])
                    yield [parts[k] for k in ids[j : j + batch] if k in parts]
            return
        last = ""
        while True:
            ids = [
                str(r[0])
                for r in self.query(
                    f"SELECT q.id FROM quantities q WHERE {where} AND q.id > ? "
                    "ORDER BY q.id LIMIT ?",
                    (last, batch),
                )
            ]
            if not ids:
                return
            parts = self._figure_parts(ids)
            yield [parts[k] for k in ids if k in parts]
            last = ids[-1]

    def write_checks(self, quantity_ids: Sequence[str], checks: Sequence[dict[str, Any]]) -> None:
        stamp = now()
        with self.transaction():
            for i in range(0, len(quantity_ids), _IN_CHUNK):
                chunk = list(quantity_ids[i : i + _IN_CHUNK])
                self.execute(
                    "DELETE FROM reference_checks WHERE quantity_id IN "
                    f"({','.join('?' * len(chunk))})",
                    chunk,
                )
            for c in checks:
                owner = self.query_one(
                    "SELECT claim_id, doc_id FROM quantities WHERE id = ?", (c["quantity_id"],)
                )
                if owner is None:
                    continue
                row = {k: c[k] for k in _CHECK_COLUMNS}
                row.update(claim_id=owner["claim_id"], doc_id=owner["doc_id"], checked_at=stamp)
                self.insert("reference_checks", [row], or_ignore=True)

    def _check_hits(self, rows: Sequence[Row]) -> list[CheckHit]:
        parts = self._figure_parts(sorted({str(r["quantity_id"]) for r in rows}))
        refs: dict[str, dict[str, Any]] = {}
        for r in rows:
            rid = str(r["reference_id"])
            if rid not in refs:
                found = self.query_one("SELECT * FROM reference_figures WHERE id = ?", (rid,))
                if found is not None:
                    refs[rid] = _reference_record(found)
        return [
            CheckHit(
                r["id"],
                parts[r["quantity_id"]],
                refs[r["reference_id"]],
                r["status"],
                r["reason"],
                float(r["tolerance"]),
                r["figure_lower"],
                r["figure_upper"],
                r["time_match"],
                int(r["rank"]),
            )
            for r in rows
            if r["quantity_id"] in parts and r["reference_id"] in refs
        ]

    def check_page(
        self, status: str | None = None, page: int = 1, per_page: int = 50
    ) -> Page[CheckHit]:
        check_paging(page, per_page)
        where, args = ("status = ?", [status]) if status else ("TRUE", [])
        total = int(self.scalar(f"SELECT COUNT(*) FROM reference_checks WHERE {where}", args))
        rows = self.query(
            f"SELECT * FROM reference_checks WHERE {where} "
            "ORDER BY status = 'agrees', id LIMIT ? OFFSET ?",
            [*args, per_page, (page - 1) * per_page],
        )
        return Page(total, page, per_page, self._check_hits(rows))

    def iter_checks(self) -> Iterator[CheckHit]:
        sql = "SELECT * FROM reference_checks WHERE id > ? ORDER BY id LIMIT ?"
        for rows in self._keyset(sql, (), "id"):
            yield from self._check_hits(rows)

    def _has_disagreements(self) -> bool:
        return (
            self.query_one("SELECT 1 FROM reference_checks WHERE status = 'disagrees' LIMIT 1")
            is not None
        )

    def figure_series(self, group_id: str) -> list[dict[str, Any]]:
        groups = self.query("SELECT * FROM figure_groups WHERE id = ?", (group_id,))
        if not groups:
            return []
        [group] = self._group_hits(groups)
        members = self.query(
            "SELECT quantity_id, low, high FROM figure_members WHERE block_key = ? "
            "ORDER BY quantity_id",
            (groups[0]["block_key"],),
        )
        ids = [str(r["quantity_id"]) for r in members]
        parts = self._figure_parts(ids)
        checks: dict[str, list[CheckHit]] = {}
        for i in range(0, len(ids), _IN_CHUNK):
            chunk = ids[i : i + _IN_CHUNK]
            rows = self.query(
                "SELECT * FROM reference_checks WHERE quantity_id IN "
                f"({','.join('?' * len(chunk))}) ORDER BY quantity_id, rank",
                chunk,
            )
            for check in self._check_hits(rows):
                checks.setdefault(check.quantity.item.id, []).append(check)
        return [
            {
                "group": group,
                "quantity": parts[str(r["quantity_id"])],
                "low": r["low"],
                "high": r["high"],
                "checks": checks.get(str(r["quantity_id"]), []),
            }
            for r in members
            if str(r["quantity_id"]) in parts
        ]


Ledger = SQLiteStore  # the name it had before there was a store interface


def _claim_where(f: ClaimFilter) -> tuple[str, list[Any]]:
    """SQL conditions on ``claims c`` and their parameters for a filter (paging aside)."""
    where: list[str] = ["TRUE"]
    args: list[Any] = []
    if f.label:
        where.append("c.label = ?")
        args.append(f.label)
    if f.claim_type:
        # types is a JSON list of words from CLAIM_TYPES: the quoted word is an exact test,
        # and several times faster than json_each over every claim.
        where.append("instr(c.types, ?) > 0")
        args.append(json.dumps(f.claim_type))
    if f.min_score is not None:
        where.append("c.score >= ?")
        args.append(f.min_score)
    if f.max_score is not None:
        where.append("c.score <= ?")
        args.append(f.max_score)
    if f.has_figure is not None:
        exists = "EXISTS (SELECT 1 FROM quantities q WHERE q.claim_id = c.id)"
        where.append(exists if f.has_figure else f"NOT {exists}")
    if f.reviewed is not None:
        exists = "EXISTS (SELECT 1 FROM reviews r WHERE r.claim_id = c.id)"
        where.append(exists if f.reviewed else f"NOT {exists}")
    if f.source:
        where.append(
            "EXISTS (SELECT 1 FROM claim_attributions ca JOIN attributions a "
            "ON a.id = ca.attribution_id WHERE ca.claim_id = c.id AND "
            "(instr(lower(a.attributed_to), lower(?)) > 0 "
            "OR instr(lower(a.attributed_to_canonical), lower(?)) > 0))"
        )
        args += [f.source, f.source]
    if f.doc_ids:
        where.append(f"c.doc_id IN ({','.join('?' * len(f.doc_ids))})")
        args.extend(f.doc_ids)
    if f.text:
        where.append("instr(lower(c.text), lower(?)) > 0")
        args.append(f.text)
    if f.time_from is not None or f.time_to is not None:
        where.append("(c.time_start IS NOT NULL OR c.time_end IS NOT NULL)")
    if f.time_from is not None:  # ISO dates compare as text
        where.append("(c.time_end IS NULL OR c.time_end >= ?)")
        args.append(f.time_from)
    if f.time_to is not None:
        where.append("(c.time_start IS NULL OR c.time_start <= ?)")
        args.append(f.time_to)
    if f.place and re.fullmatch(r"[0-9]{1,11}", f.place.strip()):  # ASCII digits: an id
        where.append("c.place_geonames_id = ?")
        args.append(int(f.place.strip()))
    elif f.place:
        where.append(
            "(instr(lower(c.place_name), lower(?)) > 0 OR instr(lower(c.place_text), lower(?)) > 0)"
        )
        args += [f.place, f.place]
    if f.country:
        where.append("c.place_country_code = ?")
        args.append(f.country.upper())
    if f.contradicted is not None:
        where.append(f"c.id {'' if f.contradicted else 'NOT '}IN ({_CONTRADICTED_CLAIMS})")
    if f.check is not None:
        where.append("c.id IN (SELECT claim_id FROM reference_checks WHERE status = ?)")
        args.append(f.check)
    if f.event_type:  # the events of its sentence, and those the claim is tied to
        where.append(
            "(c.id IN (SELECT claim_id FROM events WHERE code = ?) OR c.id IN "
            "(SELECT ce.claim_id FROM claim_events ce JOIN events e ON e.id = ce.event_id "
            "WHERE e.code = ?))"
        )
        args += [event_code(f.event_type)] * 2
    if f.actor:
        where.append(
            "(EXISTS (SELECT 1 FROM claim_attributions ca JOIN attributions a "
            "ON a.id = ca.attribution_id WHERE ca.claim_id = c.id AND a.actor_id = ?) "
            "OR EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = c.doc_id "
            "AND m.sentence_idx = c.idx AND m.actor_id = ?))"
        )
        args += [f.actor, f.actor]
    return " AND ".join(where), args


def _event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL conditions on ``events e`` (joined to ``documents d``) for an event filter."""
    where: list[str] = ["TRUE"]
    args: list[Any] = []
    if f.event_type:
        where.append("e.code = ?")
        args.append(event_code(f.event_type))
    if f.modality:
        where.append("e.modality = ?")
        args.append(f.modality)
    if f.doc_ids:
        where.append(f"e.doc_id IN ({','.join('?' * len(f.doc_ids))})")
        args.extend(f.doc_ids)
    if f.cluster:
        where.append("e.cluster = ?")
        args.append(f.cluster)
    if f.has_casualties is not None:
        exists = "EXISTS (SELECT 1 FROM event_figures x WHERE x.event_id = e.id)"
        where.append(exists if f.has_casualties else f"NOT {exists}")
    return " AND ".join(where), args


def _review(r: Row) -> Review:
    return Review(
        r["id"],
        r["claim_id"],
        r["verdict"],
        r["note"],
        r["reviewer"],
        r["created_at"],
        r["text"] if "text" in r.keys() else None,  # noqa: SIM118 (a Row is not a dict)
    )


def claim_from_row(r: Row) -> Claim:
    """A stored ``claims`` row as a Claim, without its figure and source ids."""
    return Claim(
        r["doc_id"],
        r["idx"],
        r["start_char"],
        r["end_char"],
        r["text"],
        r["score"],
        r["label"],
        tuple(json.loads(r["types"])),
        when=when_from_row(r),
        where=where_from_row(r),
    )


def when_from_row(r: Row) -> When:
    """The time columns of a stored figure or claim."""
    return When(
        r["time_text"],
        r["time_text_start"],
        r["time_text_end"],
        r["time_start"],
        r["time_end"],
        r["time_kind"],
        r["time_anchor"],
        bool(r["time_inherited"]),
    )


def where_from_row(r: Row) -> Where:
    """The place columns of a stored figure or claim."""
    values = {name: r[f"place_{name}"] for name in Where().record_keys()}
    values["inherited"] = bool(values["inherited"])
    return Where(**values)


def quantity_from_row(r: Row, sentence_index: int = -1) -> Quantity:
    """A stored ``quantities`` row as the dataclass extraction made."""
    change = None
    if r["change_direction"]:
        change = Change(r["change_direction"], r["change_from"], r["change_to"], r["change_by"])
    return Quantity(
        doc_id=r["doc_id"],
        start=r["start_char"],
        end=r["end_char"],
        text=r["text"],
        value=r["value"],
        lower=r["lower"],
        upper=r["upper"],
        unit=r["unit"],
        bound=r["bound"],
        per=r["per"],
        change=change,
        quantified=r["quantified"],
        sentence_index=sentence_index,
        rule=r["rule"],
        when=when_from_row(r),
        where=where_from_row(r),
    )


def attribution_from_row(
    r: Row, sentence_index: int = -1, parent_start: int | None = None
) -> Attribution:
    """A stored ``attributions`` row as the dataclass extraction made; ``parent_start`` is
    the cue offset of the attribution it is nested in."""
    return Attribution(
        doc_id=r["doc_id"],
        start=r["start_char"],
        end=r["end_char"],
        text=r["text"],
        attributed_to=r["attributed_to"],
        attributed_to_canonical=r["attributed_to_canonical"],
        source_kind=r["source_kind"],
        cue=r["cue"],
        content=r["content"],
        source_start=r["source_start"],
        source_end=r["source_end"],
        cue_start=r["cue_start"],
        cue_end=r["cue_end"],
        content_start=r["content_start"],
        content_end=r["content_end"],
        direct=bool(r["direct"]),
        sentence_index=sentence_index,
        parent_start=parent_start,
        source_role=r["source_role"],
        source_affiliation=r["source_affiliation"],
        rule=r["rule"],
        source_actor_id=r["actor_id"],
    )


def _foreign(where: str | Path, tables: set[str], what: str = "an SQLite") -> LedgerError:
    """The refusal of a database holding another program's tables (``what``: its kind)."""
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    other = "path" if what == "an SQLite" else "database"
    return LedgerError(
        f"{where} is {what} database but not a claimledger ledger (it holds tables {shown}); "
        f"it was left untouched. Pass --db with another {other}"
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


def insert_statement(table: str, rows: Sequence[Mapping[str, Any]]) -> tuple[list[str], str]:
    """The columns of ``rows`` (the first row's keys, which every row must share, all plain
    SQL names) and ``INSERT INTO table (...) VALUES (?, ...)`` for them."""
    columns = list(rows[0])
    for name in (table, *columns):
        if not _IDENTIFIER.match(name):
            raise ValueError(f"not a plain SQL name: {name!r}")
    if any(list(r) != columns for r in rows):
        raise ValueError(f"rows for {table} do not all have the columns {columns}")
    marks = ", ".join("?" * len(columns))
    return columns, f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _statements(sql: str) -> list[str]:
    body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]


# Components added to the table after the four built in (and events, whose nested parts have
# columns and a table of their own, see _event_row): each has a table of its own, named
# after it (made by its migration), with the columns id, doc_id, claim_id, start_char,
# end_char, text, run_id and one per field of its item dataclass (lists and dicts as JSON).
_BUILT_IN = frozenset({"quantity", "attribution", "claim", "entity", "event"})
ADDED_COMPONENTS = tuple(
    c for c in COMPONENTS if c.record is not None and c.record not in _BUILT_IN
)
_PLACED = {"doc_id": "doc_id", "start": "start_char", "end": "end_char", "text": "text"}


def _document_info(r: Row, doc_id: str) -> DocumentInfo:
    """A document's metadata from a row that joined ``documents``."""
    return DocumentInfo(
        doc_id, r["source"], r["record"], r["title"], r["url"], r["published"], r["outlet"],
        r["author"],
    )  # fmt: skip


def _item_row(item: Any, claim_ids: dict[int, str], run_id: str) -> dict[str, Any]:
    row: dict[str, Any] = {"id": item.id, "claim_id": claim_ids[item.sentence_index]}
    for f in dataclasses.fields(item):
        if f.name == "sentence_index":
            continue
        value = getattr(item, f.name)
        if isinstance(value, (list, tuple, dict)):
            value = json.dumps(value)
        row[_PLACED.get(f.name, f.name)] = value
    row["run_id"] = run_id
    return row


def _item_from_row(item_type: type, row: Row, sentence_index: int) -> Any:
    values: dict[str, Any] = {}
    for f in dataclasses.fields(item_type):
        if f.name == "sentence_index":
            values[f.name] = sentence_index
            continue
        value = row[_PLACED.get(f.name, f.name)]
        declared = str(f.type)  # an annotation string: "tuple[str, ...]", "int | None"
        if isinstance(value, str) and declared.startswith(("tuple", "list", "dict")):
            decoded = json.loads(value)
            value = tuple(decoded) if declared.startswith("tuple") else decoded
        elif declared == "bool" and value is not None:
            value = bool(value)
        values[f.name] = value
    return item_type(**values)


def _insert_document(store: SQLiteStore, ex: Extraction, run_id: str) -> None:
    """Every row of one extraction, by column name, inside the caller's transaction."""
    doc_id = ex.document.id
    store.insert("documents", [_document_row(ex, run_id)])
    store._add_source(doc_id, ex.document.source, ex.document.record)
    sentence_ids = {s.index: s.id for s in ex.sentences}
    store.insert("sentences", [_sentence_row(s) for s in ex.sentences])
    store.insert("claims", [_claim_row(c, sentence_ids, run_id) for c in ex.claims])
    claim_ids = {cl.sentence_index: cl.id for cl in ex.claims}
    store.insert(
        "quantities", [_quantity_row(q, claim_ids, run_id) for q in ex.quantities], or_ignore=True
    )
    actors = _Actors()
    by_cue = {a.cue_start: a.id for a in ex.attributions}
    attribution_rows = [
        _attribution_row(a, claim_ids, by_cue, actors, run_id) for a in ex.attributions
    ]
    mention_rows = [_mention_row(e, actors, run_id) for e in ex.entities]
    actors.store(store)
    store.insert("attributions", attribution_rows, or_ignore=True)
    store.insert("mentions", mention_rows, or_ignore=True)
    for component in ADDED_COMPONENTS:
        store.insert(
            component.name,
            [_item_row(item, claim_ids, run_id) for item in items_of(ex, component.name)],
            or_ignore=True,
        )
    store.insert(
        "claim_attributions",
        [
            {"claim_id": cl.id, "attribution_id": aid}
            for cl in ex.claims
            for aid in cl.attribution_ids
        ],
        or_ignore=True,
    )
    _insert_events(store, ex, claim_ids, run_id)


def _insert_events(
    store: SQLiteStore, ex: Extraction, claim_ids: dict[int, str], run_id: str
) -> None:
    """A document's events, their dead and injured figures and its claims' links to them."""
    events: list[Event] = items_of(ex, "events")
    store.insert("events", [_event_row(e, claim_ids, run_id) for e in events], or_ignore=True)
    store.insert(
        "event_figures",
        [
            _event_figure_row(e.id, role, i, f)
            for e in events
            for role, figures in (("fatalities", e.fatalities), ("injured", e.injured))
            for i, f in enumerate(figures)
        ],
        or_ignore=True,
    )
    known = {e.id for e in events}
    store.insert(
        "claim_events",
        [
            {"claim_id": cl.id, "event_id": eid, "idx": i}
            for cl in ex.claims
            for i, eid in enumerate(cl.event_ids)
            if eid in known
        ],
        or_ignore=True,
    )


def _arg_columns(prefix: str, arg: EventArg | None) -> dict[str, Any]:
    return {
        f"{prefix}_text": arg.text if arg else None,
        f"{prefix}_start": arg.start if arg else None,
        f"{prefix}_end": arg.end if arg else None,
        f"{prefix}_actor_id": arg.actor_id if arg else None,
    }


def _event_row(e: Event, claim_ids: dict[int, str], run_id: str) -> dict[str, Any]:
    src = e.attributed_to
    return {
        "id": e.id,
        "doc_id": e.doc_id,
        "claim_id": claim_ids[e.sentence_index],
        "start_char": e.start,
        "end_char": e.end,
        "text": e.text,
        "code": e.code,
        **type_fields(e.code),
        "confidence": e.confidence,
        "modality": e.modality,
        "modality_cue": e.modality_cue,
        "happened": int(e.happened),
        **_arg_columns("actor", e.actor),
        **_arg_columns("target", e.target),
        "source_attribution_id": src.attribution_id if src else None,
        "source_text": src.text if src else None,
        "source_canonical": src.canonical if src else None,
        "source_kind": src.source_kind if src else None,
        "source_actor_id": src.actor_id if src else None,
        **e.when.fields(),
        **e.where.fields(),
        "run_id": run_id,
    }


def _event_figure_row(event_id: str, role: str, idx: int, f: EventFigure) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "role": role,
        "idx": idx,
        "quantity_id": f.quantity_id,
        "text": f.text,
        "start_char": f.start,
        "end_char": f.end,
        "value": f.value,
        "lower": f.lower,
        "upper": f.upper,
        "bound": f.bound,
    }


def _arg_from_row(r: Row, prefix: str) -> EventArg | None:
    if r[f"{prefix}_text"] is None:
        return None
    return EventArg(
        r[f"{prefix}_text"], r[f"{prefix}_start"], r[f"{prefix}_end"], r[f"{prefix}_actor_id"]
    )


def event_from_row(r: Row, figures: Sequence[Row] = (), sentence_index: int = -1) -> Event:
    """A stored ``events`` row (with its ``event_figures`` rows) as the dataclass extraction
    made."""
    by_role: dict[str, list[EventFigure]] = {"fatalities": [], "injured": []}
    for f in sorted(figures, key=lambda f: (f["role"], f["idx"])):
        figure = EventFigure(
            f["quantity_id"], f["text"], f["start_char"], f["end_char"], f["value"],
            f["lower"], f["upper"], f["bound"],
        )  # fmt: skip
        by_role.setdefault(f["role"], []).append(figure)
    source = None
    if r["source_attribution_id"] is not None:
        source = EventSource(
            r["source_attribution_id"], r["source_text"], r["source_canonical"],
            r["source_kind"], r["source_actor_id"],
        )  # fmt: skip
    return Event(
        doc_id=r["doc_id"],
        start=r["start_char"],
        end=r["end_char"],
        text=r["text"],
        code=r["code"],
        confidence=r["confidence"],
        modality=r["modality"],
        modality_cue=r["modality_cue"],
        actor=_arg_from_row(r, "actor"),
        target=_arg_from_row(r, "target"),
        fatalities=tuple(by_role["fatalities"]),
        injured=tuple(by_role["injured"]),
        attributed_to=source,
        sentence_index=sentence_index,
        when=when_from_row(r),
        where=where_from_row(r),
    )


def _document_row(ex: Extraction, run_id: str) -> dict[str, Any]:
    doc = ex.document
    return {
        "id": doc.id,
        "source": doc.source,
        "record": doc.record,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "outlet": doc.outlet,
        "outlet_key": outlet_key(doc.outlet),
        "outlet_actor_id": outlet_actor(doc.outlet),
        "author": doc.author,
        "media_type": doc.media_type,
        "date": ex.date,
        "date_from": ex.date_from,
        "text": doc.text,
        "n_chars": len(doc.text),
        "n_words": len(doc.text.split()),
        "run_id": run_id,
        "ingested_at": now(),
    }


def _sentence_row(s: Sentence) -> dict[str, Any]:
    return {
        "id": s.id,
        "doc_id": s.doc_id,
        "idx": s.index,
        "paragraph": s.paragraph,
        "start_char": s.start,
        "end_char": s.end,
    }


def _claim_row(cl: Claim, sentence_ids: dict[int, str], run_id: str) -> dict[str, Any]:
    return {
        "id": cl.id,
        "doc_id": cl.doc_id,
        "sentence_id": sentence_ids[cl.sentence_index],
        "idx": cl.sentence_index,
        "start_char": cl.start,
        "end_char": cl.end,
        "text": cl.text,
        "score": cl.score,
        "label": cl.label,
        "types": json.dumps(list(cl.types)),
        "run_id": run_id,
        **cl.when.fields(),
        **cl.where.fields(),
    }


def _quantity_row(q: Quantity, claim_ids: dict[int, str], run_id: str) -> dict[str, Any]:
    return {
        "id": q.id,
        "doc_id": q.doc_id,
        "claim_id": claim_ids[q.sentence_index],
        "start_char": q.start,
        "end_char": q.end,
        "text": q.text,
        "value": q.value,
        "lower": q.lower,
        "upper": q.upper,
        "unit": q.unit,
        "per": q.per,
        "bound": q.bound,
        "change_direction": q.change.direction if q.change else None,
        "change_from": q.change.from_value if q.change else None,
        "change_to": q.change.to_value if q.change else None,
        "change_by": q.change.by_value if q.change else None,
        "quantified": q.quantified,
        "run_id": run_id,
        "rule": q.rule,
        **q.when.fields(),
        **q.where.fields(),
    }


class _Actors:
    """The actors one document names (ids set by link/actors), with the aliases it uses for
    them: the table's actors with their names, kinds and parents, the ledger's own (people,
    names the table lacks) with what the document calls them."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[str, str, str | None, str | None, set[str]]] = {}

    def id(
        self, actor_id: str | None, name: str | None, kind: str, alias: str | None
    ) -> str | None:
        if not actor_id or not name:
            return None
        known = load_actor_table().actors.get(actor_id)
        entry: tuple[str, str, str | None, str | None, set[str]]
        if known is not None:
            entry = (known.name, known.kind, known.parent, known.country, set())
        else:
            entry = (name, kind, None, None, set())
        found = self.found.setdefault(actor_id, entry)
        if alias:
            found[4].add(alias)
        return actor_id

    def store(self, store: SQLiteStore) -> None:
        """Add the new actors, and the new aliases of known ones."""
        for aid, (canonical, kind, parent, country, aliases) in self.found.items():
            store_actor(store, aid, canonical, kind, parent, country, aliases)


def _actor_dict(r: Row) -> dict[str, Any]:
    return {
        "id": r["id"],
        "name": r["canonical"],
        "actor_kind": r["kind"],
        "country": r["country"],
        "parent_id": r["parent_id"],
        "aliases": json.loads(r["aliases"]),
        "n_documents": r["n_documents"],
        "n_sources": r["n_sources"],
        "n_mentions": r["n_mentions"],
    }


def store_actor(
    store: SQLiteStore,
    aid: str,
    canonical: str,
    kind: str,
    parent: str | None,
    country: str | None,
    aliases: set[str],
) -> None:
    """Add an actor, or the new aliases of a known one."""
    known = store.scalar("SELECT aliases FROM actors WHERE id = ?", (aid,))
    if known is None:
        row = {
            "id": aid,
            "canonical": canonical,
            "kind": kind,
            "aliases": json.dumps(sorted(aliases)),
            "parent_id": parent,
            "country": country,
        }
        store.insert("actors", [row])
    elif not aliases <= set(json.loads(known)):  # nothing new: no write (a round trip saved)
        merged = sorted(set(json.loads(known)) | aliases)
        store.execute("UPDATE actors SET aliases = ? WHERE id = ?", (json.dumps(merged), aid))


def _attribution_row(
    a: Attribution,
    claim_ids: dict[int, str],
    by_cue: dict[int | None, str],
    actors: _Actors,
    run_id: str,
) -> dict[str, Any]:
    name = a.attributed_to_canonical or a.attributed_to
    kind = SOURCE_KINDS.get(a.source_kind, "organisation")
    return {
        "id": a.id,
        "doc_id": a.doc_id,
        "claim_id": claim_ids[a.sentence_index],
        "start_char": a.start,
        "end_char": a.end,
        "text": a.text,
        "attributed_to": a.attributed_to,
        "attributed_to_canonical": a.attributed_to_canonical,
        "actor_id": actors.id(a.source_actor_id, name, kind, a.attributed_to),
        "source_kind": a.source_kind,
        "cue": a.cue,
        "content": a.content,
        "source_start": a.source_start,
        "source_end": a.source_end,
        "cue_start": a.cue_start,
        "cue_end": a.cue_end,
        "content_start": a.content_start,
        "content_end": a.content_end,
        "direct": int(a.direct),
        "parent_id": by_cue.get(a.parent_start) if a.parent_start is not None else None,
        "run_id": run_id,
        "source_role": a.source_role,
        "source_affiliation": a.source_affiliation,
        "rule": a.rule,
    }


def _mention_row(e: Entity, actors: _Actors, run_id: str) -> dict[str, Any]:
    kind = NAMED_LABELS.get(e.label, "organisation")
    return {
        "id": e.id,
        "doc_id": e.doc_id,
        "sentence_idx": e.sentence_index,
        "start_char": e.start,
        "end_char": e.end,
        "text": e.text,
        "label": e.label,
        "canonical": e.canonical,
        "actor_id": actors.id(e.actor_id, e.canonical, kind, e.text),
        "run_id": run_id,
    }


# -- linking: helpers of SQLiteStore.link_new (link/compare, link/repeats) ---------------------

# Tables linking writes (and link_all empties), children before parents.
_LINK_TABLES = (
    "figure_relations",
    "figure_members",
    "figure_groups",
    "repeat_clusters",
    "repeat_pairs",
    "repeat_keys",
    "repeat_passages",
    "event_clusters",
    "linked_documents",
)
_REFERENCE_COLUMNS = (
    *("id", "dataset", "line", "measure", "measure_text", "place", "place_geonames_id"),
    *("place_name", "place_country_code", "period_start", "period_end", "value", "lower"),
    *("upper", "unit", "per", "source", "url"),
)
_CHECK_COLUMNS = (
    *("id", "quantity_id", "reference_id", "status", "reason", "tolerance", "figure_lower"),
    *("figure_upper", "time_match", "rank"),
)
# Claims with a figure in a contradiction (either side).
_CONTRADICTED_CLAIMS = (
    "SELECT q.claim_id FROM figure_relations r JOIN quantities q ON q.id = r.a_id "
    "WHERE r.kind = 'contradiction' UNION "
    "SELECT q.claim_id FROM figure_relations r JOIN quantities q ON q.id = r.b_id "
    "WHERE r.kind = 'contradiction'"
)


def _reference_record(r: Row) -> dict[str, Any]:
    """A stored reference row as check/reference.ReferenceRow.record() gives it."""
    out = {k: r[k] for k in _REFERENCE_COLUMNS}
    out["notes"] = json.loads(r["notes"] or "[]")
    return out


def _block_json(key: BlockKey) -> str:
    return json.dumps([*key[:4], list(key[4]), key[5]], separators=(",", ":"))


def _narrower_keys(key: BlockKey) -> list[BlockKey]:
    """The keys of the same block for each population that is a part of the key's."""
    out: list[BlockKey] = []
    for part in sorted(PART_OF):
        whole: str | None = PART_OF[part]
        while whole is not None:
            if whole == key[1]:
                out.append((key[0], part, *key[2:]))
                break
            whole = PART_OF.get(whole)
    return out


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def _members(store: SQLiteStore, block: str) -> list[Figure]:
    """The stored figures of one block, with the measure and interval they were linked by,
    and an event's figures with their cluster (and its place and day where they name none,
    as link/events gave them)."""
    out = []
    for r in store.query(
        "SELECT q.*, m.low AS m_low, m.high AS m_high, m.event_cluster AS m_event, "
        "g.thing AS g_thing, g.population AS g_population, g.unit AS g_unit, "
        "g.nature AS g_nature, ec.code AS ec_code, ec.place_key AS ec_place_key, "
        "ec.day AS ec_day, ec.place_text AS ec_place_text, "
        "ec.place_geonames_id AS ec_place_geonames_id, ec.place_name AS ec_place_name "
        "FROM figure_members m JOIN quantities q ON q.id = m.quantity_id "
        "JOIN figure_groups g ON g.block_key = m.block_key "
        "LEFT JOIN event_clusters ec ON ec.id = m.event_cluster WHERE m.block_key = ? "
        "ORDER BY q.id",
        (block,),
    ):
        measure = Measure(r["g_thing"], r["g_population"], r["g_unit"], r["g_nature"])
        low = -math.inf if r["m_low"] is None else float(r["m_low"])
        high = math.inf if r["m_high"] is None else float(r["m_high"])
        q = quantity_from_row(r)
        if r["ec_code"] is not None:
            q = with_event_place_and_day(q, _cluster_from_row(r, "ec_"))
        out.append(Figure(q, measure, (low, high), event=r["m_event"]))
    return out


def _cluster_from_row(r: Row, prefix: str = "") -> EventCluster:
    return EventCluster(
        r[f"{prefix}code"], r[f"{prefix}place_key"], r[f"{prefix}day"],
        r[f"{prefix}place_text"], r[f"{prefix}place_geonames_id"], r[f"{prefix}place_name"],
    )  # fmt: skip


def _save_relation(
    store: SQLiteStore, r: Relation | None, block: str, across: bool, result: LinkResult
) -> None:
    if r is None:
        return
    row = {
        "id": r.id,
        "kind": r.kind,
        "a_id": r.a.id,
        "b_id": r.b.id,
        "block_key": block,
        "measure": r.measure.label(),
        "reason": r.reason,
        "across": int(across),
    }
    if store.insert("figure_relations", [row], or_ignore=True) is not None:
        result.relations[r.kind] = result.relations.get(r.kind, 0) + 1


def _link_figures(store: SQLiteStore, ex: Extraction, result: LinkResult) -> None:
    """Each figure of the document against its block, its wider and its narrower blocks and
    (an event's dead or injured) the other figures of its event, then into its block (so
    the document's own later figures meet it too)."""
    touched: set[str] = set()
    figures = event_figures(
        figures_of(ex.quantities, ex.sentences),
        ex.quantities,
        ex.sentences,
        items_of(ex, "events"),
        ex.date,
    )
    for f in figures:
        key = blocking_key(f.quantity, f.measure)
        if key is None:
            continue
        block = _block_json(key)
        touched.add(block)
        q = f.quantity
        group = {
            "block_key": block,
            "id": content_id("figure_group_pending", block),
            "thing": f.measure.thing,
            "population": f.measure.population,
            "unit": f.measure.unit,
            "nature": f.measure.nature,
            "measure": f.measure.label(),
            "place": q.where.name or q.where.text or key[4][1],
            "place_key": f"{key[4][0]}:{key[4][1]}",
            "time_bucket": key[5],
            "n_members": 0,
        }
        store.insert("figure_groups", [group], or_ignore=True)
        for other in _members(store, block):
            a, b = sorted((f, other), key=lambda x: x.id)
            _save_relation(store, compare(a, b), block, False, result)
        for wider in wider_keys(key):
            for other in _members(store, _block_json(wider)):
                _save_relation(store, compare(f, other), block, True, result)
        for narrower in _narrower_keys(key):
            part_block = _block_json(narrower)
            for other in _members(store, part_block):
                _save_relation(store, compare(other, f), part_block, True, result)
        if f.event is not None:
            seen = {block, *map(_block_json, (*wider_keys(key), *_narrower_keys(key)))}
            _link_event_figure(store, f, block, seen, result)
        member = {
            "quantity_id": q.id,
            "doc_id": q.doc_id,
            "block_key": block,
            "low": _finite(f.interval[0]),
            "high": _finite(f.interval[1]),
            "event_cluster": f.event,
        }
        if store.insert("figure_members", [member], or_ignore=True) is not None:
            result.figures += 1
    _refresh_groups(store, touched)


def _link_event_figure(
    store: SQLiteStore, f: Figure, block: str, seen: set[str], result: LinkResult
) -> None:
    """An event's figure against the figures of the same event in blocks it has not met
    (their own words put them at another place or time): one event, one measure."""
    for r in store.query(
        "SELECT DISTINCT block_key FROM figure_members WHERE event_cluster = ? ORDER BY 1",
        (f.event,),
    ):
        if r[0] in seen:
            continue
        for other in _members(store, str(r[0])):
            if other.event == f.event:
                a, b = sorted((f, other), key=lambda x: x.id)
                _save_relation(store, compare(a, b), block, False, result)


def _link_events(store: SQLiteStore, ex: Extraction, result: LinkResult) -> None:
    """The document's asserted events into their clusters (link/events)."""
    clusters = clusters_of(items_of(ex, "events"), ex.date)
    for event_id, c in clusters.items():
        row = {
            "id": c.id,
            "code": c.code,
            "place_key": c.place_key,
            "place_text": c.place_text,
            "place_geonames_id": c.place_geonames_id,
            "place_name": c.place_name,
            "day": c.day,
            "n_mentions": 0,
            "n_documents": 0,
        }
        store.insert("event_clusters", [row], or_ignore=True)
        store.execute("UPDATE events SET cluster = ? WHERE id = ?", (c.id, event_id))
    result.events += len(clusters)
    _refresh_clusters(store, {c.id for c in clusters.values()})


def _refresh_clusters(store: SQLiteStore, clusters: Iterable[str]) -> None:
    """Each event cluster's counts; a cluster left without mentions is deleted."""
    for cluster in sorted(set(clusters)):
        row = store.query_one(
            "SELECT COUNT(*) AS n, COUNT(DISTINCT doc_id) AS docs FROM events WHERE cluster = ?",
            (cluster,),
        )
        if row is None or not row["n"]:
            store.execute("DELETE FROM event_clusters WHERE id = ?", (cluster,))
            continue
        store.execute(
            "UPDATE event_clusters SET n_mentions = ?, n_documents = ? WHERE id = ?",
            (row["n"], row["docs"], cluster),
        )


def _refresh_groups(store: SQLiteStore, blocks: Iterable[str]) -> None:
    """Each group's id (a hash of its members' ids, as compare.group_figures makes it) and
    size; a group left without members is deleted."""
    for block in sorted(set(blocks)):
        ids = [
            str(r[0])
            for r in store.query(
                "SELECT quantity_id FROM figure_members WHERE block_key = ? ORDER BY quantity_id",
                (block,),
            )
        ]
        if not ids:
            store.execute("DELETE FROM figure_groups WHERE block_key = ?", (block,))
            continue
        store.execute(
            "UPDATE figure_groups SET id = ?, n_members = ? WHERE block_key = ?",
            (content_id("figure_group", *ids), len(ids), block),
        )


def _link_passages(store: SQLiteStore, ex: Extraction, result: LinkResult) -> None:
    """Each judged passage of the document: its band keys looked up, the candidates of other
    documents verified, the passage stored; then the clusters its repeats touch."""
    doc = ex.document
    doc_id = doc.id
    published = doc.published or ex.date
    matched: set[str] = set()
    for start, end in repeat_passages(doc.text):
        pid = content_id("passage", doc_id, start, end)
        signed = sign_passage(pid, doc_id, doc.text[start:end], published)
        if signed is None:
            continue
        result.passages += 1
        keys = list(signed.keys)
        row = {
            "passage_id": pid,
            "doc_id": doc_id,
            "start_char": start,
            "end_char": end,
            "published": published,
            "shingles": signed.shingles,
            "signature": signed.signature,
            "scheme": REPEAT_SCHEME,
        }
        if store.insert("repeat_passages", [row], or_ignore=True) is None:
            continue  # stored already
        store.insert("repeat_keys", [{"key": k, "passage_id": pid} for k in keys])
        candidates = store.query(
            "SELECT DISTINCT p.passage_id, p.doc_id, p.published, p.shingles, p.signature "
            "FROM repeat_keys k JOIN repeat_passages p ON p.passage_id = k.passage_id "
            f"WHERE k.key IN ({','.join('?' * len(keys))}) AND p.doc_id != ? "
            "AND p.scheme = ? ORDER BY p.passage_id",
            [*keys, doc_id, REPEAT_SCHEME],
        )
        for c in candidates:
            other = Signed(
                c["passage_id"], c["doc_id"], c["published"], int(c["shingles"]),
                bytes(c["signature"]), (),
            )  # fmt: skip
            sim = repeat_score(signed, other)
            if sim < REPEAT_THRESHOLD:
                continue
            a, b = sorted((signed, other), key=lambda s: s.order)
            pair = {"a": a.passage_id, "b": b.passage_id, "similarity": sim}
            if store.insert("repeat_pairs", [pair], or_ignore=True) is not None:
                result.repeats += 1
            matched |= {a.passage_id, b.passage_id}
    _recluster(store, matched)


def _in_chunks(store: SQLiteStore, sql: str, ids: Sequence[str]) -> list[Row]:
    """``sql`` with one ``{marks}`` IN list, run over bounded chunks of ``ids``."""
    rows: list[Row] = []
    for i in range(0, len(ids), _IN_CHUNK):
        chunk = list(ids[i : i + _IN_CHUNK])
        marks = ",".join("?" * len(chunk))
        rows += store.query(sql.format(marks=marks), chunk * sql.count("{marks}"))
    return rows


def _recluster(store: SQLiteStore, passages: set[str]) -> None:
    """The clusters of these passages again: every passage joined to them by a stored pair
    or an existing cluster, union-found anew (so clusters merge, and after a deletion
    split), each with its earliest-seen member's id."""
    todo = set(passages)
    seen: set[str] = set()
    pairs: dict[tuple[str, str], Match] = {}
    while todo - seen:
        new = sorted(todo - seen)
        seen |= set(new)
        for r in _in_chunks(
            store,
            "SELECT c2.passage_id FROM repeat_clusters c JOIN repeat_clusters c2 "
            "ON c2.cluster = c.cluster WHERE c.passage_id IN ({marks})",
            new,
        ):
            todo.add(str(r[0]))
        for r in _in_chunks(
            store,
            "SELECT a, b, similarity FROM repeat_pairs WHERE a IN ({marks}) "
            "UNION SELECT a, b, similarity FROM repeat_pairs WHERE b IN ({marks})",
            new,
        ):
            pairs[(r["a"], r["b"])] = Match(r["a"], r["b"], float(r["similarity"]))
            todo |= {str(r["a"]), str(r["b"])}
    if not seen:
        return
    members = {
        str(r["passage_id"]): Signed(r["passage_id"], r["doc_id"], r["published"], 0, b"", ())
        for r in _in_chunks(
            store,
            "SELECT passage_id, doc_id, published FROM repeat_passages "
            "WHERE passage_id IN ({marks})",
            sorted(seen),
        )
    }
    ids = sorted(seen)
    _in_chunks(store, "DELETE FROM repeat_clusters WHERE passage_id IN ({marks})", ids)
    live = [m for m in pairs.values() if m.a in members and m.b in members]
    rows = [
        {"passage_id": pid, "cluster": c.cluster_id, "earliest": int(pid == c.earliest)}
        for c in repeat_clusters(live, members)
        for pid in c.members
    ]
    store.insert("repeat_clusters", rows)


def _link_document(store: SQLiteStore, doc_id: str, result: LinkResult) -> None:
    ex = store.load(doc_id)
    _link_events(store, ex, result)
    _link_figures(store, ex, result)
    _link_passages(store, ex, result)
