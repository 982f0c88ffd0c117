from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimledger.model import Claim, Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wire-report.txt"


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


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


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
