"""PolNeAR (brat standoff) reading and per-role span scoring for attribution extraction.

One annotator file per article: where an article was annotated twice, the file whose name
sorts first is used, so every system is scored on the same gold.

Scoring, per role (source, cue, content), each role on its own:
- a span is (start, end) in the article's characters; a discontinuous gold span is scored as
  its hull (first start to last end);
- before comparing, both gold and predicted spans drop whitespace and the punctuation
  ``.,;:`` and quotation marks at either end, so "said:" against "said" or a content with or
  without its closing quote mark is not a miss;
- exact: the trimmed spans are equal; overlap: they share at least one character;
- matching is one-to-one within an article (each gold span pairs with at most one predicted
  span, largest overlap first), so a system cannot score twice on one span;
- precision = matched predicted / predicted, recall = matched gold / gold.

Nested attributions: PolNeAR annotates only the outermost attribution ("No nested
attributions" in its guidelines: in "Reardon criticized Mr. Lamport for saying that ...", only
Reardon's). claimledger keeps a nested attribution and links it to the one whose content holds
its cue (``parent_start``); ``predicted`` scores only the top-level ones, as the guideline does.

Quoted vs unquoted: a gold relation is quoted when its content holds a quotation mark. A
predicted relation belongs to the group of the gold relation it overlaps most (on any
role), or, when it overlaps none, to the group its own content suggests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.evaluation import shared_data

ROLES = ("source", "cue", "content")
QUOTE_MARKS = '"“”„«»'
_TRIM = " \t\n\r\xa0.,;:" + QUOTE_MARKS + "‘’'"

Span = tuple[int, int]


@dataclass
class Relation:
    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    quoted: bool = False

    def span(self, role: str) -> Span | None:
        value: Span | None = getattr(self, role)
        return value


@dataclass
class Article:
    name: str
    text: str
    relations: list[Relation] = field(default_factory=list)


def data_dir() -> Path:
    """PolNeAR's ``data`` folder (one sub-folder per split) in the shared data."""
    return shared_data() / "attribution" / "polnear" / "data"


def load(split: str = "dev", data: Path | None = None) -> list[Article]:
    """Articles of one split with their gold relations, in file-name order.

    Raises ``FileNotFoundError`` when the split's folder is missing."""
    folder = (data or data_dir()) / split
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} not found: ../shared must sit beside the repository")
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.name.rsplit("_", 1)[0]
        chosen.setdefault(stem, ann)
    articles = []
    for stem, ann in chosen.items():
        text = (folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        articles.append(Article(stem, text, _relations(ann, text)))
    return articles


def _relations(ann: Path, text: str) -> list[Relation]:
    spans: dict[str, Span] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if re.match(r"^T\d+\t", line):
            tid, body = line.split("\t")[:2]
            _, offsets = body.split(" ", 1)
            numbers = [int(n) for n in re.findall(r"\d+", offsets)]
            spans[tid] = (min(numbers), max(numbers))
        elif re.match(r"^E\d+\t", line):
            events.append(line.split("\t")[1])
    out = []
    for event in events:
        rel = Relation()
        for part in event.split()[1:]:
            role, tid = part.split(":")
            if role.lower() in ROLES and tid in spans:
                setattr(rel, role.lower(), spans[tid])
        if rel.cue is None and rel.content is None:
            continue
        rel.quoted = rel.content is not None and any(
            q in text[rel.content[0] : rel.content[1]] for q in QUOTE_MARKS
        )
        out.append(rel)
    return out


def predicted(attributions: Iterable[Any]) -> list[Relation]:
    """Relations from claimledger's attributions (records or objects with their fields),
    the top-level ones only: see "Nested attributions" above."""

    def field_(a: Any, name: str) -> Any:
        return a[name] if isinstance(a, dict) else getattr(a, name)

    def span(a: Any, role: str) -> Span | None:
        start, end = field_(a, f"{role}_start"), field_(a, f"{role}_end")
        return None if start is None or end is None else (int(start), int(end))

    return [
        Relation(span(a, "source"), span(a, "cue"), span(a, "content"))
        for a in attributions
        if field_(a, "parent_start") is None
    ]


def trim(text: str, span: Span | None) -> Span | None:
    if span is None:
        return None
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if e > s else None


def predicted_quoted(text: str, content: Span | None) -> bool:
    if content is None:
        return False
    s, e = content
    return any(q in text[max(0, s - 1) : e + 1] for q in QUOTE_MARKS)


def _pairs(gold: list[Span], pred: list[Span], exact: bool) -> int:
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if exact:
                if g == p:
                    candidates.append((g[1] - g[0], i, j))
            else:
                inter = min(g[1], p[1]) - max(g[0], p[0])
                if inter > 0:
                    candidates.append((inter, i, j))
    used_g, used_p, matched = set(), set(), 0
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matched += 1
    return matched


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0

    def prf(self, kind: str) -> tuple[float, float, float]:
        hit = self.exact if kind == "exact" else self.overlap
        p = hit / self.pred if self.pred else 0.0
        r = hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def _group(text: str, rel: Relation, gold: list[Relation]) -> bool:
    best, best_quoted = 0, predicted_quoted(text, rel.content)
    for g in gold:
        inter = 0
        for role in ROLES:
            a, b = rel.span(role), g.span(role)
            if a is not None and b is not None:
                inter += max(0, min(a[1], b[1]) - max(a[0], b[0]))
        if inter > best:
            best, best_quoted = inter, g.quoted
    return best_quoted


def score(
    articles: list[Article], predictions: list[list[Relation]]
) -> dict[str, dict[str, Counts]]:
    """Counts per group ("all", "quoted", "unquoted") and role."""
    out = {g: {r: Counts() for r in ROLES} for g in ("all", "quoted", "unquoted")}
    for art, preds in zip(articles, predictions, strict=True):
        pred_groups = [_group(art.text, p, art.relations) for p in preds]
        for group, keep_gold, keep_pred in (
            ("all", [True] * len(art.relations), [True] * len(preds)),
            ("quoted", [g.quoted for g in art.relations], pred_groups),
            ("unquoted", [not g.quoted for g in art.relations], [not q for q in pred_groups]),
        ):
            for role in ROLES:
                gold_spans = [
                    s
                    for g, keep in zip(art.relations, keep_gold, strict=True)
                    if keep and (s := trim(art.text, g.span(role))) is not None
                ]
                pred_spans = [
                    s
                    for p, keep in zip(preds, keep_pred, strict=True)
                    if keep and (s := trim(art.text, p.span(role))) is not None
                ]
                c = out[group][role]
                c.gold += len(gold_spans)
                c.pred += len(pred_spans)
                c.exact += _pairs(gold_spans, pred_spans, exact=True)
                c.overlap += _pairs(gold_spans, pred_spans, exact=False)
    return out
