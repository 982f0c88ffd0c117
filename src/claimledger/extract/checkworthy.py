"""Check-worthiness: a linear model over a sentence's words and what claimledger found in it.

The score (0..1) says how much a sentence asserts something a checker could verify. It is
a logistic regression over two kinds of evidence:

- the sentence's words: unigrams and bigrams, lower-cased, every number folded to one
  token, weighted by sublinear TF-IDF and L2-normalised;
- signals from the parse and the other extractors: quantities, attributions, named
  actors, dates, event verbs, first and second person, imperative mood, exclamation,
  questions, future tense, obligation modals, evaluative words.

The weights are learnt by ``train/checkworthy.py`` from ClaimBuster (CC BY 4.0) and shipped
in ``models/checkworthy.json.gz`` with the training data's provenance; nothing is fetched.
The claim types are rules over the same signals; they describe the sentence's form, never
whether it is true.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from claimledger.errors import ModelError
from claimledger.lexicon import CASUALTY_WORD_STEMS, EVENT_VERB_LEMMAS
from claimledger.nlp.parsed import as_sent

MODEL_FILE = "checkworthy.json.gz"

_CASUALTY_WORDS = re.compile(r"\b(?:" + "|".join(CASUALTY_WORD_STEMS) + ")", re.IGNORECASE)
_PREDICTION = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|was|were) (?:expected|set|likely|going) to|"
    r"forecasts?|predicts?|projected|plans? to|intends? to)\b",
    re.IGNORECASE,
)
_CAUSAL = re.compile(
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
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*\d|\d|[%$€£!?]")

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
        "causal": float(bool(_CAUSAL.search(text))),
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


def terms(text: str) -> list[str]:
    """The word features of a text: tokens and adjacent pairs, numbers folded to ``0``."""
    toks = ["0" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]
    return toks + [f"{a} {b}" for a, b in pairwise(toks)]


@dataclass(frozen=True)
class Model:
    vocabulary: dict[str, tuple[float, float]]  # term -> (idf, weight)
    signal_weights: dict[str, float]
    bias: float
    threshold: float  # the default claim threshold, chosen for precision on held-out folds
    meta: dict[str, Any]
    digest: str = ""  # sha256 of the model file, recorded with each extraction run

    def logit(self, text: str, sig: dict[str, float]) -> float:
        norm = dot = 0.0
        for term, count in Counter(terms(text)).items():
            entry = self.vocabulary.get(term)
            if entry is not None:
                value = (1.0 + math.log(count)) * entry[0]
                norm += value * value
                dot += value * entry[1]
        z = self.bias + (dot / math.sqrt(norm) if norm else 0.0)
        for name, value in sig.items():
            if value:
                z += self.signal_weights.get(name, 0.0) * value
        return z

    def score(self, text: str, sig: dict[str, float]) -> float:
        z = self.logit(text, sig)
        return round(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))), 4)


def model_from_json(data: dict[str, Any], digest: str = "") -> Model:
    return Model(
        vocabulary={t: (float(v[0]), float(v[1])) for t, v in data["vocabulary"].items()},
        signal_weights={k: float(v) for k, v in data["signal_weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        meta=dict(data["meta"]),
        digest=digest,
    )


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model, read from the installed package."""
    try:
        raw = resources.files("claimledger").joinpath("models", MODEL_FILE).read_bytes()
        return model_from_json(json.loads(gzip.decompress(raw)), hashlib.sha256(raw).hexdigest())
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"the check-worthiness model claimledger/models/{MODEL_FILE} could not be read "
            f"({exc}); reinstall claimledger, or rebuild it with `./run train checkworthy`"
        ) from exc


# Forms used only by the types, not by the model.
_FUTURE = re.compile(
    r"\b(?:will|won't|would|could|shall|expects?|expected|forecasts?|predicts?|projects?|"
    r"projected|plans? to|intends? to|warned|is (?:likely|set|due) to|by the end of)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    _CAUSAL.pattern + r"|\b(?:resulted from|the result of|blamed|followed)\b|"
    r"\b(?:rose|fell|doubled|tripled|halved|collapsed|surged|soared|plunged|jumped|dropped|"
    r"closed|stopped)\b.{0,60}\b(?:after|when|following)\b",
    re.IGNORECASE,
)
_COMPARES = re.compile(r"\b(?:doubled|tripled|halved|outnumber\w*|twice|times as)\b", re.I)
_CALL = re.compile(
    r"^\s*(?:please\s+)?(?:do not|don't|never|follow|share|subscribe|read|listen|watch|sign|"
    r"call|write|tell|spread|rise|wake|give|bring|open|arm|boycott|demand|remember)\b|"
    r"\b(?:we|I) (?:demand|call on|call for|urge|appeal to|ask)\b|"
    r"\bmust (?:act|stop|end|leave|be (?:stopped|held|freed|released))\b",
    re.IGNORECASE,
)
_META = re.compile(
    r"\b(?:thank you|thanks|thank (?:our|all)|I want to thank|good (?:morning|afternoon|evening)|"
    r"ladies and gentlemen|(?:shown|reproduced) below|transcript|has been updated|editing by|"
    r"reporting by|correspondent|newsletter|podcast|episode|this (?:story|article|interview)|"
    r"more details|take (?:a few )?questions|questions were|let me|next slide|come back to|"
    r"our readers|our thoughts are with|edited for|comments on|available on request)\b",
    re.IGNORECASE,
)


# What claim_types returns: the kinds of claim, then why a sentence is not one.
CLAIM_TYPES = ("statistic", "event", "quote", "prediction", "causal", "comparison")
NOT_CLAIM_TYPES = ("opinion", "exhortation", "question", "other")


def claim_types(sig: dict[str, float], is_claim: bool, text: str = "") -> tuple[str, ...]:
    """What kind of claim a sentence makes, or why it is not one; a description of form."""
    if not is_claim:
        if sig["question"]:
            return ("question",)
        if sig["slogan"] or _CALL.search(text):
            return ("exhortation",)
        if _META.search(text):
            return ("other",)
        if sig["imperative"] or (sig["exclamation"] and not sig["quantity"]):
            return ("exhortation",)
        return ("opinion",)
    types = []
    if sig["quantity"]:
        types.append("statistic")
    if sig["event_verb"] or (sig["date"] and (sig["person"] or sig["place"])):
        types.append("event")
    if sig["direct_quote"]:
        types.append("quote")
    if sig["future"] or _FUTURE.search(text):
        types.append("prediction")
    if sig["causal"] or _CAUSE.search(text):
        types.append("causal")
    if sig["comparison"] or _COMPARES.search(text):
        types.append("comparison")
    if not types:
        types.append("event" if sig["past_tense"] else "other")
    return tuple(types)
