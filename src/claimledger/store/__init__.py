"""The store: every query claimledger makes on a ledger, behind one interface
(:class:`~claimledger.store.base.Store`); SQLite today (:mod:`claimledger.store.sqlite`)."""

from __future__ import annotations

from pathlib import Path

from claimledger.errors import LedgerError
from claimledger.store.base import (
    CheckHit,
    CitationHit,
    CitedDocument,
    ClaimDetail,
    ClaimHit,
    ClaimLinks,
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
    SameFigure,
    StatedSource,
    Store,
)
from claimledger.store.filters import (
    CHECK_STATUSES,
    CLAIM_TYPES,
    MAX_PAGE,
    MAX_PER_PAGE,
    MODALITIES,
    RELATION_KINDS,
    VERDICTS,
    ClaimFilter,
    DocumentFilter,
    EventFilter,
    event_code,
)
from claimledger.store.sqlite import Ledger, SQLiteStore

__all__ = [
    "CHECK_STATUSES",
    "CLAIM_TYPES",
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "MODALITIES",
    "RELATION_KINDS",
    "VERDICTS",
    "CheckHit",
    "CitationHit",
    "CitedDocument",
    "ClaimDetail",
    "ClaimFilter",
    "ClaimHit",
    "ClaimLinks",
    "DocumentFilter",
    "DocumentInfo",
    "EventDetail",
    "EventFilter",
    "EventHit",
    "EventTypeCount",
    "FigureGroupHit",
    "Ledger",
    "LinkResult",
    "Overview",
    "Page",
    "Part",
    "PassageRef",
    "PublishedReview",
    "RelationHit",
    "RepeatHit",
    "Review",
    "SQLiteStore",
    "SameFigure",
    "StatedSource",
    "Store",
    "event_code",
    "open_store",
]


def open_store(
    path: str | Path, *, create: bool = True, readonly: bool = False, current: bool = True
) -> Store:
    """The ledger at ``path``, opened as :class:`SQLiteStore` describes (a missing file is
    created unless ``create`` is False or ``readonly``; read-only never writes).

    A PostgreSQL store (``store/postgres.py``, implementing the same :class:`Store`) is
    to be chosen here, on a ``postgresql://`` address instead of a path.
    """
    if str(path).startswith(("postgresql://", "postgres://")):
        raise LedgerError(
            f"{path}: only SQLite ledgers are supported so far; pass --db with a file path"
        )
    return SQLiteStore(path, create=create, readonly=readonly, current=current)
