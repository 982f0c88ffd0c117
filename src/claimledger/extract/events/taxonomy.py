"""The event types claimledger names, as the ACLED codebook writes them, with their PLOVER
equivalents.

``TYPES`` has one row per type: the short code the CASE 2021 shared task uses for it
(``AIR_STRIKE``), the ACLED sub-event type as ACLED's codebook writes it ("Air/drone
strike"), its ACLED event type ("Explosions/Remote violence"), and the nearest PLOVER event
and mode (``ASSAULT``, ``aerial``). The 25 ACLED sub-event types come from
``acled_codebook.csv``/``acled_event_categories.csv`` (acledR, GPL-3, codebook metadata only);
the five types CASE 2021 added outside ACLED's taxonomy (organised crime, natural and man-made
disasters, diplomatic events, attribution of responsibility) have no ACLED event type, and
claimledger gives them the category the shared task's note gives them. PLOVER's modes are
those of the PLOVER manual and NGEC's structured codebook.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    code: str  # as CASE 2021 task 2 writes it: AIR_STRIKE
    name: str  # the ACLED sub-event type: "Air/drone strike"
    category: str  # the ACLED event type: "Explosions/Remote violence"
    plover: str  # the PLOVER event: ASSAULT
    plover_mode: str | None  # its mode: aerial
    acled: bool = True  # False for the types CASE 2021 added outside ACLED's taxonomy


BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
OUTSIDE = "Not in the ACLED taxonomy"

TYPES: tuple[EventType, ...] = (
    EventType("ARMED_CLASH", "Armed clash", BATTLES, "ASSAULT", "firearms"),
    EventType("GOV_REGAINS_TERIT", "Government regains territory", BATTLES, "ASSAULT", "firearms"),
    EventType(
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "Non-state actor overtakes territory",
        BATTLES,
        "ASSAULT",
        "firearms",
    ),
    EventType("CHEM_WEAP", "Chemical weapon", EXPLOSIONS, "ASSAULT", "unconventional"),
    EventType("AIR_STRIKE", "Air/drone strike", EXPLOSIONS, "ASSAULT", "aerial"),
    EventType("SUIC_BOMB", "Suicide bomb", EXPLOSIONS, "ASSAULT", "suicide-attack"),
    EventType(
        "ART_MISS_ATTACK",
        "Shelling/artillery/missile attack",
        EXPLOSIONS,
        "ASSAULT",
        "heavy-weapons",
    ),
    EventType("REM_EXPLOS", "Remote explosive/landmine/IED", EXPLOSIONS, "ASSAULT", "explosives"),
    EventType("GRENADE", "Grenade", EXPLOSIONS, "ASSAULT", "explosives"),
    EventType("SEX_VIOL", "Sexual violence", VIOLENCE, "ASSAULT", "sexual"),
    EventType("ATTACK", "Attack", VIOLENCE, "ASSAULT", None),
    EventType("ABDUCT_DISSAP", "Abduction/forced disappearance", VIOLENCE, "ASSAULT", "abduct"),
    EventType("PEACE_PROTEST", "Peaceful protest", PROTESTS, "PROTEST", "demo"),
    EventType("PROTEST_WITH_INTER", "Protest with intervention", PROTESTS, "PROTEST", "demo"),
    EventType(
        "FORCE_AGAINST_PROTEST",
        "Excessive force against protesters",
        PROTESTS,
        "ASSAULT",
        "crowd-control",
    ),
    EventType("VIOL_DEMONSTR", "Violent demonstration", RIOTS, "PROTEST", "riot"),
    EventType("MOB_VIOL", "Mob violence", RIOTS, "PROTEST", "riot"),
    EventType("AGREEMENT", "Agreement", STRATEGIC, "AGREE", None),
    EventType("ARREST", "Arrests", STRATEGIC, "COERCE", "arrest"),
    EventType("CHANGE_TO_GROUP_ACT", "Change to group/activity", STRATEGIC, "MOBILIZE", None),
    EventType("DISR_WEAP", "Disrupted weapons use", STRATEGIC, "COERCE", "seize"),
    EventType(
        "HQ_ESTABLISHED", "Headquarters or base established", STRATEGIC, "MOBILIZE", "troops"
    ),
    EventType("PROPERTY_DISTRUCT", "Looting/property destruction", STRATEGIC, "ASSAULT", "destroy"),
    EventType(
        "NON_VIOL_TERRIT_TRANSFER",
        "Non-violent transfer of territory",
        STRATEGIC,
        "RETREAT",
        "withdraw",
    ),
    EventType("OTHER", "Other", STRATEGIC, "MOBILIZE", None),
    # CASE 2021's "unseen" types, outside ACLED's taxonomy
    EventType("ORG_CRIME", "Organised crime", OUTSIDE, "COERCE", None, acled=False),
    EventType("NATURAL_DISASTER", "Natural disaster", OUTSIDE, "AID", None, acled=False),
    EventType("MAN_MADE_DISASTER", "Man-made disaster", OUTSIDE, "AID", None, acled=False),
    EventType("DIPLO", "Diplomatic event", OUTSIDE, "CONSULT", None, acled=False),
    EventType("ATTRIB", "Attribution of responsibility", OUTSIDE, "ACCUSE", None, acled=False),
)
BY_CODE: dict[str, EventType] = {t.code: t for t in TYPES}
BY_NAME: dict[str, EventType] = {t.name: t for t in TYPES}
CODES: tuple[str, ...] = tuple(t.code for t in TYPES)


def type_fields(code: str) -> dict[str, str | None]:
    """The names a record and the ledger give a code's type: ``event_type`` (the ACLED
    sub-event type), ``event_category``, ``plover_event``, ``plover_mode``; all None for a
    code the taxonomy lacks."""
    t = BY_CODE.get(code)
    return {
        "event_type": t.name if t else None,
        "event_category": t.category if t else None,
        "plover_event": t.plover if t else None,
        "plover_mode": t.plover_mode if t else None,
    }


def by_code(code: str) -> EventType:
    """The type of a CASE-style code; raises KeyError naming the known codes otherwise."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown event type code {code!r}; known: {', '.join(CODES)}") from None
