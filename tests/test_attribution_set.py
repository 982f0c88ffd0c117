"""Quality gate: every field of every attribution in the hand-checked attribution set is
right (``tests/data/attribution_set.py``, wire-report, statement and advocacy styles)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from claimledger.model import Document, Extraction
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from tests.data.attribution_set import CASES


@pytest.fixture(scope="module")
def extracted() -> list[Extraction]:
    docs = [Document(text=text, source=f"case-{i}") for i, (text, _) in enumerate(CASES)]
    return list(extract_all(docs, Settings(workers=1)))


def _rows(ex: Extraction) -> list[tuple[Any, ...]]:
    by_cue = {a.cue_start: a for a in ex.attributions}
    rows = []
    for a in ex.attributions:
        parent = by_cue.get(a.parent_start) if a.parent_start is not None else None
        rows.append(
            (
                a.attributed_to,
                a.attributed_to_canonical,
                a.source_kind,
                a.source_role,
                a.source_affiliation,
                a.cue,
                a.content,
                a.direct,
                parent.cue if parent is not None else None,
            )
        )
    return rows


def test_the_set_is_large_enough(extracted: list[Extraction]) -> None:
    assert sum(len(ex.sentences) for ex in extracted) >= 100
    kinds = {row[2] for _, rows in CASES for row in rows}
    assert kinds >= {"person", "organization", "outlet", "document", "unnamed"}
    assert any(row[7] for _, rows in CASES for row in rows)  # direct quotes
    assert any(row[8] for _, rows in CASES for row in rows)  # nested attributions


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_attribution_case(extracted: list[Extraction], index: int) -> None:
    text, expected = CASES[index]
    ex = extracted[index]
    assert ex.document.text == text
    for a in ex.attributions:  # every span is the text it claims to be
        for part, s, e in (
            (a.attributed_to, a.source_start, a.source_end),
            (a.cue, a.cue_start, a.cue_end),
            (a.content, a.content_start, a.content_end),
        ):
            if s is not None and e is not None:
                assert text[s:e] == part
    rows, wanted = _rows(ex), [tuple(e) for e in expected]
    for a, got, want in zip(ex.attributions, rows, wanted, strict=False):
        assert got == want, f"rule {a.rule!r} (cue {a.cue!r}) gave {got}, expected {want}"
    assert rows == wanted, "predicted, by rule:\n" + "\n".join(
        f"  {a.rule}: {row}" for a, row in zip(ex.attributions, rows, strict=True)
    )


def test_every_attribution_names_its_rule(extracted: list[Extraction]) -> None:
    found = [a for ex in extracted for a in ex.attributions]
    assert found
    unnamed = [(a.doc_id, a.cue, a.content) for a in found if not a.rule]
    assert not unnamed
    assert all(re.fullmatch(r"[a-z]+(?:_[a-z]+)*", a.rule) for a in found)
