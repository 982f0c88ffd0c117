"""Casualty and event words: what makes a count a casualty or event count, and a sentence
one about violence or loss. Three views of one concept, each in the form its reader
matches against."""

from __future__ import annotations

# Verbs that make a count a casualty or event count ("12 people were killed"), in the forms
# that follow a counted noun; listed out so no lemmatizer is needed (extract.quantities).
CASUALTY_VERB_FORMS = frozenset(
    """killed wounded injured hurt died dead displaced detained arrested abducted kidnapped
    captured evacuated destroyed damaged shot struck launched fired intercepted downed fled
    rescued freed released held deployed mobilised mobilized lost buried identified missing
    executed imprisoned jailed sentenced charged convicted expelled deported taken seized
    surrendered defected recruited trapped stranded affected infected""".split()
)

# Lemmas of verbs that report an event (casualties, fighting, decisions, changes), for the
# check-worthiness features (extract.checkworthy).
EVENT_VERB_LEMMAS = frozenset(
    """kill wound injure die attack strike shell bomb fire launch hit destroy damage capture
    seize retake liberate occupy withdraw retreat advance invade raid storm shoot intercept
    arrest detain abduct release sign agree announce impose sanction ban vote elect appoint
    resign dismiss deploy deliver supply fund approve reject veto evacuate flee displace sink
    explode crash collapse visit cut raise lose win pass spend increase decrease rise fall
    drop double triple grow shrink create close open build execute torture bombard target
    massacre sentence convict charge""".split()
)

# Word beginnings of what a casualty count counts ("killed", "injuries", "civilians"), matched
# at a word start, case-insensitively (extract.checkworthy).
CASUALTY_WORD_STEMS = tuple(
    "kill dead death died wound injur casualt civilian soldier troop refugee displac "
    "missing captive hostage prisoner detain arrest strike missile drone shell".split()
)
