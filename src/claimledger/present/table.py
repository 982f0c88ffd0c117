"""Plain-text rendering of ranked claims for the terminal."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.escapes import visible


@dataclass
class ClaimRow:
    """A claim as ``claimledger claims`` lists it: its figures and sources as the table's
    text (the records' fields are in ``export``)."""

    id: str
    doc_id: str
    source: str
    title: str | None
    score: float
    label: str
    types: list[str]
    text: str
    start: int
    end: int
    figures: list[str]
    sources: list[str]


def claims_table(rows: Sequence[ClaimRow], width: int | None = None) -> str:
    if not rows:
        return "no claims matched\n"
    width = width or max(60, min(shutil.get_terminal_size((100, 20)).columns, 140))
    tw = min(34, max(5, *(len(", ".join(r.types)) for r in rows)))
    head = f"{'#':>3}  {'score':<5}  {'types':<{tw}}  claim"
    out = [head, "-" * min(width, 100)]
    indent = " " * (14 + tw)
    body_width = max(30, width - len(indent))
    for i, r in enumerate(rows, start=1):
        types = ", ".join(r.types)[:tw]
        text = visible(" ".join(r.text.split()))
        lines = textwrap.wrap(text, body_width) or [""]
        out.append(f"{i:>3}  {r.score:<5.2f}  {types:<{tw}}  {lines[0]}")
        out.extend(indent + line for line in lines[1:])
        for label, items in (("figures", r.figures), ("source", r.sources)):
            for j, item in enumerate(items):
                prefix = f"{label}: " if j == 0 else " " * (len(label) + 2)
                pad = " " * (len(label) + 4)
                wrapped = textwrap.wrap(prefix + visible(item), body_width, subsequent_indent=pad)
                out.extend(indent + w for w in wrapped)
        out.append(f"{indent}in {visible(r.source)} (doc {r.doc_id}, chars {r.start}-{r.end})")
    return "\n".join(out) + "\n"
