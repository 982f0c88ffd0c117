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

Each sentence goes through claimledger's own pipeline (kinds {"signals"}), so the model is
trained on exactly the signals it sees at run time. The regularisation strength is chosen by
5-fold cross-validation, scored on the ClaimBuster sentences. The default threshold is 0.5,
the probability midpoint: with 24% positives in ClaimBuster that is well above the
threshold that maximises out-of-fold F1, so it trades recall for precision; the script
prints both. Every step is deterministic, so re-training reproduces the shipped file byte
for byte.
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
from sklearn.linear_model import LogisticRegression

from claimledger.extract import checkworthy
from claimledger.model import Document
from claimledger.runner.local import extract_all
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DATA = SHARED / "checkworthy" / "claimbuster" / "crowdsourced.csv"
WIRE = SHARED / "events" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
WIRE_WEIGHT = 0.5
THRESHOLD = 0.5
MODEL = ROOT / "src" / "claimledger" / "models" / checkworthy.MODEL_FILE
MIN_DF = 2
C_GRID = (2.0, 4.0, 8.0)
FOLDS = 5


def read_claimbuster(path: Path) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts.append(row["Text"])
            labels.append(1 if row["Verdict"].strip() == "1" else 0)
    return texts, labels


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


def cross_validate(
    texts: list[str],
    sigs: list[dict[str, float]],
    y: np.ndarray,
    weights: np.ndarray,
    scored: np.ndarray,
) -> tuple[float, dict[str, Any]]:
    """C by out-of-fold F1 at the threshold, over the ``scored`` rows (ClaimBuster's)."""
    folds = np.arange(len(texts)) % FOLDS
    np.random.default_rng(0).shuffle(folds)
    by_c: dict[float, np.ndarray] = {}
    for c in C_GRID:
        oof = np.zeros(len(texts))
        for k in range(FOLDS):
            train = [i for i in range(len(texts)) if folds[i] != k]
            test = [i for i in range(len(texts)) if folds[i] == k]
            vocab = vocabulary([texts[i] for i in train])
            x_train = matrix([texts[i] for i in train], [sigs[i] for i in train], vocab)
            x_test = matrix([texts[i] for i in test], [sigs[i] for i in test], vocab)
            model = fit(x_train, y[train], c, weights[train])
            oof[test] = model.predict_proba(x_test)[:, 1]
        by_c[c] = oof[scored]
        p, r, f = f_beta(y[scored], by_c[c] >= THRESHOLD, 1.0)
        print(f"train: C={c:g} out-of-fold P {p:.3f} R {r:.3f} F1 {f:.3f}", file=sys.stderr)
    best_c = max(C_GRID, key=lambda c: (f_beta(y[scored], by_c[c] >= THRESHOLD, 1.0)[2], -c))
    oof, gold = by_c[best_c], y[scored]
    grid = [round(float(t), 2) for t in np.arange(0.2, 0.8, 0.01)]
    best_f1 = max(grid, key=lambda t: (f_beta(gold, oof >= t, 1.0)[2], t))
    p, r, f1 = f_beta(gold, oof >= THRESHOLD, 1.0)
    p_opt, r_opt, f_opt = f_beta(gold, oof >= best_f1, 1.0)
    cv = {
        "folds": FOLDS,
        "C": best_c,
        "threshold": THRESHOLD,
        "at_threshold": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)},
        "f1_optimal_threshold": best_f1,
        "at_f1_optimal": {
            "precision": round(p_opt, 4),
            "recall": round(r_opt, 4),
            "f1": round(f_opt, 4),
        },
    }
    return best_c, cv


def build(data: Path, wire: Path, workers: int) -> bytes:
    debate, labels = read_claimbuster(data)
    ledes = read_wire_ledes(wire)
    texts = debate + ledes
    y = np.array(labels + [1] * len(ledes))
    weights = np.array([1.0] * len(debate) + [WIRE_WEIGHT] * len(ledes))
    scored = np.arange(len(texts)) < len(debate)
    print(
        f"train: {len(debate):,} debate sentences ({sum(labels):,} check-worthy), "
        f"{len(ledes):,} wire ledes",
        file=sys.stderr,
    )
    sigs = sentence_signals(texts, workers)
    c, cv = cross_validate(texts, sigs, y, weights, scored)
    print(f"train: chosen {json.dumps(cv)}", file=sys.stderr)
    vocab = vocabulary(texts)
    model = fit(matrix(texts, sigs, vocab), y, c, weights)
    coef = model.coef_[0]
    n_words = len(vocab)
    payload = {
        "format": 1,
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": THRESHOLD,
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
            "features": "sublinear TF-IDF unigrams+bigrams (min_df 2, numbers folded) + signals",
            "learner": "logistic regression, liblinear, L2",
            "cross_validation": cv,
        },
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


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
        same = args.out.is_file() and args.out.read_bytes() == blob
        print(
            f"train: re-trained model {digest[:16]} {'matches' if same else 'DIFFERS from'} "
            f"{args.out}"
        )
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(blob)
    print(f"train: wrote {args.out} ({len(blob):,} bytes, sha256 {digest[:16]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
