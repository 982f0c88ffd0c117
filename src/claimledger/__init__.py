"""claimledger: a ledger of checkable claims, each tied by offsets to its document.

The public API mirrors the CLI: ``ingest``, ``extract``, ``check``, ``claims``, ``export``
and ``report``, with all options in one ``Settings`` object.
"""

from claimledger.api import check, claims, export, extract, ingest, report
from claimledger.errors import (
    ClaimLedgerError,
    LedgerError,
    ModelError,
    UsageError,
)
from claimledger.settings import Settings
from claimledger.version import __version__

__all__ = [
    "ClaimLedgerError",
    "LedgerError",
    "ModelError",
    "Settings",
    "UsageError",
    "__version__",
    "check",
    "claims",
    "export",
    "extract",
    "ingest",
    "report",
]
