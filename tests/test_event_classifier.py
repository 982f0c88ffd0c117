"""The event-type classifier (extract/events/classify.py): the shipped model, its provenance,
its scores, and a quality floor on the check part of the CASE 2021 task 2 dev snippets."""

from __future__ import annotations

import csv
import math

import pytest
from sklearn.metrics import f1_score

from claimledger.evaluation import shared_data
from claimledger.extract.events import classify
from claimledger.extract.events.taxonomy import CODES
from tests.conftest import require_data

CASE_DEV = shared_data() / "events" / "case2021_task2" / "case2021-task2-dev.tsv"
# measured 0.728 (python bench/events.py, shipped model 0dd32847: 1,506 own texts, the 715
# added written to ACLED's rules for the most confused neighbouring types and in forms the
# first 791 lacked; grouped-CV selection, character n-grams on, C=16, embedding scale 2).
# Before: 0.694 with the first 791 own texts (e5a8db07), 0.655 with the static embeddings
# (5ec63a93), 0.593 (9649cf8c); the first model read 0.644 with 73 training sentences that
# paraphrased tune-part snippets; they were removed (they added 0.01 on the check part and
# are derived from unlicensed text). Never lower it to pass.
CHECK_WEIGHTED_F1_FLOOR = 0.70


def test_model_loads_from_the_package() -> None:
    model = classify.load_model()
    assert model.codes == CODES
    assert model.digest
    assert model.word_weights.shape == (len(model.index), len(CODES))


def test_provenance_names_every_source_and_its_licence() -> None:
    meta = classify.load_model().meta
    assert meta["shipped"] is True
    sources = meta["sources"]
    assert "case" not in sources  # CASE 2021 states no licence: never in the shipped model
    assert sources["own"]["licence"].startswith("Apache-2.0")
    assert set(sources["own"]["per_code"]) == set(CODES)
    assert sources["ngec"]["licence"].startswith("MIT")
    assert len(sources["own"]["sha256"]) == 64
    assert meta["settings"]["C"] > 0


@pytest.mark.parametrize("text", ["", "The", "Dravik, 3 March.", "x" * 5000])
def test_scores_sum_to_one_over_the_codes(text: str) -> None:
    scores = classify.type_scores(text)
    assert tuple(scores) == CODES
    assert math.isclose(sum(scores.values()), 1.0, abs_tol=1e-9)
    assert all(0.0 <= p <= 1.0 for p in scores.values())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "A suicide bomber blew himself up at the gate of the police academy in Orvel.",
            "SUIC_BOMB",
        ),
        ("Unknown men threw a hand grenade into a crowded bar in Teskar.", "GRENADE"),
        ("Warplanes bombed rebel positions outside Marrow Junction on Friday.", "AIR_STRIKE"),
        ("The two sides signed a ceasefire agreement in the capital.", "AGREEMENT"),
        (
            "A strong earthquake destroyed hundreds of homes in the hill villages.",
            "NATURAL_DISASTER",
        ),
        ("The rebel group claimed responsibility for the bombing in a statement.", "ATTRIB"),
        ("Police seized a large cache of rifles and explosives in a raid.", "DISR_WEAP"),
        ("Thousands of nurses marched peacefully to demand higher pay.", "PEACE_PROTEST"),
    ],
)
def test_clear_sentences_get_their_type(text: str, code: str) -> None:
    scores = classify.type_scores(text)
    assert max(scores, key=scores.__getitem__) == code


def test_quality_floor_on_the_case_check_part() -> None:
    """Weighted F1 on the check part (ids with id % 4 == 2), whose errors nobody reads."""
    path = require_data(CASE_DEV)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            r
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if int(r["id"]) % 4 == 2
        ]
    gold = [r["SubType"].strip() for r in rows]
    predicted = []
    for r in rows:
        scores = classify.type_scores(r["EventSnippet"])
        predicted.append(max(scores, key=scores.__getitem__))
    score = f1_score(gold, predicted, average="weighted", zero_division=0)
    assert score >= CHECK_WEIGHTED_F1_FLOOR, f"check weighted F1 {score:.3f}"
