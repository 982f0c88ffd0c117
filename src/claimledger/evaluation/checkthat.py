"""CheckThat! 2024 English check-worthiness: reading the set and scoring binary labels.

The dev file (``checkworthy/clef2024-task1-en/CT24_checkworthy_english_dev.tsv``) is
ClaimBuster's expert-labelled groundtruth, never used in training. A sentence is
check-worthy when its ``class_label`` is "Yes"; claimledger predicts check-worthy when the
sentence's best claim is labelled ``claim``. F1 is the positive class's.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from claimledger.evaluation import shared_data
from claimledger.model import Claim


def ct24_dev() -> Path:
    """The CheckThat! 2024 English dev file in the shared data."""
    return shared_data() / "checkworthy" / "clef2024-task1-en" / "CT24_checkworthy_english_dev.tsv"


def read_ct24(path: Path | None = None) -> tuple[list[str], list[int]]:
    """The sentences of a CheckThat! 2024 TSV file and their gold labels (1: check-worthy)."""
    with (path or ct24_dev()).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["Text"] for r in rows], [1 if r["class_label"] == "Yes" else 0 for r in rows]


def labels(claims: Sequence[Claim | None]) -> list[int]:
    """1 where a sentence's best claim is labelled ``claim``, else 0 (none found counts 0)."""
    return [int(c is not None and c.label == "claim") for c in claims]


def prf(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class, as fractions."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    p = tp / max(1, sum(pred))
    r = tp / max(1, sum(gold))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def average_precision(gold: ArrayLike, scores: ArrayLike) -> float:
    """Mean of the precision at each positive, ranked by score (ties broken by position);
    0 when there is no positive."""
    y = np.asarray(gold)
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    hits = y[order] == 1
    ranks = np.arange(1, len(y) + 1)
    return float(np.sum(np.cumsum(hits)[hits] / ranks[hits]) / max(1, int(hits.sum())))


def ct24_dev_parts(path: Path | None = None) -> list[str]:
    """The tune or check part (``splits.part_of_year``) of each sentence of CT24 dev, from
    the debate file ClaimBuster's groundtruth.csv gives its Sentence_id."""
    from claimledger.evaluation import splits

    groundtruth = shared_data() / "checkworthy" / "claimbuster" / "groundtruth.csv"
    with groundtruth.open(encoding="utf-8", newline="") as fh:
        file_of = {r["Sentence_id"]: r["File_id"] for r in csv.DictReader(fh)}
    with (path or ct24_dev()).open(encoding="utf-8", newline="") as fh:
        ids = [r["Sentence_id"] for r in csv.DictReader(fh, delimiter="\t")]
    return [splits.part_of_year(file_of[i]) for i in ids]
