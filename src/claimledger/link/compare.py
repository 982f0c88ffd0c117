"""Figures of the same measure found across documents, and how each pair relates.

A figure (a quantity with its measure and interval, see ``measures``) is put in a block by
its measure, population, place and time bucket; candidate pairs come only from inside a
block, or from a block and the block of its population's whole ("civilians" and "people"),
never from all pairs. ``compare`` decides whether two figures of one measure are
``consistent`` (their intervals overlap), an ``update`` (a later figure of a measure that
changes) or a ``contradiction``, with a plain reason; ``group_figures`` gives each block as a
group with its members and the relations among them. All are pure functions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimledger.link.measures import (
    CUMULATIVE,
    CUMULATIVE_KINDS,
    DAILY,
    PART_OF,
    PERIOD,
    RATE,
    Measure,
    interval_of,
    measure_of,
)
from claimledger.model import Quantity, Sentence, content_id

CONSISTENT = "consistent"
UPDATE = "update"
CONTRADICTION = "contradiction"
# Two interval ends this close (relative to the larger) count as touching: rate conversions
# divide, and a float quotient must not turn "equal" into "disjoint".
RELATIVE_EPSILON = 1e-9
# The time bucket of a cumulative count whose start is not stated (a toll, "so far").
UNKNOWN_START = "?"

PlaceKey = tuple[str, str]
BlockKey = tuple[str, str, str, str, PlaceKey, str]


@dataclass(frozen=True)
class Figure:
    """A quantity ready to compare: its measure and the interval of values it allows, and,
    for a dead or injured figure of an event linked across documents (link/events), that
    event's cluster id: figures of two different events are never compared, figures of one
    event always are (its place and day are theirs)."""

    quantity: Quantity
    measure: Measure
    interval: tuple[float, float]
    event: str | None = None

    @property
    def id(self) -> str:
        return self.quantity.id


@dataclass(frozen=True)
class Relation:
    """How two figures of one measure relate: ``kind`` (consistent, update, contradiction)
    and a plain ``reason``. In an update ``a`` is the earlier figure."""

    kind: str
    a: Quantity
    b: Quantity
    measure: Measure
    reason: str

    @property
    def id(self) -> str:
        return content_id("relation", self.kind, self.a.id, self.b.id)


@dataclass(frozen=True)
class FigureGroup:
    """The figures of one measure, place and time bucket, and the relations among them
    (``relations``) and with figures of the population they are part of (``across``, as
    civilians to people). ``id`` is a hash of the members' ids, stable across runs."""

    id: str
    key: BlockKey
    measure: Measure
    members: tuple[Quantity, ...]
    relations: tuple[Relation, ...]
    across: tuple[Relation, ...] = ()


def figure_of(q: Quantity, sentence: Sentence | None = None) -> Figure | None:
    """The figure of a quantity, or None where it states no measure worth linking."""
    m = measure_of(q, sentence)
    return None if m is None else Figure(q, m, interval_of(q))


def as_figure(x: Figure | Quantity) -> Figure | None:
    """A figure as given, or a quantity's figure read without its sentence."""
    return x if isinstance(x, Figure) else figure_of(x)


def normalised_name(text: str) -> str:
    """A place name folded for comparison: lowercased, spaces and punctuation collapsed."""
    return " ".join(re.findall(r"\w+", text.lower()))


def place_key(q: Quantity) -> PlaceKey | None:
    """The place a figure is about, as a block key: its GeoNames id where resolved, else
    its name as written, folded; None where it has no place (such a figure is not linked,
    as nothing tells it apart from another story's)."""
    w = q.where
    if w.geonames_id is not None:
        return ("geonames", str(w.geonames_id))
    name = w.name or w.text
    return ("name", normalised_name(name)) if name else None


def same_place(a: Quantity, b: Quantity) -> bool:
    """Two figures are about one place: the same GeoNames id where both have one, else the
    same folded name (the gazetteer's where known, else as written)."""
    if a.where.geonames_id is not None and b.where.geonames_id is not None:
        return a.where.geonames_id == b.where.geonames_id
    names_a = {normalised_name(n) for n in (a.where.name, a.where.text) if n}
    names_b = {normalised_name(n) for n in (b.where.name, b.where.text) if n}
    return bool(names_a & names_b)


def time_bucket(q: Quantity, m: Measure) -> str | None:
    """The time a figure is compared within: its day (daily), its period (period), the
    start it counts from (cumulative: later dates of one start are compared), or one bucket
    for a rate (it is compared across dates); None where a needed date is unresolved."""
    w = q.when
    if m.nature == DAILY:
        return w.time_start
    if m.nature == PERIOD:
        return f"{w.time_start}/{w.time_end}" if w.time_start and w.time_end else None
    if m.nature == CUMULATIVE:
        start = w.time_start if w.kind == "since" and w.time_start else UNKNOWN_START
        return f"since {start}"
    return RATE


def blocking_key(q: Quantity, m: Measure) -> BlockKey | None:
    """The block a figure is compared within: (counted thing, population, unit family,
    nature, place, time bucket); None where the place or the time is unknown."""
    place = place_key(q)
    bucket = time_bucket(q, m)
    if place is None or bucket is None:
        return None
    return (m.thing, m.population, m.unit, m.nature, place, bucket)


def wider_keys(key: BlockKey) -> list[BlockKey]:
    """The keys of the same block for each population the key's population is part of."""
    out: list[BlockKey] = []
    population = PART_OF.get(key[1])
    while population is not None:
        out.append((key[0], population, *key[2:]))
        population = PART_OF.get(population)
    return out


def figures_of(quantities: Iterable[Quantity], sentences: Iterable[Sentence] = ()) -> list[Figure]:
    """The figures of quantities, each read with its sentence where given."""
    by_index = {(s.doc_id, s.index): s for s in sentences}
    out = []
    for q in quantities:
        figure = figure_of(q, by_index.get((q.doc_id, q.sentence_index)))
        if figure is not None:
            out.append(figure)
    return out


def blocks_of(figures: Iterable[Figure]) -> dict[BlockKey, list[Figure]]:
    """Figures by their blocking key, each block in id order; unkeyed figures left out."""
    blocks: dict[BlockKey, list[Figure]] = defaultdict(list)
    for f in figures:
        key = blocking_key(f.quantity, f.measure)
        if key is not None:
            blocks[key].append(f)
    return {k: sorted(v, key=lambda f: f.id) for k, v in sorted(blocks.items(), key=str)}


def _pairs_within(block: list[Figure]) -> Iterator[tuple[Figure, Figure]]:
    for i, a in enumerate(block):
        for b in block[i + 1 :]:
            yield a, b


def _pairs_across(
    block: list[Figure], key: BlockKey, blocks: dict[BlockKey, list[Figure]]
) -> Iterator[tuple[Figure, Figure]]:
    for wider in wider_keys(key):
        for a in block:
            for b in blocks.get(wider, ()):
                yield a, b


def candidate_pairs(
    quantities: Iterable[Quantity], sentences: Iterable[Sentence] = ()
) -> Iterator[tuple[Figure, Figure]]:
    """The pairs of figures worth comparing: within a block, and between a block and the
    blocks of the wider populations of its own (children and people); never all pairs."""
    blocks = blocks_of(figures_of(quantities, sentences))
    for key, block in blocks.items():
        yield from _pairs_within(block)
        yield from _pairs_across(block, key, blocks)


def _ancestors(population: str) -> list[str]:
    out = []
    while population in PART_OF:
        population = PART_OF[population]
        out.append(population)
    return out


def same_measure(a: Measure, b: Measure) -> bool:
    """One measure up to the population: the same thing, unit family and nature, and one
    population equal to the other or a part of it."""
    if (a.thing, a.unit, a.nature) != (b.thing, b.unit, b.nature):
        return False
    return (
        a.population == b.population
        or a.population in _ancestors(b.population)
        or b.population in _ancestors(a.population)
    )


def same_time(a: Quantity, b: Quantity, m: Measure) -> bool:
    """Two figures of one measure are about one time: the same day (daily), the same period
    (period), or the same date counted from the same start (cumulative); rates compare
    across dates, as a rate may change over time."""
    if m.nature == RATE:
        return True
    if m.nature == CUMULATIVE:
        return time_bucket(a, m) == time_bucket(b, m)
    return (a.when.time_start, a.when.time_end) == (b.when.time_start, b.when.time_end)


def as_of(q: Quantity) -> str:
    """The date a figure states its value for: the end of a "since" or "until" span, else
    the start of its time, else the document's date ('' where none is known)."""
    w = q.when
    if w.kind in CUMULATIVE_KINDS and w.time_end:
        return w.time_end
    return w.time_start or w.anchor or ""


def order_key(q: Quantity) -> tuple[str, str]:
    """When a figure stands in a series: its as-of date, then the date it was reported."""
    return (as_of(q), q.when.anchor or "")


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two closed intervals share a value (ends within ``RELATIVE_EPSILON`` touch)."""
    slack = RELATIVE_EPSILON * max(1.0, *(abs(x) for x in (*a, *b) if x != float("inf")))
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def grows(q: Quantity) -> bool:
    """The figure says its measure went up ("rose to 23")."""
    return q.change is not None and q.change.direction == "up"


def _time_words(m: Measure) -> str:
    return {DAILY: "day", PERIOD: "period", CUMULATIVE: "date", RATE: "date"}[m.nature]


def _series(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """The two figures earlier first by their order key; in the order given where equal."""
    return (b, a) if order_key(b.quantity) < order_key(a.quantity) else (a, b)


def _part_and_whole(a: Figure, b: Figure, m: Measure) -> Relation | None:
    """A part (civilians) against its whole (people) at one time: consistent unless the
    part's least value exceeds the whole's greatest."""
    part, whole = (a, b) if b.measure.population in _ancestors(a.measure.population) else (b, a)
    if order_key(part.quantity) != order_key(whole.quantity) and m.nature in (CUMULATIVE, RATE):
        return None  # a part at one date against its whole at another says nothing
    where = f"for the same place and {_time_words(m)}"
    p, w = part.quantity, whole.quantity
    if part.interval[0] > whole.interval[1] * (1 + RELATIVE_EPSILON):
        reason = (
            f"{p.text} {part.measure.population} exceed {w.text} {whole.measure.population} "
            f"{where}, of whom they are a part"
        )
        return Relation(CONTRADICTION, p, w, m, reason)
    reason = (
        f"{p.text} {part.measure.population} within {w.text} {whole.measure.population} {where}"
    )
    return Relation(CONSISTENT, p, w, m, reason)


def _same_time_relation(a: Figure, b: Figure, m: Measure) -> Relation:
    """Two figures of one measure, place and time: consistent where they overlap; where not,
    an update if the later report says the count rose to a higher value, else a
    contradiction."""
    first, later = _series(a, b)
    q1, q2 = first.quantity, later.quantity
    where = f"for the same place and {_time_words(m)}"
    if overlap(a.interval, b.interval):
        return Relation(CONSISTENT, q1, q2, m, f"{q1.text} and {q2.text} agree {where}")
    reported_later = (q2.when.anchor or "") > (q1.when.anchor or "")
    if reported_later and grows(q2) and later.interval[0] > first.interval[1]:
        reason = (
            f"count rose from {q1.text} reported on {q1.when.anchor} to {q2.text} reported "
            f"on {q2.when.anchor} {where}"
        )
        return Relation(UPDATE, q1, q2, m, reason)
    return Relation(CONTRADICTION, q1, q2, m, f"{q1.text} vs {q2.text} {where}")


def _series_relation(a: Figure, b: Figure, m: Measure) -> Relation:
    """Two figures of a measure that changes, at two dates: consistent where they overlap;
    a cumulative count that rises, or a rate that moves, is an update; a cumulative count
    that falls is a contradiction."""
    first, later = _series(a, b)
    q1, q2 = first.quantity, later.quantity
    d1, d2 = as_of(q1), as_of(q2)
    if overlap(first.interval, later.interval):
        reason = f"{q1.text} on {d1} and {q2.text} on {d2} agree"
        return Relation(CONSISTENT, q1, q2, m, reason)
    rose = later.interval[0] > first.interval[1]
    what = "cumulative count" if m.nature == CUMULATIVE else "rate"
    moved = "rose" if rose else "fell"
    reason = f"{what} {moved} from {q1.text} on {d1} to {q2.text} on {d2}"
    if m.nature == CUMULATIVE and not rose:
        return Relation(CONTRADICTION, q1, q2, m, reason)
    return Relation(UPDATE, q1, q2, m, reason)


def compare(a: Figure | Quantity, b: Figure | Quantity) -> Relation | None:
    """How two figures relate, or None where they are not figures of one measure: another
    place, another day of a daily measure, another period, another counted thing or
    population, another unit, a rate against a total, a cumulative count from another
    start, or the dead of two different events (``Figure.event``). A quantity is read as a
    figure without its sentence; pass ``Figure``s (see ``figures_of``) to let sentence cues
    count. Two figures of one event are of one place and time, whatever their own words."""
    fa, fb = as_figure(a), as_figure(b)
    if fa is None or fb is None or fa.id == fb.id:
        return None
    if fa.event is not None and fb.event is not None and fa.event != fb.event:
        return None  # the dead of an air strike and of a shelling the same day and town
    if not same_measure(fa.measure, fb.measure):
        return None
    qa, qb = fa.quantity, fb.quantity
    m = fa.measure if fa.measure.population in _ancestors(fb.measure.population) else fb.measure
    one_event = fa.event is not None and fa.event == fb.event
    if not one_event and (not same_place(qa, qb) or not same_time(qa, qb, m)):
        return None
    if fa.measure.population != fb.measure.population:
        return _part_and_whole(fa, fb, m)
    if m.nature in (DAILY, PERIOD) or order_key(qa) == order_key(qb):
        return _same_time_relation(fa, fb, m)
    return _series_relation(fa, fb, m)


def relations_of(pairs: Iterable[tuple[Figure, Figure]]) -> list[Relation]:
    """The relations of candidate pairs, pairs that are not one measure left out."""
    return [r for r in (compare(a, b) for a, b in pairs) if r is not None]


def group_figures(
    quantities: Iterable[Quantity], sentences: Iterable[Sentence] = ()
) -> list[FigureGroup]:
    """The figures of quantities grouped by measure, place and time bucket (a figure stated
    once is a group of one), each with the relations among its members and with the
    figures of the wider population; groups in id order."""
    blocks = blocks_of(figures_of(quantities, sentences))
    groups = []
    for key, block in blocks.items():
        members = tuple(f.quantity for f in block)
        groups.append(
            FigureGroup(
                id=content_id("figure_group", *sorted(q.id for q in members)),
                key=key,
                measure=block[0].measure,
                members=members,
                relations=tuple(relations_of(_pairs_within(block))),
                across=tuple(relations_of(_pairs_across(block, key, blocks))),
            )
        )
    return sorted(groups, key=lambda g: g.id)
