"""Event mentions of one parsed sentence: triggers found by lemma, merged into one mention
per event, each with its actor, target, type and modality.

Triggers (see ``triggers``): a verb or noun of the lexicon, or a multiword ("opened fire",
"took control of"), a verb setting up a base or headquarters with its object ("set up a new
headquarters", "established a forward operating base"), a verb of landing or falling whose
subject is a projectile ("mortar shells landed on a school"). A trigger noun that modifies
another noun names no event ("riot police", "attack helicopters"). Merges, so that one
event has one mention:
- a noun trigger takes in the weapon words compounded to its left ("air strike", "drone
  attack", "car bomb", "suicide bombing"), and any trigger noun among them ("bomb attack");
- a light verb carrying a noun trigger as its object ("carried out an air strike", "struck
  a deal", "detonated a bomb") is not a mention of its own: the noun is the trigger;
- a result ("killed", "wounded", "injured", "destroyed") is a mention only where the
  sentence names no other event (a weak trigger, ``triggers.WEAK``: "found", "expelled",
  "erupted", puts it aside only once its gate makes it one); otherwise its figures go to
  the mention it belongs to; and never where it stands for the people it names ("treated
  43 wounded", "the wounded");
Non-events: a sentence about sport (``kinds.SPORT``, no weapon), a target that is an idea
("attack on the budget"), a figurative modifier ("legal battle", "heart attack", "charm
offensive"), "fired" without a weapon or a target of fire (a dismissal), a verb of striking,
hitting or fighting with neither an armed side nor a weapon ("prices hit a record",
"ministers clashed over the budget"), an attack by or "from" critics ("came under attack
from lawmakers"), a change to a group with no armed side ("two banks merged"), an agreement
noun no verb of agreeing carries ("the trade deal"), a signed letter, petition or bill
("signed a letter of protest"), "protest" as words or a purpose ("a storm of protest",
"lodged a formal protest", "resigned in protest"), armed men marching (not "supporters of
the Front rallied"), "collapsed" without
a structure as its subject ("the truce collapsed"), a hazard noun with an "of" phrase that
measures nothing ("a flood of refugees", "a storm of criticism"), a market's crash, a
hazard in a sentence about sport with no word of harm, a hazard word that names a thing
("the band Typhoon", "the trawler Cyclone"); gated triggers past their gate only: "found",
"discovered" with a weapon found ("found a weapons cache", not "found their voice"),
"expelled", "recalled", "summoned" with an envoy, "sanctions" that a verb imposes (not
"called for sanctions"), "freed" or "took over" a territory ("took over" by an armed side),
a leak or spill of oil, gas or chemicals (not "leaked the report", "spilled over"), a
collision or overturning of a vehicle, an eruption with a volcano's words (not "violence
erupted").
A mine, landmine, roadside bomb or explosive device that a vehicle or a person hits, runs
over, drives over or steps on ("a bus struck a roadside bomb", "a farmer stepped on a mine")
has the vehicle or person as its target and no actor; a "mine" is a trigger only so met,
and named so ("a land mine") or met by a ground vehicle or a person (not "jets struck a
gold mine", "has run the copper mine").
A capitalised hazard word with a proper name after it is a named storm, the name its head
("Storm Belwyn battered the coast, killing four people").
Disasters (natural hazards, crashes, capsizes, collapses, stampedes, an explosion the
sentence puts down to a boiler, gas or a refinery and to no bomb or attacker) have neither
actor nor target; their dead and injured are theirs, never an attack's.
A civilian place or people compounded to a violent noun trigger are its target ("a school
shooting", "the Oskava market attack").
A base set up, a change to a group and a territory handed over have their verb's object as
their target ("ceded three villages"), never a phrase of place or result ("set up a base on
the outskirts of Korsk", "merged into a single force").
The type (``decide``): a trigger of one candidate decides alone; otherwise, in order, a
workers' strike, a mob (its attack, burning or looting is mob violence), protesters acting,
the protest's own words (intervention, lethal force, violence), protesters as the target, a
weapon in the trigger or its clause, an accident's words (an explosion), the sides of a
territorial change or a seizure of weapons, armed or civilian targets, a trigger's usual
type (``triggers.DEFAULTS``); only then the classifier, among the trigger's candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimledger.extract.events import kinds as k
from claimledger.extract.events import triggers as tr
from claimledger.extract.events.args import (
    Arg,
    child_of,
    is_passive,
    noun_arg,
    noun_args,
    object_of,
    phrase,
    prep_object,
    subject_of,
)
from claimledger.extract.events.modality import modality_of

Scores = Callable[[], dict[str, float]]
NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB", "AUX"})
# Modifiers that make a trigger noun a figure of speech.
FIGURATIVE_MODS = frozenset(
    {"legal", "political", "court", "diplomatic", "verbal", "uphill", "electoral", "heart",
     "panic", "charm", "cardiac", "price", "trade", "budget", "pay", "wage", "personal",
     "media", "ad", "advertising", "branding", "rhetorical", "culture", "cultural", "losing"}
)  # fmt: skip
# Verbs of agreeing that make an agreement noun an event ("signed a ceasefire").
AGREE_VERBS = frozenset(
    {"sign", "reach", "agree", "broker", "strike", "conclude", "announce", "seal", "accept"}
)
# Verbs that need an armed side or a weapon to be an event.
NEED_FORCE = frozenset({"hit", "target", "pound", "strike", "bombard", "clash", "fight"})
PROTEST_WORDS = frozenset(
    {"protest", "demonstrate", "march", "rally", "demonstration", "sit-in", "sit", "took", "riot"}
)
# What an "of" phrase of a hazard may measure ("an earthquake of magnitude 6"); any other
# makes it a figure of speech ("a flood of refugees").
MEASURES = frozenset({"magnitude", "intensity", "strength", "category", "force", "scale"})
# Words of a sentence about markets, where a crash or a collapse is no accident (not
# "market" itself: "a fire broke out at a market").
FINANCE = frozenset(
    {"stock", "price", "currency", "financial", "economy", "economic", "housing", "bank",
     "fed", "rate", "recession", "investor", "share", "bubble", "dow", "bond", "trading"}
)  # fmt: skip
# Modifiers of "crash" that make it no vehicle's.
NOT_VEHICLES = frozenset({"computer", "server", "system", "software", "market", "stock"})
# Hazards as often figures of speech as not ("a landslide", "the storm"): events only in a
# sentence with words of the physical world (``PHYSICAL``: harm, rain, homes, rescue).
FIGURATIVE_HAZARDS = frozenset({"landslide", "storm"})
PHYSICAL = frozenset(
    {"kill", "injure", "wound", "destroy", "damage", "bury", "dead", "death", "die", "missing",
     "rain", "wind", "flood", "village", "road", "house", "home", "roof", "rescue", "rescuer",
     "evacuate", "hit", "lash", "sweep", "batter", "power", "coast", "cut", "block", "toll",
     "displace", "landfall", "strand", "homeless", "shelter"}
)  # fmt: skip
# Words of a sentence about an election, where a landslide is a victory.
ELECTION = frozenset({"win", "victory", "election", "vote", "elect", "poll", "primary", "ballot"})
ACTING_PROTESTERS = k.PROTESTER | {"rioter", "youth", "student", "supporter"}
# Last words of a unit's or a team's name, not a storm's ("Storm Corps").
UNIT_NAMES = frozenset(
    {"corps", "division", "squadron", "team", "group", "company", "fleet", "wing", "club",
     "united", "city", "fc", "band"}
)  # fmt: skip
# What sets off a mine or roadside bomb it meets: a vehicle on the ground, or a person.
GROUND_VEHICLES = (tr.VEHICLES | tr.CONVOYS) - tr.AIRCRAFT
MEETERS = (k.CIVILIAN | k.ARMED) - tr.AIRCRAFT - k.FACILITY - k.TERRITORY
# The prepositions of what a verb of moving over meets ("ran over", "stepped on").
MET_PREPS = frozenset({"over", "on", "onto", "into"})
# Verbs by which an armed subject sets an explosive off on purpose, and is its actor
# ("militants triggered a roadside bomb", "rebels set off a car bomb"; but "a truck
# triggered a landmine" met it, and "the verdict triggered protests" is no actor).
EXPLODING_VERBS = frozenset({"trigger", "set"})
# Nouns of an amount, whose "of" phrase says of what ("400 tonnes of crude").
AMOUNTS = frozenset(
    {"amount", "number", "quantity", "stock", "stockpile", "lot", "haul", "consignment",
     "shipment", "batch", "tonne", "ton", "gallon", "barrel", "litre", "liter", "load", "pile"}
)  # fmt: skip
# Parts and remains, whose "of" phrase is what they were part of, not what was found
# ("the bodies of men killed by a bomb", "fragments of a rocket").
PARTS = frozenset(
    {"body", "fragment", "remains", "remain", "debris", "piece", "part", "shard", "remnant",
     "wreckage", "victim", "site"}
)  # fmt: skip
# What a vehicle may hit or run over that explodes.
EXPLOSIVE_WORDS = frozenset({"mine", "landmine", "bomb", "ied", "device", "explosive", "charge"})
# "protest" as words, not a demonstration: the "of" phrase of these ("a storm of protest",
# "a letter of protest"), the object of these verbs ("lodged a formal protest"), or "in
# protest" (what another act was for: "resigned in protest").
OUTCRY = frozenset(
    {"storm", "chorus", "howl", "cry", "outcry", "murmur", "letter", "note", "word", "voice",
     "statement", "gesture", "sign", "mark"}
)  # fmt: skip
PROTEST_SPEECH_VERBS = frozenset(
    {"lodge", "file", "register", "submit", "deliver", "send", "issue", "voice", "express",
     "hand", "receive"}
)  # fmt: skip
# What is signed that is no agreement ("signed a letter", "signed the bill into law").
SIGNED_PAPERS = frozenset(
    {"letter", "petition", "book", "autograph", "card", "form", "register", "bill",
     "law", "decree", "order", "statement", "appeal", "shirt", "poster"}
)  # fmt: skip
MOB = frozenset({"mob", "vigilante", "lynch"})
# What a mob does that is mob violence, whatever the trigger's own candidates.
MOB_ACTS = frozenset({"VIOL_DEMONSTR", "PROPERTY_DISTRUCT", "ATTACK"})
BATTLE_CODES = frozenset({"ARMED_CLASH"})
VIOLENT_CODES = frozenset(
    {"ARMED_CLASH", "AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "SUIC_BOMB", "GRENADE",
     "ATTACK", "CHEM_WEAP", "SEX_VIOL", "ABDUCT_DISSAP", "FORCE_AGAINST_PROTEST"}
)  # fmt: skip
TERRITORY_CODES = ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT")
EXPLOSIVES = frozenset({"REM_EXPLOS", "GRENADE", "SUIC_BOMB"})
ATTACKS = frozenset({"ATTACK", "ARMED_CLASH"})
# Codes aimed at nothing: their target is their verb's object ("ceded three villages",
# "disbanded its armed wing"), never a phrase of place or result ("set up a base on the
# outskirts of Korsk", "merged into a single force").
UNAIMED = frozenset({"HQ_ESTABLISHED", "CHANGE_TO_GROUP_ACT", "NON_VIOL_TERRIT_TRANSFER"})
# Disasters (CASE 2021's types outside ACLED's): no side acts in them, so they have neither
# actor nor target; their dead and injured are theirs.
DISASTERS = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER"})
AIMED_PREPS = frozenset({"on", "against", "upon"})
SANCTIONING = tr.SANCTION_VERBS | {"decide"}  # "Japan decides new sanctions against ..."


@dataclass
class Mention:
    """A trigger (tokens ``first`` to ``last`` of the parsed document, ``head`` the one
    that governs the others) and what was found about it."""

    first: int
    last: int
    head: Any
    candidates: tuple[str, ...]
    noun: bool
    code: str = ""
    confidence: float = 1.0
    actor: Arg | None = None
    target: Arg | None = None
    modality: str = "asserted"
    cue: str | None = None
    clause: Any = None  # the verb whose clause holds the mention (for weapon words)
    victims: Arg | None = None  # who "were killed in" a noun trigger
    tokens: list[int] = field(default_factory=list)

    def covers(self, i: int) -> bool:
        return self.first <= i <= self.last


def _lemma(tok: Any) -> str:
    low = tok.lower_
    return tr.MISREAD.get(low) or str(tok.lemma_).lower()


def _multiword(sent: Any, i: int) -> tuple[int, tuple[str, ...]] | None:
    """The last token index and codes of a multiword trigger starting at token ``i``."""
    doc = sent.doc
    words = [t.lower_ for t in doc[i : min(sent.end, i + 5)]]
    best: tuple[int, tuple[str, ...]] | None = None
    for key, codes in tr.MULTIWORD.items():
        longer = best is None or i + len(key) - 1 > best[0]
        if key[0] == words[0] and tuple(words[: len(key)]) == key and longer:
            best = (i + len(key) - 1, codes)
    return best


def _syntactic_head(doc: Any, first: int, last: int) -> Any:
    for tok in doc[first : last + 1]:
        if not first <= tok.head.i <= last or tok.head.i == tok.i:
            return tok
    return doc[first]


def _with_compounds(doc: Any, head: Any, first: int) -> int:
    """The first token of a noun trigger with the weapon words compounded to its left."""
    j = first - 1
    while j >= 0:
        tok = doc[j]
        lemma = _lemma(tok)
        joined = tok.dep_ in ("compound", "amod", "nmod") and head.i > j >= tok.head.i - 3
        weapon = (lemma in tr.CUES and lemma not in tr.NOT_IN_SPAN) or lemma in tr.NOUNS
        if not (joined and weapon and tok.head.i <= head.i):
            break
        j -= 1
    return j + 1


def find_triggers(sent: Any) -> list[Mention]:
    """Every trigger of the sentence, merged into one per event (see the module)."""
    doc = sent.doc
    found: list[Mention] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        multi = _multiword(sent, i) if tok.lower_ in tr.FIRST_WORDS else None
        if multi is not None:
            last, codes = multi
            head = _syntactic_head(doc, i, last)
            found.append(Mention(i, last, head, codes, noun=head.pos_ in NOUN_POS))
            i = last + 1
            continue
        lemma = _lemma(tok)
        base = _base_set_up(tok) if tok.pos_ in VERB_POS else None
        if base is not None:
            found.append(Mention(i, base.i, tok, ("HQ_ESTABLISHED",), noun=False))
            i = base.i + 1
            continue
        if tok.ent_type_ in ("DATE", "TIME"):
            pass  # "since March"
        elif tok.pos_ in VERB_POS and lemma in tr.IMPACT_VERBS and _projectile_subject(tok):
            found.append(Mention(i, i, tok, tr.IMPACT_CODES, noun=False))
        elif tok.pos_ in VERB_POS and lemma in tr.RESULTS and _counted_people(tok):
            pass  # "treated 43 wounded", "the wounded", "12 of the wounded": people, no event
        elif tok.pos_ in VERB_POS and lemma in tr.VERBS:
            found.append(Mention(i, i, tok, tr.VERBS[lemma], noun=False))
        elif tok.pos_ == "NOUN" and lemma == "mine" and _mine_met(tok):
            first = _with_compounds(doc, tok, i)  # "hit a mine", "stepped on a land mine"
            found.append(Mention(first, i, tok, ("REM_EXPLOS",), noun=True))
        elif tok.pos_ in NOUN_POS and lemma in tr.NOUNS:
            nxt = doc[i + 1] if i + 1 < sent.end else None
            if nxt is not None and nxt.dep_ == "compound" and _lemma(nxt) in tr.NOUNS:
                pass  # "bomb attack": the head noun takes it in
            elif nxt is not None and tok.dep_ == "compound" and _lemma(nxt) in tr.NOUNS:
                pass
            elif (name := _named_hazard(tok)) is not None:
                first = _with_title_words(doc, tok, i)  # "Storm Belwyn", "Tropical Storm Ferro"
                found.append(Mention(first, name.i, name, tr.NOUNS[lemma], noun=True))
                i = name.i + 1
                continue
            elif _modifies_other_noun(tok):
                pass  # "riot police", "attack helicopters", "arrest warrant": no event
            else:
                first = _with_compounds(doc, tok, i)
                first = max(first, found[-1].last + 1 if found else sent.start, sent.start)
                found.append(Mention(first, i, tok, tr.NOUNS[lemma], noun=True))
        i += 1
    return _merge(found)


def _named_hazard(tok: Any) -> Any | None:
    """The name a capitalised hazard word is the title of ("Storm Belwyn", "Hurricane
    Tamsin", "Typhoon Orla"): the proper name right after it that it is compounded to and
    that names no unit, weapon or team and modifies no other noun ("the Storm Corps",
    "Storm Shadow missiles"); None for any other word."""
    if _lemma(tok) not in tr.NATURAL_HAZARDS or not tok.text[:1].isupper():
        return None
    doc = tok.doc
    name = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if name is None or name.pos_ != "PROPN" or not name.text[:1].isupper():
        return None
    if tok.dep_ != "compound" or tok.head.i != name.i or name.dep_ == "compound":
        return None  # not "Storm Shadow missiles"
    if _lemma(name) in k.ARMED | k.NON_STATE | k.WEAPON | UNIT_NAMES:
        return None  # "the Storm Corps", "Typhoon Squadron"
    return name


def _with_title_words(doc: Any, tok: Any, i: int) -> int:
    """The first word of a storm's title: "Tropical" of "Tropical Storm Ferro", "Super" of
    "Super Typhoon Orla"."""
    j = i
    while j > 0 and doc[j - 1].lower_ in tr.HAZARD_TITLES and doc[j - 1].text[:1].isupper():
        j -= 1
    return j


def _meets(doc: Any, arg: Arg | None) -> bool:
    """Whether ``arg`` is what sets off an explosive it meets: a vehicle on the ground or a
    person ("a minibus", "a farmer"; not "jets")."""
    return arg is not None and bool(_lemmas(doc, arg) & (GROUND_VEHICLES | MEETERS))


def _met_on_verb(verb: Any, subject: Arg | None) -> bool:
    """Whether ``subject`` meets an explosive by ``verb`` (``_meets``) rather than setting it
    off on purpose: armed groups that "triggered a roadside bomb" as a convoy passed did."""
    if not _meets(verb.doc, subject):
        return False
    return not (_lemma(verb) in EXPLODING_VERBS and _lemmas(verb.doc, subject) & k.NON_STATE)


def _subject_sets_off(verb: Any, subject: Arg | None) -> bool:
    """Whether a verb of meeting an explosive has for its subject what meets it
    (``_met_on_verb``) and an explosive for its object ("a minibus struck an improvised
    explosive device")."""
    if _lemma(verb) not in tr.SET_OFF_VERBS or not _met_on_verb(verb, subject):
        return False
    if _lemma(verb) in tr.OVER_VERBS:  # "ran over a mine", "stepped on it on Monday"
        met = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in MET_PREPS
               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    else:  # "struck a device", not "hit back over the bomb"
        met = [c for c in verb.children if c.dep_ == "dobj"]
    return any(_lemma(t) in EXPLOSIVE_WORDS for t in met)


def _set_off(noun: Any) -> Any | None:
    """The verb by which an explosive is set off by what meets it: the noun is that verb's
    object, or a verb of moving over's "on"/"over"/"into" phrase ("hit a mine", "ran over a
    landmine", "stepped on a mine"; not "has run the copper mine", "hit back over the
    bomb")."""
    gov = governor(noun)
    if gov is None or _lemma(gov) not in tr.SET_OFF_VERBS:
        return None
    if noun.dep_ == "pobj":  # "ran over a mine", not "hit the suspect over the bomb"
        return gov if noun.head.lower_ in MET_PREPS and _lemma(gov) in tr.OVER_VERBS else None
    if noun.dep_ == "dobj" and _lemma(gov) not in tr.OVER_VERBS:
        return gov
    return None


def _mine_met(noun: Any) -> bool:
    """Whether a "mine" is an explosive that something met: set off (``_set_off``) and
    named so ("a land mine", "an anti-tank mine") or met by a ground vehicle or a person
    ("a vehicle hit a mine", "a farmer stepped on a mine"; not "jets struck a gold mine")."""
    gov = _set_off(noun)
    if gov is None:
        return False
    kinds = {t.lower_ for t in noun.lefts} | {_lemma(t) for t in noun.lefts}
    return bool(kinds & tr.MINE_KINDS) or _met_on_verb(gov, subject_of(gov))


def _met_by(noun: Any) -> Arg | None:
    """What met the explosive ``noun`` and set it off, by ``_set_off``'s verb: its subject
    where that met it (``_met_on_verb``: "a bus struck a roadside bomb": the bus); else
    None."""
    gov = _set_off(noun)
    if gov is None:
        return None
    hit = subject_of(gov)
    return hit if _met_on_verb(gov, hit) else None


def _counted_people(tok: Any) -> bool:
    """Whether a result participle stands for the people it names rather than for what
    happened to them: the object or a preposition's object ("treated the wounded", "12 of
    the wounded") or a number's modifier ("treated 43 wounded")."""
    if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr"):
        return True
    return bool(tok.dep_ == "acl" and tok.head.pos_ == "NUM")


def _modifies_other_noun(tok: Any) -> bool:
    """Whether a trigger noun is a compound modifier of a noun that names no event ("riot"
    of "riot police", "attack" of "attack helicopters")."""
    head = tok.head
    return (
        tok.dep_ == "compound"
        and head.i > tok.i
        and head.pos_ in NOUN_POS
        and _lemma(head) not in tr.NOUNS
    )


def _base_set_up(verb: Any) -> Any | None:
    """The object of a verb that sets up a base or headquarters ("set up a new
    headquarters", "established a forward operating base"), None for any other verb."""
    lemma = _lemma(verb)
    if lemma not in tr.HQ_VERBS:
        return None
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    obj = child_of(verb, frozenset({"dobj"}))
    if obj is not None and _lemma(obj) in ("number", "series", "network", "string"):
        obj = prep_object(obj, frozenset({"of"}))  # "established a number of barracks"
    if obj is None or obj.i < verb.i:
        return None
    kinds = {_lemma(c) for c in obj.children if c.dep_ in ("amod", "compound")}
    post = _lemma(obj) in tr.HQ_POSTS and kinds & tr.HQ_POST_KINDS  # "an observation point"
    return obj if _lemma(obj) in tr.HQ_NOUNS or post else None


def _projectile_subject(verb: Any) -> bool:
    """Whether a verb of landing or falling has a projectile for its subject ("mortar
    shells landed", "rockets fell")."""
    subject = child_of(verb, frozenset({"nsubj"}))
    if subject is None:
        return False
    return bool(_lemmas(subject.doc, Arg(subject.i, subject.i, subject.i)) & tr.PROJECTILES)


def _merge(found: list[Mention]) -> list[Mention]:
    heads = {m.head.i for m in found if m.noun}
    kept = []
    for m in found:
        if not m.noun and _lemma(m.head) in tr.LIGHT_VERBS:
            obj = child_of(m.head, frozenset({"dobj"}))
            if obj is not None and obj.i in heads:
                continue  # "struck a deal", "detonated a bomb": the noun is the trigger
        if not m.noun and _lemma(m.head) not in tr.RESULTS:
            subj = child_of(m.head, frozenset({"nsubj"}))
            if subj is not None and subj.i in heads:
                continue  # "a drone strike hit a car", "a car bomb exploded": one event
        kept.append(m)
    disrupting = {m.head.i for m in kept if not m.noun and "DISR_WEAP" in m.candidates}
    explosive = {m.head.i for m in kept if m.noun and set(m.candidates) & EXPLOSIVES}
    kept = [
        m
        for m in kept
        if not (m.noun and m.head.dep_ in ("dobj", "nsubjpass") and m.head.head.i in disrupting)
        and not (not m.noun and _object_in(m, explosive) and m.head.i not in disrupting)
    ]  # "defused a bomb": the verb's event; "his vehicle hit a landmine": the noun's
    events = [m for m in kept if not _is_result(m)]
    if any(_lemma(m.head) not in tr.WEAK for m in events):
        kept = events  # not for "found the man who was killed": find_mentions decides
    return kept


def _is_result(m: Mention) -> bool:
    """Whether a mention is a result verb alone ("killed", "wounded")."""
    return _lemma(m.head) in tr.RESULTS and m.first == m.last


def _object_in(m: Mention, heads: set[int]) -> bool:
    obj = child_of(m.head, frozenset({"dobj"}))
    return obj is not None and obj.i in heads


def governor(noun: Any) -> Any | None:
    """The verb a noun trigger is the object (or passive subject) of, directly or through a
    preposition ("agreed to a ceasefire", "killed in an air strike")."""
    if noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and noun.head.pos_ in VERB_POS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in VERB_POS:
        return noun.head.head
    return None


def _args(m: Mention, battle: bool) -> None:
    head = m.head
    if not m.noun:
        m.clause = head
        m.actor = subject_of(head)
        if _subject_sets_off(head, m.actor):
            m.actor, m.target = None, m.actor  # "a minibus struck an explosive device"
            return
        if set(m.candidates) <= UNAIMED:  # "merged into a single force": no target
            m.target = _outside(m, noun_arg(child_of(head, frozenset({"dobj"}))))
            return
        m.target = _outside(m, object_of(head, battle, "DISR_WEAP" in m.candidates))
        for child in head.children:  # "attacked ..., killing 10 soldiers"
            if child.dep_ in ("advcl", "conj") and _lemma(child) in tr.RESULTS:
                m.victims = object_of(child, battle)
        if m.target is None or m.first != m.last:
            for tok in head.doc[m.first : m.last + 1]:
                if tok.pos_ == "ADP":
                    obj = noun_arg(child_of(tok, frozenset({"pobj"})))
                    if obj is not None:
                        m.target = obj
                        break
                preps = AIMED_PREPS | ({"to"} if m.first != m.last else set())  # "set fire to"
                found = noun_arg(prep_object(tok, frozenset(preps)))
                if found is not None and m.target is None:
                    m.target = found
        return
    m.actor, m.target = noun_args(head, battle)
    if m.actor is None:
        for child in head.lefts:
            armed = child.dep_ == "amod" and _lemma(child) in k.STATE | k.NON_STATE
            if child.dep_ == "compound" and child.i < m.first and _is_armed_name(child):
                m.actor = phrase(child)
            elif armed and child.i < m.first:
                m.actor = Arg(child.i, child.i, child.i)  # "a rebel rocket attack"
    violent = m.candidates[0] in VIOLENT_CODES and not set(m.candidates) & tr.PROTESTS
    if m.target is None and violent:  # not "house arrest", "a family rally"
        for child in head.lefts:
            civilian = child.pos_ == "NOUN" and _lemma(child) in k.CIVILIAN
            if child.dep_ == "compound" and child.i < m.first and civilian:
                m.target = phrase(child)  # "the Oskava market attack": on the market
    gov = governor(head)
    m.clause = gov if gov is not None else head
    if gov is None:
        return
    hit = _met_by(head) if set(m.candidates) & EXPLOSIVES else None
    if hit is not None:
        m.actor, m.target = None, hit  # "a bus struck a roadside bomb": the bus is hit
        return
    lemma = _lemma(gov)
    sanctioning = lemma in SANCTIONING and _lemma(head) == "sanction"  # "imposed sanctions"
    # "militants triggered a roadside bomb", "set off a car bomb" (not "triggered protests")
    exploding = lemma in EXPLODING_VERBS and bool(set(m.candidates) & EXPLOSIVES)
    if lemma in tr.LIGHT_VERBS or lemma in AGREE_VERBS or sanctioning or exploding:
        if m.actor is None:
            m.actor = subject_of(gov)
        if m.target is None and head.dep_ == "dobj":  # "threw a grenade into a cafe"
            aimed = prep_object(gov, frozenset({"on", "against", "at", "upon", "into"}))
            m.target = noun_arg(aimed)
    elif head.dep_ == "nsubj" and lemma in tr.VERBS:  # "a drone strike hit a car"
        if m.target is None:
            m.target = object_of(gov, battle)
    elif lemma in tr.RESULTS and head.dep_ == "pobj" and head.head.lower_ in ("in", "during"):
        if m.actor is None:
            m.actor = subject_of(gov)
        m.victims = object_of(gov, battle)
        if m.target is None:
            m.target = m.victims


def _outside(m: Mention, arg: Arg | None) -> Arg | None:
    """No word of the trigger is its own argument ("set up a base")."""
    if arg is None or m.first <= arg.head <= m.last:
        return None
    return arg


def _is_armed_name(tok: Any) -> bool:
    return _lemma(tok) in k.ARMED or _lemma(tok) in k.NON_STATE or tok.ent_type_ in ("ORG", "NORP")


def _lemmas(doc: Any, arg: Arg | None) -> set[str]:
    """The lemmas of an argument's words, with a plural's stem for a capitalised word the
    tagger took for a name ("Rebels attacked")."""
    if arg is None:
        return set()
    out = set()
    for t in doc[arg.first : arg.last + 1]:
        out.add(_lemma(t))
        if t.pos_ == "PROPN" and t.lower_.endswith("s"):
            out.add(t.lower_[:-1])
    return out


def _weapon(doc: Any, m: Mention, cands: tuple[str, ...]) -> str | None:
    """The code of the first weapon word in the trigger, else in its clause."""
    violent = bool(set(cands) & VIOLENT_CODES)
    for tok in doc[m.first : m.last + 1]:
        code = tr.CUES.get(_lemma(tok))
        if code is not None and (code in cands or violent):
            return code  # "grenade attack": the weapon in the trigger decides
    for tok in doc[m.first : m.last]:  # "bomb attack": a trigger noun compounded to it
        if violent and _lemma(tok) in tr.NOUNS:
            return tr.NOUNS[_lemma(tok)][0]
    attack = bool(set(cands) & ATTACKS)  # an attack or a killing by a named weapon
    scope = m.clause.subtree if m.clause is not None else ()
    for tok in scope:
        lemma = _lemma(tok)
        code = tr.CUES.get(lemma)
        if code is None or lemma in tr.SPAN_ONLY:
            continue
        if code in cands or attack:
            return code
    return None


def _is_event(doc: Any, m: Mention, sentence: set[str], has_weapon: bool) -> bool:
    """Whether a trigger names an event here (see the module's non-events)."""
    lemma = _lemma(m.head)
    actor, target = _lemmas(doc, m.actor), _lemmas(doc, m.target)
    violent = bool(set(m.candidates) & VIOLENT_CODES)
    if violent and sentence & k.SPORT and not has_weapon:
        return False
    first_violent = m.candidates[0] in VIOLENT_CODES
    if m.target is not None and _lemma(doc[m.target.head]) in k.ABSTRACT and first_violent:
        return False
    modifiers = [c for c in m.head.children if c.dep_ in ("amod", "compound")]
    mods = {_lemma(c) for c in modifiers} | {c.lower_ for c in modifiers}  # "losing": "lose"
    if m.noun and mods & FIGURATIVE_MODS:
        return False
    if first_violent and not has_weapon and _from_critics(doc, m):
        return False  # "came under attack from lawmakers", "critics attacked the minister"
    armed = bool((actor | target) & (k.ARMED | k.NON_STATE)) or _named_side(doc, m)
    if not m.noun and lemma == "fire":
        obj = child_of(m.head, frozenset({"dobj"}))
        if obj is None or _lemma(obj) not in k.FIRE_OBJECTS:
            at = prep_object(m.head, frozenset({"at", "on", "upon", "into"}))
            return at is not None
    if not m.noun and lemma in NEED_FORCE:
        protest = bool(actor & ACTING_PROTESTERS)
        worker = bool(actor & k.WORKER)
        return armed or has_weapon or protest or (worker and lemma == "strike")
    if not m.noun and lemma in ("march", "rally", "demonstrate") and actor & k.ARMED:
        # armed men marching, not "supporters of the Northern Front rallied"
        return _lemma(doc[m.actor.head]) in ACTING_PROTESTERS if m.actor is not None else False
    if m.noun and lemma == "protest" and _protest_as_words(m.head):
        return False
    if not m.noun and lemma == "sign":
        obj = child_of(m.head, frozenset({"dobj"}))
        if obj is not None and _lemma(obj) in SIGNED_PAPERS:
            return False  # "signed a letter of protest", "signed the bill into law"
    if not m.noun and lemma in ("burn", "torch", "loot") and m.actor is None:
        return False
    if set(m.candidates) == {"CHANGE_TO_GROUP_ACT"}:
        return bool((actor | target) & (k.ARMED | k.NON_STATE))  # not "two banks merged"
    if not m.noun and lemma == "withdraw":
        return prep_object(m.head, frozenset({"from"})) is not None
    if set(m.candidates) <= DISASTERS:
        return _is_disaster(doc, m, sentence, actor)
    if not m.noun and lemma in ("expel", "recall", "summon"):
        return bool(_object_words(m.head) & tr.ENVOYS)  # "expelled 23 diplomats"
    if m.noun and lemma == "expulsion":
        of = prep_object(m.head, frozenset({"of"}))
        return of is not None and bool(_noun_words(of) & tr.ENVOYS)
    if m.noun and lemma == "sanction":
        gov = governor(m.head)  # "imposed sanctions on", not "called for sanctions"
        return gov is not None and m.head.dep_ != "pobj" and _lemma(gov) in SANCTIONING
    if not m.noun and lemma in ("discover", "uncover", "unearth", "find"):
        if child_of(m.head, frozenset({"xcomp", "ccomp"})) is not None:
            return False  # "were found to have grown", "found that ...": a finding
        return bool(_object_words(m.head) & tr.FOUND_WEAPONS)  # "found a weapons cache"
    taking = lemma in ("capture", "seize", "overrun", "retake", "recapture", "liberate", "free")
    over = lemma == "take" and doc[m.last].lower_ == "over"
    if over and m.candidates[0] in TERRITORY_CODES:  # "took over": by an armed side
        if not armed or (m.target is not None and _lemma(doc[m.target.head]) == "control"):
            return False
        head = doc[m.target.head] if m.target is not None else None
        return head is not None and (_lemma(head) in k.TERRITORY or _named_place(head))
    if taking:
        return bool(target & (k.TERRITORY | k.WEAPON)) or _place_target(doc, m)
    for prep in ("for", "over", "against"):
        obj = prep_object(m.head, frozenset({prep}))
        if first_violent and obj is not None and _lemma(obj) in k.ABSTRACT:
            return False  # "a battle for survival"
    if set(m.candidates) == {"AGREEMENT"} and m.noun and m.first == m.last:
        gov = governor(m.head)
        between = prep_object(m.head, frozenset({"between"}))
        return between is not None or (gov is not None and _lemma(gov) in AGREE_VERBS)
    return True


def _object_words(verb: Any) -> set[str]:
    """The words of a verb's object (the passive's subject), by ``_noun_words``: of the
    object, the nouns joined to it, its "of" or "with" phrase (not for a part or remains:
    "found the bodies of men killed by a bomb", "fragments of a rocket") and what a
    participle says it holds ("a depot containing weapons"); not its other phrases ("found
    their voice on gun control")."""
    obj = child_of(verb, frozenset({"nsubjpass" if is_passive(verb) else "dobj"}))
    if obj is None:
        return set()
    words = _noun_words(obj)
    for child in obj.children:
        if child.dep_ == "conj":
            words |= _noun_words(child)
        elif child.dep_ == "acl":
            held = child_of(child, frozenset({"dobj"}))
            words |= _noun_words(held) if held is not None else set()
        elif child.dep_ == "prep" and child.lower_ in ("of", "with") and _lemma(obj) not in PARTS:
            held = child_of(child, frozenset({"pobj"}))
            words |= _noun_words(held) if held is not None else set()
    return words


def _noun_words(tok: Any) -> set[str]:
    """A noun's lemma and its modifiers' ("an underground depot", "anti-tank mines"), with
    its "of" phrase's where the noun is an amount ("400 tonnes of crude", "a large amount
    of weapons")."""
    words = {_lemma(tok), tok.lower_}
    words |= {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod")}
    if _lemma(tok) in AMOUNTS:
        of = prep_object(tok, frozenset({"of"}))
        if of is not None:
            words |= _noun_words(of)
    return words


def _accident_kind(doc: Any, m: Mention, actor: set[str]) -> bool | None:
    """Whether a collision, an overturned vehicle, a leak or spill or an eruption is one
    here: a vehicle's ("a car overturned", "collided with a cargo ship"), of oil, gas or
    chemicals in its subject, object, modifiers or "of"/"from" phrase ("an oil spill", "the
    tanker leaked 400 tonnes of oil", not "leaked the report on the gas pipeline" or "the
    fighting spilled over"), a volcano's (its subject, modifiers or "of" phrase: "the Mount
    Keld volcano erupted", "a volcanic eruption"; not "violence erupted"); None for any
    other trigger."""
    lemma = _lemma(m.head)
    own = _noun_words(m.head) if m.noun else set()
    of = prep_object(m.head, frozenset({"of", "from"}))
    own |= _noun_words(of) if of is not None else set()
    if lemma in ("overturn", "collide", "collision"):
        with_ = prep_object(m.head, frozenset({"with", "between"}))
        sides = actor | own
        if with_ is not None:
            sides |= _noun_words(with_)
            sides |= {w for c in with_.children if c.dep_ == "conj" for w in _noun_words(c)}
        if m.head.dep_ == "acl":  # "after their car overturned", read as the car's modifier
            sides |= {_lemma(m.head.head)}
        return bool(sides & tr.VEHICLES)
    if lemma in ("leak", "spill"):
        if any(c.dep_ == "prt" for c in m.head.children):
            return False  # "spilled over"
        obj = child_of(m.head, frozenset({"dobj"}))
        spilled = actor | own | (_noun_words(obj) if obj is not None else set())
        return bool(spilled & tr.SPILLED)
    if lemma in ("erupt", "eruption"):
        return bool((actor | own) & tr.VOLCANIC)
    return None


def _is_disaster(doc: Any, m: Mention, sentence: set[str], actor: set[str]) -> bool:
    """Whether a disaster's trigger names one here: not a market's or a computer's crash or
    collapse (``FINANCE`` in the sentence), not an election's landslide, not a figure of
    speech ("a flood of refugees", "a storm of criticism", "the storm over his remarks",
    "derailed the talks"), not a kind of hazard in general ("events like flooding", "a war
    against rising seas and deadly droughts": a plural with no determiner that is no verb's
    subject, in a sentence with no word of harm or place, ``PHYSICAL``), a collapse only of
    a structure, a vehicle's crash only of a vehicle; and an accident only where no attack
    or sabotage is named (``triggers.ATTACK_WORDS``; a building that "collapsed after an air
    strike" is the strike's: see ``find_mentions``)."""
    lemma = _lemma(m.head)
    if lemma in ("crash", "collapse") and sentence & FINANCE:
        return False
    physical = (sentence - tr.NATURAL_HAZARDS) & PHYSICAL  # not the hazards' own: "floods"
    if lemma == "landslide" and sentence & ELECTION and not physical:
        return False  # "won in a landslide", not "a landslide hit a village on election day"
    if lemma in FIGURATIVE_HAZARDS and not physical:
        return False  # "in other words, a landslide", "has the storm passed?"
    if sentence & k.SPORT and not physical:
        return False  # "Storm Varga, a striker for Lernik United, scored twice"
    word = doc[m.first]
    before = doc[word.i - 1] if word.i > 0 else None
    if (
        word.pos_ == "PROPN"
        and before is not None
        and before.pos_ == "NOUN"
        and _lemma(before) not in tr.NATURAL_HAZARDS
    ):
        return False  # a name: "the band Typhoon", "the trawler Cyclone"
    if "MAN_MADE_DISASTER" in m.candidates and sentence & tr.ATTACK_WORDS:
        return False  # "the train derailed after rebels sabotaged the track"
    kind = _accident_kind(doc, m, actor)
    if kind is not None:
        return kind
    mods = {_lemma(c) for c in m.head.children if c.dep_ in ("amod", "compound")}
    if lemma == "crash" and mods & NOT_VEHICLES:
        return False  # "a computer crash"
    if not m.noun:
        if lemma == "collapse":
            return bool(actor & tr.STRUCTURES)  # "a building collapsed", not "the truce"
        if lemma == "crash":
            return bool(actor & tr.VEHICLES)  # "a bus crashed into a ravine"
        return child_of(m.head, frozenset({"dobj"})) is None  # "derailed the talks"
    of = prep_object(m.head, frozenset({"of"}))
    if of is not None and not (
        _lemma(of) in MEASURES or of.pos_ == "NUM" or of.ent_type_ in ("DATE", "TIME")
    ):
        return False  # "a flood of refugees", not "an earthquake of magnitude 6", "of March"
    over = prep_object(m.head, frozenset({"over", "about", "around"}))
    if over is not None and over.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False  # "the storm over his remarks", not "the storm over Korsk"
    head = m.head
    while head.dep_ == "conj":  # "droughts, storms and flooding": the list's first word
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in ("like", "as"):
        return False
    determined = any(c.dep_ in ("det", "poss", "nummod") for c in m.head.children)
    plural = m.head.tag_ in ("NNS", "NNPS")
    subject = head.dep_ in ("nsubj", "nsubjpass")
    return not (plural and not determined and not subject and not physical)


def _protest_as_words(noun: Any) -> bool:
    """Whether a "protest" noun is words or a purpose, not a demonstration: "in protest"
    ("resigned in protest", "marched in protest": the march is the event), the "of" phrase
    of an outcry or a letter ("a storm of protest", "a note of protest"), the object of a
    verb of lodging or delivering one ("lodged a formal protest", "handed a note of
    protest"); not "prompted violent protests", which are demonstrations."""
    bare = noun.lower_ == "protest" and not any(
        c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in noun.children
    )
    if bare and noun.dep_ == "pobj" and noun.head.lower_ == "in":
        return True  # not "took part in unauthorised protests"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in OUTCRY:
        return True
    gov = governor(noun)
    return gov is not None and noun.dep_ == "dobj" and _lemma(gov) in PROTEST_SPEECH_VERBS


def _from_critics(doc: Any, m: Mention) -> bool:
    """Whether the attack comes from people whose attacks are words: the actor's head, or
    the "from" phrase of a noun trigger or of the verb carrying it, is a critic's word
    (``kinds.CRITICS``)."""
    sides = [doc[m.actor.head]] if m.actor is not None else []
    if m.noun:
        gov = governor(m.head)
        for tok in (m.head, gov):
            found = prep_object(tok, frozenset({"from"})) if tok is not None else None
            if found is not None:
                sides.append(found)
    return any(_lemma(t) in k.CRITICS for t in sides)


def _named_side(doc: Any, m: Mention) -> bool:
    """Whether the actor is a named organisation (the Northern Front)."""
    if m.actor is None:
        return False
    return any(t.ent_type_ in ("ORG", "NORP") for t in doc[m.actor.first : m.actor.last + 1])


def _named_place(head: Any) -> bool:
    """Whether a taken thing's head is a name and no organisation's: a place, whatever the
    tagger took it for."""
    return bool(head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "NORP"))


def _place_target(doc: Any, m: Mention) -> bool:
    if m.target is None:
        return False
    if _named_place(doc[m.target.head]):
        return True
    return any(
        t.ent_type_ in ("GPE", "LOC", "FAC") for t in doc[m.target.first : m.target.last + 1]
    )


def decide(doc: Any, m: Mention, sentence: set[str], scores: Scores) -> tuple[str, float]:
    """The mention's code and its confidence (1.0 where the words decide)."""
    cands = m.candidates
    if len(cands) == 1:
        return cands[0], 1.0
    actor, target = _lemmas(doc, m.actor), _lemmas(doc, m.target)
    span = {_lemma(t) for t in doc[m.first : m.last + 1]}
    lemma = _lemma(m.head)
    weapon = _weapon(doc, m, cands)
    labour = (actor | span | sentence) & (k.WORKER | {"union", "wage", "pay", "salary"})
    if "PEACE_PROTEST" in cands and lemma == "strike" and weapon is None and labour:
        return "PEACE_PROTEST", 1.0
    if actor & MOB and ("MOB_VIOL" in cands or set(cands) & MOB_ACTS):
        return "MOB_VIOL", 1.0  # a mob's attack, lynching, burning or looting
    if "VIOL_DEMONSTR" in cands and actor & ACTING_PROTESTERS and "PEACE_PROTEST" not in cands:
        return "VIOL_DEMONSTR", 1.0
    if "PEACE_PROTEST" in cands and _is_protest_word(doc, m):
        for words, code in tr.PROTEST_CODES:
            if sentence & words and code in cands:
                return code, 1.0
        return "PEACE_PROTEST", 1.0
    if "FORCE_AGAINST_PROTEST" in cands and target & k.PROTESTER:
        lethal = sentence & {"live", "kill", "dead"}
        if sentence & k.PROTEST_INTERVENTION and not lethal and "PROTEST_WITH_INTER" in cands:
            return "PROTEST_WITH_INTER", 1.0
        return "FORCE_AGAINST_PROTEST", 1.0
    if weapon is not None:
        return weapon, 1.0
    if "MAN_MADE_DISASTER" in cands and _accident(doc, m, sentence, actor):
        return "MAN_MADE_DISASTER", 1.0
    if "DISR_WEAP" in cands and target & k.WEAPON:
        return "DISR_WEAP", 1.0
    if TERRITORY_CODES[0] in cands:
        if actor & k.NON_STATE or (actor and not actor & k.STATE and _named_side(doc, m)):
            return TERRITORY_CODES[0], 1.0
        if actor & k.STATE:
            return TERRITORY_CODES[1], 1.0
    victims = _lemmas(doc, m.victims)
    if "ARMED_CLASH" in cands and victims & k.ARMED and (not actor or actor & k.ARMED):
        return "ARMED_CLASH", 1.0  # "stormed the town, killing 10 soldiers"
    named_target = m.target is not None and doc[m.target.head].pos_ == "PROPN"
    one_side = actor & k.ARMED and target and not target & k.ARMED and not named_target
    if "ATTACK" in cands and one_side:  # one armed side: "militants attacked government buildings"
        return "ATTACK", 1.0
    if "ATTACK" in cands and _lemmas(doc, m.victims) & k.CIVILIAN:
        return "ATTACK", 1.0  # "aid workers were killed in an attack on their convoy"
    if "ARMED_CLASH" in cands and target & k.ARMED and (not actor or actor & k.ARMED):
        return "ARMED_CLASH", 1.0
    if "ARMED_CLASH" in cands and target & k.ARMED and _named_side(doc, m):
        return "ARMED_CLASH", 1.0
    if "ATTACK" in cands and (target | _lemmas(doc, m.victims)) & k.CIVILIAN:
        return "ATTACK", 1.0
    if cands[0] == "ARMED_CLASH" and "VIOL_DEMONSTR" in cands:
        return "ARMED_CLASH", 1.0  # a clash is a battle, unless protesters clash (above)
    if "PROPERTY_DISTRUCT" in cands and not actor & ACTING_PROTESTERS:
        return "PROPERTY_DISTRUCT", 1.0
    default = tr.DEFAULTS.get((lemma, m.noun))
    if default is not None:
        return default, 1.0
    return _classified(cands, scores())


def _accident(doc: Any, m: Mention, sentence: set[str], actor: set[str]) -> bool:
    """Whether an explosion is an accident: the sentence names what explodes by accident
    (``triggers.ACCIDENT``: a boiler, a gas cylinder, a refinery) and no bomb, weapon,
    attacker, sabotage or claim of responsibility (``triggers.ATTACK_WORDS``), and no armed
    side acts."""
    words = sentence | {t.lower_ for t in doc[m.first : m.last + 1]}
    return bool(words & tr.ACCIDENT) and not words & tr.ATTACK_WORDS and not actor & k.ARMED


def _classified(cands: tuple[str, ...], probs: dict[str, float]) -> tuple[str, float]:
    """The classifier's most probable candidate (ties: the lexicon's order), and its share
    of the candidates' probability."""
    total = sum(probs.get(c, 0.0) for c in cands)
    best = max(cands, key=lambda c: (probs.get(c, 0.0), -cands.index(c)))
    return best, (probs.get(best, 0.0) / total if total > 0 else 1.0 / len(cands))


def _is_protest_word(doc: Any, m: Mention) -> bool:
    """Whether the trigger names a protest itself ("marched", "a rally", "went on strike"),
    not an act against one ("dispersed")."""
    tokens = doc[m.first : m.last + 1]
    words = {_lemma(t) for t in tokens} | {t.lower_ for t in tokens}
    return bool(words & PROTEST_WORDS) or (m.code == "PEACE_PROTEST" and "strike" in words)


def find_mentions(sent: Any, scores: Scores) -> list[Mention]:
    """The event mentions of one parsed sentence, typed and with their modality."""
    found = find_triggers(sent)
    if not found:
        return []
    doc = sent.doc
    sentence = {_lemma(t) for t in sent}
    has_weapon = any(
        tr.CUES.get(lemma) is not None and lemma not in ("gas", "car", "device")
        for lemma in sentence
    )
    out = _events(doc, found, sentence, has_weapon, scores)
    if any(not _is_result(m) for m in out):  # a weak trigger's event: the result is its own
        out = [m for m in out if not _is_result(m)]
    if any(m.code in VIOLENT_CODES for m in out):
        # "a building collapsed after an air strike, killing 12": the strike's, not an accident
        out = [m for m in out if m.code != "MAN_MADE_DISASTER"]
    return out


def _events(
    doc: Any, found: list[Mention], sentence: set[str], has_weapon: bool, scores: Scores
) -> list[Mention]:
    """The triggers that name an event here, typed, with their arguments and modality."""
    out = []
    for m in found:
        _args(m, battle=bool(set(m.candidates) & BATTLE_CODES))
        m.actor, m.target = _outside(m, m.actor), _outside(m, m.target)
        if not _is_event(doc, m, sentence, has_weapon):
            continue
        m.code, m.confidence = decide(doc, m, sentence, scores)
        if m.code in DISASTERS:
            m.actor = m.target = None  # no side: "a boiler exploded", "the tsunami killed 43"
        if m.code in tr.PROTESTS and m.confidence == 1.0 and _is_protest_word(doc, m):
            # the words make it a protest: its "of" phrase or object is who protests (a
            # classifier's guess, which an antecedent may change, keeps its roles)
            if m.actor is None and m.target is not None and m.noun:
                m.actor = m.target  # "a march of thousands"
            m.target = None
        m.modality, m.cue = modality_of(m.head)
        out.append(m)
    return out
