"""Kinds of the words around a trigger, one word list per kind: who or what an actor or
target is (armed, of the state, civilian, protesters, workers, territory, weapons, an
abstraction), and the words of a sentence that make it a protest with intervention, a
violent one, sport or a figure of speech.

Matched on lowercased lemmas of the argument's words (its head first). The casualty words
(killed, wounded) are not here: figures take them from ``claimledger.link.measures``.
"""

from __future__ import annotations

from collections.abc import Iterable

# Armed actors and their sites: two of these on both sides make a battle.
ARMED = frozenset(
    {
        "soldier", "troop", "army", "force", "fighter", "rebel", "militant", "insurgent",
        "militia", "militiaman", "guerrilla", "gunman", "police", "policeman", "officer",
        "guard", "post", "base", "checkpoint", "position", "convoy", "patrol", "garrison",
        "battalion", "unit", "brigade", "military", "commando", "paratrooper", "sniper",
        "front", "jihadist", "combatant", "serviceman", "marine", "outpost", "barracks",
        "jet", "aircraft", "drone", "warplane", "helicopter", "artillery", "navy", "gunboat",
        "legion", "regiment", "squad", "enemy",
    }
)  # fmt: skip
# Of these, the ones that make a non-state actor; any of them in an argument wins over STATE.
NON_STATE = frozenset(
    {
        "rebel", "militant", "insurgent", "fighter", "militia", "militiaman", "guerrilla",
        "gunman", "front", "jihadist", "movement", "group", "brigade", "legion", "faction",
        "separatist", "combatant", "insurgency",
    }
)  # fmt: skip
STATE = frozenset(
    {
        "army", "military", "government", "troop", "soldier", "police", "force", "navy",
        "ministry", "marine", "paratrooper", "commando", "guard", "battalion", "regiment",
    }
)  # fmt: skip
# Civilians and civilian places.
CIVILIAN = frozenset(
    {
        "civilian", "villager", "resident", "people", "person", "worshipper", "child",
        "woman", "man", "family", "farmer", "student", "teacher", "journalist", "doctor",
        "patient", "shopper", "passenger", "pilgrim", "worker", "market", "school",
        "hospital", "mosque", "church", "home", "house", "village", "refugee", "camp",
        "clinic", "bus", "wedding", "funeral", "neighbourhood", "neighborhood", "nurse",
        "girl", "boy", "mourner", "trader", "herder", "shepherd", "fisherman", "reporter",
        "medic", "convoy_aid", "shop", "bakery", "crowd",
    }
)  # fmt: skip
PROTESTER = frozenset({"protester", "demonstrator", "marcher", "protest", "rally", "crowd"})
WORKER = frozenset(
    {
        "worker", "teacher", "doctor", "nurse", "employee", "miner", "union", "driver",
        "staff", "docker", "trucker",
    }
)  # fmt: skip
# What a territory is: a place taken or given up.
TERRITORY = frozenset(
    {
        "town", "village", "city", "district", "area", "territory", "region", "hill",
        "airport", "bridge", "base", "province", "valley", "crossing", "port", "control",
        "outskirts", "neighbourhood", "neighborhood", "settlement", "road", "highway",
        "border", "dam", "airfield", "pass", "junction", "island", "oilfield", "field",
        "coast", "coastline", "shore", "locality", "enclave", "stronghold", "suburb",
        "municipality", "county",
    }
)  # fmt: skip
# Facilities a place's name is compounded to ("the Varnek bus station").
FACILITY = frozenset(
    {
        "station", "courthouse", "market", "hospital", "airport", "school", "base", "bridge",
        "square", "mosque", "church", "prison", "camp", "port", "stadium", "hotel",
        "checkpoint", "university", "clinic", "refinery", "depot", "barracks", "harbour",
        "street", "crossing", "office",
    }
)  # fmt: skip
WEAPON = frozenset(
    {
        "weapon", "arm", "ammunition", "rifle", "explosive", "drone", "missile", "rocket",
        "shipment", "cache", "ied", "bomb", "mine", "landmine", "device", "grenade",
        "munition", "launcher",
    }
)  # fmt: skip
# Targets that are ideas, not people or places: an "attack" on them is a figure of speech.
ABSTRACT = frozenset(
    {
        "budget", "plan", "policy", "reform", "proposal", "bill", "reputation", "economy",
        "credibility", "record", "idea", "decision", "ruling", "report", "claim", "freedom",
        "democracy", "press", "law", "constitution", "right", "character", "integrity",
        "judiciary", "media", "strategy", "legacy", "speech", "remark", "critic", "opponent",
        "rival", "agenda", "tax", "deal", "election", "vote", "campaign", "survival", "power",
        "title", "seat", "leadership", "heart", "mind", "culture",
    }
)  # fmt: skip
# People whose attacks are words: an attack by them, or "from" them, is a figure of speech
# ("came under attack from lawmakers").
CRITICS = frozenset(
    {
        "lawmaker", "legislator", "critic", "opposition", "economist", "analyst",
        "commentator", "columnist", "newspaper", "pundit", "editorial", "senator", "mp",
        "politician", "campaigner", "parliament",
    }
)  # fmt: skip
# A sentence with these (and no weapon) is about sport: "clash", "strike", "attack" in it
# are no events.
SPORT = frozenset(
    {
        "match", "league", "cup", "tournament", "championship", "striker", "goal",
        "season", "coach", "derby", "titan", "final", "semifinal", "quarterfinal", "game",
        "stadium", "midfielder", "penalty", "scoreline", "playoff", "sport",
    }
)  # fmt: skip
# Words of a sentence that make a protest one with intervention, one met with lethal force,
# or a violent one (a riot).
PROTEST_INTERVENTION = frozenset(
    {
        "disperse", "tear", "teargas", "cannon", "baton", "rubber", "detain", "arrest",
        "break", "intervene", "cordon",
    }
)  # fmt: skip
PROTEST_LETHAL = frozenset({"live", "ammunition", "kill", "shoot", "fire", "dead", "bullet"})
PROTEST_VIOLENT = frozenset(
    {"riot", "rioter", "stone", "rock", "torch", "loot", "molotov", "vandalise", "vandalize",
     "smash", "petrol"}
)  # fmt: skip
# Words that make "fire" a weapon's fire and not a dismissal ("fired the minister").
FIRE_OBJECTS = frozenset(
    {
        "rocket", "missile", "shell", "mortar", "shot", "round", "bullet", "gun", "weapon",
        "artillery", "salvo", "projectile", "tear", "gas", "ammunition",
    }
)  # fmt: skip


def any_of(lemmas: Iterable[str], kind: frozenset[str]) -> bool:
    """Whether any of the lemmas is of the kind."""
    return any(lemma in kind for lemma in lemmas)
