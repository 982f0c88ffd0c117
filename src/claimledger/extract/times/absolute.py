"""Rules for dates that name their month or year: "January 4, 2024", "4 May", "in March",
"in 2022", "the early 1990s", "the first half of 2023", "2019-2021", "3/4/2024"."""

from __future__ import annotations

import re
from datetime import date

from claimledger.extract.times.calendar import (
    make_date,
    month_end,
    month_span,
    part_of,
    shift,
    week_of,
    year_span,
)
from claimledger.extract.times.rule import Context, Resolver, Rule, recent
from claimledger.extract.times.types import Interval, unresolved
from claimledger.extract.times.words import (
    EARLY_MID_LATE,
    MONTH,
    MONTH_FULL,
    SEASON,
    SEASONS,
    WEEKDAY,
    ci,
    month_number,
)

_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_DAY2 = r"(?:\s*[-–]\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?"
_YEAR = r"(?P<y>\d{4})(?![\d.,]\d|\w)"
_WEEKDAY_BEFORE = rf"(?:{WEEKDAY},?\s+)?"
_PART = rf"(?:(?P<part>{EARLY_MID_LATE})[\s-]+)"


def _part(match: re.Match[str]) -> str | None:
    part = match.groupdict().get("part")
    return part.lower() if part else None


def _day_or_days(month: int, year: int, match: re.Match[str]) -> Interval:
    first = make_date(year, month, int(match["d"]))
    last = make_date(year, month, int(match["d2"])) if match["d2"] else first
    if first is None or last is None or last < first:
        return unresolved("day")
    return Interval(first, last, "day" if first == last else "period")


def _resolve_date(match: re.Match[str], ctx: Context) -> Interval:
    """A day of a month, with or without its year; without, the most recent such day on or
    before the document's date (the first on or after it with the future hint)."""
    month = month_number(match["mon"])
    if match["y"]:
        return _day_or_days(month, int(match["y"]), match)
    if ctx.anchor is None:
        return unresolved("day")
    day = int(match["d"])
    years = range(ctx.anchor.year - 8, ctx.anchor.year + 9)
    first = recent([make_date(y, month, day) for y in years], ctx.anchor, ctx.future)
    if first is None:
        return unresolved("day")
    interval = _day_or_days(month, first.year, match)
    return Interval(interval.first, interval.last, interval.kind, ctx.anchor)


def _recent_month(month: int, ctx: Context, mod: str | None) -> int | None:
    """The year of the month meant: the most recent on or before the anchor's month (the
    first on or after it with the future hint); "last"/"next" exclude the anchor's month,
    "this" is the anchor's year."""
    assert ctx.anchor is not None
    here = ctx.anchor.year * 12 + ctx.anchor.month - 1
    if mod == "this":
        return ctx.anchor.year
    future = mod == "next" or (mod is None and ctx.future)
    strict = mod in ("last", "next")
    for year in range(ctx.anchor.year - 1, ctx.anchor.year + 2):
        index = year * 12 + month - 1
        if future and (index > here or (index == here and not strict)):
            return year
    for year in range(ctx.anchor.year + 1, ctx.anchor.year - 2, -1):
        index = year * 12 + month - 1
        if not future and (index < here or (index == here and not strict)):
            return year
    return None


def _resolve_month(match: re.Match[str], ctx: Context) -> Interval:
    month = month_number(match["mon"])
    part = _part(match)
    mod = match["mod"].lower() if match["mod"] else None
    anchor: date | None = None
    if match["y"]:
        year: int | None = int(match["y"])
    elif ctx.anchor is None:
        return unresolved("approximate" if part else "period")
    else:
        year, anchor = _recent_month(month, ctx, mod), ctx.anchor
    first, last = month_span(year or 0, month)
    if first is None or last is None:
        return unresolved("period")
    if part:
        first, last = part_of(first, last, "month", part)
        if anchor is not None and mod is None and first and last:
            # "in late March" written on March 7 is last year's (next year's, future hint)
            step = int(last < anchor) if ctx.future else -int(first > anchor)
            if step and (year or 0) + step >= 1:
                return _resolve_month_in(month, (year or 0) + step, part, anchor)
        return Interval(first, last, "approximate", anchor)
    return Interval(first, last, "period", anchor)


def _resolve_month_in(month: int, year: int, part: str, anchor: date) -> Interval:
    first, last = month_span(year, month)
    if first is None or last is None:
        return unresolved("approximate")
    first, last = part_of(first, last, "month", part)
    return Interval(first, last, "approximate", anchor)


def _resolve_year(match: re.Match[str], ctx: Context) -> Interval:
    first, last = year_span(int(match["y"]))
    part = _part(match)
    if first is None or last is None:
        return unresolved("period")
    if part:
        first, last = part_of(first, last, "year", part)
        return Interval(first, last, "approximate")
    return Interval(first, last, "period")


def _resolve_year_range(match: re.Match[str], ctx: Context) -> Interval:
    y1, tail = match["y1"], match["y2"]
    y2 = int(y1[: 4 - len(tail)] + tail)
    first, last = make_date(int(y1), 1, 1), make_date(y2, 12, 31)
    if first is None or last is None or last <= first:
        return unresolved("period")
    return Interval(first, last, "period")


def _resolve_decade(match: re.Match[str], ctx: Context) -> Interval:
    first, last = make_date(int(match["y"]), 1, 1), make_date(int(match["y"]) + 9, 12, 31)
    if first is None or last is None:
        return unresolved("period")
    part = _part(match)
    if part:
        first, last = part_of(first, last, "decade", part)
        return Interval(first, last, "approximate")
    return Interval(first, last, "period")


def _resolve_iso(match: re.Match[str], ctx: Context) -> Interval:
    day = make_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return Interval(day, day, "day") if day else unresolved("day")


def _month_day(a: int, b: int) -> tuple[int, int] | None:
    """(month, day) of a numeric date when only one reading is possible."""
    if a == b or (a > 12 and b <= 12):
        return b, a
    if b > 12 and a <= 12:
        return a, b
    return None


def _resolve_numeric(match: re.Match[str], ctx: Context) -> Interval:
    """3/4/2024 is 3 April or 4 March: unresolved unless one reading is impossible."""
    reading = _month_day(int(match["a"]), int(match["b"]))
    if reading is None:
        return unresolved("day")
    month, day = reading
    if match["y"]:
        year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
        single = make_date(year, month, day)
        return Interval(single, single, "day") if single else unresolved("day")
    if ctx.anchor is None:
        return unresolved("day")
    years = range(ctx.anchor.year - 8, ctx.anchor.year + 9)
    found = recent([make_date(y, month, day) for y in years], ctx.anchor, ctx.future)
    return Interval(found, found, "day", ctx.anchor) if found else unresolved("day")


_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1}


def _year_of(match: re.Match[str], ctx: Context) -> tuple[int | None, date | None]:
    """The year a "... of 2023" or "... of the year" names, and the anchor it used."""
    if match["y"]:
        return int(match["y"]), None
    if ctx.anchor is None:
        return None, None
    offset = {"last": -1, "next": 1}.get((match["rel"] or "this").lower(), 0)
    return ctx.anchor.year + offset, ctx.anchor


def _resolve_share(match: re.Match[str], ctx: Context) -> Interval:
    """The first half, the third quarter, Q3 2023."""
    year, anchor = _year_of(match, ctx)
    if year is None or not 1 <= year <= 9999:
        return unresolved("period")
    if match["q"]:
        size, index = 3, int(match["q"][1]) - 1
    else:
        size = 6 if match["share"].lower() == "half" else 3
        index = _ORDINALS[match["which"].lower()] % (12 // size)
    first, last = make_date(year, index * size + 1, 1), month_end(year, index * size + size)
    return Interval(first, last, "period", anchor)


_EDGES = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}


def _resolve_edge(match: re.Match[str], ctx: Context) -> Interval:
    """The start, middle or end of a year, or of a month ("the end of March")."""
    part = _EDGES[match["edge"].lower()]
    if match["mon"]:
        month = month_number(match["mon"])
        year: int | None = int(match["my"]) if match["my"] else None
        anchor = None
        if year is None and ctx.anchor is not None:
            year, anchor = _recent_month(month, ctx, None), ctx.anchor
        first, last = month_span(year or 0, month)
        unit = "month"
    elif match["unit"]:
        return _edge_of_calendar(match, ctx, part)
    else:
        year, anchor = _year_of(match, ctx)
        first, last = year_span(year or 0)
        unit = "year"
    if year is None or first is None or last is None:
        return unresolved("approximate")
    first, last = part_of(first, last, unit, part)
    return Interval(first, last, "approximate", anchor)


def _edge_of_calendar(match: re.Match[str], ctx: Context, part: str) -> Interval:
    """The start or end of the/this/last/next month or week."""
    if ctx.anchor is None:
        return unresolved("approximate")
    unit = match["unit"].lower()
    step = {"last": -1, "next": 1}.get(match["rel2"].lower(), 0)
    day = shift(ctx.anchor, step, unit)
    if day is None:
        return unresolved("approximate")
    first, last = week_of(day) if unit == "week" else month_span(day.year, day.month)
    if first is None or last is None:
        return unresolved("approximate")
    first, last = part_of(first, last, unit, part)
    return Interval(first, last, "approximate", ctx.anchor)


def _resolve_season(match: re.Match[str], ctx: Context) -> Interval:
    begin, finish = SEASONS[match["season"].lower()]
    year = int(match["y"])
    first = make_date(year, begin, 1)
    last = month_end(year + (1 if finish < begin else 0), finish)
    return Interval(first, last, "approximate") if first and last else unresolved("approximate")


_THE = ci("the")
_YEAR_REF = rf"(?:{_YEAR}|(?P<rel>{ci('the')}|{ci('this')}|{ci('last')}|{ci('next')})\s+year\b)"


def _rule(
    name: str, pattern: str, resolve: Resolver, unless: tuple[str, ...] | None = None
) -> Rule:
    return Rule(f"time.{name}", re.compile(pattern), resolve, unless)


ABSOLUTE_RULES = [
    _rule(
        "month_day",
        rf"\b{_WEEKDAY_BEFORE}(?P<mon>{MONTH})\s+{_DAY}{_DAY2}(?:,?\s+{_YEAR})?",
        _resolve_date,
    ),
    _rule(
        "day_month",
        rf"(?<![\w.,]){_WEEKDAY_BEFORE}{_DAY}{_DAY2}\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+{_YEAR})?",
        _resolve_date,
    ),
    _rule(
        "month",
        rf"\b(?:(?P<mod>{ci('last')}|{ci('next')}|{ci('this')})\s+|{_PART})?(?P<mon>{MONTH_FULL})"
        rf"(?:,?\s+(?:of\s+)?{_YEAR})?(?![\w'’-])(?!\s+\d)",
        _resolve_month,
        unless=("mod", "part", "y"),
    ),
    _rule(
        "year",
        rf"(?<![\w$£€.,/-]){_PART}?(?P<y>1\d{{3}}|20\d\d)(?![\w%/-]|[.,]\d)",
        _resolve_year,
        unless=("part",),
    ),
    _rule(
        "year_range",
        r"(?<![\w$£€.,/-])(?P<y1>1\d{3}|20\d\d)\s*[-–/]\s*(?P<y2>\d{4}|\d{2})(?![\w%/-]|[.,]\d)",
        _resolve_year_range,
    ),
    _rule("decade", rf"\b{_THE}\s+{_PART}?(?P<y>1\d\d0|20\d0)['’]?s\b", _resolve_decade),
    _rule(
        "iso_date",
        r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-]|\.\d)",
        _resolve_iso,
    ),
    _rule(
        "numeric_date",
        r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)(?![\w/-]|\.\d)",
        _resolve_numeric,
    ),
    _rule(
        "numeric_day",
        rf"\b{ci('on')}\s+(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\w/]|\.\d)(?P<y>)",
        _resolve_numeric,
    ),
    _rule(
        "share_of_year",
        rf"\b{_THE}\s+(?P<which>first|second|third|fourth|last|final)\s+(?P<share>half|quarter)"
        rf"\s+of\s+{_YEAR_REF}(?P<q>)",
        _resolve_share,
    ),
    _rule("quarter", rf"\b(?P<q>Q[1-4])\s+{_YEAR}(?P<rel>)", _resolve_share),
    _rule(
        "edge_of",
        rf"\b{_THE}\s+(?P<edge>start|beginning|middle|end)\s+of\s+"
        rf"(?:(?P<mon>{MONTH_FULL})(?:,?\s+(?P<my>\d{{4}})(?![\d.,]\d|\w))?|{_YEAR_REF}"
        rf"|(?P<rel2>{ci('the')}|{ci('this')}|{ci('last')}|{ci('next')})\s+(?P<unit>month|week)\b)",
        _resolve_edge,
    ),
    _rule(
        "season",
        rf"\b(?:{_THE}\s+)?(?P<season>{SEASON})\s+(?:of\s+)?{_YEAR}",
        _resolve_season,
    ),
]
