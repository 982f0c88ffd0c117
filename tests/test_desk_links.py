"""Linking and checking on the review desk and in the report (issue 19): the overview's
counts, the contradictions, repeats, checks and figure-group pages and their JSON twins, a
claim's links, the worklist's contradicted/check filters, the timeline chart, and hostile text
shown inertly, over a real ledger (a SQLite file and a PostgreSQL database: ``backends``) and
the real ``claimledger serve`` on 127.0.0.1. Places, outlets and figures are invented."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest

from claimledger import api
from claimledger.present import svg
from claimledger.present.report import document_html, links_line
from claimledger.settings import Settings
from claimledger.store import ClaimFilter, open_store
from tests.conftest import DB, Ledgers
from tests.serving import Server

pytestmark = pytest.mark.backends

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>\u202egnp.exe'
COPIED = (
    "Rescue teams worked through the night in Varnek to pull survivors from the rubble of "
    "two apartment blocks near the old covered market, neighbours said."
)
DOCS = [
    {
        "title": "Strike on Varnek",
        "outlet": "Northern Herald",
        "published": "2026-03-10",
        "url": "https://example.org/nh/1",
        "text": "19 civilians were killed in Varnek on Tuesday, the regional health ministry "
        f"said.\n\n{COPIED}",
    },
    {
        "title": "Army statement",
        "outlet": "Coast Daily",
        "published": "2026-03-10",
        "text": "4 civilians were killed in Varnek on Tuesday, the army said in a statement.",
    },
    {
        "title": "Varnek toll " + HOSTILE,
        "outlet": "Wire " + HOSTILE,
        "published": "2026-03-11",
        "text": f"At least 19 civilians were killed in Varnek on Tuesday, officials said "
        f"{HOSTILE}.\n\n{COPIED}",
    },
    {
        "title": "Rights group",
        "outlet": "Northern Herald",
        "published": "2026-03-12",
        "text": "Between 15 and 25 civilians were killed in Varnek on Tuesday, a rights group "
        "said, citing hospital records.",
    },
    {
        "title": "Eastmark displaced",
        "outlet": "Northern Herald",
        "published": "2026-03-02",
        "text": "About 100,000 people have been displaced in Eastmark since January, the UN said.",
    },
    {
        "title": "Eastmark displaced again",
        "outlet": "Coast Daily",
        "published": "2026-03-09",
        "text": "Some 150,000 people have been displaced in Eastmark since January, the UN said.",
    },
    {
        "title": "Eastmark governor",
        "outlet": "Coast Daily",
        "published": "2026-03-12",
        "text": "80,000 people have been displaced in Eastmark since January, the regional "
        "governor said.",
    },
]
REFERENCE = (
    "measure,place,date,start,end,value,lower,upper,unit,source,url\n"
    "civilians killed,Varnek,2026-03-10,,,23,,,count,Varnek Health Office,"
    "https://example.org/varnek/0310\n"
    "displaced,Eastmark,,2026-01-01,2026-03-05,,110000,125000,count,"
    "Shelter Board <b>x</b>,javascript:alert(1)\n"
)
# what a page never says of a claim or a figure
VERDICT_WORDS = re.compile(r"\b(false|untrue|wrong|lie|lies|fake)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers) -> DB:
    folder = tmp_path_factory.mktemp("desk-links")
    src = folder / "wires.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    ref = folder / "reference.csv"
    ref.write_text(REFERENCE, encoding="utf-8")
    db = ledgers.at(folder / "ledger.db")
    result = api.ingest([str(src)], db, Settings(workers=1))
    assert len(result.stored) == len(DOCS)
    with open_store(db) as store:  # ingest links what it adds; this links anything it left
        store.link_new(store.unlinked_documents())
    imported = api.reference_import(db, ref)
    assert imported.imported and imported.new == 2
    return db


@pytest.fixture(scope="module")
def counts(ledger: DB) -> dict[str, int]:
    with open_store(ledger, readonly=True) as store:
        return store.link_counts()


@pytest.fixture(scope="module")
def server(ledger: DB) -> Iterator[Server]:
    s = Server(ledger).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log and "error on" not in log, log


def html(server: Server, path: str) -> str:
    r = server.get(path)
    assert r.status == 200, (path, r.status, r.body[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def inert(page: str) -> None:
    """Hostile text stays text: no tag from it, no live bidi control, no inline style (the
    CSP allows none), no script."""
    assert "<script" not in page and "<img" not in page and "onerror=alert(1)>" not in page
    assert "\u202e" not in page
    assert 'style="' not in page
    assert 'href="javascript:' not in page.lower()


def every_claim(server: Server, query: str = "") -> list[dict[str, Any]]:
    data = server.get_json(f"/claims.json?label=all&per_page=200{query}")
    claims: list[dict[str, Any]] = data["claims"]
    assert data["total"] == len(claims)
    return claims


def the_claim(server: Server, part: str) -> dict[str, Any]:
    [found] = [c for c in every_claim(server) if c["text"].startswith(part)]
    return found


# -- the overview -----------------------------------------------------------------------------
def test_the_overview_counts_links(server: Server, counts: dict[str, int]) -> None:
    assert counts["contradictions"] >= 4 and counts["repeats"] == 1
    assert counts["disagreements"] >= 1 and counts["agreements"] >= 1
    data = server.get_json("/index.json")
    assert data["contradictions"] == counts["contradictions"]
    assert data["repeats"] == counts["repeats"]
    assert data["disagreements"] == counts["disagreements"]
    assert data["links"] == counts
    page = html(server, "/")
    assert "not computed yet" not in page
    for path, n in (
        ("/contradictions", counts["contradictions"]),
        ("/repeats", counts["repeats"]),
        ("/checks?status=disagrees", counts["disagreements"]),
        ("/figures", counts["figure_groups"]),
    ):
        assert f'<a href="{path}">{n}</a>' in page, path
    inert(page)


# -- contradictions, updates, consistent figures ----------------------------------------------
def test_contradictions_show_both_figures_and_the_reason(
    server: Server, counts: dict[str, int]
) -> None:
    data = server.get_json("/contradictions.json?per_page=200")
    assert data["kind"] == "contradiction" and data["total"] == counts["contradictions"]
    assert data["counts"]["update"] == counts["updates"]
    reasons = {r["reason"] for r in data["relations"]}
    assert "19 vs 4 for the same place and day" in reasons
    assert any(r.startswith("cumulative count fell from") for r in reasons)
    for r in data["relations"]:
        assert r["kind"] == "contradiction"
        for side in (r["a"], r["b"]):
            assert side["kind"] == "quantity" and side["claim_id"]
            assert side["sentence"][side["start"] : side["end"]] == side["text"] or (
                side["text"] in side["sentence"]
            )
            assert side["document"]["title"] and side["document"]["outlet"]
            assert side["time"] != "none stated" and side["place_summary"]
            assert side["attributed_to"]
    [army] = [r for r in data["relations"] if {r["a"]["text"], r["b"]["text"]} == {"19", "4"}]
    four = army["a"] if army["a"]["text"] == "4" else army["b"]
    assert four["document"] == {
        "id": four["doc_id"],
        "source": four["source"],
        "title": "Army statement",
        "outlet": "Coast Daily",
        "published": "2026-03-10",
    }
    assert four["attributed_to"] == ["the army"]
    page = html(server, "/contradictions")
    assert "19 vs 4 for the same place and day" in page
    assert f'href="/claims/{four["claim_id"]}"' in page and "Coast Daily" in page
    assert not VERDICT_WORDS.search(unescape(re.sub(r"<[^>]+>", " ", page)))
    inert(page)


def test_updates_and_consistent_figures(server: Server) -> None:
    updates = server.get_json("/contradictions.json?kind=update")
    assert updates["kind"] == "update" and updates["total"] == 1
    [rise] = updates["relations"]
    assert rise["reason"].startswith("cumulative count rose from About 100,000")
    assert rise["a"]["document"]["published"] < rise["b"]["document"]["published"]
    consistent = server.get_json("/contradictions.json?kind=consistent")
    assert consistent["total"] >= 2
    assert all("agree" in r["reason"] for r in consistent["relations"])
    page = html(server, "/contradictions?kind=update")
    assert "earlier figure" in page and "cumulative count rose" in page


def test_relation_pages_are_paginated(server: Server, counts: dict[str, int]) -> None:
    first = server.get_json("/contradictions.json?per_page=2")
    second = server.get_json("/contradictions.json?per_page=2&page=2")
    assert first["pages"] == -(-counts["contradictions"] // 2)
    assert {r["id"] for r in first["relations"]}.isdisjoint(r["id"] for r in second["relations"])
    page = html(server, "/contradictions?kind=consistent&per_page=1")
    assert 'rel="next" href="/contradictions?kind=consistent&amp;per_page=1&amp;page=2"' in page


@pytest.mark.parametrize(
    "path",
    [
        "/contradictions?kind=contradictions",
        "/contradictions.json?kind=lies",
        "/contradictions?page=0",
        "/checks?status=false",
        "/checks.json?status=disagree",
        "/repeats?per_page=201",
        "/figures.json?page=x",
        "/claims?contradicted=maybe",
        "/claims.json?check=false",
        "/claims?check=%3Cscript%3E",
    ],
)
def test_bad_parameters_are_400(server: Server, path: str) -> None:
    r = server.get(path)
    assert r.status == 400, (path, r.status)
    assert "Traceback" not in r.text and "<script" not in r.text


# -- repeats ------------------------------------------------------------------------------------
def test_repeats_grouped_by_cluster_earliest_marked(server: Server) -> None:
    data = server.get_json("/repeats.json")
    assert data["total"] == 1
    [cluster] = data["clusters"]
    [pair] = cluster["pairs"]
    assert pair["cluster"] == cluster["cluster"] and pair["kind"] == "repeat"
    assert pair["a"]["text"] == COPIED and pair["b"]["text"] == COPIED
    assert pair["a"]["earliest"] is True and pair["b"]["earliest"] is False
    assert pair["a"]["published"] == "2026-03-10" < pair["b"]["published"]
    assert pair["similarity"] >= 0.65
    page = html(server, "/repeats")
    assert "earliest seen" in page and f'id="cluster-{cluster["cluster"]}"' in page
    assert f'href="/documents/{pair["a"]["doc_id"]}"' in page
    inert(page)


# -- reference checks ---------------------------------------------------------------------------
def test_checks_show_figure_reference_row_and_reason(
    server: Server, counts: dict[str, int]
) -> None:
    everything = server.get_json("/checks.json?per_page=200")
    assert everything["total"] == counts["checks"]
    statuses = [c["status"] for c in everything["checks"]]
    assert statuses == sorted(statuses, key=lambda s: s != "disagrees")  # disagreements first
    disagree = server.get_json("/checks.json?status=disagrees&per_page=200")
    assert disagree["total"] == counts["disagreements"]
    assert {c["status"] for c in disagree["checks"]} == {"disagrees"}
    [nineteen] = [c for c in disagree["checks"] if c["quantity"]["text"] == "19"]
    assert nineteen["reason"] == "disagrees with Varnek Health Office (23 on 2026-03-10)"
    ref = nineteen["reference"]
    assert ref["source"] == "Varnek Health Office" and ref["value"] == 23
    assert ref["link"] == "https://example.org/varnek/0310"
    assert nineteen["quantity"]["document"]["title"] == "Strike on Varnek"
    agree = server.get_json("/checks.json?status=agrees&per_page=200")
    assert agree["total"] == counts["agreements"]
    assert all(c["reason"].startswith("agrees with") for c in agree["checks"])
    for c in everything["checks"]:
        if c["reference"]["source"].startswith("Shelter Board"):
            assert c["reference"]["link"] is None  # its javascript: address is never a link
    page = html(server, "/checks?status=disagrees")
    assert '<a href="https://example.org/varnek/0310"' in page
    assert "Shelter Board &lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    assert "javascript:" not in page
    assert "it is not a verdict" in page
    assert not VERDICT_WORDS.search(unescape(re.sub(r"<[^>]+>", " ", page)))
    inert(page)


# -- figure groups and the timeline -------------------------------------------------------------
def varnek_group(server: Server) -> dict[str, Any]:
    groups = server.get_json("/figures.json")["groups"]
    [group] = [g for g in groups if g["measure"] == "civilians killed"]
    return group  # type: ignore[no-any-return]


def test_figure_groups_page(server: Server, counts: dict[str, int]) -> None:
    data = server.get_json("/figures.json")
    assert data["total"] == counts["figure_groups"] == 2
    assert [len(g["members"]) for g in data["groups"]] == [4, 3]  # largest first
    group = varnek_group(server)
    assert group["place"] == "Varnek" and group["relation_counts"]["contradiction"] == 3
    page = html(server, "/figures")
    assert f'href="/figures/{group["id"]}"' in page


def test_figure_group_json_has_the_series(server: Server) -> None:
    group = server.get_json(f"/figures/{varnek_group(server)['id']}.json")
    assert "chart" not in group
    names = {s["name"]: s for s in group["series"]}
    assert {"Northern Herald", "Coast Daily", "Wire " + HOSTILE, "Varnek Health Office"} <= set(
        names
    )
    assert names["Varnek Health Office"]["reference"] is True
    [ref] = names["Varnek Health Office"]["points"]
    assert ref["day"] == "2026-03-10" and ref["value"] == 23
    herald = names["Northern Herald"]["points"]
    assert {p["text"] for p in herald} == {"19", "Between 15 and 25"}
    assert all(p["day"] == "2026-03-10" and p["claim_id"] for p in herald)
    ranged = next(p for p in herald if p["text"] == "Between 15 and 25")
    assert (ranged["low"], ranged["high"], ranged["reading"]) == (15, 25, "15 to 25")
    markers = [s["marker"] for s in group["series"]]
    assert len(set(markers)) == len(markers)  # every series its own marker
    assert sum(len(s["points"]) for s in group["series"] if not s["reference"]) == 4


def test_timeline_page_draws_an_inert_svg_with_legend_and_table(server: Server) -> None:
    group_id = varnek_group(server)["id"]
    data = server.get_json(f"/figures/{group_id}.json")
    page = html(server, f"/figures/{group_id}")
    inert(page)
    [chart] = re.findall(r"<svg .*?</svg>", page, re.DOTALL)
    root = ET.fromstring(chart)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("role") == "img"
    titles = [t.text or "" for t in root.iter(f"{ns}title")]
    n_points = sum(len(s["points"]) for s in data["series"])
    assert len(titles) == n_points + 1  # the chart's own, then one per point
    assert any("Coast Daily" in t and "“4”" in t for t in titles)
    texts = [t.text or "" for t in root.iter(f"{ns}text")]
    assert "2026-03-10" in texts and "date (as of)" in texts
    assert "civilians killed (count)" in texts
    assert "0" in texts and "20" in texts  # value ticks
    legend = [t.text or "" for t in root.iter(f"{ns}text")][-len(data["series"]) :]
    assert "reference: Varnek Health Office" in legend and "Northern Herald" in legend
    assert any(t.startswith("Wire <script>") for t in legend)  # text, escaped in the markup
    assert "Wire &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in chart
    assert "[U+202E]" in chart
    # the same data as a table under the chart
    table = page[page.index('<table class="timeline-table"') :]
    rows = re.findall(r"<tr>\s*<td>", table)
    assert len(rows) == n_points
    assert "Varnek Health Office" in table and "horizontal bar" in table
    assert "disagrees with Varnek Health Office (23 on 2026-03-10)" in table


def test_unknown_figure_groups_are_404(server: Server) -> None:
    for path in ("/figures/0123456789abcdef", "/figures/not-an-id", "/figures/%3Cb%3E"):
        r = server.get(path)
        assert r.status == 404, path
        assert "<b>" not in r.text


# -- a claim's links ----------------------------------------------------------------------------
def test_claim_page_links(server: Server) -> None:
    claim = the_claim(server, "19 civilians")
    data = server.get_json(f"/claims/{claim['id']}.json")
    links = data["links"]
    contra = {r["other"]["text"]: r for r in links["contradicting"]}
    assert set(contra) == {"4"}
    assert contra["4"]["figure"] == "19"
    assert contra["4"]["reason"] == "19 vs 4 for the same place and day"
    assert contra["4"]["other"]["document"]["outlet"] == "Coast Daily"
    same = {r["other"]["text"]: r["kind"] for r in links["same_measure"]}
    assert same == {"At least 19": "consistent", "Between 15 and 25": "consistent"}
    [check] = links["checks"]
    assert check["status"] == "disagrees" and check["figure"] == "19"
    assert check["reference"]["source"] == "Varnek Health Office"
    page = html(server, f"/claims/{claim['id']}")
    for anchor in ('id="same-measure"', 'id="contradicting"', 'id="reference-check"'):
        assert anchor in page
    assert f'href="/claims/{contra["4"]["other"]["claim_id"]}"' in page
    assert "disagrees with Varnek Health Office (23 on 2026-03-10)" in page
    assert not VERDICT_WORDS.search(unescape(re.sub(r"<[^>]+>", " ", page)))
    inert(page)


def test_hostile_claim_page_is_inert(server: Server) -> None:
    claim = the_claim(server, "At least 19")
    page = html(server, f"/claims/{claim['id']}")
    inert(page)
    links = server.get_json(f"/claims/{claim['id']}.json")["links"]
    assert {r["other"]["text"] for r in links["contradicting"]} == {"4"}
    # the hostile outlet on the pages that name it
    for path in ("/contradictions?per_page=200", "/contradictions?kind=consistent"):
        text = html(server, path)
        assert "Wire &lt;script&gt;" in text
        inert(text)


def test_claim_without_links_says_so(server: Server) -> None:
    claim = next(c for c in every_claim(server) if c["text"] == COPIED)  # no figures here
    data = server.get_json(f"/claims/{claim['id']}.json")
    assert data["links"] == {
        "same_measure": [], "contradicting": [], "checks": [], "citations": [],
    }  # fmt: skip
    page = html(server, f"/claims/{claim['id']}")
    assert "no figure elsewhere in the ledger contradicts" in page
    assert "no reference row matches" in page


# -- the worklist's filters ---------------------------------------------------------------------
def test_worklist_filters_contradicted_and_check(server: Server, ledger: DB) -> None:
    def texts(query: str) -> set[str]:
        return {c["text"] for c in every_claim(server, query)}

    with open_store(ledger, readonly=True) as store:

        def expected(**kw: Any) -> set[str]:
            found = store.claim_page(ClaimFilter(label=None, per_page=200, **kw))
            return {h.claim.text for h in found.items}

        for query, kw in (
            ("&contradicted=yes", {"contradicted": True}),
            ("&contradicted=no", {"contradicted": False}),
            ("&check=disagrees", {"check": "disagrees"}),
            ("&check=agrees", {"check": "agrees"}),
            ("&contradicted=yes&check=agrees", {"contradicted": True, "check": "agrees"}),
        ):
            assert texts(query) == expected(**kw), query
    contradicted = texts("&contradicted=yes")
    assert any(t.startswith("19 civilians") for t in contradicted)
    assert any(t.startswith("80,000 people") for t in contradicted)
    assert not any(t.startswith("Rescue teams") for t in contradicted)
    assert texts("&contradicted=yes") | texts("&contradicted=no") == texts("")
    assert not texts("&contradicted=yes") & texts("&contradicted=no")
    disagree = texts("&check=disagrees")
    assert any(t.startswith("19 civilians") for t in disagree)
    assert texts("&contradicted=any&check=any") == texts("")


def test_worklist_form_and_paging_keep_the_filters(server: Server) -> None:
    page = html(server, "/claims?contradicted=yes&check=disagrees&per_page=1")
    assert '<select name="contradicted">' in page and '<select name="check">' in page
    assert "<option selected>yes</option>" in page
    assert '<option value="disagrees" selected>disagrees</option>' in page
    nxt = re.search(r'rel="next" href="([^"]+)"', page)
    if nxt is not None:  # more than one disagreeing, contradicted claim
        href = unescape(nxt.group(1))
        assert "contradicted=yes" in href and "check=disagrees" in href and "page=2" in href
    page = html(server, "/claims?contradicted=yes&per_page=1")
    nxt = re.search(r'rel="next" href="([^"]+)"', page)
    assert nxt is not None and "contradicted=yes" in unescape(nxt.group(1))


# -- the chart's pure functions -----------------------------------------------------------------
def test_markers_differ_without_colour() -> None:
    series = [svg.Series(f"outlet {i}", ()) for i in range(12)]
    series += [svg.Series(f"ref {i}", (), reference=True) for i in range(3)]
    marks = svg.markers(series)
    looks = [(m.shape, m.filled, m.dashes) for m in marks]
    assert len(set(looks)) == len(looks)
    assert len({m.name for m in marks}) == len(marks)  # told apart in words too


def test_timeline_svg_escapes_and_draws_intervals() -> None:
    series = [
        svg.Series(
            HOSTILE,
            (
                svg.Point("2026-03-10", 19.0, 19.0, None, f"at least 19 {HOSTILE}"),
                svg.Point("2026-03-12", None, 15.0, 25.0, "15 to 25"),
                svg.Point(None, 4.0, 4.0, 4.0, "no date: not drawn"),
                svg.Point("2026-03-13", float("nan"), None, None, "no value: not drawn"),
            ),
        ),
        svg.Series(
            "Health Office",
            (
                svg.Point("2026-03-10", 23.0, None, None, "23"),
                svg.Point("2026-03-12", 25.0, None, None, "25"),
            ),
            True,
        ),
    ]
    chart = svg.timeline_svg(series, title=f"killed {HOSTILE}", y_label="killed (count)")
    root = ET.fromstring(chart)
    ns = "{http://www.w3.org/2000/svg}"
    titles = [t.text for t in root.iter(f"{ns}title")]
    assert len(titles) == 1 + 4 and titles[1] == f"at least 19 {HOSTILE}".replace(
        "\u202e", "[U+202E]"
    )
    assert "<script" not in chart and "\u202e" not in chart and "style=" not in chart
    assert "stroke-dasharray" in chart  # the reference series' line look
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "2026-03-10" in texts and "killed (count)" in texts
    assert svg.timeline_svg([svg.Series("x", (svg.Point(None, 1.0, 1.0, 1.0, "x"),))], title="t",
                            y_label="y") == ""  # fmt: skip
    one_day = svg.timeline_svg(
        [svg.Series("a", (svg.Point("2026-01-01", 0.0, 0.0, 0.0, "zero"),))],
        title="t",
        y_label="y",
    )
    ET.fromstring(one_day)
    assert "2026-01-01" in one_day


# -- the HTML report ----------------------------------------------------------------------------
def test_report_lines_name_contradictions_and_disagreements(ledger: DB) -> None:
    with open_store(ledger, readonly=True) as store:
        doc_id = next(
            h.document.id
            for h in store.claim_page(ClaimFilter(per_page=200)).items
            if h.claim.text.startswith("19 civilians")
        )
        ex = store.load(doc_id)
        links = {c.id: store.claim_links(c.id) for c in ex.claims}
        hostile = next(
            h.document.id
            for h in store.claim_page(ClaimFilter(per_page=200)).items
            if h.claim.text.startswith("At least 19")
        )
        hostile_ex = store.load(hostile)
        hostile_links = {c.id: store.claim_links(c.id) for c in hostile_ex.claims}
    [claim] = [c for c in ex.claims if c.text.startswith("19 civilians")]
    line = links_line(links[claim.id])
    assert line == (
        "contradicted by 1 figure elsewhere: 19 vs 4 for the same place and day · "
        "reference data: disagrees with Varnek Health Office (23 on 2026-03-10)"
    )
    page = document_html(ex, links)
    assert '<div class="links">contradicted by 1 figure elsewhere' in page
    assert not VERDICT_WORDS.search(line)
    assert links_line(None) == "" and 'class="links"' not in document_html(ex)
    hostile_page = document_html(hostile_ex, hostile_links)
    assert "<script" not in hostile_page and "\u202e" not in hostile_page
    assert "contradicted by 1 figure elsewhere: 4 vs At least 19" in hostile_page
