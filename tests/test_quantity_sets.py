"""The scorer for the independent quantity sets, on hand-built cases and records."""

from __future__ import annotations

from typing import Any

from claimledger.evaluation.quantity_sets import Case, Gold, score


def _rec(value: float | None, unit: str, **extra: Any) -> dict[str, Any]:
    return {"kind": "quantity", "value": value, "unit": unit, "bound": "exact", **extra}


def test_value_and_unit_are_scored_apart() -> None:
    cases = [Case("It costs $5 and weighs 2 kg.", (Gold(5.0, "USD"), Gold(2.0, "kilogram")))]
    records = [[_rec(5.0, "USD"), _rec(2.0, "count")]]
    scores = score(cases, records)
    assert scores["value"] == (100.0, 100.0, 100.0)
    assert scores["value+unit"] == (50.0, 50.0, 50.0)


def test_a_range_offers_both_ends_and_ages_match_years() -> None:
    cases = [Case("5 to 7 miles, aged 30", (Gold(7.0, "mile"), Gold(30.0, "year_of_age")))]
    records = [
        [
            _rec(None, "mile", bound="range", lower=5.0, upper=7.0),
            _rec(30.0, "year"),
            {"kind": "attribution"},
        ]
    ]
    assert score(cases, records)["value+unit"][1] == 100.0


def test_an_unmapped_gold_unit_scores_on_value_only() -> None:
    cases = [Case("420 million markka", (Gold(420e6, None),))]
    scores = score(cases, [[_rec(420e6, "count")]])
    assert scores["value"][1] == 100.0 and scores["value+unit"][1] == 0.0
