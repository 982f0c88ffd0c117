"""Quantity extraction: every figure a sentence states, normalised.

Rule-based over the sentence text (regular expressions build each figure from a number,
a scale, a currency or unit and a rate), with spaCy's tokens used to drop dates and to
name the counted thing. Offsets are into the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from claimledger.model import Change, Quantity
from claimledger.numbers import DIGITS, SCALES, TENS, UNITS, WORD_NUMBER, parse_number
from claimledger.parsed import as_sent

_W = WORD_NUMBER
_WSEQ = (
    rf"(?:{_W}|an?(?=[\s-]+(?:dozen|hundred|thousand|million|billion)))"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_W}|hundred|thousand|million|billion|trillion|dozen)\b)*"
    r"(?:\s+and\s+a\s+half)?"
)
_CUR_PREFIX = r"(?P<cur>US\$|A\$|C\$|\$|€|£|¥|₴|₽|₪|₹|(?:USD|EUR|GBP|UAH|RUB|ILS|CNY|JPY|CHF)\s?)"
_UNIT_WORDS: dict[str, str] = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage point": "percentage_point",
    "percentage points": "percentage_point",
    "pp": "percentage_point",
    "points": "point",
    "point": "point",
    "basis points": "basis_point",
    "basis point": "basis_point",
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "hryvnas": "UAH",
    "roubles": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "ruble": "RUB",
    "shekels": "ILS",
    "shekel": "ILS",
    "yuan": "CNY",
    "yen": "JPY",
    "rupees": "INR",
    "cents": "USD_cent",
    "cent": "USD_cent",
    "km": "kilometre",
    "kilometres": "kilometre",
    "kilometers": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "miles": "mile",
    "mile": "mile",
    "metres": "metre",
    "meters": "metre",
    "metre": "metre",
    "meter": "metre",
    "feet": "foot",
    "foot": "foot",
    "square kilometres": "square_kilometre",
    "square kilometers": "square_kilometre",
    "sq km": "square_kilometre",
    "km2": "square_kilometre",
    "km²": "square_kilometre",
    "hectares": "hectare",
    "hectare": "hectare",
    "acres": "acre",
    "acre": "acre",
    "square miles": "square_mile",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "ton",
    "ton": "ton",
    "kg": "kilogram",
    "kilograms": "kilogram",
    "kilogram": "kilogram",
    "barrels": "barrel",
    "barrel": "barrel",
    "seconds": "second",
    "second": "second",
    "minutes": "minute",
    "minute": "minute",
    "hours": "hour",
    "hour": "hour",
    "days": "day",
    "day": "day",
    "weeks": "week",
    "week": "week",
    "months": "month",
    "month": "month",
    "years": "year",
    "year": "year",
    "decades": "decade",
    "decade": "decade",
    "year-old": "year",
    "years old": "year",
}
_UNIT_RE = "|".join(
    re.escape(u).replace(r"\ ", r"[\s-]") + ("" if u in ("%", "km²") else r"\b")
    for u in sorted(_UNIT_WORDS, key=len, reverse=True)
)
_CUR_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₴": "UAH",
    "₽": "RUB",
    "₪": "ILS",
    "₹": "INR",
}
_PER_RE = (
    r"(?P<per>(?:\s+(?:per|a|an|each|every)\s+|\s*/\s*)"
    r"(?P<perunit>day|week|month|year|hour|minute|night|capita|person|head)\b)"
)
ATOM = re.compile(
    rf"{_CUR_PREFIX}?(?P<num>{DIGITS}|[½¼¾⅓⅔]|\b{_WSEQ})"
    rf"(?P<scale>[\s-]?(?:hundred|thousand|million|billion|trillion)\b"
    rf"(?:\s+(?:thousand|million|billion)\b)?|(?<=\d)\s?(?:bn|mn|mln|tn|k|m|b)\b)?"
    rf"(?P<unit>\s?(?:-|\s)?(?:{_UNIT_RE}))?"
    rf"{_PER_RE}?",
    re.IGNORECASE,
)
APPROX = [
    (
        r"(?:well |just |slightly )?(?:more than|over|above|in excess of|upwards of|exceeding)",
        "more_than",
    ),
    (r"(?:at least|no fewer than|no less than|a minimum of|not less than)", "at_least"),
    (
        r"(?:less than|fewer than|under|below|almost|nearly|just under|just short of|short of)",
        "less_than",
    ),
    (r"(?:up to|at most|no more than|a maximum of|as many as|as much as|not more than)", "at_most"),
    (
        r"(?:around|about|approximately|roughly|some|an estimated|estimated|close to|"
        r"circa|approx\.|~)",
        "approx",
    ),
]
_APPROX_RE = [(re.compile(rf"\b{p}\s*$", re.IGNORECASE), b) for p, b in APPROX]
VAGUE = re.compile(
    r"\b(?P<v>(?:several\s+)?(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|"
    r"hundreds|thousands|millions|billions)\b(?:\s+of\b)?",
    re.IGNORECASE,
)
VAGUE_BOUNDS = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0),
    "millions": (2e6, 9.99e8),
    "tens of millions": (2e7, 9.99e7),
    "hundreds of millions": (2e8, 9.99e8),
    "billions": (2e9, 9.99e11),
}
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS}\b", re.IGNORECASE)
_NAME_PREFIX = re.compile(
    r"\b(?:Route|Highway|Resolution|Article|Section|Chapter|Room|No\.?|Number|Flight|Unit|"
    r"Building|Gate|Block|Hall|Paragraph|Page|Item|Level|Phase|Category|Version|Protocol|"
    r"Brigade|Division|Battalion|Regiment|Corps|Army|Squadron|Platoon|Company|Block|Apartment|"
    r"Street|Avenue|Road|Precinct|District|Zone|Sector|Line|Camp|Bus|Channel|Grade|Class|"
    r"Title|Rule|Amendment|Decree|Law|Bill|Act|Order|Stage|Round|Game|Week|Day|Day|Episode|"
    r"Season|Volume|Vol\.|Part|Figure|Table|Tier|Lot|Plot|Pier|Terminal|Platform|Hangar)\s*$"
)
_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d|2100)$")
_DIRECTION = {
    "up": re.compile(
        r"\b(?:rose|rise[sn]?|rising|increase[sd]?|increasing|grew|grow(?:s|n|ing)?|climb(?:ed|s|ing)?|"
        r"jump(?:ed|s|ing)?|surge[sd]?|surging|soar(?:ed|s|ing)?|gain(?:ed|s|ing)?|up|higher|"
        r"raise[sd]?|raising|doubled|tripled|swell(?:ed|s)?|spike[sd]?|expand(?:ed|s)?)\b",
        re.IGNORECASE,
    ),
    "down": re.compile(
        r"\b(?:fell|fall(?:s|en|ing)?|drop(?:ped|s|ping)?|decline[sd]?|declining|decrease[sd]?|"
        r"decreasing|slid(?:e|es|ing)?|plunge[sd]?|plunging|shr[ai]nk(?:s|ing)?|shrunk|down|lower|"
        r"cut(?:s|ting)?|reduce[sd]?|reducing|slump(?:ed|s)?|tumble[sd]?|dipped|dip(?:s)?|"
        r"contract(?:ed|s)?|halved|eased|sank|sink(?:s)?)\b",
        re.IGNORECASE,
    ),
}
_CASUALTY_VERBS = frozenset(
    [
        "kill",
        "wound",
        "injure",
        "die",
        "displace",
        "detain",
        "arrest",
        "abduct",
        "capture",
        "evacuate",
        "destroy",
        "damage",
        "shoot",
        "strike",
        "launch",
        "intercept",
        "down",
        "flee",
        "rescue",
        "free",
        "release",
        "hold",
        "deploy",
        "mobilize",
        "mobilise",
        "lose",
        "bury",
        "identify",
        "miss",
    ]
)


@dataclass
class _Atom:
    start: int
    end: int
    value: float | None
    unit: str
    per: str | None
    has_unit: bool


def extract_quantities(sent: Any, doc_id: str, offset: int, sentence_index: int) -> list[Quantity]:
    """Quantities in one spaCy sentence span; ``offset`` maps span offsets to the document."""
    sent = as_sent(sent)
    text: str = sent.text
    date_chars = _date_char_mask(sent)
    atoms = [a for a in (_atom(m, text) for m in ATOM.finditer(text)) if a is not None]
    atoms = [a for a in atoms if not _excluded(a, text, date_chars, sent)]
    quantities = _combine(atoms, text)
    quantities += _vague(text, quantities)
    quantities.sort(key=lambda q: q["start"])
    out = []
    for q in quantities:
        start, end = q["start"], q["end"]
        quantified = _quantified(sent, start, end) if q["unit"] in ("count", "vague") else None
        unit = "count" if q["unit"] == "vague" else q["unit"]
        out.append(
            Quantity(
                doc_id=doc_id,
                start=offset + start,
                end=offset + end,
                text=text[start:end],
                value=q["value"],
                lower=q["lower"],
                upper=q["upper"],
                unit=unit,
                bound=q["bound"],
                per=q["per"],
                change=q["change"],
                quantified=quantified,
                sentence_index=sentence_index,
            )
        )
    return out


def _atom(m: re.Match[str], text: str) -> _Atom | None:
    num = m.group("num")
    if num.lower() in ("a", "an"):
        return None
    value = parse_number(num)
    if value is None:
        return None
    scale = (m.group("scale") or "").strip(" -").lower()
    currency = _CUR_SYMBOLS.get((m.group("cur") or "").strip().lower()) or (
        (m.group("cur") or "").strip().upper() or None
    )
    unit_text = re.sub(r"[\s-]+", " ", (m.group("unit") or "").strip(" -").lower())
    if scale in ("m", "b") and not currency and not unit_text:
        return None  # "500m" without a currency is metres or a name, not a scale
    for word in scale.split():
        value *= SCALES.get(word, 1.0)
    unit = "count"
    if unit_text:
        unit = _UNIT_WORDS.get(unit_text, _UNIT_WORDS.get(unit_text.replace(" ", "-"), "count"))
    if unit == "USD_cent":
        unit, value = "USD", value / 100
    if currency:
        unit = currency if unit in ("count", "USD") else unit
    per = m.group("perunit").lower() if m.group("perunit") else None
    if per in ("capita", "head"):
        per = "person"
    end = m.end()
    if unit == "count" and m.group("unit"):
        end = m.start("unit")
    elif not m.group("unit") and m.group("per") is None:
        end = m.end("scale") if m.group("scale") else m.end("num")
    trailing = text[end:]
    if re.match(r"(?:st|nd|rd|th)\b|[A-Za-z]|-[A-Za-z]", trailing) and unit == "count":
        return None  # ordinals and codes such as "3D", "5G", "19th"
    return _Atom(m.start(), end, value, unit, per, bool(currency or unit != "count"))


def _date_char_mask(sent: Any) -> set[int]:
    chars: set[int] = set()
    base = sent.start_char
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME") and _looks_like_calendar(ent.text):
            chars.update(range(ent.start_char - base, ent.end_char - base))
    return chars


def _looks_like_calendar(text: str) -> bool:
    """A DATE entity that names a point in time, not a duration such as "three weeks"."""
    t = text.lower()
    if re.search(MONTHS, t) and re.search(r"\d", t):
        return True
    return bool(re.search(r"\b(?:1[5-9]\d\d|20\d\d)s?\b", t)) and not re.search(
        r"\b(?:days?|weeks?|months?|years?|decades?|hours?)\b", t
    )


def _excluded(a: _Atom, text: str, date_chars: set[int], sent: Any) -> bool:
    before, after = text[: a.start], text[a.end :]
    raw = text[a.start : a.end]
    if re.search(r"[A-Za-z]-?$", before) and not re.search(r"(?:^|\s)(?:[a-z]+-)$", before):
        return True  # F-16, COVID-19, MH17, Baa1
    if re.search(r"[\w.]$", before) and raw[:1].isdigit():
        return True
    if re.match(r"\s*(?:\)|\.\s)", after) and re.fullmatch(r"\s*(?:\(?\s*)?", before):
        return True  # list numbering "1)", "2 )", "1. "
    if re.search(r"(?:^|\n)\s*\(?$", before) and re.match(r"\s*\)", after):
        return True
    if not a.has_unit:
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            return True
        if _YEAR.match(raw.strip()) and not re.match(r"\s+[a-z]+s\b", after):
            return True
        if re.match(r"\s*(?::\d\d|[ap]\.?m\.?\b|GMT|UTC)", after):
            return True
        if _NAME_PREFIX.search(before):
            return True
    if not a.has_unit and any(i in date_chars for i in range(a.start, a.end)):
        return True
    return bool(raw.strip().lower() == "one" and re.match(r"\s+of\b|\s+another\b", after))


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


def _combine(atoms: list[_Atom], text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None:
            gap = text[a.end : b.start]
            before = text[: a.start]
            unit = b.unit if a.unit == "count" else a.unit
            pair_ok = a.unit in ("count", b.unit) or b.unit == "count"
            if (
                pair_ok
                and re.search(r"\bfrom\s+$", before, re.I)
                and re.fullmatch(r"\s*(?:(?:in|on|at|of|by)\s+\S+\s+)?to\s+", gap, re.I)
            ):
                start = before.lower().rfind("from")
                direction = _direction(text[: a.start], a.value, b.value)
                out.append(
                    _q(
                        start,
                        b.end,
                        b.value,
                        unit,
                        "exact",
                        per=b.per or a.per,
                        change=Change(direction, a.value, b.value),
                    )
                )
                i += 2
                continue
            if (
                pair_ok
                and (
                    re.fullmatch(r"\s*(?:to|-|–|—)\s*", gap)
                    or (
                        re.fullmatch(r"\s+and\s+", gap)
                        and re.search(r"\bbetween\s+$", before, re.I)
                    )
                )
                and (a.value or 0) < (b.value or 0)
            ):
                scale_a = a.value or 0
                if (
                    b.value
                    and scale_a
                    and b.value / scale_a >= 1000
                    and "thousand" not in text[a.start : a.end].lower()
                ):
                    scale_a *= _shared_scale(text[b.start : b.end])
                start = a.start
                m = re.search(r"\bbetween\s+$", before, re.I)
                if m:
                    start = m.start()
                q = _q(start, b.end, None, unit, "range", per=b.per or a.per)
                q["lower"], q["upper"] = scale_a, b.value
                out.append(_with_approx(q, text))
                i += 2
                continue
        q = _q(a.start, a.end, a.value, a.unit, "exact", per=a.per)
        q = _with_change(q, text)
        out.append(_with_approx(q, text))
        i += 1
    return out


def _shared_scale(b_text: str) -> float:
    for word in ("trillion", "billion", "million", "thousand"):
        if word in b_text.lower():
            return SCALES[word]
    return 1.0


def _direction(before: str, a: float | None, b: float | None) -> str:
    tail = before[-60:]
    ups = [m.end() for m in _DIRECTION["up"].finditer(tail)]
    downs = [m.end() for m in _DIRECTION["down"].finditer(tail)]
    if ups or downs:
        return "up" if max(ups, default=-1) > max(downs, default=-1) else "down"
    return "up" if (b or 0) >= (a or 0) else "down"


def _with_change(q: dict[str, Any], text: str) -> dict[str, Any]:
    before = text[: q["start"]]
    m = re.search(
        r"\b(\w+)\s+(?:by\s+)?(?:(?:just|some|about|around|nearly|almost|an?\s+estimated)\s+)?$",
        before[-50:],
        re.I,
    )
    if not m:
        return q
    word = m.group(1)
    for direction, pattern in _DIRECTION.items():
        if pattern.fullmatch(word) and word.lower() not in ("lower", "higher", "cut"):
            q["change"] = Change(direction, None, None, q["value"])
            return q
    return q


def _with_approx(q: dict[str, Any], text: str) -> dict[str, Any]:
    before = text[: q["start"]]
    for pattern, bound in _APPROX_RE:
        m = pattern.search(before)
        if m:
            q["start"] = m.start()
            value = q["value"]
            if q["bound"] == "range":
                q["bound"] = "range"
            elif bound in ("more_than", "at_least"):
                q.update(bound=bound, lower=value, upper=None)
            elif bound in ("less_than", "at_most"):
                q.update(bound=bound, lower=None, upper=value)
            else:
                q.update(bound="approx", lower=None, upper=None)
            break
    return q


def _vague(text: str, taken: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for m in VAGUE.finditer(text):
        if any(q["start"] < m.end() and m.start() < q["end"] for q in taken):
            continue
        key = re.sub(r"\s+", " ", m.group("v").lower()).replace("several ", "")
        lower, upper = VAGUE_BOUNDS.get(key, (None, None))
        q = _q(m.start("v"), m.end("v"), None, "vague", "vague")
        q["lower"], q["upper"] = lower, upper
        out.append(q)
    return out


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
        noun = next((t for t in after[1:6] if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None and last.head.pos_ in ("NOUN", "PROPN") and last.head.idx - base >= end:
        noun = last.head
    if noun is None and after and after[0].pos_ in ("NOUN",) and after[0].tag_ in ("NNS", "NN"):
        noun = after[0]
    if noun is None:
        verb = last.head if last.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None and verb.lemma_ in _CASUALTY_VERBS:
            return str(verb.text)
        return None
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.idx - base >= end]
    phrase = " ".join([*(m.text for m in mods), noun.text])
    verb = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_ in _CASUALTY_VERBS
        and verb.pos_ == "VERB"
    ):
        phrase = f"{phrase} {verb.text}"
    return phrase


def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in UNITS or w in TENS


__all__ = ["extract_quantities", "is_number_word", "replace"]
