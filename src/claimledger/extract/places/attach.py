"""Places tied to figures and claims, once the whole document is read.

A document's toponyms are resolved together (``resolve``: each one's reading helps decide the
others'), with the dateline's place as further context. Then a figure takes the toponym of its
sentence nearest to it, a claim the one nearest its sentence's main verb, a toponym after a
locative preposition ("in", "at", "near") before any other ("Eastmark's army said 12 died in
Varnek": Varnek); a sentence that names none inherits the last toponym named earlier in its
paragraph, else the dateline's place (both marked ``inherited``), else it has none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, TypeVar

from claimledger.extract.places.resolve import Place, resolve
from claimledger.extract.places.toponyms import find_toponyms
from claimledger.model import NO_PLACE, Extraction, PlaceMention, Sentence, Where

_T = TypeVar("_T", PlaceMention, Where)
# the toponyms a figure or claim can be about: not demonyms (spaCy's NORP)
ABOUT_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The word before a toponym that makes it where something happened.
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|around|across|into|throughout|within|off)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "KYIV, March 3 (Reuters) -", "VARNEK (AP) —", "Varnek, Eastmark, 4 May 2024 —", "KYIV —": the
# place that opens a dateline, in capitals or capitalised, followed by a date after a comma
# (with a region between, maybe), an agency in brackets or a dash. Not a sentence that opens
# with a prepositional phrase ("In Varnek, 23 people ...") or a list ("US, UK and France").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE_AFTER = (
    rf"(?:{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH}|\d{{4}}-\d\d-\d\d"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)
_OPENING_WORD = (
    r"(?i:in|on|at|from|the|a|an|by|for|after|before|during|since|over|near|with|and|but"
    r"|as|when|while|if|across|inside|outside)\b"
)
_DATELINE_PLACE = re.compile(
    rf"\s*(?!{_OPENING_WORD})"
    r"(?P<place>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}"
    r"|[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,2})"
    rf"(?=,\s*(?:[A-Z][A-Za-z]+,\s*)?{_DATE_AFTER}|\s*\(|\s*[-—–]\s)"
)


def dateline_place(text: str) -> tuple[int, int] | None:
    """The offsets of the place a dateline at the start of ``text`` names, or None."""
    match = _DATELINE_PLACE.match(text[:120])
    if match is None:
        return None
    return match.start("place"), match.end("place")


def _unresolved(doc_id: str, start: int, end: int, text: str, sentence_index: int) -> PlaceMention:
    return PlaceMention(
        doc_id, start, end, text, None, None, None, None, None, None, None, 0.0, sentence_index
    )


def _distance(m: PlaceMention, start: int, end: int) -> int:
    return max(0, m.start - end, start - m.end)


def _mentioned(m: PlaceMention, inherited: bool = False) -> Where:
    """A toponym as the (not yet resolved) place of a figure or claim."""
    return Where(m.text, m.start, m.end, inherited=inherited)


class PlaceBook:
    """A document's toponyms as its sentences come: the dateline's place, each paragraph's last
    toponym, and the current sentence's toponyms; ``attach_places`` resolves them at the end."""

    def __init__(self, doc_id: str, text: str) -> None:
        self.doc_id = doc_id
        self.text = text
        self.head = dateline_place(text)
        head = self.head
        self._dateline = (
            Where(text[head[0] : head[1]], head[0], head[1], inherited=True) if head else NO_PLACE
        )
        self._last: dict[int, Where] = {}
        self._sentence: tuple[int, list[PlaceMention]] = (-1, [])

    def sentence_toponyms(self, sentence: Sentence, sent: Any, base: int) -> list[PlaceMention]:
        """The toponyms of one parsed sentence (``find_toponyms``: spaCy's GPE, LOC and FAC
        entities and demonyms), unresolved yet; ``base`` is the offset of the sentence's chunk
        in the document."""
        toponyms = find_toponyms(sent)
        found = [
            _unresolved(self.doc_id, base + t.start, base + t.end, t.text, sentence.index)
            for t in toponyms
            if t.text.strip()
        ]
        # a demonym ("Ukrainian officials") names a country, not where something happened
        found_about = {(base + t.start, base + t.end) for t in toponyms if t.label in ABOUT_LABELS}
        named = [m for m in found if (m.start, m.end) in found_about and not self._in_dateline(m)]
        self._sentence = (sentence.index, named)
        if named:
            self._last[sentence.paragraph] = _mentioned(named[-1], inherited=True)
        return found

    def _in_dateline(self, m: PlaceMention) -> bool:
        return self.head is not None and m.start < self.head[1] and m.end > self.head[0]

    def _locative(self, m: PlaceMention) -> bool:
        found = _LOCATIVE.search(self.text, max(0, m.start - 24), m.start)
        return found is not None

    def nearest(self, sentence: Sentence, start: int, end: int) -> Where:
        """The place of a span of ``sentence``: its sentence's toponym nearest to it (one
        after a locative preposition first), else the inherited one (unresolved yet)."""
        index, named = self._sentence
        if index != sentence.index or not named:
            last = self._last.get(sentence.paragraph)
            if last is not None and last.start is not None and last.start >= sentence.start:
                last = None  # named later in this very sentence: not inherited
            return last or self._dateline
        best = min(named, key=lambda m: (not self._locative(m), _distance(m, start, end)))
        return _mentioned(best)


_RESOLVED = ("geonames_id", "name", "country_code", "admin1", "lat", "lon", "feature_class")


def _resolved(item: _T, p: Place) -> _T:
    """A toponym (a ``PlaceMention`` or a ``Where``) with the gazetteer entry it resolved to."""
    return replace(item, confidence=p.confidence, **{k: getattr(p, k) for k in _RESOLVED})


def attach_places(ex: Extraction) -> None:
    """Resolve the document's toponyms (``ex.items["places"]``) together, the dateline's place
    as context, and fill in the resolved place of every figure, claim and event of ``ex``."""
    text = ex.document.text
    mentions: list[PlaceMention] = ex.items.get("places", [])
    head = dateline_place(text)
    context = [text[head[0] : head[1]]] if head is not None else []
    if not mentions and not context:
        return
    places = resolve([m.text for m in mentions] + context)
    by_span = {(m.start, m.end): p for m, p in zip(mentions, places, strict=False)}
    if head is not None:
        by_span.setdefault(head, places[-1])
    resolved = [_resolved(m, p) for m, p in zip(mentions, places, strict=False)]
    named_there = head is not None and any(m.start < head[1] and m.end > head[0] for m in mentions)
    if head is not None and places[-1].geonames_id is not None and ex.sentences and not named_there:
        first = _unresolved(ex.document.id, head[0], head[1], context[0], 0)
        resolved.insert(0, _resolved(first, places[-1]))  # the dateline's place
    ex.items["places"] = resolved

    def filled(w: Where) -> Where:
        p = by_span.get((w.start, w.end)) if w.start is not None and w.end is not None else None
        if p is None:
            return w
        if w.inherited and (w.start, w.end) == head and p.geonames_id is None:
            return NO_PLACE  # capitals that are no place the gazetteer knows: a section label
        return _resolved(w, p)

    ex.quantities = [replace(q, where=filled(q.where)) for q in ex.quantities]
    ex.claims = [replace(c, where=filled(c.where)) for c in ex.claims]
    if "events" in ex.items:
        ex.items["events"] = [replace(e, where=filled(e.where)) for e in ex.items["events"]]
