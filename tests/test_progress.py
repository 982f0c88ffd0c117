"""Progress counts the characters of a long document as it is extracted, serially and in the
process pool, on stderr only, and extraction gives the same records with it as without."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from claimledger.model import Document, Rejection
from claimledger.present.progress import Progress
from claimledger.runner import local as pipeline
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from tests.conftest import run_cli

PLACES = ("Varnholt", "Kessmere", "Dunbriar", "Olvesk", "Tarrow Bay", "Quillford")
PARTIAL = re.compile(r"; extracting (\d+) documents?: ([\d,]+) of ([\d,]+) characters \((\d+)%\)")


def wire(n: int, start: int = 0) -> list[str]:
    """``n`` short invented wire sentences about invented places."""
    out = []
    for i in range(start, start + n):
        p = PLACES[i % len(PLACES)]
        out.append(
            (
                f"Harbour officials in {p} said {20 + i % 70} fishing boats returned on Tuesday.",
                f"The {p} water board said {i % 9 + 2} new wells were dug, up from {i % 5 + 1}.",
                f'"We expect about {300 + i % 400} visitors," the mayor of {p} told the Gazette.',
                f"According to the council, bus fares in {p} rose by {i % 8 + 2} percent in May.",
            )[i % 4]
        )
    return out


def partial_lines(stderr: str) -> list[tuple[int, int]]:
    """(done, total) of every line that reports part of the documents in progress."""
    found = []
    for line in stderr.splitlines():
        m = PARTIAL.search(line)
        if m:
            found.append((int(m[2].replace(",", "")), int(m[3].replace(",", ""))))
    return found


def test_line_shows_characters_of_documents_in_progress() -> None:
    out = io.StringIO()
    progress = Progress("ingest", enabled=True, stream=out)
    progress.every = 0.0
    progress.extracting(0, 2_500_000, 10_000_000)
    progress.extracting(0, 3_200_000, 10_000_000)
    progress.extracting(3, 100, 400)
    progress.extracting(3, 400, 400)  # done: leaves the line
    progress.update(docs=1, words=60)
    progress.close()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ingest: 0 documents, 0 rejected, 0 words, 0 words/s, ")
    assert lines[0].endswith("; extracting 1 document: 2,500,000 of 10,000,000 characters (25%)")
    assert lines[2].endswith("; extracting 2 documents: 3,200,100 of 10,000,400 characters (31%)")
    assert lines[3].endswith("; extracting 1 document: 3,200,000 of 10,000,000 characters (32%)")
    assert lines[4].startswith("ingest: 1 documents, 0 rejected, 60 words, ")
    assert "extracting" not in lines[-1] and "characters/s" in lines[-1]


def test_reports_come_per_chunk_with_one_final_per_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "REPORT_EVERY", 0.0)
    paragraphs = ["\n\n".join(" ".join(wire(3, 3 * k)) for k in range(j, j + 4)) for j in (0, 9)]
    items: list[Document | Rejection] = [
        Document(text=paragraphs[0], source="a.txt"),
        Rejection("b.txt", "read", "unreadable"),
        Document(text=paragraphs[1] + "\n\n", source="c.txt"),
    ]
    reports: list[tuple[int, int, int]] = []
    results = []
    for out in extract_all(items, Settings(workers=1), on_progress=lambda *r: reports.append(r)):
        results.append(out)
        reports.append((-1, 0, 0))  # the result came here
    assert results == list(extract_all(items, Settings(workers=1)))  # same records
    for position in (0, 2):
        text = items[position].text  # type: ignore[union-attr]
        mine = [r for r in reports if r[0] == position]
        starts = [m.end() for m in re.finditer(r"\n\n", text) if m.end() < len(text)]
        # done up to the start of each chunk after the first, then the whole text once
        assert [r[1] for r in mine] == [*starts, len(text)]
        assert all(r[2] == len(text) for r in mine)
        assert reports[reports.index(mine[-1]) + 1] == (-1, 0, 0)
    assert not [r for r in reports if r[0] == 1]  # a rejection is not extracted


def test_a_failing_report_stops_the_run_and_rejects_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "REPORT_EVERY", 0.0)
    doc = Document(text=" ".join(wire(2)) + "\n\n" + " ".join(wire(2, 2)), source="a.txt")

    def report(position: int, done: int, total: int) -> None:
        raise BrokenPipeError("stderr went away")

    with pytest.raises(BrokenPipeError):
        list(extract_all([doc], Settings(workers=1), on_progress=report))


def test_pool_reports_every_document_done_in_order() -> None:
    items: list[Document | Rejection] = [
        Document(text=" ".join(wire(2, i)), source=f"d{i}.txt") for i in range(20)
    ]
    items.insert(5, Rejection("bad.txt", "read", "unreadable"))
    finals: list[int] = []

    def report(position: int, done: int, total: int) -> None:
        if done == total:
            finals.append(position)

    results = list(extract_all(items, Settings(workers=2), on_progress=report))
    assert results == list(extract_all(items, Settings(workers=1)))  # same records
    assert finals == [i for i in range(21) if i != 5]


def test_cli_shows_characters_of_one_long_document(tmp_path: Path) -> None:
    doc = tmp_path / "long.txt"
    doc.write_text(" ".join(wire(1900)), encoding="utf-8")  # one line of about 150 kB
    total = len(doc.read_text(encoding="utf-8"))
    r = run_cli("ingest", str(doc), "--db", str(tmp_path / "l.db"), "--progress")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    partial = partial_lines(r.stderr)
    assert partial, r.stderr
    assert all(t == total and 0 < d < total for d, t in partial), r.stderr
    lines = r.stderr.splitlines()
    assert lines[-2].startswith("ingest: 1 documents, 0 rejected, ")
    assert "extracting" not in lines[-2] and "characters/s" in lines[-2]


def test_cli_shows_characters_through_the_pool(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    long = " ".join(wire(1200))  # about 100 kB, in the first task with seven short ones
    (folder / "000-long.txt").write_text(long, encoding="utf-8")
    for i in range(20):
        (folder / f"short-{i:02}.txt").write_text(" ".join(wire(3, i)) + "\n", encoding="utf-8")
    r = run_cli(
        "ingest", str(folder), "--db", str(tmp_path / "l.db"), "--progress", "--workers", "2"
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    partial = partial_lines(r.stderr)
    assert partial, r.stderr
    assert all(0 < d < t and t >= len(long) for d, t in partial), r.stderr
    assert r.stderr.splitlines()[-2].startswith("ingest: 21 documents, 0 rejected, ")
