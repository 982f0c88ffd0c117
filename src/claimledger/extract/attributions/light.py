"""Light-verb cues: a speech noun as the object of a light verb ("The council issued a
warning that the levee could fail", "the group made the claim that ...", "the ministry
released a statement saying ..."). The cue runs from the light verb through the noun, and
through the participle that carries the content when there is one; the source is the light
verb's subject."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attributions.content import _content
from claimledger.extract.attributions.quotes import _is_direct
from claimledger.extract.attributions.source import _source_phrase, _source_tokens, _subject
from claimledger.extract.attributions.spans import (
    _child,
    _Found,
    _lemma,
    _overlaps,
    _span,
    _subtree,
    _trimmed,
)
from claimledger.extract.attributions.verbs import _cue_words
from claimledger.lexicon import (
    CLAUSE_CUE_VERBS,
    LIGHT_VERB_NOUNS,
    LIGHT_VERB_PREPS,
    LIGHT_VERBS,
    TEMPORAL_WORDS,
)


def _light_verb(noun: Any) -> Any | None:
    """The light verb a cue noun is the object of ("issued a warning"), or None; "put"
    only with "out" ("put out a statement")."""
    verb = noun.head
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in LIGHT_VERB_NOUNS:
        return None
    if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in LIGHT_VERBS or verb.i > noun.i:
        return None
    if _lemma(verb) == "put" and not any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children
    ):
        return None
    return verb


def _carrying_participle(noun: Any) -> Any | None:
    """ "a statement saying ...", "a statement on Sunday denying ...": the cue participle
    that hangs on the noun and carries its content."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ == "acl"
            and c.tag_ == "VBG"
            and c.i > noun.i
            and _lemma(c) in CLAUSE_CUE_VERBS
            and _child(c, "ccomp") is not None
        ),
        None,
    )


def _that_complement(noun: Any) -> Any | None:
    """The that-clause of a noun: "a warning that the levee could fail"; also where the
    parser read "that" as a relative pronoun of a clause with a subject of its own ("a
    warning that protests would be broken up"), not a real relative ("a warning that was
    ignored")."""
    for c in noun.children:
        if c.i < noun.i or c.dep_ not in ("acl", "ccomp", "appos", "relcl"):
            continue
        first = _subtree(c)[0]
        if first.i != noun.i + 1 or first.lower_ != "that":
            continue
        if first.dep_ == "mark":
            return c
        subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if c.dep_ == "relcl" and len(subjects) >= 2:
            return c
    return None


def _noun_prep_object(noun: Any) -> tuple[Any, Any] | None:
    """(preposition, object) of "a warning about contaminated water", "an appeal for the
    release of ...": not a time ("a statement on Sunday")."""
    for c in noun.children:
        if c.dep_ != "prep" or c.i != noun.i + 1 or c.lower_ not in LIGHT_VERB_PREPS:
            continue
        obj = _child(c, "pobj", "pcomp")
        if obj is None or any(
            t.ent_type_ in ("DATE", "TIME") or t.lower_ in TEMPORAL_WORDS for t in obj.subtree
        ):
            return None
        return c, obj
    return None


def _light_verb_noun(noun: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """light_verb_noun: "The council issued a warning that the levee could fail", "the
    rebels released a statement claiming that ...", "the authority has issued a warning
    about contaminated water": source the light verb's subject, cue from the light verb (with
    its auxiliaries) to the noun, the participle or the preposition, content what follows."""
    verb = _light_verb(noun)
    found = _light_content(noun) if verb is not None else None
    if verb is None or found is None:
        return None
    content, cue_end = found
    subj, refers, _ = _subject(verb)  # "the council, which issued ...": "which"
    if subj is None:
        return None
    text = sent.doc_text
    source = _trimmed(text, _span(_source_phrase(subj)))
    if source is None or _overlaps(source, content):
        source = _trimmed(text, _span(_source_tokens(subj)))
    if source is None or _overlaps(source, content):
        return None
    referent = _trimmed(text, _span(_source_tokens(refers))) if refers is not None else None
    cue = (_cue_words(verb, (verb.idx, verb.idx))[0], cue_end)  # from "has" in "has issued"
    said = _trimmed(text, content)
    direct = _is_direct(said, quotes)
    return _Found(cue, source, said, direct, refers, referent, "light_verb_noun")


def _light_content(noun: Any) -> tuple[tuple[int, int], int] | None:
    """(content, where the cue ends) of a light-verb noun: what its participle says ("a
    statement saying ..."), its that-clause, or its preposition's object."""
    participle = _carrying_participle(noun)
    complement = _that_complement(noun)
    prep = _noun_prep_object(noun)
    if participle is not None:
        said = _content(participle, _lemma(participle)).span
        end = participle.idx + len(participle.text)
    elif complement is not None:
        said, end = _span(_subtree(complement)), noun.idx + len(noun.text)
    elif prep is not None:
        said, end = _span(_subtree(prep[1])), prep[0].idx + len(prep[0].text)
    else:
        return None
    return None if said is None else (said, end)


def _carried_by_light_noun(verb: Any, sent: Any, quotes: list[tuple[int, int]]) -> bool:
    """Whether a cue participle is part of a light-verb cue ("issued a statement saying"),
    which holds it, so that it is not a cue of its own."""
    if verb.dep_ != "acl":
        return False
    participle = _carrying_participle(verb.head)
    return (
        participle is not None
        and participle.i == verb.i
        and _light_verb_noun(verb.head, sent, quotes) is not None
    )
