"""Word lists and the regular-expression pieces built from them."""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100,
}  # fmt: skip
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
NUMBER = rf"(?:\d{{1,3}}|{_any_case(list(NUMBER_WORDS))})"
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
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def unit_name(word: str) -> str:
    return word.lower().rstrip("s")
