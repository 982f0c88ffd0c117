"""Repeat finding: MinHash signatures, band keys, the index and its clusters (invented
wire-style passages about invented places)."""

from __future__ import annotations

import pytest

from claimledger.link import repeats as rp

BRIDGE = (
    "VARNHOLM — The regional council of Varnholm said on Tuesday that the new bridge over "
    "the Elster river would open in the spring, after two years of delays caused by flooding "
    "and a dispute over the contract. Officials said the crossing would carry about 9,000 "
    "vehicles a day once it is finished."
)
BRIDGE_EDITED = (
    "The regional council of Varnholm said on Wednesday that the new bridge over the Elster "
    "river would open in the summer, after two years of delays caused by flooding and a "
    "dispute over the contract. Officials said the crossing would carry about 9,000 vehicles "
    "a day once it is finished. (Reporting by Ana Petrel; Editing by Tomas Grell)"
)
HARBOUR = (
    "KESTRAVA — Dock workers in the port of Kestrava ended a four-day strike on Monday after "
    "the harbour authority agreed to review shift pay, a union spokeswoman said, adding that "
    "ferries to the outer islands would resume their normal timetable by the weekend."
)
# same topic, same place, different text
BRIDGE_OTHER = (
    "Engineers inspecting the Elster crossing in Varnholm found no new damage after the "
    "floods, the council's transport office said, and traffic will keep using the old "
    "ferry link until the contractor hands the bridge over to the city."
)
SHORT = "The council did not respond to a request for comment."


def _index() -> rp.RepeatIndex:
    return rp.RepeatIndex()


def test_exact_copy_is_found() -> None:
    index = _index()
    assert index.add("p1", "d1", BRIDGE, "2026-03-02") == []
    found = index.add("p2", "d2", BRIDGE, "2026-03-03")
    assert [(m.a, m.b) for m in found] == [("p1", "p2")]
    assert found[0].similarity == pytest.approx(1.0)


def test_case_punctuation_and_whitespace_do_not_matter() -> None:
    shouted = " ".join(BRIDGE.upper().replace(",", "").replace(".", " ").split())
    assert rp.normalise(shouted) == rp.normalise(BRIDGE)
    assert rp.signature(shouted) == rp.signature(BRIDGE)


def test_light_edit_is_found() -> None:
    index = _index()
    index.add("p1", "d1", BRIDGE, "2026-03-02")
    found = index.add("p2", "d2", BRIDGE_EDITED, "2026-03-03")
    assert [(m.a, m.b) for m in found] == [("p1", "p2")]
    assert rp.THRESHOLD <= found[0].similarity < 1.0


def test_truncated_copy_is_found() -> None:
    index = _index()
    index.add("p1", "d1", BRIDGE, "2026-03-02")
    first_sentence = BRIDGE.split(". ")[0] + "."
    assert [m.a for m in index.add("p2", "d2", first_sentence, "2026-03-04")] == ["p1"]


def test_different_text_is_not_found() -> None:
    index = _index()
    index.add("p1", "d1", BRIDGE, "2026-03-02")
    assert index.add("p2", "d2", HARBOUR, "2026-03-02") == []
    assert index.add("p3", "d3", BRIDGE_OTHER, "2026-03-02") == []
    assert index.clusters() == []


def test_short_passages_are_skipped() -> None:
    assert len(rp.words(SHORT)) < rp.MIN_WORDS
    assert not rp.judgeable(SHORT)
    assert rp.sign("p1", "d1", SHORT, None) is None
    index = _index()
    assert index.add("p1", "d1", SHORT, None) == []
    assert index.add("p2", "d2", SHORT, None) == []
    assert index.skipped == {"p1", "p2"}
    assert index.passages == {}


def test_same_document_is_not_a_repeat() -> None:
    index = _index()
    index.add("p1", "d1", BRIDGE, None)
    assert index.add("p2", "d1", BRIDGE, None) == []


def test_clusters_and_earliest_seen() -> None:
    index = _index()
    # added out of date order: the earliest published is the earliest seen
    index.add("late", "d3", BRIDGE_EDITED, "2026-03-05")
    index.add("first", "d1", BRIDGE, "2026-03-01")
    index.add("undated", "d4", BRIDGE, None)
    index.add("middle", "d2", BRIDGE, "2026-03-02")
    index.add("harbour", "d5", HARBOUR, "2026-03-01")
    index.add("harbour2", "d6", HARBOUR + " Ferries were full.", "2026-03-03")
    clusters = index.clusters()
    assert [c.members for c in clusters] == [
        ("first", "middle", "late", "undated"),
        ("harbour", "harbour2"),
    ]
    assert clusters[0].earliest == "first"
    assert clusters[0].cluster_id == rp.cluster_id("first")
    assert index.cluster_of()["late"] == rp.cluster_id("first")
    assert all(index.passages[m.a].order <= index.passages[m.b].order for m in index.matches())


def test_index_is_incremental() -> None:
    """A later batch is linked against what is indexed already, without re-adding it; the
    result equals indexing everything at once."""
    old = [("p1", "d1", BRIDGE, "2026-03-01"), ("p2", "d2", HARBOUR, "2026-03-01")]
    new = [("p3", "d3", BRIDGE_EDITED, "2026-03-04"), ("p4", "d4", BRIDGE_OTHER, "2026-03-04")]
    index = _index()
    for p in old:
        index.add(*p)
    assert index.matches() == []
    found = [m for p in new for m in index.add(*p)]
    assert [(m.a, m.b) for m in found] == [("p1", "p3")]
    again = _index()
    for p in reversed(old + new):
        again.add(*p)
    assert again.matches() == index.matches()
    assert again.clusters() == index.clusters()


def test_store_round_trip_of_signed_records() -> None:
    """What a ledger stores (signature bytes, shingle count, band keys) rebuilds the index."""
    index = _index()
    index.add("p1", "d1", BRIDGE, "2026-03-01")
    stored = index.passages["p1"]
    assert len(stored.signature) == 4 * rp.NUM_PERM
    assert stored.keys == tuple(rp.band_keys(stored.signature))
    assert all(-(2**63) <= k < 2**63 for k in stored.keys)
    assert len(set(stored.keys)) == rp.BANDS
    reloaded = rp.RepeatIndex()
    reloaded.add_signed(
        rp.Signed(
            stored.passage_id,
            stored.doc_id,
            stored.published,
            stored.shingles,
            bytes(stored.signature),
            tuple(stored.keys),
        )
    )
    assert reloaded.candidates(stored.keys) == ["p1"]
    assert reloaded.candidates(stored.keys, exclude_doc="d1") == []
    assert [m.a for m in reloaded.add("p2", "d2", BRIDGE_EDITED, "2026-03-02")] == ["p1"]


def test_deterministic() -> None:
    assert rp.signature(BRIDGE) == rp.signature(BRIDGE)
    assert rp.band_keys(rp.signature(BRIDGE)) == rp.band_keys(rp.signature(BRIDGE))
    # pinned: a change of hashing or constants must change SCHEME (and re-sign a ledger)
    assert rp.SCHEME == "minhash-v1:w3:p128:b42r3:min15:containment"
    assert rp.signature(BRIDGE)[:8].hex() == _PINNED_PREFIX
    a, b = _index(), _index()
    for index in (a, b):
        for i, text in enumerate((BRIDGE, BRIDGE_EDITED, HARBOUR, BRIDGE)):
            index.add(f"p{i}", f"d{i}", text, f"2026-03-0{i + 1}")
    assert a.matches() == b.matches()
    assert a.clusters() == b.clusters()


def test_scheme_validation_and_measures() -> None:
    with pytest.raises(ValueError):
        rp.Scheme(bands=50, rows=3)
    assert rp.containment(1.0, 10, 10) == 1.0
    assert rp.containment(0.5, 10, 20) == pytest.approx(1.0)  # 10 in common, all of the smaller
    assert rp.containment(0.0, 10, 20) == 0.0
    assert rp.containment(0.5, 0, 20) == 0.0
    jac = rp.RepeatIndex(scheme=rp.Scheme(measure="jaccard", threshold=0.9))
    jac.add("p1", "d1", BRIDGE, None)
    assert jac.add("p2", "d2", BRIDGE_EDITED, None) == []


def test_empty_and_huge_texts() -> None:
    assert rp.shingle_hashes("").size == 0
    assert rp.signature("") == b"\xff" * (4 * rp.NUM_PERM)
    huge = " ".join(f"w{i}" for i in range(50_000))
    assert len(rp.signature(huge)) == 4 * rp.NUM_PERM


def test_passages_are_paragraphs() -> None:
    text = f"{BRIDGE}\n\n{HARBOUR}\n"
    spans = list(rp.passages(text))
    assert [text[s:e] for s, e in spans] == [BRIDGE, HARBOUR]


_PINNED_PREFIX = "a30c7000f2488105"
