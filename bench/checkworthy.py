"""Check-worthiness: claimledger against TF-IDF baselines on every set we have, in one run.

    ./run bench checkworthy                          # the shipped model and the baselines
    ./run bench checkworthy --compare OLD.json.gz    # and another model file beside it
    ./run bench checkworthy --clef2020               # add the CLEF 2020 debates (21,514 lines)

Sets (see DEVELOPERS.md for the tune and check parts):
- ClaimBuster crowdsourced.csv (CT24 train), cross-validated with folds grouped by election
  year: the model file's own out-of-fold figures, and the baselines' computed here the same way;
- CheckThat! 2024 English dev (ClaimBuster's expert-labelled groundtruth.csv, never trained
  on), apart for its tune and check years and as a whole;
- CLEF CheckThat! 2019 test debates (and 2020 with --clef2020): another labelling (a sentence
  is positive when fact-checkers checked it), so positives are rare; mean average precision
  over debates (the lab's measure) and F1;
- claimledger's own conflict-genre set (tests/data/checkworthy_set.py): wire reports,
  statements and advocacy, with claim types;
- the share of sentences at a score >= 0.99, where a worklist stops ranking: on the PolNeAR
  dev articles (real news) and on the conflict set.

Systems: claimledger's shipped model at its default threshold (a call to action is never a
claim, as in the pipeline); optionally another model file
(e.g. the previous one: `git show REV:src/claimledger/models/checkworthy.json.gz > old.gz`);
and the usual baselines, TF-IDF words (1-2 grams) and words + characters (2-5 grams) with a
logistic regression trained on ClaimBuster crowdsourced.csv, threshold from the same
year-grouped cross-validation. Every model scores the same parsed sentences.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from claimledger.evaluation import checkthat, polnear, shared_data, splits
from claimledger.extract import checkworthy
from claimledger.model import Document
from claimledger.runner.local import extract_all
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CT24_DEV = checkthat.ct24_dev()
DATA = shared_data() / "checkworthy"
CLAIMBUSTER = DATA / "claimbuster" / "crowdsourced.csv"
GROUNDTRUTH = DATA / "claimbuster" / "groundtruth.csv"
CLEF = {
    "CLEF 2019 test": DATA / "clef2019-task1-en" / "test_annotated",
    "CLEF 2020 test": DATA / "clef2020-task5-en-debates" / "test-gold",
}
FOLDS = 6
Scorer = Callable[[list[str], list[dict[str, float]]], np.ndarray]


def conflict_set() -> list[tuple[str, str, str]]:
    """The cases of tests/data/checkworthy_set.py, loaded from its file (bench/ is not a
    package and tests/ is not on the path of a script run from bench/)."""
    path = ROOT / "tests" / "data" / "checkworthy_set.py"
    spec = importlib.util.spec_from_file_location("checkworthy_set", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases: list[tuple[str, str, str]] = module.CASES
    return cases


CASES = conflict_set()


class Parsed:
    """Texts run once through the pipeline: per text, its sentences and their signals."""

    def __init__(self, texts: Sequence[str], what: str) -> None:
        print(f"bench: parsing {what} ({len(texts):,} texts)", file=sys.stderr)
        started = time.perf_counter()
        docs = [Document(text=t, source=str(i)) for i, t in enumerate(texts)]
        self.sentences: list[list[tuple[str, dict[str, float]]]] = []
        self.types: list[tuple[str, ...]] = []  # per text, its best claim's types
        for ex in extract_all(docs, Settings(workers=0), frozenset({"signals", "claims"})):
            pairs = [
                (s.text, sig)
                for s, sig in zip(
                    getattr(ex, "sentences", []), getattr(ex, "signals", []), strict=True
                )
            ]
            self.sentences.append(pairs)
            claims = getattr(ex, "claims", [])
            self.types.append(max(claims, key=lambda c: c.score).types if claims else ())
        self.seconds = time.perf_counter() - started
        self.count = sum(len(s) for s in self.sentences)

    def labels(self, scorer: Scorer, threshold: float, calls: bool) -> np.ndarray:
        """Per text, 1 when one of its sentences scores at least ``threshold`` (and, with
        ``calls``, is not a call to action, which claimledger never labels a claim)."""
        flat = self.all(scorer) >= threshold
        if calls:
            flat &= ~np.array(
                [checkworthy.is_call_to_action(s, t) for p in self.sentences for t, s in p],
                dtype=bool,
            )
        out, i = [], 0
        for pairs in self.sentences:
            out.append(int(flat[i : i + len(pairs)].any()))
            i += len(pairs)
        return np.array(out)

    def best(self, scorer: Scorer) -> np.ndarray:
        """Per text, the score of its highest-scoring sentence (0 when it has none)."""
        flat = self.all(scorer)
        out, i = [], 0
        for pairs in self.sentences:
            out.append(float(flat[i : i + len(pairs)].max()) if pairs else 0.0)
            i += len(pairs)
        return np.array(out)

    def all(self, scorer: Scorer) -> np.ndarray:
        texts = [t for pairs in self.sentences for t, _ in pairs]
        sigs = [s for pairs in self.sentences for _, s in pairs]
        return scorer(texts, sigs) if texts else np.zeros(0)


def model_scorer(model: checkworthy.Model) -> Scorer:
    return lambda texts, sigs: np.array(
        [model.score(t, s) for t, s in zip(texts, sigs, strict=True)]
    )


def read_model(path: Path) -> checkworthy.Model:
    raw = path.read_bytes()
    return checkworthy.model_from_json(
        json.loads(gzip.decompress(raw)), hashlib.sha256(raw).hexdigest()
    )


def read_claimbuster() -> tuple[list[str], np.ndarray, list[str]]:
    with CLAIMBUSTER.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return (
        [r["Text"] for r in rows],
        np.array([int(r["Verdict"].strip() == "1") for r in rows]),
        [r["File_id"] for r in rows],
    )


def f1_at(y: np.ndarray, scores: np.ndarray, threshold: float) -> tuple[float, float, float]:
    return checkthat.prf(list(y), list((scores >= threshold).astype(int)))


def prf(y: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    return checkthat.prf(list(y), list(labels))


class Baseline:
    """TF-IDF (+ characters) and logistic regression on ClaimBuster; threshold by
    year-grouped cross-validation."""

    def __init__(self, name: str, chars: bool, texts: list[str], y: np.ndarray, files: list[str]):
        self.name, self.chars = name, chars
        folds = np.array(splits.year_folds(files, FOLDS))
        oof = np.zeros(len(texts))
        print(f"bench: {name}: {FOLDS}-fold cross-validation", file=sys.stderr)
        for k in range(FOLDS):
            train, test = np.where(folds != k)[0], np.where(folds == k)[0]
            predict = self._fit([texts[i] for i in train], y[train])
            oof[test] = predict([texts[i] for i in test])
        grid = np.arange(0.1, 0.9, 0.01)
        self.threshold = float(max(grid, key=lambda t: f1_at(y, oof, t)[2]))
        self.cv_f1 = f1_at(y, oof, self.threshold)[2]
        self.cv_ap = checkthat.average_precision(y, oof)
        self.predict = self._fit(texts, y)

    def _fit(self, texts: list[str], y: np.ndarray) -> Callable[[list[str]], np.ndarray]:
        vecs = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)]
        if self.chars:
            vecs.append(
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=3)
            )
        x = sp.hstack([v.fit_transform(texts) for v in vecs], format="csr")
        lr = LogisticRegression(C=1.0, solver="liblinear", random_state=0).fit(x, y)

        def predict(batch: list[str]) -> np.ndarray:
            xb = sp.hstack([v.transform(batch) for v in vecs], format="csr")
            return np.asarray(lr.predict_proba(xb)[:, 1])

        return predict

    def scorer(self) -> Scorer:
        return lambda texts, _sigs: self.predict(texts)


def read_clef(folder: Path) -> list[tuple[list[str], np.ndarray]]:
    """Per debate: its lines and labels."""
    out = []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
        out.append(([r[2] for r in rows], np.array([int(r[3]) for r in rows])))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, help="another model file to score beside it")
    parser.add_argument("--clef2020", action="store_true", help="also the CLEF 2020 debates")
    args = parser.parse_args()
    for path in (CT24_DEV, CLAIMBUSTER, GROUNDTRUTH):
        if not path.is_file():
            print(f"bench: {path} not found; the shared data must sit beside the repository")
            return 2

    shipped = checkworthy.load_model()
    systems: list[tuple[str, Scorer, float, dict[str, object]]] = [
        (
            f"claimledger {shipped.digest[:8]}",
            model_scorer(shipped),
            shipped.threshold,
            shipped.meta.get("cross_validation", {}),
        ),
    ]
    if args.compare:
        other = read_model(args.compare)
        systems.append(
            (
                f"claimledger {other.digest[:8]} ({args.compare.name})",
                model_scorer(other),
                other.threshold,
                other.meta.get("cross_validation", {}),
            )
        )
    cb_texts, cb_y, cb_files = read_claimbuster()
    for name, chars in (("TF-IDF words + LR", False), ("TF-IDF words+chars + LR", True)):
        base = Baseline(name, chars, cb_texts, cb_y, cb_files)
        systems.append(
            (
                name,
                base.scorer(),
                base.threshold,
                {"f1": round(base.cv_f1, 4), "average_precision": round(base.cv_ap, 4)},
            )
        )

    dev_texts, dev_y_list = checkthat.read_ct24(CT24_DEV)
    dev_y = np.array(dev_y_list)
    with GROUNDTRUTH.open(encoding="utf-8", newline="") as fh:
        year_of = {r["Sentence_id"]: r["File_id"] for r in csv.DictReader(fh)}
    with CT24_DEV.open(encoding="utf-8", newline="") as fh:
        ids = [r["Sentence_id"] for r in csv.DictReader(fh, delimiter="\t")]
    dev_parts = np.array([splits.part_of_year(year_of[i]) for i in ids])
    dev = Parsed(dev_texts, "CT24 dev")
    own = Parsed([c[0] for c in CASES], "the conflict set")
    own_y = np.array([int(c[1] == "claim") for c in CASES])
    exhort = np.array([c[2] == "exhortation" for c in CASES])
    news = Parsed([a.text for a in polnear.load("dev")], "PolNeAR dev articles")
    clef_sets = ["CLEF 2019 test"] + (["CLEF 2020 test"] if args.clef2020 else [])
    clef = {}
    for name in clef_sets:
        debates = read_clef(CLEF[name])
        lines = [t for texts, _ in debates for t in texts]
        clef[name] = (debates, Parsed(lines, name))

    print(
        f"\nCT24 English dev: {len(dev_texts):,} sentences, {int(dev_y.sum())} check-worthy "
        f"(tune {int((dev_parts == 'tune').sum())}, check {int((dev_parts == 'check').sum())}); "
        f"conflict set: {len(CASES)} sentences, {int(own_y.sum())} claims; PolNeAR dev: "
        f"{len(news.sentences)} articles, {news.count:,} sentences\n"
    )
    print(
        "| system | threshold | ClaimBuster CV F1 / AP (by year) | CT24 dev tune F1 | "
        "CT24 dev check F1 | CT24 dev F1 (P/R) | CT24 dev AP | "
        + " | ".join(f"{n} MAP / F1" for n in clef_sets)
        + " | conflict F1 | exhortations as claims | >= 0.99 news | >= 0.99 conflict |"
    )
    print("|---|---:|---|---:|---:|---|---:|" + "---|" * len(clef_sets) + "---:|---:|---:|---:|")
    for name, scorer, threshold, cv in systems:
        ours = name.startswith("claimledger")
        d = dev.best(scorer)
        dl = dev.labels(scorer, threshold, ours)
        cells = [name, f"{threshold:.2f}"]
        cv_f1 = cv.get("f1", (cv.get("at_threshold") or {}).get("f1"))  # type: ignore[union-attr]
        cells.append(f"{cv_f1} / {cv.get('average_precision', '-')}" if cv_f1 else "-")
        for part in splits.PARTS:
            mask = dev_parts == part
            cells.append(f"{prf(dev_y[mask], dl[mask])[2]:.3f}")
        p, r, f = prf(dev_y, dl)
        cells += [f"**{f:.3f}** ({p:.2f}/{r:.2f})", f"{checkthat.average_precision(dev_y, d):.3f}"]
        for set_name in clef_sets:
            debates, parsed = clef[set_name]
            s = parsed.best(scorer)
            y = np.concatenate([labels for _, labels in debates])
            aps, i = [], 0
            for texts, labels in debates:
                aps.append(checkthat.average_precision(labels, s[i : i + len(texts)]))
                i += len(texts)
            f = prf(y, parsed.labels(scorer, threshold, ours))[2]
            cells.append(f"{np.mean(aps):.3f} / {f:.3f}")
        ol = own.labels(scorer, threshold, ours)
        cells.append(f"{prf(own_y, ol)[2]:.3f}")
        cells.append(str(int((ol.astype(bool) & exhort).sum())))
        n_all = news.all(scorer)
        o_all = own.all(scorer)
        cells.append(f"{100 * np.mean(n_all >= 0.99):.1f}% ({int((n_all >= 0.99).sum())})")
        cells.append(f"{100 * np.mean(o_all >= 0.99):.1f}% ({int((o_all >= 0.99).sum())})")
        print("| " + " | ".join(cells) + " |")

    type_hits: dict[str, list[int]] = {}
    for (_text, _label, kind), types in zip(CASES, own.types, strict=True):
        type_hits.setdefault(kind, []).append(int(kind in types))
    print("\nclaimledger's types on the conflict set (expected type among those given):\n")
    print("| type | sentences | correct |")
    print("|---|---:|---:|")
    for kind, hits in type_hits.items():
        print(f"| {kind} | {len(hits)} | {100 * np.mean(hits):.1f}% |")
    total = [h for hits in type_hits.values() for h in hits]
    print(f"| all | {len(total)} | {100 * np.mean(total):.1f}% |")
    started = time.perf_counter()
    texts = [t for pairs in news.sentences for t, _ in pairs]
    sigs = [s for pairs in news.sentences for _, s in pairs]
    model_scorer(shipped)(texts, sigs)
    rate = len(texts) / (time.perf_counter() - started)
    print(
        f"\nspeed: score alone {rate:,.0f} sentences/s (words, signals and embedding, one "
        f"process); whole pipeline incl. parsing {news.count / news.seconds:,.0f} sentences/s "
        "(default workers)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
