"""Normalised keys of actor names: the same key for "the U.N.", "UN" and "the UN's".

A key is a string of space-separated tokens. Acronyms ("UN", "U.S.", "IDF") keep their case
behind a caret ("^UN"), so that "US" (the country) never matches "us" (the pronoun) and "WHO"
never matches "who"; every other token is lower-cased, its accents dropped ("Côte" is
"cote"), and hyphens split words ("al-Qaeda" is "al qaeda"). A leading "the" and a trailing
possessive are dropped; a possessive inside the name stays as its own token "'s", where the
resolver reads it ("Russia 's foreign ministry").
"""

from __future__ import annotations

import re
import unicodedata

ACRONYM_MARK = "^"
# Acronyms this long or longer also match written in lower or title case ("Nato", "Unicef"):
# shorter ones ("us", "who", "un") are ordinary words.
CASELESS_ACRONYM_MIN = 4

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-"})
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}(?![A-Za-z])")  # U.N.  U.S.  U.K.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|'s\b|'", re.UNICODE)
_ACRONYM = re.compile(r"[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*")  # two capitals at least


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """The key tokens of ``text`` (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = text.replace("-", " ")
    headline = not any(ch.islower() for ch in text) and len(text.split()) > 1
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw == "'":
            continue
        if raw == "'s" or (raw.endswith("'s") and len(raw) > 2):
            if raw != "'s":
                out.append(_word(raw[:-2], headline))
            out.append("'s")
            continue
        out.append(_word(raw.replace("'", ""), headline))
    if out and out[0] == "the":
        out = out[1:]
    while out and out[-1] == "'s":
        out = out[:-1]
    return out


def _word(raw: str, headline: bool) -> str:
    if not headline and _ACRONYM.fullmatch(raw):
        return ACRONYM_MARK + raw
    return _fold(raw)


def key(text: str) -> str:
    """The normalised key of a name: "the U.N.'s" and "UN" both give "^UN"."""
    return " ".join(tokens(text))


def caseless(alias_key: str) -> str | None:
    """The key an acronym also goes by in lower or title case ("nato" for "^NATO"), when
    it is long enough not to be an ordinary word; None otherwise."""
    if not alias_key.startswith(ACRONYM_MARK) or " " in alias_key:
        return None
    word = alias_key[len(ACRONYM_MARK) :]
    return word.lower() if len(word) >= CASELESS_ACRONYM_MIN else None
