"""Rules for expressions that need the document's date: "on Tuesday", "yesterday", "last
week", "earlier this month", "over the past year", "two weeks ago"; and those that need an
earlier date in the text: "15 days later", "the following day"."""

from __future__ import annotations

import re
from datetime import date

from claimledger.extract.times.calendar import (
    month_span,
    part_of,
    shift,
    shift_days,
    week_of,
    year_span,
)
from claimledger.extract.times.rule import Context, Resolver, Rule
from claimledger.extract.times.types import Interval, TimeKind, unresolved
from claimledger.extract.times.words import (
    DAY_PART,
    NUMBER,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    ci,
    number_value,
    unit_name,
)


def _resolve_weekday(match: re.Match[str], ctx: Context) -> Interval:
    """The most recent such day on or before the anchor (the first on or after it with the
    future hint); "last"/"next" exclude the anchor's own day."""
    if ctx.anchor is None:
        return unresolved("day")
    target = WEEKDAYS.index(match["wd"].lower())
    mod = (match["mod"] or "").lower()
    back = (ctx.anchor.weekday() - target) % 7
    if mod == "last" or (mod != "next" and not ctx.future):
        day = shift_days(ctx.anchor, -(back or 7) if mod == "last" else -back)
    else:
        ahead = (target - ctx.anchor.weekday()) % 7
        day = shift_days(ctx.anchor, (ahead or 7) if mod == "next" else ahead)
    return Interval(day, day, "day", ctx.anchor) if day else unresolved("day")


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}


def _resolve_day_word(match: re.Match[str], ctx: Context) -> Interval:
    word = re.sub(r"\s+", " ", (match["w"] or "today").lower())
    if ctx.anchor is None:
        return unresolved("period" if word == "overnight" else "day")
    if word == "overnight":
        return Interval(shift_days(ctx.anchor, -1), ctx.anchor, "period", ctx.anchor)
    day = shift_days(ctx.anchor, _DAY_WORDS.get(word, 0))
    return Interval(day, day, "day", ctx.anchor)


def _calendar_span(day: date, unit: str) -> tuple[date | None, date | None]:
    if unit == "week":
        return week_of(day)
    if unit == "month":
        return month_span(day.year, day.month)
    return year_span(day.year)


def _resolve_calendar(match: re.Match[str], ctx: Context) -> Interval:
    """last/this/next week, month or year: the calendar period (ISO weeks, Monday to Sunday);
    "earlier this month" runs from its start to the anchor, "later this year" from the anchor to
    its end; "late last year" is the late part of it (approximate)."""
    pre = (match["pre"] or "").lower()
    if ctx.anchor is None:
        return unresolved("approximate" if pre in ("early", "mid", "late") else "period")
    unit = match["unit"].lower()
    step = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    day = shift(ctx.anchor, step, unit)
    first, last = _calendar_span(day, unit) if day else (None, None)
    if first is None or last is None:
        return unresolved("period")
    if pre == "earlier":
        return Interval(first, ctx.anchor, "period", ctx.anchor)
    if pre == "later":
        return Interval(ctx.anchor, last, "period", ctx.anchor)
    if pre:
        first, last = part_of(first, last, unit, pre)
        return Interval(first, last, "approximate", ctx.anchor)
    return Interval(first, last, "period", ctx.anchor)


def _resolve_weekend(match: re.Match[str], ctx: Context) -> Interval:
    """ "the weekend": the most recent Saturday and Sunday whose Saturday is on or before the
    anchor (with the future hint, the first whose Sunday is on or after it); "last/this/next
    weekend": that of the previous, the anchor's or the next ISO week."""
    if ctx.anchor is None:
        return unresolved("period")
    rel, weekday = (match["rel"] or "").lower(), ctx.anchor.weekday()
    if rel:
        # Saturday of the previous, the anchor's or the next ISO week
        step = {"last": -1, "this": 0, "next": 1}[rel]
        saturday = shift_days(ctx.anchor, 7 * step + 5 - weekday)
    elif ctx.future:
        # the first Saturday on or after the day before the anchor (its Sunday is not past)
        saturday = shift_days(ctx.anchor, (5 - weekday) % 7 - 7 * (weekday == 6))
    else:
        saturday = shift_days(ctx.anchor, -((weekday - 5) % 7))
    sunday = shift_days(saturday, 1) if saturday else None
    return Interval(saturday, sunday, "period", ctx.anchor) if sunday else unresolved("period")


def _amount(match: re.Match[str]) -> tuple[int, str]:
    """The number of units, hours counted as whole days."""
    amount, unit = number_value(match["n"] or "1"), unit_name(match["unit"])
    if unit == "hour":
        return -(-amount // 24), "day"
    return amount, unit


def _resolve_rolling(match: re.Match[str], ctx: Context) -> Interval:
    """ "the past year": from the same day a year before the anchor to the anchor."""
    if ctx.anchor is None:
        return unresolved("period")
    amount, unit = _amount(match)
    first = shift(ctx.anchor, -amount, unit)
    return Interval(first, ctx.anchor, "period", ctx.anchor) if first else unresolved("period")


def _resolve_offset(match: re.Match[str], ctx: Context) -> Interval:
    """ "two weeks ago" from the anchor, "15 days later" from the last date before it in the
    text: one day, approximate unless counted in days."""
    direction = match["dir"].lower()
    base = ctx.anchor if direction == "ago" else ctx.reference
    amount, unit = _amount(match)
    exact = unit == "day" and match["unit"].lower().startswith("day")
    kind: TimeKind = "day" if exact else "approximate"
    if base is None:
        return unresolved(kind)
    day = shift(base, amount if direction == "later" else -amount, unit)
    return Interval(day, day, kind, base) if day else unresolved(kind)


def _resolve_following(match: re.Match[str], ctx: Context) -> Interval:
    """ "the next day", "the previous week": from the last date before it in the text."""
    unit = match["unit"].lower()
    kind: TimeKind = "day" if unit == "day" else "period"
    if ctx.reference is None:
        return unresolved(kind)
    step = 1 if match["dir"].lower() in ("next", "following") else -1
    day = shift(ctx.reference, step, unit)
    if day is None:
        return unresolved(kind)
    first, last = (day, day) if unit == "day" else _calendar_span(day, unit)
    return Interval(first, last, kind, ctx.reference) if first and last else unresolved(kind)


_REL = rf"(?P<rel>{ci('last')}|{ci('this')}|{ci('next')})"


def _rule(
    name: str, pattern: str, resolve: Resolver, unless: tuple[str, ...] | None = None
) -> Rule:
    return Rule(f"time.{name}", re.compile(pattern), resolve, unless)


RELATIVE_RULES = [
    _rule(
        "weekday",
        rf"\b(?:(?P<mod>{ci('last')}|{ci('next')}|{ci('this')})\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+{DAY_PART})?(?![\w-])",
        _resolve_weekday,
    ),
    _rule(
        "day_word",
        rf"\b(?:(?:{ci('earlier')}|{ci('later')}|{ci('early')}|{ci('late')})\s+)?(?P<w>{ci('yesterday')}|{ci('today')}|"
        rf"{ci('tonight')}|{ci('tomorrow')}|{ci('overnight')}|{ci('last')}\s+night)"
        rf"(?:\s+{DAY_PART})?\b(?![’'-])|\b(?:{ci('earlier')}\s+)?(?P<this>{ci('this')})\s+"
        r"(?:morning|afternoon|evening)\b",
        _resolve_day_word,
    ),
    _rule(
        "calendar_period",
        rf"\b(?:(?P<pre>{ci('earlier')}|{ci('later')}|{ci('early')}|{ci('mid')}|{ci('late')})"
        rf"[\s-]+)?{_REL}\s+(?P<unit>week|month|year)\b(?!['’-])",
        _resolve_calendar,
    ),
    _rule(
        "weekend",
        rf"\b(?:{_REL}|{ci('the')})\s+weekend\b(?!['’-])",
        _resolve_weekend,
        unless=("rel",),
    ),
    _rule(
        "rolling",
        rf"\b{ci('the')}\s+(?:past|last|previous|preceding)\s+(?:(?P<n>{NUMBER})\s+)?"
        rf"(?P<unit>{UNIT})\b(?!\s+of\b)",
        _resolve_rolling,
    ),
    _rule(
        "offset",
        rf"\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|later|earlier)\b",
        _resolve_offset,
    ),
    _rule(
        "following",
        rf"\b{ci('the')}\s+(?P<dir>next(?=\s+day)|following|previous)\s+(?P<unit>day|week|month|year)\b"
        r"(?!\s+of\b)",
        _resolve_following,
    ),
]
