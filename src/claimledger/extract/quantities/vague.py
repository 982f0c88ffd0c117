"""Vague amounts: "dozens", "hundreds of thousands", bounded by their order of magnitude."""

from __future__ import annotations

import re

from claimledger.extract.quantities.candidate import Candidate

VAGUE = re.compile(
    r"\b(?P<v>(?i:(?:several\s+)?(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|"
    r"dozens|scores|hundreds|thousands|millions|billions))\b(?:\s+of\b)?"
)
# Order-of-magnitude bounds: certainly true of the words, as the NewsQuant benchmark
# also reads them ("hundreds" is between 100 and 1,000).
VAGUE_BOUNDS = {
    "dozens": (12.0, 120.0),
    "scores": (20.0, 200.0),
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e4),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e7),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e10),
    "tens of billions": (1e10, 1e11),
    "hundreds of billions": (1e11, 1e12),
}


def vague_amounts(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Rule ``vague_amount``: each vague amount outside the quantities already ``taken``."""
    out = []
    for m in VAGUE.finditer(text):
        if any(q.overlaps(m.start(), m.end()) for q in taken):
            continue
        key = re.sub(r"\s+", " ", m.group("v").lower()).replace("several ", "")
        lower, upper = VAGUE_BOUNDS.get(key, (None, None))
        start, end = m.start("v"), m.end("v")
        out.append(Candidate(start, end, None, "vague", "vague", lower, upper, "vague_amount"))
    return out
