"""A spaCy sentence with what extractors need precomputed once per parsed chunk.

spaCy rebuilds ``Doc.text`` from its tokens on every access and ``Span.ents`` scans all the
document's entities, so calling them per sentence makes long paragraphs quadratic. A
``Sentence`` carries the chunk text and the sentence's entities, computed once, and passes
everything else through to the spaCy span.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class Sent:
    __slots__ = ("doc_text", "ents", "span")

    def __init__(self, span: Any, doc_text: str, ents: list[Any]) -> None:
        self.span = span
        self.doc_text = doc_text
        self.ents = ents

    def __iter__(self) -> Iterator[Any]:
        return iter(self.span)

    def __len__(self) -> int:
        return len(self.span)

    def __getitem__(self, index: int) -> Any:
        return self.span[index]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.span, name)


def as_sent(sent: Any) -> Sent:
    """``sent`` itself when it is a ``Sent``, else a ``Sent`` for a plain spaCy span."""
    if isinstance(sent, Sent):
        return sent
    return Sent(sent, sent.doc.text, list(sent.ents))


def sentences(sdoc: Any) -> Iterator[Sent]:
    """The sentences of a parsed chunk, each with its entities, in one pass over both."""
    text = sdoc.text
    ents = list(sdoc.ents)
    i = 0
    for span in sdoc.sents:
        while i < len(ents) and ents[i].start < span.start:
            i += 1
        mine = []
        j = i
        while j < len(ents) and ents[j].end <= span.end:
            mine.append(ents[j])
            j += 1
        i = j
        yield Sent(span, text, mine)
