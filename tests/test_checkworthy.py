"""Check-worthiness: the shipped model, its signals, the training code, and what no score may
trade away (no slogan labelled a claim). Its accuracy floors, on CheckThat! 2024 English dev
and on tests/data/checkworthy_set.py, are in the quality gate's table
(tests/test_quality_gate.py).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from claimledger.extract import checkworthy
from claimledger.extract.checkworthy.embed import load_embeddings
from claimledger.model import Claim, Document, Extraction
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from tests.conftest import best_claims, run_cli, train_script
from tests.data.checkworthy_set import CASES, CLAIM_TYPES, NOT_CLAIM_TYPES

ROOT = Path(__file__).resolve().parent.parent


def test_model_is_shipped_with_its_provenance() -> None:
    model = checkworthy.load_model()
    data = model.meta["data"]
    assert data["licence"] == "CC BY 4.0" and "ClaimBuster" in data["name"]
    assert data["sentences"] == 22501 and len(data["sha256"]) == 64
    assert model.meta["wire_ledes"]["licence"].startswith("MIT")
    assert len(model.digest) == 64 and len(model.vocabulary) > 10_000
    assert set(model.signal_weights) == set(checkworthy.SIGNALS)
    # threshold and calibration come from the year-grouped cross-validation, not by hand
    cv = model.meta["cross_validation"]
    assert model.threshold == cv["threshold"] and 0.1 <= model.threshold <= 0.9
    assert list(model.calibration) == cv["calibration"]
    # the embedding weights fit the shipped static embeddings, whose provenance is recorded
    static = load_embeddings()
    assert len(model.embedding_weights) == static.dims
    assert model.meta["embeddings"]["sha256"] == static.digest
    assert "Apache 2.0" in static.meta["teacher"] and static.meta["pca_dims"] == static.dims


def test_set_is_large_and_covers_every_type() -> None:
    assert len(CASES) >= 300
    assert len({c[0] for c in CASES}) == len(CASES)
    assert set(CLAIM_TYPES) == {
        "statistic",
        "event",
        "quote",
        "prediction",
        "causal",
        "comparison",
    }
    assert set(NOT_CLAIM_TYPES) == {"opinion", "exhortation", "question", "other"}


def test_no_slogan_in_the_set_is_labelled_a_claim(
    conflict_set_claims: list[Claim | None],
) -> None:
    pred = [c is not None and c.label == "claim" for c in conflict_set_claims]
    slogans = [c[0] for c, p in zip(CASES, pred, strict=True) if c[2] == "exhortation" and p]
    assert slogans == []  # no slogan or call to action is ever labelled a claim


def one_sentence_signals(text: str) -> dict[str, float]:
    (ex,) = extract_all([Document(text=text, source="t")], Settings(workers=1))
    assert isinstance(ex, Extraction) and len(ex.signals) == 1
    return ex.signals[0]


@pytest.mark.parametrize(
    ("text", "on", "off"),
    [
        (
            "At least 12 people were killed in the strike, the governor said on Friday.",
            {"quantity", "casualty_count", "attribution", "past_tense", "date"},
            {"question", "imperative", "first_singular", "exclamation"},
        ),
        (
            "Stop the bombing now!",
            {"imperative", "slogan", "exclamation", "short"},
            {"quantity", "attribution", "question"},
        ),
        ("Who gave the order to fire?", {"question"}, {"imperative", "quantity"}),
        (
            "I think we will win this war.",
            {"first_singular", "first_plural", "future", "opinion"},
            {"quantity", "past_tense"},
        ),
        (
            '"We have taken the village," the commander told state television.',
            {"attribution", "direct_quote", "first_plural"},
            {"question", "imperative"},
        ),
    ],
)
def test_signals(nlp: Any, text: str, on: set[str], off: set[str]) -> None:
    sig = one_sentence_signals(text)
    assert set(sig) == set(checkworthy.SIGNALS)
    assert {k for k in on if sig[k]} == on
    assert {k for k in off if sig[k]} == set()


def test_scores_rank_a_casualty_claim_above_a_slogan(nlp: Any) -> None:
    claims = best_claims(
        [
            "At least 27 civilians were killed when shells hit a market, officials said.",
            "Glory to the heroes!",
        ]
    )
    assert claims[0] is not None and claims[1] is not None
    assert claims[0].label == "claim" and "statistic" in claims[0].types
    assert claims[1].label == "not_claim" and claims[1].types == ("exhortation",)
    assert 0.0 <= claims[1].score < claims[0].score <= 1.0


def load_training_script() -> ModuleType:
    return train_script("checkworthy")


def test_training_features_are_the_features_scored_at_run_time() -> None:
    """A model fitted by the training code scores exactly like ``Model`` does: words,
    signals and the static sentence embedding, then the calibration."""
    train = load_training_script()
    texts = [c[0] for c in CASES[::5]]
    y = np.array([int(c[1] == "claim") for c in CASES[::5]])
    sigs = train.sentence_signals(texts, workers=1)
    vocab = train.vocabulary(texts)
    x = train.features(texts, sigs, vocab, train.embeddings(texts))
    fitted = train.fit(x, y, 4.0, np.ones(len(texts)))
    coef = fitted.coef_[0]
    n_signals = len(checkworthy.SIGNALS)
    model = checkworthy.Model(
        vocabulary={t: (idf, float(coef[i])) for i, (t, idf) in enumerate(vocab.items())},
        signal_weights={
            name: float(coef[len(vocab) + j]) for j, name in enumerate(checkworthy.SIGNALS)
        },
        bias=float(fitted.intercept_[0]),
        threshold=0.5,
        meta={},
        embedding_weights=tuple(float(w) for w in coef[len(vocab) + n_signals :]),
        calibration=(0.5, -0.25, 0.97),
    )
    expected = fitted.decision_function(x)
    got = [model.logit(t, s) for t, s in zip(texts, sigs, strict=True)]
    assert np.allclose(got, expected, atol=1e-6)
    calibrated = 0.97 / (1.0 + np.exp(-(0.5 * expected - 0.25)))
    scores = [model.score(t, s) for t, s in zip(texts, sigs, strict=True)]
    assert np.allclose(scores, calibrated, atol=1e-4)


def test_calibration_recovers_a_known_slope_and_ceiling() -> None:
    train = load_training_script()
    rng = np.random.default_rng(0)
    logits = rng.normal(0.0, 3.0, 40000)
    truth = 0.95 / (1.0 + np.exp(-(1.2 * logits - 1.0)))
    y = (rng.random(40000) < truth).astype(float)
    a, b, ceiling = train.calibrate(logits, y)
    assert abs(a - 1.2) < 0.1 and abs(b + 1.0) < 0.1 and abs(ceiling - 0.95) < 0.01


def test_static_embeddings_put_paraphrases_closer_than_unrelated_sentences() -> None:
    vectors = load_embeddings().encode(
        [
            "Shelling killed four people in the market town of Varnek.",
            "Four people died when shells hit Varnek's market.",
            "The football club unveiled a new kit for next season.",
            "",
        ]
    )
    assert vectors.shape == (4, load_embeddings().dims)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.1
    assert not vectors[3].any()  # no token: zeros, not NaN


def test_claims_command_lists_claims_by_default(tmp_path: Path) -> None:
    text = (
        "At least 12 people were killed in the strike, the regional governor said on Friday.\n\n"
        "Glory to the heroes!\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert run_cli("ingest", "a.txt", "--db", "l.db", cwd=tmp_path).returncode == 0
    default = run_cli("claims", "--db", "l.db", "--format", "jsonl", cwd=tmp_path)
    every = run_cli("claims", "--db", "l.db", "--format", "jsonl", "--min-score", "0", cwd=tmp_path)
    assert default.stdout.count("\n") == 1 and "12 people" in default.stdout
    assert every.stdout.count("\n") == 2 and "Glory to the heroes" in every.stdout
    r = run_cli("ingest", "a.txt", "--db", "all.db", "--threshold", "0", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    both = run_cli(
        "claims", "--db", "all.db", "--format", "jsonl", "--min-score", "0", cwd=tmp_path
    )
    labels = [json.loads(line)["label"] for line in both.stdout.splitlines()]
    assert labels == ["claim", "not_claim"]  # at threshold 0 still, a slogan is never a claim
    bad = run_cli("ingest", "a.txt", "--db", "x.db", "--threshold", "2", cwd=tmp_path)
    assert bad.returncode == 2 and "--threshold must be between 0 and 1" in bad.stderr


def test_a_model_and_embeddings_that_do_not_belong_together_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claimledger.errors import ModelError
    from claimledger.extract.checkworthy import model as model_module

    real = load_embeddings()
    other = dataclasses.replace(real, digest="0" * 64)
    monkeypatch.setattr(model_module, "load_embeddings", lambda: other)
    model_module.load_model.cache_clear()
    try:
        with pytest.raises(ModelError, match="trained with other sentence embeddings"):
            model_module.load_model()
    finally:
        model_module.load_model.cache_clear()
