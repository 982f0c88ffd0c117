"""An attribution record from the spans a rule found: source kind, canonical name, role
and affiliation resolved against the people of the document."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attributions.resolve import PRONOUNS, remember_source, resolve_source
from claimledger.extract.attributions.source import (
    _canonical,
    _role_affiliation,
    _source_kind,
    _titled_name,
)
from claimledger.extract.attributions.spans import _Found, _overlaps
from claimledger.extract.entities import (
    PersonRegistry,
    normalise,
)
from claimledger.lexicon import (
    RELATIVE_PRONOUNS,
)
from claimledger.model import Attribution

_Span = tuple[int, int]


def _record(
    found: _Found, sent: Any, doc_id: str, offset: int, sentence_index: int, people: PersonRegistry
) -> Attribution:
    """The attribution record of what a rule found: the source named by its phrase (or,
    for "who", by the phrase it stands for), its kind, canonical name, role and affiliation."""
    text = sent.doc_text
    named = found.refers or found.source  # "who" is named by the phrase it stands for
    name = text[named[0] : named[1]] if named else None
    titled = _titled_name(sent, named)
    kind = _source_kind(name or "", found.head, sent, named, titled)
    if kind in ("organization", "other") and name and people.known(name):
        kind = "person"
    resolved = resolve_source(name, sent, named, people, sentence_index) if name and named else None
    canonical: str | None
    if resolved is not None:  # a pronoun, a poll's share, "the newspaper", "figures by X"
        canonical, kind = resolved
    else:
        canonical = _canonical(name, kind, sent, named, titled, people) if name and named else None
    role, affiliation = _described(found, sent, named, kind, (canonical, name))
    if kind == "document" and resolved is not None and canonical:
        affiliation = canonical  # the issuer the document speaks for
    if kind == "person" and canonical:
        has_name = titled is not None or any(
            e.label_ == "PERSON" and named and _overlaps((e.start_char, e.end_char), named)
            for e in sent.ents
        )
        canonical, role, affiliation = _person(people, canonical, name, has_name, role, affiliation)
    if kind not in ("person", "unnamed") or canonical is None:
        role = None  # an organisation is not a role
    if canonical is None:
        affiliation = None
    remember_source(found.head, kind, canonical, people, sentence_index)
    where = (doc_id, offset, sentence_index)
    return _attribution(found, text, where, canonical, kind, role, affiliation)


def _described(
    found: _Found,
    sent: Any,
    named: _Span | None,
    kind: str,
    names: tuple[str | None, str | None],
) -> tuple[str | None, str | None]:
    """The role and affiliation the source phrase gives (``_role_affiliation``; for "who"
    the phrase it stands for); not for outlets, and no affiliation with the source itself
    ("the foreign ministry" is not affiliated with itself)."""
    role = affiliation = None
    if found.source is not None and kind != "outlet":
        text = sent.doc_text
        relative = text[found.source[0] : found.source[1]].lower() in RELATIVE_PRONOUNS
        whole = named if relative else found.source
        role, affiliation = _role_affiliation(sent, whole or found.source)
    if affiliation and normalise(affiliation).lower() in (
        normalise(names[0] or "").lower(),
        normalise(names[1] or "").lower(),
    ):
        affiliation = None
    return role, affiliation


def _person(
    people: PersonRegistry,
    canonical: str,
    name: str | None,
    has_name: bool,
    role: str | None,
    affiliation: str | None,
) -> tuple[str, str | None, str | None]:
    """A person source against the people of the document: "the minister" is the last
    minister named (by a source or by a mention: "Jane Roe, the candidate"), else the role
    itself, never another person; a named person's role and affiliation are remembered, and
    filled in from what the document said before; a definite source is the one "he" refers
    to next."""
    definite = name is not None and name.split()[0].lower() not in ("a", "an", "one")
    pronoun = name is not None and name.lower() in PRONOUNS
    if not has_name and role and definite and name and not pronoun:
        match = people.by_role(role)  # "the minister", "the defence minister"
        if match is not None:
            canonical, role = match, None  # the role the document gave that person
    elif has_name and (role or affiliation):
        people.describe(canonical, role, affiliation)
    known_role, known_affiliation = people.role_of(canonical)
    role, affiliation = role or known_role, affiliation or known_affiliation
    if definite and name and not pronoun:
        people.last_source = canonical
    return canonical, role, affiliation


def _attribution(
    found: _Found,
    text: str,
    where: tuple[str, int, int],
    canonical: str | None,
    kind: str,
    role: str | None,
    affiliation: str | None,
) -> Attribution:
    """The record itself, in document offsets (``where``: document id, the chunk's offset,
    the sentence index)."""
    doc_id, offset, sentence_index = where
    parts = [p for p in (found.cue, found.source, found.content) if p is not None]
    start, end = min(p[0] for p in parts), max(p[1] for p in parts)

    def at(p: _Span | None, i: int) -> int | None:
        return None if p is None else p[i] + offset

    return Attribution(
        doc_id=doc_id,
        start=start + offset,
        end=end + offset,
        text=text[start:end],
        attributed_to=text[found.source[0] : found.source[1]] if found.source else None,
        attributed_to_canonical=canonical,
        source_kind=kind,
        cue=text[found.cue[0] : found.cue[1]],
        content=text[found.content[0] : found.content[1]] if found.content else None,
        source_start=at(found.source, 0),
        source_end=at(found.source, 1),
        cue_start=at(found.cue, 0),
        cue_end=at(found.cue, 1),
        content_start=at(found.content, 0),
        content_end=at(found.content, 1),
        direct=found.direct,
        sentence_index=sentence_index,
        source_role=role,
        source_affiliation=affiliation,
        rule=found.rule,
    )
