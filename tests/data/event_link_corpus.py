"""Short wire documents about invented places (Brevna, Oskel: names the gazetteer lacks, so
events and figures compare by their text), with invented figures, and what linking must
make of their events (issue 20): which mentions are one event across documents (a cluster),
and for pairs of figures the relation linking must give (``consistent``, ``contradiction``,
or None where they must not be compared), each with the case it stands for.

Each document lists the event mentions an extractor should find in it (``EventSpec``: the
trigger's words, unique in the document; the taxonomy code; the modality; the figures of
its dead and injured by their text as the quantity extractor gives them). The store tests
build these events by hand over the extracted quantities until the event extractor lands;
then the same expectations are checked on what it extracts.

A figure is named ``"doc:text"``: the document's name and the figure's text as extraction
gives it (unique within its document)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventSpec:
    trigger: str
    code: str
    modality: str = "asserted"
    fatalities: tuple[str, ...] = ()
    injured: tuple[str, ...] = ()
    cluster: str | None = None  # mentions with one label are one event across documents


@dataclass(frozen=True)
class EventDoc:
    name: str
    published: str
    outlet: str
    text: str
    events: tuple[EventSpec, ...]


STRIKE = "air strike on Brevna, Monday"
SHELLING = "shelling of Brevna, Monday"
SCHOOL = "air strike on Brevna, Tuesday"
OSKEL = "air strike on Oskel, Monday"

DOCS: tuple[EventDoc, ...] = (
    # A: one air strike, three outlets: one event; its dead compared (12 = Twelve, 25 not)
    EventDoc(
        "e1",
        "2026-04-07",
        "Northern Herald",
        "An air strike hit the market in Brevna on Monday, killing 12 people and wounding "
        "30 others, the regional governor said.",
        (
            EventSpec(
                "air strike", "AIR_STRIKE", fatalities=("12",), injured=("30",), cluster=STRIKE
            ),
        ),
    ),
    EventDoc(
        "e2",
        "2026-04-07",
        "Coastal Wire",
        "Twelve people were killed and 30 were wounded when an air strike hit Brevna on "
        "Monday, medics said.",
        (
            EventSpec(
                "air strike", "AIR_STRIKE", fatalities=("Twelve",), injured=("30",), cluster=STRIKE
            ),
        ),
    ),
    EventDoc(
        "e3",
        "2026-04-08",
        "Valley Monitor",
        "An air strike on Brevna on Monday killed 25 people, a rights group said.",
        (EventSpec("air strike", "AIR_STRIKE", fatalities=("25",), cluster=STRIKE),),
    ),
    # B: another event of the same town and day (shelling): its dead never compared with
    # the strike's (without events "Three" and "Twelve" would be a contradiction)
    EventDoc(
        "e4",
        "2026-04-07",
        "Coastal Wire",
        "Three people were killed in Brevna on Monday when shelling hit a bus depot, the "
        "emergency service said.",
        (EventSpec("shelling", "ART_MISS_ATTACK", fatalities=("Three",), cluster=SHELLING),),
    ),
    # C: a denied strike is no event that happened: it joins no cluster
    EventDoc(
        "e5",
        "2026-04-08",
        "Northern Herald",
        "The defence ministry denied carrying out an air strike on Brevna on Monday.",
        (EventSpec("air strike", "AIR_STRIKE", modality="denied"),),
    ),
    # D: an air strike on the same town the next day: another event
    EventDoc(
        "e6",
        "2026-04-08",
        "Valley Monitor",
        "An air strike hit a school in Brevna on Tuesday, killing 4 people, the governor said.",
        (EventSpec("air strike", "AIR_STRIKE", fatalities=("4",), cluster=SCHOOL),),
    ),
    # E: a strike on another town the same Monday: another event, figures not compared
    EventDoc(
        "e7",
        "2026-04-07",
        "Northern Herald",
        "An air strike killed 9 people in Oskel on Monday, local officials said.",
        (EventSpec("air strike", "AIR_STRIKE", fatalities=("9",), cluster=OSKEL),),
    ),
)

# The clusters: label -> the documents whose mention joins it.
CLUSTERS: dict[str, frozenset[str]] = {
    STRIKE: frozenset({"e1", "e2", "e3"}),
    SHELLING: frozenset({"e4"}),
    SCHOOL: frozenset({"e6"}),
    OSKEL: frozenset({"e7"}),
}
# Mentions that join no cluster (document names).
UNCLUSTERED = frozenset({"e5"})

# Pairs of figures and how linking must relate them (None: never compared).
RELATIONS: tuple[tuple[str, str, str | None, str], ...] = (
    ("e1:12", "e2:Twelve", "consistent", "one event's dead in two outlets"),
    ("e1:12", "e3:25", "contradiction", "one event's dead in a third outlet, a day later"),
    ("e2:Twelve", "e3:25", "contradiction", "one event's dead in a third outlet"),
    ("e1:30", "e2:30", "consistent", "one event's wounded"),
    ("e2:Twelve", "e4:Three", None, "two events of one town and day: not compared"),
    ("e1:12", "e4:Three", None, "two events of one town and day: not compared"),
    ("e3:25", "e4:Three", None, "two events of one town and day: not compared"),
    ("e1:12", "e6:4", None, "the next day's strike"),
    ("e1:12", "e7:9", None, "another town's strike"),
)
