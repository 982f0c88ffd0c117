"""The check-worthiness model: sublinear TF-IDF word features and the signals, weighted by a
logistic regression that ``train/checkworthy.py`` fits and the package ships in
``models/checkworthy.json.gz``."""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from claimledger.errors import ModelError

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
    threshold: float  # the default claim threshold, chosen for precision on held-out folds
    meta: dict[str, Any]
    digest: str = ""  # sha256 of the model file, recorded with each extraction run

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
        return z

    def score(self, text: str, sig: dict[str, float]) -> float:
        z = self.logit(text, sig)
        return round(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))), 4)


def model_from_json(data: dict[str, Any], digest: str = "") -> Model:
    return Model(
        vocabulary={t: (float(v[0]), float(v[1])) for t, v in data["vocabulary"].items()},
        signal_weights={k: float(v) for k, v in data["signal_weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        meta=dict(data["meta"]),
        digest=digest,
    )


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model, read from the installed package."""
    try:
        raw = resources.files("claimledger").joinpath("models", MODEL_FILE).read_bytes()
        return model_from_json(json.loads(gzip.decompress(raw)), hashlib.sha256(raw).hexdigest())
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"the check-worthiness model claimledger/models/{MODEL_FILE} could not be read "
            f"({exc}); reinstall claimledger, or rebuild it with `./run train checkworthy`"
        ) from exc
