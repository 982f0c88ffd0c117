"""Quality gate: every source in the hand-checked source set resolves as a reader resolves
it (``tests/data/source_set.py``): the canonical source and kind, and never a bare pronoun
shown as a source."""

from __future__ import annotations

import pytest

from claimledger.extract.attributions.resolve import PRONOUNS
from claimledger.model import Attribution, Document, Extraction
from claimledger.present.report import source_label
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from tests.data.source_set import CASES, ISSUER, IT, OWN_OUTLET, POLL_SHARES, ROLES
from tests.data.source_set import PRONOUNS as PRON


@pytest.fixture(scope="module")
def extracted() -> list[Extraction]:
    docs = [
        Document(text=text, source=f"source-case-{i}", **meta)
        for i, (text, meta, *_) in enumerate(CASES)
    ]
    out = [
        ex
        for ex in extract_all(docs, Settings(workers=1), frozenset({"attributions"}))
        if isinstance(ex, Extraction)
    ]
    assert len(out) == len(docs)
    return out


def test_the_set_is_large_enough() -> None:
    assert len(CASES) >= 70
    for part in (OWN_OUTLET, IT, ROLES, ISSUER, POLL_SHARES, PRON):
        assert len(part) >= 10


def _source(ex: Extraction, phrase: str) -> Attribution:
    found = [a for a in ex.attributions if a.attributed_to == phrase]
    assert found, f"no source {phrase!r}; got {[a.attributed_to for a in ex.attributions]}"
    return found[-1]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[0][:50] for c in CASES])
def test_source_case(extracted: list[Extraction], index: int) -> None:
    text, _, phrase, canonical, kind = CASES[index]
    a = _source(extracted[index], phrase)
    assert a.source_start is not None and a.source_end is not None
    assert text[a.source_start : a.source_end] == phrase  # the span as written
    assert (a.attributed_to_canonical, a.source_kind) == (canonical, kind), a.rule


def test_no_pronoun_is_shown_as_a_source(extracted: list[Extraction]) -> None:
    for ex in extracted:
        for a in ex.attributions:
            assert (a.attributed_to_canonical or "").lower() not in PRONOUNS
            assert source_label(a.attributed_to, a.attributed_to_canonical).lower() not in PRONOUNS
