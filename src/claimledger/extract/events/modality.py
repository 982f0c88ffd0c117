"""Whether an event mention says the event happened: asserted, negated, denied,
hypothetical or future, read from the dependency parse around its trigger.

From the trigger up through the words that govern it, the first word that carries a cue
decides (the nearest cue wins):
- negated: "not", "n't", "never" on the trigger's verb ("did not attack"), "no" on a noun
  trigger ("no strike was carried out", "there were no clashes") or on a verb trigger's
  subject ("no missiles were fired", "no one was arrested");
- denied: a verb of denial governing it ("denied carrying out the strike", "rejected claims
  that its jets struck", "dismissed reports that ..."), or "denial";
- future: "will", "shall" on its verb or a verb that carries it ("will sign a ceasefire"), or
  a verb of intent ("threatened to strike", "vowed to", "plans to", "is expected to"), a
  noun of one ("the threat of an attack", "planned offensive"), or a proposal's "to"
  infinitive ("a bill to impose sanctions");
- hypothetical: "could", "may", "might", "would", "should", "can" on its verb, "if" or
  "unless" on its own clause, a verb or noun of possibility ("warned of attacks", "fears of
  an attack", "a possible strike").
The cue's own words are kept ("denied", "threatened", "could", "not", "if").

Climbing stops at a relative or adverbial clause (their auxiliaries are another verb's) and
at the top of the sentence. An auxiliary or negation on a governing verb counts only when the
trigger is its complement ("try to", "carry out", conjoined verbs sharing "will"), never
across "said that" (a reported clause has its own auxiliaries); a verb of denial or intent
counts across that too ("denied that its jets struck").
"""

from __future__ import annotations

from typing import Any

from claimledger.extract.events.triggers import LIGHT_VERBS, NATURAL_HAZARDS

ASSERTED, NEGATED, DENIED, HYPOTHETICAL, FUTURE = (
    "asserted",
    "negated",
    "denied",
    "hypothetical",
    "future",
)
DENY = frozenset({"deny", "reject", "dismiss", "refute", "disown", "denial", "rebut"})
INTENT = frozenset(
    {
        "threaten", "vow", "plan", "intend", "pledge", "promise", "prepare", "expect",
        "threat", "aim", "set", "schedule", "ultimatum", "plot",
    }
)  # fmt: skip
# Nouns whose "to" infinitive is what they propose ("a bill to impose sanctions", "a
# proposal to send troops"), not what has happened.
PURPOSES = frozenset({"bill", "proposal", "motion", "legislation", "plan", "call", "demand"})
POSSIBLE = frozenset({"warn", "fear", "risk", "possibility", "possible", "potential", "warning"})
INTENT_MODS = frozenset({"planned", "imminent", "upcoming", "future", "threatened"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"could", "may", "might", "would", "should", "can", "ca"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
IF_WORDS = frozenset({"if", "unless"})
# Relations climbed through from a word to the one governing it.
CLIMB = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "conj", "pcomp", "nsubjpass", "nsubj",
     "attr", "oprd", "compound"}
)  # fmt: skip
# Verbs a noun trigger may be the subject of and still be carried by ("no attack was carried
# out", "clashes broke out"); the subject of any other verb keeps its own modality.
CARRIERS = LIGHT_VERBS | {
    "happen", "occur", "take", "break", "erupt", "continue", "resume", "begin", "start",
    "come", "rage", "flare", "report",
}  # fmt: skip
# Verbs a natural hazard strikes with, which carry it as well ("a cyclone could hit the
# coast", "the storm did not reach Korsk").
HAZARD_VERBS = frozenset(
    {"hit", "strike", "sweep", "lash", "batter", "ravage", "devastate", "reach", "make",
     "rock", "shake", "engulf", "inundate", "submerge", "bury", "expect", "forecast",
     "predict", "threaten"}
)  # fmt: skip
# Of these, the ones across which a governing verb's auxiliaries and negation count.
SHARES_AUX = frozenset({"xcomp", "conj", "dobj", "nsubjpass", "nsubj", "pobj", "prep", "attr"})


def modality_of(trigger: Any) -> tuple[str, str | None]:
    """The modality of the event whose (head) trigger token is ``trigger``, and its cue."""
    tok = trigger
    entered: str | None = None
    shares = True  # whether auxiliaries of the current word are the trigger's
    while True:
        found = _cue(tok, tok.i == trigger.i, shares)
        if found is not None:
            return found
        dep = tok.dep_
        if dep in ("relcl", "acl") and _infinitive(tok) and tok.head.lemma_.lower() in PURPOSES:
            return FUTURE, tok.head.text  # "a bill to impose sanctions": not yet imposed
        if dep not in CLIMB or tok.head.i == tok.i:
            return ASSERTED, None
        carried = tok.head.lemma_.lower() in CARRIERS or (
            tok.i == trigger.i
            and trigger.lemma_.lower() in NATURAL_HAZARDS
            and tok.head.lemma_.lower() in HAZARD_VERBS
        )
        if dep in ("nsubj", "nsubjpass") and not carried:
            return ASSERTED, None  # "the abduction ... has not been investigated"
        entered = dep
        shares = shares and entered in SHARES_AUX
        tok = tok.head


def _cue(tok: Any, is_trigger: bool, shares: bool) -> tuple[str, str | None] | None:
    lemma = tok.lemma_.lower()
    if not is_trigger:
        if lemma in DENY:
            return DENIED, tok.text
        if lemma in INTENT and (tok.pos_ != "VERB" or _has_complement(tok)):
            return FUTURE, tok.text
        if lemma in POSSIBLE:
            return HYPOTHETICAL, tok.text
        if lemma == "go" and tok.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in tok.children):
            return FUTURE, tok.text  # "are going to attack"
    if not shares:
        return None
    if is_trigger and tok.pos_ in ("VERB", "AUX") and _nobody(tok):
        return NEGATED, "no"  # "no missiles were fired", "no one was arrested"
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
            return NEGATED, child.text
        if child.dep_ == "advmod" and low == "never":
            return NEGATED, child.text
    for child in tok.children:
        low = child.lower_
        if child.dep_ in ("aux", "auxpass") and low in FUTURE_AUX:
            return FUTURE, child.text
        if child.dep_ in ("aux", "auxpass") and low in MODAL_AUX:
            return HYPOTHETICAL, child.text
        if child.dep_ == "mark" and low in IF_WORDS:
            return HYPOTHETICAL, child.text
        if child.dep_ == "amod" and low in INTENT_MODS:
            return FUTURE, child.text
        if child.dep_ == "amod" and child.lemma_.lower() in POSSIBLE:
            return HYPOTHETICAL, child.text
    return None


def _nobody(verb: Any) -> bool:
    """Whether the verb's subject is none: "no one", "nobody", "none", "no missiles"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("nobody", "none", "nothing") or (
                child.lower_ == "one" and any(c.lower_ == "no" for c in child.children)
            ):
                return True
            if any(c.dep_ == "det" and c.lower_ == "no" for c in child.children):
                return True
    return False


def _has_complement(tok: Any) -> bool:
    """Whether a verb of intent takes a complement (it governs what it threatens). "set" is
    one only as "set to" or "set for" ("are set to attack", "talks set for Monday"), not
    as in "set off a bomb" or "set the depot ablaze"."""
    if tok.lemma_.lower() == "set":
        return any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children
        )
    return any(c.dep_ in ("xcomp", "ccomp", "dobj", "prep") for c in tok.children)


def _infinitive(verb: Any) -> bool:
    """Whether a verb is a bare "to" infinitive with no subject of its own."""
    marked = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return marked and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
