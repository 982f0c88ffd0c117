"""Event mentions (claimledger.extract.events): the hand-checked set, every field exact, and
the rules it rests on (modality, argument spans, trigger merges, figures, claims' events,
places filled after resolution)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from claimledger.extract.events import classify
from claimledger.extract.events.taxonomy import CODES
from claimledger.model import Document, Event, Extraction
from claimledger.pipeline import extract_document, parse
from claimledger.settings import Settings
from tests.data.event_set import ANAPHORA, CHECK, CHECK2, TUNE, Case, Ev

CASES = (*TUNE, *CHECK, *CHECK2, *ANAPHORA)
FIELDS = ("code", "trigger", "modality", "actor", "target", "place", "time", "dead", "hurt",
          "source")  # fmt: skip


def _uniform(text: str, path: str | None = None) -> dict[str, float]:
    return dict.fromkeys(CODES, 1.0 / len(CODES))


def _contrary(text: str, path: str | None = None) -> dict[str, float]:
    """A classifier that prefers the codes the lexicon lists last: where the words decide,
    the result must not change."""
    n = len(CODES)
    return {c: (i + 1) / (n * (n + 1) / 2) for i, c in enumerate(CODES)}


def extract_text(text: str) -> Extraction:
    settings = Settings(workers=1)
    doc = Document(text=text, source="t")
    for d, parsed in parse([doc], settings):
        return extract_document(d, parsed, settings)
    raise AssertionError("nothing parsed")


def events_of(text: str) -> list[Event]:
    return list(extract_text(text).items.get("events", []))


def as_row(e: Event) -> tuple[Any, ...]:
    return (
        e.code,
        e.text,
        e.modality,
        e.actor.text if e.actor else None,
        e.target.text if e.target else None,
        e.where.text,
        e.when.text,
        tuple(f.text for f in e.fatalities),
        tuple(f.text for f in e.injured),
        e.attributed_to.text if e.attributed_to else None,
    )


def expected_row(e: Ev) -> tuple[Any, ...]:
    return (e.code, e.trigger, e.modality, e.actor, e.target, e.place, e.time, e.dead, e.hurt,
            e.source)  # fmt: skip


def diff(case: Case, got: list[Event]) -> str:
    lines = [case.text]
    want = [expected_row(e) for e in case.events]
    have = [as_row(e) for e in got]
    for i in range(max(len(want), len(have))):
        w = want[i] if i < len(want) else None
        h = have[i] if i < len(have) else None
        if w == h:
            continue
        if w is None or h is None:
            lines.append(f"  event {i}: expected {w}, got {h}")
            continue
        for name, a, b in zip(FIELDS, w, h, strict=True):
            if a != b:
                lines.append(f"  event {i} {name}: expected {a!r}, got {b!r}")
    return "\n".join(lines)


@pytest.fixture(autouse=True)
def _classifier(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(classify, "type_scores", _uniform)
    yield


@pytest.mark.parametrize("case", CASES, ids=[f"{c.part}-{i}" for i, c in enumerate(CASES)])
def test_hand_set(case: Case) -> None:
    got = events_of(case.text)
    assert [as_row(e) for e in got] == [expected_row(e) for e in case.events], diff(case, got)


def test_set_covers_the_issue() -> None:
    per_code = Counter(e.code for c in CASES for e in c.events)
    assert len(CASES) >= 255 and len(per_code) >= 24, (len(CASES), len(per_code))
    assert min(per_code.values()) >= 5, per_code  # no type with a case or two only
    assert sum(1 for c in CASES if c.part == "check2") >= 40
    assert {c.style for c in CASES} == {"wire", "statement", "advocacy"}
    modalities = {e.modality for c in CASES for e in c.events}
    assert modalities == {"asserted", "negated", "denied", "hypothetical", "future"}
    assert sum(1 for c in CASES if not c.events) >= 18  # non-events
    assert sum(1 for c in CASES if len(c.events) == 2) >= 5  # two-event sentences
    assert sum(1 for c in CASES if c.part == "anaphora") >= 12


def test_words_decide_not_the_classifier(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a classifier that prefers other codes, every event of the set is the same: the
    sentence's words decide each one's type."""
    monkeypatch.setattr(classify, "type_scores", _contrary)
    wrong = []
    for case in CASES:
        got = events_of(case.text)
        if [as_row(e) for e in got] != [expected_row(e) for e in case.events]:
            wrong.append(diff(case, got))
        elif not all(e.confidence == 1.0 for e in got):
            wrong.append(f"{case.text}: chosen by the classifier")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "modality", "cue"),
    [
        ("Rebels did not attack the base.", "negated", "not"),
        ("No shelling was reported in Korsk.", "negated", "No"),
        ("No missiles were fired at Velmora.", "negated", "no"),
        ("The army denied carrying out the air strike.", "denied", "denied"),
        ("The ministry rejected claims that its jets struck a hospital.", "denied", "rejected"),
        ("Rebels threatened to shell the airport.", "future", "threatened"),
        ("The army will launch an offensive.", "future", "will"),
        ("Militants are expected to attack the convoy.", "future", "expected"),
        ("Rebels could attack the convoy.", "hypothetical", "could"),
        ("If the militia attacks the camp, we will respond.", "hypothetical", "If"),
        ("Rebels attacked an army post.", "asserted", None),
        ("The shelling of Brenmar must stop.", "asserted", None),
    ],
)
def test_modality(text: str, modality: str, cue: str | None) -> None:
    (event,) = events_of(text)
    assert (event.modality, event.modality_cue) == (modality, cue)
    assert event.happened == (modality == "asserted")


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The Northern Front, a rebel group, attacked an army post near Dravik.",
         "The Northern Front", "an army post"),
        ("Soldiers and police clashed with rebels.", "Soldiers and police", "rebels"),
        ("Police detained the journalist Mira Talen.", "Police", "the journalist Mira Talen"),
        ("The army's attack on the village of Korsk was condemned.", "The army",
         "the village of Korsk"),
        ("The army said it had struck rebel positions.", "The army", "rebel positions"),
        ("Gunmen who attacked a village fled.", "Gunmen", "a village"),
        ("Rebels fired rockets at the town.", "Rebels", "the town"),
        ("Two officers were shot by gunmen on Tuesday.", "gunmen", "Two officers"),
    ],
)  # fmt: skip
def test_arg_spans(text: str, actor: str, target: str) -> None:
    (event,) = events_of(text)
    assert event.actor is not None and event.target is not None
    assert (event.actor.text, event.target.text) == (actor, target)
    assert text[event.actor.start : event.actor.end] == actor


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The air force carried out an air strike on Korsk.", "air strike", "AIR_STRIKE"),
        ("The two sides struck a deal.", "deal", "AGREEMENT"),
        ("A drone strike hit a car.", "drone strike", "AIR_STRIKE"),
        ("A bomb attack killed four soldiers.", "bomb attack", "REM_EXPLOS"),
        ("Rebels attacked the base, killing 12 soldiers.", "attacked", "ARMED_CLASH"),
        ("Gunmen killed 5 villagers.", "killed", "ATTACK"),
        ("Police defused a bomb.", "defused", "DISR_WEAP"),
        ("Teachers went on strike.", "went on strike", "PEACE_PROTEST"),
        ("Shells landed on the market.", "landed", "ART_MISS_ATTACK"),
        ("Rockets rained down on the town.", "rained", "ART_MISS_ATTACK"),
        ("The militia set up a new base in the hills.", "set up a new base", "HQ_ESTABLISHED"),
        ("The army opened a headquarters in the town.", "opened a headquarters",
         "HQ_ESTABLISHED"),
        ("Rebels lobbed grenades at the patrol.", "grenades", "GRENADE"),
        ("Rebels pulled out of the town.", "pulled out", "NON_VIOL_TERRIT_TRANSFER"),
        ("The rebel brigade disbanded its fighters.", "disbanded", "CHANGE_TO_GROUP_ACT"),
        ("A mob looted shops.", "looted", "MOB_VIOL"),
        ("The army bombarded the town.", "bombarded", "ART_MISS_ATTACK"),
        ("Soldiers were accused of raping women.", "raping", "SEX_VIOL"),
    ],
)  # fmt: skip
def test_one_event_per_trigger(text: str, trigger: str, code: str) -> None:
    (event,) = events_of(text)
    assert (event.text, event.code) == (trigger, code)


def test_figures_link_to_their_quantities() -> None:
    text = "Rebels attacked a village, killing at least 12 people and wounding 30 others."
    ex = extract_text(text)
    (event,) = ex.items["events"]
    quantities = {q.id: q for q in ex.quantities}
    (dead,) = event.fatalities
    (hurt,) = event.injured
    assert (dead.text, dead.value, dead.lower, dead.bound) == ("at least 12", 12, 12, "at_least")
    assert (hurt.text, hurt.value) == ("30", 30)
    assert quantities[dead.quantity_id].text == "at least 12"
    assert text[dead.start : dead.end] == dead.text


def test_claims_list_their_events_and_places_are_resolved() -> None:
    text = "Shelling killed 4 people in Kyiv on Monday. Talks resumed."
    ex = extract_text(text)
    (event,) = ex.items["events"]
    first, second = ex.claims
    assert first.event_ids == (event.id,) and second.event_ids == ()
    assert event.where.text == "Kyiv" and event.where.geonames_id is not None
    assert event.where.country_code == "UA"


def test_source_and_actor_ids() -> None:
    ex = extract_text("The Northern Front attacked an army post, the ministry said.")
    (event,) = ex.items["events"]
    assert event.attributed_to is not None and event.attributed_to.text == "the ministry"
    assert event.actor is not None and event.actor.actor_id is not None


@pytest.mark.parametrize(
    "text",
    [
        "The opposition attacked the budget plan.",
        "Velmora United beat Korsk City in a clash of the titans.",
        "The minister was fired after the scandal.",
        "Lawmakers face an uphill battle to pass the bill.",
        "Riot police patrolled the streets.",
        "Attack helicopters flew over the city.",
        "The bill came under attack from senators.",
        "Critics attacked the minister over the deal.",
        "Two banks merged on Monday.",
        "The president dissolved parliament.",
        "Farmers are fighting a losing battle against falling prices.",
        "The plane landed safely at the airport.",
    ],
)
def test_non_events(text: str) -> None:
    assert events_of(text) == []


def test_to_death_counts_the_dead() -> None:
    (event,) = events_of("Soldiers beat three prisoners to death.")
    assert [f.text for f in event.fatalities] == ["three"] and event.injured == ()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebels overran the Tolvane airfield.", "Tolvane"),  # a name compounded to a site
        ("Gunmen attacked a Merovar school.", "Merovar"),
        ("Fighters defected from the Eastern Legion.", None),  # a group, not a place
        ("Rebels pulled out of Ketterby.", "Ketterby"),  # "out of"
        ("Workers in Tolvane threatened to go on strike.", "Tolvane"),  # in the actor's phrase
    ],
)
def test_places_named_as_written(text: str, place: str | None) -> None:
    (event,) = events_of(text)
    assert event.where.text == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # no earlier event of a compatible type (an arrest is none of a strike's types)
        ("Police arrested five men in Korsk on Monday. The Front denied carrying out the strike.",
         "strike"),
        # too far: another paragraph, four sentences back
        ("A drone strike hit a fuel depot in Tolvane on Monday.\n\nTalks on aid resumed in the "
         "capital. The minister visited Korsk. Schools reopened there.\n\nThe Front denied "
         "carrying out the strike.", "strike"),
        # a new event, not one named before
        ("A drone strike hit a fuel depot in Tolvane on Monday. Another strike hit the town on "
         "Tuesday.", "strike"),
        ("A drone strike hit a fuel depot in Tolvane on Monday. The latest raid hit the town "
         "on Tuesday.", "raid"),
        # its own words decide: a weapon in its sentence
        ("A drone strike hit a fuel depot in Tolvane. The attack was carried out with mortars.",
         "attack"),
        # the antecedent's type was the classifier's, not its words'
        ("Rebels denied the raid in Tolvane. The attack was condemned.", "attack"),
        # no type of the anaphor's own candidates: a bombing is never an armed clash
        ("Rebels attacked an army post in Tolvane. The bombing was condemned.", "bombing"),
    ],
)  # fmt: skip
def test_anaphor_without_antecedent_stays(text: str, trigger: str) -> None:
    """A definite trigger with no antecedent the rule takes (extract/events/anaphora.py) is
    typed as its sentence alone types it, whatever the classifier prefers."""
    last = text.split("\n")[-1].split(". ")[-1]
    for scores in (_uniform, _contrary):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(classify, "type_scores", scores)
            (*_, got) = (e for e in events_of(text) if e.text == trigger)
            (alone,) = (e for e in events_of(last) if e.text == trigger)
        assert (got.code, got.confidence, got.modality) == (
            alone.code,
            alone.confidence,
            alone.modality,
        )
