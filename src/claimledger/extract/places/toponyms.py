"""Toponyms of a parsed document: spaCy's GPE, LOC and FAC entities, and its NORP entities
that are demonyms of a country or continent ("Tunisian", "Europeans"), which geoparsing
gold sets count as toponyms of the country."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimledger.extract.places.gazetteer import DEMONYM, MAIN, load
from claimledger.extract.places.resolve import Place, resolve

LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Toponym:
    start: int  # character offsets into the document's text
    end: int
    text: str
    label: str


def find_toponyms(doc: Any) -> list[Toponym]:
    """The place-name entities of an already-parsed spaCy ``Doc``, in text order, and the
    proper names after a locative preposition that the entity recognizer left untagged and
    the gazetteer knows by their own name ("In Varnek, ...": the small model often misses a
    sentence-initial "In X,")."""
    found = [
        Toponym(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in LABELS or (ent.label_ == "NORP" and _demonym(ent.text))
    ]
    found += _after_locatives(doc)
    return sorted(found, key=lambda t: t.start)


_LOCATIVES = frozenset({"in", "at", "near", "outside", "around", "across", "inside"})
_NOT_PLACES = frozenset(
    """january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _after_locatives(doc: Any) -> list[Toponym]:
    out = []
    for tok in doc:
        if tok.lower_ not in _LOCATIVES or tok.i + 1 >= len(doc):
            continue
        start = tok.i + 1
        end = start
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "O":
            end += 1
        if end == start or (end < len(doc) and doc[end].pos_ == "PROPN"):
            continue  # nothing untagged, or a name that runs into an entity
        span = doc[start:end]
        if span.text.lower() in _NOT_PLACES or not span.text[:1].isupper():
            continue
        if any(how == MAIN for _, how in load().lookup(span.text)):
            out.append(Toponym(span.start_char, span.end_char, span.text, "GPE"))
    return out


def _demonym(text: str) -> bool:
    return any(how == DEMONYM for _, how in load().lookup(text))


def geoparse(doc: Any) -> list[tuple[Toponym, Place]]:
    """The toponyms of a parsed ``Doc``, each with its place, resolved jointly."""
    toponyms = find_toponyms(doc)
    return list(zip(toponyms, resolve([t.text for t in toponyms]), strict=True))
