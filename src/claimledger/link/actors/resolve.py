"""Resolve an actor mention to a canonical actor of the shipped table.

Rules, tried in order, each named so a failing case names its rule:
- ``ambiguous``: a name with several readings ("Congress") takes the one the context's
  countries select, and none without them;
- ``alias``: the normalised name is an alias ("the U.N." = "UN" = "the world body");
  a country's name that is also a region of a context country ("Georgia" in a US story)
  stays unresolved;
- ``demonym``: a country's name or demonym, possessive or not, and an institution
  ("the Ukrainian army", "Russia's foreign ministry", "Israeli forces") is that country's
  institution; so is "<institution> of <country>" ("the Ministry of Defence of Ukraine").
Everything else is None: "pro-Russian forces" and "Afghan rebels" are no one actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.link.actors.normalise import caseless, tokens
from claimledger.link.actors.table import Actor, ActorTable, load_table

STATE_KINDS = frozenset({"country"})


@dataclass(frozen=True, slots=True)
class ActorContext:
    """What a mention's document says about where it is set: the ISO 3166 alpha-3 codes
    of its countries (from its places, its dateline or its outlet)."""

    countries: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun's neutral kind ("militants": armed_group), its PLOVER sector code, and
    whether the noun itself is a loaded word ("terrorists"): a label of the text's
    wording, never of the actor."""

    kind: str
    code: str
    loaded: bool


_NO_ONE = Actor(id="", name="", kind="")  # a rule decided: no actor


def resolve_actor(text: str, context: ActorContext | None = None) -> Actor | None:
    """The canonical actor ``text`` names, or None when it names none the table knows
    (or names one only ambiguously)."""
    table = load_table()
    toks = tokens(text)
    if not toks:
        return None
    countries = context.countries if context is not None else frozenset()
    found = _by_name(table, toks, countries) or _demonym(table, toks, countries)
    return found if found is not None and found is not _NO_ONE else None


def _by_name(table: ActorTable, toks: list[str], countries: frozenset[str]) -> Actor | None:
    k = " ".join(toks)
    readings = table.ambiguous.get(k)
    if readings is not None:  # rule: ambiguous
        chosen = {target for cs, target in readings if cs & countries}
        return table.actors[chosen.pop()] if len(chosen) == 1 else _NO_ONE
    actor_id = table.by_key.get(k)
    if actor_id is None:
        lower = caseless(k)
        actor_id = table.by_key.get(lower) if lower is not None else None
    if actor_id is None:
        return None
    actor = table.actors[actor_id]
    regions = table.homonyms.get(k, frozenset())
    if regions & countries and actor.country not in countries:
        return _NO_ONE  # rule: alias, a homonym region of a context country
    return actor  # rule: alias


def _demonym(table: ActorTable, toks: list[str], countries: frozenset[str]) -> Actor | None:
    for i in range(1, len(toks)):  # rule: demonym, "<country> <institution>"
        organ = table.institutions.get(" ".join(toks[i:]))
        left = toks[:i][:-1] if toks[i - 1] == "'s" else toks[:i]
        if organ is not None and left:
            state = _state(table, left, countries)
            if state is not None:
                return table.organ(state.id, organ)
    for j in range(1, len(toks) - 1):  # rule: demonym, "<institution> of <country>"
        if toks[j] != "of":
            continue
        organ = table.institutions.get(" ".join(toks[:j]))
        right = toks[j + 1 :][1:] if toks[j + 1] == "the" else toks[j + 1 :]
        if organ is not None and right:
            state = _state(table, right, countries)
            if state is not None:
                return table.organ(state.id, organ)
    return None


def _state(table: ActorTable, toks: list[str], countries: frozenset[str]) -> Actor | None:
    actor = _by_name(table, toks, countries)
    return actor if actor is not None and actor.kind in STATE_KINDS else None


def role_kind(text: str) -> Role | None:
    """The neutral kind of a role noun ("gunmen", "the militants", "terrorists"), from
    PLOVER's agents dictionary; None when it is not one."""
    roles = load_table().roles
    toks = tokens(text)
    candidates = [" ".join(toks)]
    if toks and toks[-1].endswith("s"):  # PLOVER lists singulars: regular plurals
        stem = toks[-1][:-1]
        candidates += [" ".join([*toks[:-1], stem]), " ".join([*toks[:-1], stem[:-1]])]
        if toks[-1].endswith("ies"):
            candidates.append(" ".join([*toks[:-1], toks[-1][:-3] + "y"]))
    for k in candidates:
        if k in roles:
            kind, code, loaded = roles[k]
            return Role(kind=kind, code=code, loaded=loaded)
    return None


def parent(actor: Actor) -> Actor | None:
    """The actor ``actor`` is part of (the country of a government, the organisation of
    an armed wing), None at the top."""
    return load_table().actors.get(actor.parent) if actor.parent else None


def linked(a: Actor, b: Actor) -> bool:
    """Whether one actor is part of the other, directly or through parents (UNICEF and
    the UN; the Qassam Brigades and Hamas): linked, not the same."""
    return a.id != b.id and (_is_within(a, b) or _is_within(b, a))


def _is_within(inner: Actor, outer: Actor) -> bool:
    seen: set[str] = set()
    current = parent(inner)
    while current is not None and current.id not in seen:
        if current.id == outer.id:
            return True
        seen.add(current.id)
        current = parent(current)
    return False
