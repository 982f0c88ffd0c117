"""Quotation spans and lookups: where the quotes of a chunk are, which one is next to a
cue, whether a span is direct speech, and a quote continued after its cue."""

from __future__ import annotations

import bisect
import re
from typing import Any


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the text inside each quotation, in chunk offsets.

    Straight quotes (and the doubled apostrophes some wires use for them) pair in order of
    appearance; an unclosed quote runs to ``end`` (multi-paragraph quotes leave their
    closing mark off until the last paragraph)."""
    spans = []
    i = start
    while i < end:
        ch = text[i]
        if text.startswith("''", i):
            width, closer = 2, "''"
        elif ch in "“«„" or ch == '"':
            width, closer = 1, {"“": "”", "«": "»", "„": "“"}.get(ch, '"')
        else:
            i += 1
            continue
        j = text.find(closer, i + width, end)
        if ch == "„" and j < 0:
            j = text.find("”", i + 1, end)
        stop = j if j >= 0 else end
        if stop > i + width:
            spans.append((i + width, stop))
        i = stop + width
    return spans


def _adjacent_quote(quotes: list[tuple[int, int]], verb: Any, sent: Any) -> tuple[int, int] | None:
    if not quotes:
        return None
    text = sent.doc_text
    cue_s, cue_e = verb.idx, verb.idx + len(verb.text)
    best = None
    for s, e in quotes:
        if e <= cue_s:
            gap = text[e:cue_s]
        elif s >= cue_e:
            gap = text[cue_e:s]
        else:
            continue
        close = len(gap) <= 60 and not re.search(r"[.;!?]", gap.strip(" \"”’',"))
        if close and (best is None or abs(s - cue_s) < abs(best[0] - cue_s)):
            best = (s, e)
    return best


def _is_direct(span: tuple[int, int] | None, quotes: list[tuple[int, int]]) -> bool:
    if span is None:
        return False
    s, e = span
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quotes)
    return inside >= 0.6 * max(1, e - s)


def _within(quotes: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies inside a quote; ``quotes`` come from ``quote_spans``, in order
    and never overlapping, so only the last one starting at or before ``at`` can hold it."""
    k = bisect.bisect_right(quotes, at, key=lambda q: q[0])
    return k > 0 and at < quotes[k - 1][1]


def _continued(text: str, quote: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A quote before its cue ("“A,” she said.") continued by the next quote when that one
    follows the sentence with no cue of its own ("“B.”"): both are what she said."""
    later = [q for q in quotes if q[0] > quote[1]]
    if not later:
        return quote
    nxt = later[0]
    between = text[quote[1] : nxt[0]]
    if len(between) <= 120 and re.fullmatch(r"[,\"”’'\s]+[^.!?\"“”]*,\s*[\"“']+", between):
        return (quote[0], nxt[1])  # "“A,” the governor said, “and B.”": one quote, split
    m = re.search(r"[.!?][\"”’']*\s+[\"“']+$", between)
    if m is None or re.search(r"[.!?]", between[: m.start()]) or len(between) > 120:
        return quote
    inner = text[nxt[0] : nxt[1]].rstrip()
    if not inner or inner[-1] not in ".!?":
        return quote  # "“B,” he added." carries its own cue
    return (quote[0], nxt[1])
