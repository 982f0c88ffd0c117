"""The claimledger version, recorded in every ledger run; one place, imported by the rest."""

__version__ = "0.1.0"
