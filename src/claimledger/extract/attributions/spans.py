"""The spans of one attribution as a rule finds them (``_Found``), and small helpers on
spans and parse tokens that every rule uses."""

from __future__ import annotations

import re
from typing import Any

from claimledger.lexicon import (
    CUE_LEMMA_FIXES,
)

_TRIM = " \t\n\r\xa0\u2009\u202f,;:—–-\"“”„«»‘’'"


class _Found:
    """Spans of one attribution, in chunk offsets; ``refers`` is the phrase a relative
    pronoun source ("who") stands for, used to name the source; ``rule`` is the name of the
    rule that found it."""

    def __init__(
        self,
        cue: tuple[int, int],
        source: tuple[int, int] | None,
        content: tuple[int, int] | None,
        direct: bool,
        head: Any | None,
        refers: tuple[int, int] | None = None,
        rule: str = "",
    ) -> None:
        self.cue, self.source, self.content, self.direct = cue, source, content, direct
        self.head, self.refers, self.rule = head, refers, rule


def _span(tokens: list[Any]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trimmed(doc_text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    trimmed = _trim(doc_text, span)
    if trimmed is None or span is None:
        return trimmed
    s, e = trimmed
    # 'the talks were "constructive"': keep a closing quote mark whose opening one is kept
    for close, opens in (('"', '"'), ("”", "“")):
        if e < span[1] and doc_text[e] == close and doc_text[s:e].count(opens) % 2 == 1:
            return (s, e + 1) if opens != close or doc_text[s] != close else (s, e)
    return (s, e)


def _trim(doc_text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    s, e = span
    while s < e and doc_text[s] in _TRIM:
        s += 1
    while e > s and (doc_text[e - 1] in _TRIM or (doc_text[e - 1] in ".!?" and e - 1 > s)):
        if doc_text[e - 1] in ".!?" and re.search(
            r"\b[A-Z][a-z]?\.$|\b[A-Z]\.[A-Z]\.$", doc_text[s:e]
        ):
            break  # keep the full stop of "U.S." or "Jr."
        e -= 1
    return (s, e) if e > s else None


def _lemma(tok: Any) -> str:
    return CUE_LEMMA_FIXES.get(tok.lower_) or str(tok.lemma_).lower()


def _subtree(tok: Any) -> list[Any]:
    return sorted(tok.subtree, key=lambda t: t.i)


def _child(tok: Any, *deps: str) -> Any | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]
