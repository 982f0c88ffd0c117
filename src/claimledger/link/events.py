"""Events across documents, and the figures of their dead and wounded.

Event mentions (model.Event) that the text asserts happened, of one type (the taxonomy
code), one place (the GeoNames id where resolved, else the place as written, lower-cased)
and one day (the event's own ``time_start`` day, else its document's date) are one event:
a *cluster*, whose id is a hash of that key, so it is stable as mentions join it and the
same in every ledger. Negated, denied, hypothetical and future events join no cluster, nor
do events whose place or day is unknown.

The figures of a clustered event's dead (``fatalities``) and injured state the measures
"that event's dead" and "that event's wounded": :func:`event_figures` marks them with their
cluster (``Figure.event``), so that link/compare compares figures of one event whatever
their own words say of place and time, and never compares the dead of one event with the
dead of another event of the same place and day (an air strike and a separate shelling of
one town). A figure whose own sentence names no place or day takes its event's. A figure
that counts the dead of events of two clusters at once is left as a plain figure, and so are
the figures of a mention whose trigger is only a casualty word ("were killed", "were
wounded"): it says who died or was hurt, not in what event (its type is read from its
victims, soldiers or civilians), so its figures are compared as the place's and day's.

All are pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from claimledger.link.compare import Figure, normalised_name, place_key
from claimledger.link.measures import (
    COUNT_UNIT,
    POPULATION_WORDS,
    THING_WORDS,
    Measure,
    counted_words,
    find_names,
    interval_of,
    measure_of,
    nature_of,
    unit_family,
    words_of,
)
from claimledger.model import Event, Quantity, Sentence, When, Where, content_id

# The roles of an event's figures, and the counted thing each is a figure of.
FATALITIES = "fatalities"
INJURED = "injured"
ROLE_THING = {FATALITIES: "killed", INJURED: "wounded"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Words of a trigger that only says people died or were hurt.
CASUALTY_WORDS = frozenset(
    {
        w
        for thing in ("killed", "wounded", "casualties")
        for n in THING_WORDS[thing]
        for w in n.split()
    }
    | {"killing", "wounding", "injuring", "injure", "injures", "wound", "dying", "were", "was"}
)

EventKey = tuple[str, str, str]  # code, place key, day


@dataclass(frozen=True)
class EventCluster:
    """One event across documents: its key (``code``, ``place_key``, ``day``) and the
    place as its first mention writes it (``place_text``, and the gazetteer's id and name
    where resolved)."""

    code: str
    place_key: str
    day: str
    place_text: str | None = None
    place_geonames_id: int | None = None
    place_name: str | None = None

    @property
    def id(self) -> str:
        return cluster_id((self.code, self.place_key, self.day))

    def where(self) -> Where:
        """The place as figures of the event take it when their sentence names none."""
        return Where(text=self.place_text, geonames_id=self.place_geonames_id, name=self.place_name)


def cluster_id(key: EventKey) -> str:
    return content_id("event_cluster", *key)


def event_place_key(w: Where) -> str | None:
    """``geonames:ID`` where resolved, else ``name:`` and the place as written, lower-cased
    with its spaces and punctuation collapsed; None where the event has no place."""
    if w.geonames_id is not None:
        return f"geonames:{w.geonames_id}"
    name = normalised_name(w.text) if w.text else ""
    return f"name:{name}" if name else None


def iso_day(value: str | None) -> str | None:
    """The day a value that starts with an ISO date gives ("2026-03-10T08:15:00Z" ->
    "2026-03-10"); None for any other value."""
    return value[:10] if value and _ISO_DAY.match(value) else None


def event_day(e: Event, document_date: str | None) -> str | None:
    """The day an event is clustered by: its own time's start day, else the document's
    date; None where neither is an ISO date."""
    return iso_day(e.when.time_start) or iso_day(document_date)


def cluster_of(e: Event, document_date: str | None) -> EventCluster | None:
    """The cluster an event mention joins, or None: not asserted, or no place or day."""
    if not e.happened:
        return None
    place = event_place_key(e.where)
    day = event_day(e, document_date)
    if place is None or day is None:
        return None
    return EventCluster(e.code, place, day, e.where.text, e.where.geonames_id, e.where.name)


def clusters_of(events: Iterable[Event], document_date: str | None) -> dict[str, EventCluster]:
    """Each clustered event's cluster, by event id."""
    out: dict[str, EventCluster] = {}
    for e in events:
        c = cluster_of(e, document_date)
        if c is not None:
            out[e.id] = c
    return out


def names_its_event(e: Event) -> bool:
    """Whether the trigger names an event ("air strike", "shelling"), not only casualties
    ("were killed", "wounded")."""
    words = words_of(e.text)
    return bool(words) and not all(w in CASUALTY_WORDS for w in words)


def figure_roles(
    events: Iterable[Event], clusters: dict[str, EventCluster]
) -> dict[str, tuple[EventCluster, str]]:
    """For each quantity id that is a clustered event's dead or injured figure: the cluster
    and the role. A figure of events of two clusters (or of both roles), or of a mention
    that names only casualties, is left out."""
    found: dict[str, set[tuple[EventCluster, str]]] = {}
    for e in events:
        cluster = clusters.get(e.id)
        if cluster is None or not names_its_event(e):
            continue
        for role, figures in ((FATALITIES, e.fatalities), (INJURED, e.injured)):
            for f in figures:
                found.setdefault(f.quantity_id, set()).add((cluster, role))
    return {qid: next(iter(pairs)) for qid, pairs in found.items() if len(pairs) == 1}


def with_event_place_and_day(q: Quantity, cluster: EventCluster) -> Quantity:
    """The figure with its event's place where its sentence names none, and its event's
    day where its own time is unresolved (a day, reported on the figure's own date)."""
    where = q.where if place_key(q) is not None else cluster.where()
    when = q.when
    if not (q.when.time_start or q.when.time_end):
        when = When(
            time_start=cluster.day,
            time_end=cluster.day,
            kind="day",
            anchor=q.when.anchor or cluster.day,
            inherited=True,
        )
    return q if (where, when) == (q.where, q.when) else replace(q, where=where, when=when)


def role_measure(q: Quantity, role: str, sentence: Sentence | None = None) -> Measure | None:
    """The measure of an event's figure: what its own words say (link/measures), else the
    dead or the wounded (by its role) of the population its words name, people by default;
    None for a figure that is no count."""
    m = measure_of(q, sentence)
    if m is not None:
        return m
    if unit_family(q) != COUNT_UNIT or q.per is not None:
        return None
    if q.value is None and q.lower is None and q.upper is None:
        return None
    thing = ROLE_THING[role]
    populations = find_names(words_of(counted_words(q, sentence) or ""), POPULATION_WORDS)
    population = populations[0] if populations else "people"
    return Measure(thing, population, COUNT_UNIT, nature_of(q, thing, sentence))


def event_figure(
    q: Quantity, cluster: EventCluster, role: str, sentence: Sentence | None = None
) -> Figure | None:
    """An event's dead or injured figure, ready to compare: with its event's place and day
    where its own are missing, its measure, and its cluster."""
    placed = with_event_place_and_day(q, cluster)
    m = role_measure(placed, role, sentence)
    if m is None:
        return None
    return Figure(placed, m, interval_of(placed), event=cluster.id)


def event_figures(
    figures: Sequence[Figure],
    quantities: Iterable[Quantity],
    sentences: Iterable[Sentence],
    events: Iterable[Event],
    document_date: str | None,
) -> list[Figure]:
    """A document's figures (link/compare.figures_of) with its events' dead and injured
    figures in their place: marked with their cluster, and figures the measure table alone
    would not link (no counted words, no place or day) added; in quantity order."""
    events = list(events)
    roles = figure_roles(events, clusters_of(events, document_date))
    if not roles:
        return list(figures)
    by_index = {(s.doc_id, s.index): s for s in sentences}
    plain = {f.id: f for f in figures}
    out: list[Figure] = []
    for q in quantities:
        if q.id in roles:
            cluster, role = roles[q.id]
            figure = event_figure(q, cluster, role, by_index.get((q.doc_id, q.sentence_index)))
        else:
            figure = plain.get(q.id)
        if figure is not None:
            out.append(figure)
    return out
