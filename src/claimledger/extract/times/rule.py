"""A named rule: a pattern for one shape of time expression and the resolver for it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from claimledger.extract.times.types import Interval


@dataclass(frozen=True)
class Context:
    """What a resolver may read: the document's date, the tense hint, and the start of the
    last expression resolved before this one in the text (for "15 days later")."""

    anchor: date | None
    future: bool = False
    reference: date | None = None


Resolver = Callable[[re.Match[str], Context], Interval]


@dataclass(frozen=True)
class Rule:
    """``unless``: when not None, the match stands only after a preposition, as one end of a
    range, or with one of these groups matched (a bare "March", "2022" or "the weekend" is as
    often a verb, a count or a name as a time: "early March" and "March 2024" are times)."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    unless: tuple[str, ...] | None = None


def recent(candidates: list[date | None], anchor: date, future: bool) -> date | None:
    """The latest candidate on or before the anchor, or with ``future`` the earliest on or
    after it."""
    valid = [day for day in candidates if day is not None]
    if future:
        return min((day for day in valid if day >= anchor), default=None)
    return max((day for day in valid if day <= anchor), default=None)
