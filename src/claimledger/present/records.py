"""Flat JSON records for ``extract`` and ``export``; outside scripts read these field names.

Every record has ``kind``, ``id``, ``doc_id``, ``source``, ``start``, ``end``, ``text`` and
``sentence``, and ``document_text[start:end] == text`` always holds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from claimledger.extract.events.taxonomy import type_fields
from claimledger.model import (
    Attribution,
    Claim,
    Entity,
    Event,
    EventArg,
    EventFigure,
    Extraction,
    Quantity,
)
from claimledger.pipeline import COMPONENTS, RECORD_KINDS, items_of
from claimledger.store.base import (
    CheckHit,
    CitationHit,
    CitedDocument,
    EventHit,
    FigureGroupHit,
    Part,
    PassageRef,
    RelationHit,
    RepeatHit,
)

KINDS = RECORD_KINDS  # as ``extract --what`` names them, from the component table

# The fields of each record kind, in order: CSV columns and Parquet schemas come from here,
# never from whichever record happens to come first. ``line`` appears only in
# ``extract --lines`` output, where it stands in place of ``record``.
BASE_FIELDS = ("kind", "id", "doc_id", "source", "record", "start", "end", "text", "sentence")
# The place a figure or claim is about (see model.Where) is one field, ``place``: an object
# with the toponym as written, its offsets, the GeoNames entry and ``inherited``, or null.
# The time a figure or claim is about (see model.When): the expression as written, its offsets
# in the document (None when inherited from the document's date), its ISO dates and kind.
TIME_FIELDS = (
    *("time_text", "time_text_start", "time_text_end", "time_start", "time_end", "time_kind"),
    *("time_anchor", "time_inherited"),
)
FIELDS: dict[str, tuple[str, ...]] = {
    "quantity": (
        *BASE_FIELDS,
        *("value", "lower", "upper", "unit", "per", "bound", "change", "quantified", "rule"),
        *TIME_FIELDS,
        "place",
    ),
    "attribution": (
        *BASE_FIELDS,
        *("attributed_to", "attributed_to_canonical", "source_kind", "source_role"),
        *("source_affiliation", "cue", "content", "source_start", "source_end", "cue_start"),
        *("cue_end", "content_start", "content_end", "direct", "parent_id", "rule"),
        "source_actor_id",
    ),
    "claim": (
        *(*BASE_FIELDS, "score", "label", "types", "quantity_ids", "attribution_ids"),
        *TIME_FIELDS,
        "place",
        "event_ids",
    ),
    # an event mention (``extract``/``export --what events``): its type as the ACLED codebook
    # and PLOVER name it and as the taxonomy codes it; ``actor`` and ``target`` are
    # {text, start, end, actor_id} or null; ``fatalities`` and ``injured`` lists of
    # {quantity_id, text, start, end, value, lower, upper, bound} (quantity records by id);
    # ``attributed_to`` {attribution_id, text, canonical, source_kind, actor_id} or null;
    # ``cluster`` the event across documents it is a mention of in a ledger (null from
    # extract, before linking, and for events not asserted)
    "event": (
        *BASE_FIELDS,
        *("event_type", "event_category", "plover_event", "plover_mode", "code"),
        *("confidence", "modality", "modality_cue", "stated_as_happened", "actor", "target"),
        *("fatalities", "injured", "attributed_to"),
        *TIME_FIELDS,
        "place",
        "cluster",
    ),
    "entity": (*BASE_FIELDS, "label", "canonical", "actor_id"),
    # the ledger's actors (``export --what actors``), one record each
    "actor": (
        *("kind", "id", "name", "actor_kind", "country", "parent_id", "aliases"),
        *("n_documents", "n_sources", "n_mentions"),
    ),
    # linking and checking (``export --what figure_groups|contradictions|repeats|checks``):
    # ``a``/``b``/``quantity`` are quantity records as above, ``reference`` a reference row
    "figure_group": ("kind", "id", "measure", "place", "time", "members", "relations"),
    "contradiction": ("kind", "id", "a", "b", "measure", "reason"),
    "repeat": ("kind", "id", "a", "b", "similarity", "cluster"),
    "check": ("kind", "id", "quantity", "reference", "status", "reason", "tolerance", "time_match"),
    # ``export --what citations``: an attribution citing an outlet, followed into the ledger
    "citation": (
        *("kind", "id", "claim_id", "attribution", "cited", "quantity", "figure", "status"),
        *("relation", "reason", "documents"),
    ),
    "document": (
        *("kind", "id", "doc_id", "source", "record", "media_type"),
        *("title", "url", "published", "outlet", "author", "date", "date_from"),
        *("n_chars", "n_sentences", "n_claims", "n_quantities", "n_attributions", "text"),
    ),
}
# ``--what`` (plural, as the CLI says it) to the record kind it yields.
KIND_OF: dict[str, str] = {
    **{c.name: c.record for c in COMPONENTS if c.record is not None},
    "events": "event",  # stored and exported whether or not the extractor is in the table
    "documents": "document",
    "actors": "actor",
    "figure_groups": "figure_group",
    "contradictions": "contradiction",
    "repeats": "repeat",
    "checks": "check",
    "citations": "citation",
}
# A reference row's fields (check/reference.ReferenceRow.record()), in order.
REFERENCE_FIELDS = (
    *("id", "dataset", "line", "measure", "measure_text", "place", "place_geonames_id"),
    *("place_name", "place_country_code", "period_start", "period_end", "value", "lower"),
    *("upper", "unit", "per", "source", "url", "notes"),
)
# A repeated passage's fields in a repeat record's ``a`` and ``b``.
PASSAGE_FIELDS = ("doc_id", "source", "start", "end", "text")
# Fields an item's dataclass has that every record gives in its own way (BASE_FIELDS).
_PLACED = frozenset({"doc_id", "start", "end", "text", "sentence_index"})


def fields_of(kind: str) -> tuple[str, ...]:
    """A record kind's fields: as listed above, or, for a component added since, the base
    fields and then its item dataclass's own."""
    if kind in FIELDS:
        return FIELDS[kind]
    item = next((c.item for c in COMPONENTS if c.record == kind), None)
    if item is None:
        raise KeyError(kind)
    own = tuple(f.name for f in dataclasses.fields(item) if f.name not in _PLACED)
    return (*BASE_FIELDS, *own)


def _number(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def record_base(
    kind: str,
    item_id: str,
    doc_id: str,
    source: str,
    record: int | None,
    start: int,
    end: int,
    text: str,
    sentence: str | None,
    line: int | None = None,
) -> dict[str, Any]:
    """The fields every record starts with; ``text`` is ``document_text[start:end]``."""
    rec: dict[str, Any] = {"kind": kind, "id": item_id, "doc_id": doc_id, "source": source}
    if line is not None:
        rec["line"] = line
    elif record is not None:
        rec["record"] = record
    rec.update(start=start, end=end, text=text, sentence=sentence)
    return rec


class _Context:
    def __init__(self, ex: Extraction, line: int | None) -> None:
        self.ex = ex
        self.line = line
        self.sentences = {s.index: s.text for s in ex.sentences}
        self.by_cue = {a.cue_start: a.id for a in ex.attributions}

    def base(
        self, kind: str, item_id: str, start: int, end: int, sentence_index: int
    ) -> dict[str, Any]:
        doc = self.ex.document
        return record_base(
            kind,
            item_id,
            doc.id,
            doc.source,
            doc.record,
            start,
            end,
            doc.text[start:end],
            self.sentences.get(sentence_index),
            self.line,
        )


def quantity_fields(q: Quantity) -> dict[str, Any]:
    """A quantity record's own fields (after the base fields)."""
    change = None
    if q.change is not None:
        change = {
            "direction": q.change.direction,
            "from": _number(q.change.from_value),
            "to": _number(q.change.to_value),
            "by": _number(q.change.by_value),
        }
    return {
        "value": _number(q.value),
        "lower": _number(q.lower),
        "upper": _number(q.upper),
        "unit": q.unit,
        "per": q.per,
        "bound": q.bound,
        "change": change,
        "quantified": q.quantified,
        "rule": q.rule,
        **q.when.fields(),
        "place": q.where.record(),
    }


def quantity_record(ctx: _Context, q: Quantity) -> dict[str, Any]:
    rec = ctx.base("quantity", q.id, q.start, q.end, q.sentence_index)
    rec.update(quantity_fields(q))
    return rec


def attribution_fields(a: Attribution, parent_id: str | None) -> dict[str, Any]:
    """An attribution record's own fields (after the base fields); ``parent_id`` is the id
    of the attribution it is nested in."""
    return {
        "attributed_to": a.attributed_to,
        "attributed_to_canonical": a.attributed_to_canonical,
        "source_kind": a.source_kind,
        "source_role": a.source_role,
        "source_affiliation": a.source_affiliation,
        "cue": a.cue,
        "content": a.content,
        "source_start": a.source_start,
        "source_end": a.source_end,
        "cue_start": a.cue_start,
        "cue_end": a.cue_end,
        "content_start": a.content_start,
        "content_end": a.content_end,
        "direct": a.direct,
        "parent_id": parent_id,
        "rule": a.rule,
        "source_actor_id": a.source_actor_id,
    }


def attribution_record(ctx: _Context, a: Attribution) -> dict[str, Any]:
    rec = ctx.base("attribution", a.id, a.start, a.end, a.sentence_index)
    parent = ctx.by_cue.get(a.parent_start) if a.parent_start is not None else None
    rec.update(attribution_fields(a, parent))
    return rec


def claim_record(ctx: _Context, c: Claim) -> dict[str, Any]:
    rec = ctx.base("claim", c.id, c.start, c.end, c.sentence_index)
    rec.update(
        score=c.score,
        label=c.label,
        types=list(c.types),
        quantity_ids=list(c.quantity_ids),
        attribution_ids=list(c.attribution_ids),
    )
    rec.update(c.when.fields())
    rec["place"] = c.where.record()
    rec["event_ids"] = list(c.event_ids)
    return rec


def _arg(a: EventArg | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"text": a.text, "start": a.start, "end": a.end, "actor_id": a.actor_id}


def _event_figure(f: EventFigure) -> dict[str, Any]:
    return {
        "quantity_id": f.quantity_id,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "value": _number(f.value),
        "lower": _number(f.lower),
        "upper": _number(f.upper),
        "bound": f.bound,
    }


def event_fields(e: Event, cluster: str | None = None) -> dict[str, Any]:
    """An event record's own fields (after the base fields); ``cluster`` as the ledger
    linked it (None from extract)."""
    src = e.attributed_to
    source = None
    if src is not None:
        source = {
            "attribution_id": src.attribution_id,
            "text": src.text,
            "canonical": src.canonical,
            "source_kind": src.source_kind,
            "actor_id": src.actor_id,
        }
    return {
        **type_fields(e.code),
        "code": e.code,
        "confidence": e.confidence,
        "modality": e.modality,
        "modality_cue": e.modality_cue,
        "stated_as_happened": e.happened,
        "actor": _arg(e.actor),
        "target": _arg(e.target),
        "fatalities": [_event_figure(f) for f in e.fatalities],
        "injured": [_event_figure(f) for f in e.injured],
        "attributed_to": source,
        **e.when.fields(),
        "place": e.where.record(),
        "cluster": cluster,
    }


def event_record(ctx: _Context, e: Event) -> dict[str, Any]:
    rec = ctx.base("event", e.id, e.start, e.end, e.sentence_index)
    rec.update(event_fields(e))
    return rec


def entity_record(ctx: _Context, e: Entity) -> dict[str, Any]:
    rec = ctx.base("entity", e.id, e.start, e.end, e.sentence_index)
    rec.update(label=e.label, canonical=e.canonical, actor_id=e.actor_id)
    return rec


def actor_record(actor: dict[str, Any]) -> dict[str, Any]:
    """An ``export --what actors`` record of one of the store's ``actors()``."""
    return {"kind": "actor", **{k: actor[k] for k in FIELDS["actor"][1:]}}


def document_record(ex: Extraction) -> dict[str, Any]:
    doc = ex.document
    return {
        "kind": "document",
        "id": doc.id,
        "doc_id": doc.id,
        "source": doc.source,
        "record": doc.record,
        "media_type": doc.media_type,
        **doc.metadata(),
        "date": ex.date,
        "date_from": ex.date_from,
        "n_chars": len(doc.text),
        "n_sentences": len(ex.sentences),
        "n_claims": sum(1 for c in ex.claims if c.label == "claim"),
        "n_quantities": len(ex.quantities),
        "n_attributions": len(ex.attributions),
        "text": doc.text,
    }


def item_record(ctx: _Context, item: Any) -> dict[str, Any]:
    """The record of an item of a component added since these were written: the base fields,
    then the item's own fields as they are (tuples as lists)."""
    component = next(c for c in COMPONENTS if c.item is type(item))
    assert component.record is not None
    rec = ctx.base(component.record, item.id, item.start, item.end, item.sentence_index)
    for f in dataclasses.fields(item):
        if f.name not in _PLACED:
            value = getattr(item, f.name)
            rec[f.name] = list(value) if isinstance(value, tuple) else value
    return rec


BUILDERS: dict[str, Callable[[_Context, Any], dict[str, Any]]] = {
    "quantity": quantity_record,
    "attribution": attribution_record,
    "claim": claim_record,
    "entity": entity_record,
    "event": event_record,
}


def records(ex: Extraction, what: str, line: int | None = None) -> Iterator[dict[str, Any]]:
    """The records of one kind (or ``all``, in document order by kind, in the order of the
    component table) for one document."""
    if what == "documents":
        yield document_record(ex)
        return
    ctx = _Context(ex, line)
    for name in KINDS if what == "all" else (what,):
        build = BUILDERS.get(KIND_OF[name], item_record)
        for item in items_of(ex, name):
            yield build(ctx, item)


# -- linking and checking --------------------------------------------------------------------


def figure_record(part: Part[Quantity]) -> dict[str, Any]:
    """A stored figure as the quantity record ``extract`` prints."""
    q = part.item
    rec = record_base(
        "quantity", q.id, q.doc_id, part.source, part.record, q.start, q.end, q.text,
        part.sentence,
    )  # fmt: skip
    rec.update(quantity_fields(q))
    return rec


def relation_record(hit: RelationHit) -> dict[str, Any]:
    """A contradiction (or another relation): ``a`` and ``b`` the two figures' records, the
    measure in words and the plain reason."""
    return {
        "kind": hit.kind,
        "id": hit.id,
        "a": figure_record(hit.a),
        "b": figure_record(hit.b),
        "measure": hit.measure,
        "reason": hit.reason,
    }


def _passage(p: PassageRef) -> dict[str, Any]:
    return {"doc_id": p.doc_id, "source": p.source, "start": p.start, "end": p.end, "text": p.text}


def repeat_record(hit: RepeatHit) -> dict[str, Any]:
    """A repeat: ``a`` (seen earlier) and ``b`` as passages, the estimated containment and
    the cluster id."""
    return {
        "kind": "repeat",
        "id": hit.id,
        "a": _passage(hit.a),
        "b": _passage(hit.b),
        "similarity": round(hit.similarity, 4),
        "cluster": hit.cluster,
    }


def check_record(hit: CheckHit) -> dict[str, Any]:
    """A figure's check against a reference row: agrees or disagrees, in neutral words."""
    return {
        "kind": "check",
        "id": hit.id,
        "quantity": figure_record(hit.quantity),
        "reference": {k: hit.reference.get(k) for k in REFERENCE_FIELDS},
        "status": hit.status,
        "reason": hit.reason,
        "tolerance": hit.tolerance,
        "time_match": hit.time_match,
    }


def figure_group_record(hit: FigureGroupHit) -> dict[str, Any]:
    """A group of figures of one measure, place and time: the member quantity ids and the
    relations among them (``{id, kind, a, b, reason, across}``, a and b quantity ids)."""
    return {
        "kind": "figure_group",
        "id": hit.id,
        "measure": hit.measure,
        "place": hit.place,
        "time": hit.time,
        "members": list(hit.members),
        "relations": list(hit.relations),
    }


def event_hit_record(hit: EventHit) -> dict[str, Any]:
    """A stored event as the event record ``extract`` prints, with its ``cluster``."""
    e = hit.event
    rec = record_base(
        "event", e.id, e.doc_id, hit.source, hit.record, e.start, e.end, e.text, hit.sentence
    )
    rec.update(event_fields(e, hit.cluster))
    return rec


def attribution_part_record(part: Part[Attribution]) -> dict[str, Any]:
    """A stored attribution as the attribution record ``extract`` prints."""
    a = part.item
    rec = record_base(
        "attribution", a.id, a.doc_id, part.source, part.record, a.start, a.end, a.text,
        part.sentence,
    )  # fmt: skip
    rec.update(attribution_fields(a, part.parent_id))
    return rec


def _cited(d: CitedDocument) -> dict[str, Any]:
    return {"doc_id": d.id, "source": d.source, "outlet": d.outlet, "published": d.published}


def citation_record(hit: CitationHit) -> dict[str, Any]:
    """An attribution citing an outlet (``attribution``, its record), followed into the
    ledger: ``found`` with the cited document (``cited``), its figure (``quantity``) and the
    citing claim's (``figure``) and how linking compared them (``relation``, ``reason``), or
    ``not_found`` with ``cited`` naming only the outlet and ``documents`` some of its
    documents in the ledger (at most 20, newest first)."""
    if hit.cited is not None:
        cited = _cited(hit.cited)
    else:
        cited = {"doc_id": None, "source": None, "outlet": hit.outlet, "published": None}
    return {
        "kind": "citation",
        "id": hit.id,
        "claim_id": hit.claim_id,
        "attribution": attribution_part_record(hit.attribution),
        "cited": cited,
        "quantity": figure_record(hit.cited_figure) if hit.cited_figure is not None else None,
        "figure": figure_record(hit.figure) if hit.figure is not None else None,
        "status": hit.status,
        "relation": hit.relation,
        "reason": hit.reason,
        "documents": [_cited(d) for d in hit.documents],
    }
