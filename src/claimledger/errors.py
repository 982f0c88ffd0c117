"""One exception hierarchy for everything claimledger reports to a user.

Every message says what was wrong, with which input, and what to do about it.
The CLI prints ``str(error)`` on one line and never a traceback for these.
"""

from __future__ import annotations


class ClaimLedgerError(Exception):
    """Base class of every error claimledger raises on purpose."""

    exit_code = 2


class UsageError(ClaimLedgerError):
    """The command line or an API argument asks for something that cannot be done."""


class LedgerError(ClaimLedgerError):
    """The ledger file is missing, locked, corrupt or from a newer claimledger."""


class ModelError(ClaimLedgerError):
    """The bundled language model could not be loaded."""


class NotFound(ClaimLedgerError):
    """A document or claim id the ledger does not hold (the desk answers 404)."""


class Forbidden(ClaimLedgerError):
    """A form post without a valid CSRF token, or from another origin (the desk answers 403)."""
