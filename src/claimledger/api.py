"""The Python API; the CLI is a thin layer over these functions of the same names."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.check.ledger import ImportResult, check_stored, read_rows
from claimledger.check.reference import ReferenceError
from claimledger.errors import LedgerError, UsageError
from claimledger.escapes import visible
from claimledger.ingest import read_inputs
from claimledger.model import Document, Extraction, Rejection, content_id
from claimledger.nlp.load import model_version
from claimledger.pipeline import ALL_KINDS, RECORD_KINDS, extraction_settings
from claimledger.present.desk import claim_reviews
from claimledger.present.outputs import prepare_report_dir
from claimledger.present.progress import Progress
from claimledger.present.records import (
    actor_record,
    check_record,
    citation_record,
    event_hit_record,
    figure_group_record,
    records,
    relation_record,
    repeat_record,
)
from claimledger.present.report import figure_text, source_label, write_reports
from claimledger.present.table import ClaimRow
from claimledger.runner.local import extract_all
from claimledger.settings import (
    Settings,
    is_address,
    ledger_label,
    review_base_url,
    review_organisation,
)
from claimledger.store import ClaimFilter, LinkResult, Store, open_store
from claimledger.version import __version__

if TYPE_CHECKING:
    from claimledger.runner.ray import RayEngine

# What ``extract`` and ``export`` accept: the record kinds of the component table, and more.
WHAT = (*RECORD_KINDS, "all")
# What linking and checking add to the ledger, exported the same way.
LINKED_WHAT = ("figure_groups", "contradictions", "repeats", "checks", "citations")
# Events are stored (and exported, with their cluster) whether or not the event extractor
# is in the component table yet.
STORED_WHAT = (*RECORD_KINDS, *(() if "events" in RECORD_KINDS else ("events",)))
EXPORT_WHAT = ("documents", *STORED_WHAT, "actors", *LINKED_WHAT, "claimreview")
FORMATS = ("jsonl", "csv", "parquet")


@dataclass
class IngestResult:
    stored: list[str] = field(default_factory=list)  # doc ids written now
    unchanged: list[str] = field(default_factory=list)  # doc ids already in the ledger
    rejected: list[Rejection] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    linked: LinkResult | None = None  # None with link=False
    checks: dict[str, int] = field(default_factory=dict)  # new figures' checks by status

    @property
    def doc_ids(self) -> list[str]:
        seen: dict[str, None] = dict.fromkeys(self.stored + self.unchanged)
        return list(seen)


def run_id(settings: Settings) -> str:
    return content_id(
        "run",
        __version__,
        model_version(),
        json.dumps(extraction_settings(settings), sort_keys=True),
    )


def ingest(
    paths: Iterable[str],
    db: str | Path,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    link: bool = True,
    engine: str | RayEngine = "local",
    address: str | None = None,
    parts: str | Path | None = None,
) -> IngestResult:
    """Read, extract and store every input; rejected inputs go to ``rejections``. With
    ``link`` (the default) the documents stored are then linked against the ledger and
    their figures checked against its reference rows.

    ``engine``: ``"local"`` (a process pool on this machine, one transaction per document)
    or ``"ray"`` (Ray Data on a local runtime, or on the cluster at ``address``; results
    go through Parquet parts, kept in ``parts`` when given, into the ledger one
    transaction per part), or a configured :class:`~claimledger.runner.ray.RayEngine`.
    Both store the same rows."""
    settings = settings or Settings()
    ray_engine = _ray_engine(engine, address, parts)
    result = IngestResult()
    started = time.monotonic()
    rid = run_id(settings)  # loads the models: an unreadable one stops here, nothing touched
    with open_store(db) as ledger:
        ledger.ensure_run(rid, __version__, model_version(), extraction_settings(settings))

        def todo() -> Iterator[Document | Rejection]:
            for item in read_inputs(paths, settings):
                if isinstance(item, Document) and ledger.document_run(item.id) == rid:
                    ledger.add_source(item.id, item.source, item.record)
                    result.unchanged.append(item.id)
                    if progress:
                        progress.update(docs=1)
                    continue
                yield item

        def store(batch: list[Extraction | Rejection]) -> None:
            """One transaction for the extractions of the batch, after its rejections."""
            extractions = [out for out in batch if isinstance(out, Extraction)]
            for out in batch:
                if isinstance(out, Rejection):
                    ledger.add_rejection(out, rid)
                    result.rejected.append(out)
                    if on_rejection:
                        on_rejection(out)
                    if progress:
                        progress.update(rejected=1)
            written = ledger.write_many(extractions, rid) if extractions else []
            for ex, new in zip(extractions, written, strict=True):
                words = len(ex.document.text.split())
                (result.stored if new else result.unchanged).append(ex.document.id)
                result.words += words
                if progress:
                    progress.update(docs=1, words=words)

        if ray_engine is not None:
            with closing(ray_engine.run(todo(), settings)) as batches:
                for batch in batches:
                    store(batch)
        else:
            # progress hears of each document's characters as they are extracted
            on_progress = progress.extracting if progress else None
            for out in extract_all(todo(), settings, on_progress=on_progress):
                store([out])  # a transaction per document
        if result.stored:
            ledger.link_people()  # people named in the new documents, merged across the ledger
        if link:
            result.linked, result.checks = _link_and_check(ledger, result.stored)
    result.seconds = time.monotonic() - started
    return result


ENGINES = ("local", "ray")


def _ray_engine(
    engine: str | RayEngine, address: str | None, parts: str | Path | None
) -> RayEngine | None:
    """The Ray engine asked for, None for the local one; a usage error for options that
    only Ray takes given without it."""
    if not isinstance(engine, str):
        engine.check()
        return engine
    if engine not in ENGINES:
        raise UsageError(f"--engine {visible(engine)!r} is not one of {', '.join(ENGINES)}")
    if engine == "local":
        for option, value in (("--address", address), ("--parts", parts)):
            if value is not None:
                raise UsageError(f"{option} is for --engine ray; add --engine ray or leave it out")
        return None
    from claimledger.runner.ray import RayEngine

    ray_engine = RayEngine(address=address, parts=None if parts is None else Path(parts))
    ray_engine.check()
    return ray_engine


def _link_and_check(
    store: Store,
    doc_ids: list[str],
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[LinkResult, dict[str, int]]:
    linked = store.link_new(doc_ids, on_progress) if doc_ids else LinkResult()
    checks = check_stored(store, doc_ids) if doc_ids else {}
    return linked, checks


def link(
    db: str | Path,
    *,
    rebuild: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[LinkResult, dict[str, int]]:
    """Link the documents not linked yet (every document with ``rebuild``) against the
    ledger, and check their figures against its reference rows."""
    with open_store(db, create=False) as store:
        if rebuild:
            linked = store.link_all(on_progress)
            return linked, check_stored(store)
        return _link_and_check(store, store.unlinked_documents(), on_progress)


def reference_import(
    db: str | Path,
    path: str | Path,
    *,
    dataset: str | None = None,
    skip_bad: bool = False,
) -> ImportResult:
    """Import a reference file into the ledger, all or nothing: with any bad row nothing is
    stored (the result lists the rejections, ``imported`` False) unless ``skip_bad``, which
    stores the good rows and records each bad one in ``rejections``. Then every stored
    figure is checked against the reference rows."""
    try:
        rows, rejected = read_rows(path, dataset)
    except ReferenceError as exc:
        raise UsageError(f"cannot import {exc}") from None
    result = ImportResult(rows=len(rows), rejections=list(rejected))
    if rejected and not skip_bad:
        return result
    with open_store(db) as store:
        store.add_rejections([r.rejection(str(path)) for r in rejected], None)
        result.new = store.add_reference_rows([r.record() for r in rows])
        result.imported = True
        result.checks = check_stored(store)
    return result


def extract(
    paths: Iterable[str],
    what: str = "all",
    *,
    lines: bool = False,
    settings: Settings | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """JSON records for every item found, without a ledger."""
    if what not in WHAT:
        raise UsageError(f"--what {what!r} is not one of {', '.join(WHAT)}")
    settings = settings or Settings()
    items: Iterable[Document | Rejection] = read_inputs(paths, settings)
    if lines:
        items = _as_lines(items)
    kinds = ALL_KINDS if what == "all" else frozenset({what})
    for out in extract_all(items, settings, kinds):
        if isinstance(out, Rejection):
            if on_rejection:
                on_rejection(out)
            continue
        yield from records(out, what, line=out.document.record if lines else None)


def _as_lines(items: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
    """Every non-blank line of every input as its own document, numbered from 1 as the
    file's lines are: split on LF only (a CR before it dropped), never on U+2028, U+0085,
    VT, FF or the separators U+001C-U+001E, which str.splitlines also breaks lines at."""
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        for number, line in enumerate(item.text.split("\n"), start=1):
            if line.endswith("\r"):
                line = line[:-1]
            if line.strip():
                yield Document(
                    text=line, source=item.source, record=number, media_type=item.media_type
                )


def claims(
    db: str | Path,
    *,
    doc_ids: Iterable[str] | None = None,
    min_score: float = 0.0,
    claim_type: str | None = None,
    label: str | None = None,
    limit: int | None = 20,
    event_type: str | None = None,
) -> list[ClaimRow]:
    """Claims ranked by check-worthiness, with their figures and attributed sources;
    ``event_type`` keeps those stating an event of that type (code or ACLED name)."""
    f = ClaimFilter(
        claim_type=claim_type,
        event_type=event_type,
        min_score=min_score,
        label=label,
        doc_ids=tuple(doc_ids or ()),
    )
    with open_store(db, readonly=True) as store:
        hits = store.claim_listing(f, limit)
    return [
        ClaimRow(
            h.id,
            h.claim.doc_id,
            h.document.source,
            h.document.title,
            h.claim.score,
            h.claim.label,
            list(h.claim.types),
            h.claim.text,
            h.claim.start,
            h.claim.end,
            [figure_text(p.item) for p in h.figures],
            [source_label(p.item.attributed_to, p.item.attributed_to_canonical) for p in h.sources],
        )
        for h in hits
    ]


def export(
    db: str | Path,
    what: str,
    fmt: str = "jsonl",
    *,
    organisation: str | None = None,
    base_url: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Every stored record of one kind, in the same shape ``extract`` prints."""
    if what not in EXPORT_WHAT:
        raise UsageError(f"--what {what!r} is not one of {', '.join(EXPORT_WHAT)}")
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if what == "claimreview":
        yield from claimreview(db, organisation=organisation, base_url=base_url)
        return
    with open_store(db, readonly=True) as store:
        if what == "actors":  # the ledger's, not one document's
            yield from (actor_record(a) for a in store.actors())
            return
        if what == "figure_groups":
            yield from (figure_group_record(g) for g in store.iter_figure_groups())
            return
        if what == "contradictions":
            yield from (relation_record(r) for r in store.iter_relations("contradiction"))
            return
        if what == "repeats":
            yield from (repeat_record(r) for r in store.iter_repeats())
            return
        if what == "checks":
            yield from (check_record(c) for c in store.iter_checks())
            return
        if what == "citations":
            yield from (citation_record(c) for c in store.iter_citations())
            return
        if what == "events":  # with the cluster linking put each in
            yield from (event_hit_record(h) for h in store.iter_events())
            return
        for doc_id in store.document_ids():
            yield from records(store.load(doc_id), what)


def upgrade(db: str | Path) -> tuple[int, int]:
    """Migrate an existing ledger to this version's schema: (version before, after)."""
    with open_store(db, readonly=True, current=False) as store:
        before = store.schema_version()
    with open_store(db, create=False) as store:
        return before, store.schema_version()


def claimreview(
    db: str | Path, *, organisation: str | None = None, base_url: str | None = None
) -> Iterator[dict[str, Any]]:
    """schema.org ClaimReview JSON-LD for every reviewed claim, from its latest verdict."""
    org, url = review_organisation(organisation), review_base_url(base_url)
    with open_store(db, readonly=True) as store:
        yield from claim_reviews(store, org, url)


def report(
    db: str | Path, doc_ids: Iterable[str] | None, out_dir: str | Path, *, force: bool = False
) -> list[Path]:
    """HTML reports for the given documents (all when ``doc_ids`` is None), in a folder that
    is new, empty or claimledger's own unless ``force``."""
    with open_store(db, readonly=True) as store:
        ids = list(doc_ids) if doc_ids is not None else store.document_ids()
        known = set(store.document_ids())
        missing = [i for i in ids if i not in known]
        if missing:
            raise UsageError(
                f"no document with id {', '.join(missing)} in {ledger_label(db)}; "
                "`claimledger export --what documents` lists the ids"
            )
        prepare_report_dir(Path(out_dir), force=force, ledgers=[db])
        extractions: list[Extraction] = [store.load(i) for i in ids]
        # what linking and checking say of each claim, for its line in the report
        links = {
            c.id: store.claim_links(c.id)
            for ex in extractions
            for c in ex.claims
            if c.label == "claim" and c.quantity_ids
        }
    return write_reports(extractions, Path(out_dir), links)


@dataclass
class CheckResult:
    ingest: IngestResult
    top: list[ClaimRow]
    report_files: list[Path]


def check(
    paths: Iterable[str],
    db: str | Path,
    report_dir: str | Path,
    settings: Settings | None = None,
    *,
    top: int = 10,
    force: bool = False,
    progress: Progress | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    link: bool = True,
) -> CheckResult:
    """Ingest, extract and store; rank the claims of these documents; write the report.
    The report folder is checked first, so a bad one stops before any work."""
    settings = settings or Settings()
    # A ledger that cannot be used, or a report folder that cannot, stops here: before any
    # work, and without leaving the other behind.
    if is_address(db) or Path(db).exists():
        open_store(db).close()
    elif not Path(db).resolve().parent.is_dir():
        raise LedgerError(
            f"cannot create ledger {db}: its folder does not exist; create it or pass --db"
        )
    elif not os.access(Path(db).resolve().parent, os.W_OK):
        raise LedgerError(
            f"cannot create ledger {db}: its folder cannot be written; pass --db with a "
            "writable path"
        )
    prepare_report_dir(Path(report_dir), force=force, ledgers=[db])
    result = ingest(paths, db, settings, progress=progress, on_rejection=on_rejection, link=link)
    ids = result.doc_ids
    top_claims = claims(db, doc_ids=ids, label="claim", limit=top) if ids else []
    files = report(db, ids, report_dir, force=True) if ids else []
    return CheckResult(result, top_claims, files)
