"""The Ray runner: the local runner's pure per-batch function (``local._extract_batch``)
mapped over the documents with Ray Data, on a local Ray runtime or on a cluster.

The driver (this process) reads the inputs; documents go to Ray Data in chunks, as blocks
of pickled documents. ``map_batches`` runs :class:`Extract`, a callable class, on a
pool of actors: each loads the spaCy pipeline and the models once, then extracts batch after
batch with ``_extract_batch``, so a failing document becomes ``Rejection(..., "extract",
...)`` exactly as it does locally. Each output row is one input document: its pickled
``Extraction`` (its ``signals`` dropped: they are not stored), or the rejection's stage and
reason. The driver consumes the results in input order with ``iter_batches``, writes each
batch as a Parquet part (zstd) in the parts folder, reads it back and hands it on as one
batch, which the caller stores in one transaction (``Store.write_many``).

``ray`` is imported only when the Ray engine is asked for: it is an optional extra
(``pip install 'claimledger[ray]'``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import os
import pickle
import shutil
import socket
import tempfile
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from claimledger.errors import UsageError
from claimledger.escapes import visible
from claimledger.model import Document, Extraction, Rejection
from claimledger.nlp.load import load
from claimledger.pipeline import ALL_KINDS
from claimledger.runner.local import _extract_batch
from claimledger.settings import Settings

RAY_EXTRA = "--engine ray needs the ray extra: pip install 'claimledger[ray]'"

# What an actor maps over a batch: one result per document, in order; a failing document is
# a Rejection (``local._extract_batch`` retries the batch one document at a time).
BatchExtract = Callable[[list[Document], Settings, frozenset[str]], list[Extraction | Rejection]]

DOCS_PER_BLOCK = 16  # documents per Ray Data block and per actor call
DOCS_PER_PART = 128  # documents per Parquet part, and per ledger transaction
# Documents handed to Ray Data at once, one dataset each: a new pool of actors, each loading
# the models again, for every chunk; so a chunk has at least DOCS_PER_ACTOR documents for each
# actor (minutes of work against seconds of start), and at least CHUNK_DOCS, at most
# MAX_CHUNK_DOCS or CHUNK_CHARS characters (the driver holds a chunk's texts).
CHUNK_DOCS = 10_000
DOCS_PER_ACTOR = 1_000
MAX_CHUNK_DOCS = 100_000
CHUNK_CHARS = 256 * 1024 * 1024
OBJECT_STORE_BYTES = 512 * 1024 * 1024  # a local runtime's shared-memory object store
CONNECT_TIMEOUT = 5.0  # seconds to wait for an --address to answer before giving up
PICKLE_PROTOCOL = 5

# One row per input document; every column is given a type, so that a part whose values
# are all null (every document rejected) still reads back with the others.
PART_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("record", pa.int64()),
        pa.field("input", pa.string()),  # the rejection's input; null for an extraction
        pa.field("stage", pa.string()),
        pa.field("reason", pa.string()),
        pa.field("extraction", pa.large_binary()),  # pickled Extraction; null when rejected
    ]
)
INPUT_SCHEMA = pa.schema([pa.field("doc", pa.large_binary(), nullable=False)])


class Extract:
    """Ray Data's callable class: one per actor, which loads the spaCy pipeline and the
    models in ``__init__``, then extracts every batch given with ``extract``."""

    def __init__(
        self, settings: Settings, kinds: frozenset[str], extract: BatchExtract = _extract_batch
    ) -> None:
        # one CPU an actor: numpy's BLAS on one thread too, as in the local pool's workers
        threadpool_limits(1)
        load()  # cached: every batch after this one reuses the pipeline
        self.settings = settings
        self.kinds = kinds
        self.extract = extract

    def __call__(self, batch: pa.Table) -> pa.Table:
        docs: list[Document] = [pickle.loads(b) for b in batch.column("doc").to_pylist()]
        return part_table(docs, self.extract(docs, self.settings, self.kinds))


def part_table(docs: list[Document], results: list[Extraction | Rejection]) -> pa.Table:
    """The rows of a part: one per document, with its extraction or its rejection."""
    rows: dict[str, list[Any]] = {name: [] for name in PART_SCHEMA.names}
    for doc, result in zip(docs, results, strict=True):
        rows["doc_id"].append(doc.id)
        rows["source"].append(doc.source)
        rows["record"].append(doc.record)
        if isinstance(result, Rejection):
            rows["input"].append(result.input)
            rows["stage"].append(result.stage)
            rows["reason"].append(result.reason)
            rows["extraction"].append(None)
        else:
            rows["input"].append(None)
            rows["stage"].append(None)
            rows["reason"].append(None)
            kept = dataclasses.replace(result, signals=[])  # signals are not stored
            rows["extraction"].append(pickle.dumps(kept, protocol=PICKLE_PROTOCOL))
    return pa.Table.from_pydict(rows, schema=PART_SCHEMA)


def part_results(table: pa.Table) -> list[Extraction | Rejection]:
    """A part's rows as the results they were made from, in order. The pickles are this
    run's own, written by :func:`part_table` a moment before: never load foreign parts."""
    out: list[Extraction | Rejection] = []
    for row in table.select(["input", "stage", "reason", "extraction"]).to_pylist():
        if row["extraction"] is None:
            out.append(Rejection(row["input"], row["stage"], row["reason"]))
        else:
            out.append(pickle.loads(row["extraction"]))
    return out


@dataclass
class RayEngine:
    """``ingest --engine ray``: where to run and where to keep the parts.

    ``address``: a running Ray cluster to join (``host:port`` of its head, or ``auto``);
    None starts a local runtime with ``settings.workers`` CPUs (0: every core) and stops it
    at the end. When this process already has a Ray runtime it is used as it is.
    ``parts``: a new or empty folder that keeps the Parquet parts; None writes them to a
    temporary folder, each part removed once it is stored, the folder at the end.
    ``extract``: the per-batch function the actors run (tests pass one that fails on
    purpose). ``docs_per_part``: documents per part, and per ledger transaction.
    ``chunk_docs``: documents per dataset (0: by the size of the actor pool)."""

    address: str | None = None
    parts: Path | None = None
    extract: BatchExtract = _extract_batch
    docs_per_part: int = DOCS_PER_PART
    chunk_docs: int = 0

    def run(
        self,
        items: Iterable[Document | Rejection],
        settings: Settings,
        kinds: frozenset[str] = ALL_KINDS,
    ) -> Generator[list[Extraction | Rejection], None, None]:
        """Batches of results, in input order: a rejection from reading alone, at once;
        extracted documents as each part is written. Starts Ray at the first document
        and stops it (when it started it) when the iteration ends or is closed."""
        self.check()
        parts_dir = self._parts_dir()
        try:
            stream = iter(items)
            first: Document | None = None
            for item in stream:
                if isinstance(item, Document):
                    first = item
                    break
                yield [item]  # a rejection before any document: Ray is not started for it
            if first is None:
                return
            with contextlib.ExitStack() as stack:
                ray, pool = stack.enter_context(_runtime(self.address, settings))
                stack.enter_context(_quiet_ray_data())
                size = self.chunk_docs or min(
                    max(CHUNK_DOCS, DOCS_PER_ACTOR * pool), MAX_CHUNK_DOCS
                )
                numbered = _Numbered(parts_dir)
                for chunk in _chunks(itertools.chain([first], stream), size):
                    if isinstance(chunk, Rejection):
                        yield [chunk]
                        continue
                    tables = _extract_chunk(ray, chunk, settings, kinds, self, pool)
                    for table in tables:
                        path = numbered.write(table)
                        yield part_results(pq.read_table(path, schema=PART_SCHEMA))
                        if self.parts is None:  # stored: a temporary part is not kept
                            path.unlink()
        finally:
            if self.parts is None:
                shutil.rmtree(parts_dir, ignore_errors=True)

    def check(self) -> None:
        """A usage error, before any work, when Ray is not installed, for a parts folder
        that is not new or empty, and for a ``host:port`` address nothing answers at."""
        import_ray()
        where = self.parts
        if where is not None and where.exists() and (not where.is_dir() or any(where.iterdir())):
            raise UsageError(
                f"--parts {visible(where)} must be a new or empty folder; parts of an earlier "
                "run are never overwritten"
            )
        if self.address is not None:
            _reachable(self.address)

    def _parts_dir(self) -> Path:
        if self.parts is None:
            return Path(tempfile.mkdtemp(prefix="claimledger-parts-"))
        where = self.parts
        try:
            where.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(
                f"cannot create --parts folder {visible(where)}: {exc.strerror}"
            ) from None
        return where


class _Numbered:
    """Parquet parts named ``part-00000.parquet``, ``part-00001.parquet``, ... in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def write(self, table: pa.Table) -> Path:
        path = self.folder / f"part-{self.count:05d}.parquet"
        tmp = path.with_suffix(".parquet.tmp")
        pq.write_table(table.cast(PART_SCHEMA), tmp, compression="zstd")
        tmp.replace(path)  # a part is there whole or not at all
        self.count += 1
        return path


def _chunks(
    items: Iterable[Document | Rejection], size: int
) -> Iterator[list[Document] | Rejection]:
    """Documents in chunks of ``size`` (fewer when they reach ``CHUNK_CHARS``) for one
    dataset each; rejections between them, at once."""
    chunk: list[Document] = []
    chars = 0
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        chunk.append(item)
        chars += len(item.text)
        if len(chunk) >= size or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _extract_chunk(
    ray: ModuleType,
    docs: list[Document],
    settings: Settings,
    kinds: frozenset[str],
    engine: RayEngine,
    pool: int,
) -> Iterator[pa.Table]:
    """The chunk's results, ``engine.docs_per_part`` rows at a time, in input order. Ray
    Data restarts an actor that dies (a lost node, say) and retries its batch."""
    blocks = [
        pa.Table.from_pydict(
            {
                "doc": [
                    pickle.dumps(d, protocol=PICKLE_PROTOCOL) for d in docs[i : i + DOCS_PER_BLOCK]
                ]
            },
            schema=INPUT_SCHEMA,
        )
        for i in range(0, len(docs), DOCS_PER_BLOCK)
    ]
    ds = ray.data.from_arrow(blocks).map_batches(
        Extract,
        fn_constructor_args=(settings, kinds, engine.extract),
        batch_size=DOCS_PER_BLOCK,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=max(1, min(pool, len(blocks)))),
        num_cpus=1,
    )
    # this dataset's own copy of the context: the results in input order, no progress bars
    ds.context.execution_options.preserve_order = True
    ds.context.enable_progress_bars = False
    yield from ds.iter_batches(batch_size=engine.docs_per_part, batch_format="pyarrow")


def import_ray() -> ModuleType:
    """``ray`` with Ray Data, or a usage error saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise UsageError(RAY_EXTRA) from None
    with warnings.catch_warnings():
        # Ray Data's context warns of its own deprecated defaults when it is first made
        # (2.60: ``use_push_based_shuffle``, ``use_polars``); nothing a caller can change.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"ray\.data\.")
        ray.data.DataContext.get_current()
    return ray


@contextlib.contextmanager
def _runtime(address: str | None, settings: Settings) -> Iterator[tuple[ModuleType, int]]:
    """Ray, started or joined, and the size of the actor pool. A local runtime started here
    is stopped at the end; from a cluster joined here this process disconnects."""
    ray = import_ray()
    if ray.is_initialized():  # the caller's own runtime: used, never stopped here
        yield ray, settings.workers or _cluster_cpus(ray)
        return
    if address is None:
        cpus = settings.workers or os.cpu_count() or 1
        ray.init(
            # "local": a new runtime, whatever RAY_ADDRESS or the last `ray start` left in
            # Ray's temp folder names (a cluster long gone would fail the run)
            address="local",
            num_cpus=cpus,
            include_dashboard=False,
            object_store_memory=OBJECT_STORE_BYTES,
            logging_level=logging.WARNING,
            log_to_driver=False,
        )
    else:
        _join(ray, address)
    try:
        yield ray, settings.workers or _cluster_cpus(ray)
    finally:
        ray.shutdown()


def _reachable(address: str) -> None:
    """A usage error at once when nothing listens at a ``host:port`` address: ``ray.init``
    would try it for a minute."""
    host_port = _host_port(address)
    if host_port is None:
        return
    try:
        socket.create_connection(host_port, timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise UsageError(
            f"--address {visible(address)}: no Ray cluster answers there "
            f"({exc.strerror or type(exc).__name__}); start one with `ray start --head` "
            "or leave out --address to run on this machine"
        ) from None


def _join(ray: ModuleType, address: str) -> None:
    try:
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
    except Exception as exc:  # ConnectionError, ValueError, RuntimeError, ... by version
        if ray.is_initialized():
            ray.shutdown()
        raise UsageError(
            f"--address {visible(address)}: cannot join the Ray cluster ({visible(exc)}); "
            "a cluster with token authentication (Ray's default) needs RAY_AUTH_MODE=token "
            "and its token (RAY_AUTH_TOKEN, or ~/.ray/auth_token) to join by address; "
            "or leave out --address to run on this machine"
        ) from None


def _host_port(address: str) -> tuple[str, int] | None:
    """``host:port`` of an address given as one (not ``auto``, not a URL)."""
    host, sep, port = address.rpartition(":")
    if not sep or not host or "/" in address or not port.isdigit():
        return None
    return host.strip("[]"), int(port)


def _cluster_cpus(ray: ModuleType) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class _DropInfo(logging.Filter):
    """Ray Data's console lines below warnings, and its notice that progress bars are off
    (they are, on purpose: claimledger shows its own progress)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return False
        return not record.getMessage().startswith("Progress bars disabled")


@contextlib.contextmanager
def _quiet_ray_data() -> Iterator[None]:
    """Ray Data's console handler filtered while the datasets run (its log file is not)."""
    handlers = [
        h
        for h in logging.getLogger("ray.data").handlers
        if not isinstance(h, logging.FileHandler) and type(h).__name__ != "SessionFileHandler"
    ]
    quiet = _DropInfo()
    for h in handlers:
        h.addFilter(quiet)
    try:
        yield
    finally:
        for h in handlers:
            h.removeFilter(quiet)
