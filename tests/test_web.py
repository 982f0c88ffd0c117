"""The review desk over real HTTP: ``claimledger serve`` on 127.0.0.1 in a child process, a
real ledger, requests from the standard library.

Every test runs on a SQLite file and on a PostgreSQL database (``backends``): every page and
its JSON, reviews (stored, published, exported), reviews posted while an ingest writes, and
reviews kept through re-extraction; but the access-token test, which is about the desk's
token and not the ledger, runs on SQLite alone. On PostgreSQL the module's desk serves a copy
of the ledger built for it, since a database can only be copied while no one is connected to
it, and two tests copy it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from claimledger import api
from claimledger.settings import Settings
from tests.conftest import DB, EXAMPLE, ROOT, Ledgers, raw, run_cli
from tests.serving import Server

pytestmark = pytest.mark.backends

WIRES = [
    {
        "title": "Ministry gives toll of market shelling",
        "outlet": "Northern Herald",
        "published": "2024-03-15",
        "url": "https://herald.example/market",
        "text": "At least 19 civilians were killed in the shelling of the Dravik market on "
        "Tuesday, the regional Health Ministry said.\n\nThe army said it had hit only "
        "military targets.",
    },
    {
        "title": "Aid convoys cut",
        "outlet": "Wire Service",
        "published": "2024-04-02",
        "text": "According to the United Nations, aid deliveries fell from 40 trucks a day to "
        "fewer than 10 in March.\n\nA UN spokesman said talks would resume next week.",
    },
]
HOSTILE = (
    "Officials said the strike killed 12 people. <script>window.__pwned = 1</script> "
    '<img src=x onerror="window.__pwned = 2"> \u202eevil\u202c text.\n'
    + "A" * 1_000_000
    + "\nThe ministry said 40 trucks arrived.\n"
)


def build_ledger(folder: Path, ledgers: Ledgers) -> DB:
    """The bundled example, two wire stories with metadata and a hostile document."""
    (folder / "wires.jsonl").write_text(
        "".join(json.dumps(w) + "\n" for w in WIRES), encoding="utf-8"
    )
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = ledgers.at(folder / "desk.db")
    api.ingest(
        [str(EXAMPLE), str(folder / "wires.jsonl"), str(folder / "hostile.txt")],
        db,
        Settings(workers=1),
    )
    return db


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers) -> DB:
    return build_ledger(tmp_path_factory.mktemp("desk"), ledgers)


@pytest.fixture(scope="module")
def served(ledger_file: DB, ledgers: Ledgers, tmp_path_factory: pytest.TempPathFactory) -> DB:
    """The ledger the module's desk serves: the file itself, or a copy of the database (which
    leaves ``ledger_file`` free to be copied)."""
    if ledgers.backend == "sqlite":
        return ledger_file
    return ledgers.copy(ledger_file, tmp_path_factory.mktemp("served") / "desk.db")


@pytest.fixture(scope="module")
def server(served: DB) -> Iterator[Server]:
    s = Server(served, ("--org", "Desk Test Org")).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log, log


def claim_ids(server: Server, query: str = "") -> list[str]:
    return [c["id"] for c in server.get_json(f"/claims.json?per_page=200{query}")["claims"]]


def claim_with(server: Server, words: str) -> dict[str, Any]:
    for c in server.get_json("/claims.json?per_page=200&label=all")["claims"]:
        if words in c["text"]:
            return c  # type: ignore[no-any-return]
    raise AssertionError(f"no claim with {words!r}")


def test_every_page_has_html_and_json(server: Server) -> None:
    overview = server.get_json("/index.json")
    assert overview["documents"] == 4 and overview["claims"] >= 10
    assert overview["contradictions"] == 0  # linked at ingest: none in this ledger
    assert server.get_json("/.json") == overview
    docs = server.get_json("/documents.json")
    assert docs["total"] == 4
    doc_id = next(d["id"] for d in docs["documents"] if d["title"] == "Aid convoys cut")
    doc = server.get_json(f"/documents/{doc_id}.json")
    assert doc["outlet"] == "Wire Service" and doc["text"].startswith("According to")
    assert [c["label"] for c in doc["claims"]] == ["claim"] * len(doc["claims"])
    claims = server.get_json("/claims.json")
    first = claims["claims"][0]
    one = server.get_json(f"/claims/{first['id']}.json")
    assert one["text"] == first["text"] and one["history"] == []
    assert any(s["is_claim"] for s in one["context"])
    for path in ("/", "/documents", f"/documents/{doc_id}", "/claims", f"/claims/{first['id']}"):
        r = server.get(path)
        assert r.status == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert "<script" not in r.text


def test_worklist_filters_sort_and_pages(server: Server) -> None:
    every = server.get_json("/claims.json?per_page=200")
    scores = [c["score"] for c in every["claims"]]
    assert scores == sorted(scores, reverse=True) and every["total"] == len(scores)
    stats = server.get_json("/claims.json?type=statistic&per_page=200")["claims"]
    assert stats and all("statistic" in c["types"] for c in stats)
    with_fig = server.get_json("/claims.json?has_figure=yes&per_page=200")["claims"]
    without = server.get_json("/claims.json?has_figure=no&per_page=200")["claims"]
    assert all(c["figures"] for c in with_fig) and not any(c["figures"] for c in without)
    assert len(with_fig) + len(without) == every["total"]
    health = server.get_json("/claims.json?source=health+ministry")["claims"]
    assert health and all(
        any("health ministry" in s["label"].lower() for s in c["sources"]) for c in health
    )
    low = server.get_json("/claims.json?sort=score_asc&per_page=200")["claims"]
    assert [c["score"] for c in low] == sorted(scores)
    high = server.get_json("/claims.json?min_score=0.99&per_page=200")["claims"]
    assert all(c["score"] >= 0.99 for c in high)
    pages = server.get_json("/claims.json?per_page=3&page=2")
    assert pages["pages"] == -(-every["total"] // 3) and len(pages["claims"]) == 3
    assert [c["id"] for c in pages["claims"]] == [c["id"] for c in every["claims"][3:6]]
    calls = server.get_json("/claims.json?type=exhortation&label=all&per_page=200")["claims"]
    assert "We must stop this madness now!" in [c["text"] for c in calls]
    assert all(c["types"] == ["exhortation"] and c["label"] == "not_claim" for c in calls)
    one_doc = every["claims"][0]["doc_id"]
    mine = server.get_json(f"/claims.json?doc={one_doc}&per_page=200")["claims"]
    assert mine and all(c["doc_id"] == one_doc for c in mine)
    assert len(mine) == sum(c["doc_id"] == one_doc for c in every["claims"])
    sentences = server.get_json("/claims.json?label=all&per_page=200")["total"]
    assert sentences > every["total"]
    html = server.get("/claims?type=statistic&per_page=3").text
    assert 'rel="next" href="/claims?type=statistic&amp;per_page=3&amp;page=2"' in html


def test_figures_and_sources_are_the_extract_records(server: Server, ledger_file: DB) -> None:
    """One JSON shape per record kind: a claim's figures and sources on the desk are the
    records ``export`` prints (and ``extract``), plus a summary or label line."""
    exported = {
        r["id"]: r for what in ("quantities", "attributions") for r in api.export(ledger_file, what)
    }
    every = server.get_json("/claims.json?per_page=200&label=all")["claims"]
    figures = [f for c in every for f in c["figures"]]
    sources = [s for c in every for s in c["sources"]]
    assert figures and sources and any(s["parent_id"] for s in sources)
    for f in figures:
        assert {k: v for k, v in f.items() if k != "summary"} == exported[f["id"]]
        assert f["kind"] == "quantity" and f["summary"] and "rule" in f
    for s in sources:
        assert {k: v for k, v in s.items() if k != "label"} == exported[s["id"]]
        assert s["kind"] == "attribution" and "label" in s
    one = server.get_json(f"/claims/{every[0]['id']}.json")
    assert one["figures"] == every[0]["figures"] and one["sources"] == every[0]["sources"]


def test_documents_search_and_filters(server: Server) -> None:
    assert server.get_json("/documents.json?q=convoys")["total"] == 1  # title
    assert server.get_json("/documents.json?q=MILITARY+TARGETS")["total"] == 2  # text, any case
    herald = server.get_json("/documents.json?outlet=Northern+Herald")["documents"]
    assert [d["title"] for d in herald] == ["Ministry gives toll of market shelling"]
    april = server.get_json("/documents.json?from=2024-04-01&to=2024-04-30")["documents"]
    assert [d["title"] for d in april] == ["Aid convoys cut"]
    page = server.get("/documents").text
    assert "<option>Northern Herald</option>" in page


def test_review_is_stored_with_history_and_published(server: Server, served: DB) -> None:
    c = claim_with(server, "At least 19 civilians were killed in the shelling")
    r = server.review(c["id"], "Supported", "Ana Lima", "Matches the hospital's list.")
    assert r.status == 303 and r.headers["location"].startswith(f"/claims/{c['id']}#review-")
    r = server.review(c["id"], "Conflicting Evidence/Cherrypicking", "Ben Okoro")
    assert r.status == 303
    history = server.get_json(f"/claims/{c['id']}.json")["history"]
    assert [(h["verdict"], h["reviewer"]) for h in history] == [
        ("Conflicting Evidence/Cherrypicking", "Ben Okoro"),
        ("Supported", "Ana Lima"),
    ]
    assert history[1]["note"] == "Matches the hospital's list."
    rows = raw(
        served,
        "SELECT verdict, reviewer, created_at, claim_text FROM reviews WHERE claim_id = ?",
        (c["id"],),
    )
    assert len(rows) == 2 and all(row[2] and row[3] == c["text"] for row in rows)
    assert c["id"] in claim_ids(server, "&reviewed=yes")
    assert c["id"] not in claim_ids(server, "&reviewed=no")
    same = server.get_json(f"/claims/{c['id']}.json")["same_figure"]
    assert any("At least 19 civilians" in s["text"] and s["doc_id"] != c["doc_id"] for s in same)

    published = server.get_json("/claimreview.json")
    mine = [p for p in published if f"/claims/{c['id']}#" in p["url"]]
    assert len(mine) == 1
    review = mine[0]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == c["text"]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Conflicting Evidence/Cherrypicking",
    }
    assert review["author"] == {"@type": "Organization", "name": "Desk Test Org"}
    assert len(review["datePublished"]) == 10
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"].lower().endswith("health ministry")
    assert item["author"]["@type"] == "Organization"
    assert item["appearance"]["url"] == "https://herald.example/market"
    assert item["datePublished"] == "2024-03-15"
    assert review["url"].startswith(server.url)

    out = run_cli(
        "export",
        "--db",
        str(served),
        "--what",
        "claimreview",
        "--org",
        "Desk Test Org",
        "--base-url",
        server.url,
    )
    assert out.returncode == 0, out.stderr
    exported = [json.loads(line) for line in out.stdout.splitlines()]
    assert exported == published


def test_review_form_refuses_bad_input(server: Server) -> None:
    c = claim_with(server, "Analysts say the war could shrink")
    form = "verdict=Refuted&reviewer=X&csrf=nope"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    r = server.request("POST", f"/claims/{c['id']}/reviews", form.encode(), headers)
    assert r.status == 403 and "security token" in r.text and "Traceback" not in r.text
    assert server.review(c["id"], "True", "X").status == 400
    assert "verdict 'True' is not one of" in unescape(server.review(c["id"], "True", "X").text)
    assert server.review(c["id"], "Refuted", "  ").status == 400
    elsewhere = f"/claims/{c['id']}"
    assert server.review("0123456789abcdef", "Refuted", "X", form_page=elsewhere).status == 404
    big = b"note=" + b"x" * 70_000
    r = server.request("POST", f"/claims/{c['id']}/reviews", big, headers)
    assert r.status == 413
    page = server.get(f"/claims/{c['id']}")
    cookie = page.headers["set-cookie"].split(";")[0]
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    cross = f"csrf={token}&verdict=Refuted&reviewer=X"
    r = server.request(
        "POST",
        f"/claims/{c['id']}/reviews",
        cross.encode(),
        {**headers, "Cookie": cookie, "Origin": "http://evil.example"},
    )
    assert r.status == 403 and "evil.example" in r.text
    assert server.get_json(f"/claims/{c['id']}.json")["history"] == []


def test_clear_errors_never_tracebacks(server: Server) -> None:
    cases = {
        "/nowhere": 404,
        "/claims/zzz": 404,
        "/claims/0123456789abcdef": 404,
        "/documents/0123456789abcdef.json": 404,
        "/claims?min_score=high": 400,
        "/claims.json?per_page=100000": 400,
        "/claims.json?type=rumour": 400,
        "/claims.json?has_figure=maybe": 400,
        "/documents?from=yesterday": 400,
        "/claims?q=" + "x" * 9000: 414,
    }
    for path, status in cases.items():
        r = server.get(path)
        assert r.status == status, (path, r.status)
        assert "Traceback" not in r.text and 'File "' not in r.text
        if path.split("?")[0].endswith(".json") and status != 414:
            assert r.json()["status"] == status
    assert "min_score must be a number" in unescape(server.get("/claims?min_score=high").text)
    assert server.request("POST", "/claims").status == 405
    assert server.get("/", {"Host": "attacker.example"}).status == 400


def test_hostile_document_is_shown_inertly(server: Server) -> None:
    docs = server.get_json("/documents.json?q=__pwned")["documents"]
    assert len(docs) == 1
    r = server.get(f"/documents/{docs[0]['id']}")
    assert r.status == 200
    assert "<script" not in r.text and "<img" not in r.text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in r.text
    assert '<span class="ctl">U+202E</span>' in r.text and "\u202e" not in r.text
    assert "A" * 1_000_000 in re.sub(r"<[^>]*>", "", r.text)  # whole, however it was split
    assert ("A" * 100 + "<wbr>") * 3 in r.text  # with break opportunities, to render fast


@pytest.mark.sqlite_only("about the desk's access token, not the ledger: once is enough")
def test_token_required_off_loopback_and_checked(ledger_file: Path) -> None:
    r = run_cli("serve", "--db", str(ledger_file), "--host", "0.0.0.0", "--port", "0")
    assert r.returncode == 2 and "refusing to listen on 0.0.0.0 without --token" in r.stderr
    r = run_cli("serve", "--db", str(ledger_file), "--token", "short", "--port", "0")
    assert r.returncode == 2 and "at least 16 characters" in r.stderr
    r = run_cli("serve", "--db", str(ledger_file.parent / "none.db"), "--port", "0")
    assert r.returncode == 2 and "does not exist" in r.stderr
    token = "s3cret-token-for-tests"
    s = Server(ledger_file, ("--token", token)).start()
    try:
        assert s.get("/claims.json").status == 401
        assert s.get("/claims.json", {"Authorization": "Bearer wrong-token-xxxxxxx"}).status == 401
        ok = s.get("/claims.json", {"Authorization": f"Bearer {token}"})
        assert ok.status == 200 and ok.json()["total"] >= 10
        r = s.get(f"/claims?type=event&token={token}")
        assert r.status == 303 and r.headers["location"] == "/claims?type=event"
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert s.get("/claims", {"Cookie": cookie.split(";")[0]}).status == 200
    finally:
        s.stop()


def test_reviews_kept_while_ingest_writes(
    tmp_path: Path, ledger_file: DB, ledgers: Ledgers
) -> None:
    db = ledgers.copy(ledger_file, tmp_path / "busy.db")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(80):
        (corpus / f"wire{i:02d}.txt").write_text(
            f"At least {i + 3} people were killed in district {i}, officials said on Monday.\n\n"
            f"The governor said {i * 10 + 5} homes had been damaged by the strikes.\n",
            encoding="utf-8",
        )
    s = Server(db).start()
    try:
        targets = claim_ids(s)[:6]
        ingest = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claimledger",
                "ingest",
                str(corpus),
                "--db",
                str(db),
                "--workers",
                "1",
                "--no-progress",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        failures: list[str] = []
        seen: list[int] = []  # document counts the desk read while the ingest wrote

        def reader() -> None:
            while ingest.poll() is None:
                r = s.get("/claims.json?per_page=50")
                if r.status != 200:
                    failures.append(f"read {r.status}")
                seen.append(s.get_json("/index.json")["documents"])

        t = threading.Thread(target=reader)
        t.start()
        posted = 0
        while ingest.poll() is None or posted < 30:
            r = s.review(targets[posted % len(targets)], "Not Enough Evidence", f"r{posted}")
            if r.status != 303:
                failures.append(f"review {r.status}: {r.text[:200]}")
            posted += 1
        _, err = ingest.communicate(timeout=600)
        t.join()
        assert ingest.returncode == 0, err
        assert not failures, failures
        assert "80 documents stored" in err
        assert any(4 < n < 84 for n in seen), seen  # reads and writes did overlap
        overview = s.get_json("/index.json")
    finally:
        s.stop()
    [(stored,)] = raw(db, "SELECT COUNT(*) FROM reviews")
    reviewers = {r[0] for r in raw(db, "SELECT reviewer FROM reviews")}
    assert stored == posted and reviewers == {f"r{i}" for i in range(posted)}
    assert overview["documents"] == 84 and overview["reviews"] == posted


def test_reviews_survive_reextraction(tmp_path: Path, ledger_file: DB, ledgers: Ledgers) -> None:
    db = ledgers.copy(ledger_file, tmp_path / "again.db")
    s = Server(db).start()
    try:
        c = claim_with(s, "Velk said the campaign costs")
        assert s.review(c["id"], "Refuted", "Ana Lima").status == 303
    finally:
        s.stop()
    # another threshold is another run: the example is extracted again and replaced
    r = run_cli("ingest", str(EXAMPLE), "--db", str(db), "--threshold", "0.3", "--workers", "1")
    assert r.returncode == 0, r.stderr
    exported = list(api.claimreview(db, organisation="Org"))
    assert [e["claimReviewed"] for e in exported] == [c["text"]]
    s = Server(db).start()
    try:
        assert s.get_json(f"/claims/{c['id']}.json")["history"][0]["reviewer"] == "Ana Lima"
    finally:
        s.stop()


def test_claimreview_author_of_a_report_is_its_issuing_body(
    tmp_path: Path, ledgers: Ledgers
) -> None:
    from claimledger.present import desk
    from claimledger.store import open_store

    (tmp_path / "un.txt").write_text(
        "A UN report said more than 2 million people had fled the country since March.\n",
        encoding="utf-8",
    )
    db = ledgers.at(tmp_path / "un.db")
    api.ingest([str(tmp_path / "un.txt")], db, Settings(workers=1))
    with open_store(db) as ledger:
        [claim] = desk.claims(ledger, desk.ClaimFilter())["claims"]
        assert claim["sources"][0]["source_kind"] == "document"
        assert claim["sources"][0]["source_affiliation"] == "United Nations"
        desk.add_review(ledger, claim["id"], "Supported", "Ana Lima")
        [review] = desk.claim_reviews(ledger, "Org", "http://desk.example")
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "United Nations"}
    assert review["url"].startswith(f"http://desk.example/claims/{claim['id']}#review-")
