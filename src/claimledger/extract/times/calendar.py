"""Calendar arithmetic that never raises: an impossible date is None."""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

# The part of a period that "early", "mid" and "late" (and "the start/middle/end of") name.
PARTS = ("early", "mid", "late")


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for February 30, month 13, year 0 or 99999."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_end(year: int, month: int) -> date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    return date(year, month, _calendar.monthrange(year, month)[1])


def shift_days(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shift_months(day: date, months: int) -> date | None:
    """The same day ``months`` later (earlier if negative), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    end = month_end(year, month + 1)
    return None if end is None else end.replace(day=min(day.day, end.day))


def shift(day: date, amount: int, unit: str) -> date | None:
    """``day`` moved by ``amount`` days, weeks, months, years or decades."""
    if unit == "day":
        return shift_days(day, amount)
    if unit == "week":
        return shift_days(day, 7 * amount)
    factor = {"month": 1, "year": 12, "decade": 120}[unit]
    return shift_months(day, factor * amount)


def week_of(day: date) -> tuple[date | None, date | None]:
    """Monday and Sunday of the ISO week holding ``day``."""
    monday = shift_days(day, -day.weekday())
    return monday, None if monday is None else shift_days(monday, 6)


def year_span(year: int) -> tuple[date | None, date | None]:
    return make_date(year, 1, 1), make_date(year, 12, 31)


def month_span(year: int, month: int) -> tuple[date | None, date | None]:
    return make_date(year, month, 1), month_end(year, month)


def part_of(first: date, last: date, unit: str, part: str) -> tuple[date | None, date | None]:
    """The early, mid or late part of a year (Jan-Apr, May-Aug, Sep-Dec), a month (days 1-10,
    11-20, 21-end), a decade (years 0-3, 4-6, 7-9) or a week (Mon-Tue, Wed-Thu, Fri-Sun)."""
    index = PARTS.index(part)
    if unit == "year":
        months = ((1, 4), (5, 8), (9, 12))[index]
        return make_date(first.year, months[0], 1), month_end(first.year, months[1])
    if unit == "month":
        days = ((1, 10), (11, 20), (21, last.day))[index]
        return first.replace(day=days[0]), first.replace(day=days[1])
    if unit == "decade":
        years = ((0, 3), (4, 6), (7, 9))[index]
        return make_date(first.year + years[0], 1, 1), make_date(first.year + years[1], 12, 31)
    offsets = ((0, 1), (2, 3), (4, 6))[index]
    return shift_days(first, offsets[0]), shift_days(first, offsets[1])
