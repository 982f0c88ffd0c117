"""The dead and injured of an event: the quantity records of its sentence that count killed
or wounded people, each tied to the mention it belongs to.

What a figure counts comes from its counted words (``quantified``) and, where those name
no casualty ("killing 12 soldiers": "soldiers"), from the words that govern it in the parse
("killing", "were wounded", "a death toll of 40", "beat two men to death"), read by the
measure table of ``claimledger.link.measures`` (passed in as ``thing_of``, since extraction
comes before linking): "killed" figures are dead, "wounded" ones injured. A figure belongs
to the mention that governs it (the trigger it hangs from, or whose subject or "in" phrase
the casualty verb has: "the strike killed five", "killed in an air strike"), else to the
sentence's only mention, else to the nearest one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from claimledger.extract.events.mentions import Mention
from claimledger.model import EventFigure, Quantity

KILLED, WOUNDED = "killed", "wounded"
ThingOf = Callable[[str], str | None]
# How many words up the parse a figure's counted thing is looked for.
CLIMB = 4


def figure(q: Quantity) -> EventFigure:
    return EventFigure(q.id, q.text, q.start, q.end, q.value, q.lower, q.upper, q.bound)


def _forms(tok: Any) -> str:
    lemma = str(tok.lemma_).lower()
    return f"{tok.lower_} {lemma} {lemma}ed {lemma}d"


def _token_at(sent: Any, offset: int) -> Any | None:
    """The sentence's token that starts at or covers the chunk offset ``offset``."""
    for tok in sent:
        if tok.idx <= offset < tok.idx + max(1, len(tok.text)):
            return tok
    return None


def counted(q: Quantity, tok: Any, thing_of: ThingOf) -> str | None:
    """ "killed", "wounded" or None: what the figure whose last token is ``tok`` counts."""
    thing = thing_of(q.quantified) if q.quantified else None
    if thing in (KILLED, WOUNDED):
        return thing
    words = []
    cur = tok
    for _ in range(CLIMB):
        words.append(" ".join(_forms(c) for c in cur.children if c.dep_ in ("amod", "acomp")))
        if cur.head.i == cur.i:
            break
        cur = cur.head
        words.append(_forms(cur))
        words.extend(_forms(c) for c in cur.children if c.dep_ in ("acomp", "oprd", "advmod"))
        words.extend(_to_death(cur))
        thing = thing_of(" ".join(words))
        if thing is not None:
            return thing if thing in (KILLED, WOUNDED) else None
        if cur.pos_ in ("VERB", "AUX"):
            break
    return None


def _to_death(tok: Any) -> list[str]:
    """ "to death" on a verb ("beat two men to death", "were stabbed to death")."""
    return [
        f"to {grand.lower_}"
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for grand in c.children
        if grand.dep_ == "pobj" and grand.lower_ == "death"
    ]


def _owner(tok: Any, mentions: Sequence[Mention]) -> Mention | None:
    cur = tok
    for _ in range(8):
        for m in mentions:
            if m.covers(cur.i):
                return m
            if m.head.head.i == cur.i and (
                m.head.dep_ in ("nsubj", "nsubjpass")
                or (m.head.dep_ == "pobj" and cur.dep_ == "prep")
            ):
                return m
            h = m.head
            if h.dep_ == "pobj" and h.head.head.i == cur.i and h.head.lower_ in ("in", "during"):
                return m
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if len(mentions) == 1:
        return mentions[0]
    return None


def link_figures(
    sent: Any,
    base: int,
    quantities: Sequence[Quantity],
    mentions: Sequence[Mention],
    thing_of: ThingOf,
) -> dict[int, tuple[list[EventFigure], list[EventFigure]]]:
    """For each mention (by position), its dead and its injured, in text order."""
    out: dict[int, tuple[list[EventFigure], list[EventFigure]]] = {
        i: ([], []) for i in range(len(mentions))
    }
    if not mentions:
        return out
    for q in quantities:
        tok = _token_at(sent, q.end - 1 - base)
        if tok is None:
            continue
        thing = counted(q, tok, thing_of)
        if thing is None:
            continue
        owner = _owner(tok, mentions)
        if owner is None:
            owner = min(mentions, key=lambda m: abs(m.head.i - tok.i))
        dead, hurt = out[next(i for i, m in enumerate(mentions) if m is owner)]
        (dead if thing == KILLED else hurt).append(figure(q))
    return out
