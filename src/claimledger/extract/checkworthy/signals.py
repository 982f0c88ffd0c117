"""The signals a sentence gives the check-worthiness model and the claim types: what the
parse and the other extractors found in it (figures, sources, actors, dates, event verbs,
person, mood, tense, evaluative words)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from claimledger.lexicon import CASUALTY_WORD_STEMS, EVENT_VERB_LEMMAS
from claimledger.nlp.parsed import as_sent

_CASUALTY_WORDS = re.compile(r"\b(?:" + "|".join(CASUALTY_WORD_STEMS) + ")", re.IGNORECASE)
_PREDICTION = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|was|were) (?:expected|set|likely|going) to|"
    r"forecasts?|predicts?|projected|plans? to|intends? to)\b",
    re.IGNORECASE,
)
CAUSAL = re.compile(
    r"\b(?:because|due to|as a result|caused|causes|led to|leads to|resulted in|results in|"
    r"owing to|blamed .{0,40} for|responsible for|triggered|sparked)\b",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|than|compared (?:with|to)|"
    r"the (?:highest|lowest|largest|biggest|most|least|worst|best)|twice|double|half as|"
    r"record|since \d{4})\b",
    re.IGNORECASE,
)
# "more than 40" states a bound, not a comparison.
_APPROXIMATOR = re.compile(
    r"\b(?:more|less|fewer|higher|lower) than\s+(?=[$€£]?\d|(?:a |one |two |three |some )?"
    r"(?:dozen|hundred|thousand|million|billion))",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:I think|I believe|we believe|I feel|in my (?:view|opinion)|shameful|disgraceful|"
    r"heroic|glorious|evil|barbaric|outrageous|terrible|wonderful|great|beautiful|sad|"
    r"unacceptable|clearly|obviously|deserve|brave|cowardly|criminal|heinous|noble|"
    r"proud|shame|disgrace|betray\w*|tyrant|tyranny|monstrous|appalling|despicable)\b",
    re.IGNORECASE,
)
_OBLIGATION = re.compile(r"\b(?:should|must|ought to|need to|have to|has to)\b", re.IGNORECASE)
_SLOGAN = re.compile(
    r"^\s*(?:let us|let's|join|stand|support|stop|fight|never again|long live|glory to|"
    r"down with|say no|vote|donate|act now|enough|free|end the|no to|hands off|"
    r"together we|we will not|we shall)\b|\b(?:long live|glory to|down with|hands off)\b",
    re.IGNORECASE,
)
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|I'm|I've|I'd|I'll)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|we're|we've|we'll)\b", re.IGNORECASE)
_SECOND = re.compile(r"\b(?:you|your|yours|you're)\b", re.IGNORECASE)
_DATE_LIKE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|"
    r"(?:19|20)\d\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"last (?:week|month|year|night))\b",
    re.IGNORECASE,
)

# The signals, in a fixed order: the model's non-word features. Each is 0 or 1.
SIGNALS = (
    "quantity",
    "quantities_2",
    "casualty_count",
    "money_or_percent",
    "attribution",
    "direct_quote",
    "named_source",
    "person",
    "organization",
    "place",
    "date",
    "event_verb",
    "past_tense",
    "comparison",
    "causal",
    "first_singular",
    "first_plural",
    "second_person",
    "opinion",
    "obligation",
    "imperative",
    "slogan",
    "exclamation",
    "question",
    "future",
    "short",
    "long",
)


_SELF = frozenset(["i", "we", "you", "us"])


def signals(
    sent: Any, quants: Sequence[Any], atts: Sequence[Any], text: str | None = None
) -> dict[str, float]:
    """The non-word evidence in one parsed sentence, given what was extracted from it;
    ``text`` is the sentence's text when the caller has it (spaCy rebuilds it on access)."""
    sent = as_sent(sent)
    if text is None:
        text = str(sent.text)
    stripped = text.rstrip(" \"'”’)»")
    labels = {e.label_ for e in sent.ents}
    n_words = 0
    root = None
    event_verb = False
    for t in sent:  # one pass: token attributes are calls into spaCy
        if t.is_alpha:
            n_words += 1
        if t.dep_ == "ROOT" and root is None:
            root = t
        if not event_verb and t.pos_ == "VERB" and t.lemma_.lower() in EVENT_VERB_LEMMAS:
            event_verb = True
    imperative = bool(
        root is not None
        and root.i == sent.start
        and root.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in root.children)
    )
    counts = [q for q in quants if q.unit == "count"]
    # Borrowed authority only: "we call on all parties" is the writer's own voice.
    atts = [a for a in atts if (a.attributed_to or "").lower() not in _SELF]
    return {
        "quantity": float(bool(quants)),
        "quantities_2": float(len(quants) >= 2),
        "casualty_count": float(
            any(q.quantified and _CASUALTY_WORDS.search(q.quantified) for q in counts)
        ),
        "money_or_percent": float(
            any(q.unit in ("percent", "percentage_point") or len(q.unit) == 3 for q in quants)
        ),
        "attribution": float(bool(atts)),
        "direct_quote": float(any(a.direct for a in atts)),
        "named_source": float(
            any(a.source_kind in ("person", "organization", "outlet") for a in atts)
        ),
        "person": float("PERSON" in labels),
        "organization": float(bool(labels & {"ORG", "NORP"})),
        "place": float(bool(labels & {"GPE", "LOC", "FAC"})),
        "date": float(bool(labels & {"DATE", "TIME"}) or bool(_DATE_LIKE.search(text))),
        "event_verb": float(event_verb),
        "past_tense": float(root is not None and root.tag_ in ("VBD", "VBN")),
        "comparison": float(bool(_COMPARISON.search(_APPROXIMATOR.sub(" ", text)))),
        "causal": float(bool(CAUSAL.search(text))),
        "first_singular": float(bool(_FIRST_SINGULAR.search(text))),
        "first_plural": float(bool(_FIRST_PLURAL.search(text))),
        "second_person": float(bool(_SECOND.search(text))),
        "opinion": float(bool(_OPINION.search(text))),
        "obligation": float(bool(_OBLIGATION.search(text))),
        "imperative": float(imperative),
        "slogan": float(bool(_SLOGAN.search(text))),
        "exclamation": float(stripped.endswith("!")),
        "question": float(stripped.endswith("?")),
        "future": float(bool(_PREDICTION.search(text))),
        "short": float(n_words < 6),
        "long": float(n_words > 30),
    }
