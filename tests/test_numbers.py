import pytest

from claimledger.extract.quantities.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("41,200", 41200),
        ("2.4 billion", 2.4e9),
        ("318 million", 318e6),
        ("40 thousand", 40000),
        ("seven", 7),
        ("twenty-five", 25),
        ("twenty-five thousand", 25000),
        ("three hundred", 300),
        ("one hundred and twenty", 120),
        ("a dozen", 12),
        ("two and a half", 2.5),
        ("a hundred", 100),
        ("1/2", 0.5),
        ("½", 0.5),
        ("2.5bn", 2.5e9),
        ("10k", 10000),
        (".5", 0.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "$", "soldiers", "the", "1/0"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None
