"""Find time expressions in a text and resolve them: candidates from every rule, the
leftmost-longest kept, ends of ranges joined, prepositions and approximators read, then each
resolved in text order (so "15 days later" can lean on the date before it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claimledger.extract.times.absolute import ABSOLUTE_RULES
from claimledger.extract.times.calendar import shift_days
from claimledger.extract.times.relative import RELATIVE_RULES
from claimledger.extract.times.rule import Context, Rule
from claimledger.extract.times.types import Interval, TimeExpression, unresolved
from claimledger.extract.times.words import APPROXIMATORS
from claimledger.lexicon import ENGLISH_FUNCTION_WORDS

RULES: list[Rule] = [*ABSOLUTE_RULES, *RELATIVE_RULES]
_WINDOW = 40  # characters looked at before an expression for its preposition

# The preposition (kept in the expression's text) and approximator before an expression.
_PREFIX = re.compile(
    r"(?<![\w-])(?:(?P<prep>since|until|till|through|throughout|by|before|after|during|in|on|"
    rf"at|over|for|as\s+of|up\s+to)\s+)?(?:(?P<approx>{APPROXIMATORS})\s+)?$",
    re.IGNORECASE,
)
# Words that only license a bare "March" or "2022" and stay out of its text.
_LICENSE = re.compile(r"(?<![\w-])(?:from|of|between|and|or|to)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:(?P<and>and)|to|through|until|till|[-–—])\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?<![\w-])(?P<open>between|from)\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_POSSESSIVE = re.compile(r"['’]s\b")
_YEAR_FOLLOWERS = ENGLISH_FUNCTION_WORDS | {"alone", "amid", "until", "since", "onwards", "onward"}


@dataclass
class _Found:
    rule: Rule
    match: re.Match[str]
    start: int
    end: int
    second: _Found | None = None  # the other end of a range


def _candidates(text: str) -> list[_Found]:
    found = [
        _Found(rule, match, match.start(), match.end())
        for rule in RULES
        for match in rule.pattern.finditer(text)
        if match.end() > match.start()
    ]
    found.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[_Found] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _before(text: str, start: int) -> str:
    return text[max(0, start - _WINDOW) : start]


def _join_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """ "between 2019 and 2021", "from January to March 2024", "Monday to Wednesday"."""
    out: list[_Found] = []
    index = 0
    while index < len(found):
        first = found[index]
        second = found[index + 1] if index + 1 < len(found) else None
        opener = _RANGE_OPEN.search(_before(text, first.start))
        join = _RANGE_JOIN.fullmatch(text, first.end, second.start) if second else None
        # "between" goes with "and", "from" (or nothing) with "to", "through", a dash
        between = bool(opener and opener["open"].lower() == "between")
        if second and join and between == bool(join["and"]):
            start = opener.start() + max(0, first.start - _WINDOW) if opener else first.start
            out.append(_Found(first.rule, first.match, start, second.end, second))
            index += 2
            continue
        out.append(first)
        index += 1
    return out


def _licensed(text: str, item: _Found) -> bool:
    rule, match = item.rule, item.match
    if rule.name == "time.year" and not match["part"]:
        follower = _NEXT_WORD.match(text, item.end)
        if follower and follower[1] not in _YEAR_FOLLOWERS:
            return False  # "in 2000 homes" is a count
    if item.second is not None or rule.unless is None:
        return True
    if any(match[group] for group in rule.unless):
        return True
    before = _before(text, item.start)
    prefix = _PREFIX.search(before)
    return bool((prefix and prefix.start() < prefix.end()) or _LICENSE.search(before))


def _with_prefix(item: _Found, inner: Interval, prep: str, approx: bool, ctx: Context) -> Interval:
    """What "since", "until", "by", "before", "after" and "about" make of the expression."""
    if prep in ("since", "after"):
        first = inner.first if prep == "since" else (inner.last and shift_days(inner.last, 1))
        if first is None:
            return unresolved("since")
        if ctx.anchor is None or first > ctx.anchor:  # "after next week": no end yet
            return Interval(first, None, "since", ctx.anchor or inner.anchor)
        return Interval(first, ctx.anchor, "since", ctx.anchor)
    if prep in ("until", "till", "up to", "by", "before"):
        last = inner.last if prep != "before" else (inner.first and shift_days(inner.first, -1))
        return Interval(None, last, "until", inner.anchor) if last else unresolved("until")
    if approx:
        return Interval(inner.first, inner.last, "approximate", inner.anchor)
    return inner


def _resolve_range(item: _Found, ctx: Context) -> Interval:
    assert item.second is not None
    last = item.second.rule.resolve(item.second.match, ctx)
    if last.last is None:
        return unresolved("period")
    first = item.rule.resolve(item.match, Context(last.last, False, ctx.reference))
    if first.first is None or first.first > last.last:
        return unresolved("period")
    return Interval(first.first, last.last, "period", last.anchor)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def find_times(
    text: str, anchor: date | None = None, *, future: bool = False, offset: int = 0
) -> list[TimeExpression]:
    """Every time expression in ``text``, resolved against ``anchor`` (the document's date).

    ``future``: the sentence speaks of the future ("will meet on Tuesday"), so weekdays and
    months without a year are the next ones, not the last. Offsets are into ``text`` plus
    ``offset`` (the text's start in its document).
    """
    found = [item for item in _join_ranges(text, _candidates(text)) if _licensed(text, item)]
    records: list[TimeExpression] = []
    reference: date | None = None
    for item in found:
        ctx = Context(anchor, future, reference)
        start = item.start
        prep, approx = "", False
        if item.second is None and not _POSSESSIVE.match(text, item.end):
            prefix = _PREFIX.search(_before(text, item.start))
            if prefix and prefix.start() < prefix.end():
                start = item.start - (prefix.end() - prefix.start())
                prep = re.sub(r"\s+", " ", (prefix["prep"] or "").lower())
                approx = bool(prefix["approx"])
            interval = _with_prefix(item, item.rule.resolve(item.match, ctx), prep, approx, ctx)
        elif item.second is None:  # "in Sunday's vote": "in" goes with the vote
            interval = item.rule.resolve(item.match, ctx)
        else:
            interval = _resolve_range(item, ctx)
        if not interval.resolved:
            interval = unresolved(interval.kind)
        records.append(
            TimeExpression(
                time_text=text[start : item.end],
                start=start + offset,
                end=item.end + offset,
                time_start=_iso(interval.first),
                time_end=_iso(interval.last),
                time_kind=interval.kind,
                time_anchor=_iso(interval.anchor),
                rule="time.range" if item.second else item.rule.name,
            )
        )
        reference = interval.first or reference
    return records
