"""Neighbouring figures combined, and single figures read in their context.

Two atoms in a row become one quantity by the first rule that takes them:
``range_from_to`` ("range from 30,000 to 40,000"), ``change_from_to`` ("rose from 4% to
11%"), ``range_between`` ("between 5 and 10"), ``range_dash`` ("5-10"), ``range_to``
("5 to 10"), ``range_or`` ("two or three"), ``change_range`` ("dropped by 1 to 1.5
degrees"). Any other atom stands alone, as ``change_signed`` ("+5%"), ``change_by``
("rose 4%") or with the rule that read it. Each takes the bound of its approximator.
"""

from __future__ import annotations

import re

from claimledger.extract.quantities.atoms import Atom
from claimledger.extract.quantities.bounds import bounded_to, with_approx
from claimledger.extract.quantities.candidate import Candidate, exact, set_bound
from claimledger.extract.quantities.changes import (
    DIRECTION,
    change_before,
    is_measure,
    last_direction,
)
from claimledger.extract.quantities.numbers import SCALES
from claimledger.extract.quantities.rates import GAP_RATE, per_unit
from claimledger.model import Change

# Between two figures there is no other figure, so any words may stand in the gap.
_FROM_TO_GAP = re.compile(r"\s*(?:\S+\s+){0,6}?(?i:to)\s+")
_RANGE_GAP = re.compile(r"\s*(?:(?i:to)|-|–|—|(?i:or))\s*")
_MOVES = re.compile(
    r"(?i:\b(?:went|go(?:es|ing)?|gone|moved?|moving|changed?|changing|revised|revising|"
    r"shifted|shifting|switched|slow(?:ed|s|ing)?|accelerat(?:ed|es|ing)|doubled|tripled|"
    r"halved|improved|worsened|cut|raised|lowered|hiked|downgraded|upgraded)\b)"
)


def combine(atoms: list[Atom], text: str) -> list[Candidate]:
    """The quantities of a sentence's atoms: pairs where a pair rule takes them, else one
    quantity per atom."""
    out: list[Candidate] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        pair = _pair(a, b, text) if b is not None and _compatible(a, b) else None
        if pair is not None:
            out.append(pair)
            i += 2
        else:
            out.append(single(a, text))
            i += 1
    return out


def _compatible(a: Atom, b: Atom) -> bool:
    return a.unit == b.unit or a.unit == "count" or b.unit == "count"


def _pair(a: Atom, b: Atom, text: str) -> Candidate | None:
    before = text[: a.start]
    to_gap, to_bound = bounded_to(text[a.end : b.start])
    if re.search(r"(?i:\bfrom)\s+$", before) and _FROM_TO_GAP.fullmatch(to_gap):
        if _spans_not_moves(before, to_gap, a, b):  # "prices range from $370,000 to $5.5m"
            return range_from_to(a, b, text)
        return change_from_to(a, b, text, to_gap, to_bound)
    return range_of_two(a, b, text)


def _pair_unit(a: Atom, b: Atom) -> str:
    return b.unit if a.unit == "count" else a.unit


def range_from_to(a: Atom, b: Atom, text: str) -> Candidate:
    """ "estimates range from 30,000 to 40,000": the figures bound a range."""
    start = text[: a.start].lower().rfind("from")
    unit = _pair_unit(a, b)
    q = Candidate(start, b.end, None, unit, "range", a.value, b.value, "range_from_to")
    q.per = b.per or a.per
    q.counted_at = (a.start, a.end)  # the noun follows the first figure
    return q


def change_from_to(a: Atom, b: Atom, text: str, to_gap: str, to_bound: str | None) -> Candidate:
    """ "rose from 4% to 11%", "from 40 trucks a day to fewer than 10": a change to b."""
    before = text[: a.start]
    start = before.lower().rfind("from")
    rate = GAP_RATE.search(to_gap)  # "from 40 trucks a day to 10"
    per = b.per or a.per or (per_unit(rate.group(1)) if rate else None)
    q = exact(start, b.end, b.value, _pair_unit(a, b), "change_from_to", per=per)
    q.change = Change(last_direction(before, a.value, b.value), a.value, b.value)
    if to_bound is not None:  # "... to more than 300"
        set_bound(q, to_bound)
    q.counted_at = (a.start, a.end)  # the noun follows the first figure
    return q


def _spans_not_moves(before: str, gap: str, a: Atom, b: Atom) -> bool:
    """ "from X to Y" with no verb of change before it ("estimates range from 30,000 to
    40,000", "homes from $750,000 to $1 million") is a range, not a change; with a time
    between the figures ("from 4% in 2022 to 11%") it is a change."""
    tail = before[-60:]
    if re.search(r"(?i:\brang(?:e[sd]?|ing))\b", tail):
        return True
    if re.search(r"\b(?:1[89]|20)\d\d\b|(?i:\b(?:last|a)\s+(?:year|month|week)\b)", gap):
        return False
    moving = _MOVES.search(tail) or re.search(
        rf"\b(?:{DIRECTION['up'].pattern}|{DIRECTION['down'].pattern})\b", tail
    )
    return not moving and (a.value or 0) < (b.value or 0)


def range_of_two(a: Atom, b: Atom, text: str) -> Candidate | None:
    """ "5-10", "5 to 10", "two or three", "between 5 and 10", and after a change verb
    "dropped by 1 to 1.5 degrees"; None when the two figures are no range."""
    before, gap = text[: a.start], text[a.end : b.start]
    unit = _pair_unit(a, b)
    changed = change_before(before, transitive=is_measure(unit))
    between = re.search(r"(?i:\bbetween)\s+$", before)
    is_range = bool(_RANGE_GAP.fullmatch(gap)) or bool(
        between and re.fullmatch(r"\s+(?i:and)\s+", gap)
    )
    ordered = (a.value or 0) < (b.value or 0) or re.fullmatch(r"\s+or\s+", gap)
    # After a change verb, "X to Y" with the unit written on both is the change and the
    # new level ("rose $43.6 billion to $419.2 billion"); written once, it is a range
    # of the change ("dropped by 1 to 1.5 degrees").
    # Without a unit on the first, a second more than twice the first is the level
    # ("revised the toll upward by 40 to 212").
    change_then_level = (
        changed
        and re.search(r"(?i:to)", gap)
        and (a.has_unit or (b.value or 0) > 2 * (a.value or 0) > 0)
    )
    if not (is_range and ordered and not change_then_level):
        return None
    start = between.start() if between else a.start
    lower = _lower_in_scale(a, b, text)
    q = Candidate(start, b.end, None, unit, "range", lower, b.value, _range_rule(gap, between))
    q.per = b.per or a.per
    if changed:  # "dropped by 1 to 1.5 degrees": a range of the change
        q.change = Change(changed, None, None, None)
        q.rule = "change_range"
    return with_approx(q, text)


def _range_rule(gap: str, between: re.Match[str] | None) -> str:
    if between:
        return "range_between"
    word = gap.strip().lower()
    return "range_to" if word == "to" else "range_or" if word == "or" else "range_dash"


def _lower_in_scale(a: Atom, b: Atom, text: str) -> float:
    """The lower figure of a range in the scale of the upper: "5 to 6 million" is 5e6."""
    lower = a.value or 0
    if (
        b.value
        and lower
        and b.value / lower >= 1000
        and not re.search(r"(?i:thousand|million|billion|\d\s*[kmb])", text[a.start : a.end])
    ):
        lower *= _shared_scale(text[b.start : b.end])
    return lower


def _shared_scale(b_text: str) -> float:
    for word in ("trillion", "billion", "million", "thousand"):
        if word in b_text.lower():
            return SCALES[word]
    m = re.search(r"\d\s*(bn|mn|tn|k|m|b)\b", b_text.lower())
    return SCALES.get(m.group(1), 1.0) if m else 1.0


def single(a: Atom, text: str) -> Candidate:
    """One figure alone: a change when a sign or a verb of change comes before it."""
    q = exact(a.start, a.end, a.value, a.unit, a.rule, per=a.per)
    signed = {"+": "up", "−": "down"}.get(a.sign or "")
    direction = signed or change_before(text[: a.start], transitive=is_measure(a.unit))
    if direction:
        q.change = Change(direction, None, None, a.value)
        q.rule = "change_signed" if signed else "change_by"
    return with_approx(q, text)
