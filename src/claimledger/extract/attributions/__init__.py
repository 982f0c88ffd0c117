"""Attribution extraction: who a statement is attributed to, the cue, and the content.

First version, from spaCy's dependency parse: speech and belief verbs with their subject
(or passive agent) and clausal complement or quote, "according to X", and "as X reported".
Offsets are into the document text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from claimledger.extract.entities import (
    PersonRegistry,
    canonical_name,
    is_outlet,
    normalise,
    person_name,
)
from claimledger.lexicon import (
    ACTOR_ALIASES,
    ADJECTIVE_CUES,
    ADJECTIVE_PREPS,
    CUE_LEMMAS,
    DEMONYMS,
    DOCUMENT_SOURCE_HEADS,
    FINDING_VERBS,
    NOUN_CUES,
    NOUN_OF_CUES,
    OBJECT_CUE_VERBS,
    PERSON_ROLE_HEADS,
    PREP_CUES,
    RAISING_CUE_VERBS,
    SPEECH_VERBS,
    UNNAMED_SOURCE_HEADS,
    WEAK_SPEECH_VERBS,
    XCOMP_CUE_VERBS,
)
from claimledger.model import Attribution
from claimledger.nlp.parsed import as_sent

_TRIM = " \t\n\r\xa0\u2009\u202f,;:—–-\"“”„«»‘’'"
# Heads of organisation sources; words that are also unnamed-source heads are left out
# (those are checked first: "authorities" and "prosecutors" are unnamed sources).
_ORG_HEADS = frozenset(
    [
        "ministry",
        "army",
        "military",
        "government",
        "police",
        "office",
        "agency",
        "command",
        "council",
        "committee",
        "forces",
        "force",
        "department",
        "service",
        "bank",
        "court",
        "parliament",
        "commission",
        "authority",
        "company",
        "party",
        "group",
        "embassy",
        "administration",
        "cabinet",
        "presidency",
        "staff",
        "headquarters",
        "prosecutor",
        "directorate",
        "regime",
        "coalition",
        "alliance",
        "union",
        "federation",
        "organisation",
        "organization",
        "institute",
        "center",
        "centre",
        "mission",
        "rebels",
        "rebel",
        "monitor",
        "observatory",
        "militia",
    ]
)
# Cues that take an infinitive (the infinitive's own verb is not a second cue), and cues
# whose clausal complement is their content.
_INFINITIVE_CUES = XCOMP_CUE_VERBS | RAISING_CUE_VERBS
_CLAUSE_CUES = SPEECH_VERBS | OBJECT_CUE_VERBS | XCOMP_CUE_VERBS
_CUE_ADVERBS = frozenset(
    "also later previously earlier initially repeatedly once again publicly privately "
    "recently then already never often still further reportedly separately".split()
)
_ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson official minister aide analyst expert economist "
    "researcher professor strategist commissioner representative envoy observer "
    "investigator".split()
)
_ROLE_HEADS = PERSON_ROLE_HEADS | _ROLE_WORDS
_FIRST_SECOND = frozenset(["i", "we", "you"])
_QUOTED_AS = frozenset(["quote", "cite"])
_HEARSAY_ADVERBS = frozenset(["reportedly", "allegedly", "purportedly", "supposedly", "reputedly"])
_BELIEF_VERBS = frozenset(["believe"])
_RELATIVE = frozenset(["who", "that", "which", "whom"])
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "other",
    "it": "other",
    "we": "other",
    "i": "person",
    "you": "other",
}


# Words of labels that open a section, not a speaker ("UPDATE:", "Editor's note:").
_SECTION_LABELS = frozenset(
    """UPDATE UPDATED NOTE WATCH BREAKING NEWS VIDEO VIDEOS EXCLUSIVE LIVE PHOTOS PHOTO READ
    ANALYSIS OPINION EDITORIAL COMMENTARY EDITOR'S EDITOR’S CORRECTION CLARIFICATION Q A
    RELATED MORE SEE ALSO LISTEN AUDIO FACT CHECK DISCLAIMER SOURCE SOURCES WARNING
    ALERT TRANSCRIPT BACKGROUND SUMMARY CONTEXT CONCLUSION QUOTE QUOTES SIDEBAR TIMELINE
    KEY POINTS HIGHLIGHTS DEVELOPING QUESTION ANSWER TOPLINE BOTTOM LINE RESULTS UPDATES
    HEADLINES DETAILS FACTS NOTES LINKS""".split()
)


def _section_label(label: str) -> bool:
    return set(label.upper().split()) <= _SECTION_LABELS


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+,(?: [A-Z][a-z]{2,8}\.? \d{1,2})? (?:\([^)]{1,40}\) )?[-–—]+ "
    # "WASHINGTON — ", "ORLANDO, Fla. (Reuters) - ", "New York (AFP) – ", "Dec 29 (Reuters) - "
    r"|^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*|[A-Z][\w.'’ -]{1,30}?(?:, [A-Z][\w.]+)?"
    r" \((?:AP|AFP|Reuters|UPI|Bloomberg|dpa|Xinhua|TASS|Interfax)\))\s+[-–—]+\s+"
)


def extract_attributions(
    sent: Any,
    doc_id: str,
    offset: int,
    sentence_index: int,
    people: PersonRegistry,
    quotes: list[tuple[int, int]] | None = None,
) -> list[Attribution]:
    """Attributions in one spaCy sentence; ``offset`` is the document offset of its chunk.

    ``quotes`` are the quotation spans of the whole chunk (``quote_spans``), so that a quote
    running over several sentences is paired correctly; computed here when not given.
    """
    sent = as_sent(sent)
    found: list[Attribution] = []
    if quotes is None:
        quotes = quote_spans(sent.doc_text, 0, len(sent.doc_text))
    for tok in sent:
        att = None
        if (
            tok.lower_ == "according"
            and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
        ):
            att = _according_to(tok, sent, quotes)
        elif tok.pos_ in ("VERB", "AUX") and _lemma(tok) in CUE_LEMMAS:
            att = _verb_cue(tok, sent, quotes)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES:
            # in a quote the noun is the quoted speaker's word, not a cue of its own
            att = None if _within(quotes, tok.idx) else _noun_cue(tok, sent, quotes)
        elif tok.pos_ == "ADJ" and tok.lemma_.lower() in ADJECTIVE_CUES:
            att = _adjective_cue(tok, sent, quotes)
        elif tok.lower_ in _HEARSAY_ADVERBS:
            att = _hearsay(tok, sent, quotes)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            att = _in_poll(tok, sent, quotes)
        if att is None and tok.tag_ in ("VBD", "VBZ", "VBN"):
            # any verb after a quote, in the lexicon or not, when nothing else placed it:
            # "“Go back,” Trump barked", "“…,” Sarandon, 69, told MSNBC"
            att = _speaker_after_quote(tok, sent, quotes)
        if att is not None:
            att.content = _without_dateline(sent.doc_text, att.content)
            found.append(_record(att, sent, doc_id, offset, sentence_index, people))
    att = _headline_colon(sent, quotes)
    # not when a cue before the colon introduces what follows ("X said:"); cues after it
    # are nested in what the headline's source says ("Gingrich: Trump Must Decide ...")
    if att is not None and not any(
        a.cue_start is not None and a.cue_start - offset < att.cue[0] for a in found
    ):
        found.append(_record(att, sent, doc_id, offset, sentence_index, people))
    for att in _name_colon_quotes(sent, quotes):
        if not any(a.cue_start == att.cue[0] + offset for a in found):
            found.append(_record(att, sent, doc_id, offset, sentence_index, people))
    return link_nested(found)


def _without_dateline(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    m = _DATELINE.match(text[span[0] : span[1]])
    return (span[0] + m.end(), span[1]) if m else span


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the text inside each quotation, in chunk offsets.

    Straight quotes (and the doubled apostrophes some wires use for them) pair in order of
    appearance; an unclosed quote runs to ``end`` (multi-paragraph quotes leave their
    closing mark off until the last paragraph)."""
    spans = []
    i = start
    while i < end:
        ch = text[i]
        if text.startswith("''", i):
            width, closer = 2, "''"
        elif ch in "“«„" or ch == '"':
            width, closer = 1, {"“": "”", "«": "»", "„": "“"}.get(ch, '"')
        else:
            i += 1
            continue
        j = text.find(closer, i + width, end)
        if ch == "„" and j < 0:
            j = text.find("”", i + 1, end)
        stop = j if j >= 0 else end
        if stop > i + width:
            spans.append((i + width, stop))
        i = stop + width
    return spans


class _Found:
    """Spans of one attribution, in chunk offsets; ``refers`` is the phrase a relative
    pronoun source ("who") stands for, used to name the source."""

    def __init__(
        self,
        cue: tuple[int, int],
        source: tuple[int, int] | None,
        content: tuple[int, int] | None,
        direct: bool,
        head: Any | None,
        refers: tuple[int, int] | None = None,
    ) -> None:
        self.cue, self.source, self.content, self.direct = cue, source, content, direct
        self.head, self.refers = head, refers


def _span(tokens: list[Any]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trimmed(doc_text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    trimmed = _trim(doc_text, span)
    if trimmed is None or span is None:
        return trimmed
    s, e = trimmed
    # 'the talks were "constructive"': keep a closing quote mark whose opening one is kept
    for close, opens in (('"', '"'), ("”", "“")):
        if e < span[1] and doc_text[e] == close and doc_text[s:e].count(opens) % 2 == 1:
            return (s, e + 1) if opens != close or doc_text[s] != close else (s, e)
    return (s, e)


def _trim(doc_text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    s, e = span
    while s < e and doc_text[s] in _TRIM:
        s += 1
    while e > s and (doc_text[e - 1] in _TRIM or (doc_text[e - 1] in ".!?" and e - 1 > s)):
        if doc_text[e - 1] in ".!?" and re.search(
            r"\b[A-Z][a-z]?\.$|\b[A-Z]\.[A-Z]\.$", doc_text[s:e]
        ):
            break  # keep the full stop of "U.S." or "Jr."
        e -= 1
    return (s, e) if e > s else None


# Forms the small model's lemmatizer gets wrong for cue verbs ("hopes" -> "hop").
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


def _lemma(tok: Any) -> str:
    return _LEMMA_FIXES.get(tok.lower_) or str(tok.lemma_).lower()


def _subtree(tok: Any) -> list[Any]:
    return sorted(tok.subtree, key=lambda t: t.i)


_TEMPORAL_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    week month year time weekend morning afternoon evening night day""".split()
)


def _source_phrase(subj: Any) -> list[Any]:
    """The source as written: the subject with its titles, appositions, ages and relative
    clauses ("Khan, who is Muslim"), without what follows that tells the moment rather
    than who: a participle or adjective after a comma ("Rubio, speaking at a rally"), a
    time ("the report on Wednesday", "Trump last week"), "both", "in particular"; and
    never text before a line break (a list number, a headline)."""
    toks = _subtree(subj)
    cut = None
    for c in subj.children:
        if c.i <= subj.i:
            continue
        temporal = c.dep_ in ("advmod", "npadvmod") or (
            c.dep_ == "prep"
            and any(
                t.lower_ in _TEMPORAL_WORDS
                or t.ent_type_ in ("DATE", "TIME")
                or t.lower_ == "particular"
                for t in c.subtree
            )
        )
        first = min(t.i for t in c.subtree)
        # ", speaking at a rally", ", clearly frustrated": the moment, not who
        aside = c.dep_ in ("acl", "amod", "advcl") and subj.doc[first - 1].text == ","
        if temporal or aside:
            cut = first if cut is None else min(cut, first)
    out = [t for t in toks if cut is None or t.i < cut]
    breaks = [t.i for t in out if "\n" in t.text and t.i < subj.i]
    return [t for t in out if not breaks or t.i > breaks[-1]]


def _source_tokens(subj: Any) -> list[Any]:
    """The source phrase (``_source_phrase``) without trailing relative clauses or
    appositions after a comma: the name the canonical source is made from."""
    toks = _source_phrase(subj)
    out = []
    for t in toks:
        if t.i > subj.i and (t.text == "," or (t.dep_ in ("relcl", "acl") and t.head == subj)):
            break
        out.append(t)
    return out


def _child(tok: Any, *deps: str) -> Any | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _according_to(tok: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    to = sent.doc[tok.i + 1]
    pobj = _child(to, "pobj") or _child(tok, "pobj")
    if pobj is None:
        return None
    # "according to a Gallup poll taken last week, ...": up to the comma, modifiers kept
    phrase = _subtree(pobj)
    comma = next((t.i for t in phrase if t.i > pobj.i and t.text == ","), None)
    src = [t for t in phrase if comma is None or t.i < comma]
    phrase_end = src[-1].i + 1
    cue = (tok.idx, to.idx + len(to.text))
    before = [t for t in sent if t.i < tok.i]
    after = [t for t in sent if t.i >= phrase_end]
    content_toks = (
        after
        if len([t for t in after if not t.is_punct]) >= len([t for t in before if not t.is_punct])
        else before
    )
    text = sent.doc_text
    return _Found(
        cue,
        _trimmed(text, _span(src)),
        _trimmed(text, _span(content_toks)),
        _is_direct(_span(content_toks), quotes),
        pobj,
        _trimmed(text, _span(_source_tokens(pobj))),  # the name, without "taken last week"
    )


def _subject(verb: Any) -> tuple[Any | None, Any | None]:
    """(subject token, the token it stands for) of a cue verb: its own subject or passive
    agent; for a relative "who said" the pronoun and its antecedent; for "... and said" or
    "..., saying" the subject of the verb it hangs from."""
    agent = _child(verb, "agent")
    if agent is not None:
        pobj = _child(agent, "pobj")
        if pobj is not None:
            return pobj, pobj
    host = _co_cue_host(verb)
    if host is not None:
        return _subject(host)  # "insisted that ..., claiming that ...": the same speaker
    v = verb
    number = next((c for c in verb.children if c.dep_ == "nummod" and c.i < verb.i), None)
    if _child(verb, "nsubj") is None and number is not None:
        return number, number  # "About 4 in 10 say ...": the parser's number before the verb
    for _ in range(4):
        subj = _child(v, "nsubj")
        if subj is not None:
            if subj.lower_ in _RELATIVE and v.dep_ == "relcl":
                return subj, v.head
            return subj, subj
        if (v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX")) or (
            v.dep_ in ("advcl", "xcomp") and v.tag_ in ("VBG", "VB")
        ):
            v = v.head
        elif v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head
            quoted = _child(v, "nsubjpass")
            if quoted is not None and v.lemma_.lower() in _QUOTED_AS:
                return quoted, quoted  # "the minister was quoted as saying"
        elif v.dep_ == "acl" and v.tag_ == "VBD" and v.head.dep_ == "ROOT" and v is verb:
            # "A ministry press release called the report fabricated": a main verb the
            # parser hung on its subject as a reduced relative (a past tense, not "-ed").
            return v.head, v.head
        elif v.dep_ == "acl" and v.head.lemma_.lower() in DOCUMENT_SOURCE_HEADS:
            v = v.head.head if v.head.dep_ in ("dobj", "pobj") else v.head
            if v.dep_ == "prep":
                v = v.head
        elif v.dep_ == "acomp" and v.head.pos_ in ("VERB", "AUX"):
            v = v.head  # "were more likely to say"
        elif v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
            # "super PACs backing Cruz", "evidence suggesting that ...": the noun it hangs on
            return v.head, v.head
        else:
            return None, None
        if v.pos_ not in ("VERB", "AUX", "ADJ"):
            return None, None
    return None, None


def _without_trailing_phrase(clause: list[Any], verb: Any) -> list[Any]:
    """A content before its verb, without a phrase after the verb that the parser hung on
    it: in "The army lost 40 tanks, officials said, according to Reuters" the last three
    words are not more of what was said. A clause after the verb ("A, he said, and B") is."""
    after = [t for t in clause if t.i > verb.i]
    if after and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "prep" for t in after):
        return [t for t in clause if t.i < verb.i]
    return clause


_SAY_OBJECT = frozenset(["say", "answer", "reply"])
_ASKING = frozenset(["ask", "wonder", "question", "inquire", "query"])


def _content(verb: Any, lemma: str) -> tuple[tuple[int, int] | None, str, int]:
    """The content span the parse gives a cue verb, how it was found, and where the cue
    ends (after a particle or a preposition such as "called for")."""
    cue_end = verb.idx + len(verb.text)
    particle = _child(verb, "prt")
    if particle is not None and particle.i == verb.i + 1:
        cue_end = particle.idx + len(particle.text)
    ccomp = _child(verb, "ccomp")
    is_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if ccomp is not None and not (verb.dep_ == "ccomp" and is_as):
        clause = _subtree(ccomp)
        if ccomp.i < verb.i:
            clause = _without_trailing_phrase(clause, verb)
        return _span(clause), "ccomp", cue_end
    if is_as and verb.dep_ == "advcl":
        own = {t.i for t in verb.subtree}
        clause = verb.head.head if verb.head.dep_ in ("aux", "auxpass") else verb.head
        return _span([t for t in _subtree(clause) if t.i not in own]), "as", cue_end
    if verb.dep_ == "parataxis" and lemma in SPEECH_VERBS and verb.head.i != verb.i:
        own = {t.i for t in verb.subtree}
        clause = [t for t in _subtree(verb.head) if t.i not in own]
        if verb.head.i < verb.i:
            clause = _without_trailing_phrase(clause, verb)
        return _span(clause), "aside", cue_end
    for prep in verb.children:
        if prep.dep_ == "prep" and (lemma, prep.lower_) in PREP_CUES and prep.i > verb.i:
            obj = _child(prep, "pobj", "pcomp")
            if obj is not None and prep.i <= verb.i + 2:
                return _span(_subtree(obj)), "prep", prep.idx + len(prep.text)
        if prep.dep_ in ("advcl", "xcomp") and prep.i > verb.i:
            # "calling for the United States to act", "did not respond to interview
            # requests": the parser made the preposition the clause's "for" or "to"
            first = _subtree(prep)[0]
            if first.i <= verb.i + 2 and (lemma, first.lower_) in PREP_CUES:
                rest = [t for t in _subtree(prep) if t.i > first.i]
                if rest:
                    return _span(rest), "prep", first.idx + len(first.text)
    xcomp = _child(verb, "xcomp")
    passive = _child(verb, "nsubjpass")
    if (
        xcomp is not None
        and xcomp.i > verb.i
        and (
            (lemma in RAISING_CUE_VERBS and _child(verb, "nsubj") is not None)
            or (passive is not None and lemma in CUE_LEMMAS)
        )
    ):
        # "The politician seemed to be shrinking", "more than 250,000 Iowans are expected
        # to attend": no one is cited; the whole clause is what is presented as held.
        subj = _child(verb, "nsubj") or passive
        end = _span(_subtree(xcomp))[1]  # type: ignore[index]
        return (_subtree(subj)[0].idx, end), "raising", cue_end
    if xcomp is not None and lemma in XCOMP_CUE_VERBS and xcomp.i > verb.i:
        dobj = _child(verb, "dobj")
        first = dobj if dobj is not None and dobj.i < xcomp.i else xcomp
        return (_subtree(first)[0].idx, _span(_subtree(xcomp))[1]), "xcomp", cue_end  # type: ignore[index]
    dobj = _child(verb, "dobj")
    subj = _child(verb, "nsubj")
    shown = dobj or _child(verb, "dative")  # "polls show him leading"
    if (
        shown is not None
        and lemma in FINDING_VERBS
        and subj is not None
        and subj.lemma_.lower() in DOCUMENT_SOURCE_HEADS
    ):
        # "A new poll shows Clinton and Sanders in a dead heat": what the data shows.
        first = _subtree(shown)[0].i
        right = [t for t in _subtree(verb) if t.i >= first and not t.is_punct]
        return _span(right), "object", cue_end
    if dobj is not None and lemma in OBJECT_CUE_VERBS and dobj.i > verb.i:
        parts = [
            c
            for c in verb.children
            if c.i >= dobj.i
            and (
                c.dep_ in ("dobj", "oprd", "ccomp")
                or c.lower_ in ("as", "of", "for")
                or (c.lower_ == "at" and lemma in ("estimate", "put"))  # "the toll at 230"
            )
        ]
        end = max(_span(_subtree(c))[1] for c in parts)  # type: ignore[index]
        return (_subtree(dobj)[0].idx, end), "object", cue_end
    if lemma in _SAY_OBJECT:
        # "three-quarters said the same of Sanders", "the candidate said no", "half said so"
        said = next(
            (
                c
                for c in verb.children
                if c.i > verb.i
                and (c.dep_ in ("dobj", "intj") or (c.dep_ == "advmod" and c.lower_ == "so"))
            ),
            None,
        )
        if said is not None:
            parts = [said] + [c for c in verb.children if c.dep_ == "prep" and c.i > said.i]
            end = max(_span(_subtree(c))[1] for c in parts)  # type: ignore[index]
            return (_subtree(said)[0].idx, end), "object", cue_end
    agent = _child(verb, "agent")
    if passive is not None and agent is not None and lemma in _CLAUSE_CUES:
        # "The figures were confirmed by the Red Cross": what was confirmed is the subject.
        return _span(_subtree(passive)), "passive", cue_end
    if lemma in _ASKING:
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
        if asked is not None:  # "asked workers if they planned to"
            return _span(_subtree(asked)), "ccomp", cue_end
    if lemma in SPEECH_VERBS:
        # "Adelson said on Friday during a news conference that he may wait": the parser
        # hung the that-clause on a noun of the verb's own phrases
        mine = {t.i for t in verb.subtree}
        for t in verb.doc[verb.i + 1 : verb.sent.end]:
            if t.i not in mine or (t.pos_ in ("VERB", "AUX") and t.lower_ != "that"):
                break
            if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i:
                return (t.idx, _span(_subtree(t.head))[1]), "ccomp", cue_end  # type: ignore[index]
    return None, "", cue_end


def _verb_cue(verb: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    text = sent.doc_text
    lemma = _lemma(verb)
    if verb.dep_ == "xcomp" and _lemma(verb.head) in _INFINITIVE_CUES:
        return None  # "declined to say whether ...": one cue, "declined", holds it
    if lemma == "cite" and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp"):
        return _citing(verb, sent, quotes)
    subj, refers = _subject(verb)
    if subj is None and lemma in SPEECH_VERBS:
        obj = _child(verb, "dobj")
        if (
            obj is not None
            and obj.i > verb.i
            and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        ):
            subj = refers = obj  # "“...,” added a New Hampshire Democrat": the parser's object
    content, how, cue_end = _content(verb, lemma)
    cue = (verb.idx, cue_end)
    # "X said: "..." " and quotes next to the cue take precedence for direct speech,
    # unless the quote is a phrase inside the clause the verb governs.
    direct = False
    near = _adjacent_quote(quotes, verb, sent)
    if near is not None and (
        content is None
        or (_overlaps(near, content) and not _inside(_trimmed(text, near), _trimmed(text, content)))
    ):
        if lemma in SPEECH_VERBS or content is not None:
            content, direct, how = near, True, "quote"
    elif content is not None:
        direct = _is_direct(content, quotes)
    if content is not None and direct and near is not None and near[1] <= verb.idx:
        content = _continued(text, (min(content[0], near[0]), near[1]), quotes)
    elif content is not None and direct and content[1] <= verb.idx:
        content = _continued(text, content, quotes)
    if content is None:
        return None
    if not direct:
        content = _before_co_cue(verb, content, quotes)
    if how == "ccomp" and lemma not in _CLAUSE_CUES:
        return None
    if lemma in WEAK_SPEECH_VERBS and how in ("aside", "as") and not direct:
        return None
    if lemma in _BELIEF_VERBS and (subj is None or subj.pos_ not in ("NOUN", "PROPN")):
        return None  # "officials believe" is cited; "I believe", "many believe" are not
    if how == "raising":
        subj = refers = None
    elif subj is None and verb.tag_ != "VBN":
        return None
    if _within(quotes, verb.idx) and (
        lemma not in SPEECH_VERBS or (subj is not None and subj.lower_ in _FIRST_SECOND)
    ):
        return None  # "I think", "we want" inside a quote: the quote's speaker's words
    # The source as written keeps its apposition or relative clause ("Dean Baker, an
    # economist at the center,"); the name is the phrase before them, or what "who" means.
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
            return None  # a content around its cue ("A, he said, B") holds its source too
    referent = _trimmed(text, _span(_source_tokens(refers))) if refers is not None else None
    referent = _without_dateline(text, referent)
    cue = _cue_words(verb, cue)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in _QUOTED_AS:
        cue = (_cue_words(verb.head.head, (verb.head.head.idx, 0))[0], cue[1])
    return _Found(cue, source, _trimmed(text, content), direct, refers, referent)


def _co_cue(t: Any) -> bool:
    """A cue verb the parser hung inside another cue's content that is a second act of
    the same speaker: ", claiming that ...", "and said ..." with no subject of its own."""
    if _lemma(t) not in CUE_LEMMAS or t.i == 0:
        return False
    before = t.doc[t.i - 1]
    if t.tag_ == "VBG" and t.dep_ in ("advcl", "conj") and before.text == ",":
        return True
    return (
        t.dep_ == "conj"
        and before.lower_ in ("and", "but")
        and _child(t, "nsubj") is None
        and _lemma(t) in SPEECH_VERBS
    )


def _co_cue_host(t: Any) -> Any | None:
    """The cue whose content a co-cue (``_co_cue``) was hung in, if any."""
    if not _co_cue(t):
        return None
    h = t.head
    for _ in range(4):
        if h.dep_ in ("ccomp", "xcomp", "dobj") and _lemma(h.head) in CUE_LEMMAS:
            return h.head
        if h.dep_ not in ("conj", "advcl", "ccomp", "xcomp") or h.head.i == h.i:
            return None
        h = h.head
    return None


def _before_co_cue(
    verb: Any, content: tuple[int, int], quotes: list[tuple[int, int]]
) -> tuple[int, int]:
    """The content stops before a second cue of the same speaker that the parser hung
    inside it: "insisted that he expanded the party, claiming that turnout rose". That
    participle is an attribution of its own, not part of what was insisted."""
    doc = verb.doc
    for t in doc[verb.i + 1 : verb.sent.end]:
        if t.idx >= content[1]:
            break
        if t.idx > content[0] and not _within(quotes, t.idx) and _co_cue(t):
            return (content[0], doc[t.i - 1].idx)
    return content


_POLL_NOUNS = frozenset(["poll", "survey"])


def _in_poll(prep: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """ "Rubio moved to second in a more recent survey", "In a CBS News poll, 79 percent
    said ...": the standing is what the poll reports. The content is the clause the
    phrase belongs to, without the phrase."""
    poll = _child(prep, "pobj")
    if poll is None or poll.lemma_.lower() not in _POLL_NOUNS or _within(quotes, prep.idx):
        return None
    clause = prep.head  # the verb the phrase belongs to, through a noun or two
    for _ in range(4):
        if clause.pos_ in ("VERB", "AUX"):
            break
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    text = sent.doc_text
    phrase = [t for t in _subtree(prep) if t.i > prep.i]
    comma = next((t.i for t in phrase if t.i > poll.i and t.text == ","), None)
    source = [t for t in phrase if comma is None or t.i < comma]
    own = {t.i for t in _subtree(prep)}
    for c in clause.children:  # "..., although Rubio moved": another clause, not the poll's
        if c.dep_ in ("advcl", "conj", "cc", "parataxis") and prep.i not in {
            t.i for t in c.subtree
        }:
            own |= {t.i for t in c.subtree}
    content = [t for t in _subtree(clause) if t.i not in own]
    while content and content[-1].is_punct:
        content.pop()
    if not content:
        return None
    span = _trimmed(text, _span(content))
    return _Found(
        (prep.idx, prep.idx + len(prep.text)),
        _trimmed(text, _span(source)),
        span,
        _is_direct(span, quotes),
        poll,
    )


def _hearsay(adverb: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """ "The commander was allegedly paid by the smugglers": a claim passed on with no
    source, which is what a checker most needs to see. The content is the whole clause.
    Not when the verb is itself a cue ("reportedly said"): the adverb is part of that cue."""
    verb = adverb.head
    if adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or _lemma(verb) in CUE_LEMMAS:
        return None
    text = sent.doc_text
    content = _trimmed(text, _span(_subtree(verb)))
    if content is None:
        return None
    cue = (adverb.idx, adverb.idx + len(adverb.text))
    return _Found(cue, None, content, _is_direct(content, quotes), None)


def _citing(verb: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """A participle "citing": in "The agency, citing military sources, said ..." the
    sources are the ones cited for what the agency says."""
    cited = _child(verb, "dobj")
    said = verb.head
    if cited is None or _lemma(said) not in SPEECH_VERBS:
        return None
    content, how, _ = _content(said, _lemma(said))
    if content is None or how != "ccomp":
        return None
    text = sent.doc_text
    cue = (verb.idx, verb.idx + len(verb.text))
    source = _trimmed(text, _span(_subtree(cited)))
    return _Found(cue, source, _trimmed(text, content), _is_direct(content, quotes), cited)


def _cue_words(verb: Any, cue: tuple[int, int]) -> tuple[int, int]:
    """The cue with the auxiliaries, negation and adverbs right before its verb ("has
    not said", "also warned") and the "of" of "said of"."""
    start = verb
    for tok in reversed(list(verb.doc[max(0, verb.i - 4) : verb.i])):
        if tok.head.i == verb.i and tok.dep_ in ("aux", "auxpass", "neg", "advmod"):
            if tok.dep_ == "advmod" and tok.lower_ not in _CUE_ADVERBS:
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


def _noun_cue(noun: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """A noun cue with its content: "Trump's suggestion that the room would not support
    him", "fears that the party could split", "her criticism of the deal". The source is
    the possessor, when the noun has one."""
    text = sent.doc_text
    content = None
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in ("acl", "ccomp", "appos", "relcl") and any(
            m.dep_ == "mark" and m.lower_ in ("that", "whether") and m.i == noun.i + 1
            for m in c.children
        ):
            content = _span(_subtree(c))
        elif c.dep_ == "prep" and c.lower_ == "of" and noun.lemma_.lower() in NOUN_OF_CUES:
            obj = _child(c, "pobj", "pcomp")
            if obj is not None:
                content = _span(_subtree(obj))
        if content is not None:
            break
    if content is None:
        return None
    poss = _child(noun, "poss")
    if poss is None and noun.dep_ == "ROOT" and noun.tag_ == "NNS":
        # "The IMF forecasts that ...": a verb the tagger read as a plural noun, its
        # subject as a compound; the name before it is the source.
        names = [c for c in noun.children if c.dep_ == "compound" and c.tag_ == "NNP"]
        if names:
            det = _child(noun, "det")
            first = det if det is not None and det.i < names[0].i else names[0]
            subject = (first.idx, names[-1].idx + len(names[-1].text))
            cue = (noun.idx, noun.idx + len(noun.text))
            return _Found(
                cue, subject, _trimmed(text, content), _is_direct(content, quotes), names[-1]
            )
    source = _trimmed(text, _span(_subtree(poss))) if poss is not None else None
    start = noun  # the cue runs from after the possessor ("'s recent assertion")
    if poss is not None:
        after = max(t.i for t in poss.subtree) + 1
        start = sent.doc[after] if after <= noun.i else noun
    cue = (start.idx, noun.idx + len(noun.text))
    return _Found(cue, source, _trimmed(text, content), _is_direct(content, quotes), poss)


_LINKING_VERBS = frozenset("be seem remain feel appear become sound grow stay".split())


def _adjective_cue(adj: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """ "Officials are confident that the line will hold", "the ministry was critical of
    the deal", "Kyiv is ready to talk": the subject of the linking verb holds the stance."""
    verb = adj.head
    if adj.dep_ != "acomp" or _lemma(verb) not in _LINKING_VERBS:
        return None
    subj = _child(verb, "nsubj")
    if subj is None or subj.lower_ in ("it", "this", "that", "there", "which", "what"):
        return None
    if _within(quotes, adj.idx) and subj.lower_ in _FIRST_SECOND:
        return None
    content = None
    cue_end = adj.idx + len(adj.text)
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.tag_ == "VB"):
            content = _span(_subtree(c))
        elif c.dep_ == "prep" and c.lower_ in ADJECTIVE_PREPS:
            obj = _child(c, "pobj", "pcomp")
            if obj is not None:
                content = _span(_subtree(obj))
                cue_end = c.idx + len(c.text)
        if content is not None:
            break
    if content is None:
        return None
    text = sent.doc_text
    source = _trimmed(text, _span(_subtree(subj)))
    if source is None or _overlaps(source, content):
        return None
    cue = (verb.idx if verb.i < adj.i else adj.idx, cue_end)
    return _Found(cue, source, _trimmed(text, content), _is_direct(content, quotes), subj)


_SPEAKER_TAGS = frozenset(
    ["PROPN", "NOUN", "DET", "ADJ", "PRON", "PUNCT", "NUM", "VERB", "ADP", "CCONJ"]
)


def _speaker_after_quote(verb: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """ "“Go back to Univision,” Trump barked.", "“France will always be France,” an angry
    Hollande retaliated.": a quote ending in a comma, question or exclamation mark, then a
    short noun phrase and a verb. The verb says the quote, whatever verb it is."""
    text = sent.doc_text
    nearest = bisect.bisect_right(quotes, verb.idx, key=lambda q: q[1])  # spans are in order
    for s, e in quotes[nearest - 1 : nearest] if nearest else []:
        closing = re.match(r"[,?!—–-]?\s*[\"”’']+\s*", text[e : verb.idx])
        gap = text[e + closing.end() : verb.idx] if closing else ""
        if closing is None or len(gap.split()) > 14 or re.search(r"[.;:!?\n]", gap):
            return None  # only the nearest quote before the verb, and only just before it
        if not (
            text[s:e].rstrip()[-1:] in (",", "?", "!", "—", "–", "-") or text[e : e + 1] in ",?!"
        ):
            return None
        start = e + closing.end()
        between = [t for t in sent if start <= t.idx < verb.idx]
        comma = next((i for i, t in enumerate(between) if t.text == ","), None)
        # a name and its apposition: "Gene Sperling, a top outside Clinton adviser, said"
        named = (
            comma is not None
            and 1 <= comma <= 4
            and all(t.pos_ == "PROPN" for t in between[:comma])
            and between[-1].text == ","
        )
        if not (1 <= len(between) <= 6 or (named and len(between) <= 14)) or any(
            t.pos_ not in _SPEAKER_TAGS or (t.pos_ == "VERB" and not t.text[:1].isupper())
            for t in between
        ):
            return None
        if between[0].text[:1].islower() and between[0].lower_ not in ("a", "an", "the", "one"):
            return None
        cue_end = verb.idx + len(verb.text)
        particle = _child(verb, "prt")
        if particle is not None and particle.i == verb.i + 1:
            cue_end = particle.idx + len(particle.text)  # "shot back"
        source = _trimmed(text, _span(between))
        content = _continued(text, (s, e), quotes)
        head = next((t for t in reversed(between) if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if head is None and between[-1].text[:1].isupper():
            head = between[-1]  # a name the tagger read as a verb ("Trump shot back")
        if source is None or head is None:
            return None
        return _Found((verb.idx, cue_end), source, _trimmed(text, content), True, head)
    return None


def _continued(text: str, quote: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A quote before its cue ("“A,” she said.") continued by the next quote when that one
    follows the sentence with no cue of its own ("“B.”"): both are what she said."""
    later = [q for q in quotes if q[0] > quote[1]]
    if not later:
        return quote
    nxt = later[0]
    between = text[quote[1] : nxt[0]]
    if len(between) <= 120 and re.fullmatch(r"[,\"”’'\s]+[^.!?\"“”]*,\s*[\"“']+", between):
        return (quote[0], nxt[1])  # "“A,” the governor said, “and B.”": one quote, split
    m = re.search(r"[.!?][\"”’']*\s+[\"“']+$", between)
    if m is None or re.search(r"[.!?]", between[: m.start()]) or len(between) > 120:
        return quote
    inner = text[nxt[0] : nxt[1]].rstrip()
    if not inner or inner[-1] not in ".!?":
        return quote  # "“B,” he added." carries its own cue
    return (quote[0], nxt[1])


def _name_colon_quotes(sent: Any, quotes: list[tuple[int, int]]) -> list[_Found]:
    """ "- Michael P. McDonald: “At long last ...”", "Blumenthal and Cohen: “Data ...”": a
    name, a colon and a quote, inside a sentence as newsletters and roundups write them."""
    text = sent.doc_text
    out = []
    for colon in sent:
        if colon.text != ":":
            continue
        following = bisect.bisect_right(quotes, colon.idx, key=lambda q: q[0])
        quote = quotes[following] if following < len(quotes) else None
        if quote is None or not re.fullmatch(r"\s*[\"“„«]", text[colon.idx + 1 : quote[0]]):
            continue
        name: list[Any] = []
        for t in reversed([t for t in sent if t.i < colon.i]):
            if t.text in ("-", "—", "–", "|") or len(name) == 6:
                break
            if not (t.text[:1].isupper() or t.lower_ in ("and", "&", "of") or t.text == "."):
                name = []
                break
            name.insert(0, t)
        if not name or not any(t.pos_ == "PROPN" for t in name):
            continue
        source = _trimmed(text, _span(name))
        content = _continued(text, quote, quotes)
        if source is not None:
            out.append(
                _Found((colon.idx, colon.idx + 1), source, _trimmed(text, content), True, name[-1])
            )
    return out


def _headline_colon(sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """A headline or lead-in of the form "Kerry: “...”" or "NY Daily News: ...": a short
    name, a colon, then what it says."""
    text = sent.doc_text
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or colon.i == sent.start or colon.i - sent.start > 5:
        return None
    before = [t for t in sent if t.i < colon.i]
    dashes = [i for i, t in enumerate(before) if t.text in ("-", "—", "–", "|")]
    before = before[dashes[-1] + 1 :] if dashes else before  # "MORNING BRIEFING - Kovalenko:"
    after = [t for t in sent if t.i > colon.i and not t.is_space]
    if not after and sent.end < len(sent.doc) and "\n" not in sent.doc[sent.end - 1].whitespace_:
        # the parser ended the sentence at the colon ("Ann Coulter:" | "And Then There
        # Was the One."): what is said is the next sentence, when it is on the same line
        nxt = sent.doc[sent.end].sent
        after = []
        for t in nxt:
            if "\n" in t.text:
                break
            if not t.is_space:
                after.append(t)
    if len(after) < 3 or not all(t.text[:1].isupper() or t.is_punct for t in before):
        return None
    named = any(
        e.label_ in ("PERSON", "ORG", "GPE", "NORP") and e.start < colon.i for e in sent.ents
    )
    # Title-case headlines defeat the recogniser ("Trump: Cruz Has ..."): proper nouns
    # alone before the colon also name a source, and "Poll:" or "Report:" a document one,
    # but not section labels ("UPDATE:", "WATCH:").
    label = text[before[0].idx : colon.idx].strip()
    first_word = next((t for t in after if not t.is_punct), after[0])  # after a quote mark
    named = named or (
        all(t.tag_ in ("NNP", "NNPS") or t.is_punct or t.text.isupper() for t in before)
        and not _section_label(label)
    )
    named = (
        named
        or (
            len(before) == 1
            and before[0].text.istitle()
            and before[0].tag_ in ("NN", "NNS")  # "Sanders:", read as a plural
            and not _section_label(label)
            and first_word.text[:1].isupper()
        )
    )
    named = named or (len(before) == 1 and before[0].lower_ in DOCUMENT_SOURCE_HEADS)
    if not named and not is_outlet(label):
        return None
    content = _trimmed(text, _span(after))
    source = _trimmed(text, _span(before))
    if content is None or source is None:
        return None
    return _Found(
        (colon.idx, colon.idx + 1),
        source,
        content,
        _is_direct(content, quotes),
        before[-1],
    )


def _adjacent_quote(quotes: list[tuple[int, int]], verb: Any, sent: Any) -> tuple[int, int] | None:
    if not quotes:
        return None
    text = sent.doc_text
    cue_s, cue_e = verb.idx, verb.idx + len(verb.text)
    best = None
    for s, e in quotes:
        if e <= cue_s:
            gap = text[e:cue_s]
        elif s >= cue_e:
            gap = text[cue_e:s]
        else:
            continue
        close = len(gap) <= 60 and not re.search(r"[.;!?]", gap.strip(" \"”’',"))
        if close and (best is None or abs(s - cue_s) < abs(best[0] - cue_s)):
            best = (s, e)
    return best


def _is_direct(span: tuple[int, int] | None, quotes: list[tuple[int, int]]) -> bool:
    if span is None:
        return False
    s, e = span
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quotes)
    return inside >= 0.6 * max(1, e - s)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _within(quotes: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies inside a quote; ``quotes`` come from ``quote_spans``, in order
    and never overlapping, so only the last one starting at or before ``at`` can hold it."""
    k = bisect.bisect_right(quotes, at, key=lambda q: q[0])
    return k > 0 and at < quotes[k - 1][1]


def _inside(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def _source_kind(
    source_text: str,
    head: Any | None,
    sent: Any,
    span: tuple[int, int] | None,
    titled: tuple[int, int] | None,
) -> str:
    """The source_kind of a source phrase; ``titled`` is its :func:`_titled_name`."""
    if span is None:
        return "unnamed"
    labels = [e.label_ for e in sent.ents if e.start_char < span[1] and span[0] < e.end_char]
    lemma = head.lemma_.lower() if head is not None else ""
    word = head.lower_ if head is not None else ""
    lower = source_text.lower()
    if lower in _PRONOUNS:
        return _PRONOUNS[lower]
    if word == "media":  # "local media", "state media": outlets, unnamed
        return "outlet"
    if titled is not None:  # "German Chancellor Olaf Scholz"
        return "person"
    if is_outlet(source_text) or any(
        is_outlet(e.text) for e in sent.ents if e.start_char >= span[0] and e.end_char <= span[1]
    ):
        return "outlet"
    if "PERSON" in labels:
        return "person"
    if (
        head is not None
        and (lemma in _ROLE_HEADS or head.ent_type_ == "NORP")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
    ):
        # "a diplomat", "a Red Cross spokeswoman", "another New Hampshire Democrat": one
        # person the document does not name
        return "unnamed"
    if lemma in DOCUMENT_SOURCE_HEADS:
        return "document"
    if lemma in PERSON_ROLE_HEADS and head is not None and head.tag_ in ("NN", "NNP"):
        return "person"
    if lemma in UNNAMED_SOURCE_HEADS or word in UNNAMED_SOURCE_HEADS:
        return "unnamed"
    if (
        any(label in ("ORG", "GPE", "NORP") for label in labels)
        or lemma in _ORG_HEADS
        or normalise(source_text).lower() in ACTOR_ALIASES
    ):
        return "organization"
    return "other"


def _titled_name(sent: Any, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The name after a person's title when the tagger missed the person: "German
    Chancellor Olaf Scholz" gives "Olaf Scholz" (the small model tags it ORG)."""
    if span is None:
        return None
    toks = [t for t in sent if span[0] <= t.idx < span[1]]
    for k, tok in enumerate(toks[:-1]):
        if tok.lemma_.lower() not in PERSON_ROLE_HEADS or tok.tag_ != "NNP":
            continue
        name = []
        for t in toks[k + 1 :]:
            if t.tag_ != "NNP" or t.ent_type_ in ("GPE", "NORP"):
                break
            name.append(t)
        if (
            name
            and name[-1].dep_ in ("nsubj", "nsubjpass", "pobj", "appos", "conj")
            and (any(t.ent_type_ in ("PERSON", "ORG") for t in name))
        ):
            return (name[0].idx, name[-1].idx + len(name[-1].text))
    return None


def _canonical(
    source_text: str,
    kind: str,
    sent: Any,
    span: tuple[int, int],
    titled: tuple[int, int] | None,
    people: PersonRegistry,
) -> str:
    lower = source_text.lower()
    if lower in ("he", "she") and (people.last_source or people.last()):
        return people.last_source or people.last() or source_text
    inside = [e for e in sent.ents if e.start_char >= span[0] and e.end_char <= span[1]]
    if kind == "person":
        person = next((e for e in inside if e.label_ == "PERSON"), None)
        if person is not None:
            return people.resolve(person_name(person))
        text = sent.doc_text
        return people.resolve(text[titled[0] : titled[1]] if titled else source_text)
    if kind == "outlet":
        outlet = next((e for e in inside if is_outlet(e.text)), None)
        return canonical_name(outlet.text if outlet is not None else source_text)
    if kind == "organization" and len(inside) == 1 and inside[0].text == normalise(source_text):
        return canonical_name(inside[0].text, inside[0].label_)
    return canonical_name(source_text)


def _record(
    found: _Found, sent: Any, doc_id: str, offset: int, sentence_index: int, people: PersonRegistry
) -> Attribution:
    text = sent.doc_text
    src_text = text[found.source[0] : found.source[1]] if found.source else None
    named = found.refers or found.source  # "who" is named by the phrase it stands for
    name = text[named[0] : named[1]] if named else None
    titled = _titled_name(sent, named)
    kind = _source_kind(name or "", found.head, sent, named, titled)
    if kind in ("organization", "other") and name and people.known(name):
        kind = "person"
    canonical = _canonical(name, kind, sent, named, titled, people) if name and named else None
    role = affiliation = None
    if found.source is not None and kind != "outlet":
        relative = text[found.source[0] : found.source[1]].lower() in _RELATIVE
        whole = named if relative else found.source
        role, affiliation = _role_affiliation(sent, whole or found.source)
    if affiliation and normalise(affiliation).lower() in (
        normalise(canonical or "").lower(),
        normalise(name or "").lower(),
    ):
        affiliation = None  # "the foreign ministry" is not affiliated with itself
    if kind == "person" and canonical:
        has_name = titled is not None or any(
            e.label_ == "PERSON" and named and _overlaps((e.start_char, e.end_char), named)
            for e in sent.ents
        )
        definite = name is not None and name.split()[0].lower() not in ("a", "an", "one")
        if not has_name and role and definite and name and name.lower() not in _PRONOUNS:
            match = people.by_role(role)  # "the minister", "the defence minister"
            if match is not None:
                canonical, role = match, None  # the role the document gave that person
        elif has_name and (role or affiliation):
            people.describe(canonical, role, affiliation)
        known_role, known_affiliation = people.role_of(canonical)
        role, affiliation = role or known_role, affiliation or known_affiliation
        if definite and name and name.lower() not in _PRONOUNS:
            people.last_source = canonical
    if kind not in ("person", "unnamed"):
        role = None  # an organisation is not a role
    parts = [p for p in (found.cue, found.source, found.content) if p is not None]
    start, end = min(p[0] for p in parts), max(p[1] for p in parts)

    def at(p: tuple[int, int] | None, i: int) -> int | None:
        return None if p is None else p[i] + offset

    return Attribution(
        doc_id=doc_id,
        start=start + offset,
        end=end + offset,
        text=text[start:end],
        attributed_to=src_text,
        attributed_to_canonical=canonical,
        source_kind=kind,
        cue=text[found.cue[0] : found.cue[1]],
        content=text[found.content[0] : found.content[1]] if found.content else None,
        source_start=at(found.source, 0),
        source_end=at(found.source, 1),
        cue_start=at(found.cue, 0),
        cue_end=at(found.cue, 1),
        content_start=at(found.content, 0),
        content_end=at(found.content, 1),
        direct=found.direct,
        sentence_index=sentence_index,
        source_role=role,
        source_affiliation=affiliation,
    )


def _role_affiliation(sent: Any, span: tuple[int, int]) -> tuple[str | None, str | None]:
    """The role and affiliation a source phrase gives, before or after the name:
    "Ukrainian Defence Minister Rustem Umerov", "Dmitry Peskov, the Kremlin spokesman",
    "a spokesman for the Russian Defence Ministry"."""
    text = sent.doc_text
    toks = [t for t in sent if span[0] <= t.idx < span[1]]
    ents = [e for e in sent.ents if span[0] <= e.start_char and e.end_char <= span[1]]
    in_ent = {i: e for e in ents for i in range(e.start, e.end)}
    role = affiliation = None
    words = [  # names are not role words; "foreign ministry" (tagged ORG, lower case) is
        t
        for t in toks
        if t.i not in in_ent
        or in_ent[t.i].label_ not in ("PERSON", "NORP", "GPE", "ORG")
        or (in_ent[t.i].label_ == "ORG" and t.is_lower)
    ]
    heads = [t for t in words if t.lemma_.lower() in _ROLE_HEADS]
    if not heads:  # "Olena Kovalenko, a police investigator": the apposition's noun
        heads = [t for t in words if t.dep_ == "appos" and t.tag_ in ("NN", "NNS")]
    head = heads[0] if heads else None
    if head is None and toks and toks[-1].ent_type_ == "NORP":
        # "another New Hampshire Democrat": the party is what the person speaks for
        return None, canonical_name(toks[-1].text, "NORP")
    # The body a person speaks for: a name before the role ("Ukrainian", "Hamas official"),
    # or after it with of/for/at ("a spokesman for the ministry"); not a place they are in.
    body = next(
        (
            e
            for e in ents
            if e.label_ in ("NORP", "GPE", "ORG") and (head is None or e.start <= head.i)
        ),
        None,
    )
    if body is not None:
        affiliation = DEMONYMS.get(normalise(body.text).lower()) or canonical_name(
            body.text, body.label_
        )
    if head is not None:
        first = head
        for t in reversed([w for w in words if w.i < head.i]):
            if t.i != first.i - 1 or t.dep_ not in ("compound", "amod", "nmod") or t.is_punct:
                break
            if t.lower_ in DEMONYMS:
                break
            first = t
        last = head
        doc = head.doc
        while (  # "Secretary-General"
            last.i + 2 < len(doc)
            and doc[last.i + 1].text == "-"
            and not doc[last.i].whitespace_
            and not doc[last.i + 1].whitespace_
            and doc[last.i + 2].idx < span[1]
        ):
            last = doc[last.i + 2]
        role = text[first.idx : last.idx + len(last.text)]
        if affiliation is None:
            of = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")]
            obj = _child(of[0], "pobj") if of else None
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):  # not "a mother of four"
                inner = [t for t in _subtree(obj) if t.dep_ != "det" and not t.is_punct]
                affiliation = normalise(text[inner[0].idx : inner[-1].idx + len(inner[-1].text)])
                named = next((e for e in ents if e.start <= obj.i < e.end), None)
                if named is not None and named.label_ in ("ORG", "GPE", "NORP"):
                    affiliation = canonical_name(named.text, named.label_)
    return role, affiliation


def link_nested(found: list[Attribution]) -> list[Attribution]:
    """Mark an attribution whose cue lies inside another's content as nested in it (the first
    such one, in order). Runs per sentence and again over the whole document, where a quote
    runs over several sentences. Two contents can hold each other's cues ("“A,” Sanders
    said, according to CNN"): the later cue is then the outer one, so no chain loops."""
    starts = sorted((a.cue_start, i) for i, a in enumerate(found) if a.cue_start is not None)
    keys = [start for start, _ in starts]
    parent: dict[int, int] = {}
    for j, p in enumerate(found):
        if p.content_start is None or p.content_end is None:
            continue
        lo = bisect.bisect_left(keys, p.content_start)
        hi = bisect.bisect_left(keys, p.content_end)
        for _, i in starts[lo:hi]:
            if i != j and i not in parent:
                parent[i] = j
    for i in list(parent):
        chain, k = [i], parent.get(i)
        while k is not None and k not in chain:
            chain.append(k)
            k = parent.get(k)
        if k is not None:  # a loop: its latest cue is outermost
            loop = chain[chain.index(k) :]
            parent.pop(max(loop, key=lambda m: found[m].cue_start or 0), None)
    return [
        replace(a, parent_start=found[parent[i]].cue_start) if i in parent else a
        for i, a in enumerate(found)
    ]
