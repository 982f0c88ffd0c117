"""Events in the ledger, in exports and linked across documents (issue 20): the corpus of
tests/data/event_link_corpus.py written to a real SQLite ledger, linked and exported through
the real CLI; the store's event API; the worklist's event-type filter; re-extraction and
old ledgers; link/events and the figure comparison on hand-built figures. The ledgers are
SQLite files and PostgreSQL databases (``backends``); old ledgers are SQLite files.

Until the event extractor is in the component table, the corpus's events are built by hand
over what the other extractors find (``hand_events``). The tests that need the extractor
itself (``needs_extractor``) say so when they skip."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import UsageError
from claimledger.link.compare import Figure, compare
from claimledger.link.events import (
    EventCluster,
    cluster_of,
    event_figures,
    event_place_key,
    names_its_event,
    role_measure,
    with_event_place_and_day,
)
from claimledger.link.measures import Measure
from claimledger.model import (
    Claim,
    Document,
    Event,
    EventArg,
    EventFigure,
    EventSource,
    Extraction,
    Quantity,
    Sentence,
    When,
    Where,
)
from claimledger.pipeline import RECORD_KINDS
from claimledger.present.records import FIELDS, records
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from claimledger.store import ClaimFilter, EventFilter, open_store
from claimledger.store.sqlite import migrations
from tests.conftest import DB, Ledgers, run_cli, version_1_ledger
from tests.data.event_link_corpus import CLUSTERS, DOCS, RELATIONS, UNCLUSTERED, EventDoc

pytestmark = pytest.mark.backends

needs_extractor = pytest.mark.skipif(
    "events" not in RECORD_KINDS,
    reason="waits on the events component in pipeline.py (extract --what events)",
)


def ok(*args: str) -> str:
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def export(db: DB, what: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in ok("export", "--db", str(db), "--what", what).splitlines()]


def figure_of(ex: Extraction, text: str) -> Quantity:
    [q] = [q for q in ex.quantities if q.text == text]
    return q


def event_figure(q: Quantity) -> EventFigure:
    return EventFigure(q.id, q.text, q.start, q.end, q.value, q.lower, q.upper, q.bound)


def hand_events(ex: Extraction, doc: EventDoc) -> Extraction:
    """The document's events as its spec gives them, built over what extraction found: the
    trigger's words, the figures by their text, the time and place of the trigger's
    sentence (as claims have them); each claim tied to its sentence's events."""
    text = ex.document.text
    events = []
    for spec in doc.events:
        start = text.index(spec.trigger)
        [claim] = [c for c in ex.claims if c.start <= start < c.end]
        events.append(
            Event(
                doc_id=ex.document.id,
                start=start,
                end=start + len(spec.trigger),
                text=spec.trigger,
                code=spec.code,
                confidence=1.0,
                modality=spec.modality,
                modality_cue="denied" if spec.modality == "denied" else None,
                fatalities=tuple(event_figure(figure_of(ex, t)) for t in spec.fatalities),
                injured=tuple(event_figure(figure_of(ex, t)) for t in spec.injured),
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


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    docs = [
        Document(text=d.text, source=f"{d.name}.txt", published=d.published, outlet=d.outlet)
        for d in DOCS
    ]
    out = {}
    for d, ex in zip(DOCS, extract_all(docs, Settings(workers=1)), strict=True):
        assert isinstance(ex, Extraction)
        out[d.name] = hand_events(ex, d)
    return out


def write(db: DB, extractions: list[Extraction], run: str = "r") -> None:
    with open_store(db) as store:
        store.ensure_run(run, "v", "m", {})
        for ex in extractions:
            store.write(ex, run)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path:
    return tmp_path_factory.mktemp(f"events-{backend}")  # the exports of one backend's ledgers


@pytest.fixture(scope="module")
def linked(folder: Path, extracted: dict[str, Extraction], ledgers: Ledgers) -> DB:
    """The corpus stored, then linked by `claimledger link`."""
    db = ledgers.at(folder / "linked.db")
    write(db, list(extracted.values()))
    done = run_cli("link", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert f"linked {len(DOCS)} documents" in done.stderr
    assert "6 events clustered" in done.stderr  # every asserted mention; not the denied one
    return db


def names(db: DB) -> dict[str, str]:
    """Document id -> the corpus's name for it."""
    return {d["id"]: d["source"].removesuffix(".txt") for d in export(db, "documents")}


def figure_names(db: DB) -> dict[str, str]:
    docs = names(db)
    return {q["id"]: f"{docs[q['doc_id']]}:{q['text']}" for q in export(db, "quantities")}


def relations(db: DB) -> dict[frozenset[str], str]:
    figs = figure_names(db)
    return {
        frozenset((figs[r["a"]], figs[r["b"]])): r["kind"]
        for g in export(db, "figure_groups")
        for r in g["relations"]
    }


# -- the ledger: stored, loaded, exported ----------------------------------------------------


def test_events_round_trip(
    folder: Path, extracted: dict[str, Extraction], ledgers: Ledgers
) -> None:
    db = ledgers.at(folder / "round.db")
    write(db, list(extracted.values()))
    with open_store(db, readonly=True) as store:
        for ex in extracted.values():
            back = store.load(ex.document.id)
            assert back.items["events"] == ex.items["events"]
            assert back.claims == ex.claims
            assert any(c.event_ids for c in back.claims)


def test_events_export_with_their_clusters(linked: DB) -> None:
    docs = names(linked)
    events = export(linked, "events")
    assert len(events) == sum(len(d.events) for d in DOCS)
    by_cluster: dict[str | None, set[str]] = {}
    for e in events:
        assert list(e) == [f for f in FIELDS["event"] if f not in ("line", "record")]
        by_cluster.setdefault(e["cluster"], set()).add(docs[e["doc_id"]])
        assert e["sentence"].find(e["text"]) >= 0
    assert by_cluster.pop(None) == set(UNCLUSTERED)
    assert sorted(map(sorted, by_cluster.values())) == sorted(map(sorted, CLUSTERS.values()))
    [strike] = [e for e in events if docs[e["doc_id"]] == "e1"]
    assert strike["event_type"] == "Air/drone strike" and strike["code"] == "AIR_STRIKE"
    assert strike["event_category"] == "Explosions/Remote violence"
    assert (strike["plover_event"], strike["plover_mode"]) == ("ASSAULT", "aerial")
    assert strike["stated_as_happened"] is True and strike["modality"] == "asserted"
    assert [f["text"] for f in strike["fatalities"]] == ["12"]
    assert strike["fatalities"][0]["value"] == 12
    assert [f["text"] for f in strike["injured"]] == ["30"]
    assert strike["place"]["text"] == "Brevna" and strike["time_start"] == "2026-04-06"
    [denied] = [e for e in events if docs[e["doc_id"]] == "e5"]
    assert denied["stated_as_happened"] is False and denied["modality_cue"] == "denied"


def test_event_figures_are_compared_within_their_event_only(linked: DB) -> None:
    found = relations(linked)
    wrong = [
        (a, b, kind, found.get(frozenset((a, b))), why)
        for a, b, kind, why in RELATIONS
        if found.get(frozenset((a, b))) != kind
    ]
    assert not wrong


def test_rebuild_and_incremental_linking_agree(
    folder: Path, linked: DB, extracted: dict[str, Extraction], ledgers: Ledgers
) -> None:
    def state(db: DB) -> tuple[Any, ...]:
        events = sorted((e["id"], e["cluster"]) for e in export(db, "events"))
        groups = sorted(json.dumps(g, sort_keys=True) for g in export(db, "figure_groups"))
        return events, groups

    copy = ledgers.copy(linked, folder / "rebuilt.db")
    ok("link", "--db", str(copy), "--rebuild")
    assert state(copy) == state(linked)
    one_by_one = ledgers.at(folder / "one_by_one.db")
    for ex in extracted.values():
        write(one_by_one, [ex])
        ok("link", "--db", str(one_by_one))
    assert state(one_by_one) == state(linked)


def test_store_event_api(linked: DB) -> None:
    docs = names(linked)
    with open_store(linked, readonly=True) as store:
        page = store.event_page(EventFilter(event_type="air/drone strike"))
        assert page.total == 6 and all(h.event.code == "AIR_STRIKE" for h in page.items)
        assert page.items[0].event.when.time_start == "2026-04-07"  # latest day first
        denied = store.event_page(EventFilter(modality="denied"))
        assert [docs[h.event.doc_id] for h in denied.items] == ["e5"]
        assert denied.items[0].cluster is None
        assert store.event_page(EventFilter(has_casualties=False)).total == 1
        [e1] = [h for h in store.iter_events() if docs[h.event.doc_id] == "e1"]
        detail = store.event(e1.id)
        assert detail is not None and detail.hit.cluster is not None
        assert {docs[m.event.doc_id] for m in detail.mentions} == {"e2", "e3"}
        assert detail.n_documents == 3
        assert {m.outlet for m in detail.mentions} == {"Coastal Wire", "Valley Monitor"}
        assert all(m.day == "2026-04-06" for m in detail.mentions)
        assert [p.item.text for p in detail.fatalities] == ["12"]
        assert [p.item.text for p in detail.injured] == ["30"]
        assert [h.claim.event_ids for h in detail.claims] == [(e1.id,)]
        assert store.event("no-such-event") is None
        types = {t.code: t for t in store.event_types()}
        assert types["AIR_STRIKE"].events == 6 and types["AIR_STRIKE"].asserted == 5
        assert types["AIR_STRIKE"].clusters == 3 and types["ART_MISS_ATTACK"].events == 1
        assert types["AIR_STRIKE"].name == "Air/drone strike"
        counts = store.link_counts()
        assert counts["events"] == 7 and counts["clustered_events"] == 6
        assert counts["event_clusters"] == 4 and counts["event_clusters_across"] == 1


def test_worklist_filters_by_event_type(linked: DB) -> None:
    texts = {d.name: d.text for d in DOCS}
    with open_store(linked, readonly=True) as store:
        shelling = store.claim_page(ClaimFilter(event_type="ART_MISS_ATTACK"))
        assert [h.claim.text for h in shelling.items] == [texts["e4"]]
        by_name = store.claim_page(ClaimFilter(event_type="Shelling/artillery/missile attack"))
        assert by_name.total == 1
        assert store.claim_page(ClaimFilter(event_type="AIR_STRIKE")).total == 6
    out = ok("claims", "--db", str(linked), "--event-type", "art_miss_attack", "--format", "jsonl")
    assert [json.loads(line)["text"] for line in out.splitlines()] == [texts["e4"]]
    with pytest.raises(UsageError, match="event type"):
        ClaimFilter(event_type="carpet bombing")
    with pytest.raises(UsageError, match="modality"):
        EventFilter(modality="rumoured")
    done = run_cli("claims", "--db", str(linked), "--event-type", "nope")
    assert done.returncode == 2 and "event type 'nope'" in done.stderr


def test_events_export_as_csv_and_parquet(linked: DB, folder: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    out = folder / "events.csv"
    ok("export", "--db", str(linked), "--what", "events", "--format", "csv", "-o", str(out))
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(FIELDS["event"]) and len(rows) == 7
    assert json.loads(next(r for r in rows if r["injured"] != "[]")["injured"])[0]["text"] == "30"
    out = folder / "events.parquet"
    ok("export", "--db", str(linked), "--what", "events", "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.column_names == list(FIELDS["event"]) and table.num_rows == 7
    claims = folder / "claims.parquet"
    ok("export", "--db", str(linked), "--what", "claims", "--format", "parquet", "-o", str(claims))
    assert "event_ids" in pq.read_table(claims).column_names


def test_reextracting_a_document_replaces_its_events(
    folder: Path, linked: DB, extracted: dict[str, Extraction], ledgers: Ledgers
) -> None:
    db = ledgers.copy(linked, folder / "again.db")
    e3 = extracted["e3"]
    # extracted again (another run) without its event: its mention leaves the cluster
    write(db, [replace(e3, items={**e3.items, "events": []})], run="r2")
    with open_store(db, readonly=True) as store:
        assert store.link_counts()["clustered_events"] == 5
        [e1] = [h for h in store.iter_events() if h.event.doc_id == extracted["e1"].document.id]
        detail = store.event(e1.id)
        assert detail is not None and detail.n_documents == 2
    ok("link", "--db", str(db))
    found = relations(db)
    # a figure of no event is compared with every figure of its block, the shelling's too
    assert found[frozenset(("e3:25", "e4:Three"))] == "contradiction"
    assert found[frozenset(("e1:12", "e3:25"))] == "contradiction"
    assert frozenset(("e2:Twelve", "e4:Three")) not in found
    # and with it back: the cluster is whole again
    write(db, [e3], run="r3")
    ok("link", "--db", str(db))
    assert relations(db) == relations(linked)


def test_old_ledger_upgrades_to_events(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    version_1_ledger(db)
    done = run_cli("upgrade", "--db", str(db))
    assert done.returncode == 0 and f"schema version {len(migrations())}" in done.stderr
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        members = {r[1] for r in conn.execute("PRAGMA table_info(figure_members)")}
    conn.close()
    assert {"events", "event_figures", "claim_events", "event_clusters"} <= tables
    assert "event_cluster" in members
    assert len(migrations()) == 10


# -- records without a ledger ----------------------------------------------------------------

TEXT = "An air strike hit Varnel on Monday, killing 7 people, the army said."


def tiny() -> Extraction:
    """A one-sentence extraction built by hand (no NLP): a figure and an air strike."""
    doc = Document(text=TEXT, source="tiny.txt")
    sentence = Sentence(doc.id, 0, 0, 0, len(TEXT), TEXT)
    where = Where("Varnel", 18, 24, None, None, None, None, None, None, None, 0.5)
    when = When("on Monday", 25, 34, "2026-04-06", "2026-04-06", "day", "2026-04-07")
    q = Quantity(doc.id, 44, 45, "7", 7, 7, 7, "count", "exact", quantified="people")
    q = replace(q, sentence_index=0, when=when, where=where)
    event = Event(
        doc.id, 3, 13, "air strike", "AIR_STRIKE", 0.93,
        actor=EventArg("the army", 54, 62, "X/military"),
        target=EventArg("Varnel", 18, 24),
        fatalities=(event_figure(q),),
        attributed_to=EventSource("a1", "the army", "army", "organization"),
        sentence_index=0, when=when, where=where,
    )  # fmt: skip
    claim = Claim(
        doc.id, 0, 0, len(TEXT), TEXT, 0.9, "claim", ("event",), (q.id,),
        when=when, where=where, event_ids=(event.id,),
    )  # fmt: skip
    ex = Extraction(document=doc, date="2026-04-07", sentences=[sentence], quantities=[q])
    ex.claims = [claim]
    ex.items["events"] = [event]
    return ex


def test_event_record_from_extract() -> None:
    ex = tiny()
    [rec] = records(ex, "events")
    assert list(rec) == [f for f in FIELDS["event"] if f != "record"]  # no record number
    assert TEXT[rec["start"] : rec["end"]] == rec["text"] == "air strike"
    assert rec["cluster"] is None and rec["stated_as_happened"] is True
    assert rec["confidence"] == 0.93
    assert rec["actor"] == {"text": "the army", "start": 54, "end": 62, "actor_id": "X/military"}
    assert TEXT[rec["actor"]["start"] : rec["actor"]["end"]] == rec["actor"]["text"]
    assert rec["target"]["actor_id"] is None
    assert rec["fatalities"] == [
        {
            "quantity_id": ex.quantities[0].id, "text": "7", "start": 44, "end": 45,
            "value": 7, "lower": 7, "upper": 7, "bound": "exact",
        }
    ]  # fmt: skip
    assert rec["attributed_to"]["canonical"] == "army" and rec["injured"] == []
    assert rec["place"]["text"] == "Varnel" and rec["time_kind"] == "day"
    [claim] = records(ex, "claims")
    assert claim["event_ids"] == [ex.items["events"][0].id]


def test_tiny_round_trip(tmp_path: Path, ledgers: Ledgers) -> None:
    ex = tiny()
    db = ledgers.at(tmp_path / "tiny.db")
    write(db, [ex])
    with open_store(db, readonly=True) as store:
        back = store.load(ex.document.id)
        assert back.items["events"] == ex.items["events"]
        assert back.claims == ex.claims
        [hit] = list(store.iter_events())
        assert hit.cluster is None and hit.sentence == TEXT


# -- link/events and the comparison ----------------------------------------------------------


def test_clusters_come_from_type_place_and_day() -> None:
    [event] = tiny().items["events"]
    c = cluster_of(event, "2026-04-07")
    assert c is not None and (c.code, c.place_key, c.day) == (
        "AIR_STRIKE",
        "name:varnel",
        "2026-04-06",
    )
    upper = replace(event, where=replace(event.where, text="VARNEL"), start=40, end=41)
    again = cluster_of(upper, "2026-04-09")
    assert again is not None and again.id == c.id  # another mention, same key: same id
    undated = replace(event, when=When())
    by_date = cluster_of(undated, "2026-04-07")
    assert by_date is not None and by_date.day == "2026-04-07"  # the document's date
    assert cluster_of(undated, None) is None
    assert cluster_of(replace(event, where=Where()), "2026-04-07") is None
    for modality in ("negated", "denied", "hypothetical", "future"):
        assert cluster_of(replace(event, modality=modality), "2026-04-07") is None
    resolved = replace(event.where, geonames_id=123)
    assert event_place_key(resolved) == "geonames:123"
    assert cluster_of(replace(event, code="ART_MISS_ATTACK"), None) != c


def test_event_figures_take_their_events_place_and_day() -> None:
    ex = tiny()
    [q] = ex.quantities
    bare = replace(q, where=Where(), when=When(anchor="2026-04-07"))
    cluster = EventCluster("AIR_STRIKE", "name:varnel", "2026-04-06", "Varnel")
    placed = with_event_place_and_day(bare, cluster)
    assert placed.where.text == "Varnel" and placed.when.time_start == "2026-04-06"
    assert placed.when.kind == "day" and placed.when.anchor == "2026-04-07"
    assert with_event_place_and_day(q, cluster) is q  # its own place and day are kept
    ex.quantities = [bare]
    event = ex.items["events"][0]
    ex.items["events"] = [replace(event, fatalities=(event_figure(bare),))]
    [figure] = event_figures([], ex.quantities, ex.sentences, ex.items["events"], ex.date)
    cluster_again = cluster_of(event, ex.date)
    assert cluster_again is not None and figure.event == cluster_again.id
    assert figure.measure.thing == "killed" and figure.measure.population == "people"
    assert figure.measure.nature == "daily" and figure.quantity.where.text == "Varnel"
    denied = [replace(e, modality="denied") for e in ex.items["events"]]
    assert event_figures([], ex.quantities, ex.sentences, denied, ex.date) == []


def test_an_event_figure_without_counted_words_counts_its_role() -> None:
    [q] = tiny().quantities
    bare = replace(q, quantified=None)
    assert role_measure(bare, "injured") == Measure("wounded", "people", "count", "daily")
    civilians = replace(q, quantified="civilians")
    assert role_measure(civilians, "fatalities") == Measure("killed", "civilians", "count", "daily")
    assert role_measure(replace(q, unit="%"), "fatalities") is None


def test_a_mention_naming_only_casualties_marks_no_figure() -> None:
    ex = tiny()
    [event] = ex.items["events"]
    assert names_its_event(event) and not names_its_event(replace(event, text="were killed"))
    bare = [replace(event, text="wounded")]
    figures = event_figures([], ex.quantities, ex.sentences, bare, ex.date)
    assert figures == []  # the plain figures given (none here) are kept as they are


def test_compare_never_relates_two_events_dead() -> None:
    [q] = tiny().quantities
    m = Measure("killed", "people", "count", "daily")
    other = replace(q, doc_id="other", start=0, end=1, text="3", value=3, lower=3, upper=3)
    a, b = Figure(q, m, (7, 7)), Figure(other, m, (3, 3))
    plain = compare(a, b)
    assert plain is not None and plain.kind == "contradiction"
    assert compare(replace(a, event="strike"), replace(b, event="shelling")) is None
    assert compare(replace(a, event="strike"), b) is not None  # one of them an event's only
    elsewhere = replace(other, where=Where("Kovno"), when=When())
    c = Figure(elsewhere, m, (3, 3))
    assert compare(a, c) is None
    same = compare(replace(a, event="strike"), replace(c, event="strike"))
    assert same is not None and same.kind == "contradiction"  # one event: one place and day


# -- with the extractor -----------------------------------------------------------------------


@needs_extractor
def test_extracted_events_link_as_the_corpus_expects(folder: Path, ledgers: Ledgers) -> None:
    corpus = folder / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for d in DOCS:
            row = {"text": d.text, "published": d.published, "outlet": d.outlet, "title": d.name}
            fh.write(json.dumps(row) + "\n")
    db = ledgers.at(folder / "extracted.db")
    done = run_cli("ingest", str(corpus), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    titles = {d["id"]: d["title"] for d in export(db, "documents")}
    events = export(db, "events")
    found = {(titles[e["doc_id"]], e["code"], e["modality"]) for e in events}
    expected = {(d.name, s.code, s.modality) for d in DOCS for s in d.events}
    assert expected <= found
    clusters: dict[str, set[str]] = {}
    for e in events:
        if e["cluster"] is not None and e["code"] in ("AIR_STRIKE", "ART_MISS_ATTACK"):
            clusters.setdefault(e["cluster"], set()).add(titles[e["doc_id"]])
    assert sorted(map(sorted, clusters.values())) == sorted(map(sorted, CLUSTERS.values()))
    quantities = {q["id"]: f"{titles[q['doc_id']]}:{q['text']}" for q in export(db, "quantities")}
    pairs = {
        frozenset((quantities[r["a"]], quantities[r["b"]])): r["kind"]
        for g in export(db, "figure_groups")
        for r in g["relations"]
    }
    wrong = [(a, b, k) for a, b, k, _ in RELATIONS if pairs.get(frozenset((a, b))) != k]
    assert not wrong


@needs_extractor
def test_extract_prints_event_records(tmp_path: Path) -> None:
    path = tmp_path / "e1.txt"
    path.write_text(DOCS[0].text, encoding="utf-8")
    out = ok("extract", "--what", "events", str(path))
    recs = [json.loads(line) for line in out.splitlines()]
    assert recs and all(r["kind"] == "event" and r["cluster"] is None for r in recs)
    for r in recs:
        assert list(r) == [f for f in FIELDS["event"] if f != "record"]
        assert DOCS[0].text[r["start"] : r["end"]] == r["text"]
