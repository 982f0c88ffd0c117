"""The record a time expression becomes, and the interval its resolvers return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

TimeKind = Literal["day", "period", "since", "until", "approximate"]
TIME_KINDS: tuple[TimeKind, ...] = ("day", "period", "since", "until", "approximate")


@dataclass(frozen=True)
class TimeExpression:
    """One time expression: ``text[start:end] == time_text``.

    ``time_start``/``time_end`` are ISO dates (equal for one day), None where unresolved or
    open (the start of an "until", the end of a "since" without a document date).
    ``time_anchor`` is the ISO date the expression was resolved against (the document's date,
    or an earlier date in the text for "15 days later"); None when absolute or unresolved.
    ``rule`` names the rule that found it.
    """

    time_text: str
    start: int
    end: int
    time_start: str | None
    time_end: str | None
    time_kind: TimeKind
    time_anchor: str | None
    rule: str

    def as_tuple(self) -> tuple[str, str | None, str | None, TimeKind, str | None]:
        """(time_text, time_start, time_end, time_kind, time_anchor): what the test set checks."""
        return (self.time_text, self.time_start, self.time_end, self.time_kind, self.time_anchor)


@dataclass(frozen=True)
class Interval:
    """What a resolver makes of an expression: first and last day, its kind, and the date it
    was resolved against (None when absolute). Both days None: unresolved."""

    first: date | None
    last: date | None
    kind: TimeKind
    anchor: date | None = None

    @property
    def resolved(self) -> bool:
        return self.first is not None or self.last is not None


def unresolved(kind: TimeKind) -> Interval:
    return Interval(None, None, kind, None)
