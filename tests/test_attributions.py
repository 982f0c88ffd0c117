"""Attribution extraction on hand-written sentences (first version; issue 5 widens)."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.attributions import extract_attributions, quote_spans
from claimledger.entities import PersonRegistry


def attributions(nlp: Any, sentence: str) -> list[Any]:
    doc = nlp(sentence)
    found = extract_attributions(doc[:], "d", 0, 0, PersonRegistry())
    for a in found:
        assert sentence[a.start : a.end] == a.text
        for part, s, e in (
            ("attributed_to", a.source_start, a.source_end),
            ("cue", a.cue_start, a.cue_end),
            ("content", a.content_start, a.content_end),
        ):
            if s is not None:
                assert sentence[s:e] == getattr(a, part)
    return found


CASES = [
    # sentence, source, kind, cue, content, direct
    (
        "At least 19 civilians were killed, the Health Ministry said on Tuesday.",
        "the Health Ministry",
        "organization",
        "said",
        "At least 19 civilians were killed",
        False,
    ),
    (
        "As the Washington Post reported, the strike destroyed a bridge.",
        "the Washington Post",
        "outlet",
        "reported",
        "the strike destroyed a bridge",
        False,
    ),
    (
        "Haddad said: “The ceasefire is over.”",
        "Haddad",
        "person",
        "said",
        "The ceasefire is over",
        True,
    ),
    (
        "Analysts say the economy will shrink by 4% this year.",
        "Analysts",
        "unnamed",
        "say",
        "the economy will shrink by 4% this year",
        False,
    ),
    (
        "The army estimates that 3,000 fighters remain in the town.",
        "The army",
        "organization",
        "estimates",
        "that 3,000 fighters remain in the town",
        False,
    ),
    (
        "“We will not retreat from the city,” Umerov told reporters.",
        "Umerov",
        "person",
        "told",
        "We will not retreat from the city",
        True,
    ),
]


@pytest.mark.parametrize(("sentence", "source", "kind", "cue", "content", "direct"), CASES)
def test_attribution(
    nlp: Any, sentence: str, source: str, kind: str, cue: str, content: str, direct: bool
) -> None:
    found = attributions(nlp, sentence)
    assert len(found) == 1
    a = found[0]
    assert (a.attributed_to, a.source_kind, a.cue, a.content, a.direct) == (
        source,
        kind,
        cue,
        content,
        direct,
    )


def test_according_to_nested(nlp: Any) -> None:
    outer, inner = attributions(
        nlp, "According to Reuters, officials said the convoy was hit by two drones."
    )
    assert (outer.attributed_to, outer.source_kind, outer.cue) == (
        "Reuters",
        "outlet",
        "According to",
    )
    assert outer.attributed_to_canonical == "Reuters"
    assert (inner.attributed_to, inner.source_kind) == ("officials", "unnamed")
    assert inner.content == "the convoy was hit by two drones"
    assert inner.parent_start == outer.cue_start


def test_outlet_canonical(nlp: Any) -> None:
    [a] = attributions(nlp, "According to the NYT, the talks collapsed.")
    assert a.attributed_to_canonical == "The New York Times"


def test_no_attribution_in_plain_statement(nlp: Any) -> None:
    assert attributions(nlp, "Inflation rose to 11% in March.") == []


def test_quote_spans_unbalanced() -> None:
    text = "He said: “We stay here. And we will"
    [(s, e)] = quote_spans(text, 0, len(text))
    assert text[s:e] == "We stay here. And we will"
