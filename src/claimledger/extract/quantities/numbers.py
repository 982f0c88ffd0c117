"""Parse numbers written with digits, number words and scale words.

``parse_number("2.4 billion") == 2.4e9``; ``parse_number("twenty-five thousand") == 25000``.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "tr": 1e12,
    "lakh": 1e5,  # South Asian: "25 lakh" is 2,500,000, "3 crore" 30,000,000
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
SPECIAL = {"dozen": 12, "half": 0.5, "quarter": 0.25, "a": 1, "an": 1}
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(sorted(TENS, key=len, reverse=True))
    + r")(?:[-\s](?:"
    + "|".join(sorted(UNITS, key=len, reverse=True))
    + r"))?|"
    + "|".join(sorted(UNITS, key=len, reverse=True))
    + r")"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|lakh|crore)"
SCALE_ABBR = r"(?:bn|mn|mln|mil|tn|k|m|b)"


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it is not one."""
    s = text.strip().lower().replace("\u2009", "").replace("\u00a0", " ")
    if not s:
        return None
    if s in FRACTIONS:
        return FRACTIONS[s]
    m = re.fullmatch(r"(?:(\d+)[\s-])?(\d+)\s*/\s*(\d+)", s)  # "1/2", "2 1/2"
    if m and int(m.group(3)) != 0:
        return int(m.group(1) or 0) + int(m.group(2)) / int(m.group(3))
    m = re.fullmatch(r"(" + DIGITS + r")\s*(?:(" + SCALE_WORD + r"s?)|(" + SCALE_ABBR + r"))?", s)
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = m.group(2) or m.group(3)
        if scale:
            value *= SCALES[scale.rstrip("s") if scale.endswith("s") and len(scale) > 2 else scale]
        return value
    return _parse_words(s)


def _parse_words(s: str) -> float | None:
    tokens = [t for t in re.split(r"[\s-]+", s.replace(" and ", " ")) if t]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for i, tok in enumerate(tokens):
        if re.fullmatch(DIGITS, tok):
            current += float(tok.replace(",", ""))
        elif tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1] in ("half", "quarter"):
            continue
        elif tok in ("a", "an") and i == 0:
            current += 1
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "half":
            current = current + 0.5 if current else 0.5
        elif tok == "quarter":
            current = current + 0.25 if current else 0.25
        elif tok.rstrip("s") in SCALES or tok in SCALES:
            scale = SCALES.get(tok, SCALES.get(tok.rstrip("s"), 1.0))
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None
