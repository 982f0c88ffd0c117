"""Actors across the ledger: canonical actors with aliases (the shipped table), the
resolution of a mention to one of them, and the merging of people across documents."""

from claimledger.link.actors.people import Person, PersonMention, merge_people
from claimledger.link.actors.resolve import (
    ActorContext,
    Role,
    linked,
    parent,
    resolve_actor,
    role_kind,
)
from claimledger.link.actors.table import KINDS, Actor, ActorTable, load_table

__all__ = [
    "KINDS",
    "Actor",
    "ActorContext",
    "ActorTable",
    "Person",
    "PersonMention",
    "Role",
    "linked",
    "load_table",
    "merge_people",
    "parent",
    "resolve_actor",
    "role_kind",
]
