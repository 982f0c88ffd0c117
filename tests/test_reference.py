"""Reference data: reading trusted figures (CSV, JSONL, bad rows, hostile files) and checking
extracted figures against them. Places are invented (Varnek, Orlesk) or real only as gazetteer
lookups; every figure is invented."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from claimledger.check.reference import (
    APPROX_SPREAD,
    DEFAULT_TOLERANCE,
    MAX_FIELD_CHARS,
    Check,
    ReferenceError,
    ReferenceRow,
    check_figure,
    check_figures,
    figure_interval,
    normalise_measure,
    read_reference,
    time_match,
)
from claimledger.model import Change, Document, Quantity, When, Where

DATA = Path(__file__).parent / "data" / "reference"
HEADER = "measure,place,date,start,end,value,lower,upper,unit,source,url"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def row(**kw: object) -> ReferenceRow:
    base: dict[str, object] = {
        "line": 2,
        "measure": "killed",
        "measure_text": "killed",
        "place": "Varnek",
        "start": "2026-03-10",
        "end": "2026-03-10",
        "value": 23.0,
        "lower": None,
        "upper": None,
        "unit": "count",
        "source": "Varnek Health Office",
    }
    base.update(kw)
    return ReferenceRow(**base)  # type: ignore[arg-type]


def figure(
    value: float | None = 23.0,
    bound: str = "exact",
    *,
    lower: float | None = None,
    upper: float | None = None,
    quantified: str | None = "people killed",
    start: str | None = "2026-03-10",
    end: str | None = "2026-03-10",
    kind: str = "day",
    place: str | None = "Varnek",
    geonames_id: int | None = None,
    unit: str = "count",
    change: Change | None = None,
) -> Quantity:
    if bound == "exact" and lower is None and upper is None:
        lower = upper = value
    return Quantity(
        doc_id="d",
        start=0,
        end=2,
        text="23",
        value=value,
        lower=lower,
        upper=upper,
        unit=unit,
        bound=bound,
        change=change,
        quantified=quantified,
        when=When(time_start=start, time_end=end, kind=kind),
        where=Where(text=place, geonames_id=geonames_id, name=place if geonames_id else None),
    )


# -- reading --------------------------------------------------------------------------------


def test_reads_csv() -> None:
    ref = read_reference(DATA / "tolls.csv")
    rows, rejections = ref
    assert rejections == []
    assert ref.format == "csv"
    assert ref.ignored_columns == ("comment",)
    assert [r.line for r in rows] == [2, 3, 4, 5, 6, 7]
    first = rows[0]
    assert (first.measure, first.place, first.start, first.end) == (
        "killed",
        "Varnek",
        "2026-03-10",
        "2026-03-10",
    )
    assert (first.value, first.unit, first.url) == (
        23.0,
        "count",
        "https://example.org/varnek/0310",
    )
    assert first.place_geonames_id is None  # an invented place: kept by name
    assert rows[1].measure == "killed" and rows[1].unit == "count"  # "deaths", unit empty
    displaced = rows[3]
    assert (displaced.value, displaced.lower, displaced.upper) == (None, 110000.0, 125000.0)
    assert (displaced.start, displaced.end) == ("2026-01-01", "2026-03-10")
    month = rows[4]
    assert (month.measure, month.start, month.end) == (
        "civilians killed",
        "2026-03-01",
        "2026-03-31",
    )
    assert (month.lower, month.upper) == (118.0, None)  # one-sided: at least 118
    assert month.url is None and month.notes == ("url dropped: not a plain http(s) address",)
    # a formula-like cell is data, kept as written; a javascript: URL is never kept
    formula = rows[5]
    assert formula.source == '=HYPERLINK("http://x")'
    assert formula.value == 1250.0 and formula.url is None


def test_reads_jsonl() -> None:
    ref = read_reference(DATA / "tolls.jsonl")
    rows, rejections = ref
    assert rejections == []
    assert ref.format == "jsonl"
    assert ref.ignored_columns == ("note",)
    assert [(r.line, r.measure, r.place) for r in rows] == [
        (1, "killed", "Varnek"),
        (2, "wounded", "Orlesk"),
        (4, "displaced", "Orlesk"),  # line 3 is blank
    ]
    assert rows[1].unit == "count"  # "people"
    assert (rows[1].lower, rows[1].upper) == (30.0, 40.0)
    assert rows[2].value == 500.0  # a number as a string


BAD_ROWS = {
    2: "no measure",
    3: "no place",
    4: "no source",
    5: "date '10/03/2026' is not a date claimledger reads; write it as YYYY-MM-DD",
    6: "date '2026-02-30' is not a date of the calendar",
    7: "start 2026-03-10 is after end 2026-03-01; swap them",
    8: "no end; a period needs both start and end",
    9: "both date and start/end",
    10: "no date; give date (YYYY-MM-DD)",
    11: "value 'twenty' is not a number",
    12: "value is 'NaN', not a finite number",
    13: "value is 'inf', not a finite number",
    14: "value '1e400' is not a finite number",
    15: "lower 40 is above upper 30; swap them",
    16: "both value and lower/upper",
    17: "no value; give value, or lower and/or upper",
    18: "a negative count",
    19: "unit 'bananas' is not one claimledger knows",
    20: "12 fields where the header has 11; quote a field that contains a comma",
    22: "the same figure as line 21",
}


def test_each_bad_row_is_rejected_with_its_line_and_reason() -> None:
    rows, rejections = read_reference(DATA / "bad_rows.csv")  # CRLF line ends
    assert [r.line for r in rows] == [21]
    got = {r.line: r.reason for r in rejections}
    assert sorted(got) == sorted(BAD_ROWS)
    for line, expected in BAD_ROWS.items():
        assert expected in got[line], (line, got[line])
    assert rejections[0].rejection("bad_rows.csv").input == "bad_rows.csv:2"
    assert rejections[0].text.startswith(",Varnek,2026-03-10")


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    good = {"measure": "killed", "place": "Varnek", "date": "2026-03-10", "source": "S"}
    lines = [
        json.dumps({**good, "value": 23}),
        "{not json",
        "[1, 2]",
        json.dumps({**good, "value": True}),
        '{"measure": "killed", "place": "Varnek", "date": "2026-03-10", "source": "S", '
        '"value": NaN}',
        "[" * 100_000 + "]" * 100_000,
        json.dumps({**good, "value": 1}).replace(": 1}", ": 1" + "0" * 5000 + "}"),
        json.dumps({**good, "value": {"n": 1}}),
        json.dumps({**good, "value": 24, "measure": ["killed"]}),
    ]
    path = write(tmp_path, "r.jsonl", "\n".join(lines) + "\n")
    rows, rejections = read_reference(path)
    assert [r.line for r in rows] == [1]
    got = {r.line: r.reason for r in rejections}
    assert "not valid JSON" in got[2]
    assert "a JSON list, not an object" in got[3]
    assert "value is true/false, not a number" in got[4]
    assert "not a finite number" in got[5]
    assert got[6].startswith(("JSON nested too deeply", "not valid JSON", "not usable JSON"))
    assert "not usable JSON" in got[7] or "too large" in got[7]
    assert "value is a JSON dict, not a number" in got[8]
    assert "measure is a JSON list; give it as text" in got[9]


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("measure,place,date,value,unit,url", "no source column"),
        ("measure,place,value,source", "no date (or start and end) column"),
        ("measure,place,start,value,source", "no end column"),
        ("measure,place,date,source", "no value (or lower and upper) column"),
        ("place,date,value,source", "no measure column"),
    ],
)
def test_missing_required_column_rejects_the_file(
    tmp_path: Path, header: str, missing: str
) -> None:
    path = write(tmp_path, "r.csv", header + "\nkilled,Varnek,2026-03-10,23\n")
    with pytest.raises(ReferenceError, match=re.escape(missing)) as err:
        read_reference(path)
    assert "r.csv" in str(err.value) and "columns found" in str(err.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"   \n\n", "empty input"),
        (f"{HEADER},Measure\n".encode(), "names 'measure' more than once"),
        (HEADER.encode() + b"\nkilled,Varnek\x00,2026-03-10,,,23,,,count,S,\n", "NUL bytes"),
        (
            HEADER.encode() + "\nkilled,Vårnek,2026-03-10,,,23,,,,S,\n".encode("latin-1"),
            "not valid",
        ),
        (b'[{"measure": "killed"}]', "a JSON array; write one JSON object per line"),
    ],
)
def test_whole_file_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path, "ref.data", content)
    with pytest.raises(ReferenceError, match=message):
        read_reference(path)


def test_jsonl_with_no_object_is_a_file_error(tmp_path: Path) -> None:
    path = write(tmp_path, "r.jsonl", "measure,place\nkilled,Varnek\n")
    with pytest.raises(ReferenceError, match="no line is a JSON object"):
        read_reference(path)


def test_size_limit(tmp_path: Path) -> None:
    body = HEADER + "\n" + "killed,Varnek,2026-03-10,,,23,,,count,S,\n" * 100
    path = write(tmp_path, "r.csv", body)
    with pytest.raises(ReferenceError, match="over the 1,000-byte limit"):
        read_reference(path, max_bytes=1000)
    assert len(read_reference(path, max_bytes=len(body)).rejections) == 99  # duplicates


def test_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(ReferenceError, match="no such file"):
        read_reference(tmp_path / "missing.csv")
    with pytest.raises(ReferenceError, match="not a regular file"):
        read_reference(tmp_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ReferenceError, match="not a regular file"):
        read_reference(fifo)  # never blocks waiting for a writer


def test_bom_crlf_utf16_and_sniffing(tmp_path: Path) -> None:
    text = HEADER + "\r\nkilled,Orlesk,2026-03-10,,,7,,,,S,\r\n"
    for name, data in [
        ("bom.csv", b"\xef\xbb\xbf" + text.encode()),
        ("utf16.csv", text.encode("utf-16")),
        ("noext", text.encode()),
        ("tabs.tsv", text.replace(",", "\t").encode()),
    ]:
        rows, rejections = read_reference(write(tmp_path, name, data))
        assert rejections == [], name
        assert [(r.measure, r.place, r.value, r.line) for r in rows] == [
            ("killed", "Orlesk", 7.0, 2)
        ], name
    sniffed = write(tmp_path, "records.txt", '{"measure": "killed", "place": "Orlesk", '
                    '"date": "2026-03-10", "value": 7, "source": "S"}\n')  # fmt: skip
    assert read_reference(sniffed).format == "jsonl"


def test_long_fields_and_broken_quotes(tmp_path: Path) -> None:
    long_source = "S" * (MAX_FIELD_CHARS + 1)
    huge = "x" * 200_000  # over csv's own field limit
    body = (
        HEADER + "\n"
        f"killed,Varnek,2026-03-10,,,23,,,count,{long_source},\n"
        f"killed,Varnek,2026-03-10,,,23,,,count,S,{huge}\n"
        "killed,Orlesk,2026-03-10,,,7,,,count,S,\n"
        'killed,Orlesk,2026-03-11,,,8,,,count,"S,\n'
        "killed,Orlesk,2026-03-12,,,9,,,count,S,\n"
    )
    rows, rejections = read_reference(write(tmp_path, "r.csv", body))
    got = {r.line: r.reason for r in rejections}
    assert f"source is {MAX_FIELD_CHARS + 1:,} characters long, over the" in got[2]
    assert "fields are at most" in got[3] or "url is 200,000 characters" in got[3]
    assert [r.line for r in rows] == [4]
    assert "unterminated quote" in got[5] and "opened on line 5" in got[5]
    assert all(len(r.text) <= 203 for r in rejections)


def test_control_characters_and_spaces_are_data(tmp_path: Path) -> None:
    body = HEADER + '\n"  people\n killed ",Varnek,2026-03-10,,,23,,,,"Office \x1b[31m",\n'
    rows, _ = read_reference(write(tmp_path, "r.csv", body))
    assert rows[0].measure == "killed" and rows[0].measure_text == "people killed"
    assert rows[0].source == "Office \x1b[31m"  # shown escaped by whoever prints it


# -- measures -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("killed", "killed"),
        ("people killed", "killed"),
        ("deaths", "killed"),
        ("Death toll", "killed"),
        ("dead", "killed"),
        ("people died", "killed"),
        ("civilians died", "civilians killed"),
        ("soldiers killed", "soldiers killed"),
        ("troops killed", "soldiers killed"),
        ("injured", "wounded"),
        ("people wounded", "wounded"),
        ("killed or wounded", "casualties"),
        ("people fled", "displaced"),
        ("families fled", "families displaced"),
        ("internally displaced people", "displaced"),
        ("drones shot down", "drones shot down"),
        ("civilians", "civilians"),
        (None, ""),
    ],
)
def test_normalise_measure(text: str | None, measure: str) -> None:
    assert normalise_measure(text) == measure


# -- checking -------------------------------------------------------------------------------


def test_figure_intervals() -> None:
    assert figure_interval(figure(23)) == (23, 23)
    low, high = figure_interval(figure(120_000, "approx", lower=None, upper=None)) or (0, 0)
    assert (low, high) == pytest.approx((120_000 * (1 - APPROX_SPREAD), 132_000))
    assert figure_interval(figure(19, "at_least", lower=19)) == (19, float("inf"))
    assert figure_interval(figure(40, "more_than", lower=40)) == (40, float("inf"))
    assert figure_interval(figure(20, "less_than", upper=20)) == (0, 20)
    assert figure_interval(figure(None, "range", lower=30, upper=40)) == (30, 40)
    assert figure_interval(figure(None, "vague", lower=12, upper=120)) == (12, 120)
    by = Change("up", None, None, 4.0)
    assert figure_interval(figure(4, change=by)) is None  # "rose by 4" is no count
    to = Change("up", None, 23.0, None)
    assert figure_interval(figure(23, change=to)) == (23, 23)  # "rose to 23" is one


def test_agrees_and_disagrees_in_neutral_words() -> None:
    ref = row()
    agree = check_figure(figure(23), [ref])
    assert isinstance(agree, Check)
    assert agree.status == "agrees"
    assert agree.reason == "agrees with Varnek Health Office (23 on 2026-03-10, within 5%)"
    assert agree.tolerance == DEFAULT_TOLERANCE and agree.reference is ref
    disagree = check_figure(figure(19), [ref])
    assert disagree is not None and disagree.status == "disagrees"
    assert disagree.reason == "disagrees with Varnek Health Office (23 on 2026-03-10)"
    assert "false" not in disagree.reason and "wrong" not in disagree.reason
    assert disagree.record()["reference"]["id"] == ref.id


@pytest.mark.parametrize(
    ("q", "status"),
    [
        (figure(19, "at_least", lower=19), "agrees"),  # at least 19 vs 23
        (figure(30, "at_least", lower=30), "disagrees"),
        (figure(20, "less_than", upper=20), "disagrees"),  # nearly 20 vs 23
        (figure(30, "at_most", upper=30), "agrees"),
        (figure(24, "more_than", lower=24), "agrees"),  # within 5% of 23 (24.15)
        (figure(25, "more_than", lower=25), "disagrees"),
        (figure(None, "range", lower=20, upper=25), "agrees"),
        (figure(None, "range", lower=25, upper=30), "disagrees"),
        (figure(None, "vague", lower=12, upper=120), "agrees"),  # dozens
        (figure(21, "approx"), "agrees"),  # about 21: 18.9 to 23.1
        (figure(20, "approx"), "agrees"),  # about 20: to 22, within 5% of 23 (21.85)
        (figure(19, "approx"), "disagrees"),  # about 19: to 20.9
    ],
)
def test_bounds(q: Quantity, status: str) -> None:
    check = check_figure(q, [row()])
    assert check is not None and check.status == status


@pytest.mark.parametrize(
    ("reference", "value", "tolerance", "status"),
    [
        (23, 24, 0.05, "agrees"),  # 24 <= 24.15
        (23, 22, 0.05, "agrees"),  # 22 >= 21.85
        (23, 25, 0.05, "disagrees"),
        (23, 21, 0.05, "disagrees"),
        (23, 24, 0.0, "disagrees"),
        (23, 23, 0.0, "agrees"),
        (100, 105, 0.05, "agrees"),  # the edge itself agrees, whatever float rounding says
        (100, 95, 0.05, "agrees"),
        (100, 105.01, 0.05, "disagrees"),
        (100, 94.99, 0.05, "disagrees"),
        (10, 11, 0.1, "agrees"),
    ],
)
def test_tolerance_edges(reference: float, value: float, tolerance: float, status: str) -> None:
    check = check_figure(figure(value), [row(value=float(reference))], tolerance=tolerance)
    assert check is not None and check.status == status
    if status == "agrees":
        assert f"within {tolerance * 100:g}%" in check.reason


def test_bad_tolerance() -> None:
    for bad in (-0.1, 1.0, float("nan")):
        with pytest.raises(ValueError, match="tolerance"):
            check_figure(figure(23), [row()], tolerance=bad)


def test_row_with_bounds() -> None:
    ranged = row(value=None, lower=110_000.0, upper=125_000.0, measure="displaced")
    q = figure(120_000, "approx", quantified="people displaced")
    check = check_figure(q, [ranged])
    assert check is not None and check.status == "agrees"
    assert "110,000 to 125,000 on 2026-03-10" in check.reason
    far = figure(200_000, "approx", quantified="people displaced")
    assert (check_figure(far, [ranged]) or pytest.fail()).status == "disagrees"


@pytest.mark.parametrize(
    "q",
    [
        figure(23, place="Orlesk"),
        figure(23, place=None),
        figure(23, quantified="people wounded"),
        figure(23, quantified="civilians killed"),  # a part of the toll, not the toll
        figure(23, quantified=None),
        figure(23, unit="percent"),
        figure(23, start="2026-03-09", end="2026-03-09"),
        figure(23, start="2026-03-01", end="2026-03-31", kind="period"),  # a month's total
        figure(23, start=None, end=None),
    ],
)
def test_no_check_for_another_place_time_measure_or_unit(q: Quantity) -> None:
    assert check_figure(q, [row()]) is None


def test_place_by_geonames_id() -> None:
    # a real place only as a gazetteer lookup: the row's "Lyon" resolves to its GeoNames id
    (lyon,) = read_reference_rows("measure,place,date,value,source\nkilled,Lyon,2026-03-10,23,S\n")
    assert lyon.place_geonames_id is not None and lyon.place_country_code == "FR"
    same = figure(23, place="Lyons", geonames_id=lyon.place_geonames_id)
    assert check_figure(same, [lyon]) is not None
    other = figure(23, place="Lyon", geonames_id=lyon.place_geonames_id + 1)
    assert check_figure(other, [lyon]) is None  # another place of the same name
    pinned = row(place="the Lyon metropolis", place_geonames_id=lyon.place_geonames_id)
    assert check_figure(same, [pinned]) is not None


def read_reference_rows(text: str) -> list[ReferenceRow]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        ref = read_reference(write(Path(folder), "r.csv", text))
    assert ref.rejections == []
    return ref.rows


def test_place_names_ignore_case_accents_and_the() -> None:
    assert check_figure(figure(23, place="VÁRNEK"), [row(place="the Varnek")]) is not None


def test_time_rules() -> None:
    week = row(start="2026-03-02", end="2026-03-08")
    assert time_match(figure(start="2026-03-02", end="2026-03-08", kind="period"), week) == "same"
    shifted = figure(start="2026-03-03", end="2026-03-09", kind="period")
    assert time_match(shifted, week) == "overlap"  # 6 of 7 days
    assert time_match(figure(start="2026-03-05", end="2026-03-05"), week) is None  # a day
    since = figure(start="2026-01-01", end="2026-03-10", kind="since")
    assert time_match(since, row()) == "as_of"  # a cumulative count up to the row's day
    assert time_match(since, row(start="2026-01-01", end="2026-03-10")) == "same"
    assert time_match(since, row(start="2026-02-01", end="2026-03-10")) is None
    until = figure(start=None, end="2026-03-10", kind="until")  # read as its end day
    assert time_match(until, row()) == "same"
    assert time_match(until, row(start="2026-03-09", end="2026-03-09")) is None
    assert time_match(figure(start="2026-03-10", end="2026-03-10"), row(end="2026-03-11")) is None


def test_most_specific_row_first_and_all_checks() -> None:
    day = row(line=2, value=23.0)
    other_source = row(line=3, value=30.0, source="Varnek Monitoring Group")
    checks = check_figures(figure(23), [day, other_source])
    assert [c.status for c in checks] == ["disagrees", "agrees"]  # a disagreement surfaces
    assert check_figure(figure(23), [day, other_source]) is checks[0] or checks[0].status
    q = figure(23, start="2026-03-03", end="2026-03-09", kind="period")
    near = row(line=4, start="2026-03-02", end="2026-03-08", value=50.0)
    same = row(line=5, start="2026-03-03", end="2026-03-09", value=23.0)
    best = check_figure(q, [near, same])
    assert best is not None and best.reference is same and best.time_match == "same"


# -- end to end: real quantities from the extractors -----------------------------------------

TEXTS = {
    "at_least": "At least 19 people were killed in Varnek on Tuesday, officials said.",
    "nearly": "Nearly 20 people were killed in Varnek on Tuesday, officials said.",
    "exact": "Twenty-three people died in Varnek on Tuesday, the health office said.",
    "orlesk": "Twenty-three people died in Orlesk on Tuesday, the registry said.",
    "other_day": "Twenty-three people died in Varnek on Sunday, the health office said.",
    "wounded": "Forty people were injured in Varnek on Tuesday, the health office said.",
    "displaced": "Some 120,000 people have been displaced in Varnek since January.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[Quantity]]:
    from claimledger.runner.local import extract_all
    from claimledger.settings import Settings

    docs = [Document(t, "t.txt", published="2026-03-10") for t in TEXTS.values()]
    out: dict[str, list[Quantity]] = {}
    for key, ex in zip(TEXTS, extract_all(docs, Settings(workers=1)), strict=True):
        assert not hasattr(ex, "reason"), ex
        out[key] = list(getattr(ex, "quantities", []))
    return out


def only(quantities: list[Quantity]) -> Quantity:
    assert len(quantities) == 1, quantities
    return quantities[0]


def test_end_to_end(extracted: dict[str, list[Quantity]]) -> None:
    rows, _ = read_reference(DATA / "tolls.csv")
    at_least = check_figure(only(extracted["at_least"]), rows)
    assert at_least is not None and at_least.status == "agrees"
    assert at_least.reason == "agrees with Varnek Health Office (23 on 2026-03-10, within 5%)"
    nearly = check_figure(only(extracted["nearly"]), rows)
    assert nearly is not None and nearly.status == "disagrees"
    assert nearly.reason == "disagrees with Varnek Health Office (23 on 2026-03-10)"
    exact = check_figure(only(extracted["exact"]), rows)
    assert exact is not None and exact.status == "agrees"
    orlesk = check_figure(only(extracted["orlesk"]), rows)  # Orlesk's registry says 7
    assert orlesk is not None and orlesk.status == "disagrees"
    assert orlesk.reason == "disagrees with Orlesk Civil Registry (7 on 2026-03-10)"
    assert check_figure(only(extracted["other_day"]), rows) is None
    wounded = check_figure(only(extracted["wounded"]), rows)
    assert wounded is not None and wounded.status == "agrees"
    assert wounded.reference.measure == "wounded"
    displaced = check_figure(only(extracted["displaced"]), rows)
    assert displaced is not None and displaced.status == "agrees"
    assert displaced.time_match == "same"  # since January, to the document's date
    assert "110,000 to 125,000 from 2026-01-01 to 2026-03-10" in displaced.reason
