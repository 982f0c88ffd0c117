"""Time expressions: find them in a text and resolve them against the document's date.

Rule-based over the raw text (no spaCy needed). Each record keeps ``text[start:end]`` as
written, including the preposition that governs it ("on Tuesday", "since January", "over the
past year"), and its ISO ``time_start``/``time_end`` and ``time_kind``:

- **day**: one day ("on January 4, 2024", "yesterday", "15 days later");
- **period**: a span ("in February", "last week", "between 2019 and 2021", "overnight");
- **since**: from a time to the document's date ("since January"); the end is null without one;
- **until**: up to a time, the start left open ("until Friday", "by the end of the year");
- **approximate**: fuzzy ("about two weeks ago", "in late March", "the early 1990s").

Conventions (news wire style; the anchor is the document's publication date):

- Never resolved against today. Without an anchor, relative expressions keep their text and
  get null dates and a null ``time_anchor``; absolute ones ("January 4, 2024", "in 2022")
  resolve anyway, with a null ``time_anchor``.
- A weekday is the most recent such day on or before the anchor (in a Thursday report "on
  Tuesday" is two days before; in a Tuesday report, that day). With ``future=True`` ("will
  meet on Tuesday") it is the first on or after the anchor. "last Tuesday"/"next Tuesday"
  exclude the anchor's own day.
- A month without a year ("in February") and a day without a year ("March 3") are the most
  recent on or before the anchor, or with ``future=True`` the first on or after it; "last
  March"/"next March" exclude the anchor's month.
- "last/this/next week" are ISO weeks, Monday to Sunday; "last/this/next month/year" calendar
  months and years. "earlier this month" runs from the month's first day to the anchor,
  "later this year" from the anchor to December 31.
- "the past year", "the last three months", "the past 24 hours": from the same calendar day
  that long before the anchor (hours rounded up to days) to the anchor, a period.
- "two weeks ago": the anchor less two weeks, one date; kind day when counted in days,
  otherwise approximate. "15 days later", "the next day", "the following week": from the start
  of the last expression resolved before it in the same text (its date is ``time_anchor``);
  unresolved when there is none.
- "since X": X's start to the anchor; "after X": the day after X to the anchor (both kind
  since). "until X"/"by X": open start to X's end; "before X": to the day before X (kind until).
- "about/around/roughly/nearly/approximately/almost/circa" before a time make it approximate
  (a "since" or "until" keeps its kind).
- early/mid/late: of a year Jan-Apr, May-Aug, Sep-Dec; of a month days 1-10, 11-20, 21-end;
  of a decade years 0-3, 4-6, 7-9; "the start/middle/end of" the same, approximate.
- Seasons are meteorological, northern hemisphere; winter 2023 runs December 2023 to
  February 2024; approximate.
- "overnight" is the night before the anchor: the day before to the anchor, a period.
  "at/over the weekend" is the most recent Saturday-Sunday whose Saturday is on or before the
  anchor (with ``future=True``, the first whose Sunday is on or after it).
- "3/4/2024" and "on 3/4" are ambiguous (3 April or 4 March) and stay unresolved unless one
  number is over 12. Impossible dates ("February 30, 2024") are unresolved, never an error.
- A bare month name or year counts only after a preposition (or "of", "from", an
  approximator), as an end of a range, or with early/mid/late or a year ("in May", "early
  2023", "May 2024"), and a bare year not before a lowercase content word, so the verb "may"
  and "in 2000 homes" are not times. "from 2026" alone is the year 2026, a period.
- A preposition before a possessive ("in Sunday's vote") governs the noun, not the time: the
  record is "Sunday".
- Ranges: "between X and Y", "from X to/through/until Y", "X to Y", "2019-2021", "June 1-3";
  a start without a year takes it from the end (the most recent such day or month on or
  before the end); kind period.

Record order is text order; ``rule`` names the rule ("time.weekday", "time.range", ...).
A sentence of a parsed document: ``find_times(sent.text, anchor, offset=sent.start_char)``.

All patterns are linear-time (no nested quantifiers); any input returns.
"""

from __future__ import annotations

from claimledger.extract.times.dateline import dateline_date
from claimledger.extract.times.find import RULES, find_times
from claimledger.extract.times.types import TIME_KINDS, TimeExpression, TimeKind

__all__ = ["RULES", "TIME_KINDS", "TimeExpression", "TimeKind", "dateline_date", "find_times"]
