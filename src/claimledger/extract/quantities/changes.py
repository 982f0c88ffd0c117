"""Changes: the direction a verb or word before a figure gives it ("rose 4%", "fell by 3")."""

from __future__ import annotations

import re

DIRECTION = {
    "up": re.compile(
        r"(?i:rose|rise[sn]?|rising|increase[sd]?|increasing|grew|grow(?:s|n|ing)?|"
        r"climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|surge[sd]?|surging|soar(?:ed|s|ing)?|"
        r"gain(?:ed|s|ing)?|up|raise[sd]?|raising|swell(?:ed|s)?|spike[sd]?|advance[sd]?|"
        r"advancing|rall(?:y|ied|ies)|added|adding|boost(?:ed|s)?|widen(?:ed|s)?|"
        r"expand(?:ed|s)?|leap(?:t|ed|s)?|rebound(?:ed|s)?|higher|upwards?|"
        r"hike[sd]?|hiking|lift(?:ed|s)?|strengthen(?:ed|s)?|firm(?:ed|s)|accelerat(?:ed|es)|"
        r"skyrocket(?:ed|s)?|rocket(?:ed|s)|doubled|tripled|quadrupled|picked|recover(?:ed|s))"
    ),
    "down": re.compile(
        r"(?i:fell|fall(?:s|en|ing)?|drop(?:ped|s|ping)?|decline[sd]?|declining|"
        r"decrease[sd]?|decreasing|slid(?:e|es|ing)?|plunge[sd]?|plunging|plummet(?:ed|s|ing)?|"
        r"shr[ai]nk(?:s|ing)?|shrunk|down|cut(?:s|ting)?|reduce[sd]?|reducing|slump(?:ed|s)?|"
        r"tumble[sd]?|dipped|dip(?:s)?|contract(?:ed|s)?|eased|sank|sink(?:s)?|lost|lose[s]?|"
        r"losing|shed(?:s|ding)?|slipped|slip(?:s)?|retreat(?:ed|s)?|narrow(?:ed|s)?|"
        r"crash(?:ed|es)?|sagged|lower|downwards?|"
        r"slash(?:ed|es)?|trim(?:med|s)?|lowered|weaken(?:ed|s)?|soften(?:ed|s)?|halved|"
        r"skid(?:ded|s)?|dove|dived|tank(?:ed|s)|sink(?:ing)|slowed|shaved|knocked)"
    ),
}
_APPROX_WORDS = re.compile(
    r"(?i:\s+(?:by|just|some|about|around|nearly|almost|roughly|approximately|only|over|"
    r"under|more than|less than|as much as|a further|another|an estimated|a|an))*\s*$"
)
# Units whose figures are rates or money, not counts of things.
MEASURE_UNITS = frozenset({"percent", "percentage_point", "basis_point", "point"})
# Verbs that take an object: "lost 2.6%" is a change, "lost 40 rounds" a count of things.
_TRANSITIVE = re.compile(
    r"(?i:lost|lose[s]?|losing|added|adding|shed(?:s|ding)?|cut(?:s|ting)?|gain(?:ed|s|ing)?|"
    r"boost(?:ed|s)?|raise[sd]?|raising|reduce[sd]?|reducing|advance[sd]?|advancing|"
    r"expand(?:ed|s)?|widen(?:ed|s)?|narrow(?:ed|s)?|retreat(?:ed|s)?|hike[sd]?|hiking|"
    r"lift(?:ed|s)?|slash(?:ed|es)?|trim(?:med|s)?|lowered|doubled|tripled|halved|picked|"
    r"shaved|knocked)"
)
# Verbs whose "up" is a particle, not a rise: "gave up 12 villages", "made up 40%", "racked up
# 30 points". Not "ended up 2%", "opened up 1%" or "picked up 12 seats", which are rises.
_PHRASAL_UP = re.compile(
    r"(?i:\b(?:g[ai]ve[sn]?|giving|set(?:s|ting)?|ma(?:de|ke|kes|king)|t[ao]ok|takes?|"
    r"taking|sign(?:ed|s|ing)?|back(?:ed|s)?|rack(?:ed|s|ing)?|chalk(?:ed|s)?|"
    r"clock(?:ed|s)?|tot(?:ted|s)?|sum(?:med|s)?|add(?:ed|s)?|round(?:ed|s)?|line[ds]?|"
    r"show(?:ed|s|n)?|snap(?:ped|s)?|scoop(?:ed|s)?|ring(?:s)?|rang)\s+)$"
)


# The object between a verb of change and its rate or amount: "cut its forecast 0.5%".
_OBJECT = re.compile(
    r"(?:(?:its|their|the|his|her|our|your|a|an)\s+)?"
    r"(?!(?:to|by|from|of|in|on|at|for|and|or|than|as|with)\b)[a-z]+"
    r"(?:\s+(?!(?:to|by|from|of|in|on|at|for|and|or|than|as|with)\b)[a-z]+)?\s*"
)


def _verb_before_object(stripped: str) -> str | None:
    """The verb of change that takes an object right before a figure: "hiked prices"."""
    tail = stripped[-40:]
    for m in re.finditer(r"\b([a-z]+)\s+", tail):
        if _TRANSITIVE.fullmatch(m.group(1)) and _OBJECT.fullmatch(tail, m.end()):
            return m.group(1)
    return None


def is_measure(unit: str) -> bool:
    """Rates and money (percent, points, currencies), not counts."""
    return unit in MEASURE_UNITS or unit.isupper()


def change_before(before: str, transitive: bool = True) -> str | None:
    """The direction of a change verb just before a figure: "rose 4%", "fell by almost 3".

    With ``transitive`` False, verbs that take an object do not count."""
    tail = before[-80:]
    stripped = _APPROX_WORDS.sub("", tail)
    m = re.search(r"(\w+)$", stripped)
    if not m:
        return None
    word = m.group(1)
    if transitive and not _is_direction_word(word):
        word = _verb_before_object(stripped) or word  # "hiked prices 8%"
    by = re.search(r"(?i:\bby)\s+$", tail)
    if by and not _is_direction_word(word):
        # "raised its key rate by 200 basis points": the verb a few words before "by"
        nearby = re.findall(r"[\w'’-]+", tail[: by.start()])[-5:]
        word = next((w for w in reversed(nearby) if _is_direction_word(w)), word)
    if word.lower() in ("lower", "higher"):
        return None  # comparatives before a figure are not changes: "higher 5% tariffs"
    if word.lower() == "up" and _PHRASAL_UP.search(stripped[: m.start()]):
        return None  # "gave up 12 border villages", "racked up 30 points": not a rise
    if not transitive and not by and _TRANSITIVE.fullmatch(word):
        return None  # "lost 40 rounds" counts rounds; "was cut by 500,000 bpd" is a change
    return direction_of(word)


def direction_of(word: str) -> str | None:
    """ "up" or "down" for a word of change ("rose", "slumped", "upward"), else None."""
    return next((d for d, pattern in DIRECTION.items() if pattern.fullmatch(word)), None)


def _is_direction_word(word: str) -> bool:
    return direction_of(word) is not None


def last_direction(before: str, a: float | None, b: float | None) -> str:
    """The direction of the last change word before "from a to b", else of the figures."""
    tail = before[-60:]
    ups = [m.end() for m in re.finditer(rf"\b{DIRECTION['up'].pattern}\b", tail)]
    downs = [m.end() for m in re.finditer(rf"\b{DIRECTION['down'].pattern}\b", tail)]
    if ups or downs:
        return "up" if max(ups, default=-1) > max(downs, default=-1) else "down"
    return "up" if (b or 0) >= (a or 0) else "down"
