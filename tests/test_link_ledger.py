"""Linking and checking wired into the ledger and the command line (issue 19): the corpus of
tests/data/link_corpus.py ingested into real SQLite ledgers through the real CLI, linked all
at once and incrementally, repeats across documents, reference imports (good, bad, skipped
rows), checks in the export, the worklist's contradicted/check filters, and old ledgers.
Places are invented; every figure is invented. The ledgers are SQLite files and PostgreSQL
databases (``backends``); old ledgers are SQLite files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimledger.store import ClaimFilter, open_store
from claimledger.store.sqlite import migrations
from tests.conftest import DB, Ledgers, ledger_exists, raw, run_cli, version_1_ledger
from tests.data.link_corpus import DOCS, GROUPS, RELATIONS

pytestmark = pytest.mark.backends

REFERENCE = Path(__file__).parent / "data" / "reference"


def write_corpus(path: Path, docs: Any) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"text": d.text, "published": d.published, "title": d.name}) + "\n")
    return path


def ok(*args: str) -> str:
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def export(db: DB, what: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in ok("export", "--db", str(db), "--what", what).splitlines()]


def refs(db: DB) -> dict[str, str]:
    """Quantity id -> ``doc:text`` as the corpus names its figures (titles are doc names)."""
    names = {d["id"]: d["title"] for d in export(db, "documents")}
    return {q["id"]: f"{names[q['doc_id']]}:{q['text']}" for q in export(db, "quantities")}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("link")
    half = len(DOCS) // 2
    write_corpus(folder / "all.jsonl", DOCS)
    write_corpus(folder / "first.jsonl", DOCS[:half])
    write_corpus(folder / "rest.jsonl", DOCS[half:])
    return folder


@pytest.fixture(scope="module")
def whole(corpus_dir: Path, ledgers: Ledgers) -> DB:
    """The corpus ingested in one go (ingest links what it adds)."""
    db = ledgers.at(corpus_dir / "whole.db")
    done = run_cli("ingest", str(corpus_dir / "all.jsonl"), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert "linked 53 documents" in done.stderr
    return db


@pytest.fixture(scope="module")
def halves(corpus_dir: Path, ledgers: Ledgers) -> DB:
    """The corpus ingested in two halves: the second linked against the first."""
    db = ledgers.at(corpus_dir / "halves.db")
    for part in ("first", "rest"):
        ok("ingest", str(corpus_dir / f"{part}.jsonl"), "--db", str(db), "--workers", "1")
    return db


def relation_pairs(db: DB) -> dict[frozenset[str], str]:
    names = refs(db)
    return {
        frozenset((names[r["a"]], names[r["b"]])): r["kind"]
        for g in export(db, "figure_groups")
        for r in g["relations"]
    }


def test_corpus_groups_in_the_ledger(whole: DB) -> None:
    names = refs(whole)
    found = {frozenset(names[m] for m in g["members"]) for g in export(whole, "figure_groups")}
    missing = [label for label, members in GROUPS if members not in found]
    assert not missing


def test_corpus_relations_in_the_ledger(whole: DB) -> None:
    pairs = relation_pairs(whole)
    wrong = [
        (a, b, kind, pairs.get(frozenset((a, b))))
        for a, b, kind, _ in RELATIONS
        if pairs.get(frozenset((a, b))) != kind
    ]
    assert not wrong


def test_contradictions_export_exactly_the_expected_ones(whole: DB) -> None:
    records = export(whole, "contradictions")
    found = {frozenset((f"{r['a']['doc_id']}", f"{r['b']['doc_id']}")) for r in records}
    assert len(found) >= 1
    names = refs(whole)
    got = {frozenset((names[r["a"]["id"]], names[r["b"]["id"]])) for r in records}
    expected = {frozenset((a, b)) for a, b, kind, _ in RELATIONS if kind == "contradiction"}
    assert got == expected
    one = records[0]
    assert set(one) == {"kind", "id", "a", "b", "measure", "reason"}
    assert one["kind"] == "contradiction"
    for side in (one["a"], one["b"]):  # the quantity record as extract prints it
        assert side["kind"] == "quantity" and side["sentence"] and "place" in side
        assert side["sentence"].find(side["text"]) >= 0


def test_incremental_linking_gives_the_same_result(whole: DB, halves: DB) -> None:
    def groups(db: DB) -> set[tuple[str, tuple[str, ...], str]]:
        return {
            (g["id"], tuple(g["members"]), json.dumps(g["relations"], sort_keys=True))
            for g in export(db, "figure_groups")
        }

    assert groups(whole) == groups(halves)

    def contradictions(db: DB) -> list[dict[str, Any]]:
        out = export(db, "contradictions")
        for r in out:  # the two ledgers read the documents from different files
            for side in (r["a"], r["b"]):
                del side["source"], side["record"]
        return out

    assert contradictions(whole) == contradictions(halves)


def test_link_rebuild_and_link_of_unlinked_documents(
    whole: DB, corpus_dir: Path, ledgers: Ledgers
) -> None:
    before = export(whole, "figure_groups")
    copy = ledgers.copy(whole, corpus_dir / "rebuilt.db")
    done = run_cli("link", "--db", str(copy), "--rebuild", "--progress")
    assert done.returncode == 0, done.stderr
    assert "link: 53 of 53 documents" in done.stderr
    assert export(copy, "figure_groups") == before
    # ingested without linking: `link` links them later, with the same result
    unlinked = ledgers.at(corpus_dir / "unlinked.db")
    ok(
        "ingest",
        str(corpus_dir / "all.jsonl"),
        "--db",
        str(unlinked),
        "--no-link",
        "--workers",
        "1",
    )
    assert export(unlinked, "figure_groups") == []
    done = run_cli("link", "--db", str(unlinked))
    assert done.returncode == 0 and "linked 53 documents" in done.stderr
    assert export(unlinked, "figure_groups") == before
    again = run_cli("link", "--db", str(unlinked))
    assert "linked 0 documents" in again.stderr


COPIED = (
    "The regional council of Varnholm said on Tuesday that the new bridge over the Elster "
    "river would open in the spring, after two years of delays caused by flooding and a "
    "dispute over the contract. Officials said the crossing would carry about 9,000 vehicles "
    "a day once it is finished."
)
EDITED = COPIED.replace("spring", "summer").replace("Tuesday", "Wednesday")
OTHER = (
    "Dock workers in the port of Kestrava ended a four-day strike on Monday after the harbour "
    "authority agreed to review shift pay, a union spokeswoman said, adding that ferries would "
    "resume their normal timetable by the weekend."
)


def test_repeats_across_documents(tmp_path: Path, ledgers: Ledgers) -> None:
    docs = [
        {"text": f"VARNHOLM (Courier) -\n\n{COPIED}\n\nMore later.", "published": "2026-03-03"},
        {"text": f"{OTHER}\n\n{EDITED}", "published": "2026-03-04"},
        {"text": f"{OTHER} Talks resume on Friday.", "published": "2026-03-05"},
    ]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps(docs[1]) + "\n", encoding="utf-8")
    second.write_text("\n".join(json.dumps(d) for d in (docs[0], docs[2])) + "\n", "utf-8")
    db = ledgers.at(tmp_path / "r.db")
    ok("ingest", str(first), "--db", str(db), "--workers", "1")
    ok("ingest", str(second), "--db", str(db), "--workers", "1")
    repeats = export(db, "repeats")
    assert len(repeats) == 2
    texts = {(r["a"]["text"][:20], r["b"]["text"][:20]) for r in repeats}
    assert (COPIED[:20], EDITED[:20]) in texts  # the earlier-published copy is a
    assert (OTHER[:20], OTHER[:20]) in texts
    assert len({r["cluster"] for r in repeats}) == 2
    for r in repeats:
        assert set(r) == {"kind", "id", "a", "b", "similarity", "cluster"}
        assert set(r["a"]) == {"doc_id", "source", "start", "end", "text"}
        assert 0.65 <= r["similarity"] <= 1.0 and r["a"]["doc_id"] != r["b"]["doc_id"]
    with open_store(db, readonly=True) as store:
        counts = store.link_counts()
        assert counts["repeats"] == 2 and counts["repeat_clusters"] == 2
        page = store.repeat_page(per_page=1)
        assert page.total == 2 and len(page.items) == 1


VARNEK = [
    {  # 19 against the health office's 23 for the same day: disagrees
        "text": "Nineteen people were killed in Varnek on Tuesday, the hospital director said.",
        "published": "2026-03-11",
    },
    {
        "text": "Twenty-three people died in Varnek on Tuesday, the health office said.",
        "published": "2026-03-11",
    },
]


def test_reference_import_checks_and_worklist(tmp_path: Path, ledgers: Ledgers) -> None:
    corpus = tmp_path / "varnek.jsonl"
    corpus.write_text(json.dumps(VARNEK[0]) + "\n", encoding="utf-8")
    db = ledgers.at(tmp_path / "v.db")
    ok("ingest", str(corpus), "--db", str(db), "--workers", "1")
    done = run_cli("reference", "import", str(REFERENCE / "tolls.csv"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "imported 6 reference rows" in done.stderr and "1 disagree" in done.stderr
    checks = export(db, "checks")
    assert [c["status"] for c in checks] == ["disagrees"]
    check = checks[0]
    assert check["reason"] == "disagrees with Varnek Health Office (23 on 2026-03-10)"
    assert check["quantity"]["text"] == "Nineteen" and check["quantity"]["kind"] == "quantity"
    assert check["reference"]["source"] == "Varnek Health Office"
    assert check["reference"]["dataset"] == "tolls.csv" and check["tolerance"] == 0.05
    # a figure ingested after the import is checked as it is linked
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(VARNEK[1]) + "\n", encoding="utf-8")
    done = run_cli("ingest", str(later), "--db", str(db), "--workers", "1")
    assert "1 figure agree" in done.stderr
    statuses = sorted(c["status"] for c in export(db, "checks"))
    assert statuses == ["agrees", "disagrees"]
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"checks.{fmt}"
        ok("export", "--db", str(db), "--what", "checks", "--format", fmt, "-o", str(out))
        assert out.stat().st_size > 0
    with open_store(db, readonly=True) as store:
        disagree = store.claim_page(ClaimFilter(check="disagrees"))
        assert [h.claim.text for h in disagree.items] == [VARNEK[0]["text"]]
        agree = store.claim_page(ClaimFilter(check="agrees"))
        assert [h.claim.text for h in agree.items] == [VARNEK[1]["text"]]
        contradicted = store.claim_page(ClaimFilter(contradicted=True))
        assert {h.claim.text for h in contradicted.items} == {d["text"] for d in VARNEK}
        assert store.claim_page(ClaimFilter(contradicted=False)).total == 0
        # the disagreement comes first in the default sort, whatever the scores
        first = store.claim_page(ClaimFilter()).items[0]
        assert first.claim.text == VARNEK[0]["text"]
        links = store.claim_links(first.id)
        assert [c.status for c in links.checks] == ["disagrees"]
        assert len(links.contradicting) == 1 and links.same_measure == []
        counts = store.link_counts()
        assert counts["disagreements"] == 1 and counts["agreements"] == 1
        assert counts["contradictions"] == 1 and counts["contradicted_claims"] == 2
        assert store.check_page("disagrees").total == 1


def test_bad_reference_rows_import_nothing_unless_skipped(tmp_path: Path, ledgers: Ledgers) -> None:
    db = ledgers.at(tmp_path / "b.db")
    bad = REFERENCE / "bad_rows.csv"
    done = run_cli("reference", "import", str(bad), "--db", str(db))
    assert done.returncode == 2
    lines = [ln for ln in done.stderr.splitlines() if "rejected" in ln]
    assert len(lines) >= 5
    assert all(f"{bad}:" in ln for ln in lines)
    assert f"rejected {bad}:2: no measure" in done.stderr
    assert "nothing imported" in done.stderr and "--skip-bad" in done.stderr
    if ledger_exists(db):
        assert raw(db, "SELECT COUNT(*) FROM reference_figures")[0][0] == 0
    done = run_cli("reference", "import", str(bad), "--db", str(db), "--skip-bad")
    assert done.returncode == 1, done.stderr
    [(rows,)] = raw(db, "SELECT COUNT(*) FROM reference_figures")
    rejected = raw(
        db, "SELECT input, reason FROM rejections WHERE stage = 'reference' ORDER BY input"
    )
    assert rows >= 1 and len(rejected) == len(lines)
    assert any(i == f"{bad}:2" and r.startswith("no measure") for i, r in rejected)
    done = run_cli("reference", "import", str(tmp_path / "missing.csv"), "--db", str(db))
    assert done.returncode == 2 and "no such file" in done.stderr


def test_old_ledger_upgrades_and_a_filled_old_reference_table_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    version_1_ledger(db)
    done = run_cli("upgrade", "--db", str(db))
    newest = f"schema version {len(migrations())}"
    assert done.returncode == 0 and newest in done.stderr, done.stderr
    with sqlite3.connect(db) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(reference_figures)")}
    conn.close()
    assert {"line", "measure_text", "lower", "upper", "notes"} <= columns
    filled = tmp_path / "filled.db"
    version_1_ledger(filled)
    with sqlite3.connect(filled) as conn:
        conn.execute(
            "INSERT INTO reference_figures VALUES "
            "('r1', 'd', 'killed', 'Varnek', '2026-03-10', '2026-03-10', 23, 'count', 'S', 'x')"
        )
    conn.close()
    done = run_cli("upgrade", "--db", str(filled))
    assert done.returncode == 2
    assert "1 rows in its old reference_figures table" in done.stderr
    with sqlite3.connect(filled) as conn:  # left as it was
        assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM reference_figures").fetchone()[0] == 1
    conn.close()


def test_filters_are_checked() -> None:
    from claimledger.errors import UsageError

    with pytest.raises(UsageError, match="check"):
        ClaimFilter(check="false")
