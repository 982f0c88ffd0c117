"""An event's actor and target: which noun phrases of the parse they are, and how far each
one's span reaches.

Span conventions (``phrase``): an argument is its head noun's phrase as the sentence writes
it, with
- in: determiners and quantities ("the police", "12 soldiers", "at least 12 soldiers"),
  adjectives, compounds and possessors ("Northern Front fighters", "the army's jets"), an
  "of" phrase ("the village of Korsk", "hundreds of protesters"), coordinated heads with
  their commas and conjunction ("soldiers and police");
- out: relative clauses, appositions, participial modifiers and other prepositional phrases
  ("an army post" of "an army post near Dravik", "a bus" of "a bus carrying pilgrims",
  "the Northern Front" of "the Northern Front, a rebel group,"; a close apposition,
  without a comma, is in: "the journalist Mira Talen"),
  and the possessive "'s" of a possessor ("the army" of "the army's attack");
- never: a date or time ("on Tuesday" is the event's time), or a word of the trigger itself.
A personal pronoun is no argument ("it", "they"), except that the subject of a reported or
intended clause ("the army said it struck", "rebels denied they attacked") is taken to be
the subject of the verb that reports it.

Which phrase is which (``verb_args``, ``noun_args``):
- an active verb: its subject is the actor, its object the target (what is fired or thrown
  gives way to what it is aimed at, and is never a target itself: "fired rockets at the
  town", "detonated a device", "detonated an explosive vest"), else the object of "on",
  "against", "at", "upon" ("fired at", "opened fire on"), or of "with" for a battle ("clashed
  with"); a verb without a subject takes the one of the verb it is the complement of or
  conjoined to ("threatened to strike", "attacked and looted"), a relative clause the noun it
  modifies ("gunmen who attacked");
- a passive verb: its subject is the target, the "by" phrase the actor;
- a base set up, a change to a group, a territory handed over: the verb's object alone is
  the target ("ceded three villages"; "set up a base on the outskirts of X" has none);
- a noun: "by" phrase, possessor or an armed compound ("rebel attack") is the actor, "on",
  "against" or "of" phrase the target ("at" says where: "the bombing at the bus station"),
  also where the parse hung the phrase right after the noun on its verb; "between X and Y"
  gives both (also on the verb it breaks out with:
  "fighting broke out between X and Y"); a noun carried by
  a light verb ("carried out an air strike", "struck a deal") takes the verb's subject as its
  actor, one governed by "in" after a verb of killing ("five soldiers were killed in an air
  strike") takes the killed as its target;
- a protest has its protesters as actor and no target.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimledger.extract.events.kinds import FIRE_OBJECTS, WEAPON

LEFT_IN = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "predet", "nounmod",
     "advmod", "npadvmod"}
)  # fmt: skip
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "them", "him", "her", "us", "i", "you"})
# "at" after a noun says where ("the bombing at the bus station"), after a verb at what
# ("fired at the town").
NOUN_TARGET_PREPS = frozenset({"on", "against", "upon", "targeting"})
# Verbs after which "at" says what was aimed at ("fired at"), not where ("blew up at").
AIMING = frozenset({"fire", "shoot", "throw", "hurl", "aim", "lob", "launch", "open"})
OUTBREAK = frozenset({"break", "erupt", "rage", "continue", "resume", "flare", "intensify"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "targeting", "into"})
SUBJECTS = frozenset({"nsubj", "csubj"})
# What is fired or thrown: an object of these gives way to what it is aimed at ("fired
# rockets at the town").
WEAPONS = (
    WEAPON | FIRE_OBJECTS | {"ammunition", "round", "grenade", "stone", "rock", "vest", "belt"}
)


@dataclass(frozen=True)
class Arg:
    """An argument as token indices into the parsed document: ``first`` to ``last``."""

    first: int
    last: int
    head: int


def phrase(tok: Any, with_conj: bool = True) -> Arg:
    """The span of the noun phrase headed by ``tok`` (see the module's conventions)."""
    first = tok.i
    for child in tok.lefts:
        if child.dep_ in LEFT_IN and child.dep_ != "case":
            first = min(first, child.left_edge.i)
    last = tok.i
    pending = False
    for child in tok.rights:
        dep = child.dep_
        if dep in ("cc", "punct") and with_conj:
            pending = True
            continue
        if dep == "conj" and with_conj and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            last = phrase(child).last
            pending = False
        elif dep == "prep" and child.lower_ == "of" and not pending:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                break
            last = phrase(objects[0]).last
        elif dep == "case":
            continue
        elif dep == "appos" and child.i > 0 and tok.doc[child.left_edge.i - 1].dep_ != "punct":
            last = phrase(child).last  # a close apposition: "the journalist Mira Talen"
        else:
            break
    doc = tok.doc
    while last > first and doc[last].dep_ in ("case", "punct"):
        last -= 1
    while first < last and doc[first].dep_ == "punct":
        first += 1
    return Arg(first, last, tok.i)


def first_conjunct(tok: Any) -> Arg:
    """The phrase of ``tok`` without its coordinated heads ("the army" of "the army and
    rebels")."""
    return phrase(tok, with_conj=False)


def noun_arg(tok: Any | None) -> Arg | None:
    """The argument a noun (or pronoun) token gives, None for one that gives none."""
    return _noun(tok)


def _noun(tok: Any | None) -> Arg | None:
    if tok is None:
        return None
    if tok.lower_ in PRONOUNS:
        return _antecedent(tok)
    if tok.lower_ in RELATIVE or tok.pos_ not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
        return None
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "on Tuesday" is the event's time
    participle = [c for c in tok.lefts if c.dep_ == "compound" and _participle(c)]
    if participle and participle[0].i > 0:  # "a bus carrying pilgrims" read as a compound
        head = tok.doc[participle[0].i - 1]
        return Arg(phrase(tok).first, head.i, head.i)
    return phrase(tok)


def _antecedent(pronoun: Any) -> Arg | None:
    """The subject of the verb that reports or intends the pronoun's clause."""
    verb = pronoun.head
    while verb.dep_ in ("ccomp", "xcomp", "conj", "pcomp", "advcl") and verb.head.i != verb.i:
        verb = verb.head
        subject = child_of(verb, SUBJECTS)
        if subject is not None and subject.lower_ not in PRONOUNS:
            return _noun(subject)
    return None


def _participle(tok: Any) -> bool:
    """A participle the tagger read as a noun compound: "carrying" in "a bus carrying
    pilgrims" (an -ing word right after another noun of the phrase)."""
    if tok.tag_ == "VBG":
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        tok.lower_.endswith("ing")
        and tok.lemma_.lower() == tok.lower_
        and before is not None
        and before.pos_ == "NOUN"
        and before.dep_ == "compound"
    )


def child_of(tok: Any, deps: frozenset[str]) -> Any | None:
    for child in tok.children:
        if child.dep_ in deps:
            return child
    return None


def prep_object(tok: Any, preps: frozenset[str]) -> Any | None:
    """The object of the first of ``tok``'s prepositions in ``preps``."""
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def is_passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_of(verb: Any) -> Arg | None:
    """The actor of a verb: its subject (active) or "by" phrase (passive), else the one of
    the verb it completes or is conjoined to, or the noun a relative clause modifies."""
    seen = 0
    while seen < 6:
        seen += 1
        if is_passive(verb):
            if seen > 1:  # "X is expected to sign": the raised subject
                return _noun(child_of(verb, frozenset({"nsubjpass"})))
            return _noun(prep_object(verb, frozenset({"by"})))
        subject = child_of(verb, SUBJECTS)
        agent = prep_object(verb, frozenset({"by"})) if verb.dep_ == "conj" else None
        if subject is None and agent is not None and verb.tag_ == "VBN":
            return _noun(agent)  # "was found and defused by police": its own "by"
        if subject is not None:
            if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
                return phrase(verb.head)
            return _noun(subject)
        if verb.dep_ == "relcl":
            return phrase(verb.head)
        if verb.dep_ in ("xcomp", "conj", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
            if verb.pos_ == "ADP":  # "denied carrying out": through the preposition
                verb = verb.head
            continue
        return None
    return None


def object_of(verb: Any, battle: bool, disrupts: bool = False) -> Arg | None:
    """The target of an active verb: its object, else the object of a targeting
    preposition ("fired at", "opened fire on"), or of "with" for a battle."""
    found = child_of(verb, frozenset({"nsubjpass" if is_passive(verb) else "dobj"}))
    preps = TARGET_PREPS if verb.lemma_.lower() in AIMING else TARGET_PREPS - {"at"}
    aimed = _noun(prep_object(verb, preps))
    if found is not None and found.lemma_.lower() in WEAPONS and not disrupts:
        return aimed  # "fired rockets at the town", "detonated a device": no target
    if found is not None:
        return _noun(found)
    if aimed is not None:
        return aimed
    return _noun(prep_object(verb, frozenset({"with"}))) if battle else None


def noun_args(noun: Any, battle: bool) -> tuple[Arg | None, Arg | None]:
    """The actor and target a noun trigger names itself ("by", possessor, "on", "of",
    "between")."""
    between = prep_object(noun, frozenset({"between"}))
    if between is None and noun.dep_ == "nsubj" and noun.head.lemma_ in OUTBREAK:
        between = prep_object(noun.head, frozenset({"between"}))
    if between is not None:
        conj = child_of(between, frozenset({"conj"}))
        target = _noun(conj) if conj is not None else None
        return first_conjunct(between), target
    actor = _noun(prep_object(noun, frozenset({"by"})))
    if actor is None:
        poss = child_of(noun, frozenset({"poss"}))
        actor = _noun(poss) if poss is not None else None
    if actor is None:
        actor = _noun(_next_prep_object(noun, frozenset({"by"})))
    preps = frozenset(NOUN_TARGET_PREPS | {"of"} | ({"with"} if battle else set()))
    target = _noun(prep_object(noun, preps))
    if target is None:
        target = _noun(_next_prep_object(noun, NOUN_TARGET_PREPS))
    return actor, target


def _next_prep_object(noun: Any, preps: frozenset[str]) -> Any | None:
    """The object of a preposition right after the noun's phrase that the parse attached to
    the verb instead ("described sexual violence by militia members", "launch an offensive
    on Sorvin")."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    if after >= len(doc) or doc[after].lower_ not in preps or doc[after].dep_ != "prep":
        return None
    if doc[after].head.i != noun.head.i:
        return None
    return child_of(doc[after], frozenset({"pobj"}))
