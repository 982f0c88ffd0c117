"""The level a change reaches: "rose 12 sen to RM4.10", "fell to 0.8%"."""

from __future__ import annotations

import re

from claimledger.extract.quantities.candidate import Candidate
from claimledger.extract.quantities.changes import direction_of
from claimledger.model import Change

# "rose 12 sen to RM4.10", "ended down 2% at 812.40", "lost 2.6% to close at 3,050.75"
_LEVEL_GAP = re.compile(
    r"\s*(?:\b(?i:to|at)|(?i:to\s+(?:end|close|finish|settle|stand|trade)(?:\s+the\s+\w+)?"
    r"\s+at))\s+"
)
# "fell to 0.8%", "dipped down to minus 20", "decrease to $-12.4bn"; not "up to 35%"
_VERB_TO = re.compile(r"(?i:\b(\w+)(?:\s+(?:sharply|further|back|down|up))?\s+to\s+)$")


def levels_after_change(quantities: list[Candidate], text: str) -> None:
    """Rule ``level_after_change``: the level a change reaches is recorded as the change's
    ``to``: "rose 12 sen to RM4.10" gives RM4.10 a rise to 4.10, and "fell to 0.8%" a
    fall to 0.8 (``quantities`` in order of start)."""
    prev: Candidate | None = None
    for q in quantities:
        if q.change is None and q.bound != "range" and q.value is not None:
            direction = _level_direction(prev, q, text)
            if direction is not None:
                q.change = Change(direction, None, q.value, None)
                q.rule = "level_after_change"
        prev = q


def _level_direction(prev: Candidate | None, q: Candidate, text: str) -> str | None:
    """The direction of the change ``q`` is the level of: the change right before it, or
    the verb before "to"."""
    if (
        prev is not None
        and prev.change is not None
        and prev.change.from_value is None
        and _LEVEL_GAP.fullmatch(text[prev.end : q.start])
    ):
        return prev.change.direction
    m = _VERB_TO.search(text[: q.start])
    word = m.group(1).lower() if m else ""
    if m and word not in ("up", "down", "higher", "lower"):
        return direction_of(word)
    return None
