"""Rates: the "per" part of a figure ("per day", "a week", "/h") and its canonical unit."""

from __future__ import annotations

import re

from claimledger.extract.quantities.units import canonical_unit

_PER_TIME = r"day|week|month|year|hour|minute|second|night|quarter|annum"
# Written right after a figure's unit; the groups name the unit of the rate.
PER = (
    rf"(?P<per>\s*(?:(?i:per|each|every)\s+(?P<perunit>(?i:sq\.?\s?(?:m|km|ft|mi)\b|"
    rf"(?:square\s+)?[A-Za-z]{{2,}}))|"
    rf"\s+(?i:a|an)\s+(?P<pertime>(?i:{_PER_TIME}|litre|liter|gallon|barrel|ounce|tonne|ton|"
    rf"kilo|kilogram|share|head|person|piece|unit|dose))\b(?!\s+(?i:earlier|ago|before|later|"
    rf"after))|\s*/\s*(?P<perslash>(?i:{_PER_TIME}|[a-z]{{1,6}}))\b))"
)
# A rate written after the counted noun or in a gap: "3,000 tests per day".
GAP_RATE = re.compile(
    r"\s*(?i:\b(?:a|an|per|each)\s+(day|week|month|year|hour))\b"
    r"(?!\s+(?i:earlier|ago|before|later|after))"
)


def per_unit(word: str | None) -> str | None:
    """The canonical unit a rate is per, or None when the word is no unit of a rate."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    canon = canonical_unit(w)
    if canon is not None and canon not in ("percent", "point"):
        return canon
    if w in ("capita", "head", "person", "people"):
        return "person"
    if w in ("annum",):
        return "year"
    if re.fullmatch(r"(?:square )?[a-z]{3,}", w) and w not in ("the", "and", "cent"):
        return w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    return None
