"""Rules of the toponym resolver, each with invented or generic cases of its own, and the
gazetteer's on-disk cache (claimledger.extract.places)."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from claimledger.evaluation import geoparsing as gp
from claimledger.extract.places import find_toponyms, resolve
from claimledger.extract.places import gazetteer as gz
from claimledger.extract.places.names import demonym_forms
from tests.test_places import _Doc, _Ent  # the entities-only fakes


def _one(names: list[str], index: int = 0) -> tuple[str | None, str | None, str | None]:
    place = resolve(names)[index]
    return place.country_code, place.admin1, place.feature_class


# -- capitals ------------------------------------------------------------------------------


def test_a_bare_capital_name_is_the_capital_not_the_region() -> None:
    (place,) = resolve(["Washington"])
    assert place.feature_class == "P"
    assert place.admin1 == "Washington, D.C."


def test_the_region_wins_when_the_story_is_about_its_towns() -> None:
    place = resolve(["Washington", "Seattle", "Spokane"])[0]
    assert (place.country_code, place.admin1, place.feature_class) == ("US", "Washington", "A")


def test_a_capital_matched_only_by_an_alternate_name_gets_no_capital_bonus() -> None:
    # "Mexico" is also an alternate name of Mexico City: the country must win
    assert _one(["Mexico"]) == ("MX", None, "A")


# -- demonyms, other spellings, constituent countries, abbreviations ----------------------


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Tunisian", "TN"),
        ("Iraqis", "IQ"),
        ("Armenian", "AM"),
        ("Republic of Armenia", "AM"),
        ("Holy See", "VA"),
        ("People's Republic of China", "CN"),
    ],
)
def test_demonyms_and_other_spellings_of_countries(name: str, country: str) -> None:
    place = resolve([name])[0]
    assert place.country_code == country
    assert place.feature_class == "A"
    assert place.admin1 is None


def test_demonym_forms_add_plurals_of_the_an_kind_only() -> None:
    assert demonym_forms("Tunisian") == ["tunisian", "tunisians"]
    assert demonym_forms("Iraqi") == ["iraqi", "iraqis"]
    assert demonym_forms("Swiss") == ["swiss"]
    assert demonym_forms("Englishman") == ["englishman"]
    assert demonym_forms("") == []


def test_a_continent_adjective_is_the_continent() -> None:
    place = resolve(["European"])[0]
    assert (place.name, place.feature_class) == ("Europe", "L")


def test_constituent_countries_are_their_first_level_region() -> None:
    assert _one(["Wales"]) == ("GB", "Wales", "A")
    assert _one(["Scotland", "Glasgow"]) == ("GB", "Scotland", "A")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["B.C.", "Vancouver"], ("CA", "British Columbia", "A")),
        (["NSW"], ("AU", "New South Wales", "A")),
        (["Ont."], ("CA", "Ontario", "A")),
    ],
)
def test_province_and_state_abbreviations(names: list[str], expected: tuple[str, str, str]) -> None:
    assert _one(names) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Enugu State", ("NG", "Enugu", "A")),
        ("Oyo state", ("NG", "Oyo", "A")),
        ("Kharkiv Oblast", ("UA", "Kharkiv", "A")),
        ("Lyon City", ("FR", "Auvergne-Rhône-Alpes", "P")),
    ],
)
def test_a_generic_word_after_a_name_is_dropped_keeping_its_kind(
    name: str, expected: tuple[str, str, str]
) -> None:
    assert _one([name]) == expected


def test_a_generic_word_never_finds_an_entry_of_another_kind() -> None:
    # "Texas Township" may only mean a town named Texas, never the state
    place = resolve(["Texas Township"])[0]
    assert place.feature_class in ("P", None)


# -- second-level regions (counties) ------------------------------------------------------


def test_a_county_takes_the_state_of_the_story() -> None:
    county, town = resolve(["Marion County", "Indianapolis"])
    assert (county.country_code, county.admin1, county.feature_class) == ("US", "Indiana", "A")
    assert county.geonames_id is not None
    assert county.name == "Marion County"
    assert county.lat is not None and county.lon is not None
    assert town.lat is not None and town.lon is not None
    assert gp.km(county.lat, county.lon, town.lat, town.lon) < 60
    assert county.confidence > 0.5


def test_a_county_alone_is_a_guess_with_low_confidence() -> None:
    (county,) = resolve(["Marion County"])
    assert county.country_code == "US"
    assert 0.0 < county.confidence < 0.3


def test_counties_outside_the_united_states() -> None:
    assert _one(["Cambridgeshire"]) == ("GB", "England", "A")


def test_local_homonym_follows_the_county_and_state() -> None:
    paris = resolve(["Paris", "Lamar County", "Texas"])[0]
    assert (paris.country_code, paris.admin1) == ("US", "Texas")


# -- toponyms from spaCy's entities ---------------------------------------------------------


def test_demonym_entities_count_as_toponyms_other_groups_do_not() -> None:
    text = "Tunisian officials met Republicans and Europeans in Velmora."
    doc = _Doc(
        text,
        [
            _Ent("Tunisian", 0, "NORP"),
            _Ent("Republicans", 23, "NORP"),
            _Ent("Europeans", 39, "NORP"),
            _Ent("Velmora", 52, "GPE"),
        ],
    )
    found = find_toponyms(doc)
    assert [(t.text, t.label) for t in found] == [
        ("Tunisian", "NORP"),
        ("Europeans", "NORP"),
        ("Velmora", "GPE"),
    ]
    assert all(text[t.start : t.end] == t.text for t in found)


# -- country points ------------------------------------------------------------------------


def test_a_country_spread_over_far_territories_has_its_main_land_point() -> None:
    # the contiguous states' geographic centre is near 39.8 N 98.6 W
    (us,) = resolve(["United States"])
    assert us.lat is not None and us.lon is not None
    assert gp.km(us.lat, us.lon, 39.83, -98.58) < 161


def test_an_ordinary_country_keeps_a_central_point() -> None:
    (france,) = resolve(["France"])
    assert france.lat is not None and france.lon is not None
    assert gp.km(france.lat, france.lon, 46.5, 2.5) < 161


def test_unknown_names_keep_text_null_id_and_zero_confidence() -> None:
    (place,) = resolve(["Vrelnoshka Gorge"])
    assert (place.text, place.geonames_id, place.lat, place.confidence) == (
        "Vrelnoshka Gorge",
        None,
        None,
        0.0,
    )


# -- the cache -----------------------------------------------------------------------------


def _tiny() -> gz._Builder:
    builder = gz._Builder()
    builder.add(gz.Entry(1, "Ostravel", "admin1", "ZZ", "01", 10.0, 20.0, 5000), ["Ostravel"], [])
    builder.add(
        gz.Entry(2, "Kelmark", "place", "ZZ", "01", 10.5, 20.5, 900, capital=True),
        ["Kelmark"],
        ["Kelmarken", "Кельмарк"],
    )
    builder.add(gz.Entry(3, "Kelmark", "place", "ZY", "", 1.0, 2.0, 50), ["Kelmark"], [])
    return builder


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gz, "_build", _tiny)
    monkeypatch.setattr(gz, "_fingerprint", lambda: "test")


def _answers(gazetteer: gz.Gazetteer) -> list[object]:
    return [
        gazetteer.lookup("Kelmark"),
        gazetteer.lookup("kelmarken"),
        gazetteer.lookup("Кельмарк"),
        gazetteer.lookup("Nowhere"),
        gazetteer.admin1_name("ZZ", "01"),
    ]


@pytest.mark.usefixtures("tiny")
def test_cache_file_is_built_once_and_gives_the_answers_of_memory(tmp_path: Path) -> None:
    path = gz._cached(tmp_path)
    assert path.exists() and path.parent == tmp_path
    assert not list(tmp_path.glob("*.tmp"))  # the temporary file was renamed into place
    mtime = path.stat().st_mtime_ns
    assert gz._cached(tmp_path) == path and path.stat().st_mtime_ns == mtime
    on_disk = gz.Gazetteer(path)
    conn = sqlite3.connect(":memory:")
    gz._write(_tiny(), conn)
    in_memory = gz.Gazetteer(None, memory=conn)
    assert _answers(on_disk) == _answers(in_memory)
    found = on_disk.lookup("Kelmark")
    assert [e.geonames_id for e, _ in found] == [2, 3]  # the order of the index is kept
    assert found[0][0].capital and found[0][1] == gz.MAIN
    assert on_disk.lookup("Kelmarken")[0][1] == gz.ALTERNATE
    assert on_disk.lookup("Кельмарк") == []  # non-Latin alternates are not indexed


def _open_in_child(folder: str) -> None:
    gz._build = _tiny  # type: ignore[assignment]  # the child is a fresh process
    gz._fingerprint = lambda: "test"  # type: ignore[assignment]
    assert gz._cached(Path(folder)).exists()


@pytest.mark.usefixtures("tiny")
def test_processes_starting_together_share_one_cache(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_open_in_child, args=(str(tmp_path),)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    assert len(list(tmp_path.glob("gazetteer-*.sqlite"))) == 1
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.usefixtures("tiny")
def test_an_unwritable_cache_folder_falls_back_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("CLAIMLEDGER_CACHE_DIR", str(blocked / "cache"))
    gz.load.cache_clear()
    try:
        gazetteer = gz.load()
        assert gazetteer.path is None
        assert [e.geonames_id for e, _ in gazetteer.lookup("Kelmark")] == [2, 3]
    finally:
        gz.load.cache_clear()


def test_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_CACHE_DIR", str(tmp_path))
    assert gz.cache_dir() == tmp_path
    monkeypatch.delenv("CLAIMLEDGER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert gz.cache_dir() == tmp_path / "xdg" / "claimledger"
