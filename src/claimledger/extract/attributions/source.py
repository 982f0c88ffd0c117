"""The source of an attribution: the phrase as written, the subject a cue verb takes it
from, its kind, canonical name, role and affiliation."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attributions.cocues import _co_cue_host
from claimledger.extract.attributions.spans import _child, _subtree
from claimledger.extract.entities import (
    PersonRegistry,
    canonical_name,
    is_outlet,
    normalise,
    person_name,
)
from claimledger.lexicon import (
    ACTOR_ALIASES,
    DEMONYMS,
    DOCUMENT_SOURCE_HEADS,
    ORG_HEADS,
    PERSON_ROLE_HEADS,
    PRONOUN_KINDS,
    QUOTED_AS_VERBS,
    RELATIVE_PRONOUNS,
    ROLE_HEADS,
    TEMPORAL_WORDS,
    UNNAMED_SOURCE_HEADS,
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
                t.lower_ in TEMPORAL_WORDS
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
    # "a spokesman who said ...": the clause starts at "who", before its verb
    clauses = [
        min(t.i for t in c.subtree)
        for c in subj.children
        if c.dep_ in ("relcl", "acl") and c.i > subj.i
    ]
    out = []
    for t in toks:
        if t.i > subj.i and (t.text == "," or any(t.i >= start for start in clauses)):
            break
        out.append(t)
    return out


_Subject = tuple[Any | None, Any | None, str]


def _subject(verb: Any) -> _Subject:
    """(subject token, the token it stands for, how it was found) of a cue verb: its own
    subject or passive agent; for a relative "who said" the pronoun and its antecedent (rule
    relative_clause); for
    "... and said" or "..., saying" the subject of the verb it hangs from. How: "agent",
    "second_cue_same_speaker", "number", "subject", "relative", "quoted_as_saying",
    "reduced_relative", "participle_on_noun"; "" when there is no subject."""
    agent = _child(verb, "agent")
    if agent is not None:
        pobj = _child(agent, "pobj")
        if pobj is not None:
            return pobj, pobj, "agent"
    host = _co_cue_host(verb)
    if host is not None:  # "insisted that ..., claiming that ...": the same speaker
        subj, refers, _ = _subject(host)
        return subj, refers, "second_cue_same_speaker"
    number = next((c for c in verb.children if c.dep_ == "nummod" and c.i < verb.i), None)
    if _child(verb, "nsubj") is None and number is not None:
        return number, number, "number"  # "About 4 in 10 say ...": the parser's number
    v = verb
    for _ in range(4):
        subj = _child(v, "nsubj")
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return subj, v.head, "relative"
            return subj, subj, "subject"
        v, found = _climb(v, verb)
        if v is None:
            return found
        if v.pos_ not in ("VERB", "AUX", "ADJ"):
            return None, None, ""
    return None, None, ""


def _climb(v: Any, verb: Any) -> tuple[Any | None, _Subject]:
    """One step up the parse from ``v``, a verb without a subject of its own, towards the
    one whose subject speaks: (the next verb, _) or (None, the subject found on the way)."""
    none: _Subject = (None, None, "")
    if (v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX")) or (
        v.dep_ in ("advcl", "xcomp") and v.tag_ in ("VBG", "VB")
    ):
        return v.head, none
    if v.dep_ == "pcomp" and v.head.dep_ == "prep":
        v = v.head.head
        quoted = _child(v, "nsubjpass")
        if quoted is not None and v.lemma_.lower() in QUOTED_AS_VERBS:
            return None, (quoted, quoted, "quoted_as_saying")  # "was quoted as saying"
        return v, none
    if v.dep_ == "acl" and v.tag_ == "VBD" and v.head.dep_ == "ROOT" and v is verb:
        # "A ministry press release called the report fabricated": a main verb the
        # parser hung on its subject as a reduced relative (a past tense, not "-ed").
        return None, (v.head, v.head, "reduced_relative")
    if v.dep_ == "acl" and v.head.lemma_.lower() in DOCUMENT_SOURCE_HEADS:
        v = v.head.head if v.head.dep_ in ("dobj", "pobj") else v.head
        return (v.head if v.dep_ == "prep" else v), none
    if v.dep_ == "acomp" and v.head.pos_ in ("VERB", "AUX"):
        return v.head, none  # "were more likely to say"
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
        # "super PACs backing Cruz", "evidence suggesting that ...": the noun it hangs on
        return None, (v.head, v.head, "participle_on_noun")
    return None, none


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
    if lower in PRONOUN_KINDS:
        return PRONOUN_KINDS[lower]
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
        and (lemma in ROLE_HEADS or head.ent_type_ == "NORP")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
    ):
        # "a diplomat", "a Red Cross spokeswoman", "another New Hampshire Democrat": one
        # person the document does not name
        return "unnamed"
    if lemma in DOCUMENT_SOURCE_HEADS or word in DOCUMENT_SOURCE_HEADS:  # "figures"
        return "document"
    if lemma in PERSON_ROLE_HEADS and head is not None and head.tag_ in ("NN", "NNP"):
        return "person"
    if lemma in UNNAMED_SOURCE_HEADS or word in UNNAMED_SOURCE_HEADS:
        return "unnamed"
    if (
        any(label in ("ORG", "GPE", "NORP") for label in labels)
        or lemma in ORG_HEADS
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


def _role_affiliation(sent: Any, span: tuple[int, int]) -> tuple[str | None, str | None]:
    """The role and affiliation a source phrase gives, before or after the name:
    "Ukrainian Defence Minister Rustem Umerov", "Dmitry Peskov, the Kremlin spokesman",
    "a spokesman for the Russian Defence Ministry"."""
    toks = [t for t in sent if span[0] <= t.idx < span[1]]
    # not from what a relative clause reports: "The ministry, which reported that houses in
    # Varnek ..." ("Fowler, who helmed the DNC," does tell whom he speaks for)
    clause = {
        t.i
        for tok in toks
        if tok.dep_ == "relcl"
        for c in tok.children
        if c.dep_ == "ccomp"
        for t in c.subtree
    }
    toks = [t for t in toks if t.i not in clause]
    ents = [
        e
        for e in sent.ents
        if span[0] <= e.start_char and e.end_char <= span[1] and e.start not in clause
    ]
    words = _role_words(toks, ents)
    heads = [t for t in words if t.lemma_.lower() in ROLE_HEADS]
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
    affiliation = None
    if body is not None:
        affiliation = DEMONYMS.get(normalise(body.text).lower()) or canonical_name(
            body.text, body.label_
        )
    if head is None:
        return None, affiliation
    role = _role_text(sent.doc_text, head, words, span)
    return role, affiliation if affiliation is not None else _affiliation_after(
        sent.doc_text, head, ents
    )


def _role_words(toks: list[Any], ents: list[Any]) -> list[Any]:
    """The words of a source phrase a role can be made of: names are not role words;
    "foreign ministry" (tagged ORG, lower case) is."""
    in_ent = {i: e for e in ents for i in range(e.start, e.end)}
    return [
        t
        for t in toks
        if t.i not in in_ent
        or in_ent[t.i].label_ not in ("PERSON", "NORP", "GPE", "ORG")
        or (in_ent[t.i].label_ == "ORG" and t.is_lower)
    ]


def _role_text(text: str, head: Any, words: list[Any], span: tuple[int, int]) -> str:
    """The role around its head word: its compounds and adjectives before it ("Defence
    Minister", not a nationality), and hyphenated parts after it ("Secretary-General")."""
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
    return str(text[first.idx : last.idx + len(last.text)])


def _affiliation_after(text: str, head: Any, ents: list[Any]) -> str | None:
    """The body after a role with of/for/at: "a spokesman for the ministry"; not "a mother
    of four"."""
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")]
    obj = _child(of[0], "pobj") if of else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    inner = [t for t in _subtree(obj) if t.dep_ != "det" and not t.is_punct]
    affiliation = normalise(text[inner[0].idx : inner[-1].idx + len(inner[-1].text)])
    named = next((e for e in ents if e.start <= obj.i < e.end), None)
    if named is not None and named.label_ in ("ORG", "GPE", "NORP"):
        affiliation = canonical_name(named.text, named.label_)
    return affiliation
