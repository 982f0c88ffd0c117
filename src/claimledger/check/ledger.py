"""Reference checks over the ledger: importing a reference file, and checking stored figures
against the stored reference rows (``check/reference`` does the reading and the comparing;
the store keeps rows and checks). A check says only that a figure agrees or disagrees with a
named row; a verdict stays a person's."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from claimledger.check.reference import (
    DEFAULT_TOLERANCE,
    ReferenceRow,
    RowRejection,
    check_figures,
    measure_of,
    read_reference,
)
from claimledger.store import Store


@dataclass
class ImportResult:
    """What ``import_reference`` did: rows read and stored (new), rows rejected, and the
    checks of the stored figures afterwards."""

    rows: int = 0
    new: int = 0
    rejections: list[RowRejection] = field(default_factory=list)
    imported: bool = False
    checks: dict[str, int] = field(default_factory=dict)


def read_rows(
    path: str | os.PathLike[str], dataset: str | None = None
) -> tuple[list[ReferenceRow], list[RowRejection]]:
    """The rows of a reference file (``ReferenceError`` for a file that cannot be read at
    all) and its rejected rows; ``dataset`` names them (default: the file's name)."""
    ref = read_reference(path)
    rows = ref.rows if dataset is None else [replace(r, dataset=dataset) for r in ref.rows]
    return rows, ref.rejections


def check_stored(
    store: Store, doc_ids: Sequence[str] | None = None, tolerance: float = DEFAULT_TOLERANCE
) -> dict[str, int]:
    """Check the stored figures (of these documents, or all) against every stored reference
    row of their measure, replacing their earlier checks; the counts by status."""
    rows = [ReferenceRow.from_record(r) for r in store.reference_rows()]
    counts: dict[str, int] = {}
    if not rows:
        return counts
    by_measure: dict[str, list[ReferenceRow]] = {}
    for row in rows:
        by_measure.setdefault(row.measure, []).append(row)
    for batch in store.checkable_figures(doc_ids):
        ids, found = [], []
        for part in batch:
            q = part.item
            ids.append(q.id)
            for rank, c in enumerate(
                check_figures(q, by_measure.get(measure_of(q), []), tolerance)
            ):
                counts[c.status] = counts.get(c.status, 0) + 1
                found.append(
                    {
                        "id": c.id,
                        "quantity_id": q.id,
                        "reference_id": c.reference.id,
                        "status": c.status,
                        "reason": c.reason,
                        "tolerance": c.tolerance,
                        "figure_lower": c.lower,
                        "figure_upper": c.upper,
                        "time_match": c.time_match,
                        "rank": rank,
                    }
                )
        store.write_checks(ids, found)
    return counts
