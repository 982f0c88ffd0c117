"""The events of one sentence as records: mentions (``mentions``) with their offsets, place,
time, dead and injured (``figures``), and the source that reports them.

The source of an event is the attribution whose content holds its trigger, the innermost
one where several do ("according to Reuters, officials said ..."); an attribution whose cue
is itself a trigger (a parse that read "attacked" as a verb of saying) is no source.

The place of an event is its sentence's toponym nearest the trigger (``PlaceBook.nearest``,
resolved with the document's other places at the end). Where the sentence has none that
the toponym finder knows (a village the gazetteer and the tagger have never seen), a proper
name after "in", "near", "at", "outside", "on" (...) in the trigger's clause (or in its
actor's phrase, where that stands outside it: "Teachers in Sorvin plan to strike"), in "the
village of X", "the outskirts of X" or "out of X", compounded to a facility or piece of
territory wherever that stands ("a Korsk hospital", "recaptured the Korsk dam"), before a
noun after a locative preposition, or the object of a strike or shelling ("shelled
Sorvin"), is taken as written, unresolved, even where the tagger took it for a person (but
not after "on", which may name whom an attack was on) or, after "in", "near", "outside" and
the like, for an organisation; a name whose last word is an armed group's ("the Northern
Front") is none. Then a place found so for another event of the sentence; only then an
inherited place. A name compounded to a noun trigger that is the event's place ("the Tarsk
bombing") is not also its actor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from claimledger.extract.events.args import Arg
from claimledger.extract.events.figures import ThingOf, link_figures
from claimledger.extract.events.kinds import FACILITY, NON_STATE, TERRITORY
from claimledger.extract.events.mentions import Mention, Scores, find_mentions
from claimledger.model import (
    Attribution,
    Event,
    EventArg,
    EventSource,
    Quantity,
    Sentence,
    When,
    Where,
)

Locate = Callable[[int, int], Any]


def sentence_events(
    sent: Any,
    base: int,
    sentence: Sentence,
    quantities: Sequence[Quantity],
    attributions: Sequence[Attribution],
    place_of: Callable[[int, int], Where],
    time_of: Callable[[int, int], When],
    thing_of: ThingOf,
    scores: Scores,
) -> list[Event]:
    """The event records of one parsed sentence; ``base`` is the document offset of the
    sentence's parsed chunk, ``place_of``/``time_of`` give the place and time of a span."""
    mentions = find_mentions(sent, scores)
    if not mentions:
        return []
    doc = sent.doc
    figures = link_figures(sent, base, quantities, mentions, thing_of)
    spans = [_span(doc, base, m.first, m.last) for m in mentions]
    places = [_place(doc, base, sentence, m, place_of(*spans[i])) for i, m in enumerate(mentions)]
    named = [p for p in places if p.text is not None and not p.inherited]
    events = []
    for i, m in enumerate(mentions):
        start, end = spans[i]
        where = places[i]
        if (where.text is None or where.inherited) and named:  # another event's, same sentence
            where = min(named, key=lambda p: abs((p.start or 0) - start))
        dead, hurt = figures[i]
        if _place_not_actor(doc, base, m, where):
            m.actor = None  # "the Tarsk bombing": where, not who
        events.append(
            Event(
                doc_id=sentence.doc_id,
                start=start,
                end=end,
                text=_text(sentence, start, end),
                code=m.code,
                confidence=round(m.confidence, 4),
                modality=m.modality,
                modality_cue=m.cue,
                actor=_arg(doc, base, sentence, m.actor),
                target=_arg(doc, base, sentence, m.target),
                fatalities=tuple(dead),
                injured=tuple(hurt),
                attributed_to=_source(start, end, attributions, spans),
                sentence_index=sentence.index,
                when=time_of(start, end),
                where=where,
            )
        )
    return events


LOCATIVE = frozenset(
    {"in", "near", "at", "outside", "around", "inside", "on", "into", "above", "below", "over",
     "across", "from", "through", "throughout", "along"}
)  # fmt: skip
NOT_PLACES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"})
# After these a name the tagger took for an organisation is still where it happened.
STRONG = frozenset({"in", "near", "outside", "around", "inside", "from"})
# Codes whose object or "on" phrase is a place, not a person ("shelled Sorvin").
AIMED_AT_PLACES = frozenset(
    {"AIR_STRIKE", "ART_MISS_ATTACK", "CHEM_WEAP", "ARMED_CLASH", "NON_STATE_ACTOR_OVERTAKES_TER",
     "GOV_REGAINS_TERIT"}
)  # fmt: skip


def _place(doc: Any, base: int, sentence: Sentence, m: Mention, found: Where) -> Where:
    if found.text is not None and not found.inherited:
        return found
    scope = m.clause if m.clause is not None else m.head
    tokens = list(scope.subtree)
    if m.actor is not None and not scope.left_edge.i <= m.actor.head <= scope.right_edge.i:
        tokens.extend(doc[m.actor.head].subtree)  # "Teachers in Sorvin plan to go on strike"
    for tok in tokens:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME", "NORP"):
            continue
        if not tok.text[:1].isupper():
            continue  # a lowercase word the tagger took for a name ("over the spy affair")
        if tok.ent_type_ in NOT_PLACES and not _names_facility(tok):
            continue
        if _names_group(tok):
            continue  # "defected from the Northern Front": a group, not a place
        if tok.dep_ == "compound" and _names_facility(tok):
            return _where(doc, base, sentence, tok)  # "a Korsk hospital", "the Korsk dam"
        if tok.dep_ == "compound":
            noun = tok.head  # "near the Velmora courthouse", "at the Varnek bus station"
            while noun.dep_ == "compound" and noun.head.i != noun.i:
                noun = noun.head
            if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in LOCATIVE:
                continue
            prep = noun.head
        elif tok.dep_ == "pobj":
            prep = tok.head
        elif tok.dep_ == "dobj" and m.code in AIMED_AT_PLACES and tok.head.i == m.head.i:
            prep = tok  # "shelled Sorvin"
        else:
            continue
        person = tok.ent_type_ == "PERSON"
        aimed = m.code in AIMED_AT_PLACES
        of_place = prep.lower_ == "of" and (
            _is_site(prep.head) or prep.head.lower_ == "out"  # "pulled out of Tolvane"
        )
        aimed_at = prep.lower_ in ("for", "on") and m.code in AIMED_AT_PLACES
        strong = prep.lower_ in STRONG or of_place or aimed_at
        if tok.ent_type_ == "ORG" and not (_names_facility(tok) or strong):
            continue
        named = (
            (prep.i == tok.i)
            or (prep.lower_ in LOCATIVE and not (person and prep.lower_ == "on" and not aimed))
            or (prep.lower_ == "for" and aimed)
            or of_place
        )
        if named:
            return _where(doc, base, sentence, tok)
    return found


def _place_not_actor(doc: Any, base: int, m: Mention, where: Where) -> bool:
    """Whether the mention's actor is a name compounded to its noun trigger that is also
    the event's own place ("the Tarsk bombing", "the Velm shelling")."""
    if m.actor is None or not m.noun or where.text is None or where.inherited:
        return False
    head = doc[m.actor.head]
    if head.dep_ != "compound" or head.head.i != m.head.i:
        return False
    start, end = _span(doc, base, m.actor.first, m.actor.last)
    return where.start is not None and where.start <= start and end <= (where.end or 0)


def _where(doc: Any, base: int, sentence: Sentence, tok: Any) -> Where:
    """The place a name gives, with the names compounded to its left ("Kessel Valley")."""
    first = tok.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
        first -= 1
    start, end = _span(doc, base, first, tok.i)
    return Where(_text(sentence, start, end), start, end)


def _is_site(tok: Any) -> bool:
    """Whether a noun is a facility or a piece of territory ("hospital", "outskirts")."""
    return str(tok.lemma_).lower() in TERRITORY | FACILITY or tok.lower_ in TERRITORY | FACILITY


def _names_facility(tok: Any) -> bool:
    """Whether a name is compounded to a facility or a piece of territory ("the Varnek bus
    station", "a Korsk hospital", "the Korsk dam"), which makes it the name of the place the
    facility is in, wherever the facility stands and whatever the tagger took the name for."""
    noun = tok
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    return noun.i != tok.i and _is_site(noun)


def _names_group(tok: Any) -> bool:
    """Whether a name is an armed group's ("the Northern Front", "the Southern Brigade"):
    its last word is a word for one."""
    last = tok
    while last.dep_ == "compound" and last.head.i != last.i and last.head.pos_ == "PROPN":
        last = last.head
    return str(last.lemma_).lower() in NON_STATE


def _span(doc: Any, base: int, first: int, last: int) -> tuple[int, int]:
    return base + doc[first].idx, base + doc[last].idx + len(doc[last].text)


def _text(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start : end - sentence.start]


def _arg(doc: Any, base: int, sentence: Sentence, arg: Arg | None) -> EventArg | None:
    if arg is None:
        return None
    start, end = _span(doc, base, arg.first, arg.last)
    return EventArg(_text(sentence, start, end), start, end)


def _source(
    start: int, end: int, attributions: Sequence[Attribution], triggers: list[tuple[int, int]]
) -> EventSource | None:
    covering = [
        a
        for a in attributions
        if a.content_start is not None
        and a.content_end is not None
        and a.content_start <= start
        and end <= a.content_end
        and not any(_overlaps(a.cue_start, a.cue_end, s, e) for s, e in triggers)
    ]
    if not covering:
        return None
    a = min(covering, key=lambda a: (a.content_end or 0) - (a.content_start or 0))
    return EventSource(
        a.id, a.attributed_to, a.attributed_to_canonical, a.source_kind, a.source_actor_id
    )


def _overlaps(a: int | None, b: int | None, start: int, end: int) -> bool:
    return a is not None and b is not None and a < end and start < b
