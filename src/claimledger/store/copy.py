"""Copy a whole ledger into an empty one on another backend (``claimledger migrate``), and
prove nothing was lost: every table's row count and a checksum of its rows, read back from
both sides after the copy.

The checksum of a table is the sum, modulo 2**256, of the SHA-256 of each row written in one
canonical form (integers, floats by ``repr``, text, bytes in hex, NULL), so it does not depend
on the order either database returns rows in, and needs no memory beyond one row."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.errors import LedgerError
from claimledger.settings import ledger_label
from claimledger.store.sqlite import SQLiteStore, migrations

_BATCH = 2000
_TABLE = re.compile(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)\s*\((.*?)\n\)", re.DOTALL)
_ADDED = re.compile(r"ALTER TABLE (\w+) ADD COLUMN [^;]*?REFERENCES (\w+)")
_REFERENCES = re.compile(r"REFERENCES (\w+)")


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows_from: int
    rows_to: int
    checksum_from: str
    checksum_to: str

    @property
    def same(self) -> bool:
        return self.rows_from == self.rows_to and self.checksum_from == self.checksum_to


def table_order() -> list[str]:
    """The ledger's tables, each after every table it references (from the migrations), so
    rows can be copied with foreign keys checked as they go."""
    needs: dict[str, set[str]] = {}
    for _, _, sql in migrations():
        for name, body in _TABLE.findall(sql):
            needs.setdefault(name, set()).update(_REFERENCES.findall(body))
        for name, target in _ADDED.findall(sql):
            needs.setdefault(name, set()).add(target)
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in order or name in path:
            return
        for other in sorted(needs.get(name, ())):
            if other != name:
                visit(other, (*path, name))
        order.append(name)

    for name in sorted(needs):
        visit(name, ())
    return order


def _canonical(value: Any) -> Any:
    if isinstance(value, float):
        return ["f", repr(value)]
    if isinstance(value, bytes | bytearray | memoryview):
        return ["b", bytes(value).hex()]
    return value


def row_digest(row: Any) -> int:
    text = json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(text.encode()).digest(), "big")


def table_checksum(store: SQLiteStore, table: str, columns: list[str]) -> tuple[int, str]:
    """(rows, checksum) of one table, over the named columns."""
    total, n = 0, 0
    for batch in _rows(store, table, columns):
        for row in batch:
            total = (total + row_digest(row)) % 2**256
            n += 1
    return n, f"{total:064x}"


def _rows(store: SQLiteStore, table: str, columns: list[str]) -> Iterator[list[Any]]:
    return store.stream(f"SELECT {', '.join(columns)} FROM {table}", (), _BATCH)


def _columns(store: SQLiteStore, table: str) -> list[str]:
    cur = store.execute(f"SELECT * FROM {table} LIMIT 0")
    return [str(d[0]) for d in cur.description]


def copy_ledger(
    source: str | Path,
    target: str | Path,
    on_table: Callable[[str, int], None] | None = None,
) -> list[TableCopy]:
    """Copy the ledger at ``source`` into ``target`` (a new or empty ledger; either may be a
    file or a PostgreSQL address), in one transaction, then compare every table's count and
    checksum on both sides. Raises LedgerError, leaving the target unchanged, when the
    target already holds data or the source is not at this claimledger's schema."""
    from claimledger.store import open_store

    if ledger_label(source) == ledger_label(target):
        raise LedgerError(f"{ledger_label(source)}: --from and --to name the same ledger")
    src = open_store(source, create=False, readonly=True)
    try:
        dst = open_store(target)
        try:
            assert isinstance(src, SQLiteStore) and isinstance(dst, SQLiteStore)
            return _copy(src, dst, source, target, on_table)
        finally:
            dst.close()
    finally:
        src.close()


def _copy(
    src: SQLiteStore,
    dst: SQLiteStore,
    source: str | Path,
    target: str | Path,
    on_table: Callable[[str, int], None] | None,
) -> list[TableCopy]:
    tables = [t for t in table_order() if t in src._tables()]
    held = [t for t in tables if dst.scalar(f"SELECT COUNT(*) FROM {t}")]
    if held:
        raise LedgerError(
            f"ledger {ledger_label(target)} is not empty (it holds rows in "
            f"{', '.join(held[:5])}); migrate copies only into a new or empty ledger"
        )
    columns = {t: _columns(src, t) for t in tables}
    with dst.transaction():
        for table in tables:
            cols = columns[table]
            marks = ", ".join("?" * len(cols))
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})"
            n = 0
            for batch in _rows(src, table, cols):
                dst.executemany(sql, [tuple(r) for r in batch])
                n += len(batch)
            if on_table is not None:
                on_table(table, n)
        dst.after_copy()
    dst.analyze()
    out = []
    for table in tables:
        n_from, sum_from = table_checksum(src, table, columns[table])
        n_to, sum_to = table_checksum(dst, table, columns[table])
        out.append(TableCopy(table, n_from, n_to, sum_from, sum_to))
    return out
