"""A document's date: its ``published`` metadata where that is a date, else a dateline at the
start of its text (taking the year from the metadata when only that could be read). Never
today's date; a value that is no date gives None and says so."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

from claimledger.extract.times.calendar import make_date
from claimledger.extract.times.dateline import dateline_date
from claimledger.extract.times.find import find_times

# "2024-03-05", "2024-03-05T10:00:00Z", "2024/3/5", "2024.03.05", "20240305", "2024-03", "2024"
_ISO = re.compile(
    r"\s*(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?"
    r"|(?P<m2>\d\d)(?P<d2>\d\d))?(?![\d/.-]|-\d)(?:[T\s].*)?\s*$",
    re.DOTALL,
)
_LONGEST = 200  # a published value longer than this is read no further


def parse_published(value: str | None) -> tuple[date | None, int | None]:
    """The date a ``published`` value names, and its year (also when only a year or a year
    and month could be read): ISO-like forms, RFC 2822 ("Tue, 05 Mar 2024 10:00:00 GMT") and
    written dates ("March 5, 2024", "5 March 2024"). Anything else: (None, None)."""
    if not value:
        return None, None
    text = value[:_LONGEST]
    match = _ISO.match(text)
    if match:
        year = int(match["y"])
        month, day = match["m"] or match["m2"], match["d"] or match["d2"]
        if month and day:
            found = make_date(year, int(month), int(day))
            return found, found.year if found else None
        return None, year if 1 <= year <= 9999 else None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        return parsed.date(), parsed.year
    for t in find_times(text, None):
        if t.time_kind == "day" and t.time_start is not None and t.time_start == t.time_end:
            day = date.fromisoformat(t.time_start)
            return day, day.year
    return None, None


def document_date(text: str, published: str | None) -> tuple[date | None, str | None]:
    """The date relative times in ``text`` are resolved against, and where it came from:
    "published", "dateline", "unparseable" (a ``published`` value that is no date, and no
    dateline either) or None (neither given)."""
    day, year = parse_published(published)
    if day is not None:
        return day, "published"
    from_dateline = dateline_date(text, year)
    if from_dateline is not None:
        return from_dateline, "dateline"
    return None, ("unparseable" if published and published.strip() else None)
