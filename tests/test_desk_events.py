"""Events on the review desk and in the report (issue 20): the events page and an event's
page with their JSON twins, the worklist's event type filter, a claim's events, the
overview's counts and each claim's event line in the HTML report, over a real ledger (a
SQLite file and a PostgreSQL database: ``backends``) linked by the real ``claimledger link``
and the real ``claimledger serve`` on 127.0.0.1.

The ledger holds the wire documents of tests/data/event_link_corpus.py (one air strike that
three outlets give different tolls for, a denied strike, other strikes and a shelling) and
three more: a threatened (future) attack, a strike with its actor and target named, and a
document whose event sentence is hostile markup. Their events are built by hand over what
the other extractors find (as tests/test_events_ledger.py does), so these tests read the
desk, not the event extractor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from claimledger import api
from claimledger.model import (
    Document,
    Event,
    EventArg,
    EventFigure,
    EventSource,
    Extraction,
    Quantity,
)
from claimledger.pipeline import ALL_KINDS
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from claimledger.store import open_store
from tests.conftest import DB, Ledgers, run_cli
from tests.data.event_link_corpus import DOCS as LINK_DOCS
from tests.data.event_link_corpus import EventDoc, EventSpec
from tests.serving import Server
from tests.test_desk_layout import BROKEN_WORDS
from tests.test_web_e2e import browser  # noqa: F401  (the module's Chromium)

pytestmark = pytest.mark.backends

HOSTILE = (
    "Shelling of <img src=x onerror=alert(1)> <script>alert('owned')</script> killed 2 "
    "people in Oskel on Wednesday, the \u202egovernor\u202c said."
)
MORE_DOCS: tuple[EventDoc, ...] = (
    EventDoc(
        "f1",
        "2026-04-09",
        "Northern Herald",
        "Rebels threatened to attack Oskel on Friday, a rebel spokesman said. The mayor said "
        "200 families had left the town since March.",
        (EventSpec("attack", "ATTACK", modality="future"),),
    ),
    EventDoc(
        "f2",
        "2026-04-09",
        "Coastal Wire",
        "Government forces shelled the Varna bridge near Oskel on Thursday, wounding 5 "
        "soldiers, the army said.",
        (EventSpec("shelled", "ART_MISS_ATTACK", injured=("5",)),),
    ),
    EventDoc(
        "h1",
        "2026-04-10",
        "Valley Monitor",
        HOSTILE,
        (EventSpec("Shelling", "ART_MISS_ATTACK", fatalities=("2",)),),
    ),
)
DOCS = (*LINK_DOCS, *MORE_DOCS)
# Who did it to whom, where the document names them (document name -> actor, target).
ARGS = {
    "e1": (None, "the market"),
    "f1": ("Rebels", "Oskel"),
    "f2": ("Government forces", "the Varna bridge"),
}
MODALITY_CUES = {"denied": "denied", "future": "threatened to"}


def figure_of(ex: Extraction, text: str) -> Quantity:
    [q] = [q for q in ex.quantities if q.text == text]
    return q


def event_figure(q: Quantity) -> EventFigure:
    return EventFigure(q.id, q.text, q.start, q.end, q.value, q.lower, q.upper, q.bound)


def arg(text: str, words: str | None) -> EventArg | None:
    if words is None:
        return None
    start = text.index(words)
    return EventArg(words, start, start + len(words))


def with_events(ex: Extraction, doc: EventDoc) -> Extraction:
    """The document's events as its spec gives them, over what extraction found: the figures
    by their text, the claim's time, place and first source; each claim tied to its
    sentence's events."""
    text = ex.document.text
    sources = {a.id: a for a in ex.attributions}
    events = []
    for spec in doc.events:
        start = text.index(spec.trigger)
        [claim] = [c for c in ex.claims if c.start <= start < c.end]
        said = [sources[i] for i in claim.attribution_ids if i in sources]
        source = None
        if said:
            a = said[0]
            source = EventSource(
                a.id, a.attributed_to, a.attributed_to_canonical, a.source_kind, a.source_actor_id
            )
        actor, target = ARGS.get(doc.name, (None, None))
        events.append(
            Event(
                doc_id=ex.document.id,
                start=start,
                end=start + len(spec.trigger),
                text=spec.trigger,
                code=spec.code,
                confidence=1.0,
                modality=spec.modality,
                modality_cue=MODALITY_CUES.get(spec.modality),
                actor=arg(text, actor),
                target=arg(text, target),
                fatalities=tuple(event_figure(figure_of(ex, t)) for t in spec.fatalities),
                injured=tuple(event_figure(figure_of(ex, t)) for t in spec.injured),
                attributed_to=source,
                sentence_index=claim.sentence_index,
                when=claim.when,
                where=claim.where,
            )
        )
    ex.items["events"] = events
    ex.claims = [
        replace(c, event_ids=tuple(e.id for e in events if e.sentence_index == c.sentence_index))
        for c in ex.claims
    ]
    return ex


@dataclass
class Ledger:
    db: DB
    folder: Path
    events: dict[str, Event]  # document name -> its (one) event
    doc_ids: dict[str, str]  # document name -> id


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers) -> Ledger:
    folder = tmp_path_factory.mktemp("desk-events")
    docs = [
        Document(text=d.text, source=f"{d.name}.txt", published=d.published, outlet=d.outlet)
        for d in DOCS
    ]
    # Everything but the event extractor; the events are the spec's.
    kinds = frozenset(ALL_KINDS - {"events"})
    extracted = []
    for d, ex in zip(DOCS, extract_all(docs, Settings(workers=1), kinds), strict=True):
        assert isinstance(ex, Extraction), ex
        extracted.append(with_events(ex, d))
    db = ledgers.at(folder / "ledger.db")
    with open_store(db) as store:
        store.ensure_run("r", "v", "m", {})
        for ex in extracted:
            store.write(ex, "r")
    done = run_cli("link", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return Ledger(
        db,
        folder,
        {d.name: ex.items["events"][0] for d, ex in zip(DOCS, extracted, strict=True)},
        {d.name: ex.document.id for d, ex in zip(DOCS, extracted, strict=True)},
    )


@pytest.fixture(scope="module")
def server(ledger: Ledger) -> Iterator[Server]:
    s = Server(ledger.db).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log and "error on" not in log, log


def listed(server: Server, query: str = "") -> list[dict[str, Any]]:
    data = server.get_json(f"/events.json?per_page=200{query}")
    events: list[dict[str, Any]] = data["events"]
    assert data["total"] == len(events)
    return events


def names(ledger: Ledger, events: list[dict[str, Any]]) -> set[str]:
    by_id = {v: k for k, v in ledger.doc_ids.items()}
    return {by_id[e["doc_id"]] for e in events}


def page(server: Server, path: str) -> str:
    r = server.get(path)
    assert r.status == 200, (path, r.status, r.body[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def visible(html: str) -> str:
    """A page's text as a reader sees it (tags dropped, entities read)."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


# -- the events page --------------------------------------------------------------------------
def test_the_events_page_lists_every_mention(server: Server, ledger: Ledger) -> None:
    events = listed(server)
    assert names(ledger, events) == {d.name for d in DOCS}
    for e in events:
        assert e["kind"] == "event" and e["id"] == ledger.events[names(ledger, [e]).pop()].id
        assert e["marked"]["trigger"] == e["text"]  # the trigger, marked in its sentence
        assert "".join(e["marked"].values()) == e["sentence"]
        assert e["modality_words"].startswith(e["modality"] + ":")
    [strike] = [e for e in events if e["doc_id"] == ledger.doc_ids["e1"]]
    assert strike["type"]["name"] == strike["event_type"] == "Air/drone strike"
    assert strike["type"]["category"] == "Explosions/Remote violence"
    assert (strike["dead"], strike["injured_text"]) == ("“12”", "“30”")
    assert strike["target"]["text"] == "the market"
    assert strike["reported_by"] == "the regional governor"
    assert strike["document"]["outlet"] == "Northern Herald"
    assert strike["cluster"] is not None and strike["day"] == "2026-04-06"
    [twelve] = [e for e in events if e["doc_id"] == ledger.doc_ids["e2"]]
    assert twelve["dead_readings"] == [
        {"quantity_id": twelve["fatalities"][0]["quantity_id"], "text": "Twelve", "reading": "12"}
    ]
    assert twelve["dead"] == "“Twelve” (12)"


def test_the_events_page_in_html(server: Server, ledger: Ledger) -> None:
    html = page(server, "/events")
    assert '<a href="/events">Events</a>' in html  # in the nav
    strike = ledger.events["e1"]
    row = html[html.index(f'id="e-{strike.id}"') :]
    row = row[: row.index("</tr>")]
    assert '<mark class="trigger">air strike</mark>' in row
    assert "Air/drone strike" in row and "asserted: the text says it happened" in row
    text = visible(row)
    assert "→ the market" in text and "no actor named" in text
    assert "dead: “12”" in text and "injured: “30”" in text
    assert "the regional governor" in text
    assert "e1.txt" in text and "Northern Herald · 2026-04-07" in text
    assert f'href="/events?cluster={ledger_cluster(server, strike.id)}"' in row
    assert f'href="/events/{strike.id}"' in row
    assert f'href="/documents/{strike.doc_id}"' in row
    actors = html[html.index(f'id="e-{ledger.events["f2"].id}"') :]
    assert "Government forces" in actors[: actors.index("</tr>")]


def ledger_cluster(server: Server, event_id: str) -> str:
    cluster: str = server.get_json(f"/events/{event_id}.json")["cluster"]
    return cluster


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("event_type=AIR_STRIKE", {"e1", "e2", "e3", "e5", "e6", "e7"}),
        ("event_type=air%2Fdrone+strike", {"e1", "e2", "e3", "e5", "e6", "e7"}),
        ("event_type=ART_MISS_ATTACK", {"e4", "f2", "h1"}),
        ("event_type=Attack", {"f1"}),
        ("modality=denied", {"e5"}),
        ("modality=future", {"f1"}),
        ("modality=asserted&event_type=AIR_STRIKE", {"e1", "e2", "e3", "e6", "e7"}),
        ("has_casualties=no", {"e5", "f1"}),
        ("has_casualties=yes&event_type=ART_MISS_ATTACK", {"e4", "f2", "h1"}),
        ("event_type=CHEM_WEAP", set()),
    ],
)
def test_the_events_page_filters(
    server: Server, ledger: Ledger, query: str, expected: set[str]
) -> None:
    assert names(ledger, listed(server, "&" + query)) == expected
    html = page(server, f"/events?{query}")
    assert html.count('class="event-row') == len(expected)


def test_the_events_page_filters_by_cluster_and_document(server: Server, ledger: Ledger) -> None:
    cluster = ledger_cluster(server, ledger.events["e1"].id)
    assert names(ledger, listed(server, f"&cluster={cluster}")) == {"e1", "e2", "e3"}
    html = page(server, f"/events?cluster={cluster}")
    assert 'id="cluster-filter"' in html and html.count('class="event-row') == 3
    assert f'<input type="hidden" name="cluster" value="{cluster}">' in html
    docs = f"&doc={ledger.doc_ids['e4']}&doc={ledger.doc_ids['f1']}"
    assert names(ledger, listed(server, docs)) == {"e4", "f1"}
    assert listed(server, "&cluster=0123456789abcdef") == []


def test_the_events_page_selects_its_filters(server: Server) -> None:
    data = server.get_json("/events.json?event_type=air/drone%20strike&modality=asserted")
    assert data["filter"]["event_type"]["code"] == "AIR_STRIKE"
    assert data["filter"]["modality"] == "asserted"
    html = page(server, "/events?event_type=air/drone%20strike&modality=denied")
    assert re.search(r'<option value="AIR_STRIKE" selected>Air/drone strike \(6\)</option>', html)
    assert re.search(r'<option value="denied" selected>denied: ', html)
    # a type the ledger lacks is still shown as what is filtered by
    html = page(server, "/events?event_type=CHEM_WEAP")
    assert '<option value="CHEM_WEAP" selected>Chemical weapon (0)</option>' in html


def test_paging_the_events_page(server: Server) -> None:
    first = server.get_json("/events.json?per_page=4")
    assert (first["total"], first["pages"], len(first["events"])) == (len(DOCS), 3, 4)
    every = [
        e["id"]
        for p in (1, 2, 3)
        for e in server.get_json(f"/events.json?per_page=4&page={p}")["events"]
    ]
    assert len(set(every)) == len(DOCS)
    html = page(server, "/events?per_page=4&page=2")
    assert 'rel="prev"' in html and 'rel="next"' in html and "page 2 of 3" in html


# -- what did not happen ------------------------------------------------------------------------
def test_denied_and_future_events_are_shown_as_such(server: Server, ledger: Ledger) -> None:
    events = {names(ledger, [e]).pop(): e for e in listed(server)}
    for name, modality in (("e5", "denied"), ("f1", "future")):
        e = events[name]
        assert e["modality"] == modality and e["stated_as_happened"] is False
        assert e["cluster"] is None
        data = server.get_json(f"/events/{e['id']}.json")
        assert data["stated_as_happened"] is False and data["mentions"] == []
        assert data["n_documents"] == 1
        text = visible(page(server, f"/events/{e['id']}"))
        assert f"not stated as happened · {modality}:" in text
        assert "not linked to other documents: the text does not say it happened" in text
    html = page(server, "/events?modality=denied")
    denial = "denied: the text reports a denial, not that it happened"
    assert f"not stated as happened · {denial}" in visible(html)
    assert "(cue: “denied”)" in visible(html)
    assert 'class="event-row not-happened"' in html


def test_counts_never_count_what_did_not_happen(server: Server) -> None:
    counts = server.get_json("/events.json")["counts"]
    assert counts["mentions"] == len(DOCS)
    assert counts["asserted"] == len(DOCS) - 2  # not the denied strike, not the threat
    assert counts["clustered"] == len(DOCS) - 2  # every asserted one has a place and day
    assert counts["clusters_across"] == 1  # the Monday strike on Brevna
    types = {t["code"]: t for t in server.get_json("/events.json")["types"]}
    assert (types["AIR_STRIKE"]["events"], types["AIR_STRIKE"]["asserted"]) == (6, 5)
    assert (types["ATTACK"]["events"], types["ATTACK"]["asserted"]) == (1, 0)
    overview = server.get_json("/index.json")["events"]
    assert overview == counts
    html = page(server, "/")
    assert f'<dd id="n-events"><a href="/events">{len(DOCS)}</a></dd>' in html
    assert f"{len(DOCS) - 2} asserted</a> (happened, as the text says); 1 reported by two" in html


# -- one event across documents -------------------------------------------------------------------
def test_an_event_page_sets_the_outlets_tolls_side_by_side(server: Server, ledger: Ledger) -> None:
    strike = ledger.events["e1"]
    data = server.get_json(f"/events/{strike.id}.json")
    assert data["id"] == strike.id and data["n_documents"] == 3
    assert names(ledger, data["mentions"]) == {"e2", "e3"}
    assert data["tolls"]["dead_differ"] is True and data["tolls"]["injured_differ"] is False
    assert data["tolls"]["dead"] == [
        {"reading": "12", "mentions": 2, "by": ["Northern Herald", "Coastal Wire"]},
        {"reading": "25", "mentions": 1, "by": ["Valley Monitor"]},
    ]
    assert data["tolls"]["injured"] == [
        {"reading": "30", "mentions": 2, "by": ["Northern Herald", "Coastal Wire"]}
    ]
    assert [f["text"] for f in data["fatality_figures"]] == ["12"]
    assert [f["text"] for f in data["injured_figures"]] == ["30"]
    [claim] = data["claims"]
    assert "killing 12 people" in claim["text"]
    html = page(server, f"/events/{strike.id}")
    text = visible(html)
    assert (
        "The documents give different figures for this event: dead 12 (Northern Herald, "
        "Coastal Wire) · 25 (Valley Monitor)." in text
    )
    assert "one event reported by 3 documents (2026-04-06)" in text
    table = html[html.index('id="mentions"') : html.index("</table>", html.index('id="mentions"'))]
    assert table.count('<tr class="mention') == 3
    for outlet, dead in (("Coastal Wire", "“Twelve” (12)"), ("Valley Monitor", "“25”")):
        row = table[table.index(outlet) :]
        row = visible(row[: row.index("</tr>")])
        assert dead in row, row
    assert f'href="/claims/{claim["id"]}"' in html


def test_an_event_in_no_other_document(server: Server, ledger: Ledger) -> None:
    shelling = ledger.events["e4"]
    data = server.get_json(f"/events/{shelling.id}.json")
    assert data["cluster"] is not None and data["n_documents"] == 1 and data["mentions"] == []
    text = visible(page(server, f"/events/{shelling.id}"))
    assert "one event reported by 1 document" in text
    assert "different figures" not in text


def test_unknown_events_are_404(server: Server) -> None:
    for path in (
        "/events/0123456789abcdef",
        "/events/nope",
        "/events/%3Cscript%3E",
        "/events/0123456789ABCDEF",
    ):
        for suffix in ("", ".json"):
            r = server.get(path + suffix)
            assert r.status == 404, (path, r.status)
            if suffix:
                assert r.json()["error"].startswith("no event with id ")
                assert "/events lists them" in r.json()["error"]
            else:
                assert "no event with id" in r.text and "<script>" not in r.text


# -- the worklist and a claim's page --------------------------------------------------------------
def test_the_worklist_filters_by_event_type(server: Server, ledger: Ledger) -> None:
    def claims(query: str) -> set[str]:
        data = server.get_json(f"/claims.json?label=all&per_page=200&{query}")
        by_id = {v: k for k, v in ledger.doc_ids.items()}
        return {by_id[c["doc_id"]] for c in data["claims"]}

    strikes = {"e1", "e2", "e3", "e5", "e6", "e7"}  # the denied one too: any modality
    assert claims("event_type=AIR_STRIKE") == strikes
    assert claims("event_type=air%2Fdrone%20STRIKE") == strikes
    assert claims("event_type=Attack") == {"f1"}
    assert claims("event_type=CHEM_WEAP") == set()
    data = server.get_json("/claims.json?label=all&event_type=air/drone%20strike")
    assert data["event_type"] == {
        "code": "AIR_STRIKE",
        "name": "Air/drone strike",
        "category": "Explosions/Remote violence",
        "plover_event": "ASSAULT",
    }
    html = page(server, "/claims?label=all&event_type=AIR_STRIKE")
    assert '<option value="AIR_STRIKE" selected>Air/drone strike</option>' in html
    assert '<optgroup label="Explosions/Remote violence">' in html
    assert 'id="event-type-filter"' in html and html.count('class="claim-row"') == len(strikes)
    plain = page(server, "/claims")
    assert '<option value="AIR_STRIKE">Air/drone strike</option>' in plain
    assert 'id="event-type-filter"' not in plain


def test_a_claims_page_lists_its_events(server: Server, ledger: Ledger) -> None:
    strike = ledger.events["e1"]
    [claim] = server.get_json(f"/events/{strike.id}.json")["claims"]
    data = server.get_json(f"/claims/{claim['id']}.json")
    [event] = data["events"]
    assert event["id"] == strike.id and event["n_documents"] == 3
    assert event["type"]["name"] == "Air/drone strike" and event["stated_as_happened"] is True
    html = page(server, f"/claims/{claim['id']}")
    section = html[html.index('<h2 id="events">') : html.index("<h2>In context</h2>")]
    text = visible(section)
    assert '“<mark class="trigger">air strike</mark>”' in section
    assert "Air/drone strike “ air strike ” asserted: the text says it happened" in text
    assert "who → whom: no actor named → the market" in text
    assert "dead: “12”" in text and "injured: “30”" in text
    assert "reported by: the regional governor" in text
    assert "reported by 3 documents" in text
    assert f'href="/events/{strike.id}"' in section
    denied = ledger.events["e5"]
    [claim] = server.get_json(f"/events/{denied.id}.json")["claims"]
    section = page(server, f"/claims/{claim['id']}")
    section = section[section.index('<h2 id="events">') : section.index("<h2>In context</h2>")]
    assert "not stated as happened · denied:" in visible(section)
    assert 'class="event-item not-happened"' in section
    every = server.get_json("/claims.json?label=all&per_page=200")["claims"]
    [quiet] = [c for c in every if "200 families" in c["text"]]
    assert server.get_json(f"/claims/{quiet['id']}.json")["events"] == []
    assert "no event mentioned in this sentence" in page(server, f"/claims/{quiet['id']}")


# -- hostile input -------------------------------------------------------------------------------
def test_a_hostile_event_sentence_is_shown_inertly(server: Server, ledger: Ledger) -> None:
    hostile = ledger.events["h1"]
    for path in ("/events", f"/events/{hostile.id}"):
        html = page(server, path)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "\u202e" not in html and "U+202E" in html
    data = server.get_json(f"/events/{hostile.id}.json")
    assert data["marked"]["trigger"] == "Shelling" and data["sentence"] == HOSTILE
    assert data["dead"] == "“2”"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "event_type=%3Cscript%3Ealert(1)%3C/script%3E",
            "event type '<script>alert(1)</script>' is neither",
        ),
        ("event_type=" + "x" * 600, "longer than 500 characters"),
        (
            "modality=maybe",
            "modality must be asserted, negated, denied, hypothetical, future or any",
        ),
        ("cluster=%3Cb%3E", "cluster must be an event's id across documents"),
        ("cluster=0123456789abcdeg", "cluster must be"),
        ("doc=..%2F..%2Fetc", "doc must be a document's id"),
        ("has_casualties=perhaps", "has_casualties must be yes, no or any"),
        ("page=0", "page must be a whole number from 1 to"),
        ("per_page=201", "per_page must be a whole number from 1 to 200"),
        ("page=99999999999999999999999", "page must be a whole number"),
    ],
)
def test_hostile_event_filters_are_400(server: Server, query: str, message: str) -> None:
    r = server.get(f"/events.json?{query}")
    assert r.status == 400, (query, r.status, r.body[:300])
    assert message in r.json()["error"], r.json()["error"]
    html = server.get(f"/events?{query}")
    assert html.status == 400 and "Traceback" not in html.text
    assert "<script>alert" not in html.text and "<b>" not in html.text


@pytest.mark.parametrize("value", ["NOPE", "%3Cscript%3E", "%00", "Air%2Fdrone", "x" * 501])
def test_hostile_worklist_event_types_are_400(server: Server, value: str) -> None:
    r = server.get(f"/claims.json?event_type={value}")
    assert r.status == 400, (value, r.status, r.body[:300])
    error = r.json()["error"]
    assert "event type" in error or "longer than 500" in error or "NUL character" in error
    html = server.get(f"/claims?event_type={value}")
    assert html.status == 400 and "<script>" not in html.text


def test_the_largest_event_page_is_empty_not_an_error(server: Server) -> None:
    last = server.get_json("/events.json?page=1000000&per_page=200")
    assert last["events"] == [] and last["page"] == 1000000


# -- the report -----------------------------------------------------------------------------------
def test_the_report_gives_each_claims_events(ledger: Ledger) -> None:
    out = ledger.folder / "report"
    ids = [ledger.doc_ids[n] for n in ("e1", "e5", "f1", "h1")]
    api.report(ledger.db, ids, out)
    strike = (out / f"doc-{ledger.doc_ids['e1']}.html").read_text(encoding="utf-8")
    assert (
        'events:<ul class="events"><li>Air/drone strike “air strike” (asserted: the text says '
        "it happened) · (no actor named) → the market · place: “Brevna” (not in the gazetteer), "
        "named in the sentence · time: “on Monday” → 2026-04-06 · dead: “12” · injured: “30” · "
        "reported by: the regional governor</li></ul>"
    ) in strike
    for name, words in (
        ("e5", "(denied: the text reports a denial, not that it happened)"),
        ("f1", "(future: threatened or planned, not reported as having happened)"),
    ):
        report = (out / f"doc-{ledger.doc_ids[name]}.html").read_text(encoding="utf-8")
        line = report[report.index('events:<ul class="events">') :]
        assert line.startswith('events:<ul class="events"><li><span class="not-happened">')
        assert words in line[: line.index("</ul>")]
    hostile = (out / f"doc-{ledger.doc_ids['h1']}.html").read_text(encoding="utf-8")
    assert "<script>alert" not in hostile and "<img src" not in hostile
    assert "Shelling of &lt;img" in hostile and "dead: “2”" in hostile


def test_an_event_page_names_documents_by_address_as_well(server: Server, ledger: Ledger) -> None:
    html = page(server, f"/events/{ledger.events['e1'].id}")
    assert f'<a href="/documents/{ledger.doc_ids["e2"]}" title="e2.txt">e2.txt</a>' in html
    assert quote("AIR_STRIKE") in html


# -- layout ------------------------------------------------------------------------------------
@pytest.mark.parametrize("width", (1024, 1400))
def test_event_tables_break_no_word(
    browser: Browser,  # noqa: F811
    server: Server,
    ledger: Ledger,
    width: int,
) -> None:
    strike = ledger.events["e1"]
    [claim] = server.get_json(f"/events/{strike.id}.json")["claims"]
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        pg = context.new_page()
        for path in ("/events", f"/events/{strike.id}", f"/claims/{claim['id']}", "/claims"):
            pg.goto(server.url + path)
            assert pg.locator("table").count() >= 1, path
            broken = pg.evaluate(BROKEN_WORDS)
            assert broken == [], f"{path} at {width} px breaks words: {broken}"
    finally:
        context.close()
