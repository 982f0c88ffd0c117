"""Sources a reader resolves at once from the rest of the document (issue 22), each a named
rule of its own; a source none of them resolves is left unattributed, never guessed.

- ``pronoun``: "he", "she" are the person last cited (or named); "it", "its" the
  organisation last named in the sentence before it or the two before that; "they" a group
  cited as a source in the same or the previous sentence; "I" and "we" the speaker whose
  quote holds them ("I" outside quotes: the document's author, from its metadata); "you"
  no one. An unresolved pronoun has no canonical name and kind ``unnamed``.
- ``poll_share``: "75 percent of all voters", "a majority of respondents", "two-thirds of
  Republicans" are what a poll found, not a source: the source is the poll when the sentence
  or the one before names who ran it ("a Gallup poll", "a survey conducted by X"), kind
  ``document``; else no canonical name, kind ``unnamed``.
- ``own_outlet``: "the newspaper", "the daily", "this newspaper", "the broadcaster" are the
  outlet the document last named, else its own outlet (``Document.outlet``), kind ``outlet``;
  with neither, unattributed. "The Herald" is the document's own outlet when it is a short
  form of its name. "The agency" only when that outlet is a news agency and no organisation
  named an agency came before; "the paper" not after a study or report was cited.
- ``issuer``: "figures released by X", "a report by X", "according to data from X", "a
  Gallup poll": the canonical source is X, kind ``document`` (X is its affiliation too).

Role nouns ("the candidate", "the minister") are resolved in ``record`` against the roles the
document gave people (``note_roles`` reads them from appositions and titles here); one no
name resolves stays the role itself ("the governor", kind ``person`` as before: a definite
person the document does not name), never another person.

Every span stays the text as written (``attributed_to`` is ``text[source_start:source_end]``);
what resolves it is ``attributed_to_canonical`` and ``source_kind``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from claimledger.extract.attributions.spans import _child, _subtree
from claimledger.extract.entities import (
    PersonRegistry,
    canonical_name,
    is_outlet,
    normalise,
    person_name,
)
from claimledger.lexicon import (
    DOCUMENT_SOURCE_HEADS,
    ISSUING_VERBS,
    OWN_OUTLET_NOUNS,
    PERSON_ROLE_HEADS,
    POLL_NOUNS,
    POLL_SHARE_WORDS,
    ROLE_HEADS,
)
from claimledger.model import Attribution

Resolved = tuple[str | None, str]  # (canonical name or None, source kind)

PERSON_PRONOUNS = frozenset(["he", "she", "him", "his", "her"])
ORG_PRONOUNS = frozenset(["it", "its"])
GROUP_PRONOUNS = frozenset(["they", "them", "their"])
FIRST_SINGULAR = frozenset(["i", "me", "my"])
FIRST_PLURAL = frozenset(["we", "us", "our"])
PRONOUNS = PERSON_PRONOUNS | ORG_PRONOUNS | GROUP_PRONOUNS | FIRST_SINGULAR | FIRST_PLURAL | {"you"}
UNRESOLVED: Resolved = (None, "unnamed")

# words before a poll's share that are not part of what it counts
_SHARE_LEAD = frozenset(
    "about nearly just only another roughly almost over some around fully a an the more "
    "less fewer than under close to barely slightly".split()
)
_NEWS_AGENCY = re.compile(r"\b(?:agency|agence|press|wire|reuters|afp|ap|upi)\b", re.IGNORECASE)


def resolve_source(
    name: str, sent: Any, named: tuple[int, int], people: PersonRegistry, sentence_index: int
) -> Resolved | None:
    """(canonical, kind) of a source phrase one of the rules above resolves or leaves
    unattributed; None when none of them applies (the phrase names its source itself)."""
    lower = name.lower()
    toks = [t for t in sent if named[0] <= t.idx < named[1]]
    if lower in PRONOUNS:
        return _pronoun(lower, sent, named, people, sentence_index)
    if _poll_share(toks):
        return _poll(sent, people, sentence_index)
    outlet = _own_outlet(name, toks, people)
    if outlet is not None:
        return outlet
    root = _root(toks)
    if root is not None and (
        root.lemma_.lower() in DOCUMENT_SOURCE_HEADS or root.lower_ in DOCUMENT_SOURCE_HEADS
    ):
        issuer = poll_name(root) if root.lemma_.lower() in POLL_NOUNS else _issuer(root)
        if issuer is not None:
            return issuer, "document"
    return None


def _root(toks: list[Any]) -> Any | None:
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), None)


def _pronoun(
    lower: str, sent: Any, named: tuple[int, int], people: PersonRegistry, sentence_index: int
) -> Resolved:
    if lower in PERSON_PRONOUNS:
        last = people.last_source or people.last()
        return (last, "person") if last else UNRESOLVED
    if lower in ORG_PRONOUNS:
        before = [e for e in sent.ents if e.end_char <= named[0] and _organisation(e)]
        if before:
            e = before[-1]
            return canonical_name(e.text, e.label_), _org_kind(e.text)
        return _recent(people, "org", sentence_index, 2)
    if lower in GROUP_PRONOUNS:
        return _recent(people, "group", sentence_index, 1)
    return UNRESOLVED  # "I", "we" (see ``first_person``), "you"


def _recent(people: PersonRegistry, what: str, sentence_index: int, back: int) -> Resolved:
    seen = people.recent.get(what)
    if seen is None or seen[0] < sentence_index - back:
        return UNRESOLVED
    return seen[1], seen[2]


def _organisation(e: Any) -> bool:
    """An entity "it" can stand for: an organisation, an outlet (whatever the tagger took it
    for: "the Kessel Courier"), a country or city as the subject of its clause."""
    return e.label_ == "ORG" or is_outlet(e.text) or (e.label_ == "GPE" and e.root.dep_ == "nsubj")


def _org_kind(text: str) -> str:
    return "outlet" if is_outlet(text) else "organization"


def _poll_share(toks: list[Any]) -> bool:
    """ "75 percent of all voters", "a majority of respondents", "about eight in 10",
    "another 19 percent": a share of those a poll asked (not "three officials")."""
    words = [t for t in toks if not t.is_punct or t.text == "%"]
    k = 0
    while k < len(words) and words[k].lower_ in _SHARE_LEAD:
        k += 1
    if k == len(words):
        return False
    first = words[k]
    if first.lower_ in POLL_SHARE_WORDS:
        return True
    if not (first.like_num or first.pos_ == "NUM"):
        return False
    after = [t.lower_ for t in words[k + 1 : k + 4]]
    return any(w in POLL_SHARE_WORDS for w in after) or (
        bool(after) and after[0] in ("in", "out") and any(t.like_num for t in words[k + 2 : k + 5])
    )


def _poll(sent: Any, people: PersonRegistry, sentence_index: int) -> Resolved:
    """The poll a share comes from: named in this sentence, or in the one before."""
    for tok in sent:
        if tok.lemma_.lower() in POLL_NOUNS:
            name = poll_name(tok)
            if name is not None:
                return name, "document"
    return _recent(people, "poll", sentence_index, 1)


def poll_name(tok: Any) -> str | None:
    """Who ran a poll: "a Gallup poll", "the Quinnipiac University poll", "a poll by the
    Marist Institute", "a survey conducted by X"."""
    issuer = _issuer(tok)
    if issuer is not None:
        return issuer
    names = [
        c
        for c in tok.children
        if c.i < tok.i
        and (c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"))
    ]
    if not names:
        return None
    toks = [t for c in names for t in _subtree(c) if not t.is_punct or t.text == "/"]
    toks = [t for t in toks if t.dep_ != "case" and t.lower_ not in ("'s", "’s")]
    if not toks:
        return None
    text = tok.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    return canonical_name(text)


def _issuer(head: Any) -> str | None:
    """X in "figures released by X", "a report by X", "data from X" (a document's issuer)."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    for verb in (c for c in head.children if c.dep_ == "acl"):
        if verb.lemma_.lower() in ISSUING_VERBS:
            preps += [c for c in verb.children if c.dep_ == "agent" or c.lower_ == "by"]
    for prep in preps:
        obj = _child(prep, "pobj")
        ent = next((e for e in head.doc.ents if obj is not None and e.start <= obj.i < e.end), None)
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "PERSON", "FAC"):
            return canonical_name(ent.text, ent.label_)  # "the Brenn Chamber of Commerce"
        if obj is not None and obj.pos_ == "PROPN":  # a name, not "the command"
            toks = [t for t in _subtree(obj) if t.dep_ not in ("acl", "relcl", "prep")]
            toks = [t for t in toks if t.i <= obj.i or t.dep_ in ("compound", "flat")]
            return canonical_name(head.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)])
    return None


def _own_outlet(name: str, toks: list[Any], people: PersonRegistry) -> Resolved | None:
    """The outlet "the newspaper" is, and the document's own outlet by a short name."""
    words = name.split()
    if len(words) == 2 and words[0].lower() in ("the", "this", "our") and words[1].islower():
        noun = words[1].lower()
        if noun not in OWN_OUTLET_NOUNS:
            return None
        if noun == "paper" and "study" in people.recent:
            return None
        named = people.recent.get("outlet")
        outlet = named[1] if named is not None else people.outlet
        if noun == "agency":
            org = people.recent.get("org")
            if (
                outlet is None
                or not _NEWS_AGENCY.search(outlet)
                or (org is not None and "agency" in org[1].lower())
            ):
                return None
        if outlet is None:
            return UNRESOLVED
        return canonical_name(outlet), "outlet"
    own = people.outlet
    if own is None or not toks or not all(t.text[:1].isupper() for t in toks if t.is_alpha):
        return None
    short, full = normalise(name).lower().split(), normalise(own).lower().split()
    if short and full and short != full and short[-1] == full[-1] and set(short) <= set(full):
        return canonical_name(own), "outlet"
    return None


def first_person(
    found: list[Attribution], people: PersonRegistry, quoted: list[bool]
) -> list[Attribution]:
    """ "I" and "we" as sources: the speaker whose quote holds them (the attribution they
    are nested in), "I" outside any quote the document's author; else unattributed."""
    by_cue = {a.cue_start: a for a in found}
    out = []
    for a, in_quote in zip(found, quoted, strict=True):
        lower = (a.attributed_to or "").lower()
        if lower not in FIRST_SINGULAR | FIRST_PLURAL:
            out.append(a)
            continue
        parent = by_cue.get(a.parent_start) if a.parent_start is not None else None
        who: Resolved = UNRESOLVED
        if parent is not None and parent.attributed_to_canonical:
            if lower in FIRST_SINGULAR and parent.source_kind in ("person", "other"):
                who = parent.attributed_to_canonical, "person"  # "KOVALENKO: I think ..."
            elif lower in FIRST_SINGULAR and parent.source_kind == "unnamed":
                who = parent.attributed_to_canonical, "unnamed"  # an official's "I"
            elif lower in FIRST_PLURAL and parent.source_kind in ("organization", "outlet"):
                who = parent.attributed_to_canonical, parent.source_kind
            elif lower in FIRST_PLURAL and parent.source_affiliation:
                who = parent.source_affiliation, "organization"
        elif not in_quote and lower in FIRST_SINGULAR and people.author:
            who = people.author, "person"
        out.append(replace(a, attributed_to_canonical=who[0], source_kind=who[1], source_role=None))
    return out


def remember_source(
    head: Any | None, kind: str, canonical: str | None, people: PersonRegistry, index: int
) -> None:
    """What a source tells later ones: an organisation or outlet for "it", a named outlet
    for "the newspaper", a group for "they", a cited study for "the paper"."""
    if canonical is None or head is None:
        return
    if kind in ("organization", "outlet"):
        people.recent["org"] = (index, canonical, kind)
    if kind == "outlet" and head.lower_ not in OWN_OUTLET_NOUNS and canonical != "media":
        people.recent["outlet"] = (index, canonical, kind)
    if kind == "document" and head.lemma_.lower() in ("paper", "study", "report"):
        people.recent["study"] = (index, canonical, kind)
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    if plural and kind in ("organization", "unnamed", "person", "other") and head.lower_ != "they":
        people.recent["group"] = (index, canonical, kind)


def remember_sentence(sent: Any, people: PersonRegistry, index: int) -> None:
    """The organisations, outlets and polls a sentence names, for the sources after it."""
    for e in sent.ents:
        if _organisation(e):
            people.recent["org"] = (index, canonical_name(e.text, e.label_), _org_kind(e.text))
            if is_outlet(e.text):
                people.recent["outlet"] = (index, canonical_name(e.text), "outlet")
    for tok in sent:
        if tok.lemma_.lower() in POLL_NOUNS:
            name = poll_name(tok)
            if name is not None:
                people.recent["poll"] = (index, name, "document")


def note_roles(sent: Any, people: PersonRegistry) -> None:
    """The roles a sentence gives the people it names, outside any source: "Jane Roe, the
    Liberal candidate", "the candidate of the Green Party, Jane Roe", "Candidate Jane Roe",
    "Jane Roe, who is running for governor" ("the candidate" later is that person)."""
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        full = people.resolve(person_name(ent))
        role = _role_of(ent)
        if role is not None and len(full.split()) >= 2:
            people.named_roles[full] = role


def _role_of(ent: Any) -> str | None:
    root, doc = ent.root, ent.doc
    for c in root.children:  # "Jane Roe, the Liberal candidate"
        if c.dep_ == "appos" and c.lemma_.lower() in ROLE_HEADS:
            return _with_compounds(c)
        if c.dep_ == "relcl" and c.lemma_.lower() == "run" and _child(c, "prep") is not None:
            return "candidate"  # "who is running for governor"
    if root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_HEADS:
        return _with_compounds(root.head)  # "the candidate of the Green Party, Jane Roe"
    k = ent.end - 1
    while k >= 0 and doc[k].tag_ == "NNP" and doc[k].lemma_.lower() not in PERSON_ROLE_HEADS:
        k -= 1  # the name, and given names the entity left out
    if k >= 0 and doc[k].lemma_.lower() in PERSON_ROLE_HEADS and doc[k].text[:1].isupper():
        return _with_compounds(doc[k])  # "Candidate Jane Roe", "Defence Minister X"
    return None


def _with_compounds(tok: Any) -> str:
    first = tok
    while first.i > 0:
        prev = tok.doc[first.i - 1]
        if prev.head.i != tok.i or prev.dep_ not in ("compound", "amod") or prev.is_punct:
            break
        first = prev
    return str(tok.doc.text[first.idx : tok.idx + len(tok.text)])
