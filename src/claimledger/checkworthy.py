"""Check-worthiness, first version: a transparent weighted score over sentence features.

The score says how much a sentence asserts something checkable; the types say what kind
of claim it is. Issue 6 replaces the weights with a model trained on ClaimBuster.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from claimledger.parsed import as_sent

_EVENT_LEMMAS = frozenset(
    [
        "kill",
        "wound",
        "injure",
        "die",
        "attack",
        "strike",
        "shell",
        "bomb",
        "fire",
        "launch",
        "hit",
        "destroy",
        "damage",
        "capture",
        "seize",
        "take",
        "retake",
        "liberate",
        "occupy",
        "withdraw",
        "retreat",
        "advance",
        "enter",
        "invade",
        "raid",
        "storm",
        "shoot",
        "down",
        "intercept",
        "arrest",
        "detain",
        "abduct",
        "release",
        "free",
        "sign",
        "agree",
        "announce",
        "impose",
        "sanction",
        "ban",
        "vote",
        "elect",
        "appoint",
        "resign",
        "dismiss",
        "deploy",
        "send",
        "deliver",
        "supply",
        "fund",
        "approve",
        "reject",
        "veto",
        "evacuate",
        "flee",
        "displace",
        "sink",
        "explode",
        "crash",
        "collapse",
        "meet",
        "visit",
    ]
)
_PREDICTION = re.compile(
    r"\b(?:will|would|shall|is expected to|are expected to|is set to|are set to|is likely to|"
    r"are likely to|could|may|might|forecasts?|predicts?|projected|plans? to|intends? to)\b",
    re.IGNORECASE,
)
_CAUSAL = re.compile(
    r"\b(?:because|due to|as a result|caused|causes|led to|leads to|resulted in|results in|"
    r"owing to|thanks to|blamed .{0,40} for|responsible for|triggered|sparked|so that)\b",
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
    r"\b(?:I think|I believe|we believe|in my (?:view|opinion)|should|must|ought to|"
    r"shameful|disgraceful|heroic|glorious|evil|criminal regime|barbaric|outrageous|"
    r"terrible|wonderful|great|beautiful|best|worst|sad|unacceptable|clearly|obviously)\b",
    re.IGNORECASE,
)
_EXHORTATION = re.compile(
    r"^\s*(?:let us|let's|join|stand|support|stop|fight|never|long live|glory to|down with|"
    r"say no|vote|donate|act now|help|defend|free|end|remember)\b|!\s*$|\b(?:long live|glory to)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")
_DATE_LIKE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{4}|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"last (?:week|month|year))\b",
    re.IGNORECASE,
)

WEIGHTS = {
    "bias": -1.6,
    "quantity": 1.7,
    "attribution": 0.9,
    "named": 0.6,
    "date": 0.5,
    "event_verb": 0.9,
    "comparison": 0.3,
    "causal": 0.3,
    "first_person": -0.5,
    "opinion": -1.3,
    "exhortation": -2.5,
    "question": -2.0,
    "short": -1.2,
    "future": -0.3,
}


@dataclass(frozen=True)
class Features:
    quantity: bool
    attribution: bool
    direct_quote: bool
    named: bool
    date: bool
    event_verb: bool
    comparison: bool
    causal: bool
    first_person: bool
    opinion: bool
    exhortation: bool
    question: bool
    short: bool
    future: bool


def features(sent: Any, n_quantities: int, n_attributions: int, direct: bool) -> Features:
    sent = as_sent(sent)
    text = sent.text
    words = [t for t in sent if t.is_alpha]
    imperative = bool(len(sent) and sent[0].tag_ == "VB" and sent[0].dep_ == "ROOT")
    return Features(
        quantity=n_quantities > 0,
        attribution=n_attributions > 0,
        direct_quote=direct,
        named=any(e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") for e in sent.ents),
        date=bool(_DATE_LIKE.search(text)),
        event_verb=any(t.lemma_.lower() in _EVENT_LEMMAS and t.pos_ == "VERB" for t in sent),
        comparison=bool(_COMPARISON.search(_APPROXIMATOR.sub(" ", text))),
        causal=bool(_CAUSAL.search(text)),
        first_person=bool(_FIRST_PERSON.search(text)),
        opinion=bool(_OPINION.search(text)),
        exhortation=imperative or bool(_EXHORTATION.search(text)),
        question=text.rstrip().endswith("?"),
        short=len(words) < 5,
        future=bool(_PREDICTION.search(text)),
    )


def score(f: Features) -> float:
    z = WEIGHTS["bias"]
    for name, weight in WEIGHTS.items():
        if name != "bias" and getattr(f, name):
            z += weight
    return round(1.0 / (1.0 + math.exp(-z)), 4)


def claim_types(f: Features, is_claim: bool) -> tuple[str, ...]:
    if not is_claim:
        if f.question:
            return ("question",)
        if f.exhortation:
            return ("exhortation",)
        if f.opinion or f.first_person:
            return ("opinion",)
        return ("other",)
    types = []
    if f.quantity:
        types.append("statistic")
    if f.event_verb or (f.named and f.date):
        types.append("event")
    if f.direct_quote:
        types.append("quote")
    if f.future:
        types.append("prediction")
    if f.causal:
        types.append("causal")
    if f.comparison and f.quantity:
        types.append("comparison")
    if not types:
        types.append("event" if f.named else "other")
    return tuple(types)
