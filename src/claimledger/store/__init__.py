"""The store: every query claimledger makes on a ledger, behind one interface
(:class:`~claimledger.store.base.Store`): a SQLite file (:mod:`claimledger.store.sqlite`,
the default) or a PostgreSQL database (:mod:`claimledger.store.postgres`)."""

from __future__ import annotations

from pathlib import Path

from claimledger.errors import LedgerError
from claimledger.settings import is_address
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
    """The ledger at ``path``: a file, opened as :class:`SQLiteStore` describes (a missing
    file is created unless ``create`` is False or ``readonly``; read-only never writes), or a
    ``postgresql://`` address, opened as :class:`~claimledger.store.postgres.PostgresStore`
    describes (the ``postgres`` extra)."""
    if is_address(path):
        try:
            from claimledger.store.postgres import PostgresStore
        except ImportError as exc:
            raise LedgerError(
                "a PostgreSQL ledger needs psycopg: install claimledger with its postgres "
                "extra (pip install 'claimledger[postgres]'), or pass --db with a file path"
            ) from exc
        return PostgresStore(path, create=create, readonly=readonly, current=current)
    return SQLiteStore(path, create=create, readonly=readonly, current=current)
