"""Plain dataclasses that flow between the stages.

Every span carries ``start``/``end`` character offsets into its document's text and
``text``, and ``document.text[start:end] == text`` holds for all of them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id from content: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    text: str
    source: str
    record: int | None = None  # 1-based record or line number inside a corpus file / --lines
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    media_type: str = "text/plain"

    @property
    def id(self) -> str:
        # The text alone decides identity: the same article ingested twice, from
        # two paths or two runs, is one document.
        return content_id("doc", self.text)

    def metadata(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "outlet": self.outlet,
            "author": self.author,
        }


@dataclass(frozen=True)
class Rejection:
    input: str
    stage: str  # read | decode | parse | validate | extract
    reason: str

    @property
    def id(self) -> str:
        return content_id("rejection", self.input, self.stage, self.reason)


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return content_id("sentence", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Change:
    direction: str  # up | down
    from_value: float | None
    to_value: float | None
    by_value: float | None = None


@dataclass(frozen=True)
class When:
    """The time a figure or claim is about: a time expression of its sentence, or one
    inherited (``inherited``) from an earlier sentence of its paragraph or, failing that, the
    document's date as a day (then ``text``, ``start`` and ``end`` are None). ``text`` is
    ``document_text[start:end]`` where stated; dates are ISO, None where unresolved or open."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    time_start: str | None = None
    time_end: str | None = None
    kind: str | None = None  # day | period | since | until | approximate (extract/times)
    anchor: str | None = None  # the date it was resolved against
    inherited: bool = False

    def fields(self) -> dict[str, Any]:
        """The time fields as records and the ledger's columns name them."""
        return {
            "time_text": self.text,
            "time_text_start": self.start,
            "time_text_end": self.end,
            "time_start": self.time_start,
            "time_end": self.time_end,
            "time_kind": self.kind,
            "time_anchor": self.anchor,
            "time_inherited": self.inherited,
        }


NO_TIME = When()


@dataclass(frozen=True)
class Where:
    """The place a figure or claim is about: a toponym of its sentence (the one nearest the
    figure or the main verb, a place named after "in", "at", "near" first), or one inherited
    (``inherited``) from an earlier sentence of its paragraph or the document's dateline.
    ``text`` is ``document_text[start:end]``; ``geonames_id`` is None for a name the
    gazetteer lacks (the text is kept). See extract/places."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    geonames_id: int | None = None
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    confidence: float = 0.0
    inherited: bool = False

    def fields(self) -> dict[str, Any]:
        """The place as the ledger's columns name it (``place_text``, ``place_geonames_id``...)."""
        return {f"place_{k}": getattr(self, k) for k in _WHERE_KEYS}

    def record(self) -> dict[str, Any] | None:
        """The place as records give it: one object, or None where none is known."""
        return None if self.text is None else {k: getattr(self, k) for k in _WHERE_KEYS}

    @staticmethod
    def record_keys() -> tuple[str, ...]:
        return _WHERE_KEYS


_WHERE_KEYS = (
    *("text", "start", "end", "geonames_id", "name", "country_code", "admin1", "lat", "lon"),
    *("feature_class", "confidence", "inherited"),
)
NO_PLACE = Where()


@dataclass(frozen=True)
class PlaceMention:
    """A toponym as a record (``extract --what places``): its text and offsets and the
    gazetteer entry it was resolved to (null id and coordinates where unresolved)."""

    doc_id: str
    start: int
    end: int
    text: str
    geonames_id: int | None
    name: str | None
    country_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_class: str | None
    confidence: float
    sentence_index: int = -1

    @property
    def id(self) -> str:
        return content_id("place", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Time:
    """A time expression as a record (``extract --what times``); see extract/times."""

    doc_id: str
    start: int
    end: int
    text: str
    time_start: str | None
    time_end: str | None
    time_kind: str
    time_anchor: str | None
    rule: str = ""
    sentence_index: int = -1

    @property
    def id(self) -> str:
        return content_id("time", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Quantity:
    doc_id: str
    start: int
    end: int
    text: str
    value: float | None
    lower: float | None
    upper: float | None
    unit: str
    bound: str  # exact | approx | at_least | more_than | at_most | less_than | range | vague
    per: str | None = None
    change: Change | None = None
    quantified: str | None = None
    sentence_index: int = -1
    rule: str = ""  # the named rule that produced it (see extract/quantities)
    when: When = NO_TIME
    where: Where = NO_PLACE

    @property
    def id(self) -> str:
        return content_id("quantity", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Attribution:
    doc_id: str
    start: int
    end: int
    text: str
    attributed_to: str | None
    attributed_to_canonical: str | None
    source_kind: str  # person | organization | outlet | document | unnamed | other
    cue: str | None
    content: str | None
    source_start: int | None
    source_end: int | None
    cue_start: int | None
    cue_end: int | None
    content_start: int | None
    content_end: int | None
    direct: bool
    sentence_index: int = -1
    parent_start: int | None = None  # offsets of an enclosing attribution's cue, when nested
    source_role: str | None = None  # "Defence Minister", as the document gives it
    source_affiliation: str | None = None  # "Ukraine": the country or body the source speaks for
    rule: str = ""  # the named rule that produced it (see extract/attributions)
    source_actor_id: str | None = None  # the actor the source is (see link/actors)

    @property
    def id(self) -> str:
        return content_id("attribution", self.doc_id, self.start, self.end, self.cue_start)


@dataclass(frozen=True)
class Entity:
    doc_id: str
    start: int
    end: int
    text: str
    label: str
    canonical: str
    sentence_index: int = -1
    actor_id: str | None = None  # the actor it names (see link/actors)

    @property
    def id(self) -> str:
        return content_id("entity", self.doc_id, self.start, self.end, self.label)


@dataclass(frozen=True)
class Claim:
    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    score: float
    label: str  # claim | not_claim
    types: tuple[str, ...]
    quantity_ids: tuple[str, ...] = ()
    attribution_ids: tuple[str, ...] = ()
    when: When = NO_TIME
    where: Where = NO_PLACE
    event_ids: tuple[str, ...] = ()  # the event mentions of its sentence (extract/events)

    @property
    def id(self) -> str:
        return content_id("claim", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class EventArg:
    """An event's actor or target as the sentence writes it (``text`` is
    ``document_text[start:end]``), and the actor it names where known (see link/actors)."""

    text: str
    start: int
    end: int
    actor_id: str | None = None


@dataclass(frozen=True)
class EventFigure:
    """A figure of an event's dead or injured: the quantity record that states it, by id,
    with its words, offsets and bounds as extraction gave them."""

    quantity_id: str
    text: str
    start: int
    end: int
    value: float | None
    lower: float | None
    upper: float | None
    bound: str


@dataclass(frozen=True)
class EventSource:
    """Who an event is reported by: the attribution whose content holds its trigger."""

    attribution_id: str
    text: str | None  # the source as written ("the army")
    canonical: str | None
    source_kind: str
    actor_id: str | None = None


@dataclass(frozen=True)
class Event:
    """An event mention (``extract --what events``): its trigger (``start``, ``end``,
    ``text``), its type (a code of extract/events/taxonomy: ACLED sub-event type, event type
    and PLOVER equivalent), who did it to whom, where and when, its dead and injured as the
    quantity records that state them, the source it is reported by, and its modality:
    ``asserted`` (it happened, as the text says), ``negated`` ("no strike was carried out"),
    ``denied`` ("denied carrying out the strike"), ``hypothetical`` ("could attack", "if they
    attack"), ``future`` ("will strike", "threatened to strike"). Only asserted events count
    as having happened."""

    doc_id: str
    start: int
    end: int
    text: str
    code: str  # taxonomy code: AIR_STRIKE
    confidence: float  # the type's probability (1.0 for a trigger of one type only)
    modality: str = "asserted"  # asserted | negated | denied | hypothetical | future
    modality_cue: str | None = None  # the words that set it ("denied", "threatened to")
    actor: EventArg | None = None
    target: EventArg | None = None
    fatalities: tuple[EventFigure, ...] = ()
    injured: tuple[EventFigure, ...] = ()
    attributed_to: EventSource | None = None
    sentence_index: int = -1
    when: When = NO_TIME
    where: Where = NO_PLACE

    @property
    def id(self) -> str:
        return content_id("event", self.doc_id, self.start, self.end)

    @property
    def happened(self) -> bool:
        """Whether the text asserts the event took place (never for denied or future ones)."""
        return self.modality == "asserted"


@dataclass
class Extraction:
    """Everything extracted from one document; a pure function of its text and metadata."""

    document: Document
    # the document's date (ISO) that relative times were resolved against, and where it came
    # from: "published" (metadata), "dateline", "unparseable" (a published value that is no
    # date, and no dateline), or None (neither given)
    date: str | None = None
    date_from: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # per sentence, the check-worthiness signals (not stored; training reads them)
    signals: list[dict[str, float]] = field(default_factory=list)
    # the items of components added to the table since, by component name
    items: dict[str, list[Any]] = field(default_factory=dict)
