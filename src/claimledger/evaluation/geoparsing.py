"""Toponym-resolution gold sets (GeoWebNews, LGL, GeoVirus) and their scoring.

The sets come from Gritta et al.'s "Pragmatic Guide to Geoparsing Evaluation" repository
(``events/geoparsing_gold`` in the shared data; GPL-3.0 repository, texts belong to their
publishers). Each is read into ``GoldDocument`` records with character offsets into the text:

- ``GWN``: the text from ``GWN.xml`` and the resolution gold from ``gwn_full.txt`` (one line
  per article, in order; ``name,,surface,,lat,,lon,,start,,end||...``), the 2,401 toponyms
  that CamCoder and Mordecai score on. Its GeoNames ids come from ``GWN.xml`` where the
  annotators gave one;
- ``LGL``: ``lgl.xml``, every toponym with a ``gaztag`` (GeoNames id, coordinates);
- ``GeoVirus``: ``GeoVirus.xml``, coordinates only (no GeoNames ids); its offsets are one
  more than the text's and are shifted back.

Scoring (the usual geocoding measures): a resolved toponym is right "within 161 km" (100 miles)
when the great-circle distance between its point and the gold point is at most 161 km; an
unresolved one is wrong. "Within 161 km or the same id" also counts an answer whose GeoNames id
is the gold's, whatever its point: it measures the choice apart from the point a gazetteer
gives a country or region. Exact-id accuracy counts only toponyms whose gold has a GeoNames id.
End to end, predicted spans pair one-to-one with gold spans that overlap them (largest overlap
first); precision and recall count pairs, and the 161 km accuracy is over the pairs.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.evaluation import shared_data

SETS = ("GWN", "LGL", "GeoVirus")
KM_THRESHOLD = 161.0
_FILES = {"GWN": "GWN.xml", "LGL": "lgl.xml", "GeoVirus": "GeoVirus.xml"}


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonames_id: int | None = None


@dataclass
class GoldDocument:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def gold_folder() -> Path:
    return shared_data() / "events" / "geoparsing_gold"


def load(name: str, folder: Path | None = None) -> list[GoldDocument]:
    """The documents of set ``name`` (one of ``SETS``), with their gold toponyms."""
    folder = folder or gold_folder()
    if name == "GWN":
        return _load_gwn(folder)
    if name == "LGL":
        return _load_lgl(folder / _FILES[name])
    if name == "GeoVirus":
        return _load_geovirus(folder / _FILES[name])
    raise ValueError(f"unknown geoparsing set {name!r}; choose one of {', '.join(SETS)}")


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return "" if found is None or found.text is None else found.text


def _load_gwn(folder: Path) -> list[GoldDocument]:
    articles = ET.parse(folder / _FILES["GWN"]).getroot().findall("article")
    lines = (folder / "gwn_full.txt").read_text(encoding="utf-8").splitlines()
    if len(lines) != len(articles):
        raise ValueError(f"GWN: {len(articles)} articles but {len(lines)} gold lines")
    docs = []
    for article, line in zip(articles, lines, strict=True):
        text = _text(article, "text")
        ids = {
            (int(_text(t, "start")), int(_text(t, "end"))): int(_text(t, "geonamesID"))
            for t in article.iter("toponym")
            if _text(t, "geonamesID").strip()
        }
        toponyms = []
        for item in filter(None, line.split("||")):
            _, _, lat, lon, start, end = item.split(",,")
            span = (int(start), int(end))
            toponyms.append(
                GoldToponym(*span, text[span[0] : span[1]], float(lat), float(lon), ids.get(span))
            )
        docs.append(GoldDocument(f"GWN:{article.get('file')}", text, sorted(toponyms, key=_key)))
    return docs


def _key(t: GoldToponym) -> tuple[int, int]:
    return (t.start, t.end)


def _load_lgl(path: Path) -> list[GoldDocument]:
    docs = []
    for article in ET.parse(path).getroot().findall("article"):
        text = _text(article, "text")
        toponyms = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or not _text(tag, "lat"):
                continue
            start, end = int(_text(t, "start")), int(_text(t, "end"))
            gid = tag.get("geonameid")
            toponyms.append(
                GoldToponym(
                    start,
                    end,
                    text[start:end],
                    float(_text(tag, "lat")),
                    float(_text(tag, "lon")),
                    int(gid) if gid else None,
                )
            )
        docs.append(GoldDocument(f"LGL:{article.get('docid')}", text, sorted(toponyms, key=_key)))
    return docs


def _load_geovirus(path: Path) -> list[GoldDocument]:
    docs = []
    for i, article in enumerate(ET.parse(path).getroot().findall("article")):
        text = _text(article, "text")
        toponyms = []
        for loc in article.iter("location"):
            # GeoVirus offsets count one character more than the text holds (every one of
            # its 2,170 names sits one to the left); the name is checked against the text
            start, end = int(_text(loc, "start")) - 1, int(_text(loc, "end")) - 1
            if text[start:end] != _text(loc, "name"):
                raise ValueError(f"GeoVirus article {i}: {_text(loc, 'name')!r} not at {start}")
            toponyms.append(
                GoldToponym(
                    start, end, text[start:end], float(_text(loc, "lat")), float(_text(loc, "lon"))
                )
            )
        # several GeoVirus articles share one source page: the index keeps ids unique
        doc_id = f"GeoVirus:{i}:{_text(article, 'source')}"
        docs.append(GoldDocument(doc_id, text, sorted(toponyms, key=_key)))
    return docs


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Guess:
    """A system's answer for one span: a point, or None where it resolved nothing."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None = None


@dataclass
class Tally:
    gold: int = 0
    within: int = 0
    within_or_id: int = 0  # within 161 km, or the gold's own GeoNames id (point aside)
    with_id: int = 0
    id_right: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def accuracy(self) -> float:
        return self.within / self.gold if self.gold else 0.0

    def accuracy_or_id(self) -> float:
        return self.within_or_id / self.gold if self.gold else 0.0

    def id_accuracy(self) -> float:
        return self.id_right / self.with_id if self.with_id else 0.0

    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def matched_accuracy(self) -> float:
        return self.within / self.matched if self.matched else 0.0


def _right(gold: GoldToponym, guess: Guess, tally: Tally) -> None:
    near = guess.lat is not None and guess.lon is not None
    near = near and km(gold.lat, gold.lon, guess.lat or 0.0, guess.lon or 0.0) <= KM_THRESHOLD
    same = gold.geonames_id is not None and guess.geonames_id == gold.geonames_id
    tally.within += near
    tally.within_or_id += near or same
    if gold.geonames_id is not None:
        tally.with_id += 1
        tally.id_right += same


def score_given(gold: Sequence[GoldToponym], guesses: Sequence[Guess]) -> Tally:
    """Resolution of the gold toponyms: ``guesses[i]`` answers ``gold[i]``."""
    if len(gold) != len(guesses):
        raise ValueError(f"{len(gold)} gold toponyms but {len(guesses)} guesses")
    tally = Tally(gold=len(gold))
    for g, guess in zip(gold, guesses, strict=True):
        _right(g, guess, tally)
    return tally


def score_end_to_end(gold: Sequence[GoldToponym], guesses: Iterable[Guess]) -> Tally:
    """Spans found from raw text against the gold spans, then resolution of the pairs."""
    guesses = list(guesses)
    tally = Tally(gold=len(gold), predicted=len(guesses))
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(guesses):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    used_gold: set[int] = set()
    used_guess: set[int] = set()
    for _, i, j in sorted(pairs):
        if i in used_gold or j in used_guess:
            continue
        used_gold.add(i)
        used_guess.add(j)
        tally.matched += 1
        _right(gold[i], guesses[j], tally)
    return tally
