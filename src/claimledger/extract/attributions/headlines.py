"""Headline and lead-in labels: "Kerry: “...”" headlines, "Name: “...”" lines inside a
sentence, section labels that are no speaker, and datelines that are no content."""

from __future__ import annotations

import bisect
import re
from typing import Any

from claimledger.extract.attributions.quotes import _continued, _is_direct
from claimledger.extract.attributions.spans import _Found, _span, _trimmed
from claimledger.extract.entities import (
    is_outlet,
)
from claimledger.lexicon import (
    DOCUMENT_SOURCE_HEADS,
    SECTION_LABELS,
)


def _section_label(label: str) -> bool:
    return set(label.upper().split()) <= SECTION_LABELS


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+,(?: [A-Z][a-z]{2,8}\.? \d{1,2})? (?:\([^)]{1,40}\) )?[-–—]+ "
    # "WASHINGTON — ", "ORLANDO, Fla. (Reuters) - ", "New York (AFP) – ", "Dec 29 (Reuters) - "
    r"|^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*|[A-Z][\w.'’ -]{1,30}?(?:, [A-Z][\w.]+)?"
    r" \((?:AP|AFP|Reuters|UPI|Bloomberg|dpa|Xinhua|TASS|Interfax)\))\s+[-–—]+\s+"
)


def _without_dateline(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    m = _DATELINE.match(text[span[0] : span[1]])
    return (span[0] + m.end(), span[1]) if m else span


def _name_colon_quotes(sent: Any, quotes: list[tuple[int, int]]) -> list[_Found]:
    """ "- Michael P. McDonald: “At long last ...”", "Blumenthal and Cohen: “Data ...”": a
    name, a colon and a quote, inside a sentence as newsletters and roundups write them."""
    text = sent.doc_text
    out = []
    for colon in sent:
        if colon.text != ":":
            continue
        following = bisect.bisect_right(quotes, colon.idx, key=lambda q: q[0])
        quote = quotes[following] if following < len(quotes) else None
        if quote is None or not re.fullmatch(r"\s*[\"“„«]", text[colon.idx + 1 : quote[0]]):
            continue
        name: list[Any] = []
        for t in reversed([t for t in sent if t.i < colon.i]):
            if t.text in ("-", "—", "–", "|") or len(name) == 6:
                break
            if not (t.text[:1].isupper() or t.lower_ in ("and", "&", "of") or t.text == "."):
                name = []
                break
            name.insert(0, t)
        if not name or not any(t.pos_ == "PROPN" for t in name):
            continue
        source = _trimmed(text, _span(name))
        content = _continued(text, quote, quotes)
        if source is not None:
            out.append(
                _Found(
                    (colon.idx, colon.idx + 1),
                    source,
                    _trimmed(text, content),
                    True,
                    name[-1],
                    rule="name_colon_quote",
                )
            )
    return out


def _headline_colon(sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """A headline or lead-in of the form "Kerry: “...”" or "NY Daily News: ...": a short
    name, a colon, then what it says."""
    text = sent.doc_text
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or colon.i == sent.start or colon.i - sent.start > 5:
        return None
    before = [t for t in sent if t.i < colon.i]
    dashes = [i for i, t in enumerate(before) if t.text in ("-", "—", "–", "|")]
    before = before[dashes[-1] + 1 :] if dashes else before  # "MORNING BRIEFING - Kovalenko:"
    after = _headline_said(sent, colon)
    if len(after) < 3 or not all(t.text[:1].isupper() or t.is_punct for t in before):
        return None
    label = text[before[0].idx : colon.idx].strip()
    if not _names_a_source(sent, colon, before, after, label) and not is_outlet(label):
        return None
    content = _trimmed(text, _span(after))
    source = _trimmed(text, _span(before))
    if content is None or source is None:
        return None
    return _Found(
        (colon.idx, colon.idx + 1),
        source,
        content,
        _is_direct(content, quotes),
        before[-1],
        rule="headline_colon",
    )


def _headline_said(sent: Any, colon: Any) -> list[Any]:
    """The words after a headline's colon; when the parser ended the sentence at the colon
    ("Ann Coulter:" | "And Then There Was the One."), the next sentence on the same line."""
    after = [t for t in sent if t.i > colon.i and not t.is_space]
    if after or sent.end >= len(sent.doc) or "\n" in sent.doc[sent.end - 1].whitespace_:
        return after
    said = []
    for t in sent.doc[sent.end].sent:
        if "\n" in t.text:
            break
        if not t.is_space:
            said.append(t)
    return said


def _names_a_source(sent: Any, colon: Any, before: list[Any], after: list[Any], label: str) -> bool:
    """Whether the words before a headline's colon name a source: a recognised name; in
    title-case headlines that defeat the recogniser ("Trump: Cruz Has ..."), proper nouns
    alone, or one title-case noun ("Sanders:", read as a plural); "Poll:" or "Report:" a
    document; never a section label ("UPDATE:", "WATCH:")."""
    named = any(
        e.label_ in ("PERSON", "ORG", "GPE", "NORP") and e.start < colon.i for e in sent.ents
    )
    first_word = next((t for t in after if not t.is_punct), after[0])  # after a quote mark
    named = named or (
        all(t.tag_ in ("NNP", "NNPS") or t.is_punct or t.text.isupper() for t in before)
        and not _section_label(label)
    )
    named = named or (
        len(before) == 1
        and before[0].text.istitle()
        and before[0].tag_ in ("NN", "NNS")
        and not _section_label(label)
        and first_word.text[:1].isupper()
    )
    return named or (len(before) == 1 and before[0].lower_ in DOCUMENT_SOURCE_HEADS)
