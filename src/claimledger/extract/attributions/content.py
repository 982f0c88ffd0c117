"""What a cue verb attributes: the content rules, tried in order, on the dependency parse
(that-clause, "as X said", an aside, a preposition, an infinitive, an object, a passive
estimate ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from claimledger.extract.attributions.spans import _child, _span, _subtree
from claimledger.lexicon import (
    ASKING_VERBS,
    CLAUSE_CUE_VERBS,
    CUE_LEMMAS,
    DOCUMENT_SOURCE_HEADS,
    FINDING_VERBS,
    FORECAST_VERBS,
    OBJECT_CUE_VERBS,
    PREP_CUES,
    PROJECTED_NOT_FORECAST,
    RAISING_CUE_VERBS,
    RELATIVE_PRONOUNS,
    SAY_OBJECT_VERBS,
    SPEECH_VERBS,
    XCOMP_CUE_VERBS,
)


def _without_trailing_phrase(clause: list[Any], verb: Any) -> list[Any]:
    """A content before its verb, without a phrase after the verb that the parser hung on
    it: in "The army lost 40 tanks, officials said, according to Reuters" the last three
    words are not more of what was said. A clause after the verb ("A, he said, and B") is."""
    after = [t for t in clause if t.i > verb.i]
    if after and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "prep" for t in after):
        return [t for t in clause if t.i < verb.i]
    return clause


class _Content(NamedTuple):
    """What a content rule found: the span, how it was found (the parse relation the rest of
    the verb cue reads: "ccomp", "as", "aside", "prep", "raising", "xcomp", "object",
    "passive"), where the cue ends, and the rule's name."""

    span: tuple[int, int] | None
    how: str
    cue_end: int
    rule: str


def _that_clause(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """verb_that_clause: the verb's clausal complement ("said that the line held"); a
    clause before the verb loses a phrase the parser hung after it."""
    ccomp = _child(verb, "ccomp")
    if ccomp is None or (verb.dep_ == "ccomp" and _is_as(verb)):
        return None
    clause = _subtree(ccomp)
    if ccomp.i < verb.i:
        clause = _without_trailing_phrase(clause, verb)
    return _Content(_span(clause), "ccomp", cue_end, "verb_that_clause")


def _relative_object(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """relative_object: "houses, which the ministry said were destroyed": the relative
    pronoun of the verb's clause stands before the cue; what was said is the clause after
    the cue (as PolNeAR marks it), its subject the noun the pronoun stands for."""
    ccomp = _child(verb, "ccomp")
    if verb.dep_ != "relcl" or ccomp is None or ccomp.i < verb.i:
        return None
    clause = _subtree(ccomp)
    if clause[0].i > verb.i or clause[0].lower_ not in RELATIVE_PRONOUNS:
        return None
    after = [t for t in clause if t.i > verb.i]
    return _Content(_span(after), "ccomp", cue_end, "relative_object")


# verbs whose object in an as-phrase is the hearer, not what was said
_HEARER_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "warn"})


def _is_as(verb: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _as_reported(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """as_reported: "as X reported", "as reported by X": the clause the as-phrase hangs on,
    without it. Not an "as" of time or manner whose verb has its own content ("as he
    discussed his plan", "as Russia supports the government": what is discussed). The
    reported clause is the gap the as-phrase leaves, so the verb takes no object of its own
    but a hearer ("as the minister told reporters"): "as ceasefire talks stall", where the
    tagger reads the noun "talks" as a verb with "stall" its object, is not a report."""
    if not (_is_as(verb) and verb.dep_ == "advcl"):
        return None
    obj = _child(verb, "dobj")
    if _child(verb, "ccomp", "xcomp") is not None or (
        obj is not None and (lemma in OBJECT_CUE_VERBS or lemma not in _HEARER_VERBS)
    ):
        return None
    own = {t.i for t in verb.subtree}
    clause = verb.head.head if verb.head.dep_ in ("aux", "auxpass") else verb.head
    rest = [t for t in _subtree(clause) if t.i not in own]
    first, last = min(own), max(own)
    before = [t for t in rest if t.i < first]
    after = [t for t in rest if t.i > last]
    # "Forty shops burned, as reported by the Gazette.": the clause before the as-phrase,
    # not the full stop after it; one around it ("A, as X said, B") is all of it
    if all(t.is_punct for t in after):
        rest = before
    elif all(t.is_punct for t in before):
        rest = after
    return _Content(_span(rest), "as", cue_end, "as_reported")


def _parenthetical(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """parenthetical: "A, he said, B" / "A, he said": the clause the aside interrupts."""
    if not (verb.dep_ == "parataxis" and lemma in SPEECH_VERBS and verb.head.i != verb.i):
        return None
    own = {t.i for t in verb.subtree}
    clause = [t for t in _subtree(verb.head) if t.i not in own]
    if verb.head.i < verb.i:
        clause = _without_trailing_phrase(clause, verb)
    return _Content(_span(clause), "aside", cue_end, "parenthetical")


def _verb_preposition(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """verb_preposition: a cue with its preposition ("called for a ban", "referred to");
    the cue runs to the preposition. Also where the parser made the preposition the "for"
    or "to" of a clause ("calling for the United States to act")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and (lemma, prep.lower_) in PREP_CUES and prep.i > verb.i:
            obj = _child(prep, "pobj", "pcomp")
            if obj is not None and prep.i <= verb.i + 2:
                end = prep.idx + len(prep.text)
                return _Content(_span(_subtree(obj)), "prep", end, "verb_preposition")
        if prep.dep_ in ("advcl", "xcomp") and prep.i > verb.i:
            first = _subtree(prep)[0]
            if first.i <= verb.i + 2 and (lemma, first.lower_) in PREP_CUES:
                rest = [t for t in _subtree(prep) if t.i > first.i]
                if rest:
                    end = first.idx + len(first.text)
                    return _Content(_span(rest), "prep", end, "verb_preposition")
    return None


def _raising_infinitive(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """raising_infinitive: "The politician seemed to be shrinking", "more than 250,000 Iowans
    are expected to attend": no one is cited; the whole clause is what is presented as held."""
    xcomp = _child(verb, "xcomp")
    passive = _child(verb, "nsubjpass")
    if xcomp is None or xcomp.i <= verb.i:
        return None
    if not (
        (lemma in RAISING_CUE_VERBS and _child(verb, "nsubj") is not None)
        or (passive is not None and lemma in CUE_LEMMAS)
    ):
        return None
    subj = _child(verb, "nsubj") or passive
    end = _span(_subtree(xcomp))[1]  # type: ignore[index]
    return _Content((_subtree(subj)[0].idx, end), "raising", cue_end, "raising_infinitive")


def _verb_infinitive(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """verb_infinitive: "plans to run", "urged them to leave": the infinitive, from the
    object when there is one."""
    xcomp = _child(verb, "xcomp")
    if xcomp is None or lemma not in XCOMP_CUE_VERBS or xcomp.i <= verb.i:
        return None
    dobj = _child(verb, "dobj")
    first = dobj if dobj is not None and dobj.i < xcomp.i else xcomp
    span = (_subtree(first)[0].idx, _span(_subtree(xcomp))[1])  # type: ignore[index]
    return _Content(span, "xcomp", cue_end, "verb_infinitive")


def _finding_object(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """finding_object: "A new poll shows Clinton and Sanders in a dead heat": what the
    data shows, from its object on."""
    subj = _child(verb, "nsubj")
    shown = _child(verb, "dobj") or _child(verb, "dative")  # "polls show him leading"
    if (
        shown is None
        or lemma not in FINDING_VERBS
        or subj is None
        or subj.lemma_.lower() not in DOCUMENT_SOURCE_HEADS
    ):
        return None
    first = _subtree(shown)[0].i
    right = [t for t in _subtree(verb) if t.i >= first and not t.is_punct]
    return _Content(_span(right), "object", cue_end, "finding_object")


def _verb_object(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """verb_object: "endorsed Cruz", "described the field as weak", "put the toll at 230":
    the object with its predicate or as/of/for phrase."""
    dobj = _child(verb, "dobj")
    if dobj is None or lemma not in OBJECT_CUE_VERBS or dobj.i <= verb.i:
        return None
    if lemma == "project" and dobj.lemma_.lower() in PROJECTED_NOT_FORECAST:
        return None  # "projected an image of calm": a show, not a forecast
    parts = [
        c
        for c in verb.children
        if c.i >= dobj.i
        and (
            c.dep_ in ("dobj", "oprd", "ccomp")
            or c.lower_ in ("as", "of", "for")
            or (c.lower_ == "at" and lemma in ("estimate", "put"))  # "the toll at 230"
            # "projects 2 million refugees by 2030": a forecast keeps its when and where
            or (c.dep_ in ("prep", "npadvmod") and lemma in FORECAST_VERBS)
        )
    ]
    end = max(_span(_subtree(c))[1] for c in parts)  # type: ignore[index]
    return _Content((_subtree(dobj)[0].idx, end), "object", cue_end, "verb_object")


def _said_object(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """said_object: "three-quarters said the same of Sanders", "the candidate said no",
    "half said so": what was said is the verb's object."""
    if lemma not in SAY_OBJECT_VERBS:
        return None
    said = next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and (c.dep_ in ("dobj", "intj") or (c.dep_ == "advmod" and c.lower_ == "so"))
        ),
        None,
    )
    if said is None:
        return None
    parts = [said] + [c for c in verb.children if c.dep_ == "prep" and c.i > said.i]
    end = max(_span(_subtree(c))[1] for c in parts)  # type: ignore[index]
    return _Content((_subtree(said)[0].idx, end), "object", cue_end, "said_object")


def _passive_estimate(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """passive_estimate: "Growth is projected at 2% this year", "the toll was estimated at
    230 by local officials": the subject with its figure; the agent, when there is one, is
    the source, else no one is cited."""
    passive = _child(verb, "nsubjpass")
    at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"), None)
    if passive is None or at is None or lemma not in FORECAST_VERBS or at.i < verb.i:
        return None
    how = "passive" if _child(verb, "agent") is not None else "raising"
    span = (_subtree(passive)[0].idx, _span(_subtree(at))[1])  # type: ignore[index]
    return _Content(span, how, cue_end, "passive_estimate")


def _passive_agent(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """passive_agent: "The figures were confirmed by the Red Cross": what was confirmed is
    the passive subject; the agent is the source."""
    passive = _child(verb, "nsubjpass")
    if passive is None or _child(verb, "agent") is None or lemma not in CLAUSE_CUE_VERBS:
        return None
    return _Content(_span(_subtree(passive)), "passive", cue_end, "passive_agent")


def _asked_whether(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """asked_whether: "asked workers if they planned to": the if- or whether-clause."""
    if lemma not in ASKING_VERBS:
        return None
    asked = next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ),
        None,
    )
    if asked is None:
        return None
    return _Content(_span(_subtree(asked)), "ccomp", cue_end, "asked_whether")


def _detached_that_clause(verb: Any, lemma: str, cue_end: int) -> _Content | None:
    """detached_that_clause: "Adelson said on Friday during a news conference that he may
    wait": the parser hung the that-clause on a noun of the verb's own phrases."""
    if lemma not in SPEECH_VERBS:
        return None
    mine = {t.i for t in verb.subtree}
    for t in verb.doc[verb.i + 1 : verb.sent.end]:
        if t.i not in mine or (t.pos_ in ("VERB", "AUX") and t.lower_ != "that"):
            break
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i:
            span = (t.idx, _span(_subtree(t.head))[1])  # type: ignore[index]
            return _Content(span, "ccomp", cue_end, "detached_that_clause")
    return None


# The content rules of a cue verb, tried in this order; the first that finds one wins.
CONTENT_RULES: tuple[Callable[[Any, str, int], _Content | None], ...] = (
    _relative_object,
    _that_clause,
    _as_reported,
    _parenthetical,
    _verb_preposition,
    _raising_infinitive,
    _verb_infinitive,
    _finding_object,
    _verb_object,
    _said_object,
    _passive_estimate,
    _passive_agent,
    _asked_whether,
    _detached_that_clause,
)


def _content(verb: Any, lemma: str) -> _Content:
    """The content span the parse gives a cue verb, how it was found, where the cue ends
    (after a particle, or a preposition such as "called for"), and the rule that found it;
    ``span`` is None when no rule did."""
    cue_end = verb.idx + len(verb.text)
    particle = _child(verb, "prt")
    if particle is not None and particle.i == verb.i + 1:
        cue_end = particle.idx + len(particle.text)
    for rule in CONTENT_RULES:
        found = rule(verb, lemma, cue_end)
        if found is not None:
            return found
    return _Content(None, "", cue_end, "")
