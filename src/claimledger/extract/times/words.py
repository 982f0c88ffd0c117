"""Word lists and the regular-expression pieces built from them."""

from __future__ import annotations

from claimledger.extract.quantities.numbers import TENS, UNITS, parse_number

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Number words for counts of units ("seventy days ago", "the past twenty-five years"): one to
# nineteen and the tens, from claimledger.extract.quantities.numbers; NUMBER below joins them
# with "a"/"an" and "hundred" into every count up to 999.
_ONES = [word for word, value in UNITS.items() if 1 <= value <= 9]
_TEENS = [word for word, value in UNITS.items() if value >= 10]
# Meteorological seasons of the northern hemisphere: first and last month (winter Y runs
# from December Y into February Y+1).
SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip


def _title(words: list[str]) -> str:
    """Capitalised or all-capital forms only: "May", "MAY", never the verb "may"."""
    forms = [form for word in words for form in (word.capitalize(), word.upper())]
    return "|".join(sorted(forms, key=len, reverse=True))


def _any_case(words: list[str]) -> str:
    """Lower, capitalised or all-capital forms of each word."""
    forms = [form for w in words for form in (w, w.capitalize(), w.upper())]
    return "|".join(sorted(set(forms), key=len, reverse=True))


# A full month name (a bare month needs a preposition or a modifier before it).
MONTH_FULL = rf"(?:{_title(list(MONTHS))})"
# A month name or its abbreviation, as in a date ("Jan. 4", "4 Sept 2024").
MONTH = rf"(?:(?:{_title(list(MONTHS))})|(?:{_title(list(MONTH_ABBREVIATIONS))})\.?)(?![\w'’])"
WEEKDAY = rf"(?:{_title(list(WEEKDAYS))})"
# A count: digits, or words up to ninety-nine ("seventy", "twenty-five", "twenty five",
# "nineteen"), or hundreds ("a hundred", "two hundred and fifty", a bare "hundred"), or the
# article ("a year ago"). Longer forms come first, so "twenty-five" is not read as "twenty".
_BELOW_100 = (
    rf"(?:(?:{_any_case(list(TENS))})(?:(?:-|\s+)(?:{_any_case(_ONES)}))?"
    rf"|{_any_case(_TEENS + _ONES)})"
)
_HUNDREDS = (
    rf"(?:(?:{_any_case(['a', 'an', *_ONES])})(?:-|\s+))?(?:{_any_case(['hundred'])})"
    rf"(?:\s+(?:(?:{_any_case(['and'])})\s+)?{_BELOW_100})?"
)
NUMBER = rf"(?:\d{{1,3}}|{_HUNDREDS}|{_BELOW_100}|{_any_case(['a', 'an'])})"
UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
DAY_PART = r"(?:morning|afternoon|evening|night)"
SEASON = rf"(?:{_any_case(list(SEASONS))})"
EARLY_MID_LATE = r"(?:[Ee]arly|[Mm]id|[Ll]ate|EARLY|MID|LATE)"
APPROXIMATORS = r"(?:about|around|roughly|nearly|approximately|circa|c\.|almost|some)"


def ci(word: str) -> str:
    """A word in lower case or capitalised."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def number_value(word: str) -> int:
    """The value of what NUMBER matched: "70", "seventy", "Twenty-five", "a hundred"."""
    if word.isdigit():
        return int(word)
    value = parse_number(" ".join(word.split()))
    if value is None:
        raise ValueError(f"not a number: {word!r}")
    return int(value)


def unit_name(word: str) -> str:
    return word.lower().rstrip("s")
