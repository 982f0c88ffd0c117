"""The dead and injured of an event: the quantity records of its sentence that count killed
or wounded people, each tied to the mention it belongs to.

What a figure counts comes from its counted words (``quantified``) and, where those name
no casualty ("killing 12 soldiers": "soldiers"), from the words that govern it in the parse
("killing", "were wounded", "a death toll of 40", "beat two men to death") or from the
count a level verb brings the figure to ("the death toll rose to 31", "brought the toll to
22", "the number of people killed reached 17"), read by the measure table of
``claimledger.link.measures`` (passed in as ``thing_of``, since extraction comes before
linking): "killed" figures are dead, "wounded" ones injured. A figure belongs
to the mention that governs it (the trigger it hangs from, or whose subject or "in" phrase
the casualty verb has: "the strike killed five", "killed in an air strike"; or in whose
phrase the toll is: "the toll from the bombing rose to 31"), else to the sentence's only
mention, else to the nearest one.
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
# Verbs that bring a count to a level: their subject names it ("the death toll rose to 31",
# "the number of wounded stood at 40", "the toll reached 17") ...
LEVEL_VERBS = frozenset(
    {"rise", "climb", "jump", "increase", "reach", "stand", "grow", "mount", "soar", "hit",
     "surge"}
)  # fmt: skip
# ... or their object does ("brought the death toll to 22", "pushed the toll to 40").
RAISE_VERBS = frozenset({"bring", "push", "raise", "take", "lift", "put"})
# How many words of the count's phrase are read ("the number of people killed in ...").
LEVEL_WORDS = 6


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
            level = level_of(cur, tok)
            if level is not None:
                thing = thing_of(" ".join(t.lower_ for t in level[:LEVEL_WORDS]))
                return thing if thing in (KILLED, WOUNDED) else None
            break
    return None


def level_of(verb: Any, tok: Any) -> list[Any] | None:
    """The words of the count a level verb brings the figure ``tok`` to: the subject of
    "rose to 31", "reached 17", "stood at 40", the object of "brought the toll to 22"; None
    where the verb is no such verb or the figure is not its level."""
    lemma = str(verb.lemma_).lower()
    level = tok.head if tok.head.dep_ == "prep" else tok
    if level.head.i != verb.i:
        return None
    level_prep = level.dep_ == "prep" and level.lower_ in ("to", "at")
    deps: tuple[str, ...]
    if lemma in LEVEL_VERBS and (level_prep or level.dep_ == "dobj"):
        deps = ("nsubj", "nsubjpass")
    elif lemma in RAISE_VERBS and level_prep:
        deps = ("dobj",)
    else:
        return None
    for child in verb.children:
        if child.dep_ in deps:
            return [t for t in child.subtree if t.dep_ != "det"]
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
        if cur.pos_ in ("VERB", "AUX"):
            level = {t.i for t in level_of(cur, tok) or ()}
            inside = [m for m in mentions if m.head.i in level]
            if inside:  # "the toll from the bombing rose to 31": the bombing's
                return inside[0]
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
