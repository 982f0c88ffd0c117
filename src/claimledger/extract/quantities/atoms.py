"""Number atoms: each number in a sentence with its sign, scale, currency, unit and rate.

``ATOM`` finds them; ``scan_atoms`` reads each match into an ``Atom`` and names the rule
that read it: ``scientific_notation``, ``currency_amount``, ``percent``, ``rate_per``,
``age_apposition``, ``number_with_unit`` or a bare ``number``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.extract.quantities.numbers import DIGITS, SCALES, WORD_NUMBER, parse_number
from claimledger.extract.quantities.rates import PER, per_unit
from claimledger.extract.quantities.units import (
    CURRENCY_PREFIX,
    UNIT_RE,
    canonical_unit,
    currency_of,
)

_WSEQ = (
    rf"(?:{WORD_NUMBER}|an?(?=[\s-]+(?:dozen|hundred|thousand|million|billion)))"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{WORD_NUMBER}|hundred|thousand|million|billion|trillion|"
    r"dozen)\b)*(?:\s+and\s+a\s+half)?"
)
# "1/2 pound", "2 1/2 miles", "3/4-mile": a written fraction, only right before a unit
_FRACTION_BEFORE_UNIT = rf"(?<![\d/.,])(?:\d{{1,3}}[\s-])?\d{{1,2}}/\d{{1,2}}(?=\s?-?(?:{UNIT_RE}))"
ATOM = re.compile(
    rf"(?P<sign>[+−]|\b(?i:minus)[\s-]?)?(?P<cur>{CURRENCY_PREFIX})?(?P<neg>(?<=[$€£¥])[-−])?"
    # "4.2×10−12", "6 x 10^9", "3×10⁸": the exponent marked by ^, **, a sign or superscripts
    rf"(?P<sci>\d+(?:\.\d+)?\s?[×x]\s?10(?P<exp>(?:\^|\*\*)[-−]?\d{{1,3}}|[-−]\d{{1,3}}|"
    rf"⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})(?!\d))?"
    rf"(?(sci)|(?P<num>{_FRACTION_BEFORE_UNIT}|{DIGITS}|[½¼¾⅓⅔]|\b(?i:{_WSEQ})\b))"
    r"(?P<scale>[\s-]?(?i:hundred|thousand|million|billion|trillion|lakh|crore)s?\b"
    r"(?:\s+(?i:thousand|million|billion)\b)?|(?<=\d)\s?(?i:bn|mn|mln|mil|tn|k|m|b)\b)?"
    rf"(?P<unit>\s?-?\s?{UNIT_RE})?"
    rf"{PER}?"
)
# A plural noun after "12m" or "2b", perhaps behind one modifier ("12m new users"): the
# letter is a scale. Races are run in metres ("the 400m hurdles"), and things measured by
# their height or length are metres too ("8m waves", "20m cliffs").
_MILLIONS_OF = re.compile(
    r"\s+(?:[A-Za-z-]+\s+)?(?!(?i:hurdles|relays?|sprints?|freestyle|backstroke|runs|this|"
    r"was|has|its|his|does|goes|plus|thus|always|perhaps|less|across|unless|"
    r"waves|swells|cliffs|walls|towers|masts|poles|pylons|pillars|columns|dunes|drops|falls|"
    r"yachts|boats|slopes|ramps|jumps|dives|deep|high|tall|long|wide)\b)"
    r"(?:[a-z]+[^su\W]s|people|children|men|women|adults|youths|staff|personnel|"
    r"livestock|cattle)\b"
)
# Words of weather and heat that make a bare "C" or "F" after a figure a temperature
# ("highs of 38 C", "water boils at 212F"), and a figure restated in the other scale.
_TEMPERATURE_CUE = re.compile(
    r"(?i:temperat|degree|°|celsius|fahrenheit|heat|\bhot|\bcold|\bwarm|\bcool|chill|freez|"
    r"frost|thaw|\bmelt|\bboil|weather|forecast|thermomet|climate|summer|winter|swelter|"
    r"scorch|\bhighs?\b|\blows?\b|\bminus\s*\d)|\d\s?[CF]\s*\(\s*[-−]?\d+(?:\.\d+)?\s?[FC]\b"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
_SUBUNITS = {"USD_cent": "USD", "GBP_penny": "GBP", "MYR_sen": "MYR", "RUB_kopeck": "RUB"}
_VIDEO_LINES = frozenset({144.0, 240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})


@dataclass
class Atom:
    start: int
    end: int
    value: float | None
    unit: str
    per: str | None
    has_unit: bool
    sign: str | None  # "+" or "−" written before the figure
    rule: str


def scan_atoms(text: str) -> list[Atom]:
    """Every number atom in ``text``, in order."""
    return [a for a in (read_atom(m, text) for m in ATOM.finditer(text)) if a is not None]


def read_atom(m: re.Match[str], text: str) -> Atom | None:
    """One ``ATOM`` match as a figure, or None when it is no figure ("3D", "19th", "a")."""
    value = _signed_value(m)
    if value is None:
        return None
    currency = currency_of(m.group("cur")) if m.group("cur") else None
    unit, end = _written_unit(m, text, value)
    scaled = _scaled(m, value, unit, end, currency, text)
    if scaled is None:
        return None
    value, unit, end = scaled
    if unit in _SUBUNITS:  # "45 cents", "30 sen", "72p": hundredths of the currency
        unit, value = _SUBUNITS[unit], value / 100
    if currency:  # "$5 billion dollars" and odd mixes: the symbol decides
        unit = currency
    elif unit == "pound_mass" and _pounds_of_money(m, text, end):
        unit = "GBP"
    per, end = _rate(m, unit, end)
    if (
        unit is None
        and not currency
        and (
            _is_age_apposition(text, m.start(), end, value)
            or _AGED_BEFORE.search(text[: m.start()])
        )
    ):
        unit = "year_of_age"
    unit = unit or "count"
    if unit == "count" and _code_like(text[end:]):
        return None  # ordinals and codes such as "3D", "5G", "19th"
    sign = (m.group("sign") or "").strip(" -").lower()
    start = m.start()
    if not sign and _hyphen_minus(text, m, unit):  # "Dow -120.5", "fell -2.3%", "-5 degrees"
        start, sign, value = start - 1, "−", -value
    has_unit = bool(currency) or unit != "count"
    rule = _rule(m, unit, per, bool(currency))
    return Atom(start, end, value, unit, per, has_unit, sign if sign != "minus" else None, rule)


# What money does before its amount: "cost 40 pounds", "a fine of 500 pounds".
_MONEY_BEFORE = re.compile(
    r"(?i:\b(?:cost|costs|costing|spen[dt]|spends|spending|paid|pay|pays|paying|fined|fine of|"
    r"worth|priced at|price of|sold for|bought for|raised|raising|earn(?:s|ed|ing)?|salary of|"
    r"wages? of|budget of|fee of|fees of|bill of|invest(?:s|ed|ing)?|donat(?:e|ed|es|ing)|"
    r"loan of|debt of|debts of|profit of|revenue of|turnover of|deal worth|valued at|"
    r"compensation of|award(?:ed)?|bonus of|charged?|owe[sd]?)"
    r"(?:\s+(?:about|around|some|nearly|almost|more than|over|under|less than|up to|just|"
    r"only|an estimated|a|an|the|him|her|them|us|me))*\s*)$"
)
_MASS_CUE = re.compile(
    r"(?i:\bweigh|\bweight|\bheav(?:y|ier|iest)\b|\blbs?\b|\bkg\b|kilo|\bounces?\b)"
)


def _pounds_of_money(m: re.Match[str], text: str, end: int) -> bool:
    """ "Pounds" as money: with a scale ("40 million pounds") or after a word of paying
    ("cost 15 pounds"); not of a thing ("2 million pounds of beef") or in a sentence about
    weight ("weighs 200 pounds")."""
    if not re.fullmatch(r"(?i:pounds?)", (m.group("unit") or "").strip(" -")):
        return False
    if re.match(r"\s+of\b", text[end:]) or _MASS_CUE.search(text):
        return False
    return bool(m.group("scale")) or bool(_MONEY_BEFORE.search(text[: m.start()]))


def _hyphen_minus(text: str, m: re.Match[str], unit: str) -> bool:
    """An ASCII hyphen used as a minus sign: after a space or a bracket, right before the
    digits, and not closing a range ("5 -10") or a code ("COVID -19", "XR -40")."""
    before = text[: m.start()]
    if not m.group("num") or not m.group("num")[0].isdigit() or m.group("cur"):
        return False
    if not re.search(r"(?:^|[\s(\[:=])-$", before):
        return False
    if re.search(r"[\d%]\S*\s*-$", before):
        return False  # "5 -10", "75 -300mm", "20% -30%": a range
    code_head = re.search(r"\b[A-Z][A-Z0-9]+\s-$", before)
    return not (code_head and unit == "count" and "." not in m.group("num"))


def _rule(m: re.Match[str], unit: str, per: str | None, currency: bool) -> str:
    if per is not None:
        return "rate_per"
    if m.group("sci"):
        return "scientific_notation"
    if currency or unit.isupper():  # canonical currency units are ISO 4217 codes
        return "currency_amount"
    if unit == "percent":
        return "percent"
    if unit == "year_of_age":
        return "age_apposition"
    return "number" if unit == "count" else "number_with_unit"


def _signed_value(m: re.Match[str]) -> float | None:
    """The number as written, negative after "minus" or "$-"; scales come later."""
    value: float | None
    if m.group("sci"):  # "4.2×10−12", "6 x 10^9"
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
    if sign in ("minus", "−") or m.group("neg"):
        value = -value  # "minus 40 Celsius", "minus-8 metres", "−3%", "$-12.4bn"
    return value


def _written_unit(m: re.Match[str], text: str, value: float) -> tuple[str | None, int]:
    """The unit written after the number and where the figure ends so far."""
    unit_text = (m.group("unit") or "").strip()
    unit_text = unit_text[1:].strip() if unit_text.startswith("-") else unit_text
    unit = canonical_unit(unit_text) if unit_text else None
    if (
        unit == "GBP_penny"
        and unit_text == "p"
        and (re.match(r"\.?\s?m\b", text[m.end("unit") :]) or value in _VIDEO_LINES)
    ):
        return None, m.start("unit")  # "5 p.m.", "1080p"
    if unit_text in ("C", "F") and not _TEMPERATURE_CUE.search(text):
        return None, m.start("unit")  # "42 C" and "108F" only where temperature is spoken of
    if (
        unit_text
        and len(unit_text) == 1
        and unit_text not in "%p$€£CF"
        and m.group("unit")[0].isspace()
        and not (unit_text in "WV" and not re.match(r"\s+[A-Z][a-z]|\s*\d", text[m.end("unit") :]))
    ):
        return None, m.start("unit")  # "5 m" or "7 s": single letters only when attached
    return unit, m.end()


def _scaled(
    m: re.Match[str], value: float, unit: str | None, end: int, currency: str | None, text: str
) -> tuple[float, str | None, int] | None:
    """The value times its scale word ("2.4 billion", "5bn"). Without a currency, "m" and
    "b" are millions and billions before a unit or a plural noun ("3.4m litres", "12m
    people", "2b users"); otherwise "500m" is metres and "5b" no figure."""
    raw_scale = (m.group("scale") or "").strip(" -")
    if raw_scale in ("m", "b") and not currency:
        if unit or _MILLIONS_OF.match(text, m.end("scale")):
            return value * SCALES[raw_scale.lower()], unit, end
        if raw_scale == "m":
            return value, "metre", m.end("scale")  # "500m": metres; "500M" or "$5m": millions
        return None
    for word in raw_scale.lower().split():
        value *= SCALES.get(word.rstrip("s") if len(word) > 2 else word, 1.0)
    if raw_scale:
        value = float(f"{value:.12g}")  # 4.1 million is 4100000.0, not 4099999.9999999995
    return value, unit, end


def _rate(m: re.Match[str], unit: str | None, end: int) -> tuple[str | None, int]:
    """The rate written after the figure ("per day", "/h") and where the figure ends."""
    if m.group("per"):
        per = per_unit(m.group("perunit") or m.group("pertime") or m.group("perslash"))
        return per, (end if per is not None else m.start("per"))
    end = max(
        m.end("sci") if m.group("sci") else m.end("num"),
        m.end("scale") if m.group("scale") else 0,
        end if unit is not None and m.group("unit") else 0,
    )
    return None, end


def _code_like(trailing: str) -> bool:
    code_like = re.match(r"(?:st|nd|rd|th)\b|[A-Za-z]|-[A-Za-z]", trailing)
    return bool(code_like) and not re.match(r"-(?:(?:strong|odd|plus)\b|to-\d)", trailing)


# An age after "aged" or "the age of", perhaps the second of two ("aged 19 and 23",
# "aged 5-11", "under the age of 18").
_AGED_BEFORE = re.compile(
    r"(?i:\b(?:aged|the\s+ages?\s+of)\s+(?:about|around|between|over|under|nearly|almost|"
    r"just|only|at\s+least|from|up\s+to)?\s*(?:\d{1,3}\s*(?:,|and|or|to|-|–)\s*)?)$"
)


def _is_age_apposition(text: str, start: int, end: int, value: float) -> bool:
    """ "Ahmed Saleh, 34, said": a bare number between commas after a name is an age."""
    return (
        0 < value < 120
        and float(value).is_integer()
        and bool(re.search(r"\b[A-Z][\w.'’-]+,\s*$", text[:start]))
        and bool(re.match(r"\s*,", text[end:]))
    )
