"""Times tied to figures and claims, one sentence at a time: a figure takes the time
expression of its sentence nearest to it, a claim the one nearest to its sentence's main verb;
a sentence that states none inherits the last one stated earlier in its paragraph, else the
document's date as a day (both marked ``inherited``). Reads the spaCy parse only for the main
verb's tense; the expressions come from regexes over the sentence's text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from claimledger.extract.times.find import find_times
from claimledger.extract.times.types import TimeExpression
from claimledger.model import NO_TIME, Sentence, Time, When

# The main verb is future: "will/shall meet", "is going/expected/due/set to meet".
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
_FUTURE_HEADS = frozenset({"going", "expected", "due", "set", "scheduled", "planned", "poised"})


def is_future(sent: Any) -> bool:
    """Whether a spaCy sentence's main verb is future: its root, or the clause a speech root
    reports ("Repairs will begin on Monday, the mayor said"), has a future auxiliary or is a
    "going to", "expected to" head with a "to" clause."""
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "ccomp")]
    return any(_future_verb(v) for v in verbs)


def _future_verb(verb: Any) -> bool:
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in children):
        return True
    if verb.lower_ in _FUTURE_HEADS:
        return any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in children
        )
    return False


def _when(t: Time, inherited: bool = False) -> When:
    return When(
        t.text, t.start, t.end, t.time_start, t.time_end, t.time_kind, t.time_anchor, inherited
    )


def _distance(t: Time, start: int, end: int) -> int:
    """Characters between a time and a span (0 when they touch or overlap)."""
    return max(0, t.start - end, start - t.end)


class Timeline:
    """A document's times as its sentences come: its date, and each paragraph's last stated
    time expression, for the sentences after it that state none."""

    def __init__(self, doc_id: str, day: date | None) -> None:
        self.doc_id = doc_id
        self.date = day
        iso = day.isoformat() if day is not None else None
        self._dated = When(None, None, None, iso, iso, "day", None, True) if iso else NO_TIME
        self._last: dict[int, When] = {}
        self._sentence: tuple[int, list[Time]] = (-1, [])

    def sentence_times(self, sentence: Sentence, sent: Any) -> list[Time]:
        """The time expressions of one sentence, resolved against the document's date."""
        found = find_times(sentence.text, self.date, future=is_future(sent), offset=sentence.start)
        times = [self._record(t, sentence.index) for t in found]
        self._sentence = (sentence.index, times)
        if times:
            self._last[sentence.paragraph] = _when(times[-1])
        return times

    def _record(self, t: TimeExpression, sentence_index: int) -> Time:
        return Time(
            self.doc_id, t.start, t.end, t.time_text, t.time_start, t.time_end,
            t.time_kind, t.time_anchor, t.rule, sentence_index,
        )  # fmt: skip

    def _inherited(self, sentence: Sentence) -> When:
        last = self._last.get(sentence.paragraph)
        return self._dated if last is None else replace(last, inherited=True)

    def nearest(self, sentence: Sentence, start: int, end: int) -> When:
        """The time of a span of ``sentence``: its sentence's expression nearest to it, else
        the inherited one."""
        index, times = self._sentence
        if index != sentence.index or not times:
            return self._inherited(sentence)
        return _when(min(times, key=lambda t: _distance(t, start, end)))
