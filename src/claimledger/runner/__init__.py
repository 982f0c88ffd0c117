"""Runners: the per-document extraction mapped over many documents (``local`` today)."""

from claimledger.runner.local import extract_all

__all__ = ["extract_all"]
