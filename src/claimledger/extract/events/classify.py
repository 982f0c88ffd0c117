"""The event-type classifier: probabilities over taxonomy codes for a sentence or snippet.

Placeholder until the trained model lands: every code equally likely.
"""

from __future__ import annotations

from claimledger.extract.events.taxonomy import CODES


def type_scores(text: str) -> dict[str, float]:
    """The probability of each taxonomy code for ``text`` (they sum to 1)."""
    share = 1.0 / len(CODES)
    return dict.fromkeys(CODES, share)
