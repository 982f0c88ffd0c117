"""Tune and check parts of every dev set, and grouped folds for cross-validation.

A rule or threshold is written by reading the errors of a **tune** part; whether it stays is
decided by the score of the **check** part, whose errors nobody reads (DEVELOPERS.md).
The parts are fixed here, once, so that every script, benchmark and the quality gate cut
the same way:

- NewsQuant dev: by a hash of the sentence text (the sentences carry no outlet or date);
- ClaimBuster / CheckThat! 2024 dev: by debate year, alternating over the sorted years, so
  that no debate has sentences on both sides;
- PolNeAR dev: by a hash of the article name.

``year_folds`` groups ClaimBuster's training sentences by election year for k-fold
cross-validation: a fold never holds part of a year whose other part trains.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Literal

Part = Literal["tune", "check"]
PARTS: tuple[Part, Part] = ("tune", "check")
_SALT = "claimledger-split-v1:"

# ClaimBuster's election years in its groundtruth (CT24 dev) file; the check part takes every
# other one, so both parts span the decades.
DEV_YEARS = ("1960", "1976", "1980", "1984", "1988", "1992", "1996", "2000", "2004", "2008", "2012")
CHECK_YEARS = frozenset(DEV_YEARS[1::2])


def part_of_key(key: str) -> Part:
    """The part a hashed key (a NewsQuant sentence, a PolNeAR article) belongs to."""
    digest = hashlib.sha256((_SALT + key).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def part_of_year(year: str) -> Part:
    """The part a ClaimBuster debate year (``1988`` or a ``1988-09-25.txt`` file id) belongs to."""
    return "check" if year[:4] in CHECK_YEARS else "tune"


def select(items: Sequence[object], parts: Sequence[Part], want: Part | None) -> list[int]:
    """The indices of ``items`` whose part is ``want``; all of them when ``want`` is None."""
    if len(items) != len(parts):
        raise ValueError(f"{len(items)} items but {len(parts)} parts")
    return [i for i, p in enumerate(parts) if want is None or p == want]


def year_folds(file_ids: Iterable[str], k: int) -> list[int]:
    """A fold number in ``range(k)`` per sentence, grouping whole election years: the sorted
    years are dealt round-robin, so each fold spans the decades."""
    ids = list(file_ids)
    years = sorted({f[:4] for f in ids})
    fold_of = {y: i % k for i, y in enumerate(years)}
    return [fold_of[f[:4]] for f in ids]
