"""Time expressions: the hand-checked set (all of it), datelines, and hostile input."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.extract.times import TIME_KINDS, dateline_date, find_times
from tests.data.time_set import CASES, Case


def _run(case: Case) -> list[tuple[str, str | None, str | None, str, str | None]]:
    sentence, anchor, future, _ = case
    day = date.fromisoformat(anchor) if anchor else None
    return [record.as_tuple() for record in find_times(sentence, day, future=future)]


@pytest.mark.parametrize("case", CASES, ids=[case[0][:60] for case in CASES])
def test_time_set(case: Case) -> None:
    assert _run(case) == case[3]


def test_the_set_is_large_enough_and_well_formed() -> None:
    assert len(CASES) >= 150
    for _, anchor, _, expected in CASES:
        for _, start, end, kind, resolved_against in expected:
            assert kind in TIME_KINDS
            if start and end:
                assert start <= end
            if resolved_against:
                date.fromisoformat(resolved_against)
        if anchor:
            date.fromisoformat(anchor)


def test_offsets_point_at_the_text() -> None:
    text = "Shelling hit Varnek on Tuesday and again on 4 May 2024, officials said."
    for record in find_times(text, date(2024, 5, 9), offset=100):
        assert text[record.start - 100 : record.end - 100] == record.time_text
        assert record.rule.startswith("time.")


def test_never_resolved_against_today() -> None:
    records = find_times("It happened yesterday and last week.")
    assert [r.time_start for r in records] == [None, None]


@pytest.mark.parametrize(
    ("text", "fallback", "expected"),
    [
        ("KYIV, March 3 (Reuters) - Shelling hit the city.", date(2024, 3, 3), date(2024, 3, 3)),
        ("KYIV, March 3 (Reuters) - Shelling hit the city.", 2023, date(2023, 3, 3)),
        ("KYIV, March 3 (Reuters) - Shelling hit the city.", None, None),
        ("VARNEK, Dec 31 (Reuters) - The year ended.", date(2025, 1, 2), date(2024, 12, 31)),
        ("Varnek, 4 May 2024 — The council met.", None, date(2024, 5, 4)),
        ("Varnek, Eastmark, 4 May 2024 — The council met.", None, date(2024, 5, 4)),
        ("March 3, 2024 /PRNewswire/ -- Tolvia Grain announced...", None, date(2024, 3, 3)),
        ("BRASK, Tuesday, March 5, 2024 (AP) — Police said...", None, date(2024, 3, 5)),
        ("  OSTREL, SEPT. 9, 2023 - The ministry said...", None, date(2023, 9, 9)),
        ("2024-03-03 — Statement of the Eastmark Front", None, date(2024, 3, 3)),
        ("LUNDRA (AP) — Police said on March 3 that...", date(2024, 3, 5), None),
        ("Shelling hit Varnek on March 3, 2024.", None, None),
        ("KYIV, February 30, 2024 (Reuters) - x", None, None),
        ("KYIV, February 29 (Reuters) - x", 2023, None),
        ("", None, None),
    ],
)
def test_dateline(text: str, fallback: date | int | None, expected: date | None) -> None:
    assert dateline_date(text, fallback) == expected


@pytest.mark.parametrize(
    "text",
    [
        "January 4, 99999 and in 99999 and 4 January 99999 and 9999-12-31",
        "On December 31, 9999 and 15 days later, and the next year.",
        "On January 1, 0001, two days earlier, in the year before.",
        "since 9999, until 1000, between 0000 and 9999, the 9990s",
        "\x00on Tuesday\x07 in\x0bMarch\r\n\x1b[31m2024-02-30\x1b[0m \ufeffyesterday",
        "on 99/99/9999 and 00/00/0000 and on 0/0",
    ],
)
def test_hostile_input_returns(text: str) -> None:
    for anchor in (None, date(9999, 12, 31), date(1, 1, 1)):
        for record in find_times(text, anchor, future=anchor is None):
            assert text[record.start : record.end] == record.time_text
    dateline_date(text, date(9999, 12, 31))
    dateline_date(text, 99999)


def test_a_megabyte_line_returns() -> None:
    pieces = ["1234567890" * 50, "January February March " * 20, "on Tuesday 2024 " * 10]
    text = (" ".join(pieces) * 200)[:1_000_000]
    find_times(text, date(2024, 3, 7))
    find_times("9" * 1_000_000)
    find_times("March " * 170_000)
    dateline_date("a," * 500_000)
