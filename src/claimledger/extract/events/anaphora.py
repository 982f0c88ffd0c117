"""A definite noun trigger that refers back to an event named earlier in the document takes
that event's type: "A drone strike hit a market in Varnek. The Front denied carrying out the
strike." types "the strike" as the drone strike's air strike, not as the classifier would
read "the strike" alone.

Run once the document is read (the sentence-level component sees one sentence), on its
event records in document order (``resolve``).

An anaphor is a noun trigger of one word ("strike", "attack", "raid", "bombing", "blast",
"clashes", "protest", ...) written right after "the", "this", "that", "these" or "those"
(with at most one of ``ADJECTIVES`` between: "the deadly attack", "the same strike"), or
after a time's possessive ("Tuesday's strike", "this week's shelling", "last night's raid").
Not one: a trigger with a weapon compounded to it ("the drone strike": its own words decide),
one after "a", "another", "a second", "the latest" or "the first" (a new event), one whose
sentence names a word that decides a type of its own (a weapon ``triggers.CUES``, workers for
a strike, a mob, a protest's words of violence, lethal force or intervention).

Its antecedent is the nearest earlier mention (same sentence or before) in the same
paragraph, or at most ``SENTENCES_BACK`` sentences back across paragraphs, that
- has its type decided by its words (confidence 1.0; a type the classifier chose is no
  antecedent's), whatever its modality, and
- is compatible: its code is one of the anaphor's trigger's candidate codes
  (``triggers.NOUNS``), or the anaphor is generic (``GENERIC``: "the attack") and the
  antecedent's code is violent. A type outside the anaphor's candidates is never taken
  ("the shelling" after "an air strike" stays shelling); an incompatible mention between
  them is passed over ("a drone strike ... a car bomb ... the strike": the drone strike).
The anaphor takes its antecedent's code with confidence 1.0 (the antecedent's words decide);
its modality, cue, actor, target, place, time and figures stay its own ("denied carrying
out the strike" stays denied). An anaphor so typed is an antecedent for later ones.
"Incident" is no trigger: it names no type, and a mention that only repeats an earlier one
adds no event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claimledger.extract.events import kinds as k
from claimledger.extract.events import triggers as tr
from claimledger.extract.events.mentions import MOB, VIOLENT_CODES
from claimledger.model import Event, Sentence

SENTENCES_BACK = 3  # across paragraphs: the antecedent's sentence at most this many back
GENERIC = frozenset({"attack"})  # anaphors of any violent event ("the attack")
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
ADJECTIVES = frozenset({"same", "deadly", "alleged", "reported", "suspected", "apparent"})
TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "yesterday", "today", "tonight", "day", "night", "morning", "afternoon", "evening",
     "week", "weekend"}
)  # fmt: skip
# Words of a sentence that decide a type of their own: weapons, workers for a strike, a mob,
# a protest's violence, lethal force or intervention.
WEAPONS = frozenset(tr.CUES) - tr.SPAN_ONLY
LABOUR = k.WORKER | {"union", "wage", "pay", "salary"}
PROTEST_WORDS = frozenset().union(*(words for words, _ in tr.PROTEST_CODES))
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")


def _forms(word: str) -> set[str]:
    """A lowercased word and its singular stems ("clashes": "clash", "drones": "drone")."""
    low = word.lower()
    out = {low}
    if low.endswith("es"):
        out.add(low[:-2])
    if low.endswith("s"):
        out.add(low[:-1])
    return out


def _trigger_lemma(text: str) -> str | None:
    """The lexicon noun a one-word trigger is a form of."""
    if not _WORD.fullmatch(text) or "'" in text or "\u2019" in text:
        return None
    for form in sorted(_forms(text), key=len, reverse=True):
        if form in tr.NOUNS:
            return form
    return None


def _definite(before: str) -> bool:
    """Whether the words before a trigger make it definite ("the", "this", a time's
    possessive), with at most one of ``ADJECTIVES`` between."""
    words = _WORD.findall(before)[-3:]
    if words and words[-1].lower() in ADJECTIVES:
        words = words[:-1]
    if not words:
        return False
    last = words[-1].lower()
    if last in DETERMINERS:
        return True
    return any(last.endswith(m) and last[: -len(m)] in TIME_WORDS for m in ("'s", "\u2019s"))


def _own_words(lemma: str, sentence: str) -> bool:
    """Whether the anaphor's sentence names a word that decides a type of its own."""
    words: set[str] = set()
    for w in _WORD.findall(sentence):
        words |= _forms(w)
    if words & WEAPONS or words & MOB:
        return True
    if lemma == "strike" and words & LABOUR:
        return True
    return "PEACE_PROTEST" in tr.NOUNS[lemma] and bool(words & PROTEST_WORDS)


def anaphor(ev: Event, sentence: Sentence) -> str | None:
    """The trigger lemma of an event mention that refers back (see the module), else None."""
    lemma = _trigger_lemma(ev.text)
    if lemma is None:
        return None
    before = sentence.text[: ev.start - sentence.start]
    if not _definite(before) or _own_words(lemma, sentence.text):
        return None
    return lemma


def _compatible(lemma: str, code: str) -> bool:
    return code in tr.NOUNS[lemma] or (lemma in GENERIC and code in VIOLENT_CODES)


def resolve(events: Sequence[Event], sentences: Sequence[Sentence]) -> list[Event]:
    """The events of one document, each anaphor typed as its antecedent (see the module)."""
    order = sorted(range(len(events)), key=lambda i: (events[i].start, events[i].end))
    out = list(events)
    seen: list[Event] = []  # earlier mentions, typed, in document order
    for i in order:
        ev = out[i]
        here = sentences[ev.sentence_index]
        lemma = anaphor(ev, here)
        if lemma is not None:
            for before in reversed(seen):
                there = sentences[before.sentence_index]
                near = there.paragraph == here.paragraph or (
                    here.index - there.index <= SENTENCES_BACK
                )
                if not near:
                    break
                if before.confidence == 1.0 and _compatible(lemma, before.code):
                    ev = replace(ev, code=before.code, confidence=1.0)
                    out[i] = ev
                    break
        seen.append(ev)
    return out
