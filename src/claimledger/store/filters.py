"""What a query asks for, checked before it reaches a store: the worklist's filter, the
documents page's search, paging limits and the verdicts a review may give.

These are plain values with no SQL in them; each store turns them into its own query, with
the values as parameters, never as SQL text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from claimledger.errors import UsageError
from claimledger.extract import checkworthy
from claimledger.extract.events.taxonomy import BY_CODE, BY_NAME

# AVeriTeC's four verdicts, the labels fact-checkers' datasets and ClaimReview feeds use.
VERDICTS = ("Supported", "Refuted", "Not Enough Evidence", "Conflicting Evidence/Cherrypicking")
# Claim types, then the types of sentences that are not claims, as checkworthy gives them.
CLAIM_TYPES = checkworthy.CLAIM_TYPES + checkworthy.NOT_CLAIM_TYPES
# The worklist's orders: by score (highest first, or lowest), by document, by latest review.
SORTS = ("score", "score_asc", "document", "reviewed")
MAX_PER_PAGE = 200
# What a reference check says of a figure (check/reference): the worklist filters by it.
CHECK_STATUSES = ("agrees", "disagrees")
# The kinds of relation linking finds between two figures of one measure (link/compare).
RELATION_KINDS = ("contradiction", "update", "consistent")
# An event's modality (model.Event): the event page filters by it.
MODALITIES = ("asserted", "negated", "denied", "hypothetical", "future")
# Far past any ledger's last page, and (MAX_PAGE - 1) * MAX_PER_PAGE is an OFFSET a 64-bit
# integer holds: a larger page number is refused before it reaches a store.
MAX_PAGE = 1_000_000
MAX_NOTE = 10_000
MAX_REVIEWER = 200


@dataclass(frozen=True)
class ClaimFilter:
    """What the worklist shows; ``None`` leaves a filter off. The ``score`` sort puts claims
    with a figure that disagrees with a reference row first (a disagreement raises a claim;
    only a person records a verdict), then by score."""

    claim_type: str | None = None
    min_score: float | None = None
    max_score: float | None = None
    label: str | None = "claim"  # None: every sentence
    has_figure: bool | None = None
    source: str | None = None  # part of the attributed source's name, any case
    reviewed: bool | None = None
    doc_ids: tuple[str, ...] = ()  # only these documents
    text: str | None = None  # part of the claim's text, any case
    # claims whose time [time_start, time_end] overlaps these ISO dates (inclusive; an open
    # end of a "since" or "until" reaches any date); claims without a time are left out
    time_from: str | None = None
    time_to: str | None = None
    # claims about a place: a GeoNames id ("703448"), else part of the place's name or of
    # the toponym as written, any case; and about a country (ISO 3166 alpha-2, "UA")
    place: str | None = None
    country: str | None = None
    # claims whose sources or named entities are this actor (an actor id, see ``actors``)
    actor: str | None = None
    # claims with a figure that another document's figure contradicts (link/compare), or
    # with none; and claims with a figure whose reference check agrees / disagrees
    contradicted: bool | None = None
    check: str | None = None
    # claims stating an event of this type: a taxonomy code ("AIR_STRIKE") or the ACLED
    # sub-event type ("Air/drone strike"), any case; events of any modality count
    event_type: str | None = None
    sort: str = "score"
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        if self.event_type is not None:
            event_code(self.event_type)
        if self.claim_type is not None and self.claim_type not in CLAIM_TYPES:
            raise UsageError(f"type {self.claim_type!r} is not one of {', '.join(CLAIM_TYPES)}")
        for name in ("min_score", "max_score"):
            value = getattr(self, name)
            if value is not None and not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise UsageError(f"{name} must be a score between 0 and 1, not {value}")
        if self.label not in (None, "claim", "not_claim"):
            raise UsageError(f"label {self.label!r} is not one of claim, not_claim, all")
        for name in ("time_from", "time_to"):
            value = getattr(self, name)
            if value is not None and not _is_iso_date(value):
                raise UsageError(f"{name} must be a date as YYYY-MM-DD, not {value[:40]!r}")
        if self.country is not None and not (
            len(self.country) == 2 and self.country.isascii() and self.country.isalpha()
        ):
            raise UsageError(
                f"country must be a two-letter ISO 3166 code such as UA, not {self.country[:40]!r}"
            )
        if self.check is not None and self.check not in CHECK_STATUSES:
            raise UsageError(f"check {self.check[:40]!r} is not one of {', '.join(CHECK_STATUSES)}")
        if self.sort not in SORTS:
            raise UsageError(f"sort {self.sort!r} is not one of {', '.join(SORTS)}")
        check_paging(self.page, self.per_page)


@dataclass(frozen=True)
class DocumentFilter:
    """The documents page: title or text containing ``text`` (any case), from ``outlet``,
    published between the dates (ISO, inclusive); ``None`` leaves a filter off."""

    text: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        check_paging(self.page, self.per_page)


@dataclass(frozen=True)
class EventFilter:
    """The event page: mentions of one type (code or ACLED name, as ``ClaimFilter``), of
    one modality, of these documents, of one cluster, with a dead or injured figure or
    without; ``None`` leaves a filter off."""

    event_type: str | None = None
    modality: str | None = None
    doc_ids: tuple[str, ...] = ()
    cluster: str | None = None
    has_casualties: bool | None = None
    page: int = 1
    per_page: int = 50

    def __post_init__(self) -> None:
        if self.event_type is not None:
            event_code(self.event_type)
        if self.modality is not None and self.modality not in MODALITIES:
            raise UsageError(
                f"modality {self.modality[:40]!r} is not one of {', '.join(MODALITIES)}"
            )
        check_paging(self.page, self.per_page)


def event_code(value: str) -> str:
    """The taxonomy code an event type filter names: a code ("AIR_STRIKE") or an ACLED
    sub-event type ("Air/drone strike"), either in any case; a UsageError otherwise."""
    text = value.strip()
    if text.upper() in BY_CODE:
        return text.upper()
    folded = {name.casefold(): t.code for name, t in BY_NAME.items()}
    if text.casefold() in folded:
        return folded[text.casefold()]
    raise UsageError(
        f"event type {value[:40]!r} is neither an event type code ({', '.join(BY_CODE)}) "
        "nor an ACLED sub-event type such as 'Air/drone strike'"
    )


def check_paging(page: int, per_page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise UsageError(f"page must be between 1 and {MAX_PAGE}, not {_shown(page)}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise UsageError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {_shown(per_page)}")


def check_review(verdict: str, reviewer: str, note: str) -> tuple[str, str, str]:
    """A review's verdict, reviewer and note, stripped, or a UsageError saying what is wrong."""
    verdict, reviewer, note = verdict.strip(), reviewer.strip(), note.strip()
    if verdict not in VERDICTS:
        raise UsageError(f"verdict {verdict!r} is not one of: {', '.join(VERDICTS)}")
    if not reviewer:
        raise UsageError("a review needs the reviewer's name")
    if len(reviewer) > MAX_REVIEWER:
        raise UsageError(f"the reviewer's name is longer than {MAX_REVIEWER} characters")
    if len(note) > MAX_NOTE:
        raise UsageError(f"the note is longer than {MAX_NOTE} characters; shorten it")
    return verdict, reviewer, note


def _is_iso_date(value: str) -> bool:
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _shown(number: int) -> str:
    return str(number) if abs(number) < 10**30 else "a number that large"
