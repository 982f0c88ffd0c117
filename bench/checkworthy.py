"""Check-worthiness against a TF-IDF + logistic regression baseline, in one run; one table.

    ./run bench checkworthy

Sets:
- CheckThat! 2024 English dev (../shared/data/checkworthy/clef2024-task1-en), which is
  ClaimBuster's expert-labelled groundtruth.csv: never used in training.
- claimledger's own conflict-genre set (tests/data/checkworthy_set.py): wire reports,
  statements and advocacy, with claim types.

Systems: claimledger's shipped model at its default threshold, and the usual baseline,
word TF-IDF (unigrams and bigrams) with logistic regression, trained here on the same
ClaimBuster sentences. F1 is the positive class's. Speed is sentences/s for computing the
signals and the score of sentences already parsed and extracted, in one process, and for
the whole pipeline (parse included) with the default workers.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from claimledger.evaluation import checkthat, shared_data
from claimledger.extract import checkworthy
from claimledger.extract.attributions import extract_attributions, quote_spans
from claimledger.extract.entities import PersonRegistry
from claimledger.extract.quantities import extract_quantities
from claimledger.model import Claim, Document
from claimledger.nlp.parsed import sentences
from claimledger.pipeline import parse
from claimledger.runner.local import extract_all
from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CT24_DEV = checkthat.ct24_dev()
CLAIMBUSTER = shared_data() / "checkworthy" / "claimbuster" / "crowdsourced.csv"


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


def sentence_claims(texts: list[str], workers: int = 0) -> list[Claim | None]:
    """For each text, its highest-scoring sentence's claim (a text may parse as several)."""
    docs = [Document(text=t, source=str(i)) for i, t in enumerate(texts)]
    out: list[Claim | None] = []
    for ex in extract_all(docs, Settings(workers=workers)):
        claims = getattr(ex, "claims", [])
        out.append(max(claims, key=lambda c: c.score) if claims else None)
    return out


def baseline(train_texts: list[str], train_y: list[int]) -> Any:
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    lr = LogisticRegression(C=1.0, solver="liblinear", random_state=0)
    lr.fit(vec.fit_transform(train_texts), train_y)
    return lambda texts: list(lr.predict(vec.transform(texts)))


def scoring_speed(texts: list[str], rounds: int = 5) -> float:
    """Sentences/s for signals + score, over sentences already parsed and extracted."""
    model = checkworthy.load_model()
    settings = Settings(workers=1)
    prepared = []
    docs = [Document(text=t, source=str(i)) for i, t in enumerate(texts)]
    for _doc, parsed in parse(docs, settings):
        for chunk, sdoc in parsed:
            quotes = quote_spans(chunk.text, 0, len(chunk.text))
            for sent in sentences(sdoc):
                quants = extract_quantities(sent, "d", 0, 0)
                atts = extract_attributions(sent, "d", 0, 0, PersonRegistry(), quotes)
                prepared.append((sent, sent.text, quants, atts))
    started = time.perf_counter()
    for _ in range(rounds):
        for sent, text, quants, atts in prepared:
            model.score(text, checkworthy.signals(sent, quants, atts, text))
    return rounds * len(prepared) / (time.perf_counter() - started)


def main() -> int:
    for path in (CT24_DEV, CLAIMBUSTER):
        if not path.is_file():
            print(f"bench: {path} not found; the shared data must sit beside the repository")
            return 2
    model = checkworthy.load_model()
    dev_texts, dev_y = checkthat.read_ct24(CT24_DEV)
    own_texts = [c[0] for c in CASES]
    own_y = [1 if c[1] == "claim" else 0 for c in CASES]

    print("bench: claimledger on CT24 dev and the conflict set", file=sys.stderr)
    started = time.perf_counter()
    dev_claims = sentence_claims(dev_texts)
    own_claims = sentence_claims(own_texts)
    pipeline_rate = (len(dev_texts) + len(own_texts)) / (time.perf_counter() - started)
    print("bench: scoring speed", file=sys.stderr)
    rate = scoring_speed(dev_texts + own_texts)

    print("bench: TF-IDF + LR baseline", file=sys.stderr)
    with CLAIMBUSTER.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    predict = baseline([r["Text"] for r in rows], [int(r["Verdict"] == "1") for r in rows])

    results = {
        "claimledger": (checkthat.labels(dev_claims), checkthat.labels(own_claims)),
        "TF-IDF + LR (words only)": (predict(dev_texts), predict(own_texts)),
    }
    exhort = [i for i, c in enumerate(CASES) if c[2] == "exhortation"]
    print(
        f"\nCT24 English dev: {len(dev_texts):,} sentences, {sum(dev_y)} check-worthy; "
        f"conflict set: {len(CASES)} sentences, {sum(own_y)} claims, {len(exhort)} exhortations"
    )
    print(f"claimledger model {model.digest[:16]}, default threshold {model.threshold}\n")
    print("| system | CT24 dev P/R/F1 | conflict set P/R/F1 | exhortations labelled claim |")
    print("|---|---|---|---:|")
    for name, (dev_pred, own_pred) in results.items():
        d = checkthat.prf(dev_y, dev_pred)
        o = checkthat.prf(own_y, own_pred)
        bad = sum(own_pred[i] for i in exhort)
        print(
            f"| {name} | {d[0]:.3f}/{d[1]:.3f}/**{d[2]:.3f}** | "
            f"{o[0]:.3f}/{o[1]:.3f}/**{o[2]:.3f}** | {bad} |"
        )

    type_hits: dict[str, list[int]] = {}
    for (_text, _label, kind), claim in zip(CASES, own_claims, strict=True):
        hit = int(claim is not None and kind in claim.types)
        type_hits.setdefault(kind, []).append(hit)
    print("\nclaimledger's types on the conflict set (expected type among those given):\n")
    print("| type | sentences | correct |")
    print("|---|---:|---:|")
    for kind, hits in type_hits.items():
        print(f"| {kind} | {len(hits)} | {100 * np.mean(hits):.1f}% |")
    total = [h for hits in type_hits.values() for h in hits]
    print(f"| all | {len(total)} | {100 * np.mean(total):.1f}% |")
    print(
        f"\nspeed: signals + score {rate:,.0f} sentences/s (one process, parsed input); "
        f"whole pipeline incl. parsing {pipeline_rate:,.0f} sentences/s (default workers)"
    )
    misses = [
        (c[0], c[1], claim.score if claim else None, claim.types if claim else None)
        for c, claim in zip(CASES, own_claims, strict=True)
        if (claim is not None and claim.label) != c[1]
    ]
    for text, label, score, types in misses:
        print(f"  miss [{label}] {score} {types}: {text}", file=sys.stderr)
    for (text, _label, kind), claim in zip(CASES, own_claims, strict=True):
        if claim is not None and kind not in claim.types:
            print(f"  type [{kind}] {claim.types}: {text}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
