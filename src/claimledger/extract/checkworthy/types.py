"""Claim types: rules over the signals and the wording that say what form a sentence takes
(statistic, event, quote, prediction, causal, comparison; opinion, exhortation, question,
other), never whether it is true."""

from __future__ import annotations

import re

from claimledger.extract.checkworthy.signals import CAUSAL

# Forms used only by the types, not by the model.
_FUTURE = re.compile(
    r"\b(?:will|won't|would|could|shall|expects?|expected|forecasts?|predicts?|projects?|"
    r"projected|plans? to|intends? to|warned|is (?:likely|set|due) to|by the end of)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    CAUSAL.pattern + r"|\b(?:resulted from|the result of|blamed|followed)\b|"
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


def is_call_to_action(sig: dict[str, float], text: str) -> bool:
    """A slogan or a call in the speaker's own voice ("We call on...", "Boycott..."): it asks
    for something rather than asserting it, so it is not a claim whatever its score. A call
    reported in the third person ("The ministry urged residents to leave") is not one."""
    return bool(sig["slogan"] or _CALL.search(text))


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
