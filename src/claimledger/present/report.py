"""Self-contained HTML reports: a document's text with its claims highlighted by type and a
panel listing each claim with its figures and source.

No scripts, no external assets; a Content-Security-Policy forbids both. Every piece of
document text goes through ``html.escape``, and bidirectional control characters are shown
as visible markers so they cannot reorder what a reader sees.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from pathlib import Path

from claimledger.extract.entities import normalise
from claimledger.extract.events.taxonomy import BY_CODE as EVENT_TYPES
from claimledger.model import (
    Attribution,
    Claim,
    Event,
    EventFigure,
    Extraction,
    Quantity,
    When,
    Where,
)
from claimledger.present.outputs import write_text_atomic
from claimledger.store.base import CitationHit, ClaimLinks

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_LONG_RUN = re.compile(r"\S{100,}")
TYPE_COLOURS = {
    "statistic": "#fde68a",
    "event": "#bfdbfe",
    "quote": "#ddd6fe",
    "prediction": "#fbcfe8",
    "causal": "#fed7aa",
    "comparison": "#bbf7d0",
    "other": "#e5e7eb",
}
STYLE = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#111;background:#fafafa}
header{padding:12px 20px;background:#1f2937;color:#fff}header a{color:#cbd5e1}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;padding:20px}
.text{white-space:pre-wrap;background:#fff;padding:16px;border:1px solid #ddd;
unicode-bidi:isolate;overflow-wrap:anywhere}
.claim{border-radius:3px;padding:1px 0}.claim:target{outline:2px solid #2563eb}
mark.q{background:none;border-bottom:2px solid #b45309;font-weight:600;color:inherit}
.src{border-bottom:2px dotted #4338ca}
.ctl{font-size:11px;color:#b91c1c;border:1px solid #b91c1c;border-radius:2px;padding:0 2px}
.panel>ol{padding-left:22px}.panel>ol>li{margin-bottom:12px;background:#fff;
border:1px solid #ddd;padding:8px;overflow-wrap:anywhere}.panel ul{margin:2px 0;padding-left:18px}
.meta{color:#555;font-size:13px}.score{font-weight:700}.inherited{color:#888;font-style:italic}
.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:8px;margin-right:4px}
table{border-collapse:collapse;background:#fff}td,th{border:1px solid #ddd;padding:4px 8px;
text-align:left;vertical-align:top}
.legend span{margin-right:8px}
.links{margin-top:4px;padding:3px 6px;background:#fffbeb;border-left:3px solid #f59e0b}
.not-happened{font-style:italic}
"""


def _escape_controls(text: str) -> str:
    escaped = escape(text, quote=True)
    return BIDI.sub(lambda m: f'<span class="ctl">U+{ord(m.group()):04X}</span>', escaped)


def inert(text: str) -> str:
    """Text as HTML element content: escaped, bidi controls shown as visible markers instead
    of acting, and a break opportunity (``<wbr>``) every 100 characters of a long unbroken
    run, which keeps a browser from spending minutes laying out a 1 MB line."""
    out = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        out.append(_escape_controls(text[pos : m.start()]))
        run = m.group()
        pieces = (run[i : i + 100] for i in range(0, len(run), 100))
        out.append("<wbr>".join(_escape_controls(piece) for piece in pieces))
        pos = m.end()
    out.append(_escape_controls(text[pos:]))
    return "".join(out)


def plain_inert(text: str) -> str:
    """Bidi controls as visible plain text ("[U+202E]"), for attributes and titles; the
    caller still escapes."""
    return BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(plain_inert(title))}</title><style>{STYLE}</style></head><body>{body}</body></html>\n"
    )


def _tags(types: Iterable[str]) -> str:
    return "".join(
        f'<span class="tag" style="background:{TYPE_COLOURS.get(t, "#e5e7eb")}">{inert(t)}</span>'
        for t in types
    )


def figure_text(q: Quantity) -> str:
    bits = [q.text, "→"]
    if q.bound == "range":
        bits.append(f"{_fmt(q.lower)}–{_fmt(q.upper)}")
    elif q.bound == "vague":
        bits.append(f"vague ({_fmt(q.lower)}–{_fmt(q.upper)})")
    else:
        bits.append(f"{q.bound.replace('_', ' ')} {_fmt(q.value)}")
    bits.append(q.unit + (f"/{q.per}" if q.per else ""))
    if q.change is not None:
        bits.append(
            f"[{q.change.direction}"
            + (f" from {_fmt(q.change.from_value)}" if q.change.from_value is not None else "")
            + (f" to {_fmt(q.change.to_value)}" if q.change.to_value is not None else "")
            + "]"
        )
    if q.quantified:
        bits.append(f"of {q.quantified}")
    return " ".join(bits)


def source_label(attributed_to: str | None, canonical: str | None) -> str:
    """The source as written, with its canonical name when that says something more; a
    phrase with no canonical name names no source ("it", "75 percent of all voters" that
    nothing resolves, see extract/attributions/resolve.py) and is not shown as one."""
    if canonical is None:
        return "(no named source)"
    who = attributed_to or "(no named source)"
    if canonical and attributed_to and canonical != normalise(attributed_to):
        who = f"{who} = {canonical}"
    return who


def source_text(a: Attribution) -> str:
    """The source for a reader: "Umerov = Rustem Umerov (Defence Minister, Ukraine) [person;
    reported; cue: said]"."""
    who = source_label(a.attributed_to, a.attributed_to_canonical)
    name = (a.attributed_to_canonical or a.attributed_to or "").lower()
    described = ", ".join(
        x for x in (a.source_role, a.source_affiliation) if x and x.lower() not in name
    )
    if described:
        who = f"{who} ({described})"
    quoted = "quoted" if a.direct else "reported"
    return f"{who} [{a.source_kind}; {quoted}; cue: {a.cue}]"


def dates_text(w: When) -> str:
    """A time's resolved dates: "2024-03-05", "2024-03-01 to 2024-03-31", "to 2024-03-05"
    (an open start), or "unresolved"."""
    if w.time_start is None and w.time_end is None:
        return "unresolved"
    if w.time_start == w.time_end:
        return str(w.time_start)
    if w.time_start is None:
        return f"to {w.time_end}"
    if w.time_end is None:
        return f"from {w.time_start}"
    return f"{w.time_start} to {w.time_end}"


def time_summary(w: When) -> str:
    """A claim's or figure's time in words: the expression as written and its dates (and
    kind), or the document's date; "inherited" where not stated in its own sentence."""
    if w.kind is None:
        return "none stated"
    said = f"“{w.text}” → " if w.text else "the document's date: "
    kind = f" ({w.kind})" if w.kind != "day" else ""
    return f"{said}{dates_text(w)}{kind}" + (", inherited" if w.inherited else "")


def time_html(w: When) -> str:
    """The time for the report; an inherited one shown discreetly."""
    shown = inert(time_summary(w))
    return f'<span class="inherited">{shown}</span>' if w.inherited else shown


def place_name(w: Where) -> str:
    """A resolved place's gazetteer name with its region and country: "Kharkiv (Kharkiv,
    UA)"; the toponym as written, quoted, where the gazetteer lacks it."""
    if w.geonames_id is None or not w.name:
        return f"“{w.text}” (not in the gazetteer)"
    where = ", ".join(x for x in (w.admin1, w.country_code) if x)
    return f"{w.name} ({where})" if where else w.name


def place_summary(w: Where) -> str:
    """A claim's or figure's place in words: its gazetteer entry (with the toponym as written
    when that differs), and whether its own sentence names it or it is inherited from an
    earlier sentence or the dateline; "none stated" where no place is known."""
    if w.text is None:
        return "none stated"
    said = place_name(w)
    if w.geonames_id is not None and w.name and w.text.casefold() != w.name.casefold():
        said = f"“{w.text}” → {said}"
    return said + (", inherited" if w.inherited else ", named in the sentence")


def place_html(w: Where) -> str:
    """The place for the report; an inherited one shown discreetly, as an inherited time."""
    shown = inert(place_summary(w))
    return f'<span class="inherited">{shown}</span>' if w.inherited else shown


def _fmt(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


def _claim_span(claim: Claim, inner: str) -> str:
    colour = TYPE_COLOURS.get(claim.types[0] if claim.types else "other", "#e5e7eb")
    return (
        f'<span class="claim" id="c-{claim.id}" style="background:{colour}" '
        f'title="score {claim.score:.2f}: {escape(", ".join(claim.types))}">'
        f"{inner}</span>"
    )


def highlighted_text(ex: Extraction, wrap: Callable[[Claim, str], str] = _claim_span) -> str:
    """The document's text, escaped, with its figures and sources marked and each claim's
    sentence wrapped by ``wrap(claim, inner_html)``."""
    text = ex.document.text
    claims = {c.sentence_index: c for c in ex.claims}
    marks: list[tuple[int, int, str, str]] = []
    for q in ex.quantities:
        marks.append(
            (q.start, q.end, "mark", f'class="q" title="{escape(plain_inert(figure_text(q)))}"')
        )
    for a in ex.attributions:
        if a.source_start is not None and a.source_end is not None:
            marks.append(
                (
                    a.source_start,
                    a.source_end,
                    "span",
                    f'class="src" title="{escape(plain_inert(source_text(a)))}"',
                )
            )
    marks.sort(key=lambda m: (m[0], -m[1]))
    kept: list[tuple[int, int, str, str]] = []
    for m in marks:
        if not kept or m[0] >= kept[-1][1]:
            kept.append(m)
    # Kept marks never overlap, so their starts and their ends both ascend: a sentence's
    # marks (those inside it; one that crosses its edge is left unmarked) are a run of them,
    # found by bisection. Linear in the document, where scanning every mark for every
    # sentence took minutes for a megabyte.
    starts = [m[0] for m in kept]
    out: list[str] = []
    pos = 0
    for s in ex.sentences:
        out.append(inert(text[pos : s.start]))
        claim = claims.get(s.index)
        inner = _with_marks(text, s.start, s.end, kept, bisect_left(starts, s.start))
        if claim is not None and claim.label == "claim":
            out.append(wrap(claim, inner))
        else:
            out.append(inner)
        pos = s.end
    out.append(inert(text[pos:]))
    return "".join(out)


def _with_marks(
    text: str, start: int, end: int, marks: list[tuple[int, int, str, str]], first: int
) -> str:
    """``text[start:end]`` with the marks inside it; ``marks[first]`` is the first that
    starts at or after ``start``."""
    out = []
    pos = start
    for i in range(first, len(marks)):
        m_start, m_end, tag, attrs = marks[i]
        if m_start > end:
            break
        if m_end > end:
            continue
        out.append(inert(text[pos:m_start]))
        out.append(f"<{tag} {attrs}>{inert(text[m_start:m_end])}</{tag}>")
        pos = m_end
    out.append(inert(text[pos:end]))
    return "".join(out)


# An event's modality in words, for a reader who cannot tell it by colour: only an asserted
# event is one the text says happened; the others are never counted as having happened.
MODALITY_WORDS = {
    "asserted": "asserted: the text says it happened",
    "negated": "negated: the text says it did not happen",
    "denied": "denied: the text reports a denial, not that it happened",
    "hypothetical": "hypothetical: the text says it could happen, not that it did",
    "future": "future: threatened or planned, not reported as having happened",
}


def modality_text(modality: str) -> str:
    """An event's modality in words ("denied: the text reports a denial, ...")."""
    return MODALITY_WORDS.get(modality, f"{modality}: not reported as having happened")


def event_type_name(code: str) -> str:
    """The ACLED sub-event type of a taxonomy code ("Air/drone strike"), else the code."""
    kind = EVENT_TYPES.get(code)
    return kind.name if kind is not None else code


def reading_text(value: float | None, lower: float | None, upper: float | None, bound: str) -> str:
    """A figure's value in numbers, as figure_text reads it: "12", "at least 20", "30–40"."""
    if bound in ("range", "vague"):
        return f"{_fmt(lower)}–{_fmt(upper)}"
    if bound in ("exact", "approx"):
        return ("about " if bound == "approx" else "") + _fmt(value)
    return f"{bound.replace('_', ' ')} {_fmt(value)}"


def toll_text(figures: Sequence[EventFigure]) -> str:
    """An event's dead or injured as written, with the number read where the words are not
    that number: "“Twelve” (12)", "“at least 20”"; "" for none."""
    out = []
    for f in figures:
        reading = reading_text(f.value, f.lower, f.upper, f.bound)
        same = f.text.strip().replace(",", "") == reading.replace(",", "")
        out.append(f"“{f.text}”" + ("" if same else f" ({reading})"))
    return "; ".join(out)


def event_source(e: Event) -> str | None:
    """Who the document says reports the event (its attribution's source), None if no one."""
    src = e.attributed_to
    return None if src is None else source_label(src.text, src.canonical)


def event_text(e: Event) -> str:
    """One event in a line of plain text: its type, its trigger as written, its modality in
    words, who did it to whom, where, when, its dead and injured and who reports it: "Air/
    drone strike “air strike” (asserted: the text says it happened) · the army → the market
    · place: Brevna ... · dead: “12” · injured: “30” · reported by: the regional governor"."""
    bits = [f"{event_type_name(e.code)} “{e.text}” ({modality_text(e.modality)})"]
    if e.actor is not None or e.target is not None:
        who = e.actor.text if e.actor is not None else "(no actor named)"
        whom = e.target.text if e.target is not None else "(no target named)"
        bits.append(f"{who} → {whom}")
    bits.append(f"place: {place_summary(e.where)}")
    bits.append(f"time: {time_summary(e.when)}")
    if e.fatalities:
        bits.append(f"dead: {toll_text(e.fatalities)}")
    if e.injured:
        bits.append(f"injured: {toll_text(e.injured)}")
    source = event_source(e)
    bits.append(f"reported by: {source}" if source else "reported by: the document itself")
    return " · ".join(bits)


def event_html(e: Event) -> str:
    """An event's line for the report; one that is not asserted set apart in italics as
    well as in words."""
    shown = inert(event_text(e))
    return shown if e.happened else f'<span class="not-happened">{shown}</span>'


MAX_LINKS_SHOWN = 3  # contradictions or disagreements named in a claim's line


def cited_name(hit: CitationHit) -> str:
    """The cited outlet as the sentence names it ("the Northern Herald", "a report by Radio
    Varnek")."""
    a = hit.attribution.item
    return a.attributed_to or a.attributed_to_canonical or hit.outlet


def citation_note(hit: CitationHit) -> str:
    """How the cited document's figure compares with the claim's, in neutral words: "same
    figure", "consistent: ...", "an update: ...", "a different figure: ...", "same
    measure, not compared"."""
    if hit.status != "found" or hit.figure is None or hit.cited_figure is None:
        return ""
    mine, theirs = hit.figure.item, hit.cited_figure.item
    if hit.relation == "consistent":
        same = (mine.value, mine.lower, mine.upper, mine.unit, mine.bound) == (
            theirs.value, theirs.lower, theirs.upper, theirs.unit, theirs.bound,
        )  # fmt: skip
        return "same figure" if same else f"consistent: {hit.reason}"
    if hit.relation == "update":
        return f"an update: {hit.reason}"
    if hit.relation == "contradiction":
        return f"a different figure: {hit.reason}"
    return "same measure, not compared"


def citation_text(hit: CitationHit) -> str:
    """One citation in a line of plain text: "cites the Northern Herald: its report of
    2026-03-10 states At least 23 (same figure)", or "cites Radio Varnek: none of its 1
    document in the ledger states this claim's figures"."""
    head = f"cites {cited_name(hit)}"
    if hit.status == "found" and hit.cited is not None and hit.cited_figure is not None:
        when = (
            f"its report of {hit.cited.published[:10]}" if hit.cited.published else ("its report")
        )
        return f"{head}: {when} states {hit.cited_figure.item.text} ({citation_note(hit)})"
    noun = "document" if hit.n_documents == 1 else "documents"
    return f"{head}: none of its {hit.n_documents} {noun} in the ledger states this claim's figures"


def links_line(links: ClaimLinks | None, limit: int = MAX_LINKS_SHOWN) -> str:
    """A claim's contradictions, reference disagreements and cited outlets in one line of
    plain text, in neutral words ("contradicted by 1 figure elsewhere: 19 vs 4 for the same
    place and day · reference data: disagrees with Varnek Health Office (23 on 2026-03-10) ·
    cites the Northern Herald: found in the ledger"); "" when it has none. Says what
    differs, never that the claim is false."""
    if links is None:
        return ""
    bits = []
    contra = links.contradicting
    if contra:
        shown = "; ".join(r.reason for r in contra[:limit])
        more = f"; and {len(contra) - limit} more" if len(contra) > limit else ""
        noun = "figure" if len(contra) == 1 else "figures"
        bits.append(f"contradicted by {len(contra)} {noun} elsewhere: {shown}{more}")
    disagree = [k for k in links.checks if k.status == "disagrees"]
    if disagree:
        shown = "; ".join(k.reason for k in disagree[:limit])
        more = f"; and {len(disagree) - limit} more" if len(disagree) > limit else ""
        bits.append(f"reference data: {shown}{more}")
    cited: dict[str, bool] = {}  # each citing attribution once: found anywhere, or not
    names: dict[str, str] = {}
    for c in links.citations:
        aid = c.attribution.item.id
        cited[aid] = cited.get(aid, False) or c.status == "found"
        names[aid] = cited_name(c)
    for aid, found in cited.items():
        where = "found in the ledger" if found else "not found in the ledger"
        bits.append(f"cites {names[aid]}: {where}")
    return " · ".join(bits)


def _claim_item(
    c: Claim,
    quantities: dict[str, Quantity],
    attributions: dict[str, Attribution],
    links: ClaimLinks | None = None,
    events: Mapping[str, Event] | None = None,
) -> str:
    qs = [quantities[i] for i in c.quantity_ids if i in quantities]
    atts = [attributions[i] for i in c.attribution_ids if i in attributions]
    evs = [events[i] for i in c.event_ids if i in events] if events else []
    figures = "".join(f"<li>{inert(figure_text(q))}</li>" for q in qs) or "<li>none</li>"
    sources = "".join(f"<li>{inert(source_text(a))}</li>" for a in atts) or "<li>none stated</li>"
    listed = "".join(f"<li>{event_html(e)}</li>" for e in evs)
    events_part = f'events:<ul class="events">{listed}</ul>' if listed else ""
    line = links_line(links)
    linked = f'<div class="links">{inert(line)}</div>' if line else ""
    return (
        f'<li><a href="#c-{c.id}">#{c.sentence_index + 1}</a> <span class="score">'
        f"{c.score:.2f}</span> {_tags(c.types)}<div>{inert(c.text)}</div>"
        f'<div class="meta">time: {time_html(c.when)}'
        f"<br>place: {place_html(c.where)}"
        f"<br>figures:<ul>{figures}</ul>source:<ul>{sources}</ul>{events_part}</div>"
        f"{linked}</li>"
    )


def document_html(ex: Extraction, links: Mapping[str, ClaimLinks] | None = None) -> str:
    """One document's report; ``links`` (claim id to what linking and checking say about
    its figures) adds a line to each claim with contradictions or disagreements. Each
    claim lists the events of its sentence (``ex.items["events"]``), one line each."""
    doc = ex.document
    title = doc.title or doc.source
    ranked = sorted((c for c in ex.claims if c.label == "claim"), key=lambda c: -c.score)
    quantities = {q.id: q for q in ex.quantities}
    attributions = {a.id: a for a in ex.attributions}
    meta = " · ".join(
        inert(f"{k}: {v}") for k, v in [("source", doc.source), *doc.metadata().items()] if v
    )
    if ex.date_from is not None:  # the date relative times were resolved against
        meta += " · " + inert(f"date: {ex.date or 'none'} (from {ex.date_from})")
    legend = "".join(
        f'<span class="tag" style="background:{c}">{t}</span>' for t, c in TYPE_COLOURS.items()
    )
    found = links or {}
    events = {e.id: e for e in ex.items.get("events", ()) if isinstance(e, Event)}
    items = "".join(
        _claim_item(c, quantities, attributions, found.get(c.id), events) for c in ranked
    )
    body = (
        f'<header><a href="index.html">all documents</a><h1>{inert(title)}</h1>'
        f'<div class="meta" style="color:#cbd5e1">{meta} · id {doc.id}</div></header>'
        f'<main><section><div class="legend">{legend}</div>'
        f'<div class="text">{highlighted_text(ex)}</div></section>'
        f'<section class="panel"><h2>{len(ranked)} claims, ranked by check-worthiness</h2>'
        f'<p class="meta">What the document says, not what is true: each claim is this '
        f"document's statement, with the source it gives.</p>"
        f"<ol>{items}</ol>"
        "</section></main>"
    )
    return _page(f"claimledger: {title}", body)


def index_html(extractions: list[Extraction]) -> str:
    rows = "".join(
        f'<tr><td><a href="{report_name(ex.document.id)}">'
        f"{inert(ex.document.title or ex.document.source)}</a></td>"
        f"<td>{inert(ex.document.source)}</td>"
        f"<td>{sum(1 for c in ex.claims if c.label == 'claim')}</td>"
        f"<td>{len(ex.quantities)}</td><td>{len(ex.attributions)}</td></tr>"
        for ex in extractions
    )
    body = (
        '<header><h1>claimledger report</h1></header><main style="display:block"><table>'
        "<tr><th>document</th><th>source</th><th>claims</th><th>figures</th>"
        f"<th>attributions</th></tr>{rows}</table></main>"
    )
    return _page("claimledger report", body)


def report_name(doc_id: str) -> str:
    return f"doc-{doc_id}.html"


def write_reports(
    extractions: list[Extraction],
    out_dir: Path,
    links: Mapping[str, ClaimLinks] | None = None,
) -> list[Path]:
    """One HTML file per document plus index.html; returns the paths written. ``links``:
    what linking and checking say about each claim (by claim id), for its line."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ex in extractions:
        path = out_dir / report_name(ex.document.id)
        write_text_atomic(path, document_html(ex, links))
        written.append(path)
    index = out_dir / "index.html"
    write_text_atomic(index, index_html(extractions))
    return [index, *written]
