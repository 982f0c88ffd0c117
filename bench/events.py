"""Event types: claimledger's shipped classifier on CASE 2021 task 2 snippets, in one run.

    python bench/events.py                    # the 510 shared dev snippets, tune/check/all
    python bench/events.py --per-type         # and F1 per type
    python bench/events.py --case FILE        # other snippets (the kept-aside ones)
    python bench/events.py --errors FILE      # write the tune part's errors (never the check's)

Rows:
- the shipped model (the training sources its meta names; it has never seen CASE) on the
  tune part (ids with id % 4 == 0), the check part (id % 4 == 2), other ids (the odd ids kept
  aside, when --case holds them) and all of the file;
- a local variant that also learns from CASE (train/events.py --case), measured by 5-fold
  cross-validation stratified by type over the 510 dev snippets: each fold trains on the
  other four fifths of CASE plus everything the shipped model learns from, with the shipped
  model's settings (never chosen on CASE) and the CASE rows' weight chosen by an inner
  cross-validation over those four fifths alone (train/events.py local_weight: nested, so
  the fold scored never chooses); then the same figures on the tune and check parts' ids;
- claimledger's extraction itself (the events stage, whose types the ledger records: the
  trigger lexicon and its rules decide, the classifier only among a trigger's candidates the
  words leave open), scored by the first event it records in each snippet, "none" where it
  records none; with how many snippets got no event and how often the gold type is among
  any of the snippet's events;
- with --case FILE other than the dev file, the same local variant trained on all 510 dev
  snippets, on FILE;
- for reference, anchors quoted from the literature, not measured here: the best trained
  system of CASE 2021 task 2 subtask 1 (83.9, on the task's test set) and an entailment-based
  zero-shot system (0.74 on average).

Metrics: weighted F1 (the task's headline), macro F1 over the types present in the gold,
accuracy. Speed: snippets/s of type_scores after the model is loaded, one process.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from sklearn.metrics import accuracy_score, f1_score

from claimledger.evaluation import shared_data
from claimledger.extract.events import classify
from claimledger.extract.events.taxonomy import CODES

ROOT = Path(__file__).resolve().parent.parent
DEV = shared_data() / "events" / "case2021_task2" / "case2021-task2-dev.tsv"
ANCHORS = (
    ("best trained system, CASE 2021 task 2 subtask 1 (quoted, test set)", "83.9"),
    ("entailment-based zero-shot system (quoted, average)", "0.74"),
)


def trainer() -> ModuleType:
    """train/events.py as a module (train/ is not a package)."""
    spec = importlib.util.spec_from_file_location("train_events", ROOT / "train" / "events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def part_of(snippet_id: int) -> str:
    """The tune part holds ids with id % 4 == 0, the check part id % 4 == 2; odd ids are the
    snippets kept aside from the shared dev file."""
    return {0: "tune", 2: "check"}.get(snippet_id % 4, "kept aside")


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    labels = sorted(set(gold))
    return {
        "weighted": float(f1_score(gold, predicted, average="weighted", zero_division=0)),
        "macro": float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(gold, predicted)),
        "n": len(gold),
    }


def per_type(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    values = f1_score(gold, predicted, labels=list(CODES), average=None, zero_division=0)
    return {code: float(v) for code, v in zip(CODES, values, strict=True)}


def shipped_predictions(texts: Sequence[str]) -> tuple[list[str], float]:
    """The shipped model's top code per text, and its speed in snippets/s (model loaded)."""
    classify.type_scores("warm-up: the model and the embeddings load once")
    started = time.perf_counter()
    out = []
    for t in texts:
        s = classify.type_scores(t)
        out.append(max(s, key=s.__getitem__))
    return out, len(texts) / (time.perf_counter() - started)


def extraction_types(texts: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """The code of the first event claimledger's extraction records in each text ("none"
    where it records none), and every event's code per text."""
    from claimledger import api
    from claimledger.settings import Settings

    found: list[list[str]] = [[] for _ in texts]
    with tempfile.TemporaryDirectory() as tmp:
        for n, text in enumerate(texts):
            (Path(tmp) / f"{n:06d}.txt").write_text(text + "\n", encoding="utf-8")
        for rec in api.extract([tmp], "events", settings=Settings(workers=1)):
            found[int(Path(rec["source"]).stem)].append(rec["code"])
    return [codes[0] if codes else "none" for codes in found], found


def shipped_setting(train: ModuleType) -> Any:
    """The shipped model's settings (chosen by cross-validation over its own examples)."""
    s = classify.load_model().meta["settings"]
    return train.Setting(
        s.get("char_ngrams", False), s["C"], s["embedding_scale"], s.get("class_weight")
    )


def local_model(
    train: ModuleType, base: Any, rows: Sequence[tuple[str, str]], embed: Any
) -> tuple[dict[str, Any], float]:
    """A local variant's numbers: everything the shipped model learns from plus ``rows``,
    with the shipped model's settings and the local rows' weight that cross-validation
    over ``rows`` alone chooses (train/events.py local_weight); and that weight."""
    setting = shipped_setting(train)
    data = train.Examples(*(list(v) for v in vars(base).values()))
    data.add(list(rows), 1.0, "local")
    weight, _ = train.local_weight(data, embed, setting)
    numbers = train.fit(
        train.with_local_weight(data, weight),
        embed,
        setting.c,
        setting.scale,
        setting.class_weight,
        setting.char_ngrams,
    )
    return numbers, weight


def local_cv(train: ModuleType, dev: list[tuple[int, str, str]]) -> tuple[list[str], list[float]]:
    """Out-of-fold predictions of the local variant on the dev snippets, and the local
    weight each fold chose (nested: chosen inside the fold's training part)."""
    settings = classify.load_model().meta["settings"]
    base, _ = train.training_data(train.OWN, train.NGEC, None, settings["ngec_weight"])
    embed = train.Embedder()
    folds = train.stratified_folds([c for _, _, c in dev], train.FOLDS)
    predicted = [""] * len(dev)
    weights = []
    for k in range(train.FOLDS):
        print(f"bench: local variant, fold {k + 1}/{train.FOLDS}", file=sys.stderr)
        rows = [(t, c) for (_, t, c), f in zip(dev, folds, strict=True) if f != k]
        numbers, weight = local_model(train, base, rows, embed)
        weights.append(weight)
        test = [i for i, f in enumerate(folds) if f == k]
        for i, p in zip(test, train.predict(numbers, [dev[i][1] for i in test]), strict=True):
            predicted[i] = p
    return predicted, weights


def local_full(
    train: ModuleType, dev: list[tuple[int, str, str]], texts: list[str]
) -> tuple[list[str], float]:
    """Predictions on ``texts`` of the local variant trained on all of the dev snippets."""
    settings = classify.load_model().meta["settings"]
    base, _ = train.training_data(train.OWN, train.NGEC, None, settings["ngec_weight"])
    numbers, weight = local_model(train, base, [(t, c) for _, t, c in dev], train.Embedder())
    predicted: list[str] = train.predict(numbers, texts)
    return predicted, weight


def row(name: str, s: dict[str, float]) -> str:
    return (
        f"| {name} | **{s['weighted']:.3f}** | {s['macro']:.3f} | {s['accuracy']:.3f} "
        f"| {int(s['n'])} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", type=Path, default=DEV, help="CASE 2021 task 2 snippets (.tsv)")
    parser.add_argument("--per-type", action="store_true", help="also F1 per type")
    parser.add_argument("--no-cv", action="store_true", help="skip the local CASE variant")
    parser.add_argument("--errors", type=Path, help="write the tune part's errors here (JSONL)")
    args = parser.parse_args()
    for path in {args.case, DEV}:
        if not path.is_file():
            print(f"bench: {path} not found; the shared data must sit beside the repository")
            return 2
    train = trainer()
    rows = train.read_case(args.case)
    texts = [t for _, t, _ in rows]
    gold = [c for _, _, c in rows]
    parts = [part_of(i) for i, _, _ in rows]
    predicted, rate = shipped_predictions(texts)
    model = classify.load_model()

    keeps = {
        part: keep
        for part in ("tune", "check", "kept aside")
        if (keep := [i for i, p in enumerate(parts) if p == part])
    }
    keeps["all"] = list(range(len(rows)))
    columns = {
        part: ([gold[i] for i in keep], [predicted[i] for i in keep])
        for part, keep in keeps.items()
    }

    print(f"\nCASE 2021 task 2: {args.case.name}, {len(rows)} snippets, {len(set(gold))} types\n")
    print("| system | weighted F1 | macro F1 | accuracy | n |")
    print("|---|---:|---:|---:|---:|")
    for part, (g, p) in columns.items():
        print(row(f"claimledger {model.digest[:8]} (shipped), {part}", scores(g, p)))
    extracted, every = extraction_types(texts)
    for part, keep in keeps.items():
        g, p = [gold[i] for i in keep], [extracted[i] for i in keep]
        missing = sum(1 for i in keep if not every[i])
        among = sum(1 for i in keep if gold[i] in every[i]) / len(keep)
        name = (
            f"claimledger extraction (first event of each snippet), {part}: {missing} "
            f"snippets with no event, gold type among its events in {among:.0%}"
        )
        print(row(name, scores(g, p)))
    cv_gold: list[str] = []
    cv_predicted: list[str] = []
    local_pred: list[str] = []
    if not args.no_cv:
        dev = train.read_case(DEV)
        cv_gold = [c for _, _, c in dev]
        cv_predicted, weights = local_cv(train, dev)
        with_ngec = " + NGEC" if model.meta["settings"]["ngec_weight"] > 0 else ""
        chosen = "/".join(f"{w:g}" for w in weights)
        name = (
            f"local variant (own{with_ngec} + CASE weighted {chosen}, chosen inside each "
            "fold), 5-fold CV over the 510 dev snippets"
        )
        print(row(name, scores(cv_gold, cv_predicted)))
        for part in ("tune", "check"):
            keep = [i for i, (n, _, _) in enumerate(dev) if part_of(n) == part]
            g, p = [cv_gold[i] for i in keep], [cv_predicted[i] for i in keep]
            print(row(f"local variant, 5-fold CV, its {part} part", scores(g, p)))
        if args.case.resolve() != DEV.resolve():
            local_pred, weight = local_full(train, dev, texts)
            name = (
                f"local variant trained on the 510 dev snippets (weighted {weight:g}), "
                f"on {args.case.name}"
            )
            print(row(name, scores(gold, local_pred)))
    for name, value in ANCHORS:
        print(f"| {name} | {value} | - | - | - |")

    if args.per_type:
        tables = {part: per_type(g, p) for part, (g, p) in columns.items()}
        if cv_predicted:
            tables["local CV"] = per_type(cv_gold, cv_predicted)
        support = {c: gold.count(c) for c in CODES}
        print("\nF1 per type (shipped model; last column the local variant's CV):\n")
        print("| type | n | " + " | ".join(tables) + " |")
        print("|---|---:|" + "---:|" * len(tables))
        for code in sorted(CODES, key=lambda c: tables["all"][c]):
            cells = " | ".join(f"{t[code]:.2f}" for t in tables.values())
            print(f"| {code} | {support[code]} | {cells} |")

    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for (i, text, g), guess, part in zip(rows, predicted, parts, strict=True):
                if part == "tune" and g != guess:  # never the check part's
                    item = {"id": i, "gold": g, "predicted": guess, "text": text}
                    fh.write(json.dumps(item) + "\n")
        print(f"\nbench: wrote the tune part's errors to {args.errors}", file=sys.stderr)
    print(
        f"\nspeed: {rate:,.0f} snippets/s ({1000 / rate:.3f} ms each), type_scores after the "
        "model is loaded, one process"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
