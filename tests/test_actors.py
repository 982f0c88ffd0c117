"""The actor table and its resolution: a hand-checked set of alias pairs that must and must
not merge (tests/data/actor_pairs.py, 100% required), parent links, neutral kinds, the merging
of people across documents, and the build script's reproducibility."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from claimledger.evaluation import shared_data
from claimledger.link.actors import (
    KINDS,
    Actor,
    ActorContext,
    PersonMention,
    linked,
    load_table,
    merge_people,
    resolve_actor,
    role_kind,
)
from claimledger.link.actors.normalise import key
from tests.conftest import ROOT, require_data
from tests.data.actor_pairs import MERGE, NOT_MERGE, PAIRS, PARENTS, UNRESOLVED, Mention


def resolve(mention: Mention) -> Actor | None:
    if isinstance(mention, str):
        return resolve_actor(mention)
    text, countries = mention
    return resolve_actor(text, ActorContext(frozenset(countries)))


def test_pair_set_is_large_and_balanced() -> None:
    assert len(PAIRS) >= 100
    assert len(MERGE) >= 50 and len(NOT_MERGE) >= 50
    assert all(s for _, _, s, _ in MERGE)
    assert not any(s for _, _, s, _ in NOT_MERGE)


@pytest.mark.parametrize(("a", "b", "should_merge", "why"), PAIRS, ids=[str(p[:2]) for p in PAIRS])
def test_pair(a: Mention, b: Mention, should_merge: bool, why: str) -> None:
    ra, rb = resolve(a), resolve(b)
    merged = ra is not None and rb is not None and ra.id == rb.id
    assert merged == should_merge, f"{a!r} -> {ra}, {b!r} -> {rb}: {why}"


def test_every_mention_resolves_unless_listed() -> None:
    mentions = {m for a, b, *_ in PAIRS for m in (a, b)}
    unresolved = {m for m in mentions if resolve(m) is None}
    assert unresolved == set(UNRESOLVED)


@pytest.mark.parametrize(("part", "whole"), PARENTS)
def test_parent_links(part: str, whole: str) -> None:
    a, b = resolve_actor(part), resolve_actor(whole)
    assert a is not None and b is not None
    assert linked(a, b) and linked(b, a)
    assert a.id != b.id


def test_unrelated_actors_are_not_linked() -> None:
    a, b = resolve_actor("Hamas"), resolve_actor("UN")
    assert a is not None and b is not None and not linked(a, b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.N.", "^UN"),
        ("UN", "^UN"),
        ("the UN's", "^UN"),
        ("Russia’s foreign ministry", "russia 's foreign ministry"),
        ("Côte d’Ivoire", "cote divoire"),
        ("al-Qaeda", "al qaeda"),
        ("Nato", "nato"),
        ("us", "us"),
    ],
)
def test_normalised_keys(text: str, expected: str) -> None:
    assert key(text) == expected


@pytest.mark.parametrize("text", ["us", "who", "un", "the us", "Us"])
def test_short_acronyms_need_capitals(text: str) -> None:
    assert resolve_actor(text) is None


def test_institutions_of_countries() -> None:
    army = resolve_actor("the Russian army")
    assert army is not None
    assert (army.id, army.name, army.kind, army.country, army.parent) == (
        "RUS/military",
        "Armed Forces of Russia",
        "military",
        "RUS",
        "RUS",
    )
    us = resolve_actor("the U.S. military")
    assert us is not None and us.name == "Armed Forces of the United States"


def test_kinds_are_neutral() -> None:
    table = load_table()
    assert {a.kind for a in table.actors.values()} <= set(KINDS)
    judging = re.compile(r"terror|extrem|radical|fanatic|thug|bandit|jihad", re.IGNORECASE)
    role_kinds = {kind for kind, _, _ in table.roles.values()}
    assert not [k for k in (*KINDS, *role_kinds) if judging.search(k)]


@pytest.mark.parametrize(
    ("noun", "kind", "loaded"),
    [
        ("terrorists", "armed_group", True),
        ("the militants", "armed_group", False),
        ("rebels", "armed_group", False),
        ("gunmen", "armed_group", False),
        ("narco-terrorist", "armed_group", True),
        ("Islamic extremists", "armed_group", True),
        ("journalists", "media", False),
        ("refugees", "displaced_people", False),
    ],
)
def test_role_nouns_get_neutral_kinds(noun: str, kind: str, loaded: bool) -> None:
    role = role_kind(noun)
    assert role is not None and (role.kind, role.loaded) == (kind, loaded)


def test_table_meta_records_provenance() -> None:
    meta = load_table().meta
    assert all(s["licence"] and len(s["sha256"]) == 64 for s in meta["sources"])
    assert meta["actors"] == len(load_table().actors)


def groups(mentions: list[PersonMention]) -> list[tuple[int, ...]]:
    return [p.mentions for p in merge_people(mentions)]


def test_people_full_name_and_surname_within_affiliation() -> None:
    mentions = [
        PersonMention("President Olena Kovalenko", "Eastmark", "d1"),
        PersonMention("Kovalenko", "Eastmark", "d2"),
        PersonMention("Olena Kovalenko", "Eastmark", "d3"),
    ]
    assert groups(mentions) == [(0, 1, 2)]


def test_people_same_surname_different_affiliations_stay_apart() -> None:
    mentions = [
        PersonMention("President Kovalenko", "Eastmark", "d1"),
        PersonMention("Kovalenko", "Westland", "d2"),
    ]
    assert groups(mentions) == [(0,), (1,)]


def test_people_different_first_names_never_merge() -> None:
    mentions = [
        PersonMention("Olena Kovalenko", "Eastmark", "d1"),
        PersonMention("Ivan Kovalenko", "Eastmark", "d2"),
        PersonMention("Kovalenko", "Eastmark", "d3"),  # ambiguous: joins neither
    ]
    assert groups(mentions) == [(0,), (1,), (2,)]


def test_people_initial_joins_the_one_matching_first_name() -> None:
    mentions = [
        PersonMention("Olena Kovalenko", "Eastmark", "d1"),
        PersonMention("Ivan Kovalenko", "Eastmark", "d2"),
        PersonMention("O. Kovalenko", "Eastmark", "d3"),
    ]
    assert groups(mentions) == [(0, 2), (1,)]


def test_people_affiliation_is_the_country_for_state_institutions() -> None:
    mentions = [
        PersonMention("Defence Minister Rustem Umerov", "Ukraine's defence ministry", "d1"),
        PersonMention("Umerov", "the Ukrainian government", "d2"),
        PersonMention("Umerov", "Russia", "d3"),
    ]
    people = merge_people(mentions)
    assert [p.mentions for p in people] == [(0, 1), (2,)]
    assert people[0].affiliation == "UKR" and people[0].name == "Rustem Umerov"


def test_people_unaffiliated_full_name_joins_the_one_affiliated() -> None:
    mentions = [
        PersonMention("Olena Kovalenko", "Eastmark", "d1"),
        PersonMention("Olena Kovalenko", None, "d2"),
        PersonMention("Kovalenko", None, "d3"),  # surname without affiliation: alone
    ]
    assert groups(mentions) == [(0, 1), (2,)]


def test_people_ids_are_stable() -> None:
    mentions = [PersonMention("Olena Kovalenko", "Eastmark", "d1")]
    assert merge_people(mentions)[0].id == merge_people(list(mentions))[0].id


def test_build_script_reproduces_the_shipped_table() -> None:
    require_data(shared_data() / "events" / "ngec" / "PLOVER_agents.txt")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "train" / "actors.py"),
            "--check",
            "--shared",
            str(shared_data()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
