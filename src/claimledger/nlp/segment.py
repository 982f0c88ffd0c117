"""Paragraphs and parse chunks with offsets into the document text.

Paragraphs are separated by blank lines. A paragraph longer than ``MAX_CHUNK_CHARS`` (a
1 MB line, a PDF page without breaks) is cut at a sentence end or whitespace so spaCy never
sees more than that at once. Each chunk keeps its start offset in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimledger.nlp.load import MAX_CHUNK_CHARS

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Chunk:
    paragraph: int
    start: int
    text: str


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph, surrounding whitespace excluded."""
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, len(text))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past whitespace at both ends (empty when all whitespace)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = trim_span(text, start, end)
    if end > start:
        yield start, end


def chunks(text: str, limit: int = MAX_CHUNK_CHARS) -> Iterator[Chunk]:
    """Parse units: paragraphs, with over-long ones cut at sentence ends or spaces."""
    for index, (start, end) in enumerate(paragraphs(text)):
        while end - start > limit:
            cut = _cut_point(text, start, start + limit)
            yield Chunk(index, start, text[start:cut].rstrip())
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            yield Chunk(index, start, text[start:end])


def _cut_point(text: str, start: int, hard_end: int) -> int:
    window = text[start:hard_end]
    for pattern in (r"[.!?][\"'”’)]*\s", r"\s"):
        last = None
        for m in re.finditer(pattern, window[len(window) // 2 :]):
            last = m
        if last is not None:
            return start + len(window) // 2 + last.end()
    return hard_end
