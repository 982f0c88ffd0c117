"""Heads of source phrases that name no one (officials, sources) or a document (a report,
a poll)."""

from __future__ import annotations

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

# Nouns of "in a recent poll": what the clause says is what the poll reports.
POLL_NOUNS = frozenset(["poll", "survey"])

# Nouns a document uses for its own outlet, or for the outlet it last named ("the
# newspaper said", "this newspaper reported"); "agency" only when the outlet is a news agency.
OWN_OUTLET_NOUNS = frozenset(
    """newspaper daily paper broadcaster agency network station magazine website site
    channel outlet publication tabloid weekly""".split()
)

# Heads of a poll's share of those asked ("75 percent of all voters", "a majority of
# respondents", "two-thirds of Republicans"): what the poll found, not a source.
POLL_SHARE_WORDS = frozenset(
    """percent per cent % majority minority plurality half halves third thirds quarter
    quarters fifth fifths tenth tenths""".split()
)

# Verbs of a document's issuer: "figures released by the board", "a survey conducted by".
ISSUING_VERBS = frozenset(
    """release publish issue compile collect provide produce gather prepare conduct
    commission carry out post""".split()
)
