"""Toponyms of a parsed document: spaCy's GPE, LOC and FAC entities, and its NORP entities
that are demonyms of a country or continent ("Tunisian", "Europeans"), which geoparsing
gold sets count as toponyms of the country."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimledger.extract.places.gazetteer import DEMONYM, load
from claimledger.extract.places.resolve import Place, resolve

LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Toponym:
    start: int  # character offsets into the document's text
    end: int
    text: str
    label: str


def find_toponyms(doc: Any) -> list[Toponym]:
    """The place-name entities of an already-parsed spaCy ``Doc``, in text order."""
    return [
        Toponym(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in LABELS or (ent.label_ == "NORP" and _demonym(ent.text))
    ]


def _demonym(text: str) -> bool:
    return any(how == DEMONYM for _, how in load().lookup(text))


def geoparse(doc: Any) -> list[tuple[Toponym, Place]]:
    """The toponyms of a parsed ``Doc``, each with its place, resolved jointly."""
    toponyms = find_toponyms(doc)
    return list(zip(toponyms, resolve([t.text for t in toponyms]), strict=True))
