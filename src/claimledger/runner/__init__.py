"""Runners: the per-document extraction mapped over many documents: ``local`` (a process
pool), and ``ray`` (Ray Data; imported only when ``ingest --engine ray`` asks for it)."""

from claimledger.runner.local import extract_all

__all__ = ["extract_all"]
