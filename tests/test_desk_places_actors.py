"""Places and actors on the review desk and in the report: the worklist's place, country and
actor filters, the actor and place pages, and each claim's place, over a real ledger (a
SQLite file and a PostgreSQL database: ``backends``) and the real ``claimledger serve`` on
127.0.0.1."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from claimledger import api
from claimledger.model import Where
from claimledger.present.report import place_html, place_summary
from claimledger.settings import Settings
from tests.conftest import DB, Ledgers
from tests.serving import Server

pytestmark = pytest.mark.backends

# Wire-style stories with invented figures; real big places only so that the gazetteer
# resolves them (Kharkiv, Geneva), invented ones (Varnekograd) stay unresolved.
WIRES = [
    {
        "title": "Houses damaged in Kharkiv",
        "outlet": "Test Wire",
        "published": "2024-03-05",
        "text": "KHARKIV, March 5 (Test Wire) - Shelling damaged 14 houses in Kharkiv on "
        "Tuesday, the Ukrainian military said.\n\nThe United Nations said 30 families had "
        "left the city since February.",
    },
    {
        "title": "Clinics closed",
        "outlet": "Test Wire",
        "published": "2024-03-06",
        "text": "In Geneva, the United Nations said 12 clinics in the region were closed.\n\n"
        "Officials in Varnekograd said 40 homes were without power on Monday.",
    },
]
UN = "org/united-nations"
UKR_MILITARY = "UKR/military"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers) -> DB:
    folder = tmp_path_factory.mktemp("places-actors")
    src = folder / "wires.jsonl"
    src.write_text("".join(json.dumps(w) + "\n" for w in WIRES), encoding="utf-8")
    db = ledgers.at(folder / "ledger.db")
    api.ingest([str(src)], db, Settings(workers=1))
    return db


@pytest.fixture(scope="module")
def server(ledger: DB) -> Iterator[Server]:
    s = Server(ledger).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log and "error on" not in log, log


def every_claim(server: Server, query: str = "") -> list[dict[str, Any]]:
    data = server.get_json(f"/claims.json?label=all&per_page=200{query}")
    claims: list[dict[str, Any]] = data["claims"]
    assert data["total"] == len(claims)
    return claims


def the_claim(server: Server, part: str) -> dict[str, Any]:
    [found] = [c for c in every_claim(server) if part in c["text"]]
    return found


def kharkiv(server: Server) -> dict[str, Any]:
    place: dict[str, Any] = the_claim(server, "14 houses")["place"]
    assert place["text"] == "Kharkiv" and place["country_code"] == "UA"
    assert place["geonames_id"] is not None and place["inherited"] is False
    return place


def texts(claims: list[dict[str, Any]]) -> set[str]:
    return {c["text"] for c in claims}


# -- the worklist's filters -----------------------------------------------------------------
def test_claims_carry_their_place(server: Server) -> None:
    houses = the_claim(server, "14 houses")
    assert houses["place_summary"].endswith(", named in the sentence")
    families = the_claim(server, "30 families")  # "the city": the dateline's Kharkiv
    assert families["place"]["geonames_id"] == houses["place"]["geonames_id"]
    assert families["place"]["inherited"] is True
    assert families["place_summary"].endswith(", inherited")
    power = the_claim(server, "40 homes")  # an invented village: written, not resolved
    assert power["place"]["text"] == "Varnekograd" and power["place"]["geonames_id"] is None
    assert "not in the gazetteer" in power["place_summary"]


def test_the_worklist_filters_by_place_id_and_name(server: Server) -> None:
    place = kharkiv(server)
    by_id = every_claim(server, f"&place={place['geonames_id']}")
    for figure in ("14 houses", "30 families"):
        assert any(figure in t for t in texts(by_id)), figure
    assert all(c["place"]["geonames_id"] == place["geonames_id"] for c in by_id)
    assert not any("Geneva" in t or "Varnekograd" in t for t in texts(by_id))
    by_name = every_claim(server, "&place=kharKIV")
    assert texts(by_name) == texts(by_id)
    unresolved = every_claim(server, "&place=Varnekograd")
    assert [c["text"] for c in unresolved] == [the_claim(server, "40 homes")["text"]]


def test_the_worklist_filters_by_country(server: Server) -> None:
    swiss = every_claim(server, "&country=ch")
    assert swiss and all(c["place"]["country_code"] == "CH" for c in swiss)
    assert any("12 clinics" in t for t in texts(swiss))
    ukrainian = every_claim(server, "&country=UA")
    assert any("14 houses" in t for t in texts(ukrainian))
    assert not texts(swiss) & texts(ukrainian)
    assert every_claim(server, "&country=FR") == []


def test_the_worklist_filters_by_actor(server: Server) -> None:
    un = every_claim(server, f"&actor={UN}")
    assert any("30 families" in t for t in texts(un))
    assert any("12 clinics" in t for t in texts(un))
    assert not any("14 houses" in t for t in texts(un))
    military = every_claim(server, f"&actor={UKR_MILITARY}")
    assert [c["text"] for c in military] == [the_claim(server, "14 houses")["text"]]
    page = server.get(f"/claims?label=all&actor={UN}")
    assert page.status == 200
    assert 'id="actor-filter"' in page.text and "United Nations" in page.text
    assert every_claim(server, "&actor=org/nobody-at-all") == []


def test_the_filter_form_keeps_values_and_paging_keeps_filters(server: Server) -> None:
    place = kharkiv(server)
    page = server.get(f"/claims?label=all&per_page=1&place={place['geonames_id']}").text
    assert f'name="place" value="{place["geonames_id"]}"' in page
    assert 'name="country"' in page and 'name="actor"' in page
    nxt = re.search(r'rel="next" href="([^"]+)"', page)
    assert nxt is not None and f"place={place['geonames_id']}" in unescape(nxt.group(1))
    page = server.get(f"/claims?label=all&per_page=1&country=UA&actor={UKR_MILITARY}").text
    assert 'name="country" value="UA"' in page
    assert f'name="actor" value="{UKR_MILITARY}"' in page
    page = server.get("/claims?label=all&per_page=1&country=ua").text
    nxt = re.search(r'rel="next" href="([^"]+)"', page)
    assert nxt is not None and "country=ua" in unescape(nxt.group(1)).lower()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=XYZ", "country must be a two-letter ISO 3166 code"),
        ("country=1A", "country must be a two-letter ISO 3166 code"),
        ("country=%C3%A9%C3%A9", "country must be a two-letter ISO 3166 code"),
        ("actor=%3Cscript%3E", "actor must be an actor id"),
        ("actor=ISR//military", "actor must be an actor id"),
        ("place=" + "x" * 600, "longer than 500 characters"),
    ],
)
def test_bad_filters_are_a_clear_400(server: Server, query: str, message: str) -> None:
    for path in ("/claims", "/claims.json"):
        r = server.get(f"{path}?{query}")
        assert r.status == 400, (path, query, r.status)
        assert message in unescape(r.text)
        assert "Traceback" not in r.text
        if path.endswith(".json"):
            assert r.json()["status"] == 400
        else:
            assert "<script>" not in r.text
    assert server.get_json("/claims.json?country=ua")["total"] >= 1  # any case is fine


# -- a claim's place and sources ------------------------------------------------------------
def test_rows_and_the_claim_page_show_the_place_and_link_the_source(server: Server) -> None:
    place = kharkiv(server)
    houses = the_claim(server, "14 houses")
    worklist = server.get("/claims?label=all").text
    assert f'href="/places/{place["geonames_id"]}"' in worklist
    assert f'href="/actors/{UKR_MILITARY}"' in worklist
    page = server.get(f"/claims/{houses['id']}").text
    assert "place: <a" in page and houses["place_summary"] in unescape(page)
    assert f'href="/places/{place["geonames_id"]}"' in page
    assert f'<a class="actor" href="/actors/{UKR_MILITARY}">' in page
    [source] = server.get_json(f"/claims/{houses['id']}.json")["sources"]
    assert source["source_actor_id"] == UKR_MILITARY
    families = server.get(f"/claims/{the_claim(server, '30 families')['id']}").text
    assert 'class="inherited">place:' in families
    power = server.get(f"/claims/{the_claim(server, '40 homes')['id']}").text
    assert "not in the gazetteer" in unescape(power)
    assert "/places/None" not in power


# -- actors -----------------------------------------------------------------------------------
def test_the_actors_index_lists_the_most_cited_first(server: Server) -> None:
    data = server.get_json("/actors.json")
    ids = [a["id"] for a in data["actors"]]
    assert UN in ids and UKR_MILITARY in ids
    assert data["total"] == len(ids) and data["shown"] == len(ids)
    cited = [a["n_sources"] for a in data["actors"]]
    assert cited == sorted(cited, reverse=True)
    assert ids[0] == UN  # cited twice
    page = server.get("/actors").text
    assert f'href="/actors/{UN}"' in page and "United Nations" in page
    assert '<a href="/actors">Actors</a>' in server.get("/").text


def test_the_actor_page_lists_what_it_said(server: Server) -> None:
    data = server.get_json(f"/actors/{UN}.json")
    assert data["id"] == UN and data["name"] == "United Nations"
    assert data["n_sources"] == 2
    said = {s["claim_text"] for s in data["said"]}
    assert any("30 families" in t for t in said) and any("12 clinics" in t for t in said)
    for s in data["said"]:
        assert server.get(f"/claims/{s['claim_id']}").status == 200
    page = server.get(f"/actors/{UN}")
    assert page.status == 200
    text = unescape(page.text)
    assert "Credited with saying" in text and "30 families had left the city" in text
    for s in data["said"]:
        assert f'href="/claims/{s["claim_id"]}"' in page.text
        assert f'href="/documents/{s["doc_id"]}"' in page.text
    assert f'href="/claims?actor={UN}"' in page.text


def test_the_actor_page_links_its_parent(server: Server) -> None:
    data = server.get_json(f"/actors/{UKR_MILITARY}.json")
    assert data["parent_id"] == "UKR" and data["parent"]["id"] == "UKR"
    page = server.get(f"/actors/{UKR_MILITARY}").text
    if data["parent"]["stored"]:
        assert 'id="parent" href="/actors/UKR"' in page
    assert data["parent"]["name"] in unescape(page)


@pytest.mark.parametrize(
    "path",
    [
        "/actors/org/nobody-at-all",
        "/actors/org/nobody-at-all.json",
        "/actors/",
        "/actors/%3Cscript%3E",
        "/actors/org/../UKR",
        "/actors/" + "a" * 300,
    ],
)
def test_an_unknown_actor_is_404(server: Server, path: str) -> None:
    r = server.get(path)
    assert r.status == 404, (path, r.status)
    assert "Traceback" not in r.text and "<script>" not in r.text


# -- places -----------------------------------------------------------------------------------
def test_the_place_page_lists_claims_about_it(server: Server) -> None:
    place = kharkiv(server)
    gid = place["geonames_id"]
    data = server.get_json(f"/places/{gid}.json")
    assert data["geonames_id"] == gid and data["country_code"] == "UA"
    assert {"Kharkiv", "KHARKIV"} <= set(data["written"])
    about = texts(data["claims"])
    assert any("14 houses" in t for t in about) and any("30 families" in t for t in about)
    assert not any("12 clinics" in t for t in about)
    assert [d["document"] for d in data["documents"]] == ["Houses damaged in Kharkiv"]
    page = server.get(f"/places/{gid}")
    assert page.status == 200
    text = unescape(page.text)
    assert f"GeoNames id {gid}" in text and "Houses damaged in Kharkiv" in text
    assert 'class="claim-row"' in page.text  # the worklist's rows
    for c in data["claims"]:
        assert f'href="/claims/{c["id"]}"' in page.text


@pytest.mark.parametrize("path", ["/places/1", "/places/1.json", "/places/abc", "/places/-5"])
def test_an_unknown_place_is_404(server: Server, path: str) -> None:
    r = server.get(path)
    assert r.status == 404, (path, r.status)
    assert "Traceback" not in r.text
    if path.endswith(".json"):
        assert r.json()["status"] == 404


# -- the report -------------------------------------------------------------------------------
def test_the_report_shows_each_claims_place(ledger: DB, server: Server, tmp_path: Path) -> None:
    place = kharkiv(server)
    api.report(ledger, None, tmp_path / "rep")
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "rep").glob("doc-*.html")]
    [page] = [p for p in pages if "14 houses" in p]
    assert f"place: {place['name']} ({place['admin1']}, UA), named in the sentence" in page
    assert 'place: <span class="inherited">' in page  # the families' inherited Kharkiv
    [other] = [p for p in pages if "12 clinics" in p]
    assert "place: Geneva (" in other and "CH), named in the sentence" in other
    assert "place: “Varnekograd” (not in the gazetteer), named in the sentence" in other


def test_place_words() -> None:
    assert place_summary(Where()) == "none stated"
    written = Where(text="KHARKIV", start=0, end=7, geonames_id=1, name="Kharkiv",
                    country_code="UA", admin1="Kharkiv", inherited=True)  # fmt: skip
    assert place_summary(written) == "Kharkiv (Kharkiv, UA), inherited"
    other = Where(text="Charkow", geonames_id=1, name="Kharkiv", country_code="UA")
    assert place_summary(other) == "“Charkow” → Kharkiv (UA), named in the sentence"
    assert place_html(written).startswith('<span class="inherited">')
    hostile = Where(text="<b>\u202eX")
    assert "<b>" not in place_html(hostile) and "\u202e" not in place_html(hostile)
