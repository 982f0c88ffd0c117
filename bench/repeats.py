"""Repeat finding on copied and edited passages made from the PolNeAR texts; prints tables.

    .venv/bin/python bench/repeats.py             # the shipped scheme: tune, check, all
    .venv/bin/python bench/repeats.py --sweep     # choose shingle, bands and threshold (tune only)

The set is built at run time from ``polnear/data/train/text/*.txt`` (nothing of it is stored
in the repository), with a fixed seed:

- every paragraph of every article is a passage of its own document (so paragraphs of the
  same article and same-topic paragraphs of other articles are all negatives), dated by the
  article's date; exact duplicates (after normalisation) are dropped, and so are natural
  repeats (the later of two paragraphs with exact 3-word-shingle containment of 0.3 or more:
  an article's two versions, a quote in two stories), so the pool holds no repeats but ours;
  about a tenth of the articles are held out of the pool to supply the words and sentences
  that edits insert;
- sources: up to ``--per-article`` paragraphs of 30+ words and 2+ sentences per article; each
  gets 1 to 3 copies, published a day or more later, each with one edit of one kind at one
  strength (light, medium, heavy): ``substitute`` (5/10/20% of words replaced), ``drop``
  (1/2/3 sentences dropped, one always kept), ``add`` (1/2/3 sentences of another article
  inserted), ``reorder`` (two sentences swapped / one moved / all shuffled), ``boilerplate``
  (a dateline / and a credit line / and a copyright and newsletter trailer), ``case_punct``
  (quotes and dashes / lower case / upper case without punctuation), ``truncate`` (the first
  80/60/40% of words), and ``exact`` copies;
- gold clusters: a source with its copies; every other passage is alone.

Parts: by ``part_of_key`` of the source article's name (``evaluation/splits.py``); a copy is in
its source's part. Scores: pairwise precision, recall and F1 of the predicted clusters (pairs
in one cluster, so a copy joined to its source through another copy counts), adjusted Rand
index of the clusters over all passages of the part, and per edit: recall (the copy is in its
source's cluster) and precision (of the copy's predicted cluster-mates, the share that are
gold). ``bg pairs`` counts verified pairs between two untouched PolNeAR paragraphs (0 unless
the natural-repeat filter above lets one through). The filter shares the finder's measure
family, so precision here is an upper bound on coincidental matches in real text.

Anchors (Silcock et al. 2022, NEWS-COPY, adjusted Rand index; quoted, not run): MinHash
0.742, re-ranked bi-encoder 0.937. They are on another set (full newspaper articles, real
copies); our set's edits are synthetic.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from math import comb
from pathlib import Path

import numpy as np

from claimledger.evaluation.splits import part_of_key
from claimledger.link import repeats as rp

TEXT_DIR = Path(__file__).resolve().parents[2] / "shared/data/attribution/polnear/data/train/text"
SEED = 19
KINDS = ("exact", "substitute", "drop", "add", "reorder", "boilerplate", "case_punct", "truncate")
STRENGTHS = ("light", "medium", "heavy")
ANCHORS = "NEWS-COPY ARI (quoted, not run): MinHash 0.742, re-ranked bi-encoder 0.937"

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(A-Z0-9])")
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True)
class Item:
    pid: str
    text: str
    published: str
    article: str  # the article it comes from (a copy: its source's)
    gold: str  # gold cluster: the source's pid, or its own
    kind: str = ""  # "" for untouched PolNeAR paragraphs
    strength: str = ""


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# --- edits (invented boilerplate; no outlet's real strings) ---------------------------------

_DATELINES = ("VARNHOLM (Northern Wire) — ", "KESTRAVA, March 3 (Lowland Press) - ")
_CREDITS = (
    " (Reporting by Ana Petrel; Editing by Tomas Grell)",
    " Staff writer Ilse Marrow contributed to this report.",
)
_TRAILERS = (
    " Copyright 2016 The Lowland Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed. Sign up for our daily newsletter to "
    "get the top stories delivered to your inbox every morning.",
)


def _edit(kind: str, level: int, text: str, rng: random.Random, filler: list[str]) -> str:
    sents = sentences(text)
    if kind == "exact":
        return text
    if kind == "substitute":
        toks = text.split()
        share = (0.05, 0.10, 0.20)[level]
        for i in rng.sample(range(len(toks)), max(1, round(share * len(toks)))):
            toks[i] = rng.choice(filler).split()[rng.randrange(3)]
        return " ".join(toks)
    if kind == "drop":
        k = min(level + 1, len(sents) - 1)
        keep = sorted(rng.sample(range(len(sents)), len(sents) - k))
        return " ".join(sents[i] for i in keep)
    if kind == "add":
        extra = sentences(rng.choice(filler))[: level + 1]
        pos = rng.randrange(len(sents) + 1)
        return " ".join(sents[:pos] + extra + sents[pos:])
    if kind == "reorder":
        if level == 0:
            i = rng.randrange(len(sents) - 1)
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
        elif level == 1:
            s = sents.pop(rng.randrange(len(sents)))
            sents.insert(rng.choice([i for i in range(len(sents) + 1)]), s)
        else:
            original = list(sents)
            while sents == original:
                rng.shuffle(sents)
        return " ".join(sents)
    if kind == "boilerplate":
        out = rng.choice(_DATELINES) + text
        if level >= 1:
            out += rng.choice(_CREDITS)
        if level >= 2:
            out += rng.choice(_TRAILERS)
        return out
    if kind == "case_punct":
        if level == 0:
            out = re.sub(r"[“”]", '"', text)
            out = re.sub(r"[‘’]", "'", out)
            return re.sub(r"\s*—\s*", " -- ", out).replace(". ", ".  ")
        if level == 1:
            return text.lower()
        return re.sub(r"[^\w\s]", "", text).upper()
    if kind == "truncate":
        toks = text.split()
        return " ".join(toks[: round((0.8, 0.6, 0.4)[level] * len(toks))])
    raise ValueError(kind)


# --- the set ------------------------------------------------------------------------------


def _natural_repeats(items: list[Item]) -> set[str]:
    """Paragraphs that already repeat another in the pool (an article's two versions, the same
    quote in two stories): by exact 3-word-shingle containment of 0.3 or more, a looser test
    than the finder's, the later of each pair; they are left out so that the pool holds no
    repeats but ours."""
    shingles = [set(rp.shingle_hashes(it.text, rp.Scheme(shingle=3)).tolist()) for it in items]
    postings: dict[int, list[int]] = defaultdict(list)
    for i, sh in enumerate(shingles):
        for h in sh:
            postings[h].append(i)
    drop: set[str] = set()
    for i, sh in enumerate(shingles):
        shared: Counter[int] = Counter()
        for h in sh:
            post = postings[h]
            if len(post) <= 50:  # "one of the" links nothing
                shared.update(j for j in post if j < i)
        for j, n in shared.items():
            if n / max(1, min(len(sh), len(shingles[j]))) >= 0.3 and n >= 3:
                drop.add(items[i].pid)
                break
    return drop


def build(per_article: int, seed: int = SEED) -> list[Item]:
    rng = random.Random(seed)
    files = sorted(TEXT_DIR.glob("*.txt"))
    if not files:
        raise SystemExit(f"bench: no PolNeAR texts under {TEXT_DIR}")
    items: list[Item] = []
    filler: list[str] = []  # words and sentences for edits, from articles left out of the pool
    seen: set[str] = set()
    for path in files:
        name = path.stem
        m = _DATE.search(path.name)
        date = m.group(1) if m else "2016-01-01"
        text = path.read_text(encoding="utf-8", errors="replace")
        held_out = part_of_key("filler:" + name) == "tune" and rng.random() < 0.2
        for i, (start, end) in enumerate(rp.passages(text)):
            para = text[start:end]
            if held_out:
                if len(para.split()) >= 30:
                    filler.append(para)
                continue
            norm = rp.normalise(para)
            if not norm or norm in seen:
                continue
            seen.add(norm)
            pid = f"{name}#{i}"
            items.append(Item(pid, para, date, name, pid))
    natural = _natural_repeats(items)
    items = [it for it in items if it.pid not in natural]
    by_article: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_article[it.article].append(it)
    cells = list(itertools.product(KINDS, range(3)))
    counter = 0
    copies: list[Item] = []
    for name in sorted(by_article):
        pool = [
            it
            for it in by_article[name]
            if len(it.text.split()) >= 30 and len(sentences(it.text)) >= 2
        ]
        for src in rng.sample(pool, min(per_article, len(pool))):
            for j in range(rng.randint(1, 3)):
                kind, level = cells[counter % len(cells)]
                counter += 1
                if kind == "exact" and level > 0:
                    kind, level = "exact", 0
                others = rng.sample(filler, 4)
                text = _edit(kind, level, src.text, rng, others)
                copies.append(
                    Item(
                        f"{src.pid}~{j}",
                        text,
                        f"{src.published}T{j + 1:02d}",  # sorts after the source's date
                        src.article,
                        src.pid,
                        kind,
                        STRENGTHS[level] if kind != "exact" else "-",
                    )
                )
    return items + copies


# --- scoring ------------------------------------------------------------------------------


def ari(gold: list[str], pred: list[str]) -> float:
    """Adjusted Rand index (Hubert and Arabie) of two labelings of the same items."""
    n = len(gold)
    if n < 2:
        return 1.0
    cells = Counter(zip(gold, pred, strict=True))
    index = sum(comb(c, 2) for c in cells.values())
    a = sum(comb(c, 2) for c in Counter(gold).values())
    b = sum(comb(c, 2) for c in Counter(pred).values())
    expected = a * b / comb(n, 2)
    top = (a + b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


@dataclass
class Score:
    p: float
    r: float
    f1: float
    ari: float
    n: int


def pair_scores(gold: list[str], pred: list[str]) -> Score:
    cells = Counter(zip(gold, pred, strict=True))
    tp = sum(comb(c, 2) for c in cells.values())
    gp = sum(comb(c, 2) for c in Counter(gold).values())
    pp = sum(comb(c, 2) for c in Counter(pred).values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f1, ari(gold, pred), len(gold))


def predicted_labels(items: list[Item], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {it.pid: find(it.pid) for it in items}


def per_edit(
    items: list[Item], label: dict[str, str]
) -> dict[tuple[str, str], tuple[float, float, int]]:
    """(kind, strength) -> (precision, recall, copies)."""
    size = Counter(label.values())
    cell = Counter((it.gold, label[it.pid]) for it in items)
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for it in items:
        if not it.kind:
            continue
        lab = label[it.pid]
        row = acc[(it.kind, it.strength)]
        row[0] += cell[(it.gold, lab)] - 1  # gold cluster-mates in its predicted cluster
        row[1] += size[lab] - 1  # all its predicted cluster-mates
        row[2] += label[it.gold] == lab  # joined to its source
        row[3] += 1
    return {k: (v[0] / v[1] if v[1] else 1.0, v[2] / v[3], v[3]) for k, v in sorted(acc.items())}


# --- running ------------------------------------------------------------------------------


def sign_all(items: list[Item], scheme: rp.Scheme) -> tuple[dict[str, rp.Signed], float]:
    started = time.perf_counter()
    signed = {}
    for it in items:
        one = rp.sign(it.pid, it.pid, it.text, it.published, scheme)
        if one is not None:
            signed[it.pid] = one
    return signed, time.perf_counter() - started


def candidate_pairs(
    signed: dict[str, rp.Signed], scheme: rp.Scheme
) -> tuple[dict[tuple[str, str], tuple[float, float]], float]:
    """Every pair sharing a band key, with its estimated Jaccard and containment, found the
    way the index does it (each passage looked up against those added before it)."""
    started = time.perf_counter()
    buckets: dict[int, list[str]] = defaultdict(list)
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for pid, one in signed.items():
        seen: set[str] = set()
        keys = one.keys if len(one.keys) == scheme.bands else rp.band_keys(one.signature, scheme)
        for key in keys:
            for other in buckets[key]:
                if other not in seen:
                    seen.add(other)
                    jac = rp.similarity(one.signature, signed[other].signature)
                    con = rp.containment(jac, one.shingles, signed[other].shingles)
                    out[(other, pid)] = (jac, con)
            buckets[key].append(pid)
    return out, time.perf_counter() - started


def _kept(
    pairs: dict[tuple[str, str], tuple[float, float]], measure: str, threshold: float
) -> list[tuple[str, str]]:
    i = 0 if measure == "jaccard" else 1
    return [k for k, v in pairs.items() if v[i] >= threshold]


def evaluate(
    items: list[Item], pairs: dict[tuple[str, str], tuple[float, float]], scheme: rp.Scheme
) -> tuple[dict[str, Score], dict[str, dict[tuple[str, str], tuple[float, float, int]]], int]:
    kept = _kept(pairs, scheme.measure, scheme.threshold)
    label = predicted_labels(items, kept)
    copies = {it.pid for it in items if it.kind}
    sources = {it.gold for it in items if it.kind}
    bg = sum(1 for a, b in kept if not ({a, b} & (copies | sources)))
    scores, edits = {}, {}
    for part in ("tune", "check", "all"):
        sub = [it for it in items if part == "all" or part_of_key(it.article) == part]
        scores[part] = pair_scores([it.gold for it in sub], [label[it.pid] for it in sub])
        edits[part] = per_edit(sub, label)
    return scores, edits, bg


def sweep(items: list[Item]) -> None:
    """Pairwise F1 on the tune part over shingle size, banding, measure and threshold."""
    tune = [it for it in items if part_of_key(it.article) == "tune"]
    gold = [it.gold for it in tune]
    print("| shingle | bands x rows | measure | threshold | tune P | tune R | tune F1 | tune ARI |")
    print("|---|---|---|---|---|---|---|---|")
    best: tuple[float, str] = (-1.0, "")
    for shingle in (3, 4, 5):
        signed, _ = sign_all(tune, rp.Scheme(shingle=shingle))
        for bands, rows in ((64, 2), (42, 3), (32, 4), (25, 5), (16, 8)):
            scheme = rp.Scheme(shingle=shingle, bands=bands, rows=rows)
            pairs, _ = candidate_pairs(signed, scheme)
            for measure in ("jaccard", "containment"):
                for t in np.arange(0.2, 0.951, 0.05):
                    label = predicted_labels(tune, _kept(pairs, measure, t))
                    sc = pair_scores(gold, [label[it.pid] for it in tune])
                    row = f"| {shingle} | {bands} x {rows} | {measure} | {t:.2f} | " + " | ".join(
                        f"{x:.3f}" for x in (sc.p, sc.r, sc.f1, sc.ari)
                    )
                    print(row + " |")
                    best = max(best, (sc.f1, row))
    print(f"\nbest tune F1: {best[1]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true", help="grid on the tune part only")
    parser.add_argument("--per-article", type=int, default=2, help="sources per article")
    args = parser.parse_args(argv)
    items = build(args.per_article)
    n_copies = sum(1 for it in items if it.kind)
    print(
        f"{len(items)} passages, {n_copies} edited copies of "
        f"{len({it.gold for it in items if it.kind})} sources; seed {SEED}\n"
    )
    if args.sweep:
        sweep(items)
        return 0
    scheme = rp.DEFAULT
    sigs, t_sign = sign_all(items, scheme)
    pairs, t_query = candidate_pairs(sigs, scheme)
    scores, edits, bg = evaluate(items, pairs, scheme)
    print(f"scheme {scheme.name}, threshold {scheme.threshold}; {ANCHORS}\n")
    print("| part | passages | pair P | pair R | pair F1 | ARI |")
    print("|---|---|---|---|---|---|")
    for part, s in scores.items():
        print(f"| {part} | {s.n} | {s.p:.3f} | {s.r:.3f} | {s.f1:.3f} | {s.ari:.3f} |")
    print("| NEWS-COPY MinHash (quoted) | | | | | 0.742 |")
    print("| NEWS-COPY re-ranked bi-encoder (quoted) | | | | | 0.937 |")
    print("\n| edit | strength | copies | tune P | tune R | check P | check R | all P | all R |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key, (_, _, n) in edits["all"].items():
        cols = []
        for part in ("tune", "check", "all"):
            p, r, _ = edits[part].get(key, (float("nan"), float("nan"), 0))
            cols += [f"{p:.3f}", f"{r:.3f}"]
        print(f"| {key[0]} | {key[1]} | {n} | " + " | ".join(cols) + " |")
    n_judged = len(sigs)
    print(
        f"\nspeed: signing {n_judged / t_sign:,.0f} passages/s "
        f"({n_judged} judged of {len(items)}); querying and verifying "
        f"{n_judged / t_query:,.0f} passages/s ({len(pairs)} candidate pairs); "
        f"bg pairs (two untouched PolNeAR paragraphs, not scored): {bg}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
