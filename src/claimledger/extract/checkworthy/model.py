"""The check-worthiness model: sublinear TF-IDF word features, the signals and a static
sentence embedding (``embed.py``), weighted by one logistic regression that
``train/checkworthy.py`` fits and the package ships in ``models/checkworthy.json.gz``.

The logit goes through a calibration fitted on out-of-fold logits (folds grouped by debate
year), ``c * sigmoid(a * logit + b)``: Platt scaling with a ceiling ``c`` under 1, because
annotators disagree even on the most claim-like sentences. A score estimates how often such a
sentence is labelled check-worthy, and sentences full of signals no longer pile up at 1.00."""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np
from numpy.typing import NDArray

from claimledger.errors import ModelError
from claimledger.extract.checkworthy.embed import load_embeddings

MODEL_FILE = "checkworthy.json.gz"
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*\d|\d|[%$€£!?]")


def terms(text: str) -> list[str]:
    """The word features of a text: tokens and adjacent pairs, numbers folded to ``0``."""
    toks = ["0" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]
    return toks + [f"{a} {b}" for a, b in pairwise(toks)]


@dataclass(frozen=True)
class Model:
    vocabulary: dict[str, tuple[float, float]]  # term -> (idf, weight)
    signal_weights: dict[str, float]
    bias: float
    threshold: float  # the default claim threshold, chosen by cross-validation
    meta: dict[str, Any]
    digest: str = ""  # sha256 of the model file, recorded with each extraction run
    embedding_weights: tuple[float, ...] = ()  # one per dimension of embed.py's vectors
    calibration: tuple[float, float, float] = (1.0, 0.0, 1.0)  # c * sigmoid(a * logit + b)

    @cached_property
    def _embedding_vector(self) -> NDArray[np.float64]:
        """``embedding_weights`` as an array, made once rather than for every sentence."""
        return np.asarray(self.embedding_weights, dtype=np.float64)

    def logit(self, text: str, sig: dict[str, float]) -> float:
        norm = dot = 0.0
        for term, count in Counter(terms(text)).items():
            entry = self.vocabulary.get(term)
            if entry is not None:
                value = (1.0 + math.log(count)) * entry[0]
                norm += value * value
                dot += value * entry[1]
        z = self.bias + (dot / math.sqrt(norm) if norm else 0.0)
        for name, value in sig.items():
            if value:
                z += self.signal_weights.get(name, 0.0) * value
        if self.embedding_weights:
            vector = load_embeddings().encode([text])[0]
            z += float(vector @ self._embedding_vector)
        return z

    def score(self, text: str, sig: dict[str, float]) -> float:
        a, b, ceiling = self.calibration
        z = a * self.logit(text, sig) + b
        # six decimals: near the ceiling, four would tie the top of a worklist
        return round(ceiling / (1.0 + math.exp(-max(-60.0, min(60.0, z)))), 6)


def model_from_json(data: dict[str, Any], digest: str = "") -> Model:
    return Model(
        vocabulary={t: (float(v[0]), float(v[1])) for t, v in data["vocabulary"].items()},
        signal_weights={k: float(v) for k, v in data["signal_weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        meta=dict(data["meta"]),
        digest=digest,
        embedding_weights=tuple(float(w) for w in data.get("embedding_weights", ())),
        calibration=_calibration(data.get("calibration", ())),
    )


def _calibration(values: Any) -> tuple[float, float, float]:
    """(a, b, ceiling) from a model file: format 1 has none (the identity), and a two-number
    Platt scaling has no ceiling."""
    a, b, ceiling = (list(map(float, values)) + [1.0, 0.0, 1.0][len(values) :])[:3]
    return a, b, ceiling


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model, read from the installed package, checked against the sentence
    embeddings it was trained with."""
    try:
        raw = resources.files("claimledger").joinpath("models", MODEL_FILE).read_bytes()
        model = model_from_json(json.loads(gzip.decompress(raw)), hashlib.sha256(raw).hexdigest())
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"the check-worthiness model claimledger/models/{MODEL_FILE} could not be read "
            f"({exc}); reinstall claimledger, or rebuild it with `./run train checkworthy`"
        ) from exc
    if model.embedding_weights:
        static = load_embeddings()
        trained_with = model.meta.get("embeddings", {}).get("sha256")
        if len(model.embedding_weights) != static.dims or trained_with != static.digest:
            raise ModelError(
                f"the check-worthiness model claimledger/models/{MODEL_FILE} was trained with "
                f"other sentence embeddings than claimledger/models/minilm-static/ holds "
                f"(sha256 {str(trained_with)[:16]}, found {static.digest[:16]}); reinstall "
                "claimledger, or re-train it with `./run train checkworthy`"
            )
    return model
