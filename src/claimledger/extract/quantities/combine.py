"""Neighbouring figures combined, and single figures read in their context.

Two atoms in a row become one quantity by the first rule that takes them:
``range_from_to`` ("range from 30,000 to 40,000"), ``change_from_to`` ("rose from 4% to
11%"), ``range_between`` ("between 5 and 10"), ``range_dash`` ("5-10"), ``range_to``
("5 to 10"), ``range_or`` ("two or three"), ``change_range`` ("fell by 2 to 3
points"). Any other atom stands alone, as ``change_signed`` ("+5%"), ``change_by``
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
_RANGE_GAP = re.compile(r"\s*(?:(?i:to)|-|–|—|-(?i:to)-|(?i:or))\s*")
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
            while pair.rule == "change_from_to" and i < len(atoms):
                # "from 10 to 20 to 35": each further "to" continues the change, unless
                # that figure begins a pair of its own
                nxt = atoms[i + 1] if i + 1 < len(atoms) else None
                if nxt is not None and _compatible(atoms[i], nxt) and _pair(atoms[i], nxt, text):
                    break
                pair = _continued(atoms[i - 1], atoms[i], text) or pair
                if pair is out[-1]:
                    break
                out.append(pair)
                i += 1
        else:
            out.append(single(a, text))
            i += 1
    return out


def _compatible(a: Atom, b: Atom) -> bool:
    return a.unit == b.unit or a.unit == "count" or b.unit == "count"


def _pair(a: Atom, b: Atom, text: str) -> Candidate | None:
    before = text[: a.start]
    gap = text[a.end : b.start]
    to_gap, to_bound = bounded_to(gap)
    if to_bound == "at_most" and re.search(r"(?i:\bup\s+to)\s+$", gap):
        to_gap, to_bound = gap, None  # "from $3 up to $5": the change's level, no bound
    if re.search(r"(?i:\bfrom)\s+$", before) and _FROM_TO_GAP.fullmatch(to_gap):
        if _spans_not_moves(before, to_gap, a, b):  # "fines range from $400 to $9,000"
            return range_from_to(a, b, text)
        return change_from_to(a, b, text, to_gap, to_bound)
    return range_of_two(a, b, text)


def _continued(prev: Atom, b: Atom, text: str) -> Candidate | None:
    """The next step of a chained change, "from 10 to 20 to 35": from 20 to 35."""
    if not re.fullmatch(r"\s+(?i:to|then)\s+", text[prev.end : b.start]) or not _compatible(
        prev, b
    ):
        return None
    q = exact(b.start, b.end, b.value, _pair_unit(prev, b), "change_from_to", per=b.per or prev.per)
    q.change = Change(last_direction("", prev.value, b.value), prev.value, b.value)
    return q


def _pair_unit(a: Atom, b: Atom) -> str:
    return b.unit if a.unit == "count" else a.unit


def range_from_to(a: Atom, b: Atom, text: str) -> Candidate:
    """ "estimates range from 30,000 to 40,000": the figures bound a range."""
    start = text[: a.start].lower().rfind("from")
    unit = _pair_unit(a, b)
    lower = _lower_in_scale(a, b, text)
    q = Candidate(start, b.end, None, unit, "range", lower, b.value, "range_from_to")
    q.per = b.per or a.per
    q.counted_at = (a.start, a.end)  # the noun follows the first figure
    return q


def change_from_to(a: Atom, b: Atom, text: str, to_gap: str, to_bound: str | None) -> Candidate:
    """ "rose from 4% to 11%", "from 40 trucks a day to fewer than 10": a change to b; a
    scale written once is shared ("from $10 to $15 billion")."""
    before = text[: a.start]
    start = before.lower().rfind("from")
    rate = GAP_RATE.search(to_gap)  # "from 40 trucks a day to 10"
    per = b.per or a.per or (per_unit(rate.group(1)) if rate else None)
    q = exact(start, b.end, b.value, _pair_unit(a, b), "change_from_to", per=per)
    falling = last_direction(before, a.value, b.value) == "down"
    lower = _lower_in_scale(a, b, text, falling)
    q.change = Change(last_direction(before, lower, b.value), lower, b.value)
    if to_bound is not None:  # "... to more than 300"
        set_bound(q, to_bound)
    q.counted_at = (a.start, a.end)  # the noun follows the first figure
    return q


def _spans_not_moves(before: str, gap: str, a: Atom, b: Atom) -> bool:
    """ "from X to Y" with no verb of change before it ("estimates range from 30,000 to
    40,000", "tents from $90 to $250") is a range, not a change; with a time
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
    "fell by 2 to 3 points"; None when the two figures are no range."""
    before, gap = text[: a.start], text[a.end : b.start]
    unit = _pair_unit(a, b)
    changed = change_before(before, transitive=is_measure(unit))
    between = re.search(r"(?i:\bbetween)\s+$", before)
    is_range = (
        bool(_RANGE_GAP.fullmatch(gap))
        or bool(between and re.fullmatch(r"\s+(?i:and)\s+", gap))
        or (gap == "/" and a.has_unit and b.has_unit)  # "$7/$9"
    )
    # a range is written low to high, or away from zero below it ("between −55 and −109")
    below_zero = (a.value or 0) < 0 and (b.value or 0) < 0
    ordered = (a.value or 0) < (b.value or 0) or below_zero or re.fullmatch(r"\s+or\s+", gap)
    if re.fullmatch(r"\s*(?i:or)\s*", gap) and _alternatives(a, b, before):
        return None
    # After a change verb, "X to Y" with the unit written on both is the change and the
    # new level ("rose $2.1 billion to $17.8 billion"); written once, it is a range
    # of the change ("fell by 2 to 3 points").
    # Without a unit on the first, a second more than twice the first is the level
    # ("raised the count by 30 to 145").
    change_then_level = (
        changed
        and re.search(r"(?i:to)", gap)
        and (a.has_unit or (b.value or 0) > 2 * (a.value or 0) > 0)
    )
    if not (is_range and ordered and not change_then_level):
        return None
    start = between.start() if between else a.start
    lower, upper = _lower_in_scale(a, b, text), b.value
    if below_zero and upper is not None and lower > upper:
        lower, upper = upper, lower
    q = Candidate(start, b.end, None, unit, "range", lower, upper, _range_rule(gap, between))
    q.per = b.per or a.per
    if changed:  # "fell by 2 to 3 points": a range of the change
        q.change = Change(changed, None, None, None)
        q.rule = "change_range"
    return with_approx(q, text)


def _alternatives(a: Atom, b: Atom, before: str) -> bool:
    """ "X or Y" naming two choices, not a range: each with its own unit ("$7 or $9",
    "3% or 4%"), far apart ("10 or 100 drones"), or after "either"."""
    low, high = sorted((abs(a.value or 0), abs(b.value or 0)))
    return (
        (a.has_unit and b.has_unit)
        or high > 2 * low
        or bool(re.search(r"(?i:\beither)\s+\S*\s*$", before))
    )


def _range_rule(gap: str, between: re.Match[str] | None) -> str:
    if between:
        return "range_between"
    word = gap.strip(" -").lower()
    if word == "/":
        return "range_slash"
    return "range_to" if word == "to" else "range_or" if word == "or" else "range_dash"


def _lower_in_scale(a: Atom, b: Atom, text: str, falling: bool = False) -> float:
    """The first figure of a range or a change in the scale of the second: "5 to 6 million"
    is 5e6, "from $10 to $15 billion" 10e9; not "from $300 to $2 million", which would
    put the figures out of order."""
    lower = a.value or 0
    a_text = text[a.start : a.end]
    if (
        b.value
        and lower
        and b.value / lower >= 1000
        and not re.search(r"(?i:thousand|million|billion|\d\s*[kmb]|\d,\d)", a_text)
    ):
        scaled = lower * _shared_scale(text[b.start : b.end])
        if (scaled >= b.value) if falling else (scaled <= b.value):
            return scaled
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
    if signed == "down" and not (is_measure(a.unit) or a.unit == "count"):
        signed = None  # "−5 degrees", "-40 metres": a level below zero, not a fall
    direction = signed or change_before(text[: a.start], transitive=is_measure(a.unit))
    if direction:
        q.change = Change(direction, None, None, a.value)
        q.rule = "change_signed" if signed else "change_by"
    return with_approx(q, text)
