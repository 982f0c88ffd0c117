"""All options in one object; the CLI builds it from its arguments with one function."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeGuard

from claimledger.errors import UsageError
from claimledger.escapes import visible
from claimledger.urls import public_url

DEFAULT_DB = "claimledger.db"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def default_db_path() -> str | Path:
    """``CLAIMLEDGER_DB`` when set, else ``./claimledger.db``."""
    return db_location(os.environ.get("CLAIMLEDGER_DB") or DEFAULT_DB)


def event_model_path() -> str | None:
    """``CLAIMLEDGER_EVENT_MODEL`` when set: an event-type model file to use instead of the
    shipped one."""
    return os.environ.get("CLAIMLEDGER_EVENT_MODEL") or None


def is_address(db: object) -> TypeGuard[str]:
    """Whether a ledger location is a PostgreSQL server's address, not a file."""
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def db_location(db: str) -> str | Path:
    """A --db value: a PostgreSQL address as it is, else a file path."""
    return db if is_address(db) else Path(db)


def ledger_label(db: str | Path) -> str:
    """A ledger as messages name it: its path, or its address without the password."""
    if not is_address(db):
        return str(db)
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(str(db))
    if parts.password is None:
        return str(db)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


DEFAULT_ORGANISATION = "Unnamed review desk"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def review_organisation(given: str | None = None) -> str:
    """The organisation ClaimReviews name as author: ``given``, ``CLAIMLEDGER_ORG``, or a
    placeholder that says none was set."""
    return given or os.environ.get("CLAIMLEDGER_ORG") or DEFAULT_ORGANISATION


def review_base_url(given: str | None = None, served: str = DEFAULT_BASE_URL) -> str:
    """Where the desk's claim pages are published: ``given``, ``CLAIMLEDGER_BASE_URL``, or
    the address the desk is served at; an http(s) address, else a usage error."""
    chosen = given or os.environ.get("CLAIMLEDGER_BASE_URL") or served
    if public_url(chosen) is None:
        where = (
            "--base-url"
            if given
            else "CLAIMLEDGER_BASE_URL"
            if os.environ.get("CLAIMLEDGER_BASE_URL")
            else "the address the desk serves at"
        )
        raise UsageError(f"{where} must be an http:// or https:// address, not {visible(chosen)!r}")
    return chosen


@dataclass(frozen=True)
class Settings:
    # ingest
    max_bytes: int = DEFAULT_MAX_BYTES  # larger inputs are rejected, not truncated
    encoding: str | None = None  # force a text encoding for .txt/.md/stdin; default UTF-8
    english_only: bool = True  # reject texts that are clearly not English
    follow_links: bool = False  # folder walks follow symbolic links (each folder once)
    # processing
    workers: int = 0  # 0: one per core, at most 2 here; 1: no process pool
    batch_size: int = 64  # paragraphs per nlp.pipe batch
    # ranking
    # score at or above which a sentence is labelled a claim; None: the model's own threshold
    claim_threshold: float | None = None
    # events
    # an event-type model file train/events.py wrote; None: the shipped model
    event_model: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
