"""Conversions: a figure in brackets that restates the one before it in other units
("more than 40 million hryvnias ($1 million)") takes that figure's bound and change."""

from __future__ import annotations

import itertools
import re

from claimledger.extract.quantities.candidate import Candidate, set_bound
from claimledger.model import Change


def conversions_inherit(quantities: list[Candidate], text: str) -> None:
    """Rule ``conversion``: each restating figure takes the bound and change of the one it
    restates, when it is not exact (``quantities`` in order of start)."""
    for prev, q in itertools.pairwise(quantities):
        if not _restates(prev, q, text):
            continue  # "150 hp (112 kW / 152 PS)": each figure in the brackets restates it
        if q.bound == prev.bound == "range" and q.change is None and prev.change:
            q.change = prev.change  # "fell by 2 to 3 degrees Celsius (3.6 to 5.4 F)"
            q.rule = "conversion"
            continue
        if q.bound != "exact" or q.change is not None or prev.bound in ("range", "vague"):
            continue
        inherited = _inherit_bound(q, prev.bound)
        if prev.change is not None and prev.change.from_value is None:
            q.change = Change(prev.change.direction, None, None, q.value)
            inherited = True
        if inherited:
            q.rule = "conversion"


def _restates(prev: Candidate, q: Candidate, text: str) -> bool:
    gap = text[prev.end : q.start]
    in_brackets = text.count("(", 0, prev.start) > text.count(")", 0, prev.start)
    # a change restated after ", or" in another unit: "shed 300 points, or 0.9%"
    or_restated = (
        prev.change is not None and prev.unit != q.unit and re.fullmatch(r",\s*or\s+", gap)
    )
    return bool(
        re.fullmatch(r"\s*[(\[]\s*", gap)
        or (in_brackets and re.fullmatch(r"\s*/\s*", gap))
        or or_restated
    )


def _inherit_bound(q: Candidate, bound: str) -> bool:
    """Give ``q`` the bound of the figure it restates; False when that one is exact."""
    if bound == "exact":
        return False
    set_bound(q, bound)
    return True
