"""The review desk's reads and writes on a ledger: the worklist, documents, claims in context,
reviews, and the ClaimReview records published from them.

Every function takes an open :class:`Ledger` and returns plain JSON-ready dicts, so that the
web pages, their ``.json`` twins and ``claimledger export --what claimreview`` share one
source. Filters arrive already validated (see :class:`ClaimFilter`); values go to SQLite as
parameters, never into the SQL text.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from claimledger.errors import UsageError
from claimledger.extract import checkworthy
from claimledger.present.report import figure_text, source_label
from claimledger.store.sqlite import Ledger, now, quantity_from_row

# AVeriTeC's four verdicts, the labels fact-checkers' datasets and ClaimReview feeds use.
VERDICTS = ("Supported", "Refuted", "Not Enough Evidence", "Conflicting Evidence/Cherrypicking")
# Claim types, then the types of sentences that are not claims, as checkworthy gives them.
CLAIM_TYPES = checkworthy.CLAIM_TYPES + checkworthy.NOT_CLAIM_TYPES
SORTS = {
    "score": "c.score DESC, c.doc_id, c.idx",
    "score_asc": "c.score ASC, c.doc_id, c.idx",
    "document": "d.source, d.record, c.idx",
    "reviewed": "last_review_at DESC, c.score DESC",
}
MAX_PER_PAGE = 200
# Far past any ledger's last page, and (MAX_PAGE - 1) * MAX_PER_PAGE is an OFFSET SQLite's
# 64-bit integers hold: a larger page number is refused before it reaches SQL.
MAX_PAGE = 1_000_000
MAX_NOTE = 10_000
MAX_REVIEWER = 200
_PERSONS = {"person"}


@dataclass(frozen=True)
class ClaimFilter:
    """What the worklist shows; ``None`` leaves a filter off."""

    claim_type: str | None = None
    min_score: float | None = None
    max_score: float | None = None
    label: str | None = "claim"  # None: every sentence
    has_figure: bool | None = None
    source: str | None = None  # part of the attributed source's name, any case
    reviewed: bool | None = None
    doc_ids: tuple[str, ...] = ()  # only these documents
    text: str | None = None  # part of the claim's text, any case
    sort: str = "score"
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        if self.claim_type is not None and self.claim_type not in CLAIM_TYPES:
            raise UsageError(f"type {self.claim_type!r} is not one of {', '.join(CLAIM_TYPES)}")
        for name in ("min_score", "max_score"):
            value = getattr(self, name)
            if value is not None and not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise UsageError(f"{name} must be a score between 0 and 1, not {value}")
        if self.label not in (None, "claim", "not_claim"):
            raise UsageError(f"label {self.label!r} is not one of claim, not_claim, all")
        if self.sort not in SORTS:
            raise UsageError(f"sort {self.sort!r} is not one of {', '.join(SORTS)}")
        _check_paging(self.page, self.per_page)


def _check_paging(page: int, per_page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise UsageError(f"page must be between 1 and {MAX_PAGE}, not {_shown(page)}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise UsageError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {_shown(per_page)}")


def _shown(number: int) -> str:
    return str(number) if abs(number) < 10**30 else "a number that large"


def overview(ledger: Ledger) -> dict[str, Any]:
    q = ledger.conn.execute

    def count(sql: str) -> int:
        return int(q(sql).fetchone()[0])

    verdicts = dict.fromkeys(VERDICTS, 0)
    for row in q(
        "SELECT verdict, COUNT(*) FROM reviews r WHERE r.id = "
        "(SELECT MAX(id) FROM reviews WHERE claim_id = r.claim_id) GROUP BY verdict"
    ):
        verdicts[row[0]] = int(row[1])
    return {
        "ledger": ledger.path.name,
        "documents": count("SELECT COUNT(*) FROM documents"),
        "sentences": count("SELECT COUNT(*) FROM claims"),
        "claims": count("SELECT COUNT(*) FROM claims WHERE label = 'claim'"),
        "figures": count("SELECT COUNT(*) FROM quantities"),
        "attributions": count("SELECT COUNT(*) FROM attributions"),
        "reviewed_claims": count("SELECT COUNT(DISTINCT claim_id) FROM reviews"),
        "reviews": count("SELECT COUNT(*) FROM reviews"),
        "verdicts": verdicts,
        "rejections": count("SELECT COUNT(*) FROM rejections"),
        # Cross-document contradiction finding is not built yet; null says "not computed".
        "contradictions": None,
        "recent_reviews": [
            _review(r)
            for r in q(
                "SELECT r.*, COALESCE(c.text, r.claim_text) AS text FROM reviews r "
                "LEFT JOIN claims c ON c.id = r.claim_id ORDER BY r.id DESC LIMIT 10"
            )
        ],
    }


def documents(
    ledger: Ledger,
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
    _check_paging(page, per_page)
    where, args = ["1"], []
    if text:
        where.append("(instr(lower(d.title), lower(?)) > 0 OR instr(lower(d.text), lower(?)) > 0)")
        args += [text, text]
    if outlet:
        where.append("d.outlet = ?")
        args.append(outlet)
    if date_from:
        where.append("d.published >= ?")
        args.append(date_from)
    if date_to:
        where.append("substr(d.published, 1, 10) <= ?")
        args.append(date_to)
    sql_where = " AND ".join(where)
    total = ledger.conn.execute(
        f"SELECT COUNT(*) FROM documents d WHERE {sql_where}", args
    ).fetchone()[0]
    rows = ledger.conn.execute(
        "SELECT d.id, d.source, d.record, d.title, d.url, d.published, d.outlet, d.author, "
        "d.n_chars, d.n_words, "
        "(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id AND c.label = 'claim') AS claims, "
        "(SELECT COUNT(DISTINCT r.claim_id) FROM reviews r WHERE r.doc_id = d.id) AS reviewed "
        f"FROM documents d WHERE {sql_where} "
        "ORDER BY d.published IS NULL, d.published DESC, d.source, d.record LIMIT ? OFFSET ?",
        [*args, per_page, (page - 1) * per_page],
    ).fetchall()
    outlets = [
        r[0]
        for r in ledger.conn.execute(
            "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet"
        )
    ]
    return {
        **_paging(total, page, per_page),
        "outlets": outlets,
        "documents": [dict(r) for r in rows],
    }


def claims(ledger: Ledger, f: ClaimFilter) -> dict[str, Any]:
    """One page of the ranked worklist with each claim's figures, sources and verdict."""
    where, args = claim_where(f)
    sql_where = " AND ".join(where)
    count = f"SELECT COUNT(*) FROM claims c WHERE {sql_where}"
    total = ledger.conn.execute(count, args).fetchone()[0]
    rows = ledger.conn.execute(
        f"{_CLAIM_SELECT} WHERE {sql_where} ORDER BY {SORTS[f.sort]} LIMIT ? OFFSET ?",
        [*args, f.per_page, (f.page - 1) * f.per_page],
    ).fetchall()
    items = [_claim_row(r) for r in rows]
    _attach(ledger, items)
    return {**_paging(total, f.page, f.per_page), "claims": items}


_CLAIM_SELECT = (
    "SELECT c.id, c.doc_id, c.idx, c.text, c.score, c.label, c.types, "
    "d.title, d.source, d.outlet, d.published, "
    "(SELECT MAX(created_at) FROM reviews r WHERE r.claim_id = c.id) AS last_review_at "
    "FROM claims c JOIN documents d ON d.id = c.doc_id"
)


def document_claims(ledger: Ledger, doc_id: str) -> list[dict[str, Any]]:
    """Every claim of one document in text order, as the worklist shows them: one query,
    not a page at a time (each page would count and skip all the rows before it)."""
    rows = ledger.conn.execute(
        f"{_CLAIM_SELECT} WHERE c.doc_id = ? AND c.label = 'claim' ORDER BY c.idx", (doc_id,)
    ).fetchall()
    items = [_claim_row(r) for r in rows]
    for i in range(0, len(items), MAX_PER_PAGE):  # bounded IN lists
        _attach(ledger, items[i : i + MAX_PER_PAGE])
    return items


def _paging(total: int, page: int, per_page: int) -> dict[str, int]:
    return {
        "total": int(total),
        "page": page,
        "per_page": per_page,
        "pages": max(1, -(-int(total) // per_page)),
    }


def claim_where(f: ClaimFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``claims c`` and their parameters for a filter (paging aside)."""
    where: list[str] = ["1"]
    args: list[Any] = []
    if f.label:
        where.append("c.label = ?")
        args.append(f.label)
    if f.claim_type:
        # types is a JSON list of words from CLAIM_TYPES: the quoted word is an exact test,
        # and several times faster than json_each over every claim.
        where.append("instr(c.types, ?) > 0")
        args.append(json.dumps(f.claim_type))
    if f.min_score is not None:
        where.append("c.score >= ?")
        args.append(f.min_score)
    if f.max_score is not None:
        where.append("c.score <= ?")
        args.append(f.max_score)
    if f.has_figure is not None:
        exists = "EXISTS (SELECT 1 FROM quantities q WHERE q.claim_id = c.id)"
        where.append(exists if f.has_figure else f"NOT {exists}")
    if f.reviewed is not None:
        exists = "EXISTS (SELECT 1 FROM reviews r WHERE r.claim_id = c.id)"
        where.append(exists if f.reviewed else f"NOT {exists}")
    if f.source:
        where.append(
            "EXISTS (SELECT 1 FROM claim_attributions ca JOIN attributions a "
            "ON a.id = ca.attribution_id WHERE ca.claim_id = c.id AND "
            "(instr(lower(a.attributed_to), lower(?)) > 0 "
            "OR instr(lower(a.attributed_to_canonical), lower(?)) > 0))"
        )
        args += [f.source, f.source]
    if f.doc_ids:
        where.append(f"c.doc_id IN ({_in(f.doc_ids)})")
        args.extend(f.doc_ids)
    if f.text:
        where.append("instr(lower(c.text), lower(?)) > 0")
        args.append(f.text)
    return where, args


def _claim_row(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"],
        "doc_id": r["doc_id"],
        "sentence_index": r["idx"],
        "text": r["text"],
        "score": round(float(r["score"]), 4),
        "label": r["label"],
        "types": json.loads(r["types"]),
        "document": {
            "title": r["title"],
            "source": r["source"],
            "outlet": r["outlet"],
            "published": r["published"],
        },
    }


def _in(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))


def _attach(ledger: Ledger, items: list[dict[str, Any]]) -> None:
    """Give each claim dict its figures, attributed sources and latest verdict, in three
    queries for the whole page."""
    ids = [c["id"] for c in items]
    by_id = {c["id"]: c for c in items}
    for c in items:
        c.update(figures=[], sources=[], verdict=None, reviews=0)
    if not ids:
        return
    q = ledger.conn.execute
    for r in q(f"SELECT * FROM quantities WHERE claim_id IN ({_in(ids)}) ORDER BY start_char", ids):
        by_id[r["claim_id"]]["figures"].append(_figure(r))
    for r in q(
        "SELECT ca.claim_id, a.* FROM claim_attributions ca JOIN attributions a "
        f"ON a.id = ca.attribution_id WHERE ca.claim_id IN ({_in(ids)}) ORDER BY a.start_char",
        ids,
    ):
        by_id[r["claim_id"]]["sources"].append(_source(r))
    for r in q(
        "SELECT claim_id, verdict, n FROM (SELECT claim_id, verdict, "
        "COUNT(*) OVER (PARTITION BY claim_id) AS n, "
        "ROW_NUMBER() OVER (PARTITION BY claim_id ORDER BY id DESC) AS k "
        f"FROM reviews WHERE claim_id IN ({_in(ids)})) WHERE k = 1",
        ids,
    ):
        by_id[r["claim_id"]].update(verdict=r["verdict"], reviews=int(r["n"]))


def _figure(r: sqlite3.Row) -> dict[str, Any]:
    q = quantity_from_row(r)
    return {
        "id": r["id"],
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": q.value,
        "lower": q.lower,
        "upper": q.upper,
        "unit": q.unit,
        "per": q.per,
        "bound": q.bound,
        "change": None
        if q.change is None
        else {
            "direction": q.change.direction,
            "from": q.change.from_value,
            "to": q.change.to_value,
            "by": q.change.by_value,
        },
        "quantified": q.quantified,
        "summary": figure_text(q),
    }


def _source(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"],
        "attributed_to": r["attributed_to"],
        "canonical": r["attributed_to_canonical"],
        "role": r["source_role"],
        "affiliation": r["source_affiliation"],
        "kind": r["source_kind"],
        "cue": r["cue"],
        "content": r["content"],
        "direct": bool(r["direct"]),
        "nested_in": r["parent_id"],
        "label": source_label(r["attributed_to"], r["attributed_to_canonical"]),
    }


def _review(r: sqlite3.Row) -> dict[str, Any]:
    keys = r.keys()
    return {
        "id": r["id"],
        "claim_id": r["claim_id"],
        "verdict": r["verdict"],
        "note": r["note"],
        "reviewer": r["reviewer"],
        "created_at": r["created_at"],
        **({"text": r["text"]} if "text" in keys else {}),
    }


def claim(ledger: Ledger, claim_id: str, context: int = 2) -> dict[str, Any] | None:
    """One claim with its parts, its sentence among its neighbours, claims elsewhere in the
    ledger stating the same figure, and its review history (newest first)."""
    q = ledger.conn.execute
    row = q(
        "SELECT c.*, d.title, d.source, d.outlet, d.published, d.url, d.text AS doc_text, "
        "NULL AS last_review_at FROM claims c JOIN documents d ON d.id = c.doc_id "
        "WHERE c.id = ?",
        (claim_id,),
    ).fetchone()
    if row is None:
        return None
    item = _claim_row(row)
    item["document"]["url"] = row["url"]
    item["start"], item["end"] = row["start_char"], row["end_char"]
    _attach(ledger, [item])
    doc_text = row["doc_text"]
    item["context"] = [
        {
            "sentence_index": s["idx"],
            "text": doc_text[s["start_char"] : s["end_char"]],
            "is_claim": s["idx"] == row["idx"],
        }
        for s in q(
            "SELECT idx, start_char, end_char FROM sentences WHERE doc_id = ? "
            "AND idx BETWEEN ? AND ? ORDER BY idx",
            (row["doc_id"], row["idx"] - context, row["idx"] + context),
        )
    ]
    item["same_figure"] = _same_figure(ledger, claim_id, item["figures"])
    item["history"] = [
        _review(r)
        for r in q("SELECT * FROM reviews WHERE claim_id = ? ORDER BY id DESC", (claim_id,))
    ]
    return item


def _same_figure(ledger: Ledger, claim_id: str, figures: list[dict[str, Any]]) -> list[Any]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for fig in figures:
        if fig["value"] is not None:
            cond, args = "q.value = ?", [fig["value"]]
        elif fig["lower"] is not None or fig["upper"] is not None:
            cond, args = "q.lower IS ? AND q.upper IS ?", [fig["lower"], fig["upper"]]
        else:
            continue
        for r in ledger.conn.execute(
            "SELECT q.claim_id, q.text AS figure, c.text, c.score, c.doc_id, d.title, d.source "
            "FROM quantities q JOIN claims c ON c.id = q.claim_id "
            "JOIN documents d ON d.id = c.doc_id "
            f"WHERE q.unit = ? AND {cond} AND q.claim_id != ? ORDER BY c.score DESC LIMIT 20",
            [fig["unit"], *args, claim_id],
        ):
            key = (fig["id"], r["claim_id"])
            if key in seen:
                continue
            seen.add(key)
            out.append(
                {
                    "figure": fig["text"],
                    "claim_id": r["claim_id"],
                    "their_figure": r["figure"],
                    "text": r["text"],
                    "score": round(float(r["score"]), 4),
                    "doc_id": r["doc_id"],
                    "document": r["title"] or r["source"],
                }
            )
    return out


def add_review(
    ledger: Ledger, claim_id: str, verdict: str, reviewer: str, note: str = ""
) -> dict[str, Any]:
    """Record a verdict on a stored claim; earlier reviews stay as history."""
    verdict, reviewer, note = verdict.strip(), reviewer.strip(), note.strip()
    if verdict not in VERDICTS:
        raise UsageError(f"verdict {verdict!r} is not one of: {', '.join(VERDICTS)}")
    if not reviewer:
        raise UsageError("a review needs the reviewer's name")
    if len(reviewer) > MAX_REVIEWER:
        raise UsageError(f"the reviewer's name is longer than {MAX_REVIEWER} characters")
    if len(note) > MAX_NOTE:
        raise UsageError(f"the note is longer than {MAX_NOTE} characters; shorten it")
    with ledger.transaction() as c:
        row = c.execute("SELECT doc_id, text FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if row is None:
            raise LookupError(claim_id)
        cur = c.execute(
            "INSERT INTO reviews (claim_id, verdict, note, reviewer, created_at, doc_id, "
            "claim_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (claim_id, verdict, note, reviewer, now(), row["doc_id"], row["text"]),
        )
        new = c.execute("SELECT * FROM reviews WHERE id = ?", (cur.lastrowid,)).fetchone()
    return _review(new)


def public_url(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) address fit to publish, else None: never a
    local path, a ``javascript:`` or ``file:`` URL, a spreadsheet formula, or text with
    spaces or control characters."""
    if not value or len(value) > 2048 or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return value


def claim_reviews(ledger: Ledger, organisation: str, base_url: str) -> Iterator[dict[str, Any]]:
    """A schema.org ClaimReview (JSON-LD) for each reviewed claim, from its latest review.

    ``claimReviewed`` is the sentence as the document states it; ``itemReviewed`` is the
    claim with its attributed source as ``author`` (the document's author or outlet when it
    names none) and the document as its ``appearance``.
    """
    base = base_url.rstrip("/")
    q = ledger.conn.execute
    rows = q(
        "SELECT r.*, COALESCE(c.text, r.claim_text) AS text, "
        "d.url, d.source, d.published, d.author, d.outlet, d.title FROM reviews r "
        "LEFT JOIN claims c ON c.id = r.claim_id "
        "LEFT JOIN documents d ON d.id = COALESCE(c.doc_id, r.doc_id) "
        "WHERE r.id = (SELECT MAX(id) FROM reviews WHERE claim_id = r.claim_id) "
        "ORDER BY r.id"
    ).fetchall()
    for r in rows:
        if r["text"] is None:  # a review from before snapshots, on a claim since re-extracted
            continue
        src = q(
            # a named source; or a document whose issuing body is known ("a UN report")
            "SELECT a.attributed_to, a.attributed_to_canonical, a.source_kind, "
            "a.source_affiliation FROM claim_attributions ca "
            "JOIN attributions a ON a.id = ca.attribution_id WHERE ca.claim_id = ? AND ("
            "(a.source_kind IN ('person', 'organization', 'outlet') "
            "AND COALESCE(a.attributed_to_canonical, a.attributed_to) IS NOT NULL "
            "AND (a.attributed_to_canonical IS NOT NULL OR a.source_kind != 'person')) "
            "OR (a.source_kind = 'document' AND a.source_affiliation IS NOT NULL)) "
            "ORDER BY a.start_char LIMIT 1",
            (r["claim_id"],),
        ).fetchone()
        author: dict[str, Any] | None = None
        if src is not None and src["source_kind"] == "document":
            author = {"@type": "Organization", "name": src["source_affiliation"]}
        elif src is not None:
            kind = "Person" if src["source_kind"] in _PERSONS else "Organization"
            author = {"@type": kind, "name": src["attributed_to_canonical"] or src["attributed_to"]}
        elif r["author"]:
            author = {"@type": "Person", "name": r["author"]}
        elif r["outlet"]:
            author = {"@type": "Organization", "name": r["outlet"]}
        # Only a public http(s) address is published; a local path or any other scheme stays
        # in the ledger.
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        url = public_url(r["url"]) or public_url(r["source"])
        if url is not None:
            appearance["url"] = url
        if r["title"]:
            appearance["headline"] = r["title"]
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        if author is not None:
            item["author"] = author
        if r["published"]:
            item["datePublished"] = r["published"][:10]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}/claims/{r['claim_id']}#review-{r['id']}",
            "claimReviewed": r["text"],
            "datePublished": r["created_at"][:10],
            "author": {"@type": "Organization", "name": organisation},
            "reviewRating": {"@type": "Rating", "alternateName": r["verdict"]},
            "itemReviewed": item,
        }
        if r["note"]:
            review["reviewBody"] = r["note"]
        yield review
