"""Bounds from approximators: the words before a figure ("more than", "almost", "about")."""

from __future__ import annotations

import re

from claimledger.extract.quantities.candidate import Candidate, set_bound
from claimledger.model import Change

APPROX = [
    (
        r"(?:well |just |slightly |far )?(?:more than|over|above|in excess of|upwards of|"
        r"exceeding|greater than|higher than|>)",
        "more_than",
    ),
    (r"(?:at least|no fewer than|no less than|a minimum of|not less than|≥)", "at_least"),
    (
        r"(?:less than|fewer than|under|below|almost|nearly|just under|just short of|"
        r"short of|lower than|sub-|<)",
        "less_than",
    ),
    (
        r"(?:up to|at most|no more than|a maximum of|as many as|as much as|not more than|"
        r"maximum of|≤)",
        "at_most",
    ),
    (
        r"(?:around|about|approximately|roughly|some|an estimated|estimated|close to|circa|"
        r"approx\.|c\.|~|≈|or so|almost exactly|an approximate|averag(?:ed|ing|es)|barely)",
        "approx",
    ),
]
APPROX_RE = [(re.compile(rf"(?:^|(?<=[\s(\[\"“‘'—–-]))(?i:{p})\s*$"), b) for p, b in APPROX]
DURATIONS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)


def with_approx(q: Candidate, text: str) -> Candidate:
    """Widen ``q`` to the approximator right before it and bound it as that word says."""
    before = text[: q.start]
    for pattern, bound in APPROX_RE:
        m = pattern.search(before)
        if m and _temporal_over(m.group(0), q, before[: m.start()]):
            break  # "met six times over eight months": over as "during", not "more than"
        if m and bound == "at_most" and _RISE_UP_TO.search(before[: m.start()]):
            # "edged up to 5.2%": the level a rise reaches, not a ceiling
            if q.change is None and q.bound != "range":
                q.change = Change("up", None, q.value, None)
                q.rule = "level_after_change"
            break
        if m:
            q.start = m.start()
            if q.bound != "range":
                set_bound(q, bound)
            break
    return q


def bounded_to(gap: str) -> tuple[str, str | None]:
    """The gap between two figures without an approximator right before the second, and
    the bound it sets: " trucks a day to fewer than " -> (" trucks a day to ", less_than)."""
    for pattern, bound in APPROX_RE:
        m = pattern.search(gap)
        if m and m.start() > 0:
            return gap[: m.start()], bound
    return gap, None


# Verbs whose particle "up" begins "up to": a rise to a level, not "up to" as "at most".
_RISE_UP_TO = re.compile(
    r"(?i:\b(?:edged|edges|edging|moved|moves|went|goes|ticked|ticks|inched|inches|crept|creeps|"
    r"shot|shoots|bumped|pushed|revised|ratcheted|nudged|jumped|jumps|climbed|climbs|rose|rises|"
    r"rising|went|came|comes|marked|scaled|stepped|raised|raises|ramped|picked)\s+)$"
)


def _temporal_over(approximator: str, q: Candidate, before: str) -> bool:
    return (
        approximator.strip().lower() == "over"
        and q.unit in DURATIONS
        and not re.search(r"(?i:\b(?:for|lasted|lasting|took|spent|in|within))\s*$", before)
    )
