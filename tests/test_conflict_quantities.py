"""Quality gate: every field of every quantity in the conflict-reporting set is right."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.extract.quantities import extract_quantities
from tests.data.conflict_quantities import CASES


def _row(q: Any) -> tuple[Any, ...]:
    change = None
    if q.change is not None:
        change = (q.change.direction, q.change.from_value, q.change.to_value)
    return (q.text, q.value, q.lower, q.upper, q.unit, q.bound, q.per, change, q.quantified)


def test_the_set_is_large_enough() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_conflict_sentence(nlp: Any, sentence: str, expected: list[tuple[Any, ...]]) -> None:
    found = extract_quantities(nlp(sentence)[:], "d", 0, 0)
    rules = [f"{q.text!r}: {q.rule}" for q in found]
    assert [_row(q) for q in found] == [tuple(e) for e in expected], f"rules: {rules}"
