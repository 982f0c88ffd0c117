"""Time words: a phrase with one of them tells when, not who ("the report on Wednesday")."""

from __future__ import annotations

TEMPORAL_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    week month year time weekend morning afternoon evening night day""".split()
)
