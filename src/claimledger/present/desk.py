"""The review desk's pages as JSON-ready dicts: the worklist, documents, claims in context,
events, reviews, and the ClaimReview records published from them.

Every function takes an open :class:`~claimledger.store.Store` and shapes what its queries
return, so that the web pages, their ``.json`` twins and ``claimledger export --what
claimreview`` share one source. No SQL here: the queries are the store's. A figure or a
source inside a claim is the record ``extract`` prints for it (:mod:`claimledger.present.
records`), with a ``summary`` (figures) or ``label`` (sources) line for the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from claimledger.extract.events.taxonomy import BY_CODE as EVENT_TYPES
from claimledger.link.actors.table import load_table as load_actor_table
from claimledger.link.events import iso_day
from claimledger.model import Attribution, Event, EventFigure, Quantity, Where
from claimledger.present import svg
from claimledger.present.records import (
    REFERENCE_FIELDS,
    attribution_fields,
    check_record,
    event_hit_record,
    figure_group_record,
    quantity_fields,
    record_base,
    repeat_record,
)
from claimledger.present.report import (
    citation_note,
    citation_text,
    cited_name,
    event_source,
    event_type_name,
    figure_text,
    modality_text,
    place_name,
    place_summary,
    reading_text,
    source_label,
    time_summary,
    toll_text,
)
from claimledger.store import (
    CHECK_STATUSES,
    CLAIM_TYPES,
    MAX_PAGE,
    MAX_PER_PAGE,
    MODALITIES,
    RELATION_KINDS,
    VERDICTS,
    CheckHit,
    CitationHit,
    CitedDocument,
    ClaimFilter,
    ClaimHit,
    DocumentFilter,
    EventFilter,
    EventHit,
    EventTypeCount,
    Page,
    Part,
    RelationHit,
    Review,
    Store,
)
from claimledger.store.filters import check_review, event_code
from claimledger.urls import public_url

__all__ = [
    "CHECK_STATUSES",
    "CLAIM_TYPES",
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "MODALITIES",
    "RELATION_KINDS",
    "VERDICTS",
    "ClaimFilter",
    "EventFilter",
    "actor",
    "actors",
    "add_review",
    "checks",
    "claim",
    "claim_reviews",
    "claims",
    "document_claims",
    "documents",
    "event",
    "event_view",
    "events",
    "figure_group",
    "figure_groups",
    "figure_record",
    "overview",
    "place",
    "public_url",
    "relations",
    "repeats",
    "source_record",
    "timeline_chart",
]
_PERSONS = {"person"}


def overview(store: Store) -> dict[str, Any]:
    o = store.overview()
    links = store.link_counts()
    return {
        "ledger": store.name,
        **o.counts,
        "verdicts": o.verdicts,
        # what linking and checking found (pairs of figures, pairs of passages, checks)
        "contradictions": links["contradictions"],
        "repeats": links["repeats"],
        "disagreements": links["disagreements"],
        "links": links,
        "events": event_counts(store, links),
        "recent_reviews": [review_dict(r) for r in o.recent_reviews],
    }


def event_counts(
    store: Store, links: Mapping[str, int], types: list[EventTypeCount] | None = None
) -> dict[str, int]:
    """The ledger's event mentions, those asserted (the only ones that count as having
    happened), those linked into a cluster, and the clusters (events across documents), all
    and those with mentions in two documents or more."""
    return {
        "mentions": links.get("events", 0),
        "asserted": sum(t.asserted for t in (store.event_types() if types is None else types)),
        "clustered": links.get("clustered_events", 0),
        "clusters": links.get("event_clusters", 0),
        "clusters_across": links.get("event_clusters_across", 0),
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
    if f.event_type is not None:  # the event type filtered by, as the taxonomy names it
        out["event_type"] = event_type_dict(event_code(f.event_type))
    return out


def event_type_dict(code: str) -> dict[str, str | None]:
    """An event type by its taxonomy code: the code, the ACLED sub-event type and event
    type, and the PLOVER event."""
    kind = EVENT_TYPES.get(code)
    return {
        "code": code,
        "name": event_type_name(code),
        "category": kind.category if kind is not None else None,
        "plover_event": kind.plover if kind is not None else None,
    }


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


def document_name(doc: Mapping[str, Any]) -> str:
    """What a page's tables show for a document: its title; else the host and last part of
    its URL, or the file name of its path. The whole path or URL is on hover and on the
    document's page; a 60-character path in a table column wraps over lines."""
    title = str(doc.get("title") or "").strip()
    if title:
        return title
    source = str(doc.get("source") or "").strip()
    if "://" in source:
        try:
            parts = urlsplit(source)
        except ValueError:
            parts = None
        if parts is not None and parts.netloc:
            tail = parts.path.rstrip("/").rpartition("/")[2]
            return f"{parts.netloc} · {tail}" if tail else parts.netloc
    name = source.replace("\\", "/").rstrip("/").rpartition("/")[2]
    return name or source or str(doc.get("id") or "")


def day_of(published: str | None) -> str:
    """A published date as its day ("2026-03-10T08:00:00Z" -> "2026-03-10"); other text as
    given; '' for none."""
    if not published:
        return ""
    return iso_day(published.strip()) or published.strip()


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
    item["links"] = claim_links(store, found.hit)
    item["events"] = claim_events(store, found.hit.claim.event_ids)
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


# -- linking and checking ---------------------------------------------------------------------
# A figure on these pages is its quantity record (as ``export`` prints it) with what a reader
# needs beside it: its claim (to open), its document, the sources its sentence names, and its
# time and place in words. Wording stays neutral: figures "contradict" or "agree" with each
# other, a figure "agrees" or "disagrees" with a reference row; nothing here says a claim is
# true or false.
_DOC_CHUNK = 100  # documents per worklist query when finding figures' claims


def _claims_for(store: Store, parts: Iterable[Part[Quantity]]) -> dict[str, ClaimHit]:
    """The claim (a sentence with its figures and sources) of each figure, by quantity id,
    from the worklist's query over these figures' documents (their sentences with figures)."""
    wanted = {p.item.id for p in parts}
    docs = sorted({p.item.doc_id for p in parts})
    out: dict[str, ClaimHit] = {}
    for i in range(0, len(docs), _DOC_CHUNK):
        chunk = tuple(docs[i : i + _DOC_CHUNK])
        page = 1
        while True:
            found = store.claim_page(
                ClaimFilter(
                    doc_ids=chunk,
                    has_figure=True,
                    label=None,
                    sort="document",
                    page=page,
                    per_page=MAX_PER_PAGE,
                )
            )
            for h in found.items:
                for qid in h.claim.quantity_ids:
                    if qid in wanted:
                        out[qid] = h
            if page >= found.pages or wanted <= out.keys():
                break
            page += 1
    return out


def _document(part: Part[Quantity], hit: ClaimHit | None) -> dict[str, Any]:
    d = hit.document if hit is not None else None
    return {
        "id": part.item.doc_id,
        "source": part.source,
        "title": d.title if d else None,
        "outlet": d.outlet if d else None,
        "published": d.published if d else None,
    }


def figure_side(part: Part[Quantity], hit: ClaimHit | None) -> dict[str, Any]:
    """A stored figure for a page: its quantity record and summary, its claim's id, its
    document, the sources its sentence names, its time and place in words."""
    q = part.item
    return {
        **figure_record(part),
        "claim_id": hit.id if hit is not None else None,
        "document": _document(part, hit),
        "attributed_to": [source_record(s)["label"] for s in (hit.sources if hit else [])],
        "time": time_summary(q.when),
        "place_summary": place_summary(q.where),
    }


def _relation(hit: RelationHit, claims: dict[str, ClaimHit]) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "id": hit.id,
        "a": figure_side(hit.a, claims.get(hit.a.item.id)),
        "b": figure_side(hit.b, claims.get(hit.b.item.id)),
        "measure": hit.measure,
        "reason": hit.reason,
        "across": hit.across,
    }


def relations(
    store: Store, kind: str = "contradiction", page: int = 1, per_page: int = 50
) -> dict[str, Any]:
    """A page of pairs of figures of one measure that relate as ``kind`` (contradiction,
    update: ``a`` is the earlier, consistent), each with both figures and the reason."""
    found = store.relation_page(kind, page, per_page)
    claims = _claims_for(store, [p for h in found.items for p in (h.a, h.b)])
    counts = store.link_counts()
    return {
        **_paging(found),
        "kind": kind,
        "counts": {
            "contradiction": counts["contradictions"],
            "update": counts["updates"],
            "consistent": counts["consistent"],
        },
        "relations": [_relation(h, claims) for h in found.items],
    }


def repeats(store: Store, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """A page of repeated passages: pairs (``a`` seen earlier) grouped by cluster, the
    cluster's earliest-seen passage marked."""
    found = store.repeat_page(page, per_page)
    clusters: list[dict[str, Any]] = []
    for h in found.items:
        rec = repeat_record(h)
        rec["a"].update(published=h.a.published, earliest=h.earliest)
        rec["b"].update(published=h.b.published, earliest=False)
        if not clusters or clusters[-1]["cluster"] != h.cluster:
            clusters.append({"cluster": h.cluster, "pairs": []})
        clusters[-1]["pairs"].append(rec)
    return {**_paging(found), "clusters": clusters}


def _reference(row: dict[str, Any]) -> dict[str, Any]:
    """A reference row as records give it, with the address to link (http(s) only)."""
    out = {k: row.get(k) for k in REFERENCE_FIELDS}
    out["link"] = public_url(row.get("url"))
    out["summary"] = reference_text(row)
    return out


def reference_text(row: dict[str, Any]) -> str:
    """A reference row's figure in words: "23 on 2026-03-10", "110,000 to 125,000 from
    2026-01-01 to 2026-03-05"."""
    value = _interval_text(row.get("value"), row.get("lower"), row.get("upper"))
    start, end = row.get("period_start"), row.get("period_end")
    when = f"on {start}" if start == end else f"from {start} to {end}"
    unit = row.get("unit")
    unit_text = f" {unit}" if unit and unit != "count" else ""
    return f"{value}{unit_text} {when}"


def _check(hit: CheckHit, claims: dict[str, ClaimHit]) -> dict[str, Any]:
    rec = check_record(hit)
    rec["quantity"] = figure_side(hit.quantity, claims.get(hit.quantity.item.id))
    rec["reference"] = _reference(hit.reference)
    rec["figure_interval"] = _interval_text(None, hit.figure_lower, hit.figure_upper)
    return rec


def checks(
    store: Store, status: str | None = None, page: int = 1, per_page: int = 50
) -> dict[str, Any]:
    """A page of reference checks (of one status, else all, disagreements first): the
    figure, the reference row it was checked against and the reason in plain words."""
    found = store.check_page(status, page, per_page)
    claims = _claims_for(store, [h.quantity for h in found.items])
    counts = store.link_counts()
    return {
        **_paging(found),
        "status": status,
        "counts": {"agrees": counts["agreements"], "disagrees": counts["disagreements"]},
        "checks": [_check(h, claims) for h in found.items],
    }


def figure_groups(store: Store, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """A page of figure groups (figures of one measure, place and time, two or more),
    largest first, with how many of their pairs relate in each way."""
    found = store.figure_group_page(page, per_page)
    groups = []
    for g in found.items:
        rec = figure_group_record(g)
        kinds = {k: 0 for k in RELATION_KINDS}
        for r in g.relations:
            kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
        rec["relation_counts"] = kinds
        groups.append(rec)
    return {**_paging(found), "groups": groups}


def _interval_text(value: Any, low: Any, high: Any) -> str:
    if value is not None and (low is None or high is None or low == high):
        return svg.number(float(value))
    if low is not None and high is not None:
        if low == high:
            return svg.number(float(low))
        return f"{svg.number(float(low))} to {svg.number(float(high))}"
    if low is not None:
        return f"at least {svg.number(float(low))}"
    if high is not None:
        return f"at most {svg.number(float(high))}"
    return "no value"


def _day(*candidates: str | None) -> str | None:
    for c in candidates:
        if c:
            return c[:10]
    return None


def figure_group(store: Store, group_id: str) -> dict[str, Any] | None:
    """One figure group for its timeline: the figures by outlet (or document, where the
    document names no outlet) and date, the reference rows they were checked against as
    their own series, and the relations among the figures; None when no group has this id.
    ``series`` is what the chart draws and the table under it lists."""
    rows = store.figure_series(group_id)
    if not rows:
        return None
    group = rows[0]["group"]
    claims = _claims_for(store, [r["quantity"] for r in rows])
    by_name: dict[str, dict[str, Any]] = {}
    references: dict[str, dict[str, Any]] = {}
    ref_points: dict[str, dict[str, Any]] = {}
    figures: dict[str, dict[str, Any]] = {}
    for r in rows:
        part: Part[Quantity] = r["quantity"]
        q, hit = part.item, claims.get(part.item.id)
        side = figure_side(part, hit)
        doc = side["document"]
        name = doc["outlet"] or doc["title"] or part.source
        day = _day(q.when.time_end, q.when.time_start, doc["published"])
        reading = _interval_text(q.value, r["low"], r["high"])
        point = {
            "day": day,
            "value": q.value,
            "low": r["low"],
            "high": r["high"],
            "reading": reading,
            "text": q.text,
            "claim_id": side["claim_id"],
            "doc_id": q.doc_id,
            "document": doc["title"] or doc["source"],
            "checks": [
                {"status": c.status, "reason": c.reason, "reference_id": c.reference.get("id")}
                for c in r["checks"]
            ],
            "label": f"{name}: “{q.text}” ({reading}) as of {day or 'no date'}; "
            f"{doc['title'] or doc['source']}",
        }
        figures[q.id] = side
        by_name.setdefault(name, {"name": name, "reference": False, "points": []})
        by_name[name]["points"].append(point)
        for c in r["checks"]:
            ref = c.reference
            rid = str(ref.get("id"))
            if rid in ref_points:
                continue
            source = str(ref.get("source") or "reference")
            summary = reference_text(ref)
            ref_points[rid] = {
                "day": _day(ref.get("period_end"), ref.get("period_start")),
                "value": ref.get("value"),
                "low": ref.get("lower"),
                "high": ref.get("upper"),
                "reading": _interval_text(ref.get("value"), ref.get("lower"), ref.get("upper")),
                "text": summary,
                "reference": _reference(ref),
                "label": f"reference: {source}: {summary} ({ref.get('dataset')}, line "
                f"{ref.get('line')})",
            }
            references.setdefault(source, {"name": source, "reference": True, "points": []})
            references[source]["points"].append(ref_points[rid])
    series = [*by_name.values(), *references.values()]
    for s in series:
        s["points"].sort(key=lambda p: (p["day"] or "9999", p["text"]))
    for s, m in zip(series, svg.markers([_series(s) for s in series]), strict=True):
        s["marker"] = m.name
    unit = rows[0]["quantity"].item.unit
    return {
        "id": group.id,
        "block_key": group.block_key,
        "measure": group.measure,
        "place": group.place,
        "time": group.time,
        "unit": unit,
        "members": list(group.members),
        "series": series,
        "relations": [
            {
                **rel,
                "a_text": figures[rel["a"]]["text"] if rel["a"] in figures else None,
                "b_text": figures[rel["b"]]["text"] if rel["b"] in figures else None,
            }
            for rel in group.relations
        ],
    }


def _series(s: dict[str, Any]) -> svg.Series:
    return svg.Series(
        str(s["name"]),
        tuple(
            svg.Point(p["day"], p["value"], p["low"], p["high"], str(p["label"]))
            for p in s["points"]
        ),
        bool(s["reference"]),
    )


def timeline_chart(item: dict[str, Any]) -> str:
    """The SVG timeline of a figure group as :func:`figure_group` gives it ("" when no
    figure has a date)."""
    unit = item.get("unit") or "count"
    return svg.timeline_svg(
        [_series(s) for s in item["series"]],
        title=f"{item['measure']} in {item['place']} ({item['time']})",
        y_label=f"{item['measure']} ({unit})",
    )


def claim_links(store: Store, hit: ClaimHit) -> dict[str, Any]:
    """What linking and checking say about one claim's figures: the same measure stated
    elsewhere (consistent figures, updates), the figures contradicting them, and their
    reference checks; each relation names this claim's figure (``figure``) and the other
    (``other``)."""
    links = store.claim_links(hit.id)
    c = hit.claim

    def mine(p: Part[Quantity]) -> bool:
        return p.item.doc_id == c.doc_id and p.item.sentence_index == c.sentence_index

    def pair(r: RelationHit) -> tuple[Part[Quantity], Part[Quantity]]:
        return (r.a, r.b) if mine(r.a) or not mine(r.b) else (r.b, r.a)

    others = [pair(r)[1] for r in (*links.same_measure, *links.contradicting)]
    claims = _claims_for(store, others)

    def view(r: RelationHit) -> dict[str, Any]:
        this, other = pair(r)
        return {
            "kind": r.kind,
            "id": r.id,
            "measure": r.measure,
            "reason": r.reason,
            "across": r.across,
            "figure": this.item.text,
            "other": figure_side(other, claims.get(other.item.id)),
        }

    return {
        "same_measure": [view(r) for r in links.same_measure],
        "contradicting": [view(r) for r in links.contradicting],
        "checks": [
            {
                "id": k.id,
                "status": k.status,
                "reason": k.reason,
                "tolerance": k.tolerance,
                "time_match": k.time_match,
                "rank": k.rank,
                "figure": k.quantity.item.text,
                "figure_interval": _interval_text(None, k.figure_lower, k.figure_upper),
                "reference": _reference(k.reference),
            }
            for k in links.checks
        ],
        "citations": [citation_view(h) for h in links.citations],
    }


def _cited_document(d: CitedDocument) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "outlet": d.outlet,
        "published": d.published,
    }


def citation_view(hit: CitationHit) -> dict[str, Any]:
    """A citation for the claim page: the citing source as written, the cited outlet, and
    either the cited document, its claim and figure with how it compares (``note``), or
    (``not_found``) some of the outlet's documents to look at."""
    a = hit.attribution.item
    return {
        "id": hit.id,
        "status": hit.status,
        "attributed_to": cited_name(hit),
        "outlet": hit.outlet,
        "cue": a.cue,
        "attribution_id": a.id,
        "figure": hit.figure.item.text if hit.figure is not None else None,
        "cited": _cited_document(hit.cited) if hit.cited is not None else None,
        "cited_claim_id": hit.cited_claim_id,
        "cited_figure": hit.cited_figure.item.text if hit.cited_figure is not None else None,
        "relation": hit.relation,
        "reason": hit.reason,
        "agrees": hit.agrees,
        "note": citation_note(hit),
        "summary": citation_text(hit),
        "documents": [_cited_document(d) for d in hit.documents],
        "n_documents": hit.n_documents,
    }


# -- events (extract/events, link/events) ------------------------------------------------------
# An event on these pages is its event record (as ``export --what events`` prints it) with
# what a reader needs beside it: its modality in words (only an asserted event is one the
# text says happened), its trigger marked in its sentence, its dead and injured as written,
# who reports it, its document named, and its time and place in words.


def _trigger_offset(hit: EventHit) -> int | None:
    """Where the event's sentence starts in its document, found from its spans: of the
    places the trigger's words occur in the sentence, the one that puts most of the event's
    other spans (actor, target, place, time, figures) at their own words; None when the
    trigger's words are not in the sentence."""
    e, sentence = hit.event, hit.sentence or ""
    spans = [(a.start, a.text) for a in (e.actor, e.target) if a is not None]
    spans += [(f.start, f.text) for f in (*e.fatalities, *e.injured)]
    spans += [(w.start, w.text) for w in (e.where, e.when) if w.start is not None and w.text]
    best: tuple[int, int] | None = None
    at = sentence.find(e.text)
    while at >= 0 and e.text:
        base = e.start - at
        fits = sum(
            1
            for start, text in spans
            if start is not None and sentence[start - base : start - base + len(text)] == text
        )
        if best is None or fits > best[0]:
            best = (fits, base)
        at = sentence.find(e.text, at + 1)
    return None if best is None else best[1]


def _marked(hit: EventHit) -> dict[str, str] | None:
    """The event's sentence split around its trigger (``before``, ``trigger``, ``after``),
    None when the trigger cannot be placed in it."""
    base = _trigger_offset(hit)
    if base is None or hit.sentence is None:
        return None
    e = hit.event
    a, b = e.start - base, e.end - base
    return {"before": hit.sentence[:a], "trigger": hit.sentence[a:b], "after": hit.sentence[b:]}


def _figures(figures: tuple[EventFigure, ...]) -> list[dict[str, Any]]:
    return [
        {
            "quantity_id": f.quantity_id,
            "text": f.text,
            "reading": reading_text(f.value, f.lower, f.upper, f.bound),
        }
        for f in figures
    ]


def event_view(hit: EventHit) -> dict[str, Any]:
    """An event mention for a page: its event record (with its cluster), its type's names,
    its modality in words, its sentence with the trigger marked, who did it to whom, its
    time and place in words, its dead and injured as written and read, who reports it and
    its document."""
    e: Event = hit.event
    return {
        **event_hit_record(hit),
        "type": event_type_dict(e.code),
        "modality_words": modality_text(e.modality),
        "marked": _marked(hit),
        "time": time_summary(e.when),
        "place_summary": place_summary(e.where),
        "dead": toll_text(e.fatalities),
        "injured_text": toll_text(e.injured),
        "dead_readings": _figures(e.fatalities),
        "injured_readings": _figures(e.injured),
        "reported_by": event_source(e),
        "document": {
            "id": e.doc_id,
            "source": hit.source,
            "title": hit.title,
            "outlet": hit.outlet,
            "published": hit.published,
            "date": hit.date,
        },
        "day": hit.day,
    }


def events(store: Store, f: EventFilter) -> dict[str, Any]:
    """A page of event mentions as the filter asks (latest day first), the types the ledger
    has (with how many are asserted and the clusters they form) and the ledger's counts; the
    filter as applied (``filter``; its event type as the taxonomy names it)."""
    found = store.event_page(f)
    types = store.event_types()
    return {
        **_paging(found),
        "filter": {
            "event_type": None
            if f.event_type is None
            else event_type_dict(event_code(f.event_type)),
            "modality": f.modality,
            "cluster": f.cluster,
            "has_casualties": f.has_casualties,
            "doc_ids": list(f.doc_ids),
        },
        "counts": event_counts(store, store.link_counts(), types),
        "types": [
            {
                "code": t.code,
                "name": t.name,
                "category": t.category,
                "events": t.events,
                "asserted": t.asserted,
                "clusters": t.clusters,
            }
            for t in types
        ],
        "modalities": [{"modality": m, "words": modality_text(m)} for m in MODALITIES],
        "events": [event_view(h) for h in found.items],
    }


def _tolls(views: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The different tolls (``key``: dead_readings or injured_readings) the mentions give,
    most mentions first: each reading with the outlets (else documents) giving it."""
    by_reading: dict[str, dict[str, Any]] = {}
    for v in views:
        if not v[key]:
            continue
        reading = "; ".join(f["reading"] for f in v[key])
        doc = v["document"]
        row = by_reading.setdefault(reading, {"reading": reading, "mentions": 0, "by": []})
        row["mentions"] += 1
        name = doc["outlet"] or document_name(doc)
        if name not in row["by"]:
            row["by"].append(name)
    return sorted(by_reading.values(), key=lambda r: (-r["mentions"], r["reading"]))


def event(store: Store, event_id: str, limit: int = 200) -> dict[str, Any] | None:
    """One event mention: its view, the other mentions of its cluster (the same event in
    other documents, and in its own; earliest first) side by side, the dead and injured
    tolls they give (``tolls``: where they differ, a checker sees it), the claims stating
    it and its dead and injured as stored figures; None when there is no such event."""
    found = store.event(event_id, limit)
    if found is None:
        return None
    item = event_view(found.hit)
    mentions = [event_view(h) for h in found.mentions]
    every = [item, *mentions]
    dead, injured = _tolls(every, "dead_readings"), _tolls(every, "injured_readings")
    item.update(
        n_documents=found.n_documents,
        mentions=mentions,
        more_mentions=len(mentions) >= limit,
        tolls={
            "dead": dead,
            "injured": injured,
            "dead_differ": len(dead) > 1,
            "injured_differ": len(injured) > 1,
        },
        claims=[claim_dict(h) for h in found.claims],
        fatality_figures=[figure_record(p) for p in found.fatalities],
        injured_figures=[figure_record(p) for p in found.injured],
    )
    return item


def claim_events(store: Store, event_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The events of a claim's sentence, each as :func:`event_view` gives it with how many
    documents report the same event (``n_documents``, 1 when it is in no cluster)."""
    out = []
    for event_id in event_ids:
        found = store.event(event_id, limit=0)
        if found is not None:
            out.append({**event_view(found.hit), "n_documents": found.n_documents})
    return out
