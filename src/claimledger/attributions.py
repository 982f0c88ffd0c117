"""Attribution extraction: who a statement is attributed to, the cue, and the content.

First version, from spaCy's dependency parse: speech and belief verbs with their subject
(or passive agent) and clausal complement or quote, "according to X", and "as X reported".
Offsets are into the document text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from claimledger.entities import PersonRegistry, canonical_name, is_outlet, normalise
from claimledger.lexicon import (
    DOCUMENT_SOURCE_HEADS,
    PERSON_ROLE_HEADS,
    SPEECH_VERBS,
    UNNAMED_SOURCE_HEADS,
    WEAK_SPEECH_VERBS,
)
from claimledger.model import Attribution
from claimledger.parsed import as_sent

_TRIM = " \t\n\r,;:—–-\"“”„«»‘’'"
_ORG_HEADS = frozenset(
    [
        "ministry",
        "army",
        "military",
        "government",
        "police",
        "office",
        "agency",
        "command",
        "council",
        "committee",
        "forces",
        "force",
        "department",
        "service",
        "bank",
        "court",
        "parliament",
        "commission",
        "authority",
        "authorities",
        "company",
        "party",
        "group",
        "embassy",
        "administration",
        "cabinet",
        "presidency",
        "staff",
        "headquarters",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "prosecutor",
        "prosecutors",
        "directorate",
        "regime",
        "coalition",
        "alliance",
        "union",
        "federation",
        "organisation",
        "organization",
        "institute",
        "center",
        "centre",
        "mission",
    ]
)
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "other",
    "it": "other",
    "we": "other",
    "i": "person",
    "you": "other",
}


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+,(?: [A-Z][a-z]{2,8}\.? \d{1,2})? (?:\([^)]{1,40}\) )?[-–—]+ "
)


def extract_attributions(
    sent: Any,
    doc_id: str,
    offset: int,
    sentence_index: int,
    people: PersonRegistry,
    quotes: list[tuple[int, int]] | None = None,
) -> list[Attribution]:
    """Attributions in one spaCy sentence; ``offset`` is the document offset of its chunk.

    ``quotes`` are the quotation spans of the whole chunk (``quote_spans``), so that a quote
    running over several sentences is paired correctly; computed here when not given.
    """
    sent = as_sent(sent)
    found: list[Attribution] = []
    if quotes is None:
        quotes = quote_spans(sent.doc_text, 0, len(sent.doc_text))
    for tok in sent:
        att = None
        if (
            tok.lower_ == "according"
            and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
        ):
            att = _according_to(tok, sent, quotes)
        elif tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
            att = _verb_cue(tok, sent, quotes)
        if att is not None:
            att.content = _without_dateline(sent.doc_text, att.content)
            found.append(_record(att, sent, doc_id, offset, sentence_index, people))
    return _link_nested(found)


def _without_dateline(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    m = _DATELINE.match(text[span[0] : span[1]])
    return (span[0] + m.end(), span[1]) if m else span


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the text inside each quotation, in chunk offsets.

    Straight quotes pair in order of appearance; an unclosed quote runs to ``end``
    (multi-paragraph quotes leave their closing mark off until the last paragraph)."""
    spans = []
    i = start
    while i < end:
        ch = text[i]
        if ch in "“«„" or ch == '"':
            closer = {"“": "”", "«": "»", "„": "“"}.get(ch, '"')
            j = text.find(closer, i + 1, end)
            if ch == "„" and j < 0:
                j = text.find("”", i + 1, end)
            stop = j if j >= 0 else end
            if stop > i + 1:
                spans.append((i + 1, stop))
            i = stop + 1
            continue
        i += 1
    return spans


class _Found:
    def __init__(
        self,
        cue: tuple[int, int],
        source: tuple[int, int] | None,
        content: tuple[int, int] | None,
        direct: bool,
        head: Any | None,
    ) -> None:
        self.cue, self.source, self.content, self.direct, self.head = (
            cue,
            source,
            content,
            direct,
            head,
        )


def _span(tokens: list[Any]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trimmed(doc_text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    s, e = span
    while s < e and doc_text[s] in _TRIM:
        s += 1
    while e > s and (doc_text[e - 1] in _TRIM or (doc_text[e - 1] in ".!?" and e - 1 > s)):
        if doc_text[e - 1] in ".!?" and re.search(
            r"\b[A-Z][a-z]?\.$|\b[A-Z]\.[A-Z]\.$", doc_text[s:e]
        ):
            break  # keep the full stop of "U.S." or "Jr."
        e -= 1
    return (s, e) if e > s else None


def _subtree(tok: Any) -> list[Any]:
    return sorted(tok.subtree, key=lambda t: t.i)


def _source_tokens(subj: Any) -> list[Any]:
    """The subject phrase without trailing relative clauses or appositions after a comma."""
    toks = _subtree(subj)
    out = []
    for t in toks:
        if t.i > subj.i and (t.text == "," or (t.dep_ in ("relcl", "acl") and t.head == subj)):
            break
        out.append(t)
    return out


def _according_to(tok: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    to = sent.doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = _source_tokens(pobj)
    phrase_end = src[-1].i + 1
    cue = (tok.idx, to.idx + len(to.text))
    before = [t for t in sent if t.i < tok.i]
    after = [t for t in sent if t.i >= phrase_end]
    content_toks = (
        after
        if len([t for t in after if not t.is_punct]) >= len([t for t in before if not t.is_punct])
        else before
    )
    text = sent.doc_text
    return _Found(
        cue,
        _trimmed(text, _span(src)),
        _trimmed(text, _span(content_toks)),
        _is_direct(_span(content_toks), quotes),
        pobj,
    )


def _verb_cue(verb: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    text = sent.doc_text
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        subj = next((c for c in agent.children if c.dep_ == "pobj"), subj)
    content_head = next((c for c in verb.children if c.dep_ in ("ccomp",)), None)
    is_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    cue_end = verb.idx + len(verb.text)
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    if particle is not None and particle.i == verb.i + 1:
        cue_end = particle.idx + len(particle.text)
    cue = (verb.idx, cue_end)
    content: tuple[int, int] | None = None
    if content_head is not None and not (verb.dep_ == "ccomp" and is_as):
        content = _span(_subtree(content_head))
    elif is_as and verb.dep_ == "advcl" and verb.head is not None:
        own = {t.i for t in verb.subtree}
        clause = [t for t in _subtree(verb.head) if t.i not in own]
        content = _span(clause)
    # "X said: "..." " and quotes next to the cue take precedence for direct speech.
    direct = False
    near = _adjacent_quote(quotes, verb, sent)
    if near is not None and (content is None or _overlaps(near, content)):
        content, direct = near, True
    elif content is not None:
        direct = _is_direct(content, quotes)
    if content is None:
        return None
    if verb.lemma_.lower() in WEAK_SPEECH_VERBS and content_head is None and not direct:
        return None
    if subj is None and verb.tag_ != "VBN":
        return None
    source = _trimmed(text, _span(_source_tokens(subj))) if subj is not None else None
    if source is not None and content is not None and _overlaps(source, content):
        return None
    return _Found(cue, source, _trimmed(text, content), direct, subj)


def _adjacent_quote(quotes: list[tuple[int, int]], verb: Any, sent: Any) -> tuple[int, int] | None:
    if not quotes:
        return None
    text = sent.doc_text
    cue_s, cue_e = verb.idx, verb.idx + len(verb.text)
    best = None
    for s, e in quotes:
        if e <= cue_s:
            gap = text[e:cue_s]
        elif s >= cue_e:
            gap = text[cue_e:s]
        else:
            continue
        close = len(gap) <= 60 and not re.search(r"[.;!?]", gap.strip(" \"”’'.,"))
        if close and (best is None or abs(s - cue_s) < abs(best[0] - cue_s)):
            best = (s, e)
    return best


def _is_direct(span: tuple[int, int] | None, quotes: list[tuple[int, int]]) -> bool:
    if span is None:
        return False
    s, e = span
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quotes)
    return inside >= 0.6 * max(1, e - s)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _source_kind(
    source_text: str, head: Any | None, sent: Any, span: tuple[int, int] | None
) -> tuple[str, str | None]:
    """(source_kind, entity label) for a source phrase."""
    if span is None:
        return "unnamed", None
    labels = [e.label_ for e in sent.ents if e.start_char < span[1] and span[0] < e.end_char]
    lemma = head.lemma_.lower() if head is not None else ""
    lower = source_text.lower()
    if lower in _PRONOUNS:
        return _PRONOUNS[lower], None
    if is_outlet(source_text) or any(
        is_outlet(e.text) for e in sent.ents if e.start_char >= span[0] and e.end_char <= span[1]
    ):
        return "outlet", "ORG"
    if "PERSON" in labels:
        return "person", "PERSON"
    if lemma in DOCUMENT_SOURCE_HEADS:
        return "document", None
    if lemma in PERSON_ROLE_HEADS and head is not None and head.tag_ in ("NN", "NNP"):
        return "person", None
    if any(label in ("ORG", "GPE", "NORP") for label in labels) or lemma in _ORG_HEADS:
        return "organization", next((x for x in labels if x in ("ORG", "GPE", "NORP")), None)
    if lemma in UNNAMED_SOURCE_HEADS:
        return "unnamed", None
    return "other", None


def _canonical(
    source_text: str,
    kind: str,
    label: str | None,
    sent: Any,
    span: tuple[int, int],
    people: PersonRegistry,
) -> str:
    lower = source_text.lower()
    if lower in ("he", "she") and people.last():
        return people.last() or source_text
    inside = [e for e in sent.ents if e.start_char >= span[0] and e.end_char <= span[1]]
    if kind == "person":
        person = next((e for e in inside if e.label_ == "PERSON"), None)
        return people.resolve(person.text if person is not None else source_text)
    if kind == "outlet":
        outlet = next((e for e in inside if is_outlet(e.text)), None)
        return canonical_name(outlet.text if outlet is not None else source_text)
    if kind == "organization" and len(inside) == 1 and inside[0].text == normalise(source_text):
        return canonical_name(inside[0].text, inside[0].label_)
    return canonical_name(source_text)


def _record(
    found: _Found, sent: Any, doc_id: str, offset: int, sentence_index: int, people: PersonRegistry
) -> Attribution:
    text = sent.doc_text
    src_text = text[found.source[0] : found.source[1]] if found.source else None
    kind, label = _source_kind(src_text or "", found.head, sent, found.source)
    if kind in ("organization", "other") and src_text and people.known(src_text):
        kind, label = "person", "PERSON"
    canonical = (
        _canonical(src_text, kind, label, sent, found.source, people)
        if src_text and found.source
        else None
    )
    parts = [p for p in (found.cue, found.source, found.content) if p is not None]
    start, end = min(p[0] for p in parts), max(p[1] for p in parts)

    def at(p: tuple[int, int] | None, i: int) -> int | None:
        return None if p is None else p[i] + offset

    return Attribution(
        doc_id=doc_id,
        start=start + offset,
        end=end + offset,
        text=text[start:end],
        attributed_to=src_text,
        attributed_to_canonical=canonical,
        source_kind=kind,
        cue=text[found.cue[0] : found.cue[1]],
        content=text[found.content[0] : found.content[1]] if found.content else None,
        source_start=at(found.source, 0),
        source_end=at(found.source, 1),
        cue_start=at(found.cue, 0),
        cue_end=at(found.cue, 1),
        content_start=at(found.content, 0),
        content_end=at(found.content, 1),
        direct=found.direct,
        sentence_index=sentence_index,
    )


def _link_nested(found: list[Attribution]) -> list[Attribution]:
    """Mark an attribution whose cue lies inside another's content as nested in it."""
    out = []
    for a in found:
        parent = next(
            (
                p
                for p in found
                if p is not a
                and p.content_start is not None
                and p.content_end is not None
                and a.cue_start is not None
                and p.content_start <= a.cue_start < p.content_end
            ),
            None,
        )
        if parent is not None:
            a = replace(a, parent_start=parent.cue_start)
        out.append(a)
    return out
