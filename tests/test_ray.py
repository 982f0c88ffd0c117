"""``ingest --engine ray``: the same rows as a local ingest, failed documents rejected, a
re-run extracting nothing, and the command line (issue 21).

One local Ray runtime (2 CPUs) serves the whole module; the command-line test starts its
own in a child process, as a user's ingest does. The ledgers come from the ``ledgers`` and
``db`` fixtures and are read through ``open_store(db).query`` with portable SQL, so the
ledger tests run on SQLite and on PostgreSQL (``backends``); the command-line ingest runs
once, on SQLite.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from claimledger import api  # noqa: E402
from claimledger.model import Document, Extraction, Rejection  # noqa: E402
from claimledger.runner import local  # noqa: E402
from claimledger.runner.ray import RayEngine  # noqa: E402
from claimledger.settings import Settings  # noqa: E402
from claimledger.store import open_store  # noqa: E402
from tests.conftest import DB, Ledgers, ledger_exists, run_cli  # noqa: E402

pytestmark = pytest.mark.backends

PLACES = ["Velmora", "Ostrand", "Kessary", "Lunavik", "Dorrigan", "Marrowby", "Tallis Ford"]
FAIL_MARK = "Quillon"  # a document naming this place fails to extract, on purpose
FAILING = (
    "QUILLON, April 9 (Wire) - Nine boats were lost in a harbour fire in Quillon on "
    "Saturday, the port authority said.\n"
)
# Columns that record when a row was written, not what it holds.
WHEN_COLUMNS = {"first_seen", "first_used"}


def wire(i: int) -> str:
    """A short invented wire report: figures, a quote, a source and two places."""
    p, q = PLACES[i % len(PLACES)], PLACES[(i + 3) % len(PLACES)]
    return (
        f"{p.upper()}, March {i + 3} (Wire) - At least {i + 4} people were hurt when a storm "
        f"flooded the lower district of {p} on Tuesday, the town's mayor, Elena Varga, said. "
        f"Officials in {q} said {20 + i} families had been moved to a school.\n\n"
        f'"We expect the water to fall by Thursday," said Tomas Reid, a spokesman for the '
        f"{p} emergency office. The regional council said it would release {i + 2} million "
        f"crowns for repairs, according to a statement issued on Wednesday.\n"
    )


def corpus(folder: Path, n: int = 20, failing: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"wire-{i:02d}.txt").write_text(wire(i), encoding="utf-8")
    if failing:
        (folder / "wire-fails.txt").write_text(FAILING, encoding="utf-8")
    return folder


def failing_document(real: Any) -> Any:
    def extract_document(doc: Document, *args: Any, **kwargs: Any) -> Extraction:
        if FAIL_MARK in doc.text:
            raise RuntimeError("an invented failure")
        return real(doc, *args, **kwargs)

    return extract_document


def failing_batch(
    docs: list[Document], settings: Settings, kinds: frozenset[str]
) -> list[Extraction | Rejection]:
    """``local._extract_batch`` in a Ray actor, with ``extract_document`` failing on the
    marked document: the real batch function and its retry turn it into a rejection."""
    real = local.extract_document
    local.extract_document = failing_document(real)  # type: ignore[assignment]
    try:
        return local._extract_batch(docs, settings, kinds)
    finally:
        local.extract_document = real  # type: ignore[assignment]


def raylets(marker: str) -> list[int]:
    """Ids of the live raylet processes whose command line names ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "raylet" in cmdline and marker in cmdline:
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="session")
def ray_runtime() -> Iterator[None]:
    """One local Ray runtime for the session, 2 CPUs, its files in a temporary folder (short:
    Ray's socket paths must fit in 107 bytes), no token written under $HOME."""
    temp = tempfile.mkdtemp(prefix="clray-")
    before = os.environ.get("RAY_AUTH_MODE")
    os.environ["RAY_AUTH_MODE"] = "disabled"
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=256 * 1024 * 1024,
        _temp_dir=temp,
        log_to_driver=False,
    )
    # The failing extractor is pickled by value: Ray's workers need not import the tests.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        yield
    finally:
        ray.cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
        ray.shutdown()
        if before is None:
            os.environ.pop("RAY_AUTH_MODE", None)
        else:
            os.environ["RAY_AUTH_MODE"] = before
        left = raylets(temp)
        shutil.rmtree(temp, ignore_errors=True)
        assert not left, f"raylet processes left running after ray.shutdown(): {left}"


def table_rows(db: DB) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the columns that say when they were written."""
    store: Any = open_store(db, readonly=True)
    try:
        try:
            names = [
                r[0]
                for r in store.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite%'"
                )
            ]
        except Exception:  # not SQLite: the standard catalogue
            names = [
                r[0]
                for r in store.query(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            ]
        out = {}
        for name in names:
            rows = [
                dict(zip(r.keys(), r, strict=True)) for r in store.query(f"SELECT * FROM {name}")
            ]
            keep = [
                c
                for c in (rows[0] if rows else {})
                if not c.endswith("_at") and c not in WHEN_COLUMNS
            ]
            out[name] = sorted((tuple(r[c] for c in keep) for r in rows), key=repr)
        return out
    finally:
        store.close()


def nonempty(tables: dict[str, list[tuple[Any, ...]]]) -> set[str]:
    return {name for name, rows in tables.items() if rows}


@pytest.fixture(scope="module")
def ingested(
    ray_runtime: None, tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers
) -> dict[str, Any]:
    """The same 21 documents (one failing) ingested locally and with Ray, each into its own
    ledger."""
    base = tmp_path_factory.mktemp("ray-ingest")
    docs = corpus(base / "docs")
    local_db, ray_db = ledgers.at(base / "local.db"), ledgers.at(base / "ray.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(local, "extract_document", failing_document(local.extract_document))
        by_pool = api.ingest([str(docs)], local_db, Settings(workers=1))
    parts = base / "parts"
    by_ray = api.ingest(
        [str(docs)],
        ray_db,
        Settings(),
        engine=RayEngine(parts=parts, extract=failing_batch, docs_per_part=8, chunk_docs=16),
    )
    return {
        "docs": docs,
        "local_db": local_db,
        "ray_db": ray_db,
        "parts": parts,
        "local": by_pool,
        "ray": by_ray,
    }


def test_ray_stores_the_same_rows_as_a_local_ingest(ingested: dict[str, Any]) -> None:
    by_pool, by_ray = ingested["local"], ingested["ray"]
    assert len(by_ray.stored) == len(by_pool.stored) == 20
    assert sorted(by_ray.stored) == sorted(by_pool.stored)
    assert by_ray.words == by_pool.words
    assert by_ray.linked == by_pool.linked and by_ray.checks == by_pool.checks
    local_rows, ray_rows = table_rows(ingested["local_db"]), table_rows(ingested["ray_db"])
    # every kind of row is there to compare, links included
    assert {"documents", "claims", "quantities", "attributions", "rejections"} <= nonempty(ray_rows)
    assert ray_rows.keys() == local_rows.keys()
    for name in local_rows:
        assert ray_rows[name] == local_rows[name], f"table {name} differs"


def test_parts_are_parquet_with_one_row_per_document(ingested: dict[str, Any]) -> None:
    """Two chunks (16 documents and 5), two datasets; parts of 8 rows numbered across them."""
    import pyarrow.parquet as pq

    from claimledger.runner.ray import PART_SCHEMA

    parts = sorted(ingested["parts"].iterdir())
    assert [p.name for p in parts] == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    tables = [pq.read_table(p) for p in parts]
    assert all(t.schema.equals(PART_SCHEMA) for t in tables)
    assert [t.num_rows for t in tables] == [8, 8, 5]
    assert pq.ParquetFile(parts[0]).metadata.row_group(0).column(0).compression == "ZSTD"


def test_a_failing_document_is_a_rejection_as_locally(ingested: dict[str, Any]) -> None:
    [rejected] = ingested["ray"].rejected
    assert rejected == ingested["local"].rejected[0]
    assert rejected.input == str(ingested["docs"] / "wire-fails.txt")
    assert rejected.stage == "extract"
    assert "RuntimeError: an invented failure" in rejected.reason
    store: Any = open_store(ingested["ray_db"], readonly=True)
    try:
        rows = store.query("SELECT input, stage FROM rejections WHERE stage = ?", ("extract",))
    finally:
        store.close()
    assert [tuple(r) for r in rows] == [(rejected.input, "extract")]


def test_a_rerun_extracts_nothing_and_adds_only_the_new_source(
    ingested: dict[str, Any], ledgers: Ledgers, tmp_path: Path
) -> None:
    db = ledgers.copy(ingested["ray_db"], tmp_path / "again.db")
    docs = ingested["docs"]
    before = table_rows(db)
    stored = [str(p) for p in sorted(docs.glob("wire-[0-9]*.txt"))]  # not the failing one
    parts = tmp_path / "parts"
    again = api.ingest(stored, db, Settings(), engine="ray", parts=parts)
    assert again.stored == [] and again.rejected == []
    assert sorted(again.unchanged) == sorted(ingested["ray"].stored)
    assert list(parts.iterdir()) == []  # nothing went to Ray: nothing extracted again
    assert table_rows(db) == before
    # the same text under another name: one more source, no new document
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copyfile(docs / "wire-03.txt", copy / "same-as-03.txt")
    more = api.ingest([str(copy)], db, Settings(), engine="ray")
    assert more.stored == [] and len(more.unchanged) == 1
    after = table_rows(db)
    assert after["documents"] == before["documents"]
    assert len(after["document_sources"]) == len(before["document_sources"]) + 1


def test_cli_ingest_with_ray_engine(tmp_path: Path) -> None:
    docs = corpus(tmp_path / "docs", n=3, failing=False)
    db = tmp_path / "ledger.db"  # one backend is enough to see the command work
    temp = tempfile.mkdtemp(prefix="clray-")
    try:
        env = {"RAY_AUTH_MODE": "disabled", "RAY_TMPDIR": temp, "HOME": str(tmp_path)}
        # a cluster named by the environment (or left behind by an old `ray start` in Ray's
        # temp folder) that is long gone: without --address the run is local all the same
        env["RAY_ADDRESS"] = "127.0.0.1:1"
        proc = run_cli(
            "ingest", str(docs), "--db", str(db), "--engine", "ray", "--workers", "1", env=env
        )
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "claimledger: 3 documents stored, 0 already in the ledger, 0 rejected" in (
            proc.stderr
        )
        assert not raylets(temp)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    assert not (tmp_path / ".ray").exists()  # no token written under $HOME in tests
    assert len(table_rows(db)["documents"]) == 3


def test_cli_bad_address_is_a_clear_error(tmp_path: Path, db: DB) -> None:
    docs = corpus(tmp_path / "docs", n=1, failing=False)
    proc = run_cli(
        "ingest", str(docs), "--db", str(db), "--engine", "ray", "--address", "127.0.0.1:1"
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("claimledger: error: --address 127.0.0.1:1: no Ray cluster")
    assert "ray start --head" in proc.stderr
    assert not ledger_exists(db)  # refused before the ledger was made


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--address", "127.0.0.1:1"], "--address is for --engine ray"),
        (["--parts", "parts"], "--parts is for --engine ray"),
        (["--engine", "ray", "--parts", "full"], "--parts full must be a new or empty folder"),
    ],
)
def test_cli_ray_options_refused_before_any_work(
    tmp_path: Path,
    db: DB,
    args: list[str],
    says: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claimledger.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "part-00000.parquet").write_bytes(b"")
    assert main(["ingest", str(tmp_path / "nothing"), "--db", str(db), *args]) == 2
    assert says in capsys.readouterr().err
    assert not ledger_exists(db)


def test_without_ray_installed_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimledger.cli import main

    db = tmp_path / "ledger.db"

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    assert main(["ingest", str(tmp_path), "--db", str(db), "--engine", "ray"]) == 2
    assert capsys.readouterr().err == (
        "claimledger: error: --engine ray needs the ray extra: pip install 'claimledger[ray]'\n"
    )
