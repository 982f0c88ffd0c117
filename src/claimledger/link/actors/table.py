"""The actor table shipped in ``claimledger/link/data/actors.json`` (built by
``train/actors.py`` from the shared agent lists and country tables), loaded once.

An actor is a canonical entity with aliases. Countries, their governments and their armed
forces are separate actors: the government and the armed forces point at the country
(``country`` and ``parent``). An armed wing points at its organisation (``parent``): linked,
never merged. An actor's ``kind`` describes what the entity is (a government, an armed group,
a news agency), never a side's view of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from claimledger.errors import ModelError
from claimledger.link.actors.normalise import caseless, key

TABLE_FILE = "actors.json"

# The kinds an actor can have: what the entity is.
KINDS = (
    "country",  # an entry of ISO 3166 that NGEC's country list holds (recognition aside)
    "territory",  # an ISO 3166 entry NGEC's list does not hold (dependencies, disputed areas)
    "de_facto_authority",  # an authority over a breakaway area (NGEC's *PRE codes)
    "government",
    "military",
    "police",
    "legislature",
    "judiciary",
    "intelligence",
    "igo",  # intergovernmental organisation
    "court",  # an international court
    "ngo",
    "humanitarian",
    "political_organisation",  # a movement with political and armed branches
    "party",
    "armed_group",
    "private_military_company",
    "media",
    "person",
)

# The state institutions every country has as actors of their own, and how they are named.
ORGANS: dict[str, str] = {
    "government": "Government of {}",
    "military": "Armed Forces of {}",
    "police": "Police of {}",
    "legislature": "Legislature of {}",
    "judiciary": "Judiciary of {}",
    "intelligence": "Intelligence services of {}",
}


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor. ``id`` is stable across builds: an ISO 3166 alpha-3 code for a
    country ("RUS"), the code and the organ for its institutions ("RUS/military"),
    "org/<slug>" for an organisation, "person/<hash>" for a person (see people.py)."""

    id: str
    name: str
    kind: str
    country: str | None = None  # ISO 3166 alpha-3
    parent: str | None = None  # id of the actor this one is part of
    aliases: tuple[str, ...] = ()
    source: str = ""  # where the actor comes from (a source file, or "supplement")


@dataclass(frozen=True, slots=True)
class ActorTable:
    """The loaded table, indexed by id and by normalised alias key."""

    actors: dict[str, Actor]
    by_key: dict[str, str]  # alias key -> actor id
    institutions: dict[str, str]  # key of an institution phrase -> organ
    roles: dict[str, tuple[str, str, bool]]  # key of a role noun -> (kind, PLOVER code, loaded)
    homonyms: dict[str, frozenset[str]]  # alias key -> countries where it names a region
    ambiguous: dict[str, tuple[tuple[frozenset[str], str], ...]]  # key -> (countries, id)
    meta: dict[str, Any]

    def organ(self, country: str, organ: str) -> Actor | None:
        """The country's institution of this organ ("RUS", "military": the Armed Forces of
        Russia), None when the table has none."""
        return self.actors.get(f"{country}/{organ}")


def actor_from_row(row: dict[str, Any]) -> Actor:
    return Actor(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        country=row.get("country"),
        parent=row.get("parent"),
        aliases=tuple(row.get("aliases", ())),
        source=row.get("source", ""),
    )


def index(data: dict[str, Any]) -> ActorTable:
    """The table of a parsed actors.json."""
    actors = {row["id"]: actor_from_row(row) for row in data["actors"]}
    by_key: dict[str, str] = {}
    for actor in actors.values():
        for name in (actor.name, *actor.aliases):
            k = key(name)
            by_key.setdefault(k, actor.id)
            lower = caseless(k)
            if lower is not None:
                by_key.setdefault(lower, actor.id)
    return ActorTable(
        actors=actors,
        by_key=by_key,
        institutions={key(p): organ for p, organ in data["institutions"].items()},
        roles={key(p): (r[0], r[1], bool(r[2])) for p, r in data["roles"].items()},
        homonyms={key(a): frozenset(cs) for a, cs in data["homonyms"].items()},
        ambiguous={
            key(a): tuple((frozenset(cs), target) for cs, target in readings)
            for a, readings in data["ambiguous"].items()
        },
        meta=data["meta"],
    )


@cache
def load_table() -> ActorTable:
    """The shipped actor table (read once per process)."""
    try:
        text = resources.files("claimledger.link").joinpath("data", TABLE_FILE).read_text("utf-8")
        return index(json.loads(text))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"the actor table claimledger/link/data/{TABLE_FILE} could not be read ({exc}); "
            "reinstall claimledger or rebuild it with ./run train actors"
        ) from exc
