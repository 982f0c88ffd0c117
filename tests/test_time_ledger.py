"""Times in the ledger: each figure and claim tied to the time it is about, resolved against
the document's date (metadata, else a dateline, never today), inherited within a paragraph,
``extract --what times``, the stored and exported columns, upgrades, and the report. The
ledgers are SQLite files and PostgreSQL databases (``backends``); old ledgers are SQLite
files."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from html import unescape
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from claimledger import api
from claimledger.errors import UsageError
from claimledger.extract.times.document import document_date, parse_published
from claimledger.model import Document, Extraction
from claimledger.present.records import FIELDS, TIME_FIELDS
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from claimledger.store import ClaimFilter, open_store
from claimledger.store.sqlite import Ledger, migrations
from tests.conftest import DB, Ledgers, run_cli, version_1_ledger
from tests.serving import Server

pytestmark = pytest.mark.backends

# Invented places and figures, in wire style.
TUESDAY = "Shelling on Tuesday damaged 14 houses in Varnek, the regional council said."
PARAGRAPHS = (
    "In February, 30 families left the village of Orlesk, officials said. "
    "A further 12 families left later, they said.\n\n"
    "The council said 40 homes were without power."
)


def extract(text: str, published: str | None = None) -> Extraction:
    [ex] = extract_all([Document(text, "t.txt", published=published)], Settings(workers=1))
    assert isinstance(ex, Extraction)
    return ex


def test_published_metadata_resolves_a_weekday() -> None:
    ex = extract(TUESDAY, published="2024-03-07T09:30:00Z")  # a Thursday
    assert (ex.date, ex.date_from) == ("2024-03-07", "published")
    [time] = ex.items["times"]
    assert (time.text, time.time_start, time.time_end, time.time_kind) == (
        "on Tuesday", "2024-03-05", "2024-03-05", "day",
    )  # fmt: skip
    [q] = ex.quantities
    assert q.when.text == "on Tuesday" and q.when.time_start == "2024-03-05"
    assert not q.when.inherited and q.when.anchor == "2024-03-07"
    assert ex.document.text[q.when.start : q.when.end] == "on Tuesday"  # type: ignore[misc]
    [claim] = ex.claims
    assert claim.when.text == "on Tuesday" and claim.when.time_end == "2024-03-05"


def test_a_dated_dateline_gives_the_date() -> None:
    ex = extract("VARNEK, March 7, 2024 (Wirenews) - " + TUESDAY)
    assert (ex.date, ex.date_from) == ("2024-03-07", "dateline")
    assert ex.quantities[0].when.time_start == "2024-03-05"


def test_a_dateline_without_a_year_takes_the_metadata_year() -> None:
    ex = extract("VARNEK, March 7 (Wirenews) - " + TUESDAY, published="2024")
    assert (ex.date, ex.date_from) == ("2024-03-07", "dateline")


def test_no_date_keeps_the_text_unresolved() -> None:
    ex = extract(TUESDAY)
    assert (ex.date, ex.date_from) == (None, None)
    when = ex.quantities[0].when
    assert (when.text, when.time_start, when.time_end, when.kind) == (
        "on Tuesday", None, None, "day",
    )  # fmt: skip


@pytest.mark.parametrize("value", ["soon", "2024-02-30", "\x00" * 5, "9" * 10_000, "<script>"])
def test_a_hostile_published_value_is_no_date(value: str) -> None:
    assert parse_published(value)[0] is None
    assert document_date(TUESDAY, value) == (None, "unparseable")
    ex = extract(TUESDAY, published=value)
    assert ex.date is None and ex.date_from == "unparseable"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-07", "2024-03-07"),
        ("2024/3/7", "2024-03-07"),
        ("20240307", "2024-03-07"),
        ("Thu, 07 Mar 2024 10:00:00 GMT", "2024-03-07"),
        ("March 7, 2024", "2024-03-07"),
        ("7 March 2024", "2024-03-07"),
    ],
)
def test_published_forms(value: str, iso: str) -> None:
    day, year = parse_published(value)
    assert day is not None and day.isoformat() == iso and year == 2024


def test_inherited_within_a_paragraph_else_the_document_date() -> None:
    ex = extract(PARAGRAPHS, published="2024-03-07")
    by_text = {q.text: q.when for q in ex.quantities}
    stated, later, other = by_text["30"], by_text["12"], by_text["40"]
    assert (stated.text, stated.time_start, stated.time_end, stated.inherited) == (
        "In February", "2024-02-01", "2024-02-29", False,
    )  # fmt: skip
    assert later.inherited and later.text == "In February" and later.time_end == "2024-02-29"
    # a new paragraph that states no time: the document's date, as a day
    assert other.inherited and other.text is None and other.start is None
    assert (other.time_start, other.time_end, other.kind) == ("2024-03-07", "2024-03-07", "day")


def test_future_main_verb_looks_forward() -> None:
    ex = extract("Repairs will begin on Monday, the mayor said.", published="2024-03-07")
    [time] = ex.items["times"]
    assert time.time_start == "2024-03-11"


def test_extract_what_times_prints_one_record_per_expression(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": PARAGRAPHS, "published": "2024-03-07"}) + "\n")
    r = run_cli("extract", "--what", "times", str(src))
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["kind"], x["text"], x["time_start"], x["time_end"]) for x in records] == [
        ("time", "In February", "2024-02-01", "2024-02-29"),
    ]
    assert set(records[0]) >= {"start", "end", "time_kind", "time_anchor", "rule"}
    assert PARAGRAPHS[records[0]["start"] : records[0]["end"]] == "In February"


@pytest.fixture
def ledger(tmp_path: Path, ledgers: Ledgers) -> DB:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": PARAGRAPHS, "published": "2024-03-07"}) + "\n")
    db = ledgers.at(tmp_path / "l.db")
    api.ingest([str(src)], db, Settings(workers=1))
    return db


def test_stored_and_exported_with_their_columns(ledger: DB, tmp_path: Path) -> None:
    r = run_cli("export", "--db", str(ledger), "--what", "quantities")
    rows = {x["text"]: x for x in map(json.loads, r.stdout.splitlines())}
    assert rows["12"]["time_text"] == "In February" and rows["12"]["time_inherited"] is True
    r = run_cli("export", "--db", str(ledger), "--what", "times")
    assert [json.loads(x)["text"] for x in r.stdout.splitlines()] == ["In February"]
    for what, kind in (("claims", "claim"), ("quantities", "quantity"), ("times", "time")):
        r = run_cli("export", "--db", str(ledger), "--what", what, "--format", "csv")
        header = next(csv.reader(io.StringIO(r.stdout)))
        at = header.index("time_text") if kind != "time" else 0
        assert header[at : at + len(TIME_FIELDS)] == list(TIME_FIELDS) or kind == "time"
        out = tmp_path / f"{what}.parquet"
        r = run_cli("export", "--db", str(ledger), "--what", what, "--format", "parquet",
                    "-o", str(out))  # fmt: skip
        assert r.returncode == 0, r.stderr
        schema = pq.read_schema(out)
        assert str(schema.field("time_start").type) == "string"
    assert set(TIME_FIELDS) <= set(FIELDS["claim"])
    r = run_cli("export", "--db", str(ledger), "--what", "documents")
    doc: dict[str, Any] = json.loads(r.stdout)
    assert (doc["date"], doc["date_from"]) == ("2024-03-07", "published")


def test_an_old_ledger_upgrades_and_keeps_its_rows(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    version_1_ledger(db)
    with sqlite3.connect(db) as conn:  # bring it to the schema before times, with a claim
        for _version, _name, sql in migrations()[1:5]:
            conn.executescript(sql)
        conn.executemany(
            "INSERT INTO schema_migrations VALUES (?, ?, 'then')",
            [(v, n) for v, n, _ in migrations()[1:5]],
        )
    conn.close()
    r = run_cli("upgrade", "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert f"to schema version {migrations()[-1][0]}" in r.stdout + r.stderr
    with Ledger(db) as led:
        cols = {row[1] for row in led.query("PRAGMA table_info(claims)")}
        assert set(TIME_FIELDS) <= cols
        assert "times" in {row[0] for row in led.query("SELECT name FROM sqlite_master")}


def test_the_report_shows_each_claims_time(ledger: DB, tmp_path: Path) -> None:
    r = run_cli("report", "--db", str(ledger), "--all", "-o", str(tmp_path / "rep"))
    assert r.returncode == 0, r.stderr
    [page] = [p for p in (tmp_path / "rep").glob("doc-*.html")]
    html = page.read_text(encoding="utf-8")
    assert "time: “In February” → 2024-02-01 to 2024-02-29" in html
    assert "date: 2024-03-07 (from published)" in html


@pytest.mark.parametrize(
    ("time_from", "time_to", "expected"),
    [
        ("2024-02-10", "2024-02-12", {"30", "12"}),  # inside February
        ("2024-03-07", None, {"40"}),  # the document's date, inherited
        (None, "2024-01-31", set()),
        ("2024-01-01", "2024-12-31", {"30", "12", "40"}),
    ],
)
def test_the_worklist_filters_by_time(
    ledger: DB, time_from: str | None, time_to: str | None, expected: set[str]
) -> None:
    f = ClaimFilter(label=None, time_from=time_from, time_to=time_to)
    with open_store(ledger) as led:
        hits = led.claim_page(f).items
        figures = {q.item.text for h in hits for q in h.figures}
    assert figures == expected


def test_a_time_filter_must_be_a_date() -> None:
    with pytest.raises(UsageError, match="time_from must be a date"):
        ClaimFilter(time_from="last week")


def test_the_desk_filters_by_time_and_shows_it(ledger: DB) -> None:
    server = Server(ledger, ()).start()
    try:
        data = server.get_json("/claims.json?label=all&time_from=2024-03-07")
        [claim] = data["claims"]
        assert claim["time_start"] == "2024-03-07" and claim["time_inherited"] is True
        page = server.get("/claims?label=all&time_from=2024-02-01&time_to=2024-02-29").text
        assert "time: “In February” → 2024-02-01 to 2024-02-29 (period)" in page
        bad = server.get("/claims?time_to=yesterday")
        assert bad.status == 400 and "time_to must be a date" in unescape(bad.text)
    finally:
        log = server.stop()
    assert "Traceback" not in log, log
