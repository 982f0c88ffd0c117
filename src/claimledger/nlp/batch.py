"""Parsing many documents at once: spaCy's ``nlp.pipe`` over their chunks, in batches
bounded by count and by characters, each document handed back with a stream of its parses."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimledger.model import Document
from claimledger.nlp.load import load
from claimledger.nlp.segment import Chunk, chunks

MAX_BATCH_CHARS = 40_000  # characters of text per nlp.pipe batch


def parse_batched(
    documents: Sequence[Document], batch_size: int, disable: Sequence[str] = ()
) -> Iterator[tuple[Document, Iterator[tuple[Chunk, Any]]]]:
    """Each document with a stream of its parsed chunks, batched across documents, with
    the spaCy pipes in ``disable`` left out.

    Batches are bounded by characters as well as by count, so a document of over-long
    paragraphs never puts megabytes of text through the parser at once, and each chunk's
    parse is released once extraction has moved past it. Consume each document's stream
    before asking for the next document.
    """
    nlp = load()
    pairs = ((c.text, (i, c)) for i, d in enumerate(documents) for c in chunks(d.text))
    stream = (
        item
        for batch in _sized_batches(pairs, batch_size, MAX_BATCH_CHARS)
        for item in nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=list(disable))
    )
    grouped = itertools.groupby(stream, key=lambda item: item[1][0])
    expected = 0
    for index, group in grouped:
        while expected < index:  # a document with no text chunks
            yield documents[expected], iter(())
            expected += 1
        yield documents[index], ((chunk, sdoc) for sdoc, (_, chunk) in group)
        expected = index + 1
    while expected < len(documents):
        yield documents[expected], iter(())
        expected += 1


def _sized_batches(
    pairs: Iterable[tuple[str, Any]], max_items: int, max_chars: int
) -> Iterator[list[tuple[str, Any]]]:
    batch: list[tuple[str, Any]] = []
    size = 0
    for pair in pairs:
        if batch and (len(batch) >= max_items or size + len(pair[0]) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(pair)
        size += len(pair[0])
    if batch:
        yield batch
