"""Numbers that are not quantities: codes, clock times, dates, years, list numbers, street
numbers, names with numbers ("FTSE 250", "Route 9") and terminal control sequences.

Uses the tagger and parser but not the entity recogniser, so quantities come out the same
whether or not NER runs."""

from __future__ import annotations

import re
from typing import Any

from claimledger.extract.quantities.atoms import Atom

# Terminal control sequences (ECMA-48), in 7-bit and 8-bit form: their parameters look like
# figures ("\x1b[2K", "\x1b[0m") but are instructions to a terminal. A CSI's final byte may
# lie past the sentence (the splitter can cut "\x1b[9494 The"); the string sequences (DCS,
# OSC, SOS, PM, APC) run to a BEL or a string terminator; any other escape is ESC,
# intermediates and one final byte.
CONTROL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*(?:[@-~]|$)"
    r"|(?:\x1b[P\]X^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A day of a month, also the second of a span of days: "March 3", "March 3-5", "3 to 5 May"
_DAY_SPAN = r"\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–]|to|through|until)\s*"
_MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s*(?:{_DAY_SPAN})?$", re.IGNORECASE)
_MONTH_AFTER = re.compile(
    rf"^\s*(?:st|nd|rd|th)?\s*(?:{_DAY_SPAN})?(?:of\s+)?{MONTHS}\b", re.IGNORECASE
)
# The second year of a season or a fiscal year: "the 2020-21 season", "2019/2020"; and the
# month and day of a date written year first ("2016-06-29").
_SEASON_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\s?[-–/](?:\d\d[-/])?$")
# A clock time closing a span: the "3" of "3-5 p.m." or "9 to 11.30am".
_CLOCK_SPAN_AFTER = re.compile(
    r"\s*(?:[-–]|(?i:to|until|till))\s*\d{1,2}(?:[:.]\d\d)?\s*(?i:[ap]\.?m\.?)(?!\w)"
)
_NAME_PREFIX = re.compile(
    r"\b(?:Route|Highway|Resolution|Article|Section|Chapter|Room|No\.?|Number|Flight|Unit|"
    r"Building|Gate|Block|Hall|Paragraph|Page|Item|Version|Protocol|"
    r"Brigade|Division|Battalion|Regiment|Corps|Army|Squadron|Platoon|Company|Apartment|"
    r"Street|Avenue|Road|Precinct|District|Zone|Sector|Line|Camp|Bus|Channel|"
    r"Title|Rule|Amendment|Decree|Law|Bill|Act|Order|Round|Game|Week|Day|Episode|"
    r"Season|Volume|Vol\.|Part|Figure|Figs?\.|Table|Lot|Plot|Pier|Terminal|Platform|Hangar|"
    r"Group|Formula|Windows|iOS|Android|Model|Series|Mark|Mk|Type|"
    r"Interstate|Junction|Exit|Lane|Pillar|Point|Hill|Height|Heights|Checkpoint)\s*$"
)
# Name words also written in lower case ("category 3 storm"); checked beside the above.
# Series whose members are named by a number, in any case and without their punctuation:
# stock indices ("s&p 400", "FTSE 250"), aircraft, rockets and products ("Boeing 747",
# "Falcon 9", "Windows 11"), diseases ("covid 19"), shirt numbers ("wore number 7").
_NAME_PREFIX_ANY_CASE = re.compile(
    r"(?i:\b(?:category|level|phase|grade|tier|class|stage|"
    r"s\s?&\s?p|sp|ftse|nikkei|russell|stoxx|dax|cac|asx|tsx|ibex|kospi|nifty|topix|msci|"
    r"fortune|boeing|airbus|embraer|tupolev|ilyushin|antonov|sukhoi|cessna|falcon|soyuz|"
    r"apollo|artemis|windows|iphone|ipad|galaxy|pixel|xbox|playstation|covid|sars|"
    r"number|no\.|nos\.|(?<!new\s)jersey|shirt)\s*)$"
)
_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d|2100)$")
_SENTENCE_START_WORDS = frozenset(
    "About Some Around Nearly Almost More Less Fewer At Up Over Under Only Just Roughly "
    "Approximately Another All Of In On By Since From To With The A An And But Between".split()
)
_DETERMINERS_BEFORE_ONE = re.compile(
    r"(?i:\b(?:the|same|each|every|no|any|this|that|which|another|only|a|last|first|"
    r"next|other|single|right|wrong|new|old|big|little|good|bad)\s+)$"
)
_STREET_AFTER = re.compile(
    r"(?:[-–]\d+[A-Za-z]?)?\s+(?:(?:[A-Z][\w'’-]*\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|"
    r"Boulevard|Blvd|Lane|Drive|Dr|Way|Place|Pl|Square|Terrace|Court|Highway|Crescent)"
    r"(?=\s*(?:[,.;)]|$)|\s+[A-Z])|"
    r"(?:Ave|Avenue|Rue|Via|Calle|Boulevard)\s+[A-Z])"
)
_TEMPORAL_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|from|until|till|between|of|during|before|after|through|and|to|"
    r"year|fiscal|early|late|mid|spring|summer|autumn|fall|winter|season)\s*)$"
)


def figures_only(atoms: list[Atom], text: str, sent: Any) -> list[Atom]:
    """The atoms that are quantities: not excluded, not inside a terminal escape code."""
    atoms = [a for a in atoms if not excluded(a, text, sent)]
    # Terminal escape codes are not text. They are found in the whole parsed chunk, since a
    # string sequence may run over a sentence end ("\x1b]0;Title. The 4747 end\x07").
    chunk = getattr(getattr(sent, "doc", None), "text", None)
    base = getattr(sent, "start_char", 0) if chunk is not None else 0
    whole = chunk if chunk is not None else text
    if any(opener in whole for opener in _CODE_OPENERS):
        end = base + len(text)
        codes = [
            (s - base, e - base)
            for s, e in (m.span() for m in CONTROL_SEQUENCE.finditer(whole))
            if s < end and e > base
        ]
        atoms = [a for a in atoms if not any(s < a.end and a.start < e for s, e in codes)]
    return atoms


_CODE_OPENERS = ("\x1b", "\x90", "\x98", "\x9b", "\x9d", "\x9e", "\x9f")


def excluded(a: Atom, text: str, sent: Any) -> bool:
    """Numbers that are not quantities: codes, times, dates, years, names, list numbers."""
    before, after = text[: a.start], text[a.end :]
    raw = text[a.start : a.end]
    if _code_or_time(before, after, raw):
        return True
    if a.has_unit:
        return False
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _SEASON_YEAR.search(before) and re.fullmatch(r"\d\d|\d{4}", raw.strip()):
        return True
    if _is_year(raw, before, sent, a):
        return True
    if _is_score(raw, before, after):
        return True
    if _STREET_AFTER.match(after):
        return True  # "14 Olive Grove Road", "7-9 Harbour Avenue", "31 Rue Molière"
    if _NAME_PREFIX.search(before) or _NAME_PREFIX_ANY_CASE.search(before):
        return True
    word = raw.strip().lower()
    if word == "one" and (
        re.match(r"\s+(?:of|another|who|that|which|in|for)\b", after)
        or _DETERMINERS_BEFORE_ONE.search(before)
    ):
        return True
    return _looks_like_name(a, before, after, sent, raw)


def _code_or_time(before: str, after: str, raw: str) -> bool:
    """Codes, clock times, date heads and list numbers, whatever unit follows them."""
    if (
        re.search(r"[A-Za-z][-‐]?$|\b[A-Z]{2,}\s[-‐]$", before)
        and raw[:1] not in "$€£¥₴₽₪₹"
        and not re.search(r"(?i:\bsub-)$|\d-(?i:to)-$", before)
    ):
        return True  # F-16, COVID-19, "COVID -19", MH17, Baa1, last-32; not "sub-5", "0-to-60"
    if re.search(r"[\w.:/]$", before) and raw[:1].isdigit():
        return True  # the tail of "14:45", "24/7", "v2.3"
    if _CLOCK_SPAN_AFTER.match(after) and re.fullmatch(r"\d{1,2}(?:[:.]\d\d)?", raw):
        return True  # "3-5 p.m.", "9 to 11.30am"
    if re.match(r"/\d{1,2}/\d{2,4}\b", after):
        return True  # the head of a date such as "1/2/2024"
    if re.match(r"\s*(?:\)|\.\s)", after) and re.search(r"(?:^|[.;:!?]\s|\n)\s*\(?\s*$", before):
        return True  # list numbering "1)", "2 )", "1. ", also after an earlier item
    return bool(
        re.match(
            r"[:.]\d\d\s*(?i:[ap]\.?m\.?)?|\s*(?i:[ap]\.?m\.?)(?!\w)|\s*(?:GMT|UTC|EDT|EST|"
            r"PDT|PST|CET|BST)\b|:\d",
            after,
        )
    )  # clock times


def _is_year(raw: str, before: str, sent: Any, a: Atom) -> bool:
    """ "in 2015", "by 2120"; not "2000 soldiers", "more than 1500", "1800 of them"."""
    if _YEAR.match(raw.strip()) and not _counts_plural_noun(sent, a):
        after = sent.text[a.end :]
        return not (_COUNT_BEFORE.search(before) or _SHARE_OF_AFTER.match(after))
    return bool(re.fullmatch(r"21\d\d", raw.strip()) and _TEMPORAL_BEFORE.search(before))


# Approximators that bound counts, not dates ("nearly 2000", "at least 1500"); not "about",
# "around", "before" or "by", which also come before years.
_COUNT_BEFORE = re.compile(
    r"(?i:\b(?:more|fewer|less)\s+than|\bat\s+(?:least|most)|\bnearly|\balmost|"
    r"\bup\s+to|\bas\s+many\s+as|\broughly|\ban\s+estimated|\bapproximately)\s*$"
)
_SHARE_OF_AFTER = re.compile(r"\s+of\s+(?:the|them|whom|those|these|its|their|our)\b")


def _is_score(raw: str, before: str, after: str) -> bool:
    """A score or a tally written high-low ("won 3-1", "tied at 89-89"): a range is written
    low-high, so a bare pair in the other order is no range and neither figure a count."""
    if not raw.isdigit():
        return False
    head = re.match(r"[-–](\d{1,3})(?![\d.,%\w])(?!\s*(?:%|[-–]))", after)
    if head:
        return int(raw) >= int(head.group(1))
    tail = re.search(r"(?<![\d.,])(\d{1,3})[-–]$", before)
    if tail is None or re.match(r"[\d.,]*\s*%", after):
        return False
    return int(tail.group(1)) >= int(raw)


def token_at(sent: Any, char: int) -> Any | None:
    """The token of ``sent`` covering the sentence offset ``char``."""
    base = sent.start_char
    for tok in sent:
        if tok.idx - base <= char < tok.idx - base + len(tok.text):
            return tok
    return None


def _counts_plural_noun(sent: Any, a: Atom) -> bool:
    """A year-like number that counts something: "2000 soldiers", not "in 2015 as" nor
    "between 1800 and 1900 river levels"."""
    if _TEMPORAL_BEFORE.search(sent.text[: a.start]):
        return False
    tok = token_at(sent, a.end - 1)
    if tok is None or tok.i + 1 >= sent.end:
        return False
    nxt = tok.doc[tok.i + 1]
    return bool(nxt.tag_ == "NNS" and (tok.head.i == nxt.i or nxt.head.i == tok.head.i))


def _next_is_counted_noun(sent: Any, a: Atom) -> bool:
    tok = token_at(sent, a.end - 1)
    if tok is None or tok.i + 1 >= sent.end:
        return False
    return bool(tok.doc[tok.i + 1].tag_ in ("NN", "NNS", "JJ", "CD"))


def _common_first_word(sent: Any, char: int) -> bool:
    """The sentence's first word, capitalised only for being first ("Either 10 or 12")."""
    tok = token_at(sent, char)
    return (
        tok is not None and tok.i == sent.start and tok.is_alpha and tok.tag_ not in ("NNP", "NNPS")
    )


def _looks_like_name(a: Atom, before: str, after: str, sent: Any, raw: str) -> bool:
    """A bare number that belongs to a name: "FTSE 250", "Galaxy 9 Plus", "320 Airliner"."""
    if raw[:1] in "+-−":
        return False  # "Dow -120.5", "Nasdaq +2%": a move after a name, not part of it
    prev = re.search(r"([A-Za-z&][\w&.']*)\s*$", before)
    next_word = re.match(r"\s*([A-Za-z][\w'-]*)", after)
    if prev and before.strip() and not before.rstrip().endswith((",", ";", ":", "(")):
        word = prev.group(1)
        is_name_word = bool(word[:1].isupper() or re.search(r"[a-z][A-Z]", word))
        if (
            is_name_word
            and word not in _SENTENCE_START_WORDS
            and not _common_first_word(sent, prev.start())
            and (
                next_word is None
                or not next_word.group(1)[:1].islower()
                or not _next_is_counted_noun(sent, a)
            )
        ):
            return True  # "Nikkei 225 fell", "Top 40 on", "Group 7."
    if next_word and next_word.group(1)[:1].isupper():
        tok = token_at(sent, a.end - 1)
        if tok is not None and tok.head.tag_ == "NNP" and tok.head.i > tok.i:
            return True  # "320 Airliner", "212 Cedar Road"
    return False
