"""Toponym resolution (claimledger.extract.places) and the geoparsing gold sets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimledger.evaluation import geoparsing as gp
from claimledger.extract.places import Place, find_toponyms, resolve
from tests.conftest import require_data
from tests.data.places_set import CASES


@pytest.mark.parametrize(("toponyms", "index", "expected"), CASES)
def test_resolution(
    toponyms: list[str], index: int, expected: tuple[str, str | None] | None
) -> None:
    place = resolve(toponyms)[index]
    assert place.text == toponyms[index]
    if expected is None:
        assert place.geonames_id is None
        assert place.lat is None and place.lon is None
        assert place.confidence == 0.0
        return
    country, admin1 = expected
    assert place.geonames_id is not None
    assert place.country_code == country
    if admin1 is not None:
        assert place.admin1 == admin1
    assert 0.0 < place.confidence <= 1.0


def test_paris_texas_is_a_populated_place_with_a_point() -> None:
    paris, texas = resolve(["Paris", "Texas"])
    assert paris.feature_class == "P"
    assert paris.lat is not None and paris.lon is not None
    assert gp.km(paris.lat, paris.lon, 33.66, -95.56) < 20
    assert texas.feature_class == "A"
    assert texas.country_code == "US"


def test_one_answer_per_toponym_in_order() -> None:
    names = ["Kyiv", "Zorbavoskaya", "Kyiv", "Poland"]
    places = resolve(names)
    assert [p.text for p in places] == names
    assert places[0] == places[2]
    assert all(isinstance(p, Place) for p in places)


def test_context_names_help_without_answers() -> None:
    (alone,) = resolve(["Paris"])
    (beside,) = resolve(["Paris"], context=["Texas"])
    assert alone.country_code == "FR"
    assert beside.admin1 == "Texas"


class _Ent:
    def __init__(self, text: str, start: int, label: str) -> None:
        self.text, self.start_char, self.end_char, self.label_ = (
            text,
            start,
            start + len(text),
            label,
        )


class _Doc:
    """Entities only: no tokens, so no untagged name after a preposition is looked at."""

    def __init__(self, text: str, ents: list[_Ent]) -> None:
        self.text, self.ents = text, ents

    def __iter__(self) -> Iterator[object]:
        return iter(())

    def __len__(self) -> int:
        return 0


def test_find_toponyms_keeps_place_entities_with_offsets() -> None:
    text = "Officials in Kharkiv said Reuters saw the Dnipro river."
    doc = _Doc(
        text, [_Ent("Kharkiv", 13, "GPE"), _Ent("Reuters", 26, "ORG"), _Ent("Dnipro", 42, "LOC")]
    )
    found = find_toponyms(doc)
    assert [(t.text, t.label) for t in found] == [("Kharkiv", "GPE"), ("Dnipro", "LOC")]
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.parametrize(
    ("name", "documents", "toponyms"),
    [("GWN", 200, 2401), ("LGL", 588, 4462), ("GeoVirus", 229, 2170)],
)
def test_gold_sets_load_with_offsets(name: str, documents: int, toponyms: int) -> None:
    require_data(gp.gold_folder())
    docs = gp.load(name)
    assert len(docs) == documents
    assert sum(len(d.toponyms) for d in docs) == toponyms
    assert len({d.doc_id for d in docs}) == documents
    for doc in docs:
        for t in doc.toponyms:
            assert doc.text[t.start : t.end] == t.text


def test_scoring_rules() -> None:
    gold = [
        gp.GoldToponym(0, 5, "Paris", 48.85, 2.35, 2988507),
        gp.GoldToponym(10, 15, "Lyon", 45.75, 4.85),
    ]
    near = gp.Guess(0, 5, 48.9, 2.4, 1)
    far = gp.Guess(10, 15, 33.66, -95.56, None)
    tally = gp.score_given(gold, [near, far])
    assert (tally.within, tally.with_id, tally.id_right) == (1, 1, 0)
    e2e = gp.score_end_to_end(gold, [gp.Guess(0, 3, 48.85, 2.35), gp.Guess(20, 25, None, None)])
    assert (e2e.predicted, e2e.matched, e2e.within) == (2, 1, 1)
    assert e2e.precision() == 0.5 and e2e.recall() == 0.5
