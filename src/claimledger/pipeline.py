"""Per-document extraction: segment, parse, extract, assemble claims.

``extract_document`` is a pure function of a document's text and metadata. ``extract_all``
runs it over a stream of documents, batching spaCy with ``nlp.pipe`` and fanning out to a
process pool when there are many documents.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from claimledger import attributions as attr_mod
from claimledger import checkworthy
from claimledger.entities import PersonRegistry, extract_entities
from claimledger.model import Claim, Document, Extraction, Rejection, Sentence
from claimledger.nlp import load
from claimledger.parsed import sentences
from claimledger.quantities import extract_quantities
from claimledger.segment import Chunk, chunks, trim_span
from claimledger.settings import Settings

ALL_KINDS = frozenset({"quantities", "attributions", "entities", "claims"})
POOL_THRESHOLD = 16  # documents before a process pool pays for its start-up
DOCS_PER_TASK = 8  # documents per process-pool task
DOCS_PER_SERIAL_BATCH = 64  # documents parsed together without a pool

MAX_BATCH_CHARS = 40_000  # characters of text per nlp.pipe batch


def parse(
    documents: Sequence[Document], settings: Settings, kinds: frozenset[str] = ALL_KINDS
) -> Iterator[tuple[Document, Iterator[tuple[Chunk, Any]]]]:
    """Each document with a stream of its parsed chunks, batched across documents.

    Batches are bounded by characters as well as by count, so a document of over-long
    paragraphs never puts megabytes of text through the parser at once, and each chunk's
    parse is released once extraction has moved past it. Consume each document's stream
    before asking for the next document.
    """
    nlp = load()
    # Quantities read only tags and the parse, so alone they skip the rest of the pipeline.
    disable = [] if kinds - {"quantities"} else ["ner", "attribute_ruler", "lemmatizer"]
    pairs = ((c.text, (i, c)) for i, d in enumerate(documents) for c in chunks(d.text))
    stream = (
        item
        for batch in _sized_batches(pairs, settings.batch_size, MAX_BATCH_CHARS)
        for item in nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=disable)
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


def extract_document(
    document: Document,
    parsed: Iterable[tuple[Chunk, Any]],
    settings: Settings,
    kinds: frozenset[str] = ALL_KINDS,
) -> Extraction:
    """What claimledger extracts from one parsed document: everything, or the ``kinds``
    asked for and what they depend on (claims need the check-worthiness signals, which
    need quantities and attributions; attributions need entities)."""
    want_claims = "claims" in kinds
    want_signals = want_claims or "signals" in kinds
    want_atts = want_signals or "attributions" in kinds
    want_ents = want_atts or "entities" in kinds
    want_quants = want_signals or "quantities" in kinds
    doc_id = document.id
    ex = Extraction(document=document)
    people = PersonRegistry()
    index = 0
    for chunk, sdoc in parsed:
        chunk_text = chunk.text  # == sdoc.text, which spaCy would rebuild on every access
        quotes = attr_mod.quote_spans(chunk_text, 0, len(chunk_text))
        for sent in sentences(sdoc):
            s_start, s_end = trim_span(chunk_text, sent.start_char, sent.end_char)
            if s_end <= s_start:
                continue
            base = chunk.start
            sentence = Sentence(
                doc_id,
                index,
                chunk.paragraph,
                base + s_start,
                base + s_end,
                document.text[base + s_start : base + s_end],
            )
            ex.sentences.append(sentence)
            if want_ents:
                ex.entities += extract_entities(sent, doc_id, base, index, people)
            quants = (
                extract_quantities(sent, doc_id, base + sent.start_char, index)
                if want_quants
                else []
            )
            atts = (
                attr_mod.extract_attributions(sent, doc_id, base, index, people, quotes)
                if want_atts
                else []
            )
            ex.quantities += quants
            ex.attributions += atts
            if want_signals:
                ex.signals.append(
                    checkworthy.signals(
                        sent, quants, atts, chunk_text[sent.start_char : sent.end_char]
                    )
                )
            if want_claims:
                ex.claims.append(_claim(sentence, ex.signals[-1], quants, atts, settings))
            index += 1
    ex.attributions = attr_mod.link_nested(ex.attributions)
    if want_claims:
        _link_covering_attributions(ex)
    return ex


def _claim(
    sentence: Sentence,
    sig: dict[str, float],
    quants: list[Any],
    atts: list[Any],
    settings: Settings,
) -> Claim:
    model = checkworthy.load_model()
    score = model.score(sentence.text, sig)
    threshold = model.threshold if settings.claim_threshold is None else settings.claim_threshold
    is_claim = score >= threshold
    return Claim(
        doc_id=sentence.doc_id,
        sentence_index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        score=score,
        label="claim" if is_claim else "not_claim",
        types=checkworthy.claim_types(sig, is_claim, sentence.text),
        quantity_ids=tuple(q.id for q in quants),
        attribution_ids=tuple(a.id for a in atts),
    )


def _link_covering_attributions(ex: Extraction) -> None:
    """A claim inside a quote that spans sentences is also tied to the attribution covering
    it: most of the claim's characters lie in that attribution's content. Only contents that
    leave their own sentence can cover another one, so only those are checked."""
    spanning = [
        a
        for a in ex.attributions
        if a.content_start is not None
        and a.content_end is not None
        and (
            a.content_start < ex.sentences[a.sentence_index].start
            or a.content_end > ex.sentences[a.sentence_index].end
        )
    ]
    for a in spanning:
        assert a.content_start is not None and a.content_end is not None
        for i, claim in enumerate(ex.claims):
            if claim.end <= a.content_start or claim.start >= a.content_end:
                continue
            overlap = min(claim.end, a.content_end) - max(claim.start, a.content_start)
            if a.id not in claim.attribution_ids and overlap >= 0.8 * (claim.end - claim.start):
                ex.claims[i] = replace(claim, attribution_ids=(*claim.attribution_ids, a.id))


def _extract_batch(
    documents: list[Document], settings: Settings, kinds: frozenset[str] = ALL_KINDS
) -> list[Extraction | Rejection]:
    """One result per document, in order; a failure rejects that document only."""
    try:
        return [
            extract_document(doc, parsed, settings, kinds)
            for doc, parsed in parse(documents, settings, kinds)
        ]
    except Exception:  # find the document that fails; the others are extracted again, alone
        out: list[Extraction | Rejection] = []
        for doc in documents:
            try:
                _, parsed = next(parse([doc], settings, kinds))
                out.append(extract_document(doc, parsed, settings, kinds))
            except Exception as exc:  # a bug must not lose the input: rejected with the cause
                out.append(_failed(doc, exc))
        return out


def _failed(doc: Document, exc: Exception) -> Rejection:
    where = f"{doc.source}:{doc.record}" if doc.record else doc.source
    return Rejection(
        where, "extract", f"extraction failed ({type(exc).__name__}: {exc}); please report this bug"
    )


def worker_count(settings: Settings) -> int:
    if settings.workers > 0:
        return settings.workers
    return max(1, min(os.cpu_count() or 1, 4))


def extract_all(
    items: Iterable[Document | Rejection],
    settings: Settings,
    kinds: frozenset[str] = ALL_KINDS,
) -> Iterator[Extraction | Rejection]:
    """Extract every document (only ``kinds`` and what they need); rejections pass through,
    and results come in input order."""
    stream = iter(items)
    head = list(itertools.islice(stream, POOL_THRESHOLD))
    rest_present = len(head) == POOL_THRESHOLD
    workers = worker_count(settings)
    everything = itertools.chain(head, stream)
    if workers > 1 and rest_present:
        yield from _pooled(everything, settings, workers, kinds)
    else:
        for batch in _batches(everything, DOCS_PER_SERIAL_BATCH):
            yield from _run_batch(batch, settings, kinds)


def _run_batch(
    batch: list[Document | Rejection], settings: Settings, kinds: frozenset[str]
) -> list[Extraction | Rejection]:
    docs = [x for x in batch if isinstance(x, Document)]
    results = iter(_extract_batch(docs, settings, kinds))
    return [x if isinstance(x, Rejection) else next(results) for x in batch]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _init_worker() -> None:
    # Ctrl-C is the parent's to handle: it stops submitting and rolls back the document in
    # progress; workers that also raised KeyboardInterrupt would only print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load()


def _pooled(
    items: Iterable[Document | Rejection],
    settings: Settings,
    workers: int,
    kinds: frozenset[str],
) -> Iterator[Extraction | Rejection]:
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as pool:
        pending: deque[Future[list[Extraction | Rejection]]] = deque()
        try:
            for batch in _batches(items, DOCS_PER_TASK):
                pending.append(pool.submit(_run_batch, batch, settings, kinds))
                while len(pending) > 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
