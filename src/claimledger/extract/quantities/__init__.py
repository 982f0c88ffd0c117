"""Quantity extraction: every figure a sentence states, normalised.

Rule-based over the sentence text, one step per module:

- ``atoms``: a regular expression finds each number with its scale, currency, unit and
  rate (``rates``); ``numbers`` parses it and ``units`` names its unit.
- ``exclusions``: spaCy's tokens drop dates, times, years, list numbers, street numbers
  and names with numbers.
- ``fractions``: shares such as "one in five" and "a third of".
- ``combine``: neighbouring figures become ranges and changes; ``changes`` reads verbs of
  change and ``bounds`` the approximators before a figure ("more than", "almost").
- ``vague``: vague amounts ("dozens").
- ``conversions`` and ``levels``: a bracketed restatement takes its figure's bound; the
  level a change reaches takes the change.
- ``counted``: the counted thing ("civilians killed").

Steps pass ``candidate.Candidate`` records; each quantity's ``rule`` names the rule that
produced it. Offsets are into the document text.
"""

from __future__ import annotations

from typing import Any

from claimledger.extract.quantities.atoms import ATOM, scan_atoms
from claimledger.extract.quantities.bounds import APPROX
from claimledger.extract.quantities.candidate import RULES, Candidate
from claimledger.extract.quantities.combine import combine
from claimledger.extract.quantities.conversions import conversions_inherit
from claimledger.extract.quantities.counted import counted
from claimledger.extract.quantities.exclusions import CONTROL_SEQUENCE, MONTHS, figures_only
from claimledger.extract.quantities.fractions import FRACTION, fractions
from claimledger.extract.quantities.levels import levels_after_change
from claimledger.extract.quantities.vague import VAGUE, VAGUE_BOUNDS, vague_amounts
from claimledger.model import Quantity
from claimledger.nlp.parsed import as_sent

__all__ = [
    "APPROX",
    "ATOM",
    "CONTROL_SEQUENCE",
    "FRACTION",
    "MONTHS",
    "RULES",
    "VAGUE",
    "VAGUE_BOUNDS",
    "Candidate",
    "extract_quantities",
]


def extract_quantities(sent: Any, doc_id: str, offset: int, sentence_index: int) -> list[Quantity]:
    """Quantities in one spaCy sentence; ``offset`` maps sentence offsets to the document."""
    sent = as_sent(sent)
    text: str = sent.text
    atoms = figures_only(scan_atoms(text), text, sent)
    shares = fractions(text)  # "one in five" wins over the "five" inside it
    atoms = [a for a in atoms if not any(f.overlaps(a.start, a.end) for f in shares)]
    quantities = combine(atoms, text) + shares
    quantities += vague_amounts(text, quantities)
    quantities.sort(key=lambda q: q.start)
    conversions_inherit(quantities, text)
    levels_after_change(quantities, text)
    return [
        _quantity(q, counted(q, sent, text), text, doc_id, offset, sentence_index)
        for q in quantities
    ]


def _quantity(
    q: Candidate, quantified: str | None, text: str, doc_id: str, offset: int, index: int
) -> Quantity:
    return Quantity(
        doc_id=doc_id,
        start=offset + q.start,
        end=offset + q.end,
        text=text[q.start : q.end],
        value=q.value,
        lower=q.lower,
        upper=q.upper,
        unit="count" if q.unit == "vague" else q.unit,
        bound=q.bound,
        per=q.per,
        change=q.change,
        quantified=quantified,
        sentence_index=index,
        rule=q.rule,
    )
