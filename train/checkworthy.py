"""Train the check-worthiness model shipped in src/claimledger/models/checkworthy.json.gz.

    ./run train checkworthy                 # writes the model file; prints what it measured
    ./run train checkworthy --check         # re-trains and fails if the shipped file differs

Data, read from ../shared/data at training time and never copied:
- ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020; CC BY 4.0): 22,501 sentences of
  US election debates. A sentence is positive when its verdict is CFS (check-worthy
  factual, 1); UFS and NFS are negative. groundtruth.csv, which is the CheckThat! 2024
  English dev set, is never read here: bench/checkworthy.py evaluates on it.
- The opening sentences of NGEC's synthetic wire stories (Halterman, NGEC; MIT as declared
  by the project), as positives at half weight. Debates are the training genre, news the
  users': without news-style positives, a plain wire lede ("A missile struck an apartment
  block on Monday") scores as low as debate small talk. A wire lede states what happened,
  so it is taken as check-worthy; these stories are synthetic, which is fine here because
  only their form is learnt, never their content.

Features, in one logistic regression: sublinear TF-IDF word unigrams and bigrams; the signals
of claimledger's own pipeline (each sentence goes through it with kinds {"signals"}, so the
model is trained on exactly what it sees at run time); and the sentence's static MiniLM
embedding (src/claimledger/extract/checkworthy/embed.py, distilled by
train/static_embeddings.py), which carries what a sentence says beyond its exact words.

Everything is chosen by cross-validation grouped by election year (evaluation/splits.py,
year_folds: no debate trains and tests at once; the wire ledes always train):
- C, by out-of-fold average precision on the ClaimBuster sentences (the worklist ranks);
- the calibration, score = c * sigmoid(a * logit + b), fitted on those out-of-fold logits
  (Platt scaling with a ceiling c: see calibrate);
- the default threshold, the calibrated score that maximises out-of-fold F1.
CT24 dev (ClaimBuster's groundtruth.csv) is never read here.

Every step is deterministic on one machine, so re-training there reproduces the shipped file
byte for byte; `--check` says so, and otherwise compares every weight within TOLERANCE (BLAS
and float rounding may differ across machines in the last digits).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import math
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

from claimledger.evaluation import checkthat, splits
from claimledger.extract import checkworthy
from claimledger.extract.checkworthy.embed import load_embeddings
from claimledger.model import Document
from claimledger.runner.local import extract_all
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DATA = SHARED / "checkworthy" / "claimbuster" / "crowdsourced.csv"
WIRE = SHARED / "events" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
WIRE_WEIGHT = 0.5
MODEL = ROOT / "src" / "claimledger" / "models" / checkworthy.MODEL_FILE
MIN_DF = 2
C_GRID = (1.0, 2.0, 4.0, 8.0)
FOLDS = 6
TOLERANCE = 1e-3  # largest difference allowed between two trainings' weights, --check


def read_claimbuster(path: Path) -> tuple[list[str], list[int], list[str]]:
    """Sentences, labels (1: check-worthy) and the debate file each comes from."""
    texts, labels, files = [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts.append(row["Text"])
            labels.append(1 if row["Verdict"].strip() == "1" else 0)
            files.append(row["File_id"])
    return texts, labels, files


def read_wire_ledes(path: Path) -> list[str]:
    """The first sentence of each synthetic story's first paragraph, when it is one."""
    csv.field_size_limit(2**30)
    out = []
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in sorted(zf.namelist()) if n.endswith(".csv"))
        with zf.open(name) as raw:
            lines = (line.decode("utf-8") for line in raw)
            for row in csv.DictReader(lines):
                paragraph = row["text"].strip().split("\n")[0]
                lede = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paragraph)[0].strip()
                if 40 <= len(lede) <= 400 and lede[-1] in '.!?"”':
                    out.append(lede)
    return out


def sentence_signals(texts: list[str], workers: int) -> list[dict[str, float]]:
    """Signals of each text through the run-time pipeline; a text that spaCy splits into
    several sentences gets, for each signal, the highest of its sentences' values."""
    docs = [Document(text=t, source=f"claimbuster-{i}") for i, t in enumerate(texts)]
    out: list[dict[str, float]] = []
    settings = Settings(workers=workers)
    for i, ex in enumerate(extract_all(docs, settings, frozenset({"signals"}))):
        merged = dict.fromkeys(checkworthy.SIGNALS, 0.0)
        for sig in getattr(ex, "signals", []):  # a rejection has none
            for name, value in sig.items():
                merged[name] = max(merged[name], value)
        out.append(merged)
        if (i + 1) % 2000 == 0:
            print(f"train: parsed {i + 1:,}/{len(docs):,} sentences", file=sys.stderr)
    return out


def vocabulary(texts: list[str]) -> dict[str, float]:
    """Terms in at least MIN_DF texts, with smoothed idf."""
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(checkworthy.terms(t)))
    n = len(texts)
    return {
        term: math.log((1 + n) / (1 + count)) + 1.0
        for term, count in sorted(df.items())
        if count >= MIN_DF
    }


def matrix(
    texts: list[str], sigs: list[dict[str, float]], vocab: dict[str, float]
) -> sp.csr_matrix:
    """The same features Model.logit computes: TF-IDF word columns, then one per signal."""
    index = {term: i for i, term in enumerate(vocab)}
    n_words = len(index)
    rows, cols, vals = [], [], []
    for r, (text, sig) in enumerate(zip(texts, sigs, strict=True)):
        weights = {}
        for term, count in Counter(checkworthy.terms(text)).items():
            if term in index:
                weights[index[term]] = (1.0 + math.log(count)) * vocab[term]
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        for c, v in sorted(weights.items()):
            rows.append(r)
            cols.append(c)
            vals.append(v / norm)
        for j, name in enumerate(checkworthy.SIGNALS):
            if sig[name]:
                rows.append(r)
                cols.append(n_words + j)
                vals.append(sig[name])
    shape = (len(texts), n_words + len(checkworthy.SIGNALS))
    return sp.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)


def embeddings(texts: list[str]) -> np.ndarray:
    """The run-time sentence embeddings of the texts, as float64 rows."""
    return np.asarray(load_embeddings().encode(texts), dtype=np.float64)


def features(
    texts: list[str], sigs: list[dict[str, float]], vocab: dict[str, float], emb: np.ndarray
) -> sp.csr_matrix:
    """The columns Model.logit weighs: words, signals, then the embedding's dimensions."""
    return sp.hstack([matrix(texts, sigs, vocab), sp.csr_matrix(emb)], format="csr")


def fit(x: sp.csr_matrix, y: np.ndarray, c: float, weights: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)
    model.fit(x, y, sample_weight=weights)
    return model


def f_beta(y: np.ndarray, pred: np.ndarray, beta: float) -> tuple[float, float, float]:
    tp = int(np.sum(pred & (y == 1)))
    p = tp / max(1, int(pred.sum()))
    r = tp / max(1, int((y == 1).sum()))
    b2 = beta * beta
    f = (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0
    return p, r, f


def calibrate(logits: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """a, b and the ceiling c of c * sigmoid(a * logit + b), fitted to the labels by maximum
    likelihood (Nelder-Mead from a fixed start: deterministic). The ceiling is Platt scaling's
    one addition: annotators disagree, so even the most claim-like sentences are labelled
    check-worthy a little less than always, and a score should not promise more."""

    def loss(t: np.ndarray) -> float:
        p = expit(t[2]) * expit(t[0] * logits + t[1])
        p = np.clip(p, 1e-12, 1.0 - 1e-12)
        return float(-np.sum(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))

    found = minimize(
        loss,
        np.array([1.0, 0.0, 4.0]),
        method="Nelder-Mead",
        options={"xatol": 1e-8, "fatol": 1e-8, "maxiter": 5000},
    )
    a, b, c = (float(v) for v in found.x)
    return a, b, float(expit(c))


def cross_validate(
    texts: list[str],
    sigs: list[dict[str, float]],
    emb: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    folds: np.ndarray,
) -> tuple[float, tuple[float, float, float], float, dict[str, Any]]:
    """C, the calibration and the threshold, from out-of-fold logits of the rows with a fold
    (ClaimBuster's; rows with fold -1 always train)."""
    scored = folds >= 0
    by_c: dict[float, np.ndarray] = {}
    for c in C_GRID:
        oof = np.zeros(len(texts))
        for k in range(FOLDS):
            train = [i for i in range(len(texts)) if folds[i] != k]
            test = [i for i in range(len(texts)) if folds[i] == k]
            vocab = vocabulary([texts[i] for i in train])
            x_train = features(
                [texts[i] for i in train], [sigs[i] for i in train], vocab, emb[train]
            )
            x_test = features([texts[i] for i in test], [sigs[i] for i in test], vocab, emb[test])
            model = fit(x_train, y[train], c, weights[train])
            oof[test] = model.decision_function(x_test)
        by_c[c] = oof[scored]
        ap = checkthat.average_precision(y[scored], by_c[c])
        print(f"train: C={c:g} out-of-fold average precision {ap:.4f}", file=sys.stderr)
    best_c = max(
        C_GRID, key=lambda c: (round(checkthat.average_precision(y[scored], by_c[c]), 4), -c)
    )
    gold = y[scored]
    a, b, ceiling = calibrate(by_c[best_c], gold.astype(np.float64))
    calibrated = ceiling * expit(a * by_c[best_c] + b)
    grid = [round(float(t), 2) for t in np.arange(0.1, 0.9, 0.01)]
    threshold = max(grid, key=lambda t: (round(f_beta(gold, calibrated >= t, 1.0)[2], 4), t))
    p, r, f1 = f_beta(gold, calibrated >= threshold, 1.0)
    cv = {
        "folds": f"{FOLDS}, grouped by election year (evaluation/splits.py year_folds)",
        "C": best_c,
        "average_precision": round(checkthat.average_precision(gold, by_c[best_c]), 4),
        "calibration": [round(a, 6), round(b, 6), round(ceiling, 6)],
        "threshold": threshold,
        "at_threshold": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)},
        "share_at_0.99": round(float(np.mean(calibrated >= 0.99)), 4),
    }
    return best_c, (a, b, ceiling), threshold, cv


def build(data: Path, wire: Path, workers: int) -> bytes:
    debate, labels, files = read_claimbuster(data)
    ledes = read_wire_ledes(wire)
    texts = debate + ledes
    y = np.array(labels + [1] * len(ledes))
    weights = np.array([1.0] * len(debate) + [WIRE_WEIGHT] * len(ledes))
    folds = np.array(splits.year_folds(files, FOLDS) + [-1] * len(ledes))
    print(
        f"train: {len(debate):,} debate sentences ({sum(labels):,} check-worthy), "
        f"{len(ledes):,} wire ledes",
        file=sys.stderr,
    )
    sigs = sentence_signals(texts, workers)
    emb = embeddings(texts)
    c, calibration, threshold, cv = cross_validate(texts, sigs, emb, y, weights, folds)
    print(f"train: chosen {json.dumps(cv)}", file=sys.stderr)
    vocab = vocabulary(texts)
    model = fit(features(texts, sigs, vocab, emb), y, c, weights)
    coef = model.coef_[0]
    n_words = len(vocab)
    n_signals = len(checkworthy.SIGNALS)
    static = load_embeddings()
    payload = {
        "format": 2,
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": threshold,
        "calibration": [round(v, 6) for v in calibration],
        "embedding_weights": [round(float(w), 6) for w in coef[n_words + n_signals :]],
        "signal_weights": {
            name: round(float(coef[n_words + j]), 6) for j, name in enumerate(checkworthy.SIGNALS)
        },
        "vocabulary": {
            term: [round(idf, 6), round(float(coef[i]), 6)]
            for i, (term, idf) in enumerate(vocab.items())
            if round(float(coef[i]), 6) != 0.0
        },
        "meta": {
            "trained_by": "train/checkworthy.py",
            "data": {
                "name": "ClaimBuster crowdsourced.csv (Arslan, Hassan, Li, Tremayne; ICWSM 2020)",
                "doi": "10.5281/zenodo.3609356",
                "licence": "CC BY 4.0",
                "sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
                "sentences": len(debate),
                "positives": sum(labels),
                "positive": "Verdict 1 (CFS, check-worthy factual sentence)",
            },
            "wire_ledes": {
                "name": "NGEC synthetic wire stories (Halterman), first sentences",
                "file": wire.name,
                "licence": "MIT (as declared by the NGEC project)",
                "sha256": hashlib.sha256(wire.read_bytes()).hexdigest(),
                "sentences": len(ledes),
                "weight": WIRE_WEIGHT,
            },
            "embeddings": {
                "folder": "claimledger/models/minilm-static",
                "sha256": static.digest,
                "teacher": static.meta.get("teacher", ""),
            },
            "features": (
                "sublinear TF-IDF unigrams+bigrams (min_df 2, numbers folded) + signals + "
                f"static MiniLM sentence embedding ({static.dims} dimensions)"
            ),
            "learner": "logistic regression, liblinear, L2",
            "cross_validation": cv,
        },
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def weight_difference(a: dict[str, Any], b: dict[str, Any]) -> float:
    """The largest absolute difference between two model files' numbers (inf when their
    vocabularies or shapes differ)."""
    if set(a["vocabulary"]) != set(b["vocabulary"]) or len(a["embedding_weights"]) != len(
        b["embedding_weights"]
    ):
        return math.inf
    pairs = [(a["bias"], b["bias"]), (a["threshold"], b["threshold"])]
    pairs += list(zip(a["calibration"], b["calibration"], strict=True))
    pairs += list(zip(a["embedding_weights"], b["embedding_weights"], strict=True))
    pairs += [(a["signal_weights"][k], b["signal_weights"][k]) for k in a["signal_weights"]]
    pairs += [
        (x, y)
        for t in a["vocabulary"]
        for x, y in zip(a["vocabulary"][t], b["vocabulary"][t], strict=True)
    ]
    return max(abs(float(x) - float(y)) for x, y in pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="ClaimBuster crowdsourced.csv")
    parser.add_argument("--wire", type=Path, default=WIRE, help="NGEC synthetic stories (.zip)")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--workers", type=int, default=0, help="0: one per core")
    parser.add_argument(
        "--check", action="store_true", help="re-train and compare with the file at --out"
    )
    args = parser.parse_args()
    for path, what in ((args.data, "--data"), (args.wire, "--wire")):
        if not path.is_file():
            print(f"train: {path} not found; pass {what} with its path", file=sys.stderr)
            return 2
    blob = build(args.data, args.wire, args.workers)
    digest = hashlib.sha256(blob).hexdigest()
    if args.check:
        if not args.out.is_file():
            print(f"train: {args.out} not found; nothing to compare with", file=sys.stderr)
            return 1
        shipped = args.out.read_bytes()
        if shipped == blob:
            print(f"train: re-trained model {digest[:16]} matches {args.out} byte for byte")
            return 0
        diff = weight_difference(
            json.loads(gzip.decompress(shipped)), json.loads(gzip.decompress(blob))
        )
        ok = diff <= TOLERANCE
        print(
            f"train: re-trained model {digest[:16]} differs from {args.out} in bytes; largest "
            f"weight difference {diff:.2e} (tolerance {TOLERANCE:g}): "
            f"{'matches within tolerance' if ok else 'DIFFERS'}"
        )
        return 0 if ok else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(blob)
    print(f"train: wrote {args.out} ({len(blob):,} bytes, sha256 {digest[:16]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
