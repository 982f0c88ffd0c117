"""Flat JSON records for ``extract`` and ``export``; outside scripts read these field names.

Every record has ``kind``, ``id``, ``doc_id``, ``source``, ``start``, ``end``, ``text`` and
``sentence``, and ``document_text[start:end] == text`` always holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimledger.model import Attribution, Claim, Entity, Extraction, Quantity

KINDS = ("quantities", "attributions", "claims", "entities")

# The fields of each record kind, in order: CSV columns and Parquet schemas come from here,
# never from whichever record happens to come first. ``line`` appears only in
# ``extract --lines`` output, where it stands in place of ``record``.
BASE_FIELDS = ("kind", "id", "doc_id", "source", "record", "start", "end", "text", "sentence")
FIELDS: dict[str, tuple[str, ...]] = {
    "quantity": (
        *BASE_FIELDS,
        *("value", "lower", "upper", "unit", "per", "bound", "change", "quantified", "rule"),
    ),
    "attribution": (
        *BASE_FIELDS,
        *("attributed_to", "attributed_to_canonical", "source_kind", "source_role"),
        *("source_affiliation", "cue", "content", "source_start", "source_end", "cue_start"),
        *("cue_end", "content_start", "content_end", "direct", "parent_id", "rule"),
    ),
    "claim": (*BASE_FIELDS, "score", "label", "types", "quantity_ids", "attribution_ids"),
    "entity": (*BASE_FIELDS, "label", "canonical"),
    "document": (
        *("kind", "id", "doc_id", "source", "record", "media_type"),
        *("title", "url", "published", "outlet", "author"),
        *("n_chars", "n_sentences", "n_claims", "n_quantities", "n_attributions", "text"),
    ),
}
# ``--what`` (plural, as the CLI says it) to the record kind it yields.
KIND_OF = {
    "quantities": "quantity",
    "attributions": "attribution",
    "claims": "claim",
    "entities": "entity",
    "documents": "document",
}


def _number(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


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
        rec: dict[str, Any] = {"kind": kind, "id": item_id, "doc_id": doc.id, "source": doc.source}
        if self.line is not None:
            rec["line"] = self.line
        elif doc.record is not None:
            rec["record"] = doc.record
        rec.update(
            start=start,
            end=end,
            text=doc.text[start:end],
            sentence=self.sentences.get(sentence_index),
        )
        return rec


def quantity_record(ctx: _Context, q: Quantity) -> dict[str, Any]:
    rec = ctx.base("quantity", q.id, q.start, q.end, q.sentence_index)
    change = None
    if q.change is not None:
        change = {
            "direction": q.change.direction,
            "from": _number(q.change.from_value),
            "to": _number(q.change.to_value),
            "by": _number(q.change.by_value),
        }
    rec.update(
        value=_number(q.value),
        lower=_number(q.lower),
        upper=_number(q.upper),
        unit=q.unit,
        per=q.per,
        bound=q.bound,
        change=change,
        quantified=q.quantified,
        rule=q.rule,
    )
    return rec


def attribution_record(ctx: _Context, a: Attribution) -> dict[str, Any]:
    rec = ctx.base("attribution", a.id, a.start, a.end, a.sentence_index)
    parent = ctx.by_cue.get(a.parent_start) if a.parent_start is not None else None
    rec.update(
        attributed_to=a.attributed_to,
        attributed_to_canonical=a.attributed_to_canonical,
        source_kind=a.source_kind,
        source_role=a.source_role,
        source_affiliation=a.source_affiliation,
        cue=a.cue,
        content=a.content,
        source_start=a.source_start,
        source_end=a.source_end,
        cue_start=a.cue_start,
        cue_end=a.cue_end,
        content_start=a.content_start,
        content_end=a.content_end,
        direct=a.direct,
        parent_id=parent,
        rule=a.rule,
    )
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
    return rec


def entity_record(ctx: _Context, e: Entity) -> dict[str, Any]:
    rec = ctx.base("entity", e.id, e.start, e.end, e.sentence_index)
    rec.update(label=e.label, canonical=e.canonical)
    return rec


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
        "n_chars": len(doc.text),
        "n_sentences": len(ex.sentences),
        "n_claims": sum(1 for c in ex.claims if c.label == "claim"),
        "n_quantities": len(ex.quantities),
        "n_attributions": len(ex.attributions),
        "text": doc.text,
    }


def records(ex: Extraction, what: str, line: int | None = None) -> Iterator[dict[str, Any]]:
    """The records of one kind (or ``all``, in document order by kind) for one document."""
    ctx = _Context(ex, line)
    kinds = KINDS if what == "all" else (what,)
    for kind in kinds:
        if kind == "quantities":
            yield from (quantity_record(ctx, q) for q in ex.quantities)
        elif kind == "attributions":
            yield from (attribution_record(ctx, a) for a in ex.attributions)
        elif kind == "claims":
            yield from (claim_record(ctx, c) for c in ex.claims)
        elif kind == "entities":
            yield from (entity_record(ctx, e) for e in ex.entities)
        elif kind == "documents":
            yield document_record(ex)
