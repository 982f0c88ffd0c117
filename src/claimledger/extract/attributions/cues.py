"""Cues that are not a cue verb's own: "according to X" and "as per X", a poll ("in a
recent survey"), hearsay adverbs, noun cues ("the claim that"), stance adjectives
("confident that"), and any verb just after a quote ("“Go back,” Trump barked")."""

from __future__ import annotations

import bisect
import re
from typing import Any

from claimledger.extract.attributions.quotes import _continued, _is_direct, _within
from claimledger.extract.attributions.source import _source_tokens
from claimledger.extract.attributions.spans import (
    _child,
    _Found,
    _lemma,
    _overlaps,
    _span,
    _subtree,
    _trimmed,
)
from claimledger.lexicon import (
    ADJECTIVE_PREPS,
    CUE_LEMMAS,
    FIRST_SECOND_PERSON,
    LINKING_VERBS,
    NOUN_OF_CUES,
    POLL_NOUNS,
)


def _according_to(tok: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """according_to, as_per: "according to X" or "as per X", before or after what X says;
    the content is the longer side."""
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
    # "..., according to the relief office, which said ...": the clause on the source is not
    # what it is cited for
    own = {
        t.i
        for c in pobj.children
        if c.dep_ in ("relcl", "acl", "appos") and c.i >= phrase_end
        for t in c.subtree
    }
    after = [t for t in sent if t.i >= phrase_end and t.i not in own]
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
        rule="as_per" if tok.lower_ == "as" else "according_to",
    )


def _in_poll(prep: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """ "Rubio moved to second in a more recent survey", "In a CBS News poll, 79 percent
    said ...": the standing is what the poll reports. The content is the clause the
    phrase belongs to, without the phrase."""
    poll = _child(prep, "pobj")
    if poll is None or poll.lemma_.lower() not in POLL_NOUNS or _within(quotes, prep.idx):
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
        rule="poll_survey",
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
    return _Found(cue, None, content, _is_direct(content, quotes), None, rule="hearsay_adverb")


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
            direct = _is_direct(content, quotes)
            return _Found(
                cue, subject, _trimmed(text, content), direct, names[-1], rule="noun_read_as_verb"
            )
    source = _trimmed(text, _span(_subtree(poss))) if poss is not None else None
    start = noun  # the cue runs from after the possessor ("'s recent assertion")
    if poss is not None:
        after = max(t.i for t in poss.subtree) + 1
        start = sent.doc[after] if after <= noun.i else noun
    cue = (start.idx, noun.idx + len(noun.text))
    direct = _is_direct(content, quotes)
    return _Found(cue, source, _trimmed(text, content), direct, poss, rule="noun_cue")


def _adjective_cue(adj: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """ "Officials are confident that the line will hold", "the ministry was critical of
    the deal", "Kyiv is ready to talk": the subject of the linking verb holds the stance."""
    verb = adj.head
    if adj.dep_ != "acomp" or _lemma(verb) not in LINKING_VERBS:
        return None
    subj = _child(verb, "nsubj")
    if subj is None or subj.lower_ in ("it", "this", "that", "there", "which", "what"):
        return None
    if _within(quotes, adj.idx) and subj.lower_ in FIRST_SECOND_PERSON:
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
    direct = _is_direct(content, quotes)
    return _Found(cue, source, _trimmed(text, content), direct, subj, rule="adjective_stance")


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
        said = _trimmed(text, content)
        return _Found((verb.idx, cue_end), source, said, True, head, rule="speaker_after_quote")
    return None
