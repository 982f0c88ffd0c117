"""The counted thing: the noun a count modifies ("civilians killed", "40 armoured vehicles"),
the unit it may name, and a rate written after it ("3,000 tests per day")."""

from __future__ import annotations

from typing import Any

from claimledger.extract.quantities.bounds import DURATIONS
from claimledger.extract.quantities.candidate import Candidate
from claimledger.extract.quantities.rates import GAP_RATE, per_unit
from claimledger.extract.quantities.units import canonical_unit
from claimledger.lexicon import CASUALTY_VERB_FORMS

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_ADJECTIVES_AS_NOUNS = frozenset(
    "wounded injured dead missing displaced detained disappeared homeless sick elderly".split()
)


def counted(q: Candidate, sent: Any, text: str) -> str | None:
    """What a count or vague amount counts; may give ``q`` the noun's unit and a rate.

    Rule ``rate_per`` when the rate comes from after the counted noun."""
    if q.unit not in ("count", "vague"):
        return None
    quantified = quantified_at(sent, q.start, q.end)
    if quantified is None and q.counted_at is not None:
        quantified = quantified_at(sent, *q.counted_at)
    if quantified:  # a vague amount keeps its unit: only a count takes the noun's
        quantified, q.unit = unit_in_counted(quantified, q.unit)
    if quantified and q.per is None:  # "3,000 tests per day"
        rest = text[q.end :].lstrip()
        rate = rest.startswith(quantified) and GAP_RATE.match(rest[len(quantified) :])
        if rate:
            q.per = per_unit(rate.group(1))
            q.rule = "rate_per"
    return quantified


def unit_in_counted(quantified: str, unit: str) -> tuple[str | None, str]:
    """A counted noun that is a unit behind a modifier: "90 uphill miles" is in miles and
    "eight straight years" in years; "2.1 last year" counts nothing."""
    words = quantified.split()
    last = words[-1]  # a unit word, never an abbreviation ("one Labour MP" is no megapixel)
    head = canonical_unit(last) if last.islower() and len(last) >= 4 else None
    if head is None or head.isupper() or head in ("count", "times", "percent", "point"):
        return quantified, unit
    if head in DURATIONS and words[0].lower() in ("last", "next", "this", "that", "past"):
        return None, unit
    return quantified, head if unit == "count" else unit


def quantified_at(sent: Any, start: int, end: int) -> str | None:
    """The counted thing: the noun a number modifies, with its verb for casualty counts."""
    base = sent.start_char
    tokens = [t for t in sent if start <= t.idx - base < end]
    if not tokens:
        return None
    last = tokens[-1]
    after = [t for t in sent if t.idx - base >= end]
    noun = _counted_noun(last, after, base + end)
    if noun is None and after and after[0].lower_ in _ADJECTIVES_AS_NOUNS:
        return str(after[0].text)  # "treated 43 wounded", "12 dead and 40 missing"
    if noun is None:
        verb = last.head if last.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None and verb.lower_ in CASUALTY_VERB_FORMS:
            return str(verb.text)
        return None
    return _noun_phrase(sent, noun, base + end)


def _counted_noun(last: Any, after: list[Any], end_char: int) -> Any | None:
    """The noun after a number's last token: "thousands of civilians", "12 people"."""
    if after and after[0].lower_ == "of" and len(after) > 1:
        # "thousands of civilians", "dozens of drones"
        noun = next((t for t in after[1:6] if t.tag_ in _NOUN_TAGS), None)
        if noun is not None:
            return noun
    if last.head.tag_ in _NOUN_TAGS and last.head.idx >= end_char:
        return last.head
    if after and after[0].tag_ in ("NNS", "NN"):
        return after[0]
    return None


def _noun_phrase(sent: Any, noun: Any, end_char: int) -> str:
    """The noun with its modifiers as written ("first-team players", "FA Cup finals"), and
    its verb when it is the subject of a casualty verb ("civilians killed")."""
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and c.idx >= end_char]
    left = min((m.left_edge.idx for m in mods), default=noun.idx)
    left = max(left, end_char)
    phrase = " ".join(sent.doc_text[left : noun.idx + len(noun.text)].split()).strip(" -,")
    verb = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass")
        and verb.lower_ in CASUALTY_VERB_FORMS
        and verb.tag_.startswith("VB")
    ):
        phrase = f"{phrase} {verb.text}"
    return phrase
