"""Per-document extraction: segment, parse, extract, assemble claims.

``extract_document`` is a pure function of a document's text and metadata. ``extract_all``
runs it over a stream of documents, batching spaCy with ``nlp.pipe`` and fanning out to a
process pool when there are many documents, and can tell its caller how far it has got
through each document, in characters (a 10 MB document takes minutes).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import re
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from claimledger.extract import attributions as attr_mod
from claimledger.extract import checkworthy
from claimledger.extract.entities import PersonRegistry, extract_entities
from claimledger.extract.quantities import extract_quantities
from claimledger.model import Claim, Document, Extraction, Rejection, Sentence
from claimledger.nlp.load import load
from claimledger.nlp.parsed import sentences
from claimledger.nlp.segment import Chunk, chunks, trim_span
from claimledger.settings import Settings

ALL_KINDS = frozenset({"quantities", "attributions", "entities", "claims"})
POOL_THRESHOLD = 16  # documents before a process pool pays for its start-up
DOCS_PER_TASK = 8  # documents per process-pool task
DOCS_PER_SERIAL_BATCH = 64  # documents parsed together without a pool

MAX_BATCH_CHARS = 40_000  # characters of text per nlp.pipe batch
_SPACE = re.compile(r"\s*")
REPORT_EVERY = 0.5  # seconds between reports of a document's progress, per process

# ``report(position, done, total)``: ``done`` of the ``total`` characters of the document at
# ``position`` (0-based, in the order given) are extracted.
Report = Callable[[int, int, int], None]


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
    on_chars: Callable[[int], None] | None = None,
) -> Extraction:
    """What claimledger extracts from one parsed document: everything, or the ``kinds``
    asked for and what they depend on (claims need the check-worthiness signals, which
    need quantities and attributions; attributions need entities).

    ``on_chars(done)``, when given, is called after each chunk with the characters of the
    document done so far (up to the next chunk, or all of them after the last); it sees the
    work, and changes nothing in what is extracted."""
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
        if on_chars is not None:
            on_chars(_past_space(document.text, chunk.start + len(chunk_text)))
    ex.attributions = attr_mod.link_nested(ex.attributions)
    if want_claims:
        _link_covering_attributions(ex)
    return ex


def _past_space(text: str, pos: int) -> int:
    """``pos`` moved past any whitespace: where the next chunk starts, or the end."""
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


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
    documents: list[Document],
    settings: Settings,
    kinds: frozenset[str] = ALL_KINDS,
    report: Report | None = None,
) -> list[Extraction | Rejection]:
    """One result per document, in order; a failure rejects that document only. ``report``
    hears of each document's characters as they are done, by index in ``documents``."""

    def on_chars(i: int) -> Callable[[int], None] | None:
        if report is None:
            return None
        total = len(documents[i].text)
        return lambda done: report(i, done, total)

    try:
        return [
            extract_document(doc, parsed, settings, kinds, on_chars(i))
            for i, (doc, parsed) in enumerate(parse(documents, settings, kinds))
        ]
    except Exception:  # find the document that fails; the others are extracted again, alone
        out: list[Extraction | Rejection] = []
        for i, doc in enumerate(documents):
            try:
                _, parsed = next(parse([doc], settings, kinds))
                out.append(extract_document(doc, parsed, settings, kinds, on_chars(i)))
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
    on_progress: Report | None = None,
) -> Iterator[Extraction | Rejection]:
    """Extract every document (only ``kinds`` and what they need); rejections pass through,
    and results come in input order.

    ``on_progress(position, done, total)``, when given, is called in the caller's thread
    while it iterates: ``done`` of the ``total`` characters of the item at ``position``
    (0-based) are extracted. Reports of part of a document (``done < total``) come at most
    every ``REPORT_EVERY`` seconds per process; then each document has one report with
    ``done == total``, just before its result is yielded."""
    stream = iter(items)
    head = list(itertools.islice(stream, POOL_THRESHOLD))
    rest_present = len(head) == POOL_THRESHOLD
    workers = worker_count(settings)
    everything = itertools.chain(head, stream)
    if workers > 1 and rest_present:
        yield from _pooled(everything, settings, workers, kinds, on_progress)
    else:
        report = None if on_progress is None else _Throttled(_Guarded(on_progress))
        first = 0
        for batch in _batches(everything, DOCS_PER_SERIAL_BATCH):
            try:
                results = _run_batch(batch, settings, kinds, first, report)
            except _ReportFailed as failed:
                raise failed.error from None
            yield from _finished(batch, results, first, on_progress)
            first += len(batch)


class _ReportFailed(BaseException):
    """The caller's ``on_progress`` failed (stderr closed, say): an error of the caller's,
    not of the document, so it passes by the handler that rejects failing documents."""

    def __init__(self, error: Exception) -> None:
        self.error = error


class _Guarded:
    def __init__(self, send: Report) -> None:
        self.send = send

    def __call__(self, position: int, done: int, total: int) -> None:
        try:
            self.send(position, done, total)
        except Exception as exc:
            raise _ReportFailed(exc) from exc


class _Throttled:
    """Reports of part of a document passed on, at most every ``REPORT_EVERY`` seconds; the
    report that a document is done is ``_finished``'s, when its result is handed on."""

    def __init__(self, send: Report) -> None:
        self.send = send
        self.last = time.monotonic()

    def __call__(self, position: int, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last >= REPORT_EVERY:
            self.last = now
            self.send(position, done, total)


def _run_batch(
    batch: list[Document | Rejection],
    settings: Settings,
    kinds: frozenset[str],
    first: int = 0,
    report: Report | None = None,
) -> list[Extraction | Rejection]:
    """Results for a batch whose first item is at ``first`` in the whole input."""
    positions = [first + i for i, x in enumerate(batch) if isinstance(x, Document)]
    docs = [x for x in batch if isinstance(x, Document)]
    on_doc = None if report is None else lambda i, done, total: report(positions[i], done, total)
    results = iter(_extract_batch(docs, settings, kinds, on_doc))
    return [x if isinstance(x, Rejection) else next(results) for x in batch]


def _finished(
    batch: list[Document | Rejection],
    results: list[Extraction | Rejection],
    first: int,
    on_progress: Report | None,
) -> Iterator[Extraction | Rejection]:
    for i, (item, result) in enumerate(zip(batch, results, strict=True)):
        if on_progress is not None and isinstance(item, Document):
            on_progress(first + i, len(item.text), len(item.text))
        yield result


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


_reports: Any = None  # in a pool worker: the queue that carries its reports to the parent


def _init_worker(reports: Any = None) -> None:
    # Ctrl-C is the parent's to handle: it stops submitting and rolls back the document in
    # progress; workers that also raised KeyboardInterrupt would only print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _reports
    _reports = reports
    if reports is not None:
        reports.cancel_join_thread()  # a report still unsent never holds up the exit
    load()


def _send(position: int, done: int, total: int) -> None:
    """A worker's report to the parent: handed to the queue's own thread, so extraction
    never waits for the parent to read it. Progress is not worth failing a document for."""
    try:
        _reports.put_nowait((position, done, total))
    except Exception:  # a closed queue: this report and the rest are dropped
        return


def _run_pooled_batch(
    batch: list[Document | Rejection], settings: Settings, kinds: frozenset[str], first: int
) -> list[Extraction | Rejection]:
    report = None if _reports is None else _Throttled(_send)
    return _run_batch(batch, settings, kinds, first, report)


def _pooled(
    items: Iterable[Document | Rejection],
    settings: Settings,
    workers: int,
    kinds: frozenset[str],
    on_progress: Report | None = None,
) -> Iterator[Extraction | Rejection]:
    ctx = multiprocessing.get_context("spawn")
    # Workers put their reports (a few a second, each a few bytes) on a queue; the parent
    # passes them on while it waits for results.
    reports = None if on_progress is None else ctx.Queue()

    def drain(first: int) -> None:
        """Pass on the reports waiting, but those of documents before ``first``, which are
        done: a report can come in after its task's result."""
        while reports is not None and on_progress is not None:
            try:
                position, done, total = reports.get_nowait()
            except queue.Empty:
                return
            if position >= first:
                on_progress(position, done, total)

    def finished(
        first: int, batch: list[Document | Rejection], future: Future[list[Extraction | Rejection]]
    ) -> Iterator[Extraction | Rejection]:
        while True:
            try:
                results = future.result(timeout=None if reports is None else REPORT_EVERY)
                break
            except TimeoutError:
                drain(first)
        drain(first)
        return _finished(batch, results, first, on_progress)

    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(reports,)
    )
    try:
        with pool:
            pending: deque[tuple[int, list[Document | Rejection], Future[Any]]] = deque()
            first = 0
            try:
                for batch in _batches(items, DOCS_PER_TASK):
                    future = pool.submit(_run_pooled_batch, batch, settings, kinds, first)
                    pending.append((first, batch, future))
                    first += len(batch)
                    while len(pending) > 2 * workers:
                        yield from finished(*pending.popleft())
                while pending:
                    yield from finished(*pending.popleft())
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    finally:  # the workers are gone: nothing reads from or writes to the queue any more
        if reports is not None:
            reports.close()
