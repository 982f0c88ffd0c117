"""Attribution extraction: who a statement is attributed to, the cue, and the content.

From spaCy's dependency parse, one module per idea: ``cues`` (according to, as per, polls,
hearsay adverbs, noun and adjective cues, a speaker after a quote), ``verbs`` (cue verbs and
"citing"), ``light`` (light-verb cues: "issued a warning that"), ``content`` (the content
rules of a cue verb, tried in order), ``source`` (the source phrase, its kind, canonical
name, role and affiliation), ``quotes``, ``headlines`` (headline colons, "Name: “...”"
lines, datelines), ``cocues`` (second cues of the same speaker), ``nesting`` (parent links),
``resolve`` (sources resolved from the rest of the document: pronouns, "the newspaper",
a poll's share, "figures released by X") and ``record`` (the Attribution record). Every
attribution names the rule that found it (``Attribution.rule``). Offsets are into the document text.
"""

from __future__ import annotations

from typing import Any

from claimledger.extract.attributions.content import _is_as
from claimledger.extract.attributions.cues import (
    _according_to,
    _adjective_cue,
    _hearsay,
    _in_poll,
    _noun_cue,
    _speaker_after_quote,
)
from claimledger.extract.attributions.headlines import (
    _headline_colon,
    _name_colon_quotes,
    _without_dateline,
)
from claimledger.extract.attributions.light import _carried_by_light_noun, _light_verb_noun
from claimledger.extract.attributions.nesting import link_nested
from claimledger.extract.attributions.quotes import _within, quote_spans
from claimledger.extract.attributions.record import _record
from claimledger.extract.attributions.resolve import (
    first_person,
    note_roles,
    remember_sentence,
)
from claimledger.extract.attributions.spans import _Found, _lemma
from claimledger.extract.attributions.verbs import _verb_cue
from claimledger.extract.entities import PersonRegistry
from claimledger.lexicon import (
    ADJECTIVE_CUES,
    AS_ONLY_CUE_VERBS,
    CUE_LEMMAS,
    HEARSAY_ADVERBS,
    LIGHT_VERB_NOUNS,
    NOUN_CUES,
)
from claimledger.model import Attribution
from claimledger.nlp.parsed import as_sent

__all__ = ["PersonRegistry", "extract_attributions", "link_nested", "quote_spans"]


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
    note_roles(sent, people)
    for tok in sent:
        att = _token_cue(tok, sent, quotes)
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
    remember_sentence(sent, people, sentence_index)
    linked = link_nested(found)
    quoted = [
        a.source_start is not None and _within(quotes, a.source_start - offset) for a in linked
    ]
    return first_person(linked, people, quoted)


def _token_cue(tok: Any, sent: Any, quotes: list[tuple[int, int]]) -> _Found | None:
    """The attribution a token cues, by the first of the token rules that applies to it:
    "according to" or "as per", a cue verb, a light-verb noun or a noun cue, a stance
    adjective, a hearsay adverb, "in a poll"; then, for a finite verb nothing else placed,
    a speaker after a quote."""
    att = None
    nxt = sent.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
    if (tok.lower_, nxt) in (("according", "to"), ("as", "per")):
        att = _according_to(tok, sent, quotes)
    elif tok.pos_ in ("VERB", "AUX") and (
        _lemma(tok) in CUE_LEMMAS or (_lemma(tok) in AS_ONLY_CUE_VERBS and _is_as(tok))
    ):
        # "issued a statement saying ...": the participle belongs to the light-verb cue
        att = None if _carried_by_light_noun(tok, sent, quotes) else _verb_cue(tok, sent, quotes)
    elif tok.pos_ == "NOUN" and tok.lemma_.lower() in LIGHT_VERB_NOUNS:
        # in a quote the noun is the quoted speaker's word, not a cue of its own
        if not _within(quotes, tok.idx):
            att = _light_verb_noun(tok, sent, quotes)
            if att is None and tok.lemma_.lower() in NOUN_CUES:
                att = _noun_cue(tok, sent, quotes)
    elif tok.pos_ == "ADJ" and tok.lemma_.lower() in ADJECTIVE_CUES:
        att = _adjective_cue(tok, sent, quotes)
    elif tok.lower_ in HEARSAY_ADVERBS:
        att = _hearsay(tok, sent, quotes)
    elif tok.lower_ == "in" and tok.dep_ == "prep":
        att = _in_poll(tok, sent, quotes)
    if att is None and tok.tag_ in ("VBD", "VBZ", "VBN"):
        # any verb after a quote, in the lexicon or not, when nothing else placed it:
        # "“Go back,” Trump barked", "“…,” Sarandon, 69, told MSNBC"
        att = _speaker_after_quote(tok, sent, quotes)
    return att
