"""Attribution extraction against textacy on PolNeAR, all in one run; prints one table.

    ./run bench attributions                 # dev split; textacy too when bench/.peers exists
    ./run bench attributions --split train   # the training split
    ./run bench attributions --parts         # claimledger on dev's tune and check parts
    ./run bench attributions --parts --train 200   # and on the first 200 train articles
    ./run bench attributions --parts --kinds       # and the share of each source kind
    ./run bench attributions --parts --kinds --examples FILE   # tune-part sources to FILE
    bash bench/setup_peers.sh                # installs textacy (and the quantity peers)

Per role (source, cue, content): exact and overlap span F1, over all relations and apart for
quoted and unquoted ones (scoring rules in src/claimledger/evaluation/polnear.py). claimledger
is scored on its top-level attributions only, as PolNeAR annotates no nested ones (polnear.py,
"Nested attributions").

With ``--parts``, one table of claimledger's exact and overlap F1 per role, side by side for
the tune and check parts of dev (``evaluation/splits.py``), the whole of dev and, with
``--train N``, the first N training articles in name order (a fixed, independent check set).

With ``--kinds`` (and ``--parts``), a second table: the share of each ``source_kind`` among
all attributions (nested ones too), and of sources written as a bare pronoun ("it", "they")
that no canonical name resolves. The articles carry their outlet from PolNeAR's metadata
(``Document.outlet``), as a user's documents do. ``--examples FILE`` writes the tune part's
attributions (sentence, source, canonical, kind) to FILE, to read; never the check part's.

Throughput is articles/s including spaCy parsing, one process per system. textacy's
direct_quotations finds direct quotes only; it runs with the same spaCy pipeline as claimledger.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from _measure import PEER_PYTHON, run_json
from claimledger.evaluation import polnear as pn
from claimledger.evaluation import splits
from claimledger.lexicon import PRONOUN_KINDS

HERE = Path(__file__).resolve().parent

CLAIMLEDGER_RUN = """
import json, sys, time
from claimledger.model import Document
from claimledger.nlp.load import load
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
items = json.load(sys.stdin)
load()
started = time.perf_counter()
docs = [
    Document(text=t, source=str(i)) if isinstance(t, str)
    else Document(text=t["text"], source=str(i), outlet=t["outlet"])
    for i, t in enumerate(items)
]
out = []
for ex in extract_all(docs, Settings(workers=1), frozenset({"attributions"})):
    out.append([
        {k: getattr(a, k) for r in ("source", "cue", "content") for k in (r + "_start", r + "_end")}
        | {k: getattr(a, k) for k in ("parent_start", "source_kind", "attributed_to")}
        | {"canonical": a.attributed_to_canonical}
        for a in ex.attributions
    ])
json.dump({"seconds": time.perf_counter() - started, "predictions": out}, sys.stdout)
"""


def relations(preds: list[list[dict[str, Any]]]) -> list[list[pn.Relation]]:
    def span(v: Any) -> pn.Span | None:
        return None if v is None else (int(v[0]), int(v[1]))

    return [
        [pn.Relation(span(p["source"]), span(p["cue"]), span(p["content"])) for p in doc]
        for doc in preds
    ]


# PolNeAR's publishers (metadata.tsv) as the outlet names a user's documents would carry.
OUTLETS = {
    "breitbart": "Breitbart News",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "The Western Journal",
}


def claimledger_records(articles: list[pn.Article]) -> list[list[dict[str, Any]]]:
    """claimledger's attributions per article, run on each article with its outlet."""
    print(f"bench: claimledger on {len(articles)} articles", file=sys.stderr)
    payload = [{"text": a.text, "outlet": OUTLETS.get(a.name.split("_", 1)[0])} for a in articles]
    ours = run_json(sys.executable, ["-c", CLAIMLEDGER_RUN], payload)
    records: list[list[dict[str, Any]]] = ours["predictions"]
    return records


def claimledger(articles: list[pn.Article]) -> list[list[pn.Relation]]:
    return [pn.predicted(d) for d in claimledger_records(articles)]


def kinds_table(columns: list[tuple[str, list[list[dict[str, Any]]]]]) -> None:
    """The share of each source kind, and of unresolved bare pronouns, per column."""
    print("\nPolNeAR, claimledger, share of attributions (nested too) by source_kind\n")
    heads = [f"{name} ({sum(len(d) for d in docs)} att.)" for name, docs in columns]
    print(f"| source_kind | {' | '.join(heads)} |")
    print("|---|" + "---:|" * len(heads))
    kinds = ("person", "organization", "outlet", "document", "unnamed", "other")
    for kind in kinds:
        cells = []
        for _, docs in columns:
            atts = [a for d in docs for a in d]
            cells.append(f"{100 * sum(a['source_kind'] == kind for a in atts) / len(atts):.1f}%")
        print(f"| {kind} | {' | '.join(cells)} |")
    cells = []
    for _, docs in columns:
        atts = [a for d in docs for a in d]
        bare = sum(
            (a["attributed_to"] or "").lower() in PRONOUN_KINDS
            and (a["canonical"] or "").lower() in ("", *PRONOUN_KINDS)
            for a in atts
        )
        cells.append(f"{100 * bare / len(atts):.1f}%")
    print(f"| bare pronoun, unresolved | {' | '.join(cells)} |")


def write_examples(path: Path, articles: list[pn.Article], preds: list[Any]) -> None:
    """The tune part's attributions, one per line: kind, source, canonical, sentence."""
    lines = []
    for art, doc in zip(articles, preds, strict=True):
        if splits.part_of_key(art.name) != "tune":
            continue
        for a in doc:
            at = a["source_start"] if a["source_start"] is not None else a["cue_start"]
            lo = max(art.text.rfind("\n", 0, at), art.text.rfind(". ", 0, at)) + 1
            hi = min(x for x in (art.text.find("\n", at), len(art.text)) if x >= 0)
            lines.append(
                f"{a['source_kind']}\t{a['attributed_to']}\t{a['canonical']}\t"
                f"{art.name}\t{art.text[lo:hi].strip()[:300]}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def parts_table(train: int | None, kinds: bool = False, examples: Path | None = None) -> None:
    """claimledger's exact and overlap F1 per role on dev's tune and check parts, all of
    dev and the first ``train`` training articles, as one table; with ``kinds`` the share
    of each source kind too."""
    try:
        dev = pn.load("dev")
        first = pn.load("train")[:train] if train else []
    except FileNotFoundError as exc:
        raise SystemExit(f"bench: {exc}") from None
    dev_records = claimledger_records(dev)
    dev_preds = [pn.predicted(d) for d in dev_records]
    if examples is not None:
        write_examples(examples, dev, dev_records)
    parts = [splits.part_of_key(a.name) for a in dev]
    columns: list[tuple[str, list[tuple[pn.Article, list[pn.Relation]]]]] = [
        (part, [(a, p) for a, p, k in zip(dev, dev_preds, parts, strict=True) if k == part])
        for part in splits.PARTS
    ]
    columns.append(("dev", list(zip(dev, dev_preds, strict=True))))
    if first:
        columns.append((f"train[:{train}]", list(zip(first, claimledger(first), strict=True))))
    heads, scores = [], []
    for name, pairs in columns:
        arts = [a for a, _ in pairs]
        scores.append(pn.score(arts, [p for _, p in pairs])["all"])
        heads.append(f"{name} ({len(arts)} art., {sum(len(a.relations) for a in arts)} rel.)")
    print("\nPolNeAR, claimledger, F1 over all relations\n")
    print(f"| role | match | {' | '.join(heads)} |")
    print("|---|---|" + "---:|" * len(heads))
    for role in pn.ROLES:
        for kind in ("exact", "overlap"):
            cells = [f"{s[role].prf(kind)[2]:.1f}" for s in scores]
            print(f"| {role} | {kind} | {' | '.join(cells)} |")
    if kinds:
        parts = [splits.part_of_key(a.name) for a in dev]
        kinds_table(
            [
                (part, [d for d, k in zip(dev_records, parts, strict=True) if k == part])
                for part in splits.PARTS
            ]
            + [("dev", dev_records)]
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument(
        "--parts", action="store_true", help="claimledger alone, per part: tune, check, dev"
    )
    parser.add_argument(
        "--train", type=int, metavar="N", help="with --parts: also the first N train articles"
    )
    parser.add_argument(
        "--kinds", action="store_true", help="with --parts: the share of each source kind"
    )
    parser.add_argument(
        "--examples", type=Path, metavar="FILE", help="with --parts: tune-part sources to FILE"
    )
    args = parser.parse_args()
    if args.parts:
        parts_table(args.train, args.kinds, args.examples)
        return 0
    try:
        articles = pn.load(args.split)[: args.limit]
    except FileNotFoundError as exc:
        raise SystemExit(f"bench: {exc}") from None
    texts = [a.text for a in articles]
    systems = []
    print(f"bench: claimledger on {len(texts)} articles", file=sys.stderr)
    ours = run_json(sys.executable, ["-c", CLAIMLEDGER_RUN], texts)
    systems.append(("claimledger", [pn.predicted(d) for d in ours["predictions"]], ours["seconds"]))
    if not args.no_peers and PEER_PYTHON.exists():
        print("bench: textacy", file=sys.stderr)
        res = run_json(str(PEER_PYTHON), [str(HERE / "peers" / "run_textacy.py")], texts)
        systems.append(("textacy 0.13.0", relations(res["predictions"]), res["seconds"]))
    elif not args.no_peers:
        print("bench: textacy not installed; run bash bench/setup_peers.sh", file=sys.stderr)

    rels = [r for a in articles for r in a.relations]
    print(
        f"\nPolNeAR {args.split}: {len(articles)} articles, {len(rels)} attributions "
        f"({sum(r.quoted for r in rels)} quoted)\n"
    )
    print("| system | group | match | source P/R/F1 | cue P/R/F1 | content P/R/F1 | articles/s |")
    print("|---|---|---|---|---|---|---:|")
    for name, preds, seconds in systems:
        scores = pn.score(articles, preds)
        for group in ("all", "quoted", "unquoted"):
            for kind in ("exact", "overlap"):
                cells = [
                    "/".join(str(x) for x in scores[group][role].prf(kind)) for role in pn.ROLES
                ]
                print(
                    f"| {name} | {group} | {kind} | {' | '.join(cells)} | "
                    f"{len(texts) / seconds:.1f} |"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
