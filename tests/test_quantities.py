"""Quantity extraction on hand-written wire-report sentences (first version; issue 4 widens)."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.extract.quantities import extract_quantities


def quantities(nlp: Any, sentence: str) -> list[Any]:
    doc = nlp(sentence)
    found = extract_quantities(doc[:], "d", 0, 0)
    for q in found:
        assert sentence[q.start : q.end] == q.text
    return found


CASES = [
    # sentence, text, value, lower, upper, unit, bound
    ("At least 19 civilians were killed.", "At least 19", 19, 19, None, "count", "at_least"),
    (
        "More than 41,200 people were displaced.",
        "More than 41,200",
        41200,
        41200,
        None,
        "count",
        "more_than",
    ),
    ("Almost 300 soldiers were wounded.", "Almost 300", 300, None, 300, "count", "less_than"),
    ("Up to 35% of the grid is down.", "Up to 35%", 35, None, 35, "percent", "at_most"),
    ("Around 9,000 troops crossed.", "Around 9,000", 9000, None, None, "count", "approx"),
    ("Some 120,000 people fled.", "Some 120,000", 120000, None, None, "count", "approx"),
    ("The fund holds $2.4 billion.", "$2.4 billion", 2.4e9, 2.4e9, 2.4e9, "USD", "exact"),
    (
        "The city has 318 million litres.",
        "318 million litres",
        318e6,
        318e6,
        318e6,
        "litre",
        "exact",
    ),
    ("The city has 318 million people.", "318 million", 318e6, 318e6, 318e6, "count", "exact"),
    ("Seven ships were sunk.", "Seven", 7, 7, 7, "count", "exact"),
    ("The siege lasted three weeks.", "three weeks", 3, 3, 3, "week", "exact"),
    (
        "They drove five to seven kilometres.",
        "five to seven kilometres",
        None,
        5,
        7,
        "kilometre",
        "range",
    ),
    ("Between 30 and 40 battalions moved.", "Between 30 and 40", None, 30, 40, "count", "range"),
    ("Dozens of drones were launched.", "Dozens", None, 12, 120, "count", "vague"),
    (
        "Tens of thousands of shells were fired.",
        "Tens of thousands",
        None,
        1e4,
        1e5,
        "count",
        "vague",
    ),
    ("A dozen cargo vessels waited.", "A dozen", 12, 12, 12, "count", "exact"),
    ("The bill was €40 million.", "€40 million", 4e7, 4e7, 4e7, "EUR", "exact"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "lower", "upper", "unit", "bound"), CASES)
def test_quantity(
    nlp: Any,
    sentence: str,
    text: str,
    value: float | None,
    lower: float | None,
    upper: float | None,
    unit: str,
    bound: str,
) -> None:
    found = quantities(nlp, sentence)
    assert [q.text for q in found] == [text]
    q = found[0]
    assert (q.value, q.lower, q.upper, q.unit, q.bound) == (value, lower, upper, unit, bound)


def test_change_from_to(nlp: Any) -> None:
    [q] = quantities(nlp, "Inflation fell from 2.5% in 2022 to 0.8% in 2023.")
    assert q.text == "from 2.5% in 2022 to 0.8%"
    assert q.change is not None
    assert (q.change.direction, q.change.from_value, q.change.to_value) == ("down", 2.5, 0.8)


def test_change_by(nlp: Any) -> None:
    [q] = quantities(nlp, "Rates increased by 6 percentage points.")
    assert q.unit == "percentage_point"
    assert q.change is not None and q.change.direction == "up" and q.change.by_value == 6


def test_rate(nlp: Any) -> None:
    [q] = quantities(nlp, "The war costs $150 million per day.")
    assert (q.value, q.unit, q.per) == (150e6, "USD", "day")


def test_cents_down(nlp: Any) -> None:
    [q] = quantities(nlp, "Gas prices were down 19 cents.")
    assert q.unit == "USD" and q.value == pytest.approx(0.19)
    assert q.change is not None and q.change.direction == "down"


@pytest.mark.parametrize(
    "sentence",
    [
        "The 7th Armoured Brigade moved on March 3, 2022.",
        "The convoy took Route 60 in 1989.",
        "Moody's cut the rating from Baa1 to Baa2.",
        "COVID-19 reached the front where F-16 jets flew.",
        "1) The first point is clear.",
        "It happened in the 2nd week of the 20th century.",
    ],
)
def test_not_quantities(nlp: Any, sentence: str) -> None:
    assert quantities(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "quantified"),
    [
        ("At least 19 civilians were killed.", "civilians killed"),
        ("Dozens of drones were launched overnight.", "drones"),
        ("The army captured 35 enemy tanks.", "enemy tanks"),
    ],
)
def test_quantified(nlp: Any, sentence: str, quantified: str) -> None:
    [q] = quantities(nlp, sentence)
    assert q.quantified == quantified


@pytest.mark.parametrize(
    ("sentence", "rules"),
    [
        ("The company employs 500 people.", ["number"]),
        ("The tower is 300 metres tall.", ["number_with_unit"]),
        ("The fund holds $2.4 billion.", ["currency_amount"]),
        ("Unemployment reached 4.5% in May.", ["percent"]),
        ("The mass is 1.99×10−30 kg.", ["scientific_notation"]),
        ("Ahmed Saleh, 34, said he fled.", ["age_apposition"]),
        ("Pumps deliver 40 litres per minute.", ["rate_per"]),
        ("The clinic runs 3,000 tests per day.", ["rate_per"]),
        ("Fines range from $400 to $9,000.", ["range_from_to"]),
        ("Inflation rose from 4% to 11%.", ["change_from_to"]),
        ("Between 5 and 10 people were hurt.", ["range_between"]),
        ("The plan costs 5-10 million dollars.", ["range_dash"]),
        ("It will take 5 to 10 years.", ["range_to"]),
        ("Two or three people were hurt.", ["range_or"]),
        ("Fares cost $7/$9 a ride.", ["range_slash"]),
        ("The toll rose from 10 to 20 to 35.", ["change_from_to", "change_from_to"]),
        ("The index fell by 2 to 3 points.", ["change_range"]),
        ("Shares rose 4% on Monday.", ["change_by"]),
        ("The index was +5% higher.", ["change_signed"]),
        ("The stock rose 12 sen to RM4.10.", ["change_by", "level_after_change"]),
        ("Inflation fell to 0.8% in March.", ["level_after_change"]),
        ("Dozens of drones were launched.", ["vague_amount"]),
        ("A third of the budget went to defence.", ["fraction_of"]),
        ("One in five adults smokes.", ["share_one_in"]),
        ("The storm moved about 5 miles (8 km) inland.", ["number_with_unit", "conversion"]),
    ],
)
def test_rule(nlp: Any, sentence: str, rules: list[str]) -> None:
    assert [q.rule for q in quantities(nlp, sentence)] == rules


def test_every_quantity_names_a_known_rule(nlp: Any) -> None:
    from claimledger.extract.quantities import RULES
    from tests.data.conflict_quantities import CASES as CONFLICT_CASES

    sentences = [c[0] for c in CASES] + [c[0] for c in CONFLICT_CASES]
    found = [q for s in sentences for q in quantities(nlp, s)]
    assert len(found) > 200
    assert all(q.rule in RULES for q in found), {q.rule for q in found} - set(RULES)


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        # issue 17: unit spellings outside the news core, each a class of its own
        (
            "The collider ran at 6.5 TeV and the cell gave 1.7 eV.",
            ["teraelectronvolt", "electronvolt"],
        ),
        (
            "Add 2 tbsp of oil, 1 tsp of salt and 50 cl of water.",
            ["tablespoon", "teaspoon", "centilitre"],
        ),
        ("Each tablet holds 400 micrograms of folic acid.", ["microgram"]),
        ("The pack stores 50 Wh and the line carries 11 kV.", ["watt_hour", "kilovolt"]),
        ("It cost 10 US dollar and 100 Chinese yuan.", ["USD", "CNY"]),
        ("Exports rose to HK $ 10 billion and NZ $ 2 billion.", ["HKD", "NZD"]),
        (
            "Highs of 38 degrees C are forecast, and the water boils at 212F.",
            ["celsius", "fahrenheit"],
        ),
        # a bare C or F without a word of temperature is no unit ("Grade 12 C", "iPhone 5C")
        ("He sold 3 iPhone 5C handsets.", ["count"]),
        # "5 W" after a street-like capitalised word is an address, not watts
        ("The office at 55 W Harbour Street employs 40 people.", ["count"]),
    ],
)
def test_unit_spellings(nlp: Any, sentence: str, units: list[str]) -> None:
    assert [q.unit for q in quantities(nlp, sentence)] == units
