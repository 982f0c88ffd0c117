"""Merge person mentions across documents into people.

Two mentions are one person only when their names and their affiliations agree:
- the same full name ("Olena Kovalenko") within the same affiliation is one person;
- a surname alone ("Kovalenko", "President Kovalenko") joins the one full name with that
  surname in the same affiliation, and stays apart when there are none or several;
- an initial ("O. Kovalenko") joins the one full name whose first name it starts;
- different first names never merge, nor do different affiliations ("Kovalenko" of
  Eastmark and "Kovalenko" of Westland are two people);
- a full name with no affiliation joins the one affiliated person of that full name; a
  surname with no affiliation joins only its own document's mentions of that surname.
Affiliations are compared as actors where the table knows them (a country, its government
and its armed forces are one affiliation: the country), else as normalised text.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.lexicon.people import NAME_TITLES, ROLE_TITLES
from claimledger.link.actors.normalise import key
from claimledger.link.actors.resolve import resolve_actor
from claimledger.link.actors.table import ORGANS

# Words before a name that are a title or part of one ("Foreign Minister", "Prime
# Minister", "Lt. Gen."), never a first name.
TITLE_WORDS = frozenset(
    {*NAME_TITLES, *ROLE_TITLES}
    | set(
        """foreign defence defense interior finance vice acting former late sir lord
        madam lt gen brig sgt adm cmdr king queen prince sheikh ayatollah""".split()
    )
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Particles that belong to the surname after them ("Bashar al Assad", "van der Leyen").
PARTICLES = frozenset("al el bin ben ibn abu van von der de da di du la le dos das".split())
STATE_ORGANS = frozenset({"country", *ORGANS})


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in a document, with the affiliation the text gives them (an actor's
    name, "Eastmark", "the Ukrainian army"), if any."""

    name: str
    affiliation: str | None = None
    document: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    """One person across the ledger: a stable id, the fullest name found, the affiliation
    key, and the indexes of the mentions (in the list given to merge_people)."""

    id: str
    name: str
    affiliation: str | None
    mentions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Name:
    given: tuple[str, ...]
    surname: str
    display: str


def parse_name(name: str) -> _Name | None:
    """Given names and surname of a person's name, titles and suffixes dropped."""
    words = [w for w in name.replace(",", " ").split() if w]
    while words and _plain(words[0]) in TITLE_WORDS:
        words = words[1:]
    while words and _plain(words[-1]) in SUFFIXES:
        words = words[:-1]
    if not words:
        return None
    cut = len(words) - 1
    while cut > 0 and _plain(words[cut - 1]) in PARTICLES:
        cut -= 1
    given = tuple(_plain(w) for w in words[:cut])
    surname = " ".join(_plain(w) for w in words[cut:])
    return _Name(given=given, surname=surname, display=" ".join(words))


# Words a personal name never holds: a role phrase such as "the mayor of Varnek" or "the
# Foreign Minister" names no one by name, and two such phrases are never one person.
_NOT_NAME_WORDS = frozenset({"the", "of", "for", "and", "a", "an", "at", "in", "to", "from"})


def personal_name(name: str) -> str | None:
    """The personal name a source phrase holds ("Defence Minister Olena Varga": "Olena
    Varga"), or None for a role without one ("the mayor of Varnek", "the Foreign Minister",
    "President"): every word left after the titles is capitalised (or a name particle, or an
    initial), and none is a title or a word no name holds."""
    parsed = parse_name(name)
    if parsed is None:
        return None
    words = parsed.display.split()
    for word in words:
        plain = _plain(word)
        if plain in _NOT_NAME_WORDS or plain in TITLE_WORDS:
            return None
        if not (word[:1].isupper() or plain in PARTICLES):
            return None
    return parsed.display


def _plain(word: str) -> str:
    return key(word.strip(".")).lstrip("^").lower().replace("'s", "").strip()


def affiliation_key(affiliation: str | None) -> str | None:
    """What two affiliations must share to be the same: the country for a state and its
    institutions, the actor for another known actor, the normalised text otherwise."""
    if affiliation is None or not affiliation.strip():
        return None
    actor = resolve_actor(affiliation)
    if actor is None:
        return "text:" + key(affiliation).lower()
    if actor.kind in STATE_ORGANS and actor.country:
        return actor.country
    return actor.id


def _initial(word: str) -> bool:
    return len(word) == 1


def merge_people(mentions: Sequence[PersonMention]) -> list[Person]:
    """The people the mentions name, in order of their first mention."""
    names = [parse_name(m.name) for m in mentions]
    affs = [affiliation_key(m.affiliation) for m in mentions]
    group: dict[int, tuple[object, ...]] = {}
    # full names: (affiliation, surname, first name)
    full: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for i, n in enumerate(names):
        if n is not None and n.given and not _initial(n.given[0]):
            full[(affs[i], n.surname)].add(n.given[0])
            group[i] = ("full", affs[i], n.surname, n.given[0])
    for i, n in enumerate(names):
        if n is None:
            # a stable key: the mention's own document and words, never its position
            group[i] = ("unparsed", mentions[i].document, mentions[i].name)
        elif i in group:
            continue
        elif n.given:  # an initial
            firsts = {f for f in full[(affs[i], n.surname)] if f[0] == n.given[0]}
            one = firsts.pop() if len(firsts) == 1 else n.given[0]
            group[i] = ("full", affs[i], n.surname, one)
        elif affs[i] is None:
            group[i] = ("surname", None, n.surname, mentions[i].document)
        else:
            firsts = full[(affs[i], n.surname)]
            group[i] = (
                ("full", affs[i], n.surname, next(iter(firsts)))
                if len(firsts) == 1
                else ("surname", affs[i], n.surname, "")
            )
    _adopt_unaffiliated(group, full)
    return _people(mentions, names, group)


def _adopt_unaffiliated(
    group: dict[int, tuple[object, ...]], full: dict[tuple[str | None, str], set[str]]
) -> None:
    """A full name without affiliation joins the one affiliated person of that name."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (aff, surname), firsts in full.items():
        if aff is not None:
            for first in firsts:
                owners[(surname, first)].add(aff)
    for i, g in group.items():
        if g[0] == "full" and g[1] is None:
            surname, first = str(g[2]), str(g[3])
            affs = owners.get((surname, first), set())
            if len(affs) == 1:
                group[i] = ("full", next(iter(affs)), surname, first)


def _people(
    mentions: Sequence[PersonMention],
    names: list[_Name | None],
    group: dict[int, tuple[object, ...]],
) -> list[Person]:
    members: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[group[i]].append(i)
    people = []
    for g, idx in sorted(members.items(), key=lambda item: item[1][0]):
        display = max(
            (_display(names[i], mentions[i]) for i in idx),
            key=lambda s: (len(s.split()), len(s)),
        )
        aff = g[1] if g[0] != "unparsed" else None
        digest = hashlib.sha1(repr(g).encode("utf-8"), usedforsecurity=False).hexdigest()
        people.append(
            Person(
                id=f"person/{digest[:12]}",
                name=display,
                affiliation=aff if isinstance(aff, str) else None,
                mentions=tuple(idx),
            )
        )
    return people


def _display(name: _Name | None, mention: PersonMention) -> str:
    return name.display if name is not None else mention.name
