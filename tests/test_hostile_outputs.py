"""What the commands write, and what they never write: the ledger they read, files they did
not create, foreign SQLite files, formulas in CSV cells, escape codes on a terminal, local
paths in published ClaimReviews. The real CLI on real files.

Most of this is about files (the SQLite ledger's own among them) and runs on SQLite; processes
opening a new ledger at once and a NUL in metadata run on a PostgreSQL database as well
(``backends``)."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimledger import api
from claimledger.present import desk
from claimledger.present.records import FIELDS
from claimledger.settings import Settings
from claimledger.store.sqlite import Ledger, migrations
from tests.conftest import EXAMPLE, ROOT, Ledgers, raw, run_cli, version_1_ledger

pytestmark = pytest.mark.backends

ESC = "\x1b"
WIRES = [
    {
        "text": "At least 12 people were killed in the strike on Varnok, the regional governor "
        "said on Friday. Aid groups said 40 trucks were waiting at the Dresk crossing.",
        "title": "Strike on Varnok",
        "url": "javascript:alert(1)",
        "outlet": '=HYPERLINK("http://evil.example","click")',
    },
    {
        "text": "-2+3 of the convoy's vehicles were hit, the army said. "
        f"Prices in Dresk rose 4% in March {ESC}[2K{ESC}[0m, the statistics office said.",
        "url": "https://wire.example/dresk-prices",
    },
    {
        "text": "The ministry said 300 families had fled Lorra since Monday, "
        "according to a statement.",
        "url": "/home/desk/leaks/lorra.txt",
        "author": "@reporter",
    },
]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    corpus = folder / "wires.jsonl"
    corpus.write_text("".join(json.dumps(w) + "\n" for w in WIRES), encoding="utf-8")
    db = folder / "desk.db"
    api.ingest([str(corpus)], db, Settings(workers=1))
    with Ledger(db) as led:
        for row in led.conn.execute("SELECT id FROM claims WHERE label = 'claim'").fetchall():
            desk.add_review(led, row[0], "Refuted", "Desk Tester", "checked")
    return db


@pytest.fixture
def copy(ledger: Path, tmp_path: Path) -> Path:
    """A private copy of the module's ledger, for tests that try to damage it."""
    db = tmp_path / "v.db"
    with sqlite3.connect(ledger) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    return db


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("documents", "claims", "reviews")
        }


def test_export_never_writes_onto_its_own_ledger(copy: Path, tmp_path: Path) -> None:
    before = table_counts(copy)
    assert before["documents"] == 3 and before["reviews"] > 0
    link = tmp_path / "link.db"
    link.symlink_to(copy)
    for target, fmt in (
        (copy, "jsonl"),
        (copy, "csv"),
        (copy, "parquet"),
        (Path(str(copy) + "-wal"), "jsonl"),
        (link, "jsonl"),
        (Path("..") / tmp_path.name / "v.db", "jsonl"),
    ):
        for force in ((), ("--force",)):
            r = run_cli(
                "export", "--db", str(copy), "--what", "claims", "--format", fmt,
                "-o", str(target), *force, cwd=tmp_path,
            )  # fmt: skip
            assert r.returncode == 2, (target, fmt, r.stderr)
            assert "is the ledger this command reads" in r.stderr
            assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert table_counts(copy) == before
    assert not list(tmp_path.glob(".*.part"))


def test_export_replaces_an_existing_file_only_with_force(ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    out.write_text("notes I keep\n", encoding="utf-8")
    r = run_cli("export", "--db", str(ledger), "--what", "claims", "-o", str(out))
    assert r.returncode == 2 and "already exists; pass --force" in r.stderr
    assert out.read_text(encoding="utf-8") == "notes I keep\n"
    r = run_cli("export", "--db", str(ledger), "--what", "claims", "-o", str(out), "--force")
    assert r.returncode == 0, r.stderr
    assert all(json.loads(line)["kind"] == "claim" for line in out.read_text().splitlines())
    # a new file needs no --force, and no temporary file is left beside it
    r = run_cli("export", "--db", str(ledger), "--what", "claims", "-o", str(tmp_path / "n.csv"))
    assert r.returncode == 0 and (tmp_path / "n.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl", "n.csv"]
    # not a regular file: never replaced, even with --force
    r = run_cli("export", "--db", str(ledger), "--what", "claims", "-o", "/dev/null", "--force")
    assert r.returncode == 2 and "not a regular file" in r.stderr


def test_csv_and_parquet_columns_come_from_the_record_schema(ledger: Path, tmp_path: Path) -> None:
    for what, kind in (("claims", "claim"), ("quantities", "quantity")):
        out = tmp_path / f"{what}.csv"
        r = run_cli(
            "export", "--db", str(ledger), "--what", what, "--format", "csv", "-o", str(out)
        )
        assert r.returncode == 0, r.stderr
        with open(out, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert list(rows[0]) == list(FIELDS[kind])
        assert {row["record"] for row in rows} <= {"1", "2", "3"} and rows[0]["record"]
        out = tmp_path / f"{what}.parquet"
        r = run_cli(
            "export", "--db", str(ledger), "--what", what, "--format", "parquet", "-o", str(out)
        )
        assert r.returncode == 0, r.stderr
        table = pq.read_table(out)
        assert table.column_names == list(FIELDS[kind])
        assert set(table.column("record").to_pylist()) <= {1, 2, 3}
    change = pq.read_table(tmp_path / "quantities.parquet").column("change").to_pylist()
    assert {"direction": "up", "from": None, "to": None, "by": 4.0} in change


def test_empty_ledger_exports_keep_their_columns(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Ledger(db).close()
    r = run_cli("export", "--db", str(db), "--what", "attributions", "--format", "csv")
    assert r.returncode == 0 and r.stdout.strip() == ",".join(FIELDS["attribution"])
    r = run_cli(
        "export", "--db", str(db), "--what", "entities", "--format", "parquet",
        "-o", str(tmp_path / "e.parquet"),
    )  # fmt: skip
    assert r.returncode == 0
    assert pq.read_table(tmp_path / "e.parquet").column_names == list(FIELDS["entity"])


def test_csv_cells_never_start_a_formula(ledger: Path, tmp_path: Path) -> None:
    for what in ("claims", "documents", "quantities", "attributions"):
        out = tmp_path / f"{what}.csv"
        r = run_cli(
            "export", "--db", str(ledger), "--what", what, "--format", "csv", "-o", str(out)
        )
        assert r.returncode == 0, r.stderr
        with open(out, encoding="utf-8", newline="") as fh:
            cells = [cell for row in csv.reader(fh) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
        dashed = [c for c in cells if c.startswith("-")]
        assert all(_is_number(c) for c in dashed), dashed  # a negative number stays a number
    with open(tmp_path / "documents.csv", encoding="utf-8", newline="") as fh:
        docs = list(csv.DictReader(fh))
    assert '\'=HYPERLINK("http://evil.example","click")' in {d["outlet"] for d in docs}
    assert "'@reporter" in {d["author"] for d in docs}
    assert any(d["text"].startswith("'-2+3 of the convoy") for d in docs)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_read_commands_never_write_and_refuse_foreign_sqlite(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('call the press office')")
    conn.close()
    before = sha(foreign)
    for args in (
        ["claims"],
        ["export", "--what", "claims"],
        ["report", "--all", "-o", str(tmp_path / "rep")],
        ["ingest", str(EXAMPLE)],
        ["upgrade"],
    ):
        r = run_cli(*args, "--db", str(foreign))
        assert r.returncode == 2, (args, r.stderr)
        assert "is an SQLite database but not a claimledger ledger" in r.stderr
        assert "notes" in r.stderr and "Traceback" not in r.stderr
    assert sha(foreign) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal, no report


def test_read_commands_leave_a_ledger_byte_for_byte(copy: Path, tmp_path: Path) -> None:
    with sqlite3.connect(copy) as conn:  # a settled ledger: no WAL left to fold in
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = sha(copy)
    for args in (
        ["claims", "--min-score", "0"],
        ["export", "--what", "documents"],
        ["export", "--what", "claimreview"],
        ["report", "--all", "-o", str(tmp_path / "rep")],
    ):
        r = run_cli(*args, "--db", str(copy))
        assert r.returncode == 0, (args, r.stderr)
    assert sha(copy) == before


def test_older_schema_is_upgraded_only_by_a_writing_command(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    version_1_ledger(db)
    before = sha(db)
    r = run_cli("claims", "--db", str(db))
    assert r.returncode == 2 and f"claimledger upgrade --db {db}" in r.stderr
    assert sha(db) == before
    newest = migrations()[-1][0]
    r = run_cli("upgrade", "--db", str(db))
    assert r.returncode == 0 and f"upgraded from schema version 1 to schema version {newest}" in (
        r.stderr
    )
    assert run_cli("claims", "--db", str(db)).returncode == 0
    r = run_cli("upgrade", "--db", str(db))
    assert r.returncode == 0 and "already at" in r.stderr


_OPEN_LEDGER = """
import sys
from claimledger.store import open_store
try:
    with open_store(sys.argv[1]) as led:
        print(led.schema_version())
except Exception as exc:
    print(type(exc).__name__, exc)
"""


def test_processes_opening_a_new_ledger_at_once_all_succeed(
    tmp_path: Path, ledgers: Ledgers, backend: str
) -> None:
    newest = str(migrations()[-1][0])
    # three races on SQLite; one on PostgreSQL, where six processes take twice as long
    for trial in range(3 if backend == "sqlite" else 1):
        db = ledgers.at(tmp_path / f"new{trial}.db")
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN_LEDGER, str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                cwd=ROOT,
            )
            for _ in range(6)
        ]
        outs = [p.communicate(timeout=120)[0].strip() for p in procs]
        assert outs == [newest] * 6, outs
        applied = [r[0] for r in raw(db, "SELECT version FROM schema_migrations")]
        assert applied == sorted(set(applied)) and len(applied) == int(newest)


def _make_immutable(path: Path) -> bool:
    """Make ``path`` unwritable even for root (chattr +i), or for others by its mode."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return True
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    return subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0


def test_read_only_ledger_is_one_line_before_any_work(copy: Path, tmp_path: Path) -> None:
    with sqlite3.connect(copy) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    if not _make_immutable(copy):
        pytest.skip("no way to make a file read-only for root here (chattr missing)")
    try:
        r = run_cli("ingest", str(EXAMPLE), "--db", str(copy))
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith(f"claimledger: error: ledger {copy} is read-only")
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(copy)], check=False)


def test_unwritable_output_paths_fail_before_any_work(ledger: Path, tmp_path: Path) -> None:
    for args in (
        ["export", "--db", str(ledger), "--what", "claims", "-o", str(tmp_path / "no" / "x")],
        ["export", "--db", str(ledger), "--what", "claims", "-o", "/proc/claimledger.jsonl"],
        ["report", "--db", str(ledger), "--all", "-o", "/proc/claimledger-report"],
        ["report", "--db", str(ledger), "--all", "-o", str(EXAMPLE)],
    ):
        r = run_cli(*args)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith("claimledger: error:") and r.stderr.count("\n") == 1
        assert "Traceback" not in r.stderr
    db = tmp_path / "new.db"
    r = run_cli("check", str(EXAMPLE), "--db", str(db), "--report-dir", "/proc/claimledger/report")
    assert r.returncode == 2 and "cannot write reports in /proc/claimledger/report" in r.stderr
    assert not db.exists()  # refused before ingesting anything


def test_report_folder_with_foreign_files_needs_force(ledger: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "index.html").write_text("my own page", encoding="utf-8")
    r = run_cli("report", "--db", str(ledger), "--all", "-o", str(folder))
    assert r.returncode == 2 and "holds files claimledger did not write" in r.stderr
    assert (folder / "index.html").read_text(encoding="utf-8") == "my own page"
    r = run_cli("report", "--db", str(ledger), "--all", "-o", str(folder), "--force")
    assert r.returncode == 0 and "my own page" not in (folder / "index.html").read_text()
    # a folder claimledger wrote is its own to rewrite
    fresh = tmp_path / "fresh"
    assert run_cli("report", "--db", str(ledger), "--all", "-o", str(fresh)).returncode == 0
    assert run_cli("report", "--db", str(ledger), "--all", "-o", str(fresh)).returncode == 0
    assert not list(fresh.glob(".*.part"))


def test_terminal_output_shows_control_characters(tmp_path: Path) -> None:
    name = f"wire{ESC}]0;pwned{chr(7)}{ESC}[8m.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text(
        f"The blast killed 12 people {ESC}[2K{ESC}[0m in Varnok, officials said.\n"
        f"{ESC}]0;new title{chr(7)}Prices in Dresk rose 4%, the statistics office said.\n",
        encoding="utf-8",
    )
    (folder / f"empty{ESC}[31m.txt").write_bytes(b"")
    r = run_cli("check", "in", "--db", "l.db", "--report-dir", "rep", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert ESC not in r.stdout and ESC not in r.stderr and chr(7) not in r.stdout + r.stderr
    assert "\\x1b[2K\\x1b[0m" in r.stdout and "wire\\x1b]0;pwned\\x07\\x1b[8m.txt" in r.stdout
    assert "rejected in/empty\\x1b[31m.txt: empty input" in r.stderr
    r = run_cli("extract", "--what", "quantities", name, cwd=folder)
    figures = [json.loads(line)["text"] for line in r.stdout.splitlines()]
    assert figures == ["12", "4%"]  # "2K", "0m" and "0" of the codes are not figures
    assert ESC not in r.stdout  # JSON escapes it, and json.loads gives it back


def test_jsonl_output_escapes_what_splits_lines(tmp_path: Path) -> None:
    doc = tmp_path / "sep.txt"
    doc.write_text(
        "Officials said 12 people were hurt\u2028in Varnok\u0085 on Friday \u202eevil.\n",
        encoding="utf-8",
    )
    r = run_cli("extract", "--what", "claims", str(doc))
    assert r.returncode == 0
    lines = r.stdout.split("\n")
    assert len(lines) == 2 and lines[1] == ""  # one record, one line, however it is split
    assert "\u2028" not in r.stdout and "\u0085" not in r.stdout and "\u202e" not in r.stdout
    record = json.loads(lines[0])
    assert "\u2028in Varnok\u0085" in record["text"]


def test_claimreview_publishes_only_http_urls(ledger: Path) -> None:
    reviews = list(api.claimreview(ledger, organisation="Desk"))
    assert reviews
    urls = [r["itemReviewed"]["appearance"].get("url") for r in reviews]
    assert set(urls) == {"https://wire.example/dresk-prices", None}
    text = json.dumps(reviews)
    assert "javascript:" not in text and "/home/desk" not in text and "wires.jsonl" not in text
    r = run_cli("export", "--db", str(ledger), "--what", "claimreview", "--base-url", "file:///x")
    assert r.returncode == 2 and "--base-url must be an http:// or https:// address" in r.stderr
    r = run_cli("export", "--db", str(ledger), "--what", "claimreview", "--format", "csv")
    assert r.returncode == 2 and "--format jsonl" in r.stderr


def test_negative_counts_are_usage_errors(ledger: Path, tmp_path: Path) -> None:
    r = run_cli("check", str(EXAMPLE), "--db", "x.db", "--top", "-5", cwd=tmp_path)
    assert r.returncode == 2 and "--top must be 1 or more" in r.stderr
    r = run_cli("claims", "--db", str(ledger), "--limit", "-1")
    assert r.returncode == 2 and "--limit must be 0 or more" in r.stderr


def test_every_form_of_escape_code_is_not_a_figure(tmp_path: Path) -> None:
    doc = tmp_path / "codes.txt"
    doc.write_text(
        f"The unit said {ESC}[9494 The army lost 3 tanks. Here \x90 4242 \x9c and \x9d7373\x07 "
        f"and {ESC}^6161{ESC}\\ and \x9e5151\x9c and {ESC}P8181{ESC}\\ and {ESC}_7171{ESC}\\ "
        "and 12 trucks. Sales rose 5 percent. \x901234\x9c \x9d0;2345\x07 \x9fG f=100;4646\x9c "
        f"\x983456\x9c {ESC}]0;Title. The 4747 end\x07 and 9 cars.\n\n"
        + "The talks went on without a result. " * 120  # few controls per character: text
        + "\n",
        encoding="utf-8",
    )
    r = run_cli("extract", "--what", "quantities", str(doc))
    figures = [json.loads(line)["text"] for line in r.stdout.splitlines()]
    assert figures == ["3", "12", "5 percent", "9"]


def test_csv_on_a_terminal_shows_control_characters(ledger: Path, tmp_path: Path) -> None:
    import pty

    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimledger", "export", "--db", str(ledger), "--what",
         "quantities", "--format", "csv"],
        stdout=child, stderr=subprocess.DEVNULL, cwd=ROOT,
    )  # fmt: skip
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=120)
    os.close(main)
    assert proc.returncode == 0 and b"Dresk" in out
    assert b"\x1b" not in out and b"\\x1b[2K\\x1b[0m" in out
    # to a file, the data is written as it is stored
    r = run_cli("export", "--db", str(ledger), "--what", "quantities", "--format", "csv")
    assert f"{ESC}[2K" in r.stdout


def test_base_url_from_the_environment_is_checked(ledger: Path) -> None:
    r = run_cli(
        "export", "--db", str(ledger), "--what", "claimreview",
        env={"CLAIMLEDGER_BASE_URL": "javascript:alert(1)"},
    )  # fmt: skip
    assert r.returncode == 2 and "CLAIMLEDGER_BASE_URL must be an http" in r.stderr
    assert desk.public_url("https://user:secret@wire.example/x") is None
    assert desk.public_url("https://wire.example/\u202eevil") is None


def test_report_marker_that_is_a_link_is_never_written_through(
    ledger: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("my notes\n", encoding="utf-8")
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / ".claimledger-report").symlink_to(victim)
    r = run_cli("report", "--db", str(ledger), "--all", "-o", str(folder))
    assert r.returncode == 2 and "holds files claimledger did not write" in r.stderr
    r = run_cli("report", "--db", str(ledger), "--all", "-o", str(folder), "--force")
    assert r.returncode == 0
    assert victim.read_text(encoding="utf-8") == "my notes\n"


def test_outputs_get_the_mode_of_a_new_file(ledger: Path, tmp_path: Path) -> None:
    script = (
        "import os, sys; os.umask(0o022); "
        "from claimledger.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    for args in (
        ["export", "--db", str(ledger), "--what", "claims", "-o", str(tmp_path / "c.jsonl")],
        ["report", "--db", str(ledger), "--all", "-o", str(tmp_path / "rep")],
    ):
        r = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT
        )
        assert r.returncode == 0, r.stderr
    assert (tmp_path / "c.jsonl").stat().st_mode & 0o777 == 0o644
    assert {p.stat().st_mode & 0o777 for p in (tmp_path / "rep").glob("*.html")} == {0o644}


def test_counts_and_codecs_out_of_range_are_usage_errors(ledger: Path, tmp_path: Path) -> None:
    for args in (
        ["claims", "--db", str(ledger), "--limit", "99999999999999999999999"],
        ["check", str(EXAMPLE), "--db", "t.db", "--top", "9223372036854775808"],
        ["extract", "--encoding", "undefined", str(EXAMPLE)],
        ["ingest", str(EXAMPLE), "--db", "t.db", "--workers", "100000000000"],
    ):
        r = run_cli(*args, cwd=tmp_path)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith("claimledger: error:") and "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_serve_names_its_ledger_visibly(ledger: Path, tmp_path: Path) -> None:
    from tests.serving import Server

    odd = tmp_path / f"desk{ESC}]0;x\x07\u202e.db"
    shutil.copy(ledger, odd)
    server = Server(odd).start()
    log = server.stop()
    assert ESC not in log and "\u202e" not in log and "desk\\x1b]0;x\\x07U+202E.db" in log


def test_another_tools_schema_migrations_is_not_a_ledger(tmp_path: Path) -> None:
    rails = tmp_path / "app.db"
    with sqlite3.connect(rails) as conn:  # Rails keeps its versions as text
        conn.execute("CREATE TABLE schema_migrations (version varchar PRIMARY KEY)")
        conn.execute("INSERT INTO schema_migrations VALUES ('20240101120000')")
        conn.execute("CREATE TABLE documents (id integer, body text)")
        conn.execute("CREATE TABLE users (id integer)")
    conn.close()
    before = sha(rails)
    for args in (["ingest", str(EXAMPLE)], ["upgrade"], ["claims"]):
        r = run_cli(*args, "--db", str(rails))
        assert r.returncode == 2 and "not a claimledger ledger" in r.stderr, r.stderr
    assert sha(rails) == before and sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]


def test_check_with_an_unusable_ledger_creates_no_report_folder(tmp_path: Path) -> None:
    (tmp_path / "text.db").write_text("not a database " * 50, encoding="utf-8")
    for db in ("text.db", "missing/ledger.db", "."):
        r = run_cli("check", str(EXAMPLE), "--db", db, "--report-dir", "rep", cwd=tmp_path)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (db, r.stderr)
        assert not (tmp_path / "rep").exists(), db


def test_review_on_a_read_only_ledger_is_503(copy: Path) -> None:
    from tests.serving import Server

    if not _make_immutable(copy):
        pytest.skip("no way to make a file read-only for root here (chattr missing)")
    try:
        server = Server(copy).start()
        try:
            claim = server.get_json("/claims.json")["claims"][0]["id"]
            reply = server.review(claim, "Supported", "Desk Tester")
            assert reply.status == 503 and b"read-only" in reply.body
        finally:
            log = server.stop()
        assert "Traceback" not in log
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(copy)], check=False)


def test_foreign_wal_database_gets_no_files_beside_it(tmp_path: Path) -> None:
    foreign = tmp_path / "app.db"
    conn = sqlite3.connect(foreign)
    conn.executescript(
        "PRAGMA journal_mode=WAL; CREATE TABLE schema_migrations (version varchar);"
        "INSERT INTO schema_migrations VALUES ('3'); CREATE TABLE documents (x);"
        "CREATE TABLE users (y);"
    )
    conn.close()
    before = sha(foreign)
    for args in (["claims"], ["export", "--what", "claims"], ["upgrade"], ["ingest", "-"]):
        r = run_cli(*args, "--db", str(foreign), stdin=b"")
        assert r.returncode == 2 and "not a claimledger ledger" in r.stderr, (args, r.stderr)
    assert sha(foreign) == before and sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]


def test_bad_arguments_and_urls_are_one_line(ledger: Path) -> None:
    for args, env in (
        (["claims", "--db", str(ledger), "--limit", "1e3"], {}),
        (["export", "--db", str(ledger), "--what", "nothing"], {}),
        (
            ["export", "--db", str(ledger), "--what", "claimreview"],
            {"CLAIMLEDGER_BASE_URL": "javascript:x", "CLAIMLEDGER_ORG": ""},
        ),
    ):
        r = run_cli(*args, env=env)
        assert r.returncode == 2 and r.stderr.count("\n") == 1, (args, r.stderr)
        assert r.stderr.startswith("claimledger: error:")


def test_nul_in_metadata_is_never_stored_raw(tmp_path: Path, ledgers: Ledgers) -> None:
    corpus = tmp_path / "w.jsonl"
    corpus.write_text(
        json.dumps({"text": WIRES[0]["text"], "title": "Strike\u0000on Varnok"}) + "\n",
        encoding="utf-8",
    )
    db = ledgers.at(tmp_path / "l.db")
    assert run_cli("ingest", str(corpus), "--db", str(db)).returncode == 0
    r = run_cli("export", "--db", str(db), "--what", "documents")
    [doc] = [json.loads(line) for line in r.stdout.splitlines()]
    assert doc["title"] == "Strike\\x00on Varnok"
