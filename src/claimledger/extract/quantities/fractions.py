"""Shares and fractions: "a third of", "two-thirds of", "half of", "1/8 of" (rule
``fraction_of``) and "one in five", "two out of ten" (rule ``share_one_in``), as
fractions of 1."""

from __future__ import annotations

import re

from claimledger.extract.quantities.bounds import with_approx
from claimledger.extract.quantities.candidate import Candidate, exact
from claimledger.extract.quantities.changes import change_before
from claimledger.extract.quantities.numbers import UNITS, parse_number
from claimledger.model import Change

_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# "a third", "two fifths": the article or a unit word over a denominator
_SMALL = {"a": 1, "an": 1} | {w: v for w, v in UNITS.items() if 1 <= v <= 9}
_PART_OF_PERIOD = re.compile(
    r"(?i:\b(?:first|second|third|fourth|1st|2nd|3rd|4th|last|latter|former|other|back|front|"
    r"this|next|previous|opening|closing)[\s-]+)$"
)
_ORDINAL_DENOMINATOR = r"thirds?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
FRACTION = re.compile(
    r"\b(?P<num>(?i:a|an|one|two|three|four|five|six|seven|eight|nine))[\s-]+"
    rf"(?P<den>(?i:half|halves|quarters?|{_ORDINAL_DENOMINATOR}))\b"
    r"(?=\s+(?i:of)\b)"
    # without "of", a number word over an ordinal: "cut by one third", "two-fifths majority"
    r"|\b(?P<wnum>(?i:one|two|three|four|five|six|seven|eight|nine))[\s-]+"
    rf"(?P<wden>(?i:{_ORDINAL_DENOMINATOR}))\b(?![\s-]+(?i:place|time|round|term|day|year)s?\b)"
    r"|\b(?P<half>(?i:half))(?=\s+(?i:of|the|all)\b)"
    r"|(?<![\d/⁄.,])(?P<snum>\d{1,2})\s?[/⁄]\s?(?P<sden>\d{1,3})(?![\d/⁄.,])(?=\s+(?i:of)\b)"
    r"|\b(?P<rnum>(?i:one|two|three|four|five|\d{1,2}))\s+(?i:in|out\s+of)\s+"
    r"(?P<rden>(?i:two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))\b"
)


def fractions(text: str) -> list[Candidate]:
    """Every share in ``text``; a change when a verb of change precedes it ("dropped by
    almost a third")."""
    out = []
    for m in FRACTION.finditer(text):
        value = _share(m)
        if value is None:
            continue
        rule = "share_one_in" if m.group("rnum") else "fraction_of"
        q = exact(m.start(), m.end(), float(f"{value:.6g}"), "fraction", rule)
        direction = change_before(text[: m.start()])
        if direction:  # "dropped by almost a third"
            q.change = Change(direction, None, None, q.value)
        out.append(with_approx(q, text))
    return out


def _share(m: re.Match[str]) -> float | None:
    """The fraction a ``FRACTION`` match states, or None when it is no proper fraction."""
    if m.group("half"):  # "half the villages", not "the second half of the year"
        return None if _PART_OF_PERIOD.search(m.string, 0, m.start()) else 0.5
    if m.group("snum"):  # "1/8 of the wells", "1⁄3 of the budget"
        top, bottom = int(m.group("snum")), int(m.group("sden"))
        return top / bottom if 0 < top < bottom else None
    if m.group("den"):
        return _SMALL[m.group("num").lower()] / _DENOMINATORS[m.group("den").lower()]
    if m.group("wden"):
        top, bottom = _SMALL[m.group("wnum").lower()], _DENOMINATORS[m.group("wden").lower()]
        return top / bottom if top < bottom else None
    num, den = parse_number(m.group("rnum")), parse_number(m.group("rden"))
    if not num or not den or num >= den:
        return None
    return num / den
