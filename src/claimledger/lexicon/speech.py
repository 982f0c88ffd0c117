"""Cue verbs: speech, belief, estimate, intention and finding verbs that introduce what
is attributed, by the kind of content they take."""

from __future__ import annotations

# Verbs that introduce reported speech, belief or estimate (lemmas).
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "state",
        "report",
        "claim",
        "announce",
        "estimate",
        "add",
        "warn",
        "insist",
        "deny",
        "confirm",
        "note",
        "acknowledge",
        "explain",
        "argue",
        "allege",
        "assert",
        "declare",
        "maintain",
        "predict",
        "suggest",
        "write",
        "accuse",
        "admit",
        "reveal",
        "recall",
        "describe",
        "call",
        "comment",
        "conclude",
        "contend",
        "cite",
        "concede",
        "disclose",
        "emphasize",
        "emphasise",
        "stress",
        "express",
        "indicate",
        "mention",
        "observe",
        "point",
        "reiterate",
        "reply",
        "respond",
        "testify",
        "think",
        "believe",
        "expect",
        "fear",
        "hope",
        "quote",
        "show",
        "find",
        "calculate",
        "count",
        "put",
        "record",
        "recognize",
        "recognise",
        "tweet",
        "post",
        "brief",
        "inform",
        "signal",
        "agree",
        "dispute",
        "question",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "urge",
        "ask",
        "demand",
        "blame",
        "charge",
        # from the GenderGapTracker quote-verb list (MIT)
        "advise",
        "assure",
        "clarify",
        "continue",
        "convince",
        "decry",
        "exclaim",
        "highlight",
        "proclaim",
        "reassure",
        "reckon",
        "remind",
        "restate",
        "recount",
        "boast",
        "brag",
        "complain",
        "joke",
        "muse",
        "caution",
        "concur",
        "counter",
        "retort",
        "shout",
        "wonder",
        "worry",
        "lament",
        "imply",
        "hint",
        "speculate",
        "surmise",
        "figure",
        "learn",
        "doubt",
        "guess",
        "suspect",
        "assume",
        "determine",
        "forecast",
        "project",
        "protest",
        "assess",
        "judge",
        "read",
    ]
)

# Cue verbs weak enough that they need a clausal complement or a quote to count.
WEAK_SPEECH_VERBS = frozenset(
    [
        "show",
        "find",
        "put",
        "call",
        "ask",
        "demand",
        "urge",
        "question",
        "signal",
        "agree",
        "think",
        "hope",
        "believe",
        "expect",
        "count",
        "continue",
        "learn",
        "figure",
        "read",
        "judge",
        "determine",
        "project",
        "worry",
        "convince",
        "remind",
        "assume",
    ]
)

# Cues whose content is an infinitive ("plans to run", "declined to comment", "urged them
# to leave"): intentions, refusals, appearances and appeals.
XCOMP_CUE_VERBS = frozenset(
    """plan hope decline refuse vow pledge promise threaten seem appear intend agree aim
    prefer decide offer urge ask encourage warn call order instruct advise
    invite persuade convince remind forbid yearn pretend claim choose move propose want
    wish seek""".split()
)

# Cues whose content is a noun phrase object ("endorsed Cruz", "announced his
# resignation", "described the field as weak"): stances, speech acts on a topic.
OBJECT_CUE_VERBS = frozenset(
    """announce propose endorse criticize criticise reject cite describe deny praise condemn
    blame accuse slam blast dismiss defend applaud question acknowledge admit see call
    characterize characterise label brand view consider regard predict estimate confirm
    claim express reveal disclose demand recommend favor favour prefer dispute stress
    emphasize emphasise denounce decry hail commend fault mock ridicule tout champion
    promise pledge vow threaten urge request suggest dub deem report rule fear doubt echo
    repeat support back oppose thank discuss attack mention tweet share offer highlight remind
    recall reiterate note list name identify compare portray detail welcome congratulate
    email answer challenge cast publish address disavow reference unveil ignore declare
    forecast project""".split()
)

# Verbs of forecast and estimate: their object keeps the phrases after it ("projects 2
# million refugees by 2030", "forecasts heavy rain in Lunt this week").
FORECAST_VERBS = frozenset(["forecast", "project", "predict", "estimate"])

# What is projected without being forecast ("projected an image of calm").
PROJECTED_NOT_FORECAST = frozenset(
    "image power strength confidence calm unity force authority voice light".split()
)

# Verbs that cue only in "as ... by X" ("as documented by the watchdog"): elsewhere they
# report an act, not a claim.
AS_ONLY_CUE_VERBS = frozenset(["document", "verify", "witness", "corroborate"])

# Light verbs whose object noun is the cue ("issued a warning that", "made the claim that",
# "released a statement saying"); "put" counts with "out" ("put out a statement").
LIGHT_VERBS = frozenset(["issue", "give", "make", "release", "send", "deliver", "put"])

# Cues with a preposition that opens their content ("called for a ban", "referred to").
PREP_CUES = frozenset(
    (verb, prep)
    for verb, preps in (
        ("call", "for on"),
        ("refer", "to"),
        ("point", "to"),
        ("argue", "for against"),
        ("push", "for against"),  # "pushing back against"
        ("press", "for"),
        ("appeal", "for to"),
        ("warn", "of about against"),
        ("speak", "of about"),
        ("talk", "about"),
        ("complain", "about of"),
        ("comment", "on"),
        ("insist", "on"),
        ("worry", "about"),
        ("object", "to"),
        ("respond", "to"),
        ("testify", "about"),
        ("boast", "about of"),
        ("brag", "about"),
        ("agree", "with on"),
        ("disagree", "with on"),
        ("campaign", "for against"),
        ("advocate", "for"),
        ("lobby", "for against"),
        ("apologize", "for"),
        ("apologise", "for"),
        ("blame", "for on"),
        ("criticize", "for"),
        ("praise", "for"),
        ("joke", "about"),
        ("write", "about of"),
        ("ask", "about for"),
        ("hint", "at"),
        ("vote", "for against"),
        ("lash", "at"),
        ("focus", "on"),
        ("double", "on"),
        ("weigh", "on"),
        ("rail", "against"),
        ("reflect", "on"),
        ("fight", "for against"),
        ("stand", "by"),
        ("allude", "to"),
        ("know", "about"),
        ("distance", "from"),
        ("elaborate", "on"),
    )
    for prep in preps.split()
)

# Verbs that present their clause as held without saying by whom ("seemed to be",
# "appears to have"); with a passive cue ("is expected to", "is said to") likewise.
RAISING_CUE_VERBS = frozenset(["seem", "appear"])

# What data, polls and reports show ("the poll shows Clinton ahead").
FINDING_VERBS = frozenset(["show", "find", "put", "give", "have", "place", "suggest"])

CUE_LEMMAS = (
    SPEECH_VERBS
    | RAISING_CUE_VERBS
    | FINDING_VERBS
    | XCOMP_CUE_VERBS
    | OBJECT_CUE_VERBS
    | frozenset(verb for verb, _ in PREP_CUES)
)

# Adverbs kept in a cue when they stand right before its verb ("also warned", "has
# previously said").
CUE_ADVERBS = frozenset(
    "also later previously earlier initially repeatedly once again publicly privately "
    "recently then already never often still further reportedly separately".split()
)

# Verbs of "was quoted as saying", "was cited as saying": the passive subject is the speaker.
QUOTED_AS_VERBS = frozenset(["quote", "cite"])

# Adverbs that pass a claim on with no source ("allegedly paid").
HEARSAY_ADVERBS = frozenset(["reportedly", "allegedly", "purportedly", "supposedly", "reputedly"])

# Belief verbs that cite only a noun subject ("officials believe", not "I believe").
BELIEF_VERBS = frozenset(["believe"])

# Speech verbs whose object is what was said ("said no", "answered yes").
SAY_OBJECT_VERBS = frozenset(["say", "answer", "reply"])

# Verbs of asking, whose content is an if- or whether-clause.
ASKING_VERBS = frozenset(["ask", "wonder", "question", "inquire", "query"])

# Verbs that link a subject to a stance adjective ("are confident", "seemed wary").
LINKING_VERBS = frozenset("be seem remain feel appear become sound grow stay".split())

# Forms the small model's lemmatizer gets wrong for cue verbs ("hopes" -> "hop").
CUE_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}

# Cues that take an infinitive (the infinitive's own verb is not a second cue), and cues
# whose clausal complement is their content.
INFINITIVE_CUE_VERBS = XCOMP_CUE_VERBS | RAISING_CUE_VERBS
CLAUSE_CUE_VERBS = SPEECH_VERBS | OBJECT_CUE_VERBS | XCOMP_CUE_VERBS
