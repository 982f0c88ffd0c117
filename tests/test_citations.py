"""Citations (issue 19): an attribution whose source is an outlet or one of its documents
("as the Northern Herald reported", "according to a report by Radio Varnek") followed to that
outlet's documents in the ledger that state the same figure, through api.ingest, the store,
the export, the report line and the real ``claimledger serve`` on 127.0.0.1. Outlets, places
and figures are invented. The ledger is a SQLite file and a PostgreSQL database
(``backends``); an older ledger is a SQLite file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger import api
from claimledger.link.citations import cited_outlet, outlet_actor, outlet_key
from claimledger.present.report import links_line
from claimledger.settings import Settings
from claimledger.store import CitationHit, ClaimFilter, open_store
from claimledger.store.sqlite import migrations
from tests.conftest import DB, Ledgers
from tests.serving import Server

pytestmark = pytest.mark.backends

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>\u202egnp.exe'
CITED = [
    {
        "title": "Shelling in Dravik",
        "outlet": "Northern Herald",
        "published": "2026-03-10",
        "text": "At least 23 people were killed in Dravik on Tuesday, the health office said.",
    },
    {
        "title": "Harvest festival",
        "outlet": "the Northern Herald",
        "published": "2026-03-12",
        "text": "The harvest festival in Eastmark drew 5,000 visitors on Sunday, organisers said.",
    },
    {
        "title": "Varnek evening news " + HOSTILE,
        "outlet": "RADIO VARNEK!",
        "published": "2026-03-09",
        "text": "Radio Varnek aired a programme about the river ferry in Eastmark on Monday.",
    },
    {
        "title": "Lornholt wounded " + HOSTILE,
        "outlet": "The Lorn-Gazette",
        "published": "2026-03-10",
        "text": "Seven people were wounded in Lornholt on Tuesday, the fire service said.",
    },
    {
        "title": "Dravik displaced",
        "outlet": "Thomson Reuters",
        "published": "2026-03-10",
        "text": "About 300 people were displaced in Dravik on Tuesday, the regional council said.",
    },
    {
        "title": "Hostile outlet",
        "outlet": HOSTILE,
        "published": "2026-03-10",
        "text": "Nine people were injured in Pellmark on Tuesday, the police said.",
    },
]
CITING = {
    "title": "Dravik follow-up",
    "outlet": "Coast Post",
    "published": "2026-03-11",
    "text": (
        "At least 23 people were killed in Dravik on Tuesday, as the Northern Herald reported."
        "\n\nAccording to a report by Radio Varnek, 40 people were wounded in Dravik on "
        "Tuesday.\n\n12 houses were destroyed in Dravik on Tuesday, as the Southern Courier "
        "reported.\n\nSeven people were wounded in Lornholt on Tuesday, as the Lorn Gazette "
        "reported.\n\nAbout 300 people were displaced in Dravik on Tuesday, Reuters reported."
    ),
}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers) -> DB:
    folder = tmp_path_factory.mktemp("citations")
    src = folder / "wires.jsonl"
    docs = [*CITED, CITING]
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = ledgers.at(folder / "ledger.db")
    result = api.ingest([str(src)], db, Settings(workers=1))
    assert len(result.stored) == len(docs)
    return db


@pytest.fixture(scope="module")
def hits(ledger: DB) -> dict[str, list[CitationHit]]:
    """Each claim of the citing document (by its first words) with its citations."""
    with open_store(ledger, readonly=True) as store:
        claims = store.claim_listing(ClaimFilter(label=None), None)
        out = {}
        for h in claims:
            if h.document.title == CITING["title"]:
                out[" ".join(h.claim.text.split()[:3])] = store.citations(h.id)
        return out


def test_outlet_names_compare_normalised() -> None:
    assert outlet_key("The Northern-Herald") == outlet_key("northern herald") == "northern herald"
    assert outlet_key("N.Y. Times") == outlet_key("NY Times")
    assert outlet_key("Northern Herald's") == "northern herald"
    assert outlet_key("") is None and outlet_key("  the ") is None
    assert outlet_key("x" * 300) is None
    assert cited_outlet("a report by Radio Varnek", "Radio Varnek") == "Radio Varnek"
    assert cited_outlet("the Northern Herald's report", None) == "the Northern Herald"
    assert cited_outlet("a Radio Varnek broadcast", None) == "Radio Varnek"
    assert cited_outlet("the newspaper", "newspaper") is None
    assert cited_outlet("local media", None) is None
    assert outlet_actor("Thomson Reuters") == outlet_actor("Reuters") == "org/reuters"
    assert outlet_actor("Northern Herald") is None
    assert outlet_actor("Ukraine") is None  # an actor, but no news outlet


def test_the_citing_claim_links_to_the_cited_figure(hits: dict[str, list[CitationHit]]) -> None:
    [hit] = hits["At least 23"]
    assert hit.status == "found" and hit.agrees and hit.relation == "consistent"
    assert hit.outlet == "Northern Herald"
    assert hit.attribution.item.attributed_to == "the Northern Herald"
    assert hit.cited is not None and hit.cited.title == "Shelling in Dravik"
    assert hit.cited.outlet == "Northern Herald" and hit.cited.published == "2026-03-10"
    assert hit.figure is not None and hit.figure.item.text == "At least 23"
    assert hit.cited_figure is not None and hit.cited_figure.item.text == "At least 23"
    assert hit.cited_figure.item.doc_id == hit.cited.id and hit.cited_claim_id
    assert hit.n_documents == 2  # both of the Northern Herald's documents


def test_punctuation_and_case_of_outlets_are_ignored(hits: dict[str, list[CitationHit]]) -> None:
    [hit] = hits["Seven people were"]
    assert hit.status == "found" and hit.cited is not None
    assert hit.cited.outlet == "The Lorn-Gazette"


def test_the_same_news_outlet_in_the_actor_table(hits: dict[str, list[CitationHit]]) -> None:
    [hit] = hits["About 300 people"]
    assert hit.status == "found" and hit.cited is not None
    assert hit.cited.outlet == "Thomson Reuters" and hit.cited.title == "Dravik displaced"


def test_an_outlet_without_the_figure_lists_its_documents(
    hits: dict[str, list[CitationHit]],
) -> None:
    [hit] = hits["According to a"]
    assert hit.status == "not_found" and hit.outlet == "Radio Varnek"
    assert hit.cited is None and hit.cited_figure is None and not hit.agrees
    assert [d.outlet for d in hit.documents] == ["RADIO VARNEK!"] and hit.n_documents == 1


def test_an_outlet_not_in_the_ledger_gives_nothing(hits: dict[str, list[CitationHit]]) -> None:
    assert hits["12 houses were"] == []


def test_claim_links_and_the_report_line(ledger: DB) -> None:
    with open_store(ledger, readonly=True) as store:
        by_text = {
            h.claim.text: h.id
            for h in store.claim_listing(ClaimFilter(label=None), None)
            if h.document.title == CITING["title"]
        }
        found = next(i for t, i in by_text.items() if t.startswith("At least 23"))
        missing = next(i for t, i in by_text.items() if t.startswith("According to"))
        links = store.claim_links(found)
        assert [c.status for c in links.citations] == ["found"]
        assert "cites the Northern Herald: found in the ledger" in links_line(links)
        line = links_line(store.claim_links(missing))
        assert "cites a report by Radio Varnek: not found in the ledger" in line
        for word in ("false", "untrue", "wrong"):
            assert word not in line.lower()


def test_export_citations(ledger: DB) -> None:
    records = list(api.export(ledger, "citations"))
    assert {r["kind"] for r in records} == {"citation"}
    by_status = {r["status"] for r in records}
    assert by_status == {"found", "not_found"}
    [nh] = [r for r in records if r["cited"]["outlet"] == "Northern Herald"]
    assert nh["attribution"]["kind"] == "attribution" and nh["quantity"]["text"] == "At least 23"
    assert nh["cited"]["published"] == "2026-03-10" and nh["cited"]["doc_id"]
    assert nh["relation"] == "consistent"
    [rv] = [r for r in records if r["status"] == "not_found"]
    assert rv["quantity"] is None and rv["cited"]["doc_id"] is None
    assert rv["cited"]["outlet"] == "Radio Varnek"
    assert [d["outlet"] for d in rv["documents"]] == ["RADIO VARNEK!"]
    for r in records:
        att = r["attribution"]
        assert att["sentence"] and att["text"] in att["sentence"]


@pytest.mark.sqlite_only("about the SQLite file: a ledger of schema 8 made with sqlite3")
def test_an_older_ledger_gets_its_outlet_keys(ledger: Path, tmp_path: Path) -> None:
    """Migration 9 on a ledger of schema 8 fills the outlet keys of the stored documents (and
    the later migrations apply after it)."""
    db = tmp_path / "old.db"
    db.write_bytes(ledger.read_bytes())
    with sqlite3.connect(db) as conn:
        for table in ("claim_events", "event_figures", "events", "event_clusters"):
            conn.execute(f"DROP TABLE {table}")  # migration 10's
        conn.execute("DROP INDEX figure_members_event")
        conn.execute("ALTER TABLE figure_members DROP COLUMN event_cluster")
        conn.execute("DROP INDEX documents_outlet_key")
        conn.execute("DROP INDEX documents_outlet_actor")
        conn.execute("ALTER TABLE documents DROP COLUMN outlet_key")
        conn.execute("ALTER TABLE documents DROP COLUMN outlet_actor_id")
        conn.execute("DELETE FROM schema_migrations WHERE version >= 9")
    assert api.upgrade(db) == (8, migrations()[-1][0])
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT outlet, outlet_key FROM documents"))
        actors = dict(conn.execute("SELECT outlet, outlet_actor_id FROM documents"))
    assert rows["RADIO VARNEK!"] == "radio varnek" and rows["The Lorn-Gazette"] == "lorn gazette"
    assert actors["Thomson Reuters"] == "org/reuters"
    assert [r["status"] for r in api.export(db, "citations")] == [
        r["status"] for r in api.export(ledger, "citations")
    ]


# -- the desk ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def server(ledger: DB) -> Iterator[Server]:
    s = Server(ledger).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log and "error on" not in log, log


def claim_of(server: Server, start: str) -> dict[str, Any]:
    data = server.get_json("/claims.json?label=all&per_page=200")
    [found] = [
        c
        for c in data["claims"]
        if c["text"].startswith(start) and c["document"]["title"] == CITING["title"]
    ]
    return found


def inert(page: str) -> None:
    assert "<script" not in page and "<img" not in page and "onerror=alert(1)>" not in page
    assert "\u202e" not in page
    assert 'style="' not in page


def test_the_claim_page_shows_the_cited_source(server: Server) -> None:
    claim = claim_of(server, "At least 23")
    data = server.get_json(f"/claims/{claim['id']}.json")
    [c] = data["links"]["citations"]
    assert c["status"] == "found" and c["note"] == "same figure"
    assert c["summary"] == (
        "cites the Northern Herald: its report of 2026-03-10 states At least 23 (same figure)"
    )
    r = server.get(f"/claims/{claim['id']}")
    assert r.status == 200
    page = r.text
    assert '<h2 id="cited-source">Cited source</h2>' in page
    assert "cites the Northern Herald: " in page
    assert f'<a href="/documents/{c["cited"]["id"]}">its report of 2026-03-10</a>' in page
    assert f'<a href="/claims/{c["cited_claim_id"]}"><b>At least 23</b></a>' in page
    assert "(same figure)" in page
    inert(page)


def test_the_claim_page_lists_an_outlets_documents(server: Server) -> None:
    claim = claim_of(server, "According to")
    data = server.get_json(f"/claims/{claim['id']}.json")
    [c] = data["links"]["citations"]
    assert c["status"] == "not_found" and c["n_documents"] == 1
    page = server.get(f"/claims/{claim['id']}").text
    assert "none of its 1 document in the ledger states this claim's figures" in page
    doc_id = c["documents"][0]["id"]
    assert f'<a href="/documents/{doc_id}" title="' in page  # the path or URL on hover
    assert "Varnek evening news &lt;script&gt;" in page
    assert "U+202E" in page
    inert(page)


def test_hostile_titles_of_cited_documents_are_inert(server: Server) -> None:
    claim = claim_of(server, "Seven people")
    page = server.get(f"/claims/{claim['id']}").text
    assert "cites the Lorn Gazette: " in page and "Lornholt wounded &lt;script&gt;" in page
    inert(page)


def test_a_claim_citing_no_outlet_in_the_ledger(server: Server) -> None:
    claim = claim_of(server, "12 houses")
    data = server.get_json(f"/claims/{claim['id']}.json")
    assert data["links"]["citations"] == []
    page = server.get(f"/claims/{claim['id']}").text
    assert "no source of this sentence cites an outlet with documents in the ledger" in page
