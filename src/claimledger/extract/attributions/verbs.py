"""Verb cues: a speech, belief or stance verb with its source and content ("officials
said that ...", "“...,” she said", "was quoted as saying"), and "citing X"."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attributions.cocues import _before_co_cue
from claimledger.extract.attributions.content import _Content, _content, _is_as
from claimledger.extract.attributions.headlines import _without_dateline
from claimledger.extract.attributions.quotes import _adjacent_quote, _continued, _is_direct, _within
from claimledger.extract.attributions.source import _source_phrase, _source_tokens, _subject
from claimledger.extract.attributions.spans import (
    _child,
    _Found,
    _inside,
    _lemma,
    _overlaps,
    _span,
    _subtree,
    _trimmed,
)
from claimledger.lexicon import (
    BELIEF_VERBS,
    CLAUSE_CUE_VERBS,
    CUE_ADVERBS,
    FIRST_SECOND_PERSON,
    INFINITIVE_CUE_VERBS,
    QUOTED_AS_VERBS,
    SPEECH_VERBS,
    TEMPORAL_WORDS,
    WEAK_SPEECH_VERBS,
)

# How a subject was found that names the rule better than its content does, and the rule.
_SUBJECT_RULES = {
    "second_cue_same_speaker": "second_cue_same_speaker",
    "quoted_as_saying": "quoted_as_saying",
    "participle_on_noun": "participle_on_noun",
    "relative": "relative_clause",  # "the ministry, which reported that ...": "which"
}


def _verb_cue(verb: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """A cue verb with its source and content: the content from the parse (``_content``'s
    rules) or a quote next to the verb, the source from its subject (``_subject``)."""
    text = sent.doc_text
    lemma = _lemma(verb)
    if verb.dep_ == "xcomp" and _lemma(verb.head) in INFINITIVE_CUE_VERBS:
        return None  # "declined to say whether ...": one cue, "declined", holds it
    if lemma == "cite" and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp"):
        return _citing(verb, sent, quotes)
    subj, refers, route = _verb_subject(verb, lemma)
    parsed = _content(verb, lemma)
    said = _said(verb, sent, quotes, lemma, parsed)
    if said is None:
        return None
    content, direct, how, rule = said
    if not direct:
        content = _before_co_cue(verb, content, quotes)
        content = _within_relative(verb, content)
    if _not_this_cue(lemma, how, direct, subj, route):
        return None
    if how == "raising":
        subj = refers = None
    elif subj is None and verb.tag_ != "VBN":
        return None
    if _within(quotes, verb.idx) and (
        lemma not in SPEECH_VERBS or (subj is not None and subj.lower_ in FIRST_SECOND_PERSON)
    ):
        return None  # "I think", "we want" inside a quote: the quote's speaker's words
    cue = (verb.idx, parsed.cue_end)
    kept, source = _verb_source(text, subj, cue, content, direct, quotes)
    if not kept:
        return None
    referent = _trimmed(text, _span(_source_tokens(refers))) if refers is not None else None
    referent = _without_dateline(text, referent)
    rule = _SUBJECT_RULES.get(route, rule)
    cue = _verb_cue_words(verb, cue)
    return _Found(cue, source, _trimmed(text, content), direct, refers, referent, rule)


def _verb_subject(verb: Any, lemma: str) -> tuple[Any | None, Any | None, str]:
    """The subject of a cue verb (``_subject``), or for a speech verb without one the
    object the parser read in its place: "“...,” added a New Hampshire Democrat"; for "as
    reported in the Orsk Courier" the publication."""
    subj, refers, route = _subject(verb)
    if subj is None and _is_as(verb):
        where = _as_reported_in(verb)
        if where is not None:
            return where, where, "agent"
    if subj is None and lemma in SPEECH_VERBS:
        obj = _child(verb, "dobj")
        if (
            obj is not None
            and obj.i > verb.i
            and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        ):
            return obj, obj, "inverted_subject"
    return subj, refers, route


def _as_reported_in(verb: Any) -> Any | None:
    """The publication of "as reported in the Orsk Courier" (also "on its website"): the
    object of the verb's "in" or "on", unless it is a time ("as reported on Monday")."""
    for prep in verb.children:
        obj = _child(prep, "pobj") if prep.dep_ == "prep" and prep.lower_ in ("in", "on") else None
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(
            t.ent_type_ in ("DATE", "TIME") or t.lower_ in TEMPORAL_WORDS for t in obj.subtree
        ):
            return obj
    return None


def _said(
    verb: Any, sent: Any, quotes: list[tuple[int, int]], lemma: str, parsed: _Content
) -> tuple[tuple[int, int], bool, str, str] | None:
    """(content, direct, how, rule) of a cue verb. "X said: “...”" and quotes next to the
    cue take precedence for direct speech (rules quote_then_verb, “...,” she said, and
    verb_then_quote, she said: “...”), unless the quote is a phrase inside the clause the
    verb governs, or is that clause (then named the same way); a quote before its cue runs
    on into the next one (``_continued``)."""
    text = sent.doc_text
    content, how, rule = parsed.span, parsed.how, parsed.rule
    direct = False
    near = _adjacent_quote(quotes, verb, sent)
    if near is not None and (
        content is None
        or (_overlaps(near, content) and not _inside(_trimmed(text, near), _trimmed(text, content)))
    ):
        if lemma in SPEECH_VERBS or content is not None:
            content, direct, how = near, True, "quote"
            rule = "quote_then_verb" if near[1] <= verb.idx else "verb_then_quote"
    elif content is not None:
        direct = _is_direct(content, quotes)
        if direct and how == "ccomp":  # the parser made the quote the verb's clause
            rule = "quote_then_verb" if content[1] <= verb.idx else "verb_then_quote"
    if content is not None and direct and near is not None and near[1] <= verb.idx:
        content = _continued(text, (min(content[0], near[0]), near[1]), quotes)
    elif content is not None and direct and content[1] <= verb.idx:
        content = _continued(text, content, quotes)
    if content is None:
        return None
    return content, direct, how, rule


def _within_relative(verb: Any, content: tuple[int, int]) -> tuple[int, int]:
    """The content of a cue in a relative clause set off by commas ends where that clause
    does, where the parser hung the main verb on it as a bare conjunct: in "The ministry,
    whose spokesman said the bridge had collapsed, asked for calm", not "asked for calm"."""
    first = _subtree(verb)[0].i
    if verb.dep_ != "relcl" or first == 0 or verb.doc[first - 1].text != ",":
        return content
    for tok in _subtree(verb):
        if (
            content[0] < tok.idx < content[1]
            and tok.dep_ == "conj"
            and tok.pos_ in ("VERB", "AUX")
            and tok.doc[tok.i - 1].text == ","
            and not any(c.dep_ in ("cc", "conj", "nsubj", "nsubjpass") for c in tok.children)
        ):
            return (content[0], tok.doc[tok.i - 1].idx)
    return content


def _not_this_cue(lemma: str, how: str, direct: bool, subj: Any | None, route: str) -> bool:
    """Cue verbs that do not attribute what they were found with: a clause of a verb that
    takes none, a weak verb in an aside ("he thinks", "as expected") unless an agent says
    who ("as shown by satellite images"), a belief of no one named ("I believe", "many
    believe"; "officials believe" is cited)."""
    if how == "ccomp" and lemma not in CLAUSE_CUE_VERBS:
        return True
    weak = how == "aside" or (how == "as" and route != "agent")
    if lemma in WEAK_SPEECH_VERBS and weak and not direct:
        return True
    return lemma in BELIEF_VERBS and (subj is None or subj.pos_ not in ("NOUN", "PROPN"))


def _verb_source(
    text: str,
    subj: Any | None,
    cue: tuple[int, int],
    content: tuple[int, int],
    direct: bool,
    quotes: list[tuple[int, int]],
) -> tuple[bool, tuple[int, int] | None]:
    """(whether the cue stands, the source as written). The source keeps its apposition or
    relative clause ("Dean Baker, an economist at the center,") unless that runs into the
    content; a content around its cue ("A, he said, B") that holds the source rejects it."""
    source = _trimmed(text, _span(_source_phrase(subj))) if subj is not None else None
    source = _without_dateline(text, source)
    between_quotes = (
        direct
        and source is not None
        and _inside(cue, content)
        and not any(_overlaps(source, q) for q in quotes)
    )  # "“A,” said Alicia Bannon, senior counsel at the center. “B.”": all of it
    if source is not None and _overlaps(source, content) and not between_quotes:
        source = _trimmed(text, _span(_source_tokens(subj)))
        if source is not None and _overlaps(source, content) and not _inside(cue, content):
            return False, None
    return True, source


def _verb_cue_words(verb: Any, cue: tuple[int, int]) -> tuple[int, int]:
    """The cue's words (``_cue_words``), from "was quoted" in "was quoted as saying"."""
    cue = _cue_words(verb, cue)
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "as"
        and verb.head.head.lemma_ in QUOTED_AS_VERBS
    ):
        cue = (_cue_words(verb.head.head, (verb.head.head.idx, 0))[0], cue[1])
    return cue


def _citing(verb: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """A participle "citing": in "The agency, citing military sources, said ..." the
    sources are the ones cited for what the agency says."""
    cited = _child(verb, "dobj")
    said = verb.head
    if cited is None or _lemma(said) not in SPEECH_VERBS:
        return None
    content, how, _, _ = _content(said, _lemma(said))
    if content is None or how != "ccomp":
        return None
    text = sent.doc_text
    cue = (verb.idx, verb.idx + len(verb.text))
    source = _trimmed(text, _span(_subtree(cited)))
    return _Found(
        cue, source, _trimmed(text, content), _is_direct(content, quotes), cited, rule="citing"
    )


def _cue_words(verb: Any, cue: tuple[int, int]) -> tuple[int, int]:
    """The cue with the auxiliaries, negation and adverbs right before its verb ("has
    not said", "also warned") and the "of" of "said of"."""
    start = verb
    for tok in reversed(list(verb.doc[max(0, verb.i - 4) : verb.i])):
        if tok.head.i == verb.i and tok.dep_ in ("aux", "auxpass", "neg", "advmod"):
            if tok.dep_ == "advmod" and tok.lower_ not in CUE_ADVERBS:
                break
            start = tok
        else:
            break
    end = cue[1]
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        nxt is not None
        and nxt.lower_ == "of"
        and nxt.head.i == verb.i
        and end == verb.idx + len(verb.text)
    ):
        end = nxt.idx + len(nxt.text)
    return (start.idx, end)
