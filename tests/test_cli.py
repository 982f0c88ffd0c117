"""The real ``claimledger`` command: output streams, exit codes, files and the ledger.

The tests of a command that reads or writes the ledger run on a SQLite file and on a
PostgreSQL database (``backends``, through the ``ledger`` fixture): ``check``, ``ingest``
(rejections, and a Ctrl-C in the middle of it), ``claims``, ``export`` in every format and
``report``. The others are about the command line itself (the default ledger file, usage
errors, where progress goes, ``extract``, ``--version``) and run once, on SQLite. Each command
is a new process that loads the models, so the rest of the ledger's commands (``link``,
``upgrade``, ``reference import``, ``serve``) get their PostgreSQL runs in test_link_ledger.py
and test_web.py, and ``migrate`` in test_postgres.py, rather than here again.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimledger.errors import LedgerError
from tests.conftest import DB, EXAMPLE, Ledgers, raw, run_cli

pytestmark = pytest.mark.backends

WIRE = "At least 12 people were killed in the strike, the regional governor said on Friday.\n"


@pytest.fixture
def ledger(tmp_path: Path, ledgers: Ledgers) -> DB:
    """The test's ledger: ``l.db`` in its folder (where its commands run), or a database."""
    return ledgers.at(tmp_path / "l.db")


def arg(db: DB) -> str:
    """The ``--db`` of a command run in the test's folder: ``l.db``, or the database's URL."""
    return db.name if isinstance(db, Path) else db


def test_check_prints_ranked_table_and_writes_report(tmp_path: Path, ledger: DB) -> None:
    r = run_cli("check", str(EXAMPLE), "--db", arg(ledger), "--report-dir", "rep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:4] == ["#", "score", "types", "claim"]
    flat = " ".join(r.stdout.split())  # the table wraps long cells
    assert "At least 19 civilians were killed" in flat
    assert "figures: At least 19 → at least 19 count of civilians killed" in flat
    assert "source: the regional Health Ministry" in flat
    scores = [float(line.split()[1]) for line in lines[2:] if line[:3].strip().isdigit()]
    assert scores == sorted(scores, reverse=True) and len(scores) >= 5
    assert "We must stop this madness" not in r.stdout  # an exhortation is not a claim
    assert (tmp_path / "rep" / "index.html").exists()
    assert "report: rep/index.html" in r.stderr
    assert "Traceback" not in r.stderr


def test_default_db_and_env_override(tmp_path: Path) -> None:
    r = run_cli("ingest", str(EXAMPLE), cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "claimledger.db").exists()
    r = run_cli("ingest", str(EXAMPLE), cwd=tmp_path, env={"CLAIMLEDGER_DB": "other.db"})
    assert r.returncode == 0 and (tmp_path / "other.db").exists()
    r = run_cli("claims", "--limit", "3", cwd=tmp_path, env={"CLAIMLEDGER_DB": "other.db"})
    assert r.returncode == 0 and "At least 19" in r.stdout


def test_mixed_folder_rejects_bad_files_with_one_line_each(tmp_path: Path, ledger: DB) -> None:
    docs = tmp_path / "in"
    (docs / "sub").mkdir(parents=True)
    (docs / "good.txt").write_text(WIRE, encoding="utf-8")
    (docs / "sub" / "also-good.md").write_text(WIRE + "Prices rose 4%.", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "sub" / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (docs / "cp1252.txt").write_bytes("The ministry’s figures".encode("cp1252") * 3)
    r = run_cli("ingest", str(docs), "--db", arg(ledger), cwd=tmp_path)
    assert r.returncode == 1
    rejected = [line for line in r.stderr.splitlines() if line.startswith("claimledger: rejected")]
    assert len(rejected) == 3
    assert any("empty.txt: empty input" in line for line in rejected)
    assert any("bin.txt: binary data" in line for line in rejected)
    assert any("cp1252.txt: not valid utf-8" in line for line in rejected)
    assert "Traceback" not in r.stderr
    assert raw(ledger, "SELECT COUNT(*) FROM documents") == [(2,)]
    stages = raw(ledger, "SELECT input, stage FROM rejections ORDER BY input")
    assert len(stages) == 3 and {s for _, s in stages} == {"decode"}


def test_extract_stdin_jsonl(tmp_path: Path) -> None:
    r = run_cli("extract", "--what", "quantities", stdin=WIRE.encode())
    assert r.returncode == 0, r.stderr
    [rec] = [json.loads(line) for line in r.stdout.splitlines()]
    assert rec["kind"] == "quantity" and rec["source"] == "<stdin>"
    assert (rec["text"], rec["value"], rec["bound"], rec["unit"]) == (
        "At least 12",
        12,
        "at_least",
        "count",
    )
    assert WIRE[rec["start"] : rec["end"]] == rec["text"]
    assert rec["sentence"] == WIRE.strip()


def test_extract_all_kinds_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "l.txt"
    path.write_text(WIRE + "Prices rose 4%, the central bank of Ukraine said.\n", encoding="utf-8")
    r = run_cli("extract", "--lines", str(path))
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert {rec["kind"] for rec in recs} == {
        "time",
        "place",
        "quantity",
        "attribution",
        "claim",
        "entity",
        "event",
    }
    assert {rec["line"] for rec in recs} == {1, 2}
    claims = [rec for rec in recs if rec["kind"] == "claim"]
    assert all(0 <= c["score"] <= 1 and c["label"] in ("claim", "not_claim") for c in claims)
    att = next(rec for rec in recs if rec["kind"] == "attribution" and rec["line"] == 2)
    assert (
        att["attributed_to"] == "the central bank of Ukraine" and att["content"] == "Prices rose 4%"
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    for rec in recs:
        assert lines[rec["line"] - 1][rec["start"] : rec["end"]] == rec["text"]


def test_claims_filters_and_export_formats(tmp_path: Path, ledger: DB) -> None:
    db = arg(ledger)
    assert run_cli("ingest", str(EXAMPLE), "--db", db, cwd=tmp_path).returncode == 0
    r = run_cli(
        "claims",
        "--db",
        db,
        "--type",
        "quote",
        "--min-score",
        "0",
        "--format",
        "jsonl",
        cwd=tmp_path,
    )
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all("quote" in row["types"] for row in rows)
    r = run_cli("claims", "--db", db, "--min-score", "0.9", "--format", "jsonl", cwd=tmp_path)
    assert all(json.loads(line)["score"] >= 0.9 for line in r.stdout.splitlines())
    doc_id = rows[0]["doc_id"]
    r = run_cli("claims", "--db", db, "--doc", "0000", cwd=tmp_path)
    assert r.stdout == "no claims matched\n"

    r = run_cli("export", "--db", db, "--what", "quantities", cwd=tmp_path)
    quantities = [json.loads(line) for line in r.stdout.splitlines()]
    assert quantities and all(q["doc_id"] == doc_id for q in quantities)
    r = run_cli(
        "export", "--db", db, "--what", "claims", "--format", "csv", "-o", "c.csv", cwd=tmp_path
    )
    assert r.returncode == 0
    with open(tmp_path / "c.csv", encoding="utf-8", newline="") as fh:
        rows_csv = list(csv.DictReader(fh))
    assert rows_csv and json.loads(rows_csv[0]["types"])
    r = run_cli(
        "export",
        "--db",
        db,
        "--what",
        "attributions",
        "--format",
        "parquet",
        "-o",
        "a.parquet",
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    table = pq.read_table(tmp_path / "a.parquet")
    assert {"attributed_to", "cue", "content", "direct"} <= set(table.column_names)
    r = run_cli("export", "--db", db, "--what", "documents", cwd=tmp_path)
    [doc] = [json.loads(line) for line in r.stdout.splitlines()]
    assert doc["text"] == EXAMPLE.read_text(encoding="utf-8")


def test_report_command(tmp_path: Path, ledger: DB) -> None:
    run_cli("ingest", str(EXAMPLE), "--db", arg(ledger), cwd=tmp_path)
    r = run_cli("report", "--all", "--db", arg(ledger), "-o", "out", cwd=tmp_path)
    assert r.returncode == 0 and len(list((tmp_path / "out").glob("doc-*.html"))) == 1
    r = run_cli("report", "nosuchid", "--db", arg(ledger), "-o", "out", cwd=tmp_path)
    assert r.returncode == 2 and "no document with id nosuchid" in r.stderr
    assert "Traceback" not in r.stderr


def test_user_errors_have_no_traceback(tmp_path: Path) -> None:
    for args in (
        ["report", "--db", "l.db", "-o", "x"],
        ["claims", "--db", "missing.db"],
        ["export", "--db", "missing.db", "--what", "claims"],
        ["ingest", "--workers", "-1", str(EXAMPLE)],
    ):
        r = run_cli(*args, cwd=tmp_path)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith("claimledger: error:") and "Traceback" not in r.stderr
    (tmp_path / "junk.db").write_text("junk" * 100, encoding="utf-8")
    r = run_cli("ingest", str(EXAMPLE), "--db", "junk.db", cwd=tmp_path)
    assert r.returncode == 2 and "not a usable claimledger ledger" in r.stderr


def test_progress_on_stderr_results_on_stdout(tmp_path: Path) -> None:
    docs = tmp_path / "in"
    docs.mkdir()
    for i in range(6):
        (docs / f"{i}.txt").write_text(f"{WIRE}Update {i}: {i + 2} more were hurt.", "utf-8")
    r = run_cli("check", str(docs), "--db", "l.db", "--progress", "--workers", "1", cwd=tmp_path)
    assert r.returncode == 0
    assert "ingest: 6 documents, 0 rejected" in r.stderr
    assert "ingest:" not in r.stdout


def stored_so_far(db: DB) -> int:
    """Documents in a ledger an ingest is writing (0 while it has none to show)."""
    if isinstance(db, Path):
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=30) as conn:
                    return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
            except sqlite3.OperationalError:
                return 0
        return 0
    try:
        return int(raw(db, "SELECT COUNT(*) FROM documents")[0][0])
    except LedgerError:  # no tables yet: the ingest is creating them
        return 0


def test_ctrl_c_leaves_no_half_written_document(tmp_path: Path, ledger: DB) -> None:
    docs = tmp_path / "in"
    docs.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(150):
        (docs / f"{i:03}.txt").write_text(f"{text}\nUpdate {i}: {i} more wounded.", "utf-8")
    db = ledger
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "claimledger",
            "ingest",
            str(docs),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    stored = 0
    while proc.poll() is None and stored == 0:  # wait until documents are being written
        time.sleep(0.2)
        stored = stored_so_far(db)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert "Traceback" not in err
    if proc.returncode == 130:
        assert "interrupted" in err
    [(n_docs,)] = raw(db, "SELECT COUNT(*) FROM documents")
    per_doc = raw(
        db,
        "SELECT d.id, (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id), "
        "(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) FROM documents d",
    )
    [(orphans,)] = raw(
        db, "SELECT COUNT(*) FROM claims WHERE doc_id NOT IN (SELECT id FROM documents)"
    )
    assert 1 <= n_docs <= 150 and orphans == 0
    assert all(n_sent == n_claims and n_sent > 10 for _, n_sent, n_claims in per_doc)
    r = run_cli("ingest", str(docs), "--db", str(db), "--workers", "1")  # resumes cleanly
    assert r.returncode == 0
    assert f": {150 - n_docs} document" in r.stderr
    assert f"stored, {n_docs} already in the ledger, 0 rejected" in r.stderr


def test_version() -> None:
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("claimledger ")
    assert io.StringIO(r.stdout).readline().strip() != ""
