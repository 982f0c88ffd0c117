from __future__ import annotations

import importlib.util
import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from claimledger.model import Claim, Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wire-report.txt"

#: a ledger as a test names it: a SQLite file, or a ``postgresql://`` URL of a database
DB = Path | str
BACKENDS = ("sqlite", "postgres")


def in_ci() -> bool:
    """Whether the tests run in CI: the environment variable CI is set (CI=true), and not to
    an explicit no ("", "0", "false", "no")."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_data(path: Path) -> Path:
    """``path`` in the shared evaluation data (``../shared/data``, or
    ``$CLAIMLEDGER_SHARED_DATA``), for a test that measures on it.

    When it is missing the test skips, saying why; in CI it fails instead, naming the path,
    so that a quality gate cannot pass there while measuring nothing."""
    if path.exists():
        return path
    why = (
        f"{path} not found: ../shared/data must sit beside the repository "
        "(or CLAIMLEDGER_SHARED_DATA name the data folder)"
    )
    if in_ci():
        pytest.fail(f"CI is set and the evaluation data is missing: {why}", pytrace=False)
    pytest.skip(why)


def best_claims(texts: list[str]) -> list[Claim | None]:
    """For each text, the claim of its highest-scoring sentence (None when it has none)."""
    from claimledger.runner.local import extract_all
    from claimledger.settings import Settings

    docs = [Document(text=t, source=str(i)) for i, t in enumerate(texts)]
    out: list[Claim | None] = []
    for ex in extract_all(docs, Settings(workers=2)):
        claims = getattr(ex, "claims", [])
        out.append(max(claims, key=lambda c: c.score) if claims else None)
    return out


@pytest.fixture(scope="session")
def conflict_set_claims() -> list[Claim | None]:
    """claimledger's best claim for each sentence of tests/data/checkworthy_set.py, found
    once a session (the quality gate and the checkworthy tests both use them)."""
    from tests.data.checkworthy_set import CASES

    return best_claims([c[0] for c in CASES])


@pytest.fixture(scope="session")
def nlp() -> Any:
    from claimledger.nlp.load import load

    return load()


# -- the ledger on SQLite and on PostgreSQL -----------------------------------------------------
# A module marked ``pytestmark = pytest.mark.backends`` runs each test that uses the ``backend``,
# ``db`` or ``ledgers`` fixture twice, ``test_x[sqlite]`` and ``test_x[postgres]`` (grouped by
# backend, so a module-scoped ledger is built once for each); its other tests run once. On
# SQLite a ledger is the file path the test gives; on PostgreSQL it is a fresh database on the
# server CLAIMLEDGER_TEST_PG names (a postgresql:// URL of a superuser; `./run test` starts one,
# see ensure_postgres in ./run), dropped when the test (``db``) or module (``ledgers``) is done.
# Without that variable the PostgreSQL variants skip, saying why; where CI is set they fail.
# ``@pytest.mark.sqlite_only("why")`` skips a test's PostgreSQL variant, saying why: mostly that
# it is about the SQLite file itself (WAL, permissions, foreign files, old SQLite schemas).


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "backends: run this module's ledger tests (those using the backend, db or ledgers "
        "fixtures) on SQLite and on PostgreSQL (CLAIMLEDGER_TEST_PG)",
    )
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): skip this test's PostgreSQL variant, for the reason given "
        "(by default: it is about the SQLite file)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="module")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        only = item.get_closest_marker("sqlite_only")
        if only and callspec is not None and callspec.params.get("backend") == "postgres":
            reason = only.args[0] if only.args else "about the SQLite file"
            item.add_marker(pytest.mark.skip(reason=reason))


class PgServer:
    """The PostgreSQL server of the tests (CLAIMLEDGER_TEST_PG): a database per ledger, named
    ``cltest_<pid>_<n>_<test>`` and dropped (connections and all) when its test is done."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.conn = psycopg.connect(url, autocommit=True, connect_timeout=15)
        self.count = itertools.count(1)
        self.prune()

    def prune(self) -> None:
        """Drop the databases earlier runs on this machine left behind (their process is
        gone); only on a local server, where process ids say something."""
        host = urlsplit(self.url).hostname or ""
        query = dict(p.split("=", 1) for p in urlsplit(self.url).query.split("&") if "=" in p)
        host = query.get("host", host)
        if host and not host.startswith("/") and host not in ("localhost", "127.0.0.1", "::1"):
            return
        for (name,) in self.conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'cltest%'"
        ).fetchall():
            m = re.match(r"cltest_(\d+)_", name)
            if m and not _alive(int(m.group(1))):
                self.drop_database(name)

    def create(self, hint: str, template: str | None = None) -> str:
        """A new database (empty, or a copy of the database ``template``): its URL."""
        slug = re.sub(r"[^a-z0-9]+", "_", hint.lower()).strip("_")
        name = f"cltest_{os.getpid()}_{next(self.count)}_{slug}"[:63]
        sql = f'CREATE DATABASE "{name}"'
        if template is not None:
            sql += f' TEMPLATE "{database_of(template)}"'
        self.conn.execute(sql)
        return urlunsplit(urlsplit(self.url)._replace(path="/" + name))

    def drop(self, url: str) -> None:
        self.drop_database(database_of(url))

    def drop_database(self, name: str) -> None:
        self.conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self.conn.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def database_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The server of the PostgreSQL variants; skips them (fails them in CI) without one."""
    url = os.environ.get("CLAIMLEDGER_TEST_PG", "").strip()
    if not url:
        why = (
            "CLAIMLEDGER_TEST_PG is not set: no PostgreSQL server for the postgres variants "
            "(`./run test` starts one; or set it to a postgresql:// URL of a superuser)"
        )
        if in_ci():
            pytest.fail(f"CI is set and {why}", pytrace=False)
        pytest.skip(why)
    try:
        server = PgServer(url)
    except Exception as exc:  # a server named but not reachable: a failure, CI or not
        pytest.fail(f"CLAIMLEDGER_TEST_PG={url}: cannot connect: {exc}", pytrace=False)
    yield server
    server.close()


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """The backend this test runs on: "sqlite", or "postgres" in a ``backends`` module's
    PostgreSQL variants (which need ``pg_server``)."""
    name: str = getattr(request, "param", "sqlite")
    if name == "postgres":
        request.getfixturevalue("pg_server")
    return name


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> Iterator[DB]:
    """A new ledger for one test: ``tmp_path / "ledger.db"`` (not created yet), or an empty
    PostgreSQL database, dropped after the test."""
    if backend == "sqlite":
        yield tmp_path / "ledger.db"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    url = server.create(request.node.name)
    yield url
    server.drop(url)


class Ledgers:
    """New ledgers on one module's backend, for module-scoped fixtures and for tests that
    need more than ``db``: the path given on SQLite, a new database on PostgreSQL (dropped
    when the module is done)."""

    def __init__(self, backend: str, server: PgServer | None) -> None:
        self.backend = backend
        self.server = server
        self.made: list[str] = []

    def at(self, path: Path) -> DB:
        """A new ledger where SQLite would have ``path`` (not created yet)."""
        if self.server is None:
            return path
        url = self.server.create(path.stem)
        self.made.append(url)
        return url

    def copy(self, src: DB, path: Path) -> DB:
        """A copy of the ledger ``src``: the file copied to ``path``, or a database made from
        ``src`` as its template (no one may be connected to ``src`` meanwhile)."""
        if self.server is None:
            shutil.copy(src, path)
            return path
        assert isinstance(src, str)
        url = self.server.create(path.stem, template=src)
        self.made.append(url)
        return url

    def close(self) -> None:
        if self.server is not None:
            for url in self.made:
                self.server.drop(url)


@pytest.fixture(scope="module")
def ledgers(request: pytest.FixtureRequest, backend: str) -> Iterator[Ledgers]:
    server = request.getfixturevalue("pg_server") if backend == "postgres" else None
    made = Ledgers(backend, server)
    yield made
    made.close()


def raw(db: DB, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """One SQL statement (``?`` placeholders) run on a ledger beside claimledger's commands,
    for a test to look at (or set up) what no command shows: its rows as tuples (none for a
    write, which is committed). A file through ``sqlite3``; a PostgreSQL ledger through
    :func:`claimledger.store.open_store` (the store's own translation and schema)."""
    writes = not re.match(r"\s*(SELECT|WITH)\b", sql, re.IGNORECASE)
    if isinstance(db, Path):
        with closing(sqlite3.connect(db, timeout=30)) as conn, conn:
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]
    from claimledger.store import open_store

    with open_store(db, create=False, readonly=not writes, current=False) as store:
        if writes:
            with store.transaction():
                store.execute(sql, params)
            return []
        return [tuple(r) for r in store.query(sql, params)]


def raw_dicts(db: DB, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """:func:`raw` for a query, each row a dict by column name."""
    if isinstance(db, Path):
        with closing(sqlite3.connect(db, timeout=30)) as conn, conn:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(sql, params).fetchall()]
    from claimledger.store import open_store

    with open_store(db, create=False, readonly=True, current=False) as store:
        return [dict(zip(r.keys(), r, strict=True)) for r in store.query(sql, params)]


def ledger_exists(db: DB) -> bool:
    """Whether a command has made ``db`` a ledger (a file; a database with tables)."""
    if isinstance(db, Path):
        return db.exists()
    from claimledger.errors import LedgerError
    from claimledger.store import open_store

    try:
        open_store(db, create=False, readonly=True, current=False).close()
    except LedgerError:
        return False
    return True


def train_script(name: str) -> ModuleType:
    """``train/NAME.py`` as a module (train/ is not a package), to test the training code."""
    spec = importlib.util.spec_from_file_location(f"train_{name}", ROOT / "train" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
) -> subprocess.CompletedProcess[str]:
    """The real ``claimledger`` command in a child process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "claimledger", *args],
        cwd=cwd,
        env=full_env,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def version_1_ledger(db: Path) -> None:
    """A ledger as claimledger's first schema left it, for the upgrade tests."""
    import sqlite3

    from claimledger.store.sqlite import migrations

    version, name, sql = migrations()[0]
    with sqlite3.connect(db) as conn:
        conn.executescript(sql)
        conn.execute(
            "CREATE TABLE schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (version, name))
    conn.close()


def minimal_pdf(lines: list[str]) -> bytes:
    """A small valid PDF with a text layer, built by hand (no PDF library needed)."""
    content = (
        "BT /F1 12 Tf 72 720 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
            for line in lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file([obj.encode("latin-1") for obj in objects])


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1; the first is the catalog), with its
    cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the test item, so fixtures can see whether it failed
    (the browser tests save a screenshot then)."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report
