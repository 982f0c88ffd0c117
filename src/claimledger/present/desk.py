"""The review desk's pages as JSON-ready dicts: the worklist, documents, claims in context,
reviews, and the ClaimReview records published from them.

Every function takes an open :class:`~claimledger.store.Store` and shapes what its queries
return, so that the web pages, their ``.json`` twins and ``claimledger export --what
claimreview`` share one source. No SQL here: the queries are the store's. A figure or a
source inside a claim is the record ``extract`` prints for it (:mod:`claimledger.present.
records`), with a ``summary`` (figures) or ``label`` (sources) line for the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimledger.link.actors.table import load_table as load_actor_table
from claimledger.model import Attribution, Quantity, Where
from claimledger.present.records import (
    attribution_fields,
    quantity_fields,
    record_base,
)
from claimledger.present.report import (
    figure_text,
    place_name,
    place_summary,
    source_label,
    time_summary,
)
from claimledger.store import (
    CLAIM_TYPES,
    MAX_PAGE,
    MAX_PER_PAGE,
    VERDICTS,
    ClaimFilter,
    ClaimHit,
    DocumentFilter,
    Page,
    Part,
    Review,
    Store,
)
from claimledger.store.filters import check_review
from claimledger.urls import public_url

__all__ = [
    "CLAIM_TYPES",
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "VERDICTS",
    "ClaimFilter",
    "actor",
    "actors",
    "add_review",
    "claim",
    "claim_reviews",
    "claims",
    "document_claims",
    "documents",
    "figure_record",
    "overview",
    "place",
    "public_url",
    "source_record",
]
_PERSONS = {"person"}


def overview(store: Store) -> dict[str, Any]:
    o = store.overview()
    return {
        "ledger": store.name,
        **o.counts,
        "verdicts": o.verdicts,
        # Cross-document contradiction finding is not built yet; null says "not computed".
        "contradictions": None,
        "recent_reviews": [review_dict(r) for r in o.recent_reviews],
    }


def documents(
    store: Store,
    *,
    text: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> dict[str, Any]:
    """Documents whose title or text contains ``text``, from ``outlet``, published between
    the dates (ISO, inclusive); newest first."""
    f = DocumentFilter(text, outlet, date_from, date_to, page, per_page)
    found = store.documents(f)
    return {**_paging(found), "outlets": store.outlets(), "documents": found.items}


def claims(store: Store, f: ClaimFilter) -> dict[str, Any]:
    """One page of the ranked worklist with each claim's figures, sources and verdict."""
    found = store.claim_page(f)
    out: dict[str, Any] = {**_paging(found), "claims": [claim_dict(h) for h in found.items]}
    if f.actor is not None:  # the actor filtered by, named (None when the ledger lacks it)
        named = store.actor(f.actor, limit=0)
        out["actor"] = None if named is None else {"id": f.actor, "name": named["name"]}
    return out


def document_claims(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Every claim of one document in text order, as the worklist shows them."""
    return [claim_dict(h) for h in store.document_claims(doc_id)]


def _paging(page: Page[Any]) -> dict[str, int]:
    return {
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
    }


def claim_dict(h: ClaimHit) -> dict[str, Any]:
    """A claim as the worklist shows it: its sentence, score and types, its document, its
    figures and sources (as records) and its latest verdict."""
    c, d = h.claim, h.document
    return {
        "id": h.id,
        "doc_id": c.doc_id,
        "sentence_index": c.sentence_index,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "score": round(float(c.score), 4),
        "label": c.label,
        "types": list(c.types),
        **c.when.fields(),
        "time": time_summary(c.when),
        "place": c.where.record(),
        "place_summary": place_summary(c.where),
        "document": {
            "title": d.title,
            "source": d.source,
            "outlet": d.outlet,
            "published": d.published,
        },
        "figures": [figure_record(p) for p in h.figures],
        "sources": [source_record(p) for p in h.sources],
        "verdict": h.verdict,
        "reviews": h.reviews,
    }


MAX_ACTORS = 500


def actors(store: Store, limit: int = MAX_ACTORS) -> dict[str, Any]:
    """The actors the ledger's sources and mentions point at, most cited first, at most
    ``limit`` of them."""
    found = store.actors()
    return {"total": len(found), "shown": min(len(found), limit), "actors": found[:limit]}


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """One actor: its name, kind, country, parent (with the parent's name, and whether the
    ledger has it), aliases and counts, what it is credited with saying and the documents
    naming it; None when the ledger has no such actor."""
    found = store.actor(actor_id)
    if found is None:
        return None
    parent_id = found.get("parent_id")
    if parent_id:
        stored = store.actor(parent_id, limit=0)
        found["parent"] = {
            "id": parent_id,
            "name": stored["name"] if stored is not None else _table_name(parent_id),
            "stored": stored is not None,
        }
    else:
        found["parent"] = None
    return found


def _table_name(actor_id: str) -> str:
    """An actor's name from the shipped actor table, else its id."""
    known = load_actor_table().actors.get(actor_id)
    return known.name if known is not None else actor_id


def place(
    store: Store, geonames_id: int, page: int = 1, per_page: int = 50
) -> dict[str, Any] | None:
    """One resolved place: its gazetteer entry, the toponyms written for it, the documents
    naming it and a page of the claims about it (by score); None when no toponym in the
    ledger resolved to it."""
    found = store.place(geonames_id)
    if found is None:
        return None
    about = store.claim_page(ClaimFilter(place=str(geonames_id), page=page, per_page=per_page))
    label = place_name(
        Where(
            text=found["name"],
            geonames_id=geonames_id,
            name=found["name"],
            country_code=found["country_code"],
            admin1=found["admin1"],
        )
    )
    return {
        **found,
        "label": label,
        **_paging(about),
        "claims": [claim_dict(h) for h in about.items],
    }


def figure_record(p: Part[Quantity]) -> dict[str, Any]:
    """A figure's quantity record, as ``extract`` prints it, and its one-line summary."""
    q = p.item
    rec = record_base(
        "quantity", q.id, q.doc_id, p.source, p.record, q.start, q.end, q.text, p.sentence
    )
    return {**rec, **quantity_fields(q), "summary": figure_text(q)}


def source_record(p: Part[Attribution]) -> dict[str, Any]:
    """A source's attribution record, as ``extract`` prints it, and the name to show."""
    a = p.item
    rec = record_base(
        "attribution", a.id, a.doc_id, p.source, p.record, a.start, a.end, a.text, p.sentence
    )
    label = source_label(a.attributed_to, a.attributed_to_canonical)
    return {**rec, **attribution_fields(a, p.parent_id), "label": label}


def review_dict(r: Review) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.id,
        "claim_id": r.claim_id,
        "verdict": r.verdict,
        "note": r.note,
        "reviewer": r.reviewer,
        "created_at": r.created_at,
    }
    if r.text is not None:
        out["text"] = r.text
    return out


def claim(store: Store, claim_id: str, context: int = 2) -> dict[str, Any] | None:
    """One claim with its parts, its sentence among its neighbours, claims elsewhere in the
    ledger stating the same figure, and its review history (newest first)."""
    found = store.claim(claim_id, context)
    if found is None:
        return None
    item = claim_dict(found.hit)
    item["document"]["url"] = found.hit.document.url
    item["context"] = [
        {"sentence_index": s.sentence_index, "text": s.text, "is_claim": s.is_claim}
        for s in found.context
    ]
    item["same_figure"] = [
        {
            "figure": o.figure,
            "claim_id": o.claim_id,
            "their_figure": o.their_figure,
            "text": o.text,
            "score": round(o.score, 4),
            "doc_id": o.doc_id,
            "document": o.document,
        }
        for o in found.same_figure
    ]
    item["history"] = [review_dict(r) for r in found.history]
    return item


def add_review(
    store: Store, claim_id: str, verdict: str, reviewer: str, note: str = ""
) -> dict[str, Any]:
    """Record a verdict on a stored claim; earlier reviews stay as history."""
    verdict, reviewer, note = check_review(verdict, reviewer, note)
    return review_dict(store.add_review(claim_id, verdict, reviewer, note))


def claim_reviews(store: Store, organisation: str, base_url: str) -> Iterator[dict[str, Any]]:
    """A schema.org ClaimReview (JSON-LD) for each reviewed claim, from its latest review.

    ``claimReviewed`` is the sentence as the document states it; ``itemReviewed`` is the
    claim with its attributed source as ``author`` (the document's author or outlet when it
    names none) and the document as its ``appearance``.
    """
    base = base_url.rstrip("/")
    for published in store.latest_reviews():
        r, doc, src = published.review, published.document, published.stated_by
        if r.text is None:  # a review from before snapshots, on a claim since re-extracted
            continue
        author: dict[str, Any] | None = None
        if src is not None and src.source_kind == "document":
            author = {"@type": "Organization", "name": src.source_affiliation}
        elif src is not None:
            kind = "Person" if src.source_kind in _PERSONS else "Organization"
            author = {"@type": kind, "name": src.attributed_to_canonical or src.attributed_to}
        elif doc is not None and doc.author:
            author = {"@type": "Person", "name": doc.author}
        elif doc is not None and doc.outlet:
            author = {"@type": "Organization", "name": doc.outlet}
        # Only a public http(s) address is published; a local path or any other scheme stays
        # in the ledger.
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if doc is not None:
            url = public_url(doc.url) or public_url(doc.source)
            if url is not None:
                appearance["url"] = url
            if doc.title:
                appearance["headline"] = doc.title
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        if author is not None:
            item["author"] = author
        if doc is not None and doc.published:
            item["datePublished"] = doc.published[:10]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}/claims/{r.claim_id}#review-{r.id}",
            "claimReviewed": r.text,
            "datePublished": r.created_at[:10],
            "author": {"@type": "Organization", "name": organisation},
            "reviewRating": {"@type": "Rating", "alternateName": r.verdict},
            "itemReviewed": item,
        }
        if r.note:
            review["reviewBody"] = r.note
        yield review
