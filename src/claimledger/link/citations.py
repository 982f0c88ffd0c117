"""Citations (issue 19): the outlet an attribution cites ("as the Northern Herald reported",
"according to a report by Radio Varnek") and outlet names compared the way the ledger
compares them.

Two names are the same outlet when their keys are equal (case, a leading "the", a trailing
possessive and punctuation ignored: "The Northern-Herald" and "northern herald" are one), or
when both resolve to the same news outlet in the actor table (link/actors: "Reuters" and
"Thomson Reuters"). The store keeps each document's outlet key and outlet actor, indexed, so
a citation finds the cited outlet's documents without reading the others.
"""

from __future__ import annotations

import re
import unicodedata

from claimledger.link.actors.resolve import resolve_actor

# Source kinds (model.Attribution.source_kind) that cite an outlet or one of its documents.
CITING_KINDS = ("outlet", "document")

# The longest key kept: an outlet's name, not a paragraph.
_MAX_KEY = 200
# Removed inside a name ("N.Y. Times" is "NY Times", "Lloyd's List" "Lloyds List").
_JOINED = re.compile(r"[.'\u2019\u02bc`]")
_POSSESSIVE = re.compile(r"['\u2019\u02bc]s$")
# A document cited by its outlet: "a report by", "an article in", "a broadcast on", "the
# latest bulletin from".
_DOCUMENT_LEAD = re.compile(
    r"^(?:(?:a|an|the|one|its|their)\s+)?(?:(?:new|latest|recent|earlier|exclusive|separate)"
    r"\s+)?(?:report|article|story|broadcast|bulletin|dispatch|investigation|analysis|"
    r"interview|editorial|piece|account|survey|poll|tally|count|review|feature|documentary)"
    r"s?\s+(?:by|from|in|on|of)\s+",
    re.IGNORECASE,
)
# A trailing document noun: "the Northern Herald's report", "a Radio Varnek broadcast".
_DOCUMENT_TAIL = re.compile(
    r"(?:['\u2019]s)?\s+(?:report|article|story|broadcast|bulletin|dispatch|investigation|"
    r"analysis|interview|editorial|piece|account|survey|poll|tally|count|review|feature|"
    r"documentary)s?$",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(r"^(?:a|an)\s+", re.IGNORECASE)
# Keys that name a kind of outlet, not one outlet ("the newspaper", "local media").
_GENERIC = frozenset(
    {
        *("newspaper", "paper", "daily", "tabloid", "agency", "news agency", "media"),
        *("local media", "state media", "state television", "state tv", "television"),
        *("broadcaster", "channel", "website", "outlet", "news outlet", "magazine"),
        *("radio", "the press", "press", "report", "reports", "media reports", "news"),
        *("a report", "newspapers", "outlets", "wire", "wire service", "journal"),
    }
)


def outlet_key(name: str | None) -> str | None:
    """A name's key for comparing outlets: casefolded, NFKC, dots and apostrophes dropped,
    other punctuation a space, a leading "the" and a trailing "'s" removed; None when
    nothing is left or the name is over-long."""
    if not name:
        return None
    s = unicodedata.normalize("NFKC", name).strip()
    s = _POSSESSIVE.sub("", s).casefold()
    s = _JOINED.sub("", s)
    s = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in s)
    toks = s.split()
    if toks and toks[0] == "the":
        toks = toks[1:]
    key = " ".join(toks)
    if not key or len(key) > _MAX_KEY:
        return None
    return key


def outlet_actor(name: str | None) -> str | None:
    """The id of the news outlet the actor table knows ``name`` as ("org/reuters"), None
    when it names none (or names an actor that is not a news outlet)."""
    if not name or len(name) > _MAX_KEY:
        return None
    actor = resolve_actor(name)
    return actor.id if actor is not None and actor.kind == "media" else None


def cited_outlet(attributed_to: str | None, canonical: str | None) -> str | None:
    """The outlet an attribution's source names, as written: "the Northern Herald" for
    "as the Northern Herald reported", "Radio Varnek" for "a report by Radio Varnek"; None
    when the source names no particular outlet ("the newspaper", "local media")."""
    for text in (canonical, attributed_to):
        if not text:
            continue
        name = _DOCUMENT_LEAD.sub("", text.strip())
        name = _DOCUMENT_TAIL.sub("", name).strip()
        name = _INDEFINITE.sub("", name)  # "a Radio Varnek broadcast": Radio Varnek
        key = outlet_key(name)
        if key is not None and key not in _GENERIC:
            return name
    return None
