"""Quantity extraction: every figure a sentence states, normalised.

Rule-based over the sentence text: a regular expression finds each figure (a number with
its scale, currency, unit and rate), neighbouring figures are combined into ranges and
changes, the words before a figure give its bound ("more than", "almost"), and spaCy's
tokens drop dates, times and names with numbers and name the counted thing.
Offsets are into the document text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from claimledger.extract.quantities.numbers import DIGITS, SCALES, WORD_NUMBER, parse_number
from claimledger.extract.quantities.units import (
    CURRENCY_PREFIX,
    UNIT_RE,
    canonical_unit,
    currency_of,
)
from claimledger.model import Change, Quantity
from claimledger.nlp.parsed import as_sent

_WSEQ = (
    rf"(?:{WORD_NUMBER}|an?(?=[\s-]+(?:dozen|hundred|thousand|million|billion)))"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{WORD_NUMBER}|hundred|thousand|million|billion|trillion|"
    r"dozen)\b)*(?:\s+and\s+a\s+half)?"
)
_PER_TIME = r"day|week|month|year|hour|minute|second|night|quarter|annum"
_PER = (
    rf"(?P<per>\s*(?:(?i:per|each|every)\s+(?P<perunit>(?i:sq\.?\s?(?:m|km|ft|mi)\b|"
    rf"(?:square\s+)?[A-Za-z]{{2,}}))|"
    rf"\s+(?i:a|an)\s+(?P<pertime>(?i:{_PER_TIME}|litre|liter|gallon|barrel|ounce|tonne|ton|"
    rf"kilo|kilogram|share|head|person|piece|unit|dose))\b(?!\s+(?i:earlier|ago|before|later|"
    rf"after))|\s*/\s*(?P<perslash>(?i:{_PER_TIME}|[a-z]{{1,6}}))\b))"
)
# Terminal control sequences (ECMA-48: CSI, OSC, two-character escapes): their parameters
# look like figures ("\x1b[2K", "\x1b[0m") but are instructions to a terminal.
CONTROL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
)
ATOM = re.compile(
    rf"(?P<sign>[+−]|\b(?i:minus)[\s-]?)?(?P<cur>{CURRENCY_PREFIX})?(?P<neg>(?<=[$€£¥])[-−])?"
    # "1.99×10−30", "6 x 10^9", "3×10⁸": the exponent marked by ^, **, a sign or superscripts
    rf"(?P<sci>\d+(?:\.\d+)?\s?[×x]\s?10(?P<exp>(?:\^|\*\*)[-−]?\d{{1,3}}|[-−]\d{{1,3}}|"
    rf"⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})(?!\d))?"
    rf"(?(sci)|(?P<num>{DIGITS}|[½¼¾⅓⅔]|\b(?i:{_WSEQ})\b))"
    r"(?P<scale>[\s-]?(?i:hundred|thousand|million|billion|trillion)s?\b"
    r"(?:\s+(?i:thousand|million|billion)\b)?|(?<=\d)\s?(?i:bn|mn|mln|tn|k|m|b)\b)?"
    rf"(?P<unit>\s?-?\s?{UNIT_RE})?"
    rf"{_PER}?"
)
APPROX = [
    (
        r"(?:well |just |slightly |far )?(?:more than|over|above|in excess of|upwards of|"
        r"exceeding|greater than|higher than|>)",
        "more_than",
    ),
    (r"(?:at least|no fewer than|no less than|a minimum of|not less than|≥)", "at_least"),
    (
        r"(?:less than|fewer than|under|below|almost|nearly|just under|just short of|"
        r"short of|lower than|sub-|<)",
        "less_than",
    ),
    (
        r"(?:up to|at most|no more than|a maximum of|as many as|as much as|not more than|"
        r"maximum of|≤)",
        "at_most",
    ),
    (
        r"(?:around|about|approximately|roughly|some|an estimated|estimated|close to|circa|"
        r"approx\.|c\.|~|≈|or so|almost exactly|an approximate)",
        "approx",
    ),
]
_APPROX_RE = [(re.compile(rf"(?:^|(?<=[\s(\[\"“‘'—–-]))(?i:{p})\s*$"), b) for p, b in APPROX]
_APPROX_WORDS = re.compile(
    r"(?i:\s+(?:by|just|some|about|around|nearly|almost|roughly|approximately|only|over|"
    r"under|more than|less than|as much as|a further|another|an estimated|a|an))*\s*$"
)
VAGUE = re.compile(
    r"\b(?P<v>(?i:(?:several\s+)?(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|"
    r"dozens|scores|hundreds|thousands|millions|billions))\b(?:\s+of\b)?"
)
# Order-of-magnitude bounds: certainly true of the words, as the NewsQuant benchmark
# also reads them ("hundreds" is between 100 and 1,000).
VAGUE_BOUNDS = {
    "dozens": (12.0, 120.0),
    "scores": (20.0, 200.0),
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e4),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e7),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e10),
    "tens of billions": (1e10, 1e11),
    "hundreds of billions": (1e11, 1e12),
}
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS}\b", re.IGNORECASE)
_NAME_PREFIX = re.compile(
    r"\b(?:Route|Highway|Resolution|Article|Section|Chapter|Room|No\.?|Number|Flight|Unit|"
    r"Building|Gate|Block|Hall|Paragraph|Page|Item|Version|Protocol|"
    r"Brigade|Division|Battalion|Regiment|Corps|Army|Squadron|Platoon|Company|Apartment|"
    r"Street|Avenue|Road|Precinct|District|Zone|Sector|Line|Camp|Bus|Channel|"
    r"Title|Rule|Amendment|Decree|Law|Bill|Act|Order|Round|Game|Week|Day|Episode|"
    r"Season|Volume|Vol\.|Part|Figure|Table|Lot|Plot|Pier|Terminal|Platform|Hangar|"
    r"Group|Formula|Windows|iOS|Android|Model|Series|Mark|Mk|Type|"
    r"Interstate|Junction|Exit|Lane|Pillar|Point|Hill|Height|Heights|Checkpoint)\s*$"
)
# Name words also written in lower case ("category 4 hurricane"); checked beside the above.
_NAME_PREFIX_ANY_CASE = re.compile(r"(?i:\b(?:category|level|phase|grade|tier|class|stage)\s*)$")
_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d|2100)$")
_DIRECTION = {
    "up": re.compile(
        r"(?i:rose|rise[sn]?|rising|increase[sd]?|increasing|grew|grow(?:s|n|ing)?|"
        r"climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|surge[sd]?|surging|soar(?:ed|s|ing)?|"
        r"gain(?:ed|s|ing)?|up|raise[sd]?|raising|swell(?:ed|s)?|spike[sd]?|advance[sd]?|"
        r"advancing|rall(?:y|ied|ies)|added|adding|boost(?:ed|s)?|widen(?:ed|s)?|"
        r"expand(?:ed|s)?|leap(?:t|ed|s)?|rebound(?:ed|s)?|higher|upwards?)"
    ),
    "down": re.compile(
        r"(?i:fell|fall(?:s|en|ing)?|drop(?:ped|s|ping)?|decline[sd]?|declining|"
        r"decrease[sd]?|decreasing|slid(?:e|es|ing)?|plunge[sd]?|plunging|plummet(?:ed|s|ing)?|"
        r"shr[ai]nk(?:s|ing)?|shrunk|down|cut(?:s|ting)?|reduce[sd]?|reducing|slump(?:ed|s)?|"
        r"tumble[sd]?|dipped|dip(?:s)?|contract(?:ed|s)?|eased|sank|sink(?:s)?|lost|lose[s]?|"
        r"losing|shed(?:s|ding)?|slipped|slip(?:s)?|retreat(?:ed|s)?|narrow(?:ed|s)?|"
        r"crash(?:ed|es)?|sagged|lower|downwards?)"
    ),
}
# Verbs that make a count a casualty or event count ("12 people were killed"), in the forms
# that follow a counted noun; listed out so no lemmatizer is needed.
_CASUALTY_VERB_FORMS = frozenset(
    """killed wounded injured hurt died dead displaced detained arrested abducted kidnapped
    captured evacuated destroyed damaged shot struck launched fired intercepted downed fled
    rescued freed released held deployed mobilised mobilized lost buried identified missing
    executed imprisoned jailed sentenced charged convicted expelled deported taken seized
    surrendered defected recruited trapped stranded affected infected""".split()
)
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_SENTENCE_START_WORDS = frozenset(
    "About Some Around Nearly Almost More Less Fewer At Up Over Under Only Just Roughly "
    "Approximately Another All Of In On By Since From To With The A An And But Between".split()
)
_DETERMINERS_BEFORE_ONE = re.compile(
    r"(?i:\b(?:the|same|each|every|no|any|this|that|which|another|only|a|last|first|"
    r"next|other|single|right|wrong|new|old|big|little|good|bad)\s+)$"
)


_SUBUNITS = {"USD_cent": "USD", "GBP_penny": "GBP", "MYR_sen": "MYR", "RUB_kopeck": "RUB"}
_VIDEO_LINES = frozenset({144.0, 240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})


@dataclass
class _Atom:
    start: int
    end: int
    value: float | None
    unit: str
    per: str | None
    has_unit: bool
    sign: str | None


def extract_quantities(sent: Any, doc_id: str, offset: int, sentence_index: int) -> list[Quantity]:
    """Quantities in one spaCy sentence; ``offset`` maps sentence offsets to the document."""
    sent = as_sent(sent)
    text: str = sent.text
    atoms = [a for a in (_atom(m, text) for m in ATOM.finditer(text)) if a is not None]
    atoms = [a for a in atoms if not _excluded(a, text, sent)]
    if "\x1b" in text or "\x9b" in text:  # terminal escape codes are not text
        codes = [m.span() for m in CONTROL_SEQUENCE.finditer(text)]
        atoms = [a for a in atoms if not any(s < a.end and a.start < e for s, e in codes)]
    shares = _fractions(text, [])  # "one in five" wins over the "five" inside it
    atoms = [a for a in atoms if not any(f["start"] < a.end and a.start < f["end"] for f in shares)]
    quantities = _combine(atoms, text) + shares
    quantities += _vague(text, quantities)
    quantities.sort(key=lambda q: q["start"])
    _conversions_inherit(quantities, text)
    _levels_after_change(quantities, text)
    out = []
    for q in quantities:
        start, end = q["start"], q["end"]
        quantified = None
        if q["unit"] in ("count", "vague"):
            quantified = _quantified(sent, start, end)
            if quantified is None and "counted_at" in q:
                quantified = _quantified(sent, *q["counted_at"])
            if quantified:  # a vague amount keeps its unit: only a count takes the noun's
                quantified, q["unit"] = _unit_in_counted(quantified, q["unit"])
            if quantified and q["per"] is None:  # "3,000 tests per day"
                rest = text[end:].lstrip()
                rate = rest.startswith(quantified) and _GAP_RATE.match(rest[len(quantified) :])
                if rate:
                    q["per"] = _per_unit(rate.group(1))
        out.append(
            Quantity(
                doc_id=doc_id,
                start=offset + start,
                end=offset + end,
                text=text[start:end],
                value=q["value"],
                lower=q["lower"],
                upper=q["upper"],
                unit="count" if q["unit"] == "vague" else q["unit"],
                bound=q["bound"],
                per=q["per"],
                change=q["change"],
                quantified=quantified,
                sentence_index=sentence_index,
            )
        )
    return out


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")


def _atom(m: re.Match[str], text: str) -> _Atom | None:
    value: float | None
    if m.group("sci"):  # "1.99×10−30", "6 x 10^9"
        mantissa = re.match(r"\d+(?:\.\d+)?", m.group("sci"))
        assert mantissa is not None
        exponent = m.group("exp").lstrip("^*").translate(_SUPERSCRIPTS)
        value = float(f"{mantissa.group()}e{int(exponent)}")
    else:
        num = m.group("num")
        if num.lower() in ("a", "an"):
            return None
        value = parse_number(num)
    if value is None:
        return None
    sign = (m.group("sign") or "").strip(" -").lower()
    if sign == "minus" or m.group("neg"):
        value = -value  # "minus 233 Celsius", "minus-5 yards", "$-50.8bn"
    scale = (m.group("scale") or "").strip(" -").lower()
    currency = currency_of(m.group("cur")) if m.group("cur") else None
    unit_text = (m.group("unit") or "").strip()
    unit_text = unit_text[1:].strip() if unit_text.startswith("-") else unit_text
    unit = canonical_unit(unit_text) if unit_text else None
    end = m.end()
    if (
        unit == "GBP_penny"
        and unit_text == "p"
        and (re.match(r"\.?\s?m\b", text[m.end("unit") :]) or value in _VIDEO_LINES)
    ):
        unit, end = None, m.start("unit")  # "5 p.m.", "1080p"
    elif (
        unit_text and len(unit_text) == 1 and unit_text not in "%p" and m.group("unit")[0].isspace()
    ):
        unit, end = None, m.start("unit")  # "5 m" or "7 s": single letters only when attached
    raw_scale = (m.group("scale") or "").strip(" -")
    if raw_scale in ("m", "b") and not currency:
        if raw_scale == "m" and not unit:
            unit, end = "metre", m.end("scale")  # "500m": metres; "500M" or "$5m": millions
        else:
            return None
    else:
        for word in scale.split():
            value *= SCALES.get(word.rstrip("s") if len(word) > 2 else word, 1.0)
    if unit in _SUBUNITS:  # "19 cents", "18 sen", "68p": hundredths of the currency
        unit, value = _SUBUNITS[unit], value / 100
    if currency and unit in (None, "USD", "count", "times"):
        unit = currency
    elif currency and unit is not None:
        unit = currency  # "$5 billion dollars" and odd mixes: the symbol decides
    per = None
    if m.group("per"):
        per_word = m.group("perunit") or m.group("pertime") or m.group("perslash")
        per = _per_unit(per_word)
        if per is None:
            end = m.start("per")
    if per is None and m.group("per") is None:
        end = max(
            m.end("sci") if m.group("sci") else m.end("num"),
            m.end("scale") if m.group("scale") else 0,
            end if unit is not None and m.group("unit") else 0,
        )
    if unit is None and not currency and _is_age_apposition(text, m.start(), end, value):
        unit = "year_of_age"
    if unit is None:
        unit = "count"
    trailing = text[end:]
    code_like = re.match(r"(?:st|nd|rd|th)\b|[A-Za-z]|-[A-Za-z]", trailing)
    if unit == "count" and code_like and not re.match(r"-(?:strong|odd|plus)\b", trailing):
        return None  # ordinals and codes such as "3D", "5G", "19th"
    has_unit = bool(currency) or unit != "count"
    return _Atom(m.start(), end, value, unit, per, has_unit, sign if sign != "minus" else None)


def _is_age_apposition(text: str, start: int, end: int, value: float) -> bool:
    """ "Ahmed Saleh, 34, said": a bare number between commas after a name is an age."""
    return (
        0 < value < 120
        and float(value).is_integer()
        and bool(re.search(r"\b[A-Z][\w.'’-]+,\s*$", text[:start]))
        and bool(re.match(r"\s*,", text[end:]))
    )


def _per_unit(word: str | None) -> str | None:
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    canon = canonical_unit(w)
    if canon is not None and canon not in ("percent", "point"):
        return canon
    if w in ("capita", "head", "person", "people"):
        return "person"
    if w in ("annum",):
        return "year"
    if re.fullmatch(r"(?:square )?[a-z]{3,}", w) and w not in ("the", "and", "cent"):
        return w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    return None


def _token_at(sent: Any, char: int) -> Any | None:
    base = sent.start_char
    for tok in sent:
        if tok.idx - base <= char < tok.idx - base + len(tok.text):
            return tok
    return None


def _excluded(a: _Atom, text: str, sent: Any) -> bool:
    """Numbers that are not quantities: codes, times, dates, years, names, list numbers.

    Uses the tagger and parser but not the entity recogniser, so quantities come out the
    same whether or not NER runs."""
    before, after = text[: a.start], text[a.end :]
    raw = text[a.start : a.end]
    if (
        re.search(r"[A-Za-z][-‐]?$|\b[A-Z]{2,}\s[-‐]$", before)
        and raw[:1] not in "$€£¥₴₽₪₹"
        and not re.search(r"(?i:\bsub-)$", before)
    ):
        return True  # F-16, COVID-19, "COVID -19", MH17, Baa1, last-32, TA-125; not "sub-7"
    if re.search(r"[\w.:/]$", before) and raw[:1].isdigit():
        return True  # the tail of "10:27", "24/7", "v2.3"
    if re.match(r"/\d{1,2}/\d{2,4}\b", after):
        return True  # the head of a date such as "1/2/2024"
    if re.match(r"\s*(?:\)|\.\s)", after) and re.search(r"(?:^|[.;:!?]\s|\n)\s*\(?\s*$", before):
        return True  # list numbering "1)", "2 )", "1. ", also after an earlier item
    if re.match(
        r"[:.]\d\d\s*(?i:[ap]\.?m\.?)?|\s*(?i:[ap]\.?m\.?)(?!\w)|\s*(?:GMT|UTC|EDT|EST|"
        r"PDT|PST|CET|BST)\b|:\d",
        after,
    ):
        return True  # clock times
    if a.has_unit:
        return False
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _YEAR.match(raw.strip()) and not _counts_plural_noun(sent, a):
        return True
    if re.fullmatch(r"21\d\d", raw.strip()) and _TEMPORAL_BEFORE.search(before):
        return True  # "submerging coastal regions by 2120"
    if _STREET_AFTER.match(after):
        return True  # "49 Zorro Ranch Road", "16-18 Industrial Avenue", "22 Ave Foch"
    if _NAME_PREFIX.search(before) or _NAME_PREFIX_ANY_CASE.search(before):
        return True
    word = raw.strip().lower()
    if word == "one" and (
        re.match(r"\s+(?:of|another|who|that|which|in|for)\b", after)
        or _DETERMINERS_BEFORE_ONE.search(before)
    ):
        return True
    return _looks_like_name(a, before, after, sent)


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


def _counts_plural_noun(sent: Any, a: _Atom) -> bool:
    """A year-like number that counts something: "2000 soldiers", not "in 2012 as"."""
    if _TEMPORAL_BEFORE.search(sent.text[: a.start]):
        return False
    tok = _token_at(sent, a.end - 1)
    if tok is None or tok.i + 1 >= sent.end:
        return False
    nxt = tok.doc[tok.i + 1]
    return bool(nxt.tag_ == "NNS" and (tok.head.i == nxt.i or nxt.head.i == tok.head.i))


def _next_is_counted_noun(sent: Any, a: _Atom) -> bool:
    tok = _token_at(sent, a.end - 1)
    if tok is None or tok.i + 1 >= sent.end:
        return False
    return bool(tok.doc[tok.i + 1].tag_ in ("NN", "NNS", "JJ", "CD"))


def _looks_like_name(a: _Atom, before: str, after: str, sent: Any) -> bool:
    """A bare number that belongs to a name: "S&P 500", "iPhone 11 Pro", "787 Dreamliner"."""
    prev = re.search(r"([A-Za-z&][\w&.']*)\s*$", before)
    next_word = re.match(r"\s*([A-Za-z][\w'-]*)", after)
    if prev and before.strip() and not before.rstrip().endswith((",", ";", ":", "(")):
        word = prev.group(1)
        is_name_word = bool(word[:1].isupper() or re.search(r"[a-z][A-Z]", word))
        if (
            is_name_word
            and word not in _SENTENCE_START_WORDS
            and (
                next_word is None
                or not next_word.group(1)[:1].islower()
                or not _next_is_counted_noun(sent, a)
            )
        ):
            return True  # "S&P 500 rose", "Fortune 100 on", "Big 12."
    if next_word and next_word.group(1)[:1].isupper():
        tok = _token_at(sent, a.end - 1)
        if tok is not None and tok.head.tag_ == "NNP" and tok.head.i > tok.i:
            return True  # "787 Dreamliner", "575 Wilbraham Road"
    return False


def _q(
    start: int, end: int, value: float | None, unit: str, bound: str, **kw: Any
) -> dict[str, Any]:
    lower = upper = value if bound == "exact" else None
    d = {
        "start": start,
        "end": end,
        "value": value,
        "unit": unit,
        "bound": bound,
        "lower": lower,
        "upper": upper,
        "per": None,
        "change": None,
    }
    d.update(kw)
    return d


# Between two figures there is no other figure, so any words may stand in the gap.
_FROM_TO_GAP = re.compile(r"\s*(?:\S+\s+){0,6}?(?i:to)\s+")
_RANGE_GAP = re.compile(r"\s*(?:(?i:to)|-|–|—|(?i:or))\s*")


_GAP_RATE = re.compile(
    r"\s*(?i:\b(?:a|an|per|each)\s+(day|week|month|year|hour))\b"
    r"(?!\s+(?i:earlier|ago|before|later|after))"
)


_MOVES = re.compile(
    r"(?i:\b(?:went|go(?:es|ing)?|gone|moved?|moving|changed?|changing|revised|revising|"
    r"shifted|shifting|switched|slow(?:ed|s|ing)?|accelerat(?:ed|es|ing)|doubled|tripled|"
    r"halved|improved|worsened|cut|raised|lowered|hiked|downgraded|upgraded)\b)"
)


def _spans_not_moves(before: str, gap: str, a: _Atom, b: _Atom) -> bool:
    """ "from X to Y" with no verb of change before it ("estimates range from 30,000 to
    40,000", "homes from $750,000 to $1 million") is a range, not a change; with a time
    between the figures ("from 4% in 2022 to 11%") it is a change."""
    tail = before[-60:]
    if re.search(r"(?i:\brang(?:e[sd]?|ing))\b", tail):
        return True
    if re.search(r"\b(?:1[89]|20)\d\d\b|(?i:\b(?:last|a)\s+(?:year|month|week)\b)", gap):
        return False
    moving = _MOVES.search(tail) or re.search(
        rf"\b(?:{_DIRECTION['up'].pattern}|{_DIRECTION['down'].pattern})\b", tail
    )
    return not moving and (a.value or 0) < (b.value or 0)


def _bounded_to(gap: str) -> tuple[str, str | None]:
    """The gap between two figures without an approximator right before the second, and
    the bound it sets: " trucks a day to fewer than " -> (" trucks a day to ", less_than)."""
    for pattern, bound in _APPROX_RE:
        m = pattern.search(gap)
        if m and m.start() > 0:
            return gap[: m.start()], bound
    return gap, None


def _compatible(a: _Atom, b: _Atom) -> bool:
    return a.unit == b.unit or a.unit == "count" or b.unit == "count"


def _combine(atoms: list[_Atom], text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and _compatible(a, b):
            gap = text[a.end : b.start]
            before = text[: a.start]
            unit = b.unit if a.unit == "count" else a.unit
            per = b.per or a.per
            to_gap, to_bound = _bounded_to(gap)
            if re.search(r"(?i:\bfrom)\s+$", before) and _FROM_TO_GAP.fullmatch(to_gap):
                start = before.lower().rfind("from")
                if _spans_not_moves(before, to_gap, a, b):  # "prices range from $370,000 to $5.5m"
                    q = _q(start, b.end, None, unit, "range", per=per, lower=a.value, upper=b.value)
                    q["counted_at"] = (a.start, a.end)
                    out.append(q)
                    i += 2
                    continue
                direction = _direction(before, a.value, b.value)
                rate = _GAP_RATE.search(to_gap)  # "from 40 trucks a day to 10"
                q = _q(
                    start,
                    b.end,
                    b.value,
                    unit,
                    "exact",
                    per=per or (_per_unit(rate.group(1)) if rate else None),
                    change=Change(direction, a.value, b.value),
                )
                if to_bound is not None:  # "... to more than 300"
                    _set_bound(q, to_bound)
                q["counted_at"] = (a.start, a.end)  # the noun follows the first figure
                out.append(q)
                i += 2
                continue
            measure = unit in _MEASURE_UNITS or unit.isupper()
            changed = _change_before(before, transitive=measure)
            between = re.search(r"(?i:\bbetween)\s+$", before)
            is_range = bool(_RANGE_GAP.fullmatch(gap)) or bool(
                between and re.fullmatch(r"\s+(?i:and)\s+", gap)
            )
            ordered = (a.value or 0) < (b.value or 0) or re.fullmatch(r"\s+or\s+", gap)
            # After a change verb, "X to Y" with the unit written on both is the change and the
            # new level ("rose $43.6 billion to $419.2 billion"); written once, it is a range
            # of the change ("dropped by 1 to 1.5 degrees").
            # Without a unit on the first, a second more than twice the first is the level
            # ("revised the toll upward by 40 to 212").
            change_then_level = (
                changed
                and re.search(r"(?i:to)", gap)
                and (a.has_unit or (b.value or 0) > 2 * (a.value or 0) > 0)
            )
            if is_range and ordered and not change_then_level:
                lower = a.value or 0
                if (
                    b.value
                    and lower
                    and b.value / lower >= 1000
                    and not re.search(
                        r"(?i:thousand|million|billion|\d\s*[kmb])", text[a.start : a.end]
                    )
                ):
                    lower *= _shared_scale(text[b.start : b.end])
                start = between.start() if between else a.start
                q = _q(start, b.end, None, unit, "range", per=per, lower=lower, upper=b.value)
                if changed:  # "dropped by 1 to 1.5 degrees": a range of the change
                    q["change"] = Change(changed, None, None, None)
                out.append(_with_approx(q, text))
                i += 2
                continue
        out.append(_single(a, text))
        i += 1
    return out


def _single(a: _Atom, text: str) -> dict[str, Any]:
    q = _q(a.start, a.end, a.value, a.unit, "exact", per=a.per)
    measure = a.unit in _MEASURE_UNITS or a.unit.isupper()  # rates and money, not counts
    direction = {"+": "up", "−": "down"}.get(a.sign or "") or _change_before(
        text[: a.start], transitive=measure
    )
    if direction:
        q["change"] = Change(direction, None, None, a.value)
    return _with_approx(q, text)


def _conversions_inherit(quantities: list[dict[str, Any]], text: str) -> None:
    """A figure in brackets right after another restates it in other units ("more than 7.5
    million crowns ($1.1 million)"), so it takes that figure's bound and change."""
    for prev, q in itertools.pairwise(quantities):
        gap = text[prev["end"] : q["start"]]
        in_brackets = text.count("(", 0, prev["start"]) > text.count(")", 0, prev["start"])
        if not (
            re.fullmatch(r"\s*[(\[]\s*", gap) or (in_brackets and re.fullmatch(r"\s*/\s*", gap))
        ):
            continue  # "296 hp (224 kW / 300 PS)": each figure in the brackets restates it
        if q["bound"] == prev["bound"] == "range" and q["change"] is None and prev["change"]:
            q["change"] = prev["change"]  # "dropped by 1 to 1.5 degrees Celsius (1.8 to 2.7 F)"
            continue
        if q["bound"] != "exact" or q["change"] is not None or prev["bound"] in ("range", "vague"):
            continue
        if prev["bound"] in ("more_than", "at_least"):
            q.update(bound=prev["bound"], lower=q["value"], upper=None)
        elif prev["bound"] in ("less_than", "at_most"):
            q.update(bound=prev["bound"], lower=None, upper=q["value"])
        elif prev["bound"] == "approx":
            q.update(bound="approx", lower=None, upper=None)
        if prev["change"] is not None and prev["change"].from_value is None:
            q["change"] = Change(prev["change"].direction, None, None, q["value"])


# "rose 18 sen to RM23.50", "ended down 1% at 1,463.78", "lost 1.1% to close at 1,334.20"
_LEVEL_GAP = re.compile(
    r"\s*(?:\b(?i:to|at)|(?i:to\s+(?:end|close|finish|settle|stand|trade)(?:\s+the\s+\w+)?"
    r"\s+at))\s+"
)
# "fell to 0.8%", "dipped down to minus 130", "decrease to $-50.8bn"; not "up to 35%"
_VERB_TO = re.compile(r"(?i:\b(\w+)(?:\s+(?:sharply|further|back|down|up))?\s+to\s+)$")


def _levels_after_change(quantities: list[dict[str, Any]], text: str) -> None:
    """The level a change reaches is recorded as the change's ``to``: "rose 18 sen to
    RM23.50" gives RM23.50 a rise to 23.50, and "fell to 0.8%" a fall to 0.8."""
    prev: dict[str, Any] | None = None
    for q in quantities:
        if q["change"] is None and q["bound"] != "range" and q["value"] is not None:
            direction = None
            if (
                prev is not None
                and prev["change"] is not None
                and prev["change"].from_value is None
                and _LEVEL_GAP.fullmatch(text[prev["end"] : q["start"]])
            ):
                direction = prev["change"].direction
            else:
                m = _VERB_TO.search(text[: q["start"]])
                word = m.group(1).lower() if m else ""
                if m and word not in ("up", "down", "higher", "lower"):
                    direction = _direction_of(word)
            if direction is not None:
                q["change"] = Change(direction, None, q["value"], None)
        prev = q


def _shared_scale(b_text: str) -> float:
    for word in ("trillion", "billion", "million", "thousand"):
        if word in b_text.lower():
            return SCALES[word]
    m = re.search(r"\d\s*(bn|mn|tn|k|m|b)\b", b_text.lower())
    return SCALES.get(m.group(1), 1.0) if m else 1.0


_MEASURE_UNITS = frozenset({"percent", "percentage_point", "basis_point", "point"})
# Verbs that take an object: "lost 1.1%" is a change, "lost 40 rounds" a count of things.
_TRANSITIVE = re.compile(
    r"(?i:lost|lose[s]?|losing|added|adding|shed(?:s|ding)?|cut(?:s|ting)?|gain(?:ed|s|ing)?|"
    r"boost(?:ed|s)?|raise[sd]?|raising|reduce[sd]?|reducing|advance[sd]?|advancing|"
    r"expand(?:ed|s)?|widen(?:ed|s)?|narrow(?:ed|s)?|retreat(?:ed|s)?)"
)


# Verbs whose "up" is a particle, not a rise: "gave up 517 yards", "made up 40%", "racked up
# 30 points". Not "ended up 2%", "opened up 1%" or "picked up 12 seats", which are rises.
_PHRASAL_UP = re.compile(
    r"(?i:\b(?:g[ai]ve[sn]?|giving|set(?:s|ting)?|ma(?:de|ke|kes|king)|t[ao]ok|takes?|"
    r"taking|sign(?:ed|s|ing)?|back(?:ed|s)?|rack(?:ed|s|ing)?|chalk(?:ed|s)?|"
    r"clock(?:ed|s)?|tot(?:ted|s)?|sum(?:med|s)?|add(?:ed|s)?|round(?:ed|s)?|line[ds]?|"
    r"show(?:ed|s|n)?|snap(?:ped|s)?|scoop(?:ed|s)?|ring(?:s)?|rang)\s+)$"
)


def _change_before(before: str, transitive: bool = True) -> str | None:
    """The direction of a change verb just before a figure: "rose 4%", "fell by almost 3".

    With ``transitive`` False, verbs that take an object do not count."""
    tail = before[-80:]
    stripped = _APPROX_WORDS.sub("", tail)
    m = re.search(r"(\w+)$", stripped)
    if not m:
        return None
    word = m.group(1)
    by = re.search(r"(?i:\bby)\s+$", tail)
    if by and not _is_direction_word(word):
        # "raised its key rate by 200 basis points": the verb a few words before "by"
        nearby = re.findall(r"[\w'’-]+", tail[: by.start()])[-5:]
        word = next((w for w in reversed(nearby) if _is_direction_word(w)), word)
    if word.lower() in ("lower", "higher"):
        return None  # comparatives before a figure are not changes: "higher 5% tariffs"
    if word.lower() == "up" and _PHRASAL_UP.search(stripped[: m.start()]):
        return None  # "gave up 517 rushing yards", "racked up 30 points": not a rise
    if not transitive and not by and _TRANSITIVE.fullmatch(word):
        return None  # "lost 40 rounds" counts rounds; "was cut by 500,000 bpd" is a change
    return _direction_of(word)


def _direction_of(word: str) -> str | None:
    """ "up" or "down" for a word of change ("rose", "slumped", "upward"), else None."""
    return next((d for d, pattern in _DIRECTION.items() if pattern.fullmatch(word)), None)


def _is_direction_word(word: str) -> bool:
    return _direction_of(word) is not None


def _direction(before: str, a: float | None, b: float | None) -> str:
    tail = before[-60:]
    ups = [m.end() for m in re.finditer(rf"\b{_DIRECTION['up'].pattern}\b", tail)]
    downs = [m.end() for m in re.finditer(rf"\b{_DIRECTION['down'].pattern}\b", tail)]
    if ups or downs:
        return "up" if max(ups, default=-1) > max(downs, default=-1) else "down"
    return "up" if (b or 0) >= (a or 0) else "down"


_DURATIONS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)


def _with_approx(q: dict[str, Any], text: str) -> dict[str, Any]:
    before = text[: q["start"]]
    for pattern, bound in _APPROX_RE:
        m = pattern.search(before)
        if m and _temporal_over(m.group(0), q, before[: m.start()]):
            break  # "met six times over eight months": over as "during", not "more than"
        if m:
            q["start"] = m.start()
            if q["bound"] != "range":
                _set_bound(q, bound)
            break
    return q


def _set_bound(q: dict[str, Any], bound: str) -> None:
    """Bound a single figure as an approximator says: lower, upper or neither."""
    value = q["value"]
    if bound in ("more_than", "at_least"):
        q.update(bound=bound, lower=value, upper=None)
    elif bound in ("less_than", "at_most"):
        q.update(bound=bound, lower=None, upper=value)
    else:
        q.update(bound="approx", lower=None, upper=None)


_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
_SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "seven": 7,
    "nine": 9,
}
FRACTION = re.compile(
    r"\b(?P<num>(?i:a|an|one|two|three|four|five|seven|nine))[\s-]+"
    r"(?P<den>(?i:half|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?))\b"
    r"(?=\s+(?i:of)\b)"
    r"|\b(?P<half>(?i:half))(?=\s+(?i:of|the|all)\b)"
    r"|(?<![\d/⁄.,])(?P<snum>\d{1,2})\s?[/⁄]\s?(?P<sden>\d{1,3})(?![\d/⁄.,])(?=\s+(?i:of)\b)"
    r"|\b(?P<rnum>(?i:one|two|three|four|five|\d{1,2}))\s+(?i:in|out\s+of)\s+"
    r"(?P<rden>(?i:two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))\b"
)


def _fractions(text: str, taken: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "a third of", "two-thirds of", "half of", "one in five": shares as fractions of 1."""
    out = []
    for m in FRACTION.finditer(text):
        if any(q["start"] < m.end() and m.start() < q["end"] for q in taken):
            continue
        if m.group("half"):
            value = 0.5
        elif m.group("snum"):  # "1/16 of a pint", "1⁄3 of the budget"
            top, bottom = int(m.group("snum")), int(m.group("sden"))
            if not 0 < top < bottom:
                continue
            value = top / bottom
        elif m.group("den"):
            value = _SMALL[m.group("num").lower()] / _DENOMINATORS[m.group("den").lower()]
        else:
            num, den = parse_number(m.group("rnum")), parse_number(m.group("rden"))
            if not num or not den or num >= den:
                continue
            value = num / den
        q = _q(m.start(), m.end(), float(f"{value:.6g}"), "fraction", "exact")
        direction = _change_before(text[: m.start()])
        if direction:  # "dropped by almost a third"
            q["change"] = Change(direction, None, None, q["value"])
        out.append(_with_approx(q, text))
    return out


def _temporal_over(approximator: str, q: dict[str, Any], before: str) -> bool:
    return (
        approximator.strip().lower() == "over"
        and q["unit"] in _DURATIONS
        and not re.search(r"(?i:\b(?:for|lasted|lasting|took|spent|in|within))\s*$", before)
    )


def _vague(text: str, taken: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for m in VAGUE.finditer(text):
        if any(q["start"] < m.end() and m.start() < q["end"] for q in taken):
            continue
        key = re.sub(r"\s+", " ", m.group("v").lower()).replace("several ", "")
        lower, upper = VAGUE_BOUNDS.get(key, (None, None))
        out.append(_q(m.start("v"), m.end("v"), None, "vague", "vague", lower=lower, upper=upper))
    return out


def _unit_in_counted(quantified: str, unit: str) -> tuple[str | None, str]:
    """A counted noun that is a unit behind a modifier: "517 rushing yards" is in yards and
    "eight straight years" in years; "2.1 last year" counts nothing."""
    words = quantified.split()
    last = words[-1]  # a unit word, never an abbreviation ("one Labour MP" is no megapixel)
    head = canonical_unit(last) if last.islower() and len(last) >= 4 else None
    if head is None or head.isupper() or head in ("count", "times", "percent", "point"):
        return quantified, unit
    if head in _DURATIONS and words[0].lower() in ("last", "next", "this", "that", "past"):
        return None, unit
    return quantified, head if unit == "count" else unit


_ADJECTIVES_AS_NOUNS = frozenset(
    "wounded injured dead missing displaced detained disappeared homeless sick elderly".split()
)


def _quantified(sent: Any, start: int, end: int) -> str | None:
    """The counted thing: the noun a number modifies, with its verb for casualty counts."""
    base = sent.start_char
    tokens = [t for t in sent if start <= t.idx - base < end]
    if not tokens:
        return None
    last = tokens[-1]
    noun = None
    after = [t for t in sent if t.idx - base >= end]
    if after and after[0].lower_ == "of" and len(after) > 1:
        # "thousands of civilians", "dozens of drones"
        noun = next((t for t in after[1:6] if t.tag_ in _NOUN_TAGS), None)
    if noun is None and last.head.tag_ in _NOUN_TAGS and last.head.idx - base >= end:
        noun = last.head
    if noun is None and after and after[0].tag_ in ("NNS", "NN"):
        noun = after[0]
    if noun is None and after and after[0].lower_ in _ADJECTIVES_AS_NOUNS:
        return str(after[0].text)  # "treated 43 wounded", "12 dead and 40 missing"
    if noun is None:
        verb = last.head if last.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None and verb.lower_ in _CASUALTY_VERB_FORMS:
            return str(verb.text)
        return None
    # The noun with its modifiers as written: "first-team players", "FA Cup finals".
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and c.idx - base >= end]
    left = min((m.left_edge.idx for m in mods), default=noun.idx)
    left = max(left, base + end)
    phrase = " ".join(sent.doc_text[left : noun.idx + len(noun.text)].split()).strip(" -,")
    verb = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass")
        and verb.lower_ in _CASUALTY_VERB_FORMS
        and verb.tag_.startswith("VB")
    ):
        phrase = f"{phrase} {verb.text}"
    return phrase
