"""The local runner: ``extract_document`` over a stream of documents on this machine,
batching spaCy with ``nlp.pipe`` and fanning out to a process pool when there are many, and
telling its caller how far it has got through each document, in characters (a 10 MB
document takes minutes). The Ray runner (``runner/ray.py``) maps the same pure function,
``_extract_batch``, over partitions on a cluster.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from claimledger.model import Document, Extraction, Rejection
from claimledger.nlp.load import load
from claimledger.pipeline import ALL_KINDS, extract_document, parse
from claimledger.settings import Settings

POOL_THRESHOLD = 16  # documents before a process pool pays for its start-up
DOCS_PER_TASK = 8  # documents per process-pool task
DOCS_PER_SERIAL_BATCH = 64  # documents parsed together without a pool
REPORT_EVERY = 0.5  # seconds between reports of a document's progress, per process

# ``report(position, done, total)``: ``done`` of the ``total`` characters of the document at
# ``position`` (0-based, in the order given) are extracted.
Report = Callable[[int, int, int], None]


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
    # The workers are the parallelism: numpy's BLAS threads (the sentence encoder's matrix
    # products) would spin on the cores the other workers parse on; measured on 2 cores,
    # 2 workers ingested at 74% of their speed without this.
    threadpool_limits(1)
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
