"""Hand-written wire-style cases for toponym resolution (tests/test_places.py).

Each: the document's toponyms in order, the one under test (its index), and what it must
resolve to: (country code, admin1 name) for real places, or None for an invented place the
gazetteer must leave unresolved.
"""

from __future__ import annotations

# (toponyms of the document, index under test, expected (country, admin1) or None)
CASES: list[tuple[list[str], int, tuple[str, str | None] | None]] = [
    # "Paris" alone is the French capital; beside "Texas" it is Paris, Texas
    (["Paris"], 0, ("FR", "Île-de-France")),
    (["Paris", "Texas"], 0, ("US", "Texas")),
    (["Dallas", "Paris"], 1, ("US", "Texas")),
    # aliases and older spellings
    (["Kiev", "Ukraine"], 0, ("UA", None)),
    (["Kyiv"], 0, ("UA", None)),
    (["US"], 0, ("US", None)),
    (["UK"], 0, ("GB", None)),
    (["Va."], 0, ("US", "Virginia")),
    # the country of the document's other places decides
    (["Alexandria", "Cairo"], 0, ("EG", None)),
    (["Alexandria", "Louisiana"], 0, ("US", "Louisiana")),
    (["Kharkiv", "Ukraine"], 0, ("UA", None)),
    (["Aleppo", "Syria"], 0, ("SY", None)),
    # invented places: kept with a null id
    (["Zorbavoskaya", "Ukraine"], 0, None),
    (["Qelthar Ridge"], 0, None),
]
