"""Linking at scale: the first link of a ledger of N documents, then 1,000 more linked after it.

    .venv/bin/python bench/link.py                          # N = 10,000 and 100,000
    .venv/bin/python bench/link.py --sizes 2000,10000 --add 1000 --seed 19

Extracting 100,000 documents with spaCy would take hours on 2 cores (about 6 docs/s), and
linking reads only what extraction stored, so the ledger's rows are built cheaply:

1. Templates: the 53 documents of ``tests/data/link_corpus.py`` (invented places and figures)
   are extracted once with ``api.ingest(..., link=False)`` into a template ledger and read
   back with ``store.load``.
2. Worlds: document ``i`` belongs to world ``i // 53``; each world holds every template once,
   in an order drawn from the seed, and draws from the seed (a) an invented name for each of
   the corpus's places, of the same length as the name it replaces, from a pool of
   ``--places`` names (default N/5, so a larger ledger covers more places and each block
   holds about as many figures at every N; two worlds that draw one name share blocks, which
   is where most cross-world relations come from), (b) a shift of every date by 0 to
   ``--days`` - 1 days (published date, the document date, every time's start, end and
   anchor), and (c) for each document, with probability ``--vary``, a factor (0.5, 0.8,
   1.25, 2 or 3) applied to every figure's value, bounds and change (counts rounded), so
   figures that agreed now contradict and some that contradicted agree.
3. Text: the template's text with the place names replaced (same length, so every stored
   offset stays right), continued in the same paragraph by 2 to 4 sentences of PolNeAR
   train articles (``polnear/data/train/text/*.txt``, read at run time and never stored in
   the repository), then 1 to 3 more paragraphs of 2 to 5 such sentences, then a line
   ``[bench document i]`` so every text, and so every document id, is new. Each sentence
   is used with a fifth of its words replaced by words of other PolNeAR sentences, so
   that sentences drawn twice do not make paragraphs look copied. With probability
   ``--copy`` (default 0.05) a document of 2+ extra paragraphs ends with an exact copy of
   the first extra paragraph of an earlier document: the repeats to find.
4. Rows: each document's extraction is the template's with the new text, published date and
   document id, every item's ``doc_id`` (and so its id) renewed, claims pointing at the
   renewed quantity and attribution ids, and quantities' and claims' ``where``/``when``
   replaced (``dataclasses.replace``); written through the store's own path
   (``store.write(ex, run_id)``, one transaction per document) without linking. The
   extracted rows are the template's only: the PolNeAR sentences are text (paragraphs for
   repeats), not extracted figures.

Then, each step in a child process (its time measured inside, around the call alone; peak
RSS by ``getrusage``, the child's high-water mark including its imports): (1) the first
link, ``store.link_new(all N ids)``; (2) 1,000 more documents of the same generator
written, and ``store.link_new(those ids)`` alone. Reference checks are not run (no
reference rows). The first link's documents/s over its first and last tenth shows whether a
document costs more as the ledger grows. Prints Markdown tables on stdout, progress on stderr.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "data" / "train" / "text"
CORPUS = ROOT / "tests" / "data" / "link_corpus.py"
SEED = 19
FACTORS = (0.5, 0.8, 1.25, 2.0, 3.0)

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(A-Z0-9])")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONSONANTS = "bdfghklmnprstvz"
_VOWELS = "aeiou"


# --- text -----------------------------------------------------------------------------


def polnear_sentences(folder: Path) -> list[list[str]]:
    """Every sentence of 6 to 60 words of every PolNeAR train article, as its words."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            for s in _SENTENCE_END.split(" ".join(para.split())):
                ws = s.split()
                if 6 <= len(ws) <= 60:
                    out.append(ws)
    return out


class Texts:
    """Paragraphs of PolNeAR sentences, each a pure function of (seed, key)."""

    def __init__(self, sentences: list[list[str]], seed: int) -> None:
        self.sentences = sentences
        self.vocab = sorted({w for s in sentences for w in s})
        self.seed = seed

    def sentence(self, rng: random.Random) -> str:
        ws = list(rng.choice(self.sentences))
        for j in range(len(ws)):
            if rng.random() < 0.2:
                ws[j] = rng.choice(self.vocab)
        return " ".join(ws)

    def paragraph(self, key: str, low: int, high: int) -> str:
        rng = random.Random(f"{self.seed}:par:{key}")
        return " ".join(self.sentence(rng) for _ in range(rng.randint(low, high)))


def place_name(index: int, length: int) -> str:
    """The invented name of place ``index`` at ``length`` letters (CV syllables)."""
    rng = random.Random(f"place:{index}:{length}")
    letters = [
        rng.choice(_CONSONANTS if k % 2 == 0 else _VOWELS) for k in range(length)
    ]  # fmt: skip
    return "".join(letters).capitalize()


def shift_day(value: str | None, days: int) -> str | None:
    """Every YYYY-MM-DD inside ``value`` moved by ``days`` (other granularities kept)."""
    if not value or not days:
        return value
    return _DAY.sub(lambda m: (date.fromisoformat(m[0]) + timedelta(days)).isoformat(), value)


# --- documents ------------------------------------------------------------------------


def load_corpus() -> Any:
    spec = importlib.util.spec_from_file_location("link_corpus", CORPUS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["link_corpus"] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def corpus_places(templates: list[Any]) -> list[str]:
    names: set[str] = set()
    for ex in templates:
        for item in [*ex.quantities, *ex.claims]:
            names |= {n for n in (item.where.name, item.where.text) if n}
    return sorted(names, key=lambda n: (-len(n), n))


class Generator:
    """Document ``i`` of the bench: its text and its rows, from the templates."""

    def __init__(
        self, templates: list[Any], texts: Texts, places: int, days: int, vary: float,
        copy: float, seed: int,
    ) -> None:  # fmt: skip
        self.templates = templates
        self.texts = texts
        self.places = places
        self.days = days
        self.vary = vary
        self.copy = copy
        self.seed = seed
        self.names = corpus_places(templates)
        self.name_re = re.compile(r"\b(" + "|".join(map(re.escape, self.names)) + r")\b")
        self._world: tuple[int, Any] | None = None

    def world(self, w: int) -> dict[str, Any]:
        if self._world is not None and self._world[0] == w:
            return dict(self._world[1])
        rng = random.Random(f"{self.seed}:world:{w}")
        order = list(range(len(self.templates)))
        rng.shuffle(order)
        mapping = {n: place_name(rng.randrange(self.places), len(n)) for n in self.names}
        world = {"order": order, "places": mapping, "days": rng.randrange(self.days)}
        self._world = (w, world)
        return world

    def text(self, i: int, head: str, rng: random.Random) -> str:
        extra = rng.randint(1, 3)
        paras = [f"{head} {self.texts.paragraph(f'{i}:head', 2, 4)}"]
        paras += [self.texts.paragraph(f"{i}:{j}", 2, 5) for j in range(extra)]
        if extra >= 2 and i > 0 and rng.random() < self.copy:
            paras[-1] = self.texts.paragraph(f"{rng.randrange(i)}:0", 2, 5)
        paras.append(f"[bench document {i}]")
        return "\n\n".join(paras)

    def document(self, i: int) -> Any:
        n = len(self.templates)
        world = self.world(i // n)
        ex = self.templates[world["order"][i % n]]
        rng = random.Random(f"{self.seed}:doc:{i}")
        mapping: dict[str, str] = world["places"]
        days: int = world["days"]
        factor = rng.choice(FACTORS) if rng.random() < self.vary else 1.0
        head = self.name_re.sub(lambda m: mapping[m[0]], ex.document.text)
        doc = replace(
            ex.document,
            text=self.text(i, head, rng),
            source=f"bench/link/{i}",
            title=f"{ex.document.title} #{i}",
            published=shift_day(ex.document.published, days),
        )
        return clone(ex, doc, mapping, days, factor)


def _scaled(x: float | None, factor: float, whole: bool) -> float | None:
    if x is None or factor == 1.0:
        return x
    return float(max(1, round(x * factor))) if whole else x * factor


def clone(ex: Any, doc: Any, mapping: dict[str, str], days: int, factor: float) -> Any:
    """``ex``'s rows for the new document ``doc``: ids renewed, places, dates and values
    moved."""
    from claimledger.model import Extraction

    nid = doc.id

    def where(w: Any) -> Any:
        if not (w.name in mapping or w.text in mapping):
            return w
        return replace(w, name=mapping.get(w.name, w.name), text=mapping.get(w.text, w.text))

    def when(t: Any) -> Any:
        if not days:
            return t
        return replace(
            t,
            time_start=shift_day(t.time_start, days),
            time_end=shift_day(t.time_end, days),
            anchor=shift_day(t.anchor, days),
        )

    ids: dict[str, str] = {}
    quantities = []
    for q in ex.quantities:
        whole = all(float(x).is_integer() for x in (q.value, q.lower, q.upper) if x is not None)
        change = q.change
        if change is not None and factor != 1.0:
            change = replace(
                change,
                from_value=_scaled(change.from_value, factor, whole),
                to_value=_scaled(change.to_value, factor, whole),
                by_value=_scaled(change.by_value, factor, whole),
            )
        new = replace(
            q,
            doc_id=nid,
            value=_scaled(q.value, factor, whole),
            lower=_scaled(q.lower, factor, whole),
            upper=_scaled(q.upper, factor, whole),
            change=change,
            when=when(q.when),
            where=where(q.where),
        )
        ids[q.id] = new.id
        quantities.append(new)
    attributions = []
    for a in ex.attributions:
        new = replace(a, doc_id=nid)
        ids[a.id] = new.id
        attributions.append(new)
    claims = [
        replace(
            c,
            doc_id=nid,
            quantity_ids=tuple(ids[x] for x in c.quantity_ids),
            attribution_ids=tuple(ids[x] for x in c.attribution_ids),
            when=when(c.when),
            where=where(c.where),
        )
        for c in ex.claims
    ]
    items: dict[str, list[Any]] = {}
    for name, rows in ex.items.items():
        out = []
        for item in rows:
            changes: dict[str, Any] = {"doc_id": nid}
            if hasattr(item, "time_anchor"):  # a time
                changes |= {
                    k: shift_day(getattr(item, k), days)
                    for k in ("time_start", "time_end", "time_anchor")
                }
            if hasattr(item, "geonames_id") and item.text in mapping:  # a place mention
                changes |= {"text": mapping[item.text], "name": mapping.get(item.name, item.name)}
            out.append(replace(item, **changes))
        items[name] = out
    return Extraction(
        document=doc,
        date=shift_day(ex.date, days),
        date_from=ex.date_from,
        sentences=[replace(s, doc_id=nid, text=doc.text[s.start : s.end]) for s in ex.sentences],
        quantities=quantities,
        attributions=attributions,
        entities=[
            replace(e, doc_id=nid, text=mapping.get(e.text, e.text), canonical=e.canonical)
            for e in ex.entities
        ],
        claims=claims,
        items=items,
    )


# --- steps ------------------------------------------------------------------------------


def extract_templates(folder: Path) -> list[Any]:
    """The corpus extracted once (spaCy), read back from the template ledger."""
    from claimledger import api
    from claimledger.settings import Settings
    from claimledger.store import open_store

    corpus = load_corpus()
    jsonl = folder / "link_corpus.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for d in corpus.DOCS:
            fh.write(json.dumps({"text": d.text, "published": d.published, "title": d.name}))
            fh.write("\n")
    db = folder / "templates.db"
    result = api.ingest([str(jsonl)], db, Settings(workers=1), link=False)
    if result.rejected or len(result.doc_ids) != len(corpus.DOCS):
        raise SystemExit(f"bench: the corpus did not extract whole: {result.rejected}")
    with open_store(db) as store:
        return [store.load(doc_id) for doc_id in result.doc_ids]


def write_documents(db: Path, gen: Generator, first: int, count: int) -> tuple[list[str], float]:
    """Documents ``first`` .. ``first + count - 1`` written without linking; their ids."""
    from claimledger import api
    from claimledger.nlp.load import model_version
    from claimledger.pipeline import extraction_settings
    from claimledger.settings import Settings
    from claimledger.store import open_store
    from claimledger.version import __version__

    settings = Settings(workers=1)
    rid = api.run_id(settings)
    ids = []
    started = time.monotonic()
    with open_store(db) as store:
        store.ensure_run(rid, __version__, model_version(), extraction_settings(settings))
        for i in range(first, first + count):
            ex = gen.document(i)
            if not store.write(ex, rid):
                raise SystemExit(f"bench: document {i} was already in the ledger")
            ids.append(ex.document.id)
            if (i - first + 1) % 5000 == 0:
                print(f"bench: written {i - first + 1:,} of {count:,}", file=sys.stderr)
    return ids, time.monotonic() - started


def link_child(db: str, ids_file: str) -> int:
    """In a child process: ``store.link_new`` over the ids, timed; JSON on stdout."""
    from claimledger.store import open_store

    ids = Path(ids_file).read_text().split()
    marks: list[tuple[int, float]] = []
    tenth = max(1, len(ids) // 10)
    start = [0.0]

    def progress(done: int, total: int) -> None:
        if done % tenth == 0 or done == total:
            marks.append((done, time.monotonic() - start[0]))
            print(
                f"bench:   linked {done:,} of {total:,} ({time.monotonic() - start[0]:.0f} s)",
                file=sys.stderr,
            )

    with open_store(db) as store:
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start[0] = time.monotonic()
        result = store.link_new(ids, progress)
        seconds = time.monotonic() - start[0]
        counts = store.link_counts()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "rss_before_mb": rss_before,
                "documents": result.documents,
                "figures": result.figures,
                "relations": result.relations,
                "passages": result.passages,
                "repeats": result.repeats,
                "marks": marks,
                "ledger": counts,
            }
        )
    )
    return 0


def run_link(db: Path, ids: list[str], folder: Path) -> dict[str, Any]:
    ids_file = folder / "ids.txt"
    ids_file.write_text("\n".join(ids))
    proc = subprocess.run(
        [sys.executable, __file__, "--link-child", str(db), str(ids_file)],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit("bench: linking failed (its stderr is above)")
    out: dict[str, Any] = json.loads(proc.stdout)
    return out


def tenth_rates(marks: list[list[float]]) -> tuple[float, float]:
    """Documents/s over the first and the last tenth of a run."""
    if len(marks) < 2:
        return 0.0, 0.0
    (d1, t1), (d9, t9), (d10, t10) = marks[0], marks[-2], marks[-1]
    return d1 / t1, (d10 - d9) / (t10 - t9)


def relations_text(r: dict[str, int]) -> str:
    return ", ".join(f"{r.get(k, 0):,} {k}" for k in ("contradiction", "update", "consistent"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="ledger sizes N, comma-separated")
    parser.add_argument(
        "--add", type=int, default=1000, help="documents added after the first link"
    )
    parser.add_argument("--places", type=int, default=0, help="place-name pool (default N/5)")
    parser.add_argument("--days", type=int, default=730, help="dates shifted by 0 .. DAYS-1")
    parser.add_argument("--vary", type=float, default=0.25, help="share of documents rescaled")
    parser.add_argument(
        "--copy", type=float, default=0.05, help="share ending in a copied paragraph"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--corpus", type=Path, default=POLNEAR)
    parser.add_argument("--keep", type=Path, help="leave the ledgers in this folder")
    parser.add_argument("--link-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.link_child:
        return link_child(*args.link_child)
    if not args.corpus.is_dir():
        print(
            f"bench: corpus folder {args.corpus} not found; ../shared must sit beside the "
            "repository",
            file=sys.stderr,
        )
        return 2
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
        folder = args.keep or Path(tmp)
        print("bench: extracting the 53 corpus documents (spaCy)", file=sys.stderr)
        started = time.monotonic()
        templates = extract_templates(Path(tmp))
        texts = Texts(polnear_sentences(args.corpus), args.seed)
        print(
            f"bench: templates in {time.monotonic() - started:.0f} s; "
            f"{len(texts.sentences):,} PolNeAR sentences",
            file=sys.stderr,
        )
        for n in sizes:
            places = args.places or max(50, n // 5)
            gen = Generator(
                templates, texts, places, args.days, args.vary, args.copy, args.seed
            )  # fmt: skip
            db = folder / f"link-{n}.db"
            db.unlink(missing_ok=True)
            print(f"bench: N={n:,}: writing the ledger", file=sys.stderr)
            ids, wrote = write_documents(db, gen, 0, n)
            print(f"bench: N={n:,}: first link ({wrote:.0f} s to write)", file=sys.stderr)
            first = run_link(db, ids, Path(tmp))
            added, wrote_add = write_documents(db, gen, n, args.add)
            print(f"bench: N={n:,}: linking {args.add:,} more", file=sys.stderr)
            more = run_link(db, added, Path(tmp))
            size_mb = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20
            rows.append((n, places, wrote, first, wrote_add, more, size_mb))
            if not args.keep:
                for p in db.parent.glob(db.name + "*"):
                    p.unlink()
    print(
        f"\nDocuments: the 53 documents of tests/data/link_corpus.py extracted once, cloned "
        f"into worlds of 53 with invented place names (pool N/5 unless --places), dates "
        f"shifted by 0-{args.days - 1} days, {args.vary:.0%} of documents' figures rescaled; "
        f"text continued by re-mixed PolNeAR train sentences ({args.copy:.0%} ending in a "
        f"copied paragraph); rows written by store.write, no extraction. Seed {args.seed}, "
        f"{os.cpu_count()} cores; time is store.link_new alone, peak RSS the child's "
        "(imports included).\n"
    )
    print(
        "| N | places | first link: s | docs/s (first, last tenth) | peak RSS MB | figures "
        "linked | relations | passages | repeat pairs | ledger MB |"
    )
    print("|---:|---:|---:|---|---:|---:|---|---:|---:|---:|")
    for n, places, _, first, _, _, size in rows:
        a, b = tenth_rates(first["marks"])
        print(
            f"| {n:,} | {places:,} | {first['seconds']:.1f} | {a:.0f}, {b:.0f} | "
            f"{first['peak_rss_mb']:.0f} | {first['figures']:,} | "
            f"{relations_text(first['relations'])} | {first['passages']:,} | "
            f"{first['repeats']:,} | {size:.0f} |"
        )
    print(
        f"\n| N | then +{args.add:,}: link s | ms/doc | peak RSS MB | figures | relations | "
        "repeat pairs | ms/doc in the first link | groups of 2+ in the ledger |"
    )
    print("|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    for n, _, _, first, _, more, _ in rows:
        print(
            f"| {n:,} | {more['seconds']:.2f} | {1000 * more['seconds'] / max(1, args.add):.2f} "
            f"| {more['peak_rss_mb']:.0f} | {more['figures']:,} | "
            f"{relations_text(more['relations'])} | {more['repeats']:,} | "
            f"{1000 * first['seconds'] / n:.2f} | {more['ledger']['figure_groups']:,} |"
        )
    if len(rows) >= 2:
        (n0, *_, m0, _), (n1, *_, m1, _) = rows[0], rows[-1]
        print(
            f"\nAdding {args.add:,} to {n1:,} took {m1['seconds'] / m0['seconds']:.2f} times "
            f"as long as adding them to {n0:,} (ledger {n1 / n0:.0f} times larger)."
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
