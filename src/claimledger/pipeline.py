"""Per-document extraction: the component table, and ``extract_document``, which runs it.

Each extractor is a row of ``COMPONENTS`` (in the spirit of spaCy's
``Language.component(requires=..., assigns=...)``): its name (the ``Extraction`` field it
fills), the components whose output it reads, the function that runs it on one sentence, the
record kind it yields, what it does once the whole document is read, and the spaCy pipes it
needs. ``extract_document`` runs the rows in order, each sentence at a time; the kinds that
``extract`` and ``export`` accept are derived from the table (``RECORD_KINDS``), never listed
again. ``extract_document`` is a pure function of a document's text and metadata, and tells
an optional callback how many characters are done after each chunk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from claimledger.extract import attributions as attr_mod
from claimledger.extract import checkworthy
from claimledger.extract.entities import PersonRegistry, extract_entities
from claimledger.extract.events import anaphora, classify
from claimledger.extract.events.sentence import sentence_events
from claimledger.extract.places.attach import PlaceBook, attach_places
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.times.attach import Timeline
from claimledger.extract.times.document import document_date
from claimledger.link.actors.mentions import context_of, link_actors
from claimledger.link.actors.resolve import resolve_actor
from claimledger.link.measures import thing_and_population
from claimledger.model import (
    Attribution,
    Claim,
    Document,
    Entity,
    Event,
    EventArg,
    Extraction,
    PlaceMention,
    Quantity,
    Sentence,
    Time,
)
from claimledger.nlp.batch import parse_batched
from claimledger.nlp.parsed import sentences
from claimledger.nlp.segment import Chunk, trim_span
from claimledger.settings import Settings

_SPACE = re.compile(r"\s*")
_FULL_PIPELINE = ("ner", "attribute_ruler", "lemmatizer")  # beyond the tagger and parser


@dataclass
class Step:
    """One sentence on its way through the components: where it is, the document-wide
    state the extractors share, and what each component found in it (by name)."""

    document: Document
    chunk: Chunk
    sent: Any  # the spaCy sentence, offsets into the chunk
    sentence: Sentence
    people: PersonRegistry
    settings: Settings
    quotes_of_chunk: Callable[[], Any]
    timeline: Timeline
    places: PlaceBook
    found: dict[str, Any] = field(default_factory=dict)

    @property
    def base(self) -> int:
        return self.chunk.start

    @property
    def quotes(self) -> Any:
        return self.quotes_of_chunk()  # computed once per chunk (see _lazy)


@dataclass(frozen=True)
class Component:
    """One extractor in the table. ``run(step)`` returns what it found in one sentence: a
    list of items (added to ``Extraction.<name>``) or one item (appended), or None for a
    component whose work is only shared state. ``finish(extraction)`` runs once after the
    last sentence. ``record`` names the record kind its items become (None: internal)."""

    name: str
    requires: tuple[str, ...]
    run: Callable[[Step], Any]
    record: str | None = None
    finish: Callable[[Extraction], None] | None = None
    spacy: tuple[str, ...] = ()  # spaCy pipes it reads beyond the tagger and parser
    item: type | None = None  # the dataclass of its items, when they become records


def _people(step: Step) -> list[Entity]:
    """Named entities, resolving people against the document's registry as they come, so
    that attributions later in the sentence can find a short name's full one."""
    return extract_entities(
        step.sent, step.document.id, step.base, step.sentence.index, step.people
    )


def _entities(step: Step) -> list[Entity]:
    return list(step.found["people"])


def _times(step: Step) -> list[Time]:
    return step.timeline.sentence_times(step.sentence, step.sent)


def _places(step: Step) -> list[PlaceMention]:
    return step.places.sentence_toponyms(step.sentence, step.sent, step.base)


def _quantities(step: Step) -> list[Any]:
    found = extract_quantities(
        step.sent, step.document.id, step.base + step.sent.start_char, step.sentence.index
    )
    s = step.sentence
    return [
        replace(
            q,
            when=step.timeline.nearest(s, q.start, q.end),
            where=step.places.nearest(s, q.start, q.end),
        )
        for q in found
    ]


def _attributions(step: Step) -> list[Any]:
    return attr_mod.extract_attributions(
        step.sent, step.document.id, step.base, step.sentence.index, step.people, step.quotes
    )


def _signals(step: Step) -> dict[str, float]:
    text = step.chunk.text[step.sent.start_char : step.sent.end_char]
    return checkworthy.signals(
        step.sent, step.found["quantities"], step.found["attributions"], text
    )


def _claims(step: Step) -> Claim:
    claim = _claim(
        step.sentence,
        step.found["signals"],
        step.found["quantities"],
        step.found["attributions"],
        step.settings,
    )
    verb = step.base + step.sent.root.idx  # the time and place nearest the main verb
    s = step.sentence
    return replace(
        claim, when=step.timeline.nearest(s, verb, verb), where=step.places.nearest(s, verb, verb)
    )


def _link_nested(ex: Extraction) -> None:
    ex.attributions = attr_mod.link_nested(ex.attributions)
    link_actors(ex)  # entities (extracted after) do it again with their mentions too


def _link_covering_attributions(ex: Extraction) -> None:
    """A claim inside a quote that spans sentences is also tied to the attribution covering
    it: most of the claim's characters lie in that attribution's content. Only contents that
    leave their own sentence can cover another one, so only those are checked."""
    spanning = [
        a
        for a in ex.attributions
        if a.content_start is not None
        and a.content_end is not None
        and (
            a.content_start < ex.sentences[a.sentence_index].start
            or a.content_end > ex.sentences[a.sentence_index].end
        )
    ]
    for a in spanning:
        assert a.content_start is not None and a.content_end is not None
        for i, claim in enumerate(ex.claims):
            if claim.end <= a.content_start or claim.start >= a.content_end:
                continue
            overlap = min(claim.end, a.content_end) - max(claim.start, a.content_start)
            if a.id not in claim.attribution_ids and overlap >= 0.8 * (claim.end - claim.start):
                ex.claims[i] = replace(claim, attribution_ids=(*claim.attribution_ids, a.id))


def _events(step: Step) -> list[Event]:
    s = step.sentence
    return sentence_events(
        step.sent,
        step.base,
        s,
        step.found["quantities"],
        step.found["attributions"],
        place_of=partial(step.places.nearest, s),
        time_of=partial(step.timeline.nearest, s),
        thing_of=_casualty,
        # only for ambiguous triggers
        scores=_lazy(lambda: classify.type_scores(s.text, step.settings.event_model)),
    )


def _casualty(words: str) -> str | None:
    """The counted thing the measure table reads in a figure's words ("killed", ...)."""
    found = thing_and_population(words)
    return found[0] if found is not None else None


def _link_events(ex: Extraction) -> None:
    """Once the document is read: a definite noun trigger that refers back to an earlier
    event takes its type (``extract/events/anaphora.py``); each event's actor and target get
    the actor id of the named entity they hold (else of a name the actor table knows, "the
    army" read in the light of the document's countries), its source the actor id its
    attribution has; each claim lists the events of its sentence. (Places are filled by
    ``attach_places``.)"""
    events: list[Event] = ex.items.get("events", [])
    if not events:
        return
    events = anaphora.resolve(events, ex.sentences)
    context = context_of(getattr(p, "country_code", None) for p in ex.items.get("places", []))
    sources = {a.id: a for a in ex.attributions}

    def actor(arg: EventArg | None) -> EventArg | None:
        if arg is None:
            return None
        inside = [
            e.actor_id
            for e in ex.entities
            if e.actor_id and arg.start <= e.start and e.end <= arg.end and e.label != "DATE"
        ]
        if inside:
            return replace(arg, actor_id=inside[0])
        found = resolve_actor(arg.text, context)
        return replace(arg, actor_id=found.id if found is not None else None)

    linked = []
    for ev in events:
        src = ev.attributed_to
        a = sources.get(src.attribution_id) if src is not None else None
        if src is not None and a is not None:
            src = replace(src, canonical=a.attributed_to_canonical, actor_id=a.source_actor_id)
        linked.append(
            replace(ev, actor=actor(ev.actor), target=actor(ev.target), attributed_to=src)
        )
    ex.items["events"] = linked
    by_sentence: dict[int, list[str]] = {}
    for ev in linked:
        by_sentence.setdefault(ev.sentence_index, []).append(ev.id)
    ex.claims = [
        replace(c, event_ids=tuple(by_sentence.get(c.sentence_index, ()))) for c in ex.claims
    ]


# The table, in the order the components run; each one's needs come earlier.
COMPONENTS: tuple[Component, ...] = (
    Component("people", (), _people, spacy=_FULL_PIPELINE),
    Component("times", (), _times, record="time", item=Time),
    Component(
        "places",
        (),
        _places,
        record="place",
        finish=attach_places,
        spacy=("ner",),
        item=PlaceMention,
    ),
    Component("quantities", ("times", "places"), _quantities, record="quantity", item=Quantity),
    Component(
        "attributions",
        ("people",),
        _attributions,
        record="attribution",
        finish=_link_nested,
        spacy=_FULL_PIPELINE,
        item=Attribution,
    ),
    Component("signals", ("quantities", "attributions"), _signals, spacy=_FULL_PIPELINE),
    Component(
        "claims",
        ("signals", "places"),
        _claims,
        record="claim",
        finish=_link_covering_attributions,
        spacy=_FULL_PIPELINE,
        item=Claim,
    ),
    Component(
        "entities",
        ("people", "attributions"),  # a person's affiliation, for its actor id, comes from them
        _entities,
        record="entity",
        finish=link_actors,
        spacy=_FULL_PIPELINE,
        item=Entity,
    ),
    Component(
        "events",
        # actor ids of their actors and targets come from the entities' ids
        ("quantities", "attributions", "entities"),
        _events,
        record="event",
        finish=_link_events,
        spacy=_FULL_PIPELINE,
        item=Event,
    ),
)
BY_NAME = {c.name: c for c in COMPONENTS}
# The components that yield records, as ``extract --what`` names them, in table order.
RECORD_KINDS: tuple[str, ...] = tuple(c.name for c in COMPONENTS if c.record is not None)
ALL_KINDS = frozenset(RECORD_KINDS)


def extraction_settings(settings: Settings) -> dict[str, Any]:
    """The settings that change what extraction produces (recorded in the ledger's runs)."""
    return {
        "claim_threshold": settings.claim_threshold,
        "english_only": settings.english_only,
        "checkworthy_model": checkworthy.load_model().digest[:16],
        "event_model": classify.load_model(settings.event_model).digest[:16],
        # the shape of what is stored: 2 added each record's rule, 3 times (and the
        # document's date), 4 places, 5 events (and claims' event ids), so documents stored
        # before are extracted again on the next ingest
        "records": 5,
    }


def needed(kinds: Iterable[str]) -> list[Component]:
    """The components that ``kinds`` need, themselves included, in table order."""
    wanted: set[str] = set()
    todo = list(kinds)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo.extend(BY_NAME[name].requires)
    return [c for c in COMPONENTS if c.name in wanted]


def spacy_disabled(kinds: Iterable[str]) -> list[str]:
    """The optional spaCy pipes none of the needed components reads."""
    used = {pipe for c in needed(kinds) for pipe in c.spacy}
    return [pipe for pipe in _FULL_PIPELINE if pipe not in used]


def parse(
    documents: Sequence[Document], settings: Settings, kinds: frozenset[str] = ALL_KINDS
) -> Iterator[tuple[Document, Iterator[tuple[Chunk, Any]]]]:
    """Each document with a stream of its parsed chunks, parsed with only the spaCy pipes
    the ``kinds`` need (quantities alone read only tags and the parse)."""
    return parse_batched(documents, settings.batch_size, spacy_disabled(kinds))


def extract_document(
    document: Document,
    parsed: Iterable[tuple[Chunk, Any]],
    settings: Settings,
    kinds: frozenset[str] = ALL_KINDS,
    on_chars: Callable[[int], None] | None = None,
) -> Extraction:
    """What claimledger extracts from one parsed document: the components the ``kinds`` need,
    run in table order on each sentence, then each one's ``finish`` on the whole document.

    ``on_chars(done)``, when given, is called after each chunk with the characters of the
    document done so far (up to the next chunk, or all of them after the last); it sees the
    work, and changes nothing in what is extracted."""
    components = needed(kinds)
    day, date_from = document_date(document.text, document.published)
    ex = Extraction(document=document, date=day.isoformat() if day else None, date_from=date_from)
    people = PersonRegistry(document.outlet, document.author)
    timeline = Timeline(document.id, day)
    places = PlaceBook(document.id, document.text)
    index = 0
    for chunk, sdoc in parsed:
        chunk_text = chunk.text  # == sdoc.text, which spaCy would rebuild on every access
        quotes = _lazy(partial(attr_mod.quote_spans, chunk_text, 0, len(chunk_text)))
        for sent in sentences(sdoc):
            s_start, s_end = trim_span(chunk_text, sent.start_char, sent.end_char)
            if s_end <= s_start:
                continue
            start, end = chunk.start + s_start, chunk.start + s_end
            sentence = Sentence(
                document.id, index, chunk.paragraph, start, end, document.text[start:end]
            )
            ex.sentences.append(sentence)
            step = Step(document, chunk, sent, sentence, people, settings, quotes, timeline, places)
            for component in components:
                found = component.run(step)
                step.found[component.name] = found
                _assign(ex, component, found)
            index += 1
        if on_chars is not None:
            on_chars(_past_space(document.text, chunk.start + len(chunk_text)))
    for component in components:
        if component.finish is not None:
            component.finish(ex)
    return ex


def _lazy(make: Callable[[], Any]) -> Callable[[], Any]:
    """``make()`` computed on the first call only (a chunk's quotes, for every sentence)."""
    cache: list[Any] = []

    def get() -> Any:
        if not cache:
            cache.append(make())
        return cache[0]

    return get


def items_of(ex: Extraction, name: str) -> list[Any]:
    """The items of component ``name`` in an extraction: its own field, or ``items``."""
    own = getattr(ex, name, None)
    return own if isinstance(own, list) else ex.items.get(name, [])


def _assign(ex: Extraction, component: Component, found: Any) -> None:
    if found is None or (component.record is None and not hasattr(ex, component.name)):
        return  # shared state only (people)
    own = getattr(ex, component.name, None)
    target = own if isinstance(own, list) else ex.items.setdefault(component.name, [])
    if isinstance(found, list):
        target.extend(found)
    else:
        target.append(found)


def _past_space(text: str, pos: int) -> int:
    """``pos`` moved past any whitespace: where the next chunk starts, or the end."""
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


def _claim(
    sentence: Sentence,
    sig: dict[str, float],
    quants: list[Any],
    atts: list[Any],
    settings: Settings,
) -> Claim:
    model = checkworthy.load_model()
    score = model.score(sentence.text, sig)
    threshold = model.threshold if settings.claim_threshold is None else settings.claim_threshold
    is_claim = score >= threshold and not checkworthy.is_call_to_action(sig, sentence.text)
    return Claim(
        doc_id=sentence.doc_id,
        sentence_index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        score=score,
        label="claim" if is_claim else "not_claim",
        types=checkworthy.claim_types(sig, is_claim, sentence.text),
        quantity_ids=tuple(q.id for q in quants),
        attribution_ids=tuple(a.id for a in atts),
    )
