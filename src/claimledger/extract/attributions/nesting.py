"""Parent links: an attribution whose cue lies inside another's content is nested in it."""

from __future__ import annotations

import bisect
from dataclasses import replace

from claimledger.model import Attribution


def link_nested(found: list[Attribution]) -> list[Attribution]:
    """Mark an attribution whose cue lies inside another's content as nested in it (the first
    such one, in order). Runs per sentence and again over the whole document, where a quote
    runs over several sentences. Two contents can hold each other's cues ("“A,” Sanders
    said, according to CNN"): the later cue is then the outer one, so no chain loops."""
    starts = sorted((a.cue_start, i) for i, a in enumerate(found) if a.cue_start is not None)
    keys = [start for start, _ in starts]
    parent: dict[int, int] = {}
    for j, p in enumerate(found):
        if p.content_start is None or p.content_end is None:
            continue
        lo = bisect.bisect_left(keys, p.content_start)
        hi = bisect.bisect_left(keys, p.content_end)
        for _, i in starts[lo:hi]:
            if i != j and i not in parent:
                parent[i] = j
    for i in list(parent):
        chain, k = [i], parent.get(i)
        while k is not None and k not in chain:
            chain.append(k)
            k = parent.get(k)
        if k is not None:  # a loop: its latest cue is outermost
            loop = chain[chain.index(k) :]
            parent.pop(max(loop, key=lambda m: found[m].cue_start or 0), None)
    return [
        replace(a, parent_start=found[parent[i]].cue_start) if i in parent else a
        for i, a in enumerate(found)
    ]
