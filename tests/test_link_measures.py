"""Same measure and compared intervals (link/measures, link/compare): the rules one by one on
quantities built by hand, then the invented corpus of tests/data/link_corpus.py through
extraction, where every expected group and relation must hold and no other contradiction
may be found."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pytest

from claimledger.link.compare import (
    CONTRADICTION,
    Figure,
    FigureGroup,
    blocking_key,
    candidate_pairs,
    compare,
    figure_of,
    group_figures,
)
from claimledger.link.measures import (
    APPROX_TOLERANCE,
    CUMULATIVE,
    DAILY,
    PERIOD,
    RATE,
    interval_of,
    measure_of,
)
from claimledger.model import Change, Document, Extraction, Quantity, Sentence, When, Where
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from tests.data.link_corpus import DOCS, GROUPS, NEVER_CONTRADICTED, RELATIONS, UNLINKED

TUESDAY = When(text="on Tuesday", time_start="2026-03-10", time_end="2026-03-10", kind="day")
WEDNESDAY = When(text="on Wednesday", time_start="2026-03-11", time_end="2026-03-11", kind="day")
VARNEK = Where(text="Varnek")
ORLESK = Where(text="Orlesk")


def quantity(
    text: str = "19",
    value: float | None = 19,
    bound: str = "exact",
    quantified: str | None = "civilians killed",
    *,
    lower: float | None = None,
    upper: float | None = None,
    unit: str = "count",
    per: str | None = None,
    when: When = TUESDAY,
    where: Where = VARNEK,
    doc: str = "d1",
    change: Change | None = None,
) -> Quantity:
    """A quantity as extraction makes one; exact bounds default to the value."""
    if bound == "exact":
        lower = value if lower is None else lower
        upper = value if upper is None else upper
    return Quantity(
        doc, 0, len(text), text, value, lower, upper, unit, bound, per, change, quantified,
        when=when, where=where,
    )  # fmt: skip


def since(start: str, anchor: str) -> When:
    return When(text="since", time_start=start, time_end=anchor, kind="since", anchor=anchor)


def on(day: str) -> When:
    return When(text="on", time_start=day, time_end=day, kind="day", anchor=day)


# --- measure_of ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantified", "thing", "population"),
    [
        ("civilians killed", "killed", "civilians"),
        ("people died", "killed", "people"),
        ("dead", "killed", "people"),
        ("civilian deaths", "killed", "civilians"),
        ("soldiers wounded", "wounded", "soldiers"),
        ("people injured", "wounded", "people"),
        ("people fled", "displaced", "people"),
        ("refugees", "displaced", "people"),
        ("people displaced", "displaced", "people"),
        ("protesters detained", "detained", "protesters"),
        ("people arrested", "detained", "people"),
        ("children missing", "missing", "children"),
        ("houses destroyed", "destroyed", "houses"),
        ("buildings damaged", "damaged", "buildings"),
        ("aid trucks", "aid trucks", ""),
    ],
)
def test_counted_words_name_one_measure(quantified: str, thing: str, population: str) -> None:
    m = measure_of(quantity(quantified=quantified))
    assert m is not None and (m.thing, m.population) == (thing, population)


@pytest.mark.parametrize(
    "q",
    [
        quantity("45-year-old", 45, quantified=None, unit="year_of_age"),
        quantity("12%", 12, quantified=None, unit="percent"),
        quantity("5", 5, quantified="tanks"),
        quantity("40", 40, quantified="trucks"),
        quantity("45", 45, quantified="protesters"),  # "Police arrested 45 protesters"
        quantity("$2 billion", 2e9, quantified=None, unit="USD"),
        quantity("3 km", 3, quantified=None, unit="kilometre"),
    ],
)
def test_figures_not_worth_linking_have_no_measure(q: Quantity) -> None:
    assert measure_of(q) is None


def test_the_nature_of_a_measure() -> None:
    daily = measure_of(quantity())
    assert daily is not None and daily.nature == DAILY
    period = When(time_start="2026-02-01", time_end="2026-02-28", kind="period")
    assert (m := measure_of(quantity(when=period))) is not None and m.nature == PERIOD
    cumulative = measure_of(quantity(when=since("2026-01-01", "2026-03-12")))
    assert cumulative is not None and cumulative.nature == CUMULATIVE
    rose = quantity(change=Change("up", None, 23.0))
    assert (m := measure_of(rose)) is not None and m.nature == CUMULATIVE
    rate = measure_of(
        quantity("$150 million per day", 150e6, quantified=None, unit="USD", per="day")
    )
    assert rate is not None and (rate.thing, rate.unit, rate.nature) == ("money", "USD", RATE)


def test_sentence_cues_make_a_count_cumulative_only_in_the_figures_clause() -> None:
    text = "So far, 230 people have been killed in Orlesk, the ministry said."
    s = Sentence("d1", 0, 0, 0, len(text), text)
    q = Quantity("d1", 8, 11, "230", 230, 230, 230, "count", "exact", quantified="people killed",
                 sentence_index=0, when=TUESDAY, where=ORLESK)  # fmt: skip
    assert (m := measure_of(q, s)) is not None and m.nature == CUMULATIVE
    assert (m := measure_of(q)) is not None and m.nature == DAILY  # no sentence, no cue
    text = "Four people were killed in Orlesk on Tuesday, bringing the toll to 230."
    s = Sentence("d1", 0, 0, 0, len(text), text)
    four = Quantity("d1", 0, 4, "Four", 4, 4, 4, "count", "exact", quantified="people killed",
                    when=TUESDAY, where=ORLESK)  # fmt: skip
    assert (m := measure_of(four, s)) is not None and m.nature == DAILY


def test_a_toll_named_as_the_subject_of_a_level_verb_is_the_counted_thing() -> None:
    text = "The death toll in Halvik rose to 23 on Tuesday, the ministry said."
    s = Sentence("d1", 0, 0, 0, len(text), text)
    start = text.index("23")
    q = Quantity("d1", start, start + 2, "23", 23, 23, 23, "count", "exact",
                 change=Change("up", None, 23.0), when=TUESDAY, where=VARNEK)  # fmt: skip
    m = measure_of(q, s)
    assert m is not None and (m.thing, m.population, m.nature) == ("killed", "people", CUMULATIVE)
    assert measure_of(q) is None  # without its sentence nothing names what it counts


# --- interval_of -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "interval"),
    [
        (quantity(), (19, 19)),
        (quantity("At least 19", 19, "at_least", lower=19), (19, math.inf)),
        (quantity("more than 40", 40, "more_than", lower=40), (40, math.inf)),
        (quantity("Up to 50", 50, "at_most", upper=50), (0, 50)),
        (quantity("fewer than 10", 10, "less_than", upper=10), (0, 10)),
        (quantity("Nearly 20", 20, "less_than", upper=20), (16, 20)),
        (quantity("almost 20", 20, "less_than", upper=20), (16, 20)),
        (quantity("30 to 40", None, "range", lower=30, upper=40), (30, 40)),
        (quantity("Dozens", None, "vague", lower=12, upper=120), (24, 99)),
        (quantity("Hundreds", None, "vague", lower=100, upper=1000), (200, 999)),
        (quantity("scores", None, "vague", lower=20, upper=200), (40, 199)),
        (quantity("Tens of thousands", None, "vague", lower=1e4, upper=1e5), (20_000, 99_999)),
        (quantity("umpteen", None, "vague", lower=5, upper=50), (5, 50)),  # not in the table
    ],
)
def test_bounds_become_intervals(q: Quantity, interval: tuple[float, float]) -> None:
    assert interval_of(q) == pytest.approx(interval)


def test_an_approximate_figure_allows_the_stated_tolerance() -> None:
    low, high = interval_of(quantity("Some 120,000", 120_000, "approx"))
    assert (low, high) == pytest.approx((120_000 * (1 - APPROX_TOLERANCE), 132_000))


def test_rates_are_per_day_with_the_periods_length_as_an_interval() -> None:
    day = quantity("$150 million per day", 150e6, quantified=None, unit="USD", per="day")
    month = quantity("$4.5 billion a month", 4.5e9, quantified=None, unit="USD", per="month")
    assert interval_of(day) == (150e6, 150e6)
    low, high = interval_of(month)
    assert low == pytest.approx(4.5e9 / 31) and high == pytest.approx(4.5e9 / 28)
    assert low < 150e6 < high


# --- blocking and compare --------------------------------------------------------------


def test_blocking_key_is_measure_population_place_and_time_bucket() -> None:
    q = quantity()
    m = measure_of(q)
    assert m is not None
    assert blocking_key(q, m) == (
        "killed",
        "civilians",
        "count",
        DAILY,
        ("name", "varnek"),
        "2026-03-10",
    )
    resolved = quantity(where=Where(text="Kyiv", geonames_id=703448, name="Kyiv"))
    key = blocking_key(resolved, m)
    assert key == ("killed", "civilians", "count", DAILY, ("geonames", "703448"), "2026-03-10")
    assert blocking_key(quantity(where=Where()), m) is None  # no place: not linked


def test_candidate_pairs_come_from_blocks_not_all_pairs() -> None:
    qs = [
        quantity("19", 19, doc="a"),
        quantity("4", 4, 4 and "exact", doc="b"),
        quantity("7", 7, where=ORLESK, doc="c"),
        quantity("9", 9, when=WEDNESDAY, doc="d"),
        quantity("30", 30, quantified="people killed", doc="e"),
    ]
    pairs = {frozenset((a.quantity.doc_id, b.quantity.doc_id)) for a, b in candidate_pairs(qs)}
    assert pairs == {frozenset("ab"), frozenset("ae"), frozenset("be")}


def test_compare_the_classes_of_pairs() -> None:
    a, b = quantity("19", 19, doc="a"), quantity("4", 4, doc="b")
    r = compare(a, b)
    assert r is not None and r.kind == CONTRADICTION
    assert r.reason == "19 vs 4 for the same place and day"
    assert compare(a, quantity("4", 4, where=ORLESK, doc="b")) is None  # another town
    assert compare(a, quantity("4", 4, when=WEDNESDAY, doc="b")) is None  # another day
    assert compare(a, quantity("4", 4, quantified="houses destroyed", doc="b")) is None
    assert compare(a, quantity("4", 4, quantified="soldiers killed", doc="b")) is None
    inside = compare(a, quantity("At least 10", 10, "at_least", lower=10, doc="b"))
    assert inside is not None and inside.kind == "consistent"


def test_a_cumulative_count_that_grows_is_an_update_and_one_that_falls_a_contradiction() -> None:
    early = quantity("19", 19, when=since("2026-03-01", "2026-03-10"), doc="a")
    later = quantity("23", 23, when=since("2026-03-01", "2026-03-12"), doc="b")
    fell = quantity("15", 15, when=since("2026-03-01", "2026-03-12"), doc="c")
    up = compare(later, early)
    assert up is not None and up.kind == "update" and up.a is early
    assert up.reason == "cumulative count rose from 19 on 2026-03-10 to 23 on 2026-03-12"
    down = compare(early, fell)
    assert down is not None and down.kind == CONTRADICTION
    assert down.reason == "cumulative count fell from 19 on 2026-03-10 to 15 on 2026-03-12"
    other_start = quantity("15", 15, when=since("2026-02-01", "2026-03-12"), doc="d")
    assert compare(early, other_start) is None


def test_a_later_report_that_a_count_rose_is_an_update_of_the_same_day() -> None:
    tuesday = {**TUESDAY.__dict__}
    first = quantity("6", 6, quantified="people missing", doc="a",
                     when=When(**{**tuesday, "anchor": "2026-03-10"}))  # fmt: skip
    rose = quantity("11", 11, quantified="people missing", doc="b", change=Change("up", None, 11.0),
                    when=When(**{**tuesday, "anchor": "2026-03-12"}))  # fmt: skip
    r = compare(rose, first)
    assert r is not None and r.kind == "update" and r.a is first
    plain = quantity("11", 11, quantified="people missing", doc="c",
                     when=When(**{**tuesday, "anchor": "2026-03-12"}))  # fmt: skip
    r = compare(first, plain)  # a higher figure reported later without "rose": they disagree
    assert r is not None and r.kind == CONTRADICTION


def test_a_part_never_outnumbers_its_whole() -> None:
    people = quantity("5", 5, quantified="people wounded", doc="a")
    soldiers = quantity("12", 12, quantified="soldiers wounded", doc="b")
    children = quantity("3", 3, quantified="children wounded", doc="c")
    r = compare(people, soldiers)
    assert r is not None and r.kind == CONTRADICTION and r.a is soldiers
    r = compare(people, children)
    assert r is not None and r.kind == "consistent"
    assert compare(soldiers, children) is None  # neither is a part of the other


def test_group_ids_are_content_hashes_of_their_members() -> None:
    qs = [
        quantity("19", 19, doc="a"),
        quantity("4", 4, doc="b"),
        quantity("7", 7, doc="c", where=ORLESK),
    ]
    groups = group_figures(qs)
    assert [g.id for g in groups] == [g.id for g in group_figures(list(reversed(qs)))]
    [pair] = [g for g in groups if len(g.members) == 2]
    assert [r.kind for r in pair.relations] == [CONTRADICTION]


# --- the corpus through extraction -----------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> dict[str, tuple[Extraction, dict[str, Figure | Quantity]]]:
    """Each corpus document's extraction, and its figures by text (a figure where it has a
    measure, else the bare quantity)."""
    docs = [Document(d.text, f"{d.name}.txt", published=d.published) for d in DOCS]
    out = {}
    for d, ex in zip(DOCS, extract_all(docs, Settings(workers=1)), strict=True):
        assert isinstance(ex, Extraction)
        sentences = {s.index: s for s in ex.sentences}
        figures: dict[str, Figure | Quantity] = {}
        for q in ex.quantities:
            assert q.text not in figures, f"{d.name}: two figures read {q.text!r}"
            figures[q.text] = figure_of(q, sentences.get(q.sentence_index)) or q
        out[d.name] = (ex, figures)
    return out


def item(
    corpus: dict[str, tuple[Extraction, dict[str, Figure | Quantity]]], ref: str
) -> Figure | Quantity:
    """The figure ``doc:text`` of the corpus (a bare quantity where it has no measure)."""
    name, _, text = ref.partition(":")
    found = corpus[name][1].get(text)
    assert found is not None, f"{ref}: extraction gives {sorted(corpus[name][1])}"
    return found


def figure(corpus: dict[str, tuple[Extraction, dict[str, Figure | Quantity]]], ref: str) -> Figure:
    """The figure ``doc:text`` of the corpus, which must have a measure."""
    found = item(corpus, ref)
    assert isinstance(found, Figure), f"{ref}: no measure ({found})"
    return found


def all_groups(
    corpus: dict[str, tuple[Extraction, dict[str, Figure | Quantity]]],
) -> list[FigureGroup]:
    quantities = [q for ex, _ in corpus.values() for q in ex.quantities]
    sentences = [s for ex, _ in corpus.values() for s in ex.sentences]
    return group_figures(quantities, sentences)


Corpus = dict[str, tuple[Extraction, dict[str, Figure | Quantity]]]


def test_the_corpus_is_big_enough_and_about_invented_places(corpus: Corpus) -> None:
    assert len(DOCS) >= 40 and len({d.text for d in DOCS}) == len(DOCS)
    for ex, _ in corpus.values():
        assert all(q.where.geonames_id is None for q in ex.quantities), ex.document.source
    for cls in NEVER_CONTRADICTED:
        assert sum(case[3] == cls for case in RELATIONS) >= 3, cls


def test_corpus_groups(corpus: Corpus) -> None:
    refs = {}
    for name, (_, figures) in corpus.items():
        for text, f in figures.items():
            refs[f.id] = f"{name}:{text}"
    found = {frozenset(refs[q.id] for q in g.members) for g in all_groups(corpus)}
    missing = [(label, sorted(members)) for label, members in GROUPS if members not in found]
    assert not missing, missing


@pytest.mark.parametrize(
    ("a", "b", "kind", "cls"), RELATIONS, ids=[f"{c[0]}~{c[1]}" for c in RELATIONS]
)
def test_corpus_relations(corpus: Corpus, a: str, b: str, kind: str | None, cls: str) -> None:
    pick = figure if kind is not None else item
    r = compare(pick(corpus, a), pick(corpus, b))
    assert (r.kind if r else None) == kind, f"{cls}: {r}"
    if cls in NEVER_CONTRADICTED:
        assert r is None or r.kind != CONTRADICTION


def test_no_contradiction_but_the_expected_ones(corpus: Corpus) -> None:
    refs = {f.id: f"{n}:{t}" for n, (_, fs) in corpus.items() for t, f in fs.items()}
    found = {
        frozenset((refs[r.a.id], refs[r.b.id]))
        for g in all_groups(corpus)
        for r in (*g.relations, *g.across)
        if r.kind == CONTRADICTION
    }
    expected = {frozenset((a, b)) for a, b, kind, _ in RELATIONS if kind == CONTRADICTION}
    assert found - expected == set() and expected - found == set()


def test_unlinked_figures_have_no_measure(corpus: Corpus) -> None:
    for ref in UNLINKED:
        name, _, text = ref.partition(":")
        found = corpus[name][1].get(text)
        assert not isinstance(found, Figure), ref


def test_relations_are_found_from_blocks(corpus: Corpus) -> None:
    quantities = [q for ex, _ in corpus.values() for q in ex.quantities]
    sentences = [s for ex, _ in corpus.values() for s in ex.sentences]
    pairs = list(candidate_pairs(quantities, sentences))
    n = sum(1 for _ in quantities)
    assert len(pairs) < n * (n - 1) / 2 / 10  # blocks, not all pairs
    kinds = Counter(r.kind for g in all_groups(corpus) for r in g.relations)
    assert kinds["update"] and kinds["consistent"] and kinds[CONTRADICTION]
    assert not any(a == b for a, b in combinations([g.id for g in all_groups(corpus)], 2))


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        # a transitive verb of the table just before a figure that names only who was counted
        ("Shelling killed 19 civilians in Orlesk on Tuesday.", "19", "civilians killed"),
        ("The blast wounded 7 soldiers near the depot.", "7", "soldiers wounded"),
        ("Gunmen abducted 14 students from a school in Varnek.", "14", "people abducted"),
        ("Police arrested 30 protesters outside the ministry.", "30", "protesters detained"),
        ("The strike hit the market, killing 4 civilians.", "4", "civilians killed"),
        ("Floods displaced 2,000 families in the valley.", "2,000", "families displaced"),
        # "among the dead" after it
        ("Officials said 12 fighters were among the dead.", "12", "fighters killed"),
        ("Two medics were also among the wounded, the agency said.", "Two", "medics wounded"),
        # no verb of the table: no measure
        ("The ministry said 19 civilians had reached the border.", "19", None),
        ("The convoy carried 40 civilians to Halvik.", "40", None),
        ("Residents counted 12 fighters in the square.", "12", None),
    ],
)
def test_the_verb_of_a_figures_clause_names_what_it_counts(
    text: str, figure: str, label: str | None
) -> None:
    s = Sentence("d1", 0, 0, 0, len(text), text)
    start = text.index(figure)
    value = {"Two": 2.0}.get(figure) or float(figure.replace(",", ""))
    who = text[start + len(figure) :].split()[0]
    q = Quantity("d1", start, start + len(figure), figure, value, value, value, "count",
                 "exact", quantified=who, when=TUESDAY, where=ORLESK)  # fmt: skip
    m = measure_of(q, s)
    assert (m.label() if m else None) == label
    if label is not None:
        assert measure_of(q) is None  # the verb lies outside the figure's own words
