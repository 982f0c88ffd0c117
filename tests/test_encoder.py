"""The numpy sentence encoder (nlp/encoder.py): all-MiniLM-L6-v2 from its packed weights,
against embeddings sentence-transformers computed with torch for the same sentences."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from claimledger.nlp.encoder import load_encoder
from tests.conftest import ROOT

# tests/data/minilm_reference.json: four invented sentences and their embeddings by
# sentence-transformers (torch, float32 weights); its "source" says how they were made
REFERENCE = json.loads((ROOT / "tests" / "data" / "minilm_reference.json").read_text("utf-8"))


def test_packed_encoder_matches_the_reference_embeddings() -> None:
    encoder = load_encoder()
    ours = encoder.encode(REFERENCE["texts"])
    theirs = np.asarray(REFERENCE["embeddings"], dtype=np.float32)
    assert ours.shape == theirs.shape == (4, 384)
    cosine = (ours * theirs).sum(axis=1)
    # int8 weights: measured 0.9990 at worst over 200 sentences
    assert cosine.min() >= 0.998, cosine
    # and the sentences stay apart as the reference has them
    assert np.allclose(ours @ ours.T, theirs @ theirs.T, atol=0.01)


@pytest.mark.parametrize("text", ["", "x", "x" * 5000, "word " * 2000, "\u202e\u0000 \ufeff"])
def test_any_text_gets_a_unit_vector(text: str) -> None:
    encoder = load_encoder()
    vector = encoder.embed(text)
    assert vector.shape == (384,) and vector.dtype == np.float32
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4
    assert len(encoder.ids(text)) <= encoder.max_tokens


def test_the_same_text_gets_the_same_vector_in_another_process() -> None:
    text = REFERENCE["texts"][0]
    here = load_encoder().embed(text)
    code = (
        "import json, sys; from claimledger.nlp.encoder import load_encoder; "
        "print(json.dumps(load_encoder().embed(sys.argv[1]).tolist()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, text], capture_output=True, text=True, check=True, timeout=120
    )
    assert np.array_equal(np.asarray(json.loads(out.stdout), dtype=np.float32), here)


def test_provenance_is_recorded() -> None:
    meta = load_encoder().meta
    assert meta["teacher"].startswith("sentence-transformers/all-MiniLM-L6-v2 (Apache 2.0)")
    assert meta["packed_by"] == "train/minilm_weights.py"
    assert len(meta["weights_sha256"]) == 64
