"""Second cues of the same speaker (", claiming that ...", "and said ..."): the cue whose
content they were hung in, and where that content stops before them."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attributions.quotes import _within
from claimledger.extract.attributions.spans import _child, _lemma
from claimledger.lexicon import (
    CUE_LEMMAS,
    SPEECH_VERBS,
)


def _co_cue(t: Any) -> bool:
    """A cue verb the parser hung inside another cue's content that is a second act of
    the same speaker: ", claiming that ...", "and said ..." with no subject of its own."""
    if _lemma(t) not in CUE_LEMMAS or t.i == 0:
        return False
    before = t.doc[t.i - 1]
    if t.tag_ == "VBG" and t.dep_ in ("advcl", "conj") and before.text == ",":
        return True
    return (
        t.dep_ == "conj"
        and before.lower_ in ("and", "but")
        and _child(t, "nsubj") is None
        and _lemma(t) in SPEECH_VERBS
    )


def _co_cue_host(t: Any) -> Any | None:
    """The cue whose content a co-cue (``_co_cue``) was hung in, if any."""
    if not _co_cue(t):
        return None
    h = t.head
    for _ in range(4):
        if h.dep_ in ("ccomp", "xcomp", "dobj") and _lemma(h.head) in CUE_LEMMAS:
            return h.head
        if h.dep_ not in ("conj", "advcl", "ccomp", "xcomp") or h.head.i == h.i:
            return None
        h = h.head
    return None


def _before_co_cue(
    verb: Any, content: tuple[int, int], quotes: list[tuple[int, int]]
) -> tuple[int, int]:
    """The content stops before a second cue of the same speaker that the parser hung
    inside it: "insisted that he expanded the party, claiming that turnout rose". That
    participle is an attribution of its own, not part of what was insisted."""
    doc = verb.doc
    for t in doc[verb.i + 1 : verb.sent.end]:
        if t.idx >= content[1]:
            break
        if t.idx > content[0] and not _within(quotes, t.idx) and _co_cue(t):
            return (content[0], doc[t.i - 1].idx)
    return content
