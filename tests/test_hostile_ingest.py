"""Hostile inputs: each becomes one rejection line on stderr and one ``rejections`` row, the
rest of the input is read and stored; never a traceback, never a hang.

The tests run the real command on real files (``tests.hostile`` builds them). Tests run as
root here, and root reads a folder with mode 000; where ``setpriv`` can drop the
capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), the command runs without
them, so that the folder is really unreadable.

The whole hostile folder and the names that are not UTF-8 are stored in a SQLite file and in
a PostgreSQL database (``backends``): what the ledger keeps of hostile input is the same in
both. The rest is about reading files, whatever the ledger, and runs on SQLite alone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from claimledger.ingest import read_inputs
from claimledger.model import Document, Rejection
from claimledger.settings import Settings
from tests import hostile
from tests.conftest import DB, Ledgers, raw_dicts, run_cli

pytestmark = pytest.mark.backends

MAX = "300000"  # small, so that the PDFs pass it quickly; the deep JSONL file is under it
TIMEOUT = 300  # a hang fails the test instead of blocking it
_REJECTED = re.compile(r"^claimledger: rejected (.+?)(?::(\d+))?: (.*)$")


def shown(path: Path) -> str:
    """A path as claimledger prints and stores it (non-UTF-8 bytes, controls as \\xNN)."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _setpriv() -> list[str] | None:
    """The prefix that runs a command as root without the capabilities that let root read
    any folder: [] when none is needed (not root), None when that is not possible."""
    if os.geteuid() != 0:
        return []
    tool = shutil.which("setpriv")
    if tool is None:
        return None
    probe = subprocess.run(
        [tool, "--bounding-set=-dac_override,-dac_read_search", "true"],
        capture_output=True,
        timeout=30,
        check=False,
    )
    return (
        [tool, "--bounding-set=-dac_override,-dac_read_search"] if probe.returncode == 0 else None
    )


WITHOUT_DAC = _setpriv()


def without_dac(*args: str) -> subprocess.CompletedProcess[str]:
    """``run_cli``, but where permissions hold (root without its DAC capabilities)."""
    assert WITHOUT_DAC is not None
    return subprocess.run(
        [*WITHOUT_DAC, sys.executable, "-m", "claimledger", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def rejected(stderr: str) -> list[tuple[str, int | None, str]]:
    """(input, record or None, reason) of every rejection line."""
    out = []
    for line in stderr.splitlines():
        m = _REJECTED.match(line)
        if m:
            out.append((m[1], int(m[2]) if m[2] else None, m[3]))
    return out


def ledger(db: DB) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    docs = raw_dicts(db, "SELECT * FROM documents ORDER BY source, record")
    rows = raw_dicts(db, "SELECT * FROM rejections")
    return docs, rows


def assert_clean(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    # every line on stderr is claimledger's own, one line per message
    assert all(line.startswith("claimledger: ") for line in proc.stderr.splitlines()), proc.stderr


def test_the_whole_hostile_folder(tmp_path: Path, ledgers: Ledgers) -> None:
    c = hostile.build(tmp_path)
    db = ledgers.at(tmp_path / "ledger.db")
    runner = without_dac if WITHOUT_DAC is not None else run_cli
    proc = runner("ingest", str(c.root), "--db", str(db), "--max-bytes", MAX)
    assert proc.returncode == 1, proc.stderr
    assert_clean(proc)
    bad = dict(c.bad)
    if WITHOUT_DAC is None:  # root that cannot drop its capabilities reads "locked"
        del bad["locked"]
    lines = Counter(name for name, _, _ in rejected(proc.stderr))
    for key, path in bad.items():
        assert lines[shown(path)] == 1, (key, proc.stderr)
    assert sum(lines.values()) == len(bad), proc.stderr

    docs, rows = ledger(db)
    assert len(rows) == len(bad)
    row_inputs = Counter(re.sub(r":\d+$", "", r["input"]) for r in rows)
    assert row_inputs == Counter(shown(p) for p in bad.values())
    stored = Counter(d["source"] for d in docs)
    for key, path in c.good.items():
        assert stored[shown(path)] == c.records.get(key, 1), key
    for key in ("deep", "open-quote", "surrogate"):
        assert stored[shown(c.bad[key])] == c.records[key], key
    assert not any("outside" in s for s in stored)  # the link out of the folder not followed
    assert not any("locked" in s for s in stored) or "locked" not in bad
    expected_docs = (
        len(c.good) + sum(c.records.values()) - sum(1 for key in c.good if key in c.records)
    )
    assert len(docs) == expected_docs + (0 if "locked" in bad else 1)
    assert "Varnok" in "".join(d["text"] for d in docs)


# -- 1. names that are not UTF-8 ------------------------------------------------------------


def test_file_name_not_utf8_is_read_and_stored_escaped(tmp_path: Path, ledgers: Ledgers) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = hostile.non_utf8_name(folder)
    nl = hostile.newline_name(folder)
    hostile.good_text(folder, "z-after.txt", "Varnok")
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"missing\xfe.txt"))
    db = ledgers.at(tmp_path / "l.db")
    proc = run_cli("ingest", str(folder), missing, "--db", str(db))
    assert_clean(proc)
    assert proc.returncode == 1
    assert rejected(proc.stderr) == [
        (f"{tmp_path}/missing\\xfe.txt", None, "no such file or folder; check the path")
    ]
    docs, rows = ledger(db)
    assert sorted(d["source"] for d in docs) == sorted(
        [f"{folder}/bad\\xff.txt", f"{folder}/line\\x0abreak.txt", f"{folder}/z-after.txt"]
    )
    assert shown(odd).endswith("bad\\xff.txt") and shown(nl).endswith("line\\x0abreak.txt")
    assert [r["input"] for r in rows] == [f"{tmp_path}/missing\\xfe.txt"]


# -- 2. folders that cannot be read ---------------------------------------------------------


@pytest.mark.skipif(WITHOUT_DAC is None, reason="root, and setpriv cannot drop DAC capabilities")
def test_unreadable_folder_inside_and_given(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    locked = hostile.unreadable_folder(folder)
    hostile.good_text(folder, "open.txt", "Varnok")
    other = hostile.unreadable_folder(tmp_path, "locked-too")
    db = tmp_path / "l.db"
    proc = without_dac("ingest", str(folder), str(other), "--db", str(db))
    assert_clean(proc)
    assert proc.returncode == 1
    assert [(i, r.split(";")[0]) for i, _, r in rejected(proc.stderr)] == [
        (str(locked), "cannot list folder: Permission denied"),
        (str(other), "cannot list folder: Permission denied"),
    ]
    docs, rows = ledger(db)
    assert [d["source"] for d in docs] == [str(folder / "open.txt")]
    assert len(rows) == 2


def test_unreadable_folder_at_the_unit_level(tmp_path: Path, monkeypatch: Any) -> None:
    """The same path where root reads everything: listing the folder fails as it would."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    hostile.good_text(folder / "locked", "inside.txt", "Ulmeth")
    hostile.good_text(folder, "open.txt", "Varnok")
    real = os.scandir

    def scandir(path: Any) -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(folder), str(folder / "locked")], Settings()))
    assert [type(i).__name__ for i in items] == ["Rejection", "Document", "Rejection"]
    assert isinstance(items[0], Rejection) and items[0].input == str(folder / "locked")
    assert "cannot list folder: Permission denied" in items[0].reason
    assert isinstance(items[1], Document) and items[1].source == str(folder / "open.txt")


# -- 3, 14. every record and every file fails on its own ------------------------------------


def test_each_record_and_file_fails_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    deep = hostile.deep_jsonl(folder)
    numbers = folder / "numbers.jsonl"  # an integer too long to convert: ValueError
    numbers.write_text(
        '{"text": "'
        + hostile.wire("Lusk").strip()
        + '", "n": '
        + "1" * 5000
        + "}\n"
        + json.dumps({"text": hostile.wire("Marrow")})
        + "\n",
        encoding="utf-8",
    )
    rows = folder / "rows.csv"
    rows.write_text(
        f'text,title\n"{hostile.wire("Nessa")}",A\n"broken"row,B\n"{hostile.wire("Odrin")}",C\n',
        encoding="utf-8",
    )
    mem = tmp_path / "mem.txt"  # reading it fails with EIO
    mem.symlink_to("/proc/self/mem")
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(mem), str(folder), "--db", str(db), "--max-bytes", MAX)
    assert_clean(proc)
    assert proc.returncode == 1
    assert rejected(proc.stderr) == [
        (str(mem), None, "cannot read file: Input/output error"),
        (str(deep), 2, "JSON nested too deeply to read; not a record"),
        (str(numbers), 1, rejected(proc.stderr)[2][2]),
        (str(rows), 2, "malformed CSV on line 4: ',' expected after '\"'"),
    ]
    assert "more digits than can be read" in rejected(proc.stderr)[2][2]
    docs, _ = ledger(db)
    assert [(Path(d["source"]).name, d["record"]) for d in docs] == [
        ("deep.jsonl", 1),
        ("deep.jsonl", 3),
        ("numbers.jsonl", 2),
        ("rows.csv", 1),
        ("rows.csv", 3),
    ]


# -- 4. only regular files, reads bounded ---------------------------------------------------


def test_special_files_rejected_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    pipe = hostile.fifo(folder)
    rand = hostile.urandom_link(folder)
    hostile.good_text(folder, "report.txt", "Varnok")
    sock_path = hostile.unix_socket(folder)
    direct_pipe = hostile.fifo(tmp_path, "given.txt")
    status = tmp_path / "status.txt"  # a regular file whose st_size (0) says nothing
    status.symlink_to("/proc/self/status")
    db = tmp_path / "l.db"
    proc = run_cli(
        "ingest",
        str(direct_pipe),
        "/dev/urandom",
        str(status),
        str(folder),
        "--follow-links",
        "--db",
        str(db),
        "--max-bytes",
        "500",
    )
    assert_clean(proc)
    assert proc.returncode == 1
    regular = "not a regular file; only regular files are read (save its content to a file first)"
    assert rejected(proc.stderr) == [
        (str(direct_pipe), None, f"a named pipe (FIFO), {regular}"),
        ("/dev/urandom", None, f"a character device, {regular}"),
        (
            str(status),
            None,
            "input is over the 500-byte limit; reading stopped there; split it into smaller "
            "documents or raise --max-bytes",
        ),
        (str(pipe), None, f"a named pipe (FIFO), {regular}"),
        (str(rand), None, f"a character device, {regular}"),
        (str(sock_path), None, f"a socket, {regular}"),
    ]
    docs, rows = ledger(db)
    assert [d["source"] for d in docs] == [str(folder / "report.txt")]
    assert len(rows) == 6


# -- 5. symbolic links ----------------------------------------------------------------------


def _link_folder(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    root = tmp_path / "root"
    root.mkdir()
    links = {}
    links["up1"], links["up2"] = hostile.parent_links(root)
    links["loop-a"], links["loop-b"], links["self"] = hostile.link_loop(root)
    links["dangling"] = hostile.dangling_link(root)
    links["elsewhere"] = hostile.outside_link(root, tmp_path / "outside")
    hostile.good_text(root, "report.txt", "Varnok")
    (root / "same.txt").symlink_to("report.txt")
    links["same"] = root / "same.txt"
    return root, links


def test_links_are_not_followed_out_of_a_walk(tmp_path: Path) -> None:
    root, links = _link_folder(tmp_path)
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(root), "--db", str(db))
    assert_clean(proc)
    assert proc.returncode == 1
    got = {Path(i).name: r for i, _, r in rejected(proc.stderr)}
    assert set(got) == {p.name for p in links.values()}
    loop = "symbolic link loop (the link leads back to itself, or through too many links)"
    assert got["loop-a.txt"].startswith(loop) and got["self.txt"].startswith(loop)
    assert got["dangling.txt"].startswith("symbolic link to no-such-report.txt, which does not")
    assert got["elsewhere"].startswith(
        f"symbolic link to a folder ({tmp_path / 'outside'}), not followed"
    )
    for name in ("up1", "up2", "elsewhere", "same.txt"):
        assert "pass --follow-links" in got[name]
    docs, rows = ledger(db)
    assert [d["source"] for d in docs] == [str(root / "report.txt")]
    assert len(rows) == len(links)


def test_follow_links_reads_each_folder_once(tmp_path: Path) -> None:
    root, _ = _link_folder(tmp_path)
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(root), "--follow-links", "--db", str(db))
    assert_clean(proc)
    assert proc.returncode == 1
    got = Counter(Path(i).name for i, _, _ in rejected(proc.stderr))
    # the loops and the dangling link still rejected; the links to a folder already read too
    assert got == Counter(["loop-a.txt", "loop-b.txt", "self.txt", "dangling.txt", "up1", "up2"])
    assert "folder already read as" in proc.stderr
    docs, _ = ledger(db)
    sources = {d["source"] for d in docs}
    assert str(root / "elsewhere" / "outside-report.txt") in sources
    assert str(root / "report.txt") in sources
    assert len(docs) == 2


def test_a_link_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    report = hostile.good_text(tmp_path, "report.txt", "Varnok")
    link = tmp_path / "named.txt"
    link.symlink_to(report)
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(link), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    docs, _ = ledger(db)
    assert [d["source"] for d in docs] == [str(link)]


# -- 6. the limit holds for extracted text --------------------------------------------------


def test_pdf_that_expands_is_stopped(tmp_path: Path) -> None:
    bomb = hostile.pdf_bomb(tmp_path)
    long = hostile.pdf_long_text(tmp_path)
    good = hostile.good_pdf(tmp_path)
    assert bomb.stat().st_size < 200_000 and long.stat().st_size < 20_000
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(bomb), str(long), str(good), "--db", str(db), "--max-bytes", MAX)
    assert_clean(proc)
    assert proc.returncode == 1
    [(b, _, bomb_reason), (lg, _, long_reason)] = rejected(proc.stderr)
    assert (b, lg) == (str(bomb), str(long))
    assert bomb_reason.startswith("PDF content decompresses to more than 2,000,000 bytes")
    assert long_reason == (
        "text extracted from the PDF is over the 300.0 kB limit (300,000 bytes); extraction "
        "stopped at page 5 of 6; split it into smaller documents or raise --max-bytes"
    )
    docs, _ = ledger(db)
    assert [d["source"] for d in docs] == [str(good)]

    # Under the default 10 MiB limit, a page that draws 5 MB of text is stopped at 1 MiB.
    page = hostile.pdf_bomb(tmp_path, "page.pdf", expands_to=5_000_000)
    proc = run_cli("ingest", str(page), "--db", str(db))
    assert_clean(proc)
    assert rejected(proc.stderr) == [
        (
            str(page),
            None,
            "page 1 of the PDF draws more than 1,048,576 bytes of text, more than a page "
            "holds (a decompression bomb?); extraction stopped there",
        )
    ]


# -- 7. JSONL and --lines split on "\n" only ------------------------------------------------


def test_line_separators_inside_strings_stay_in_the_record(tmp_path: Path) -> None:
    path = hostile.separator_jsonl(tmp_path)
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(path), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    docs, _ = ledger(db)
    assert [(d["record"], d["title"]) for d in docs] == [(1, "A\u2028B"), (2, "Second")]
    assert docs[0]["text"].endswith("Officials" + hostile.LINE_SEPARATORS + " said so.")


def test_extract_lines_numbers_are_file_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text(
        "At least 12 people were killed in the strike on Varnok,\u2028the governor said.\r\n"
        "Rescue teams\x0csearched\x85the rubble in Varnok on Saturday.\n"
        "\n"
        "Officials said 3 bridges were destroyed near Varnok.\n",
        encoding="utf-8",
        newline="",
    )
    proc = run_cli("extract", "--lines", "--what", "claims", str(path))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    by_line = {r["line"]: r["sentence"] for r in records}
    assert set(by_line) == {1, 2, 4}
    assert "\u2028the governor" in "".join(r["text"] for r in records if r["line"] == 1)


# -- 8, 9. binary data, UTF-16 without a byte-order mark -----------------------------------


def test_binary_content_named_as_text_or_html(tmp_path: Path) -> None:
    late = hostile.late_nul(tmp_path)
    gz = hostile.gzip_html(tmp_path)
    noise = hostile.random_html(tmp_path)
    u16 = hostile.utf16_no_bom(tmp_path)
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(late), str(gz), str(noise), str(u16), "--db", str(db))
    assert_clean(proc)
    assert proc.returncode == 1
    assert rejected(proc.stderr) == [
        (str(late), None, "binary data (NUL bytes), not text; skip this file"),
        (str(gz), None, "binary data (gzip-compressed data), not HTML; gunzip it first"),
        (str(noise), None, "binary data (NUL bytes), not HTML; skip this file"),
        (
            str(u16),
            None,
            "looks like UTF-16 without a byte-order mark; pass --encoding utf-16-le (or utf-16-be)",
        ),
    ]
    proc = run_cli("ingest", str(u16), "--encoding", "utf-16-le", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    docs, rows = ledger(db)
    assert [d["source"] for d in docs] == [str(u16)] and len(rows) == 4


# -- 10. --encoding is checked before anything is done --------------------------------------


@pytest.mark.parametrize(
    ("name", "said"),
    [("bogus", "is not a known text encoding"), ("rot13", "is a rot-13 transform")],
)
def test_bad_encoding_is_a_usage_error(tmp_path: Path, name: str, said: str) -> None:
    report = hostile.good_text(tmp_path, "report.txt", "Varnok")
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(report), "--encoding", name, "--db", str(db))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"claimledger: error: --encoding {name!r} {said}")
    assert "rejected" not in proc.stderr and not db.exists()


# -- 11. CSV quote left open ----------------------------------------------------------------


def test_csv_unterminated_quote(tmp_path: Path) -> None:
    path = hostile.unterminated_csv(tmp_path)
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(path), "--db", str(db))
    assert_clean(proc)
    assert proc.returncode == 1
    assert rejected(proc.stderr) == [
        (
            str(path),
            2,
            "unterminated quote: the quoted field opened on line 4 runs to the end of the file "
            "(line 6), so the lines from 4 on were not read; close the quote",
        )
    ]
    docs, _ = ledger(db)
    assert [(d["record"], d["title"]) for d in docs] == [(1, "First")]


# -- 12. metadata is text -------------------------------------------------------------------


def test_metadata_objects_stored_as_json_text(tmp_path: Path) -> None:
    path = hostile.object_title_jsonl(tmp_path)
    db = tmp_path / "l.db"
    proc = run_cli("ingest", str(path), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    [doc], _ = ledger(db)
    assert json.loads(doc["title"]) == {"main": "Strike on Quillan", "lang": "en"}
    assert json.loads(doc["author"]) == ["A. Writer", "B. Writer"]
    assert doc["published"] == "2024"


# -- 13. the size message when reading stopped at the limit ---------------------------------


def test_stdin_over_the_limit_says_more_than(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    text = hostile.wire("Varnok") * 40
    proc = run_cli("ingest", "-", "--db", str(db), "--max-bytes", "5000", stdin=text.encode())
    assert proc.returncode == 1
    assert rejected(proc.stderr) == [
        (
            "<stdin>",
            None,
            "input is over the 5.0 kB limit (5,000 bytes); reading stopped there; split it "
            "into smaller documents or raise --max-bytes",
        )
    ]
    report = hostile.good_text(tmp_path, "big.txt", "Varnok")
    proc = run_cli("ingest", str(report), "--db", str(db), "--max-bytes", "200")
    assert rejected(proc.stderr)[0][2].startswith("input is 212 bytes, over the 200-byte limit")


def test_pdf_that_draws_megabytes_without_text_is_stopped(tmp_path: Path) -> None:
    pdf = hostile.pdf_drawing_bomb(tmp_path)
    assert pdf.stat().st_size < 200_000
    r = run_cli("ingest", str(pdf), "--db", str(tmp_path / "l.db"), "--max-bytes", "300000")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert re.search(r"draw 700,\d{3} bytes of instructions up to page 1 of 40", r.stderr)
