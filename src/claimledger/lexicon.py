"""Word lists the extractors share. Written for claimledger; plain data, no logic."""

from __future__ import annotations

ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "it",
        "its",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "than",
        "then",
        "there",
        "here",
        "so",
        "such",
        "into",
        "over",
        "after",
        "before",
        "about",
        "against",
        "between",
        "during",
        "under",
        "above",
        "out",
        "up",
        "down",
        "all",
        "any",
        "some",
        "more",
        "most",
        "other",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "said",
        "says",
    ]
)

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
    email answer challenge cast publish address disavow reference unveil ignore declare""".split()
)

# Adjectives that hold a stance after "be", "seem", "remain" or "feel": "officials are
# confident that the line will hold", "the ministry was critical of the deal", "Kyiv is
# ready to talk". Their content is a that-clause, a prepositional object or an infinitive.
ADJECTIVE_CUES = frozenset(
    """critical supportive skeptical sceptical wary confident concerned worried optimistic
    pessimistic hopeful sure certain convinced aware afraid fearful proud happy unhappy
    upset angry furious frustrated disappointed pleased grateful thankful appreciative
    opposed committed eager keen reluctant determined adamant dismissive suspicious
    doubtful enthusiastic comfortable uncomfortable ready willing unwilling hostile
    sympathetic fond outspoken vocal upbeat bullish bearish cautious unclear divided
    satisfied dissatisfied alarmed troubled puzzled delighted glad sorry""".split()
)
ADJECTIVE_PREPS = frozenset("of about for on with over to against at by".split())

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

# Nouns that carry an attributed content ("the claim that ...", "his criticism of ...").
NOUN_CUES = frozenset(
    """claim assertion suggestion argument belief fear worry concern sense view hope promise
    pledge warning allegation accusation insistence notion idea position message response
    demand proposal decision statement announcement admission acknowledgment
    acknowledgement assessment conclusion prediction expectation theory charge criticism
    complaint denial report rumor rumour speculation word news sign indication
    confidence doubt call vow threat testimony contention impression perception
    recognition praise condemnation endorsement support rejection
    opposition forecast estimate""".split()
)
NOUN_OF_CUES = frozenset(
    """criticism praise condemnation endorsement support rejection opposition denunciation
    defense defence accusation allegation""".split()
)

CUE_LEMMAS = (
    SPEECH_VERBS
    | RAISING_CUE_VERBS
    | FINDING_VERBS
    | XCOMP_CUE_VERBS
    | OBJECT_CUE_VERBS
    | frozenset(verb for verb, _ in PREP_CUES)
)


UNNAMED_SOURCE_HEADS = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "expert",
        "experts",
        "analyst",
        "analysts",
        "observer",
        "observers",
        "diplomat",
        "diplomats",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "people",
        "critics",
        "activists",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "someone",
        "some",
        "many",
        "others",
        "insider",
        "insiders",
        "authorities",
        "investigators",
        "investigator",
        "prosecutors",
        "researchers",
        "economists",
        "media",
        "reports",
    ]
)

DOCUMENT_SOURCE_HEADS = frozenset(
    [
        "report",
        "statement",
        "study",
        "survey",
        "article",
        "document",
        "documents",
        "letter",
        "memo",
        "note",
        "readout",
        "release",
        "communique",
        "communiqué",
        "assessment",
        "analysis",
        "data",
        "figures",
        "tally",
        "estimate",
        "estimates",
        "paper",
        "review",
        "audit",
        "investigation",
        "poll",
        "census",
        "record",
        "records",
        "file",
        "files",
        "footage",
        "imagery",
        "image",
        "images",
        "video",
        "photo",
        "photograph",
        "statistics",
    ]
)

# Canonical names for actors that appear under many names. Keys are lower-case aliases.
ACTOR_ALIASES: dict[str, str] = {
    "un": "United Nations",
    "u.n.": "United Nations",
    "the un": "United Nations",
    "united nations": "United Nations",
    "unsc": "United Nations Security Council",
    "un security council": "United Nations Security Council",
    "security council": "United Nations Security Council",
    "ohchr": "Office of the UN High Commissioner for Human Rights",
    "ocha": "UN Office for the Coordination of Humanitarian Affairs",
    "unhcr": "UN Refugee Agency (UNHCR)",
    "un refugee agency": "UN Refugee Agency (UNHCR)",
    "the un refugee agency": "UN Refugee Agency (UNHCR)",
    "who": "World Health Organization",
    "icrc": "International Committee of the Red Cross",
    "médecins sans frontières": "Médecins Sans Frontières",
    "kyiv": "Kyiv",
    "kiev": "Kyiv",
    "red cross": "International Committee of the Red Cross",
    "nato": "NATO",
    "eu": "European Union",
    "e.u.": "European Union",
    "european union": "European Union",
    "imf": "International Monetary Fund",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "america": "United States",
    "united states": "United States",
    "the united states": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "afu": "Armed Forces of Ukraine",
    "armed forces of ukraine": "Armed Forces of Ukraine",
    "ukrainian army": "Armed Forces of Ukraine",
    "the ukrainian army": "Armed Forces of Ukraine",
    "idf": "Israel Defense Forces",
    "israel defense forces": "Israel Defense Forces",
    "israeli military": "Israel Defense Forces",
    "pentagon": "United States Department of Defense",
    "the pentagon": "United States Department of Defense",
    "kremlin": "Government of Russia (Kremlin)",
    "the kremlin": "Government of Russia (Kremlin)",
    "acled": "ACLED",
    "hrw": "Human Rights Watch",
    "human rights watch": "Human Rights Watch",
    "amnesty": "Amnesty International",
    "amnesty international": "Amnesty International",
    "msf": "Médecins Sans Frontières",
    "doctors without borders": "Médecins Sans Frontières",
}

OUTLET_ALIASES: dict[str, str] = {
    "nyt": "The New York Times",
    "new york times": "The New York Times",
    "the new york times": "The New York Times",
    "the times": "The Times",
    "wapo": "The Washington Post",
    "washington post": "The Washington Post",
    "the washington post": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "wall street journal": "The Wall Street Journal",
    "the wall street journal": "The Wall Street Journal",
    "reuters": "Reuters",
    "reuters news agency": "Reuters",
    "ap": "Associated Press",
    "the ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "agence france presse": "Agence France-Presse",
    "bbc": "BBC",
    "the bbc": "BBC",
    "cnn": "CNN",
    "al jazeera": "Al Jazeera",
    "le monde": "Le Monde",
    "der spiegel": "Der Spiegel",
    "spiegel": "Der Spiegel",
    "kommersant": "Kommersant",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "ukrinform": "Ukrinform",
    "kyiv independent": "The Kyiv Independent",
    "the kyiv independent": "The Kyiv Independent",
    "haaretz": "Haaretz",
    "times of israel": "The Times of Israel",
    "the times of israel": "The Times of Israel",
    "the guardian": "The Guardian",
    "guardian": "The Guardian",
    "financial times": "Financial Times",
    "the financial times": "Financial Times",
    "ft": "Financial Times",
    "bloomberg": "Bloomberg",
    "politico": "Politico",
    "fox news": "Fox News",
    "breitbart": "Breitbart",
    "usa today": "USA Today",
    "huffington post": "HuffPost",
    "huffpost": "HuffPost",
    "xinhua": "Xinhua",
    "dpa": "dpa",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
}

# Nationality adjectives to the country a source speaks for ("Ukrainian Defence Minister").
DEMONYMS: dict[str, str] = {
    k: v
    for v, ks in (
        ("Ukraine", "ukrainian"),
        ("Russia", "russian"),
        ("Israel", "israeli"),
        ("Palestine", "palestinian"),
        ("United States", "american u.s. us"),
        ("United Kingdom", "british uk u.k."),
        ("France", "french"),
        ("Germany", "german"),
        ("China", "chinese"),
        ("Iran", "iranian"),
        ("Syria", "syrian"),
        ("Iraq", "iraqi"),
        ("Turkey", "turkish"),
        ("Lebanon", "lebanese"),
        ("Yemen", "yemeni"),
        ("Sudan", "sudanese"),
        ("Egypt", "egyptian"),
        ("Qatar", "qatari"),
        ("Saudi Arabia", "saudi"),
        ("Poland", "polish"),
        ("Belarus", "belarusian"),
        ("Georgia", "georgian"),
        ("Armenia", "armenian"),
        ("Azerbaijan", "azerbaijani"),
        ("Afghanistan", "afghan"),
        ("Pakistan", "pakistani"),
        ("India", "indian"),
        ("Japan", "japanese"),
        ("Ethiopia", "ethiopian"),
        ("Somalia", "somali"),
        ("Libya", "libyan"),
        ("Mali", "malian"),
        ("Nigeria", "nigerian"),
        ("Venezuela", "venezuelan"),
        ("Colombia", "colombian"),
        ("Mexico", "mexican"),
        ("Canada", "canadian"),
        ("Italy", "italian"),
        ("Spain", "spanish"),
        ("Netherlands", "dutch"),
        ("Jordan", "jordanian"),
        ("United Arab Emirates", "emirati"),
        ("Moldova", "moldovan"),
        ("Serbia", "serbian"),
        ("Kosovo", "kosovar"),
        ("Myanmar", "burmese"),
    )
    for k in ks.split()
}

# Heads of source phrases that name one person by role ("the bank's governor").
PERSON_ROLE_HEADS = frozenset(
    """governor minister president premier chancellor secretary spokesman spokeswoman
    spokesperson ambassador envoy general commander colonel major captain officer director
    chief head mayor senator lawmaker deputy adviser advisor prosecutor judge king queen prince
    leader chairman chairwoman chair ceo founder negotiator diplomat doctor surgeon witness
    resident mother father priest imam rabbi""".split()
)
