"""What a figure measures, and the interval of values it allows.

Two figures can only agree or disagree when they state the same measure: the same counted
thing ("killed", "displaced"), of the same population ("civilians"), in the same unit family
(rates turned into a per-day base), of the same nature (a count for one day, a count
accumulated since a date, a rate). ``measure_of`` reads that from a quantity as extraction
makes it (its ``quantified`` words, unit, ``per``, change and time kind) and, where given, its
sentence (cue words such as "so far" or "death toll" that lie outside the figure's own
words). ``interval_of`` turns the figure's bound into the closed interval of values it allows,
with the tolerances named below, so that figures are compared as intervals, not numbers.
Both are pure functions of their arguments.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimledger.model import Quantity, Sentence

INF = math.inf

# "about / some / around 120,000" allows this share either side of the stated value: wire
# copy rounds to two significant figures, and a tenth covers that rounding for any figure of
# two or more digits without making "about 100" agree with 150.
APPROX_TOLERANCE = 0.10
# "nearly / almost 20" allows values from this share under the stated value up to it:
# nobody writes "nearly 20" for 12, but "nearly 20" for 17 is ordinary.
NEARLY_TOLERANCE = 0.20
# Words that make an upper bound a "nearly" bound (close under it) rather than a ceiling.
NEARLY_WORDS = ("nearly", "almost", "close to", "just under", "just below", "approaching")

# Vague amounts as the interval each allows: a plural of a round unit means at least two of
# it, and less than the next unit up ("dozens": 24 to 99). Keys are the figure's words,
# lowercased; a vague word not listed keeps the bounds extraction gave it.
VAGUE_INTERVALS: dict[str, tuple[float, float]] = {
    "a few": (2, 5),
    "few": (2, 5),
    "several": (3, 9),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}

# A rate's period in days, as the interval of lengths it may have: a month is 28 to 31 days,
# so "$4.5 billion a month" allows 145.2 to 160.7 million a day and never contradicts
# "$150 million per day". Rates with another period are not linked.
PERIOD_DAYS: dict[str, tuple[float, float]] = {
    "hour": (1 / 24, 1 / 24),
    "day": (1, 1),
    "week": (7, 7),
    "month": (28, 31),
    "quarter": (90, 92),
    "year": (365, 366),
}

# The counted thing: the words that name it, each a class of conflict and politics text.
THING_WORDS: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed", "kill", "kills", "died", "die", "dies", "dead", "deaths", "death",
        "fatalities", "fatality", "toll", "slain", "perished", "lives lost", "lost their lives",
    ),
    "wounded": ("wounded", "injured", "hurt", "injuries", "injury", "wounds"),
    "casualties": ("casualties", "killed or wounded", "killed and wounded", "dead and wounded"),
    "displaced": (
        "displaced", "fled", "flee", "fleeing", "refugees", "uprooted", "displacement", "idps",
        "forced from their homes",
    ),
    "evacuated": ("evacuated", "evacuees", "evacuations"),
    "detained": (
        "detained", "arrested", "held", "jailed", "imprisoned", "detainees", "arrests",
        "detentions",
    ),
    "missing": ("missing", "unaccounted for"),
    "abducted": ("abducted", "kidnapped", "hostages"),
    "destroyed": ("destroyed", "razed", "demolished"),
    "damaged": ("damaged",),
    "aid trucks": ("trucks", "lorries"),
}  # fmt: skip
# Population words ("civilians", "houses"): who or what was counted, kept apart from the thing.
POPULATION_WORDS: dict[str, tuple[str, ...]] = {
    "people": (
        "people", "persons", "person", "residents", "inhabitants", "individuals", "refugees",
    ),
    "civilians": ("civilians", "civilian", "non-combatants"),
    "children": ("children", "minors", "kids", "child"),
    "women": ("women",),
    "soldiers": (
        "soldiers", "soldier", "troops", "servicemen", "service members", "conscripts",
        "military personnel",
    ),
    "fighters": ("fighters", "militants", "insurgents", "rebels", "combatants"),
    "police": ("police officers", "police", "policemen", "officers"),
    "protesters": ("protesters", "demonstrators"),
    "journalists": ("journalists", "reporters", "media workers"),
    "aid workers": ("aid workers", "humanitarian workers"),
    "medics": ("medics", "health workers", "doctors", "paramedics"),
    "families": ("families",),
    "households": ("households",),
    "houses": ("houses", "homes", "dwellings", "apartments"),
    "buildings": ("buildings", "structures"),
    "schools": ("schools",),
    "hospitals": ("hospitals", "clinics"),
}  # fmt: skip
# A population that is part of another: a part can never outnumber its whole. Only parts
# that are certain are listed: children may be soldiers, so they are a part of people only.
PART_OF: dict[str, str] = {
    "civilians": "people",
    "children": "people",
    "women": "people",
    "soldiers": "people",
    "fighters": "people",
    "police": "people",
    "protesters": "people",
    "journalists": "people",
    "aid workers": "people",
    "medics": "people",
    "houses": "buildings",
    "schools": "buildings",
    "hospitals": "buildings",
}
# The population a thing counts when the figure names none ("23 dead" counts people).
DEFAULT_POPULATION: dict[str, str] = {
    "killed": "people",
    "wounded": "people",
    "casualties": "people",
    "displaced": "people",
    "evacuated": "people",
    "detained": "people",
    "missing": "people",
    "abducted": "people",
    "destroyed": "buildings",
    "damaged": "buildings",
    "aid trucks": "",
}
# Counted things that accumulate: a count of them since a date can only grow.
# (Who is missing, or held, may be found or freed: those counts are not listed.)
CUMULATIVE_THINGS = frozenset(
    {
        "killed",
        "wounded",
        "casualties",
        "displaced",
        "evacuated",
        "abducted",
        "destroyed",
        "damaged",
    }
    | {"aid trucks"}
)
# Unit families that are linked: plain counts, and money by its ISO currency code (three
# capital letters); percentages and other units need the subject they measure, which a
# figure's own words do not give, so they are not linked.
COUNT_UNIT = "count"
CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
MONEY = "money"

# A transitive verb of the table's things that ends the clause before a figure ("shelling
# killed 19 civilians", "militants abducted 12 students", "killing at least 4"): group 1.
VERB_BEFORE = re.compile(
    r"\b(killed|killing|wounded|wounding|injured|injuring|displaced|displacing|abducted|"
    r"abducting|kidnapped|kidnapping|detained|detaining|arrested|arresting|evacuated|"
    r"evacuating|destroyed|destroying|damaged|damaging)\s*$",
    re.IGNORECASE,
)
GERUNDS = {
    "killing": "killed",
    "wounding": "wounded",
    "injuring": "injured",
    "displacing": "displaced",
    "abducting": "abducted",
    "kidnapping": "kidnapped",
    "detaining": "detained",
    "arresting": "arrested",
    "evacuating": "evacuated",
    "destroying": "destroyed",
    "damaging": "damaged",
}
# "... were among the dead" after a figure: group 1 is the thing.
AMONG_AFTER = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?"
    r"(dead|killed|wounded|injured|casualties|missing|detained|arrested|displaced|evacuated)\b",
    re.IGNORECASE,
)
# Cue words of the figure's sentence that make a count cumulative ("a total of", "so far").
CUMULATIVE_CUES = re.compile(
    r"\b(?:toll|total(?:led|ed|s)?|so far|to date|in all|altogether|overall|"
    r"cumulative(?:ly)?|since)\b",
    re.IGNORECASE,
)
# At most this many words before a sentence's first comma make an opener ("So far,") that
# belongs to the clause after it.
OPENER_WORDS = 3
# A measure named as the subject of a level verb just before the figure ("the death toll ...
# rose to 23", "the number of people displaced ... stood at"), for a figure whose own
# counted words are missing. Group 1 is the measure phrase; the verb phrase must end at the
# figure.
SUBJECT_OF_LEVEL = re.compile(
    r"\b((?:death |casualty )?toll|number of (?:\w+ ){0,2}?\w+)\b[^,;.]{0,60}?\b"
    r"(?:has |have |had )?(?:rose|risen|climbed|jumped|increased|reached|grew|grown|"
    r"stood|stands|stand|is|was|fell|dropped)(?: to| at)?\s*$",
    re.IGNORECASE,
)
# The words of a time that mark a count as a daily one, and the time kinds of a cumulative one.
DAY_KIND = "day"
CUMULATIVE_KINDS = frozenset({"since", "until"})

# Natures of a measure: what changes between two figures of it over time.
DAILY = "daily"  # a count for one day: another day is another measure
PERIOD = "period"  # a count over a stated period: another period is another measure
CUMULATIVE = "cumulative"  # a count up to a date since some start: it only grows
RATE = "rate"  # an amount per day: it may change either way over time


@dataclass(frozen=True)
class Measure:
    """The normalised measure a figure states: ``thing`` ("killed"), ``population``
    ("civilians"; "" where the thing is its own population), ``unit`` (the unit family:
    "count" or a currency code; rates are per day), and ``nature`` (daily, period,
    cumulative or rate)."""

    thing: str
    population: str
    unit: str
    nature: str

    def label(self) -> str:
        """The measure in words, as reasons and reports name it ("civilians killed")."""
        words = [w for w in (self.population, self.thing) if w]
        unit = "" if self.unit == COUNT_UNIT else f" ({self.unit})"
        per = " per day" if self.nature == RATE else ""
        return " ".join(words) + unit + per


def words_of(text: str) -> list[str]:
    """The lowercased words of a text, hyphens and apostrophes kept inside words."""
    return re.findall(r"[a-z][a-z'-]*", text.lower())


# The most words a name of the tables above has ("lost their lives").
LONGEST_NAME = 4


def _lookup(words: list[str], table: dict[str, tuple[str, ...]]) -> str | None:
    """The first table key one of ``words`` (or a run of up to ``LONGEST_NAME`` of them)
    names, longer runs first ("killed or wounded" is casualties, not killed)."""
    runs = [
        " ".join(words[i : i + n])
        for n in range(LONGEST_NAME, 0, -1)
        for i in range(len(words) - n + 1)
    ]
    for run in runs:
        for key, names in table.items():
            if run in names:
                return key
    return None


def find_names(words: list[str], table: dict[str, tuple[str, ...]]) -> list[str]:
    """Every table key named in ``words``, in text order, scanning left to right and taking
    the longest name at each word (so "killed or wounded" is one name, not two)."""
    names = sorted(
        ((name.split(), key) for key, ns in table.items() for name in ns),
        key=lambda p: -len(p[0]),
    )
    found: list[str] = []
    i = 0
    while i < len(words):
        for name, key in names:
            if words[i : i + len(name)] == name:
                found.append(key)
                i += len(name)
                break
        else:
            i += 1
    return found


def thing_and_population(quantified: str) -> tuple[str, str] | None:
    """The counted thing and its population from a figure's counted words ("civilians
    killed" -> killed, civilians), or None where no counted thing is named."""
    words = words_of(quantified)
    thing = _lookup(words, THING_WORDS)
    if thing is None:
        return None
    if thing == "aid trucks" and not {"aid", "humanitarian", "relief"} & set(words):
        return None  # trucks of anything else are not a measure of this table
    population = _lookup(words, POPULATION_WORDS)
    return thing, population or DEFAULT_POPULATION[thing]


def _clause_before(q: Quantity, sentence: Sentence | None) -> str:
    """The figure's clause up to the figure: its sentence from the last comma or semicolon
    before it, or from the start where all before that comma is a short opener ("So far,",
    "In Orlesk,"); '' where the sentence is not given."""
    if sentence is None or sentence.doc_id != q.doc_id:
        return ""
    before = sentence.text[: max(0, q.start - sentence.start)]
    head, comma, clause = before.rpartition(",")
    head = head.rpartition(";")[2]
    if not comma or (len(words_of(head)) <= OPENER_WORDS and "," not in head):
        return before.rpartition(";")[2]
    return clause


def _clause_after(q: Quantity, sentence: Sentence | None) -> str:
    """The figure's clause after the figure, up to the next comma, semicolon or full stop."""
    if sentence is None or sentence.doc_id != q.doc_id:
        return ""
    after = sentence.text[max(0, q.end - sentence.start) :]
    return re.split(r"[,;]|\.(?:\s|$)", after, maxsplit=1)[0]


def clause_of(q: Quantity, sentence: Sentence | None) -> str:
    """The words of the figure's clause around it (the figure's own words included), where
    cue words such as "so far" are looked for; '' where the sentence is not given."""
    if sentence is None:
        return ""
    return f"{_clause_before(q, sentence)}{q.text}{_clause_after(q, sentence)}"


def _verb_of(q: Quantity, sentence: Sentence | None) -> str | None:
    """The counted thing a figure's clause names around a figure whose own words name only
    who was counted: a transitive verb just before it ("shelling killed 19 civilians",
    "gunmen abducted 12 students") or "among the dead" after it ("12 fighters were among
    the dead"), as the word ``THING_WORDS`` names it."""
    before = VERB_BEFORE.search(_clause_before(q, sentence))
    if before is not None:
        verb = before.group(1).lower()
        return GERUNDS.get(verb, verb)
    among = AMONG_AFTER.match(_clause_after(q, sentence))
    return among.group(1).lower() if among is not None else None


def counted_words(q: Quantity, sentence: Sentence | None = None) -> str | None:
    """The figure's counted words: extraction's ``quantified`` (with the verb of its clause
    where those words name only who was counted: "killed 19 civilians"), else the measure
    named as the subject of a level verb ending at the figure ("the death toll rose to 23")."""
    if q.quantified:
        if _lookup(words_of(q.quantified), THING_WORDS) is None:
            verb = _verb_of(q, sentence)
            if verb is not None:
                return f"{q.quantified} {verb}"
        return q.quantified
    match = SUBJECT_OF_LEVEL.search(_clause_before(q, sentence))
    return match.group(1) if match else None


def unit_family(q: Quantity) -> str | None:
    """The unit family a linked figure has: counts, or money by its currency code."""
    if q.unit == COUNT_UNIT:
        return COUNT_UNIT
    if CURRENCY_CODE.match(q.unit):
        return q.unit
    return None


def nature_of(q: Quantity, thing: str, sentence: Sentence | None = None) -> str:
    """Whether the figure is a rate, a cumulative count (since a date, a total, a toll, a
    level it rose to), a count for one day, or a count over a period."""
    if q.per is not None:
        return RATE
    if thing in CUMULATIVE_THINGS:
        if q.when.kind in CUMULATIVE_KINDS or (q.change is not None and q.change.to_value):
            return CUMULATIVE
        if CUMULATIVE_CUES.search(clause_of(q, sentence)):
            return CUMULATIVE
    return DAILY if q.when.kind == DAY_KIND else PERIOD


def measure_of(q: Quantity, sentence: Sentence | None = None) -> Measure | None:
    """The measure a figure states, or None for a figure not worth linking: a unit other
    than a count or money (ages, years, lengths, percentages without their subject), a
    count of nothing the measure table names, a rate with an unknown period, or money that
    is not a rate (what an amount of money is for lies outside its words).
    ``sentence`` (the figure's sentence) lets cue words outside the figure count."""
    unit = unit_family(q)
    if unit is None or (q.value is None and q.lower is None and q.upper is None):
        return None
    if q.per is not None and q.per not in PERIOD_DAYS:
        return None
    if unit != COUNT_UNIT:
        if q.per is None:
            return None
        return Measure(MONEY, "", unit, RATE)
    words = counted_words(q, sentence)
    found = thing_and_population(words) if words else None
    if found is None:
        return None
    thing, population = found
    return Measure(thing, population, unit, nature_of(q, thing, sentence))


def _starts_with_any(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower().lstrip()
    return any(lowered.startswith(w) for w in words)


def vague_interval(q: Quantity) -> tuple[float, float] | None:
    """The interval of a vague amount from the table, by the figure's words."""
    return VAGUE_INTERVALS.get(" ".join(words_of(q.text)))


def stated_interval(q: Quantity) -> tuple[float, float]:
    """The interval a figure's bound allows, before any rate conversion."""
    v = q.value
    if q.bound == "vague":
        table = vague_interval(q)
        if table is not None:
            return table
    if q.bound == "range" or v is None:
        return (q.lower if q.lower is not None else 0.0, q.upper if q.upper is not None else INF)
    if q.bound == "approx":
        return (v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE))
    if q.bound in ("at_least", "more_than"):
        return (v, INF)
    if q.bound in ("at_most", "less_than"):
        near = _starts_with_any(q.text, NEARLY_WORDS)
        return (v * (1 - NEARLY_TOLERANCE) if near else 0.0, v)
    return (v, v)


def interval_of(q: Quantity) -> tuple[float, float]:
    """The closed interval of values the figure allows, a rate's per day: exact [v, v];
    approximate within ``APPROX_TOLERANCE``; "at least" / "more than" [v, inf); "up to" /
    "less than" [0, v] and "nearly" / "almost" within ``NEARLY_TOLERANCE`` under v; a range
    its ends; a vague amount from ``VAGUE_INTERVALS``."""
    low, high = stated_interval(q)
    if q.per is None or q.per not in PERIOD_DAYS:
        return (low, high)
    shortest, longest = PERIOD_DAYS[q.per]
    return (low / longest, high / shortest)
