"""The date of a document from its dateline: "KYIV, March 3 (Reuters) -", "Varnek, 4 May 2024
—", "March 3, 2024 /PRNewswire/"."""

from __future__ import annotations

import re
from datetime import date

from claimledger.extract.times.calendar import make_date
from claimledger.extract.times.words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, month_number

_MONTH = "|".join(sorted([*MONTHS, *MONTH_ABBREVIATIONS], key=len, reverse=True))
_DATELINE = re.compile(
    r"\s*(?:[^\W\d_][^\n,()\d]{0,40},\s*){0,2}"  # place, region
    rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?"
    rf"(?:(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH})\.?(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<iso>\d{4})-(?P<m>\d\d)-(?P<dd>\d\d))"
    r"(?!\d)\s*(?:\(|[-—–/|:]|$)",
    re.IGNORECASE,
)
_HEAD = 300  # a dateline opens the text


def _nearest_year(month: int, day: int, fallback: date) -> date | None:
    """The date in the fallback's year, or the year either side, nearest to the fallback."""
    days = [make_date(fallback.year + step, month, day) for step in (-1, 0, 1)]
    valid = [d for d in days if d is not None]
    return min(valid, key=lambda d: abs((d - fallback).days), default=None)


def dateline_date(text: str, fallback: date | int | None = None) -> date | None:
    """The date a dateline at the start of ``text`` gives, or None.

    A dateline without a year ("KYIV, March 3 (Reuters) -") takes it from ``fallback``: a year,
    or a date from the document's metadata (then the year that puts the dateline's day nearest
    to it, so "Dec 31" with a January 2 fallback is the year before). Without a fallback such a
    dateline gives None; today's date is never used.
    """
    match = _DATELINE.match(text[:_HEAD])
    if match is None:
        return None
    if match["iso"]:
        return make_date(int(match["iso"]), int(match["m"]), int(match["dd"]))
    month = month_number(match["mon"] or match["mon2"])
    day = int(match["d"] or match["d2"])
    year = match["y"] or match["y2"]
    if year:
        return make_date(int(year), month, day)
    if isinstance(fallback, date):
        return _nearest_year(month, day, fallback)
    if isinstance(fallback, int):
        return make_date(fallback, month, day)
    return None
