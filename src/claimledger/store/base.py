"""The store's interface: every read and write the rest of claimledger makes on a ledger.

Nothing outside ``store/`` writes SQL. Commands, the review desk and the reports call these
methods and get dataclasses (:mod:`claimledger.model`'s, and the result types below) back,
never a database row, so a second backend is one new class implementing :class:`Store` in
a new file (``store/postgres.py``, say, dispatched to by :func:`claimledger.store.open_store`
for a ``postgresql://`` address), with its own SQL and nothing changed elsewhere.

Opening a store migrates it to the current schema, or, read-only, refuses an older one; a
store never touches a database that is not a claimledger ledger; every failure reaches the
user as one :class:`~claimledger.errors.LedgerError` line.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from claimledger.model import Attribution, Claim, Event, Extraction, Quantity, Rejection
from claimledger.store.filters import ClaimFilter, DocumentFilter, EventFilter

T = TypeVar("T")


class Row(Protocol):
    """One result row, read by position or by column name: ``sqlite3.Row`` for a SQLite
    ledger, the PostgreSQL store's own row for one on a server."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def keys(self) -> list[str]: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True)
class Part(Generic[T]):
    """A stored figure or attribution, with what its record needs beyond the dataclass: the
    document's source and record, its sentence's text and (attributions) the id of the
    attribution it is nested in."""

    item: T
    source: str
    record: int | None
    sentence: str | None
    parent_id: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """A document's place and metadata, without its text."""

    id: str
    source: str
    record: int | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass
class ClaimHit:
    """A stored claim (one sentence) with its document, figures, attributed sources and
    latest verdict: a worklist row."""

    claim: Claim  # its quantity_ids and attribution_ids are the figures' and sources'
    document: DocumentInfo
    figures: list[Part[Quantity]] = field(default_factory=list)
    sources: list[Part[Attribution]] = field(default_factory=list)
    verdict: str | None = None  # the latest review's
    reviews: int = 0

    @property
    def id(self) -> str:
        return self.claim.id


@dataclass(frozen=True)
class Review:
    """A verdict on a claim; ``text`` is the claim's text (or the copy kept with the review
    when the claim has since been re-extracted away), when the query asked for it."""

    id: int
    claim_id: str
    verdict: str
    note: str
    reviewer: str
    created_at: str
    text: str | None = None


@dataclass(frozen=True)
class ContextSentence:
    sentence_index: int
    text: str
    is_claim: bool


@dataclass(frozen=True)
class SameFigure:
    """Another claim in the ledger stating one of this claim's figures."""

    figure: str  # this claim's figure, as written
    claim_id: str
    their_figure: str
    text: str
    score: float
    doc_id: str
    document: str  # its document's title, else source


@dataclass
class ClaimDetail:
    """One claim with its sentence among its neighbours, the same figures elsewhere and its
    review history, newest first."""

    hit: ClaimHit
    context: list[ContextSentence]
    same_figure: list[SameFigure]
    history: list[Review]


@dataclass(frozen=True)
class StatedSource:
    """The attributed source a ClaimReview names as the claim's author."""

    attributed_to: str | None
    attributed_to_canonical: str | None
    source_kind: str
    source_affiliation: str | None


@dataclass(frozen=True)
class PublishedReview:
    """A claim's latest review with what a ClaimReview publishes about the claim."""

    review: Review
    document: DocumentInfo | None
    stated_by: StatedSource | None


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]  # documents, sentences, claims, figures, attributions, ...
    verdicts: dict[str, int]  # claims whose latest review gave each verdict
    recent_reviews: list[Review]


@dataclass
class LinkResult:
    """What one run of linking did: documents linked, their figures that state a measure,
    the relations found (by kind), their judged passages and the repeat pairs found."""

    documents: int = 0
    figures: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    passages: int = 0
    repeats: int = 0
    events: int = 0  # asserted event mentions put in a cluster (link/events)


@dataclass(frozen=True)
class RelationHit:
    """Two stored figures of one measure and how they relate (link/compare.Relation):
    ``kind`` consistent, update (``a`` is the earlier) or contradiction; ``across``: a part
    (``a``) against its whole (civilians against people)."""

    id: str
    kind: str
    a: Part[Quantity]
    b: Part[Quantity]
    measure: str
    reason: str
    across: bool = False


@dataclass(frozen=True)
class PassageRef:
    """A judged passage (a paragraph) of a stored document."""

    passage_id: str
    doc_id: str
    source: str
    start: int
    end: int
    text: str
    published: str | None = None


@dataclass(frozen=True)
class RepeatHit:
    """Two passages of different documents, ``a`` seen earlier than ``b``, one a copy or a
    light edit of the other (estimated containment ``similarity``), in ``cluster``."""

    id: str
    a: PassageRef
    b: PassageRef
    similarity: float
    cluster: str | None
    earliest: bool = False  # whether ``a`` is its cluster's earliest-seen passage


@dataclass(frozen=True)
class FigureGroupHit:
    """The stored figures of one measure, place and time bucket: ``members`` (quantity ids,
    in id order) and ``relations`` among them and with the whole their population is part of
    (each ``{id, kind, a, b, reason, across}``)."""

    id: str
    block_key: str
    measure: str
    place: str
    time: str
    members: list[str]
    relations: list[dict[str, Any]]


@dataclass(frozen=True)
class CheckHit:
    """A stored figure against a reference row: ``reference`` is the row as
    check/reference.ReferenceRow.record() gives it."""

    id: str
    quantity: Part[Quantity]
    reference: dict[str, Any]
    status: str  # agrees | disagrees
    reason: str
    tolerance: float
    figure_lower: float | None
    figure_upper: float | None
    time_match: str
    rank: int = 0


@dataclass(frozen=True)
class CitedDocument:
    """A stored document of a cited outlet, without its text."""

    id: str
    source: str
    record: int | None
    title: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class CitationHit:
    """An attribution citing an outlet or one of its documents ("as the Northern Herald
    reported"), followed into the ledger (link/citations).

    ``found``: a document of that outlet states the same figure as the citing claim (the two
    figures in one figure group, or related as ``consistent`` across groups): ``figure`` is
    the citing claim's, ``cited_figure`` the cited document's (in ``cited``, of claim
    ``cited_claim_id``), ``relation`` how linking compared them (consistent, update,
    contradiction; None when not compared) with its ``reason``; ``agrees`` when consistent.
    ``not_found``: the outlet has documents in the ledger but none states the claim's
    figures; ``documents`` are some of them (at most 20, newest first) of ``n_documents``.
    An outlet with no document in the ledger gives no hit."""

    id: str
    claim_id: str
    attribution: Part[Attribution]
    outlet: str  # the cited outlet, as the attribution names it
    status: str  # found | not_found
    figure: Part[Quantity] | None = None
    cited: CitedDocument | None = None
    cited_figure: Part[Quantity] | None = None
    cited_claim_id: str | None = None
    relation: str | None = None
    reason: str | None = None
    agrees: bool = False
    documents: tuple[CitedDocument, ...] = ()
    n_documents: int = 0


@dataclass
class ClaimLinks:
    """What linking and checking say about one claim's figures: the same measure stated
    elsewhere (consistent figures and updates), the figures that contradict them, their
    reference checks (best-fitting row first) and the outlets its sources cite, followed
    into the ledger."""

    same_measure: list[RelationHit] = field(default_factory=list)
    contradicting: list[RelationHit] = field(default_factory=list)
    checks: list[CheckHit] = field(default_factory=list)
    citations: list[CitationHit] = field(default_factory=list)


@dataclass(frozen=True)
class EventHit:
    """A stored event mention with what its record needs beyond the dataclass: its
    document's source and record, its sentence's text, ``cluster`` (the event across
    documents it is a mention of; None until linked, and for events not asserted), and for
    listing it among other mentions its document's title, outlet, published and date (the
    document's date as extraction resolved it) and ``day`` (the day it was clustered by,
    when it is in a cluster)."""

    event: Event
    source: str
    record: int | None
    sentence: str | None
    cluster: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    date: str | None = None
    day: str | None = None

    @property
    def id(self) -> str:
        return self.event.id


@dataclass
class EventDetail:
    """One event mention: ``mentions``, the other mentions of its cluster (in other
    documents and its own; earliest document date first, each with its source and dates),
    the claims (sentences) that state it, and its dead and injured figures as stored
    figures (link/compare relates them to other figures of the same event)."""

    hit: EventHit
    mentions: list[EventHit]
    claims: list[ClaimHit]
    fatalities: list[Part[Quantity]]
    injured: list[Part[Quantity]]
    n_documents: int = 0  # documents of its cluster, its own included (1 when unclustered)


@dataclass(frozen=True)
class EventTypeCount:
    """How many event mentions of one type the ledger holds: ``code`` (taxonomy), ``name``
    (the ACLED sub-event type), ``category`` (the ACLED event type), all mentions
    (``events``), those asserted (``asserted``) and the clusters they form (``clusters``)."""

    code: str
    name: str
    category: str
    events: int
    asserted: int
    clusters: int


@dataclass
class Page(Generic[T]):
    total: int
    page: int
    per_page: int
    items: list[T]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class Store(ABC):
    """One open ledger. Use it as a context manager, or call :meth:`close`."""

    #: what to call the ledger in a page or a message (a file's name)
    name: str

    # -- opening --------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int:
        """The newest migration applied (0 for an empty database)."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """All writes inside happen together or not at all."""

    # -- ingest ---------------------------------------------------------------------------
    @abstractmethod
    def ensure_run(
        self, run_id: str, version: str, model: str, settings: dict[str, Any]
    ) -> None: ...

    @abstractmethod
    def document_run(self, doc_id: str) -> str | None:
        """The run that extracted a stored document, None when it is not stored."""

    @abstractmethod
    def add_source(self, doc_id: str, source: str, record: int | None) -> None:
        """Another place a stored document was seen; a repeat is a no-op."""

    @abstractmethod
    def add_rejection(self, rejection: Rejection, run_id: str | None) -> bool:
        """Record an input that could not be used; False when it was already recorded."""

    @abstractmethod
    def write(self, ex: Extraction, run_id: str) -> bool:
        """Store one document's extraction in one transaction, replacing one from another
        run; False when it was already there from this run."""

    @abstractmethod
    def write_many(self, exs: Sequence[Extraction], run_id: str) -> list[bool]:
        """Store several documents' extractions in one transaction (a batched load: what
        :meth:`write` does for each); for each, False when it was already there."""

    @abstractmethod
    def link_people(self) -> int:
        """Merge the people the ledger names across documents; how many links changed."""

    # -- actors and places ----------------------------------------------------------------
    @abstractmethod
    def actors(self) -> list[dict[str, Any]]:
        """Every actor the ledger's sources and mentions point at, most cited first: id,
        name, actor_kind, country, parent_id, aliases, n_documents, n_sources, n_mentions."""

    @abstractmethod
    def actor(self, actor_id: str, limit: int = 200) -> dict[str, Any] | None:
        """One actor (as ``actors`` gives it) with what it is credited with saying
        (``said``: claim_id, doc_id, document title or source, cue, content, direct) and
        where it is named (``documents``), None when no such actor is stored."""

    @abstractmethod
    def place(self, geonames_id: int, limit: int = 200) -> dict[str, Any] | None:
        """One resolved place: its gazetteer entry, the toponyms written for it, the documents
        naming it and the claims about it (``claim_ids``), None when no toponym resolved to
        it."""

    # -- documents ------------------------------------------------------------------------
    @abstractmethod
    def document_ids(self) -> list[str]:
        """Every stored document, in the order they were ingested."""

    @abstractmethod
    def has_document(self, doc_id: str) -> bool: ...

    @abstractmethod
    def load(self, doc_id: str) -> Extraction:
        """One stored document with everything extracted from it, as dataclasses."""

    @abstractmethod
    def documents(self, f: DocumentFilter) -> Page[dict[str, Any]]:
        """A page of documents (newest first): id, source, record, title, url, published,
        outlet, author, n_chars, n_words, claims, reviewed."""

    @abstractmethod
    def outlets(self) -> list[str]:
        """Every outlet a stored document names, sorted."""

    # -- claims ---------------------------------------------------------------------------
    @abstractmethod
    def overview(self) -> Overview:
        """The desk's counts, verdicts and the ten most recent reviews."""

    @abstractmethod
    def claim_page(self, f: ClaimFilter) -> Page[ClaimHit]:
        """One page of the worklist as the filter asks."""

    @abstractmethod
    def claim_listing(self, f: ClaimFilter, limit: int | None) -> list[ClaimHit]:
        """Claims by score (then source, then sentence), at most ``limit``, for
        ``claimledger claims``; the filter's paging and sort do not apply."""

    @abstractmethod
    def document_claims(self, doc_id: str) -> list[ClaimHit]:
        """Every claim (label ``claim``) of one document in text order."""

    @abstractmethod
    def claim(self, claim_id: str, context: int = 2) -> ClaimDetail | None:
        """One claim with ``context`` sentences either side, None when there is none."""

    # -- events (extract/events, link/events) ------------------------------------------------
    @abstractmethod
    def event_page(self, f: EventFilter) -> Page[EventHit]:
        """A page of event mentions as the filter asks, latest day first (the event's own
        day, else its document's date), then by document and position."""

    @abstractmethod
    def iter_events(self) -> Iterator[EventHit]:
        """Every event mention, by document (in the order they were ingested) and position
        (for export)."""

    @abstractmethod
    def event(self, event_id: str, limit: int = 200) -> EventDetail | None:
        """One event mention with its cluster's other mentions (at most ``limit``), its
        claims and its dead and injured figures; None when there is no such event."""

    @abstractmethod
    def event_types(self) -> list[EventTypeCount]:
        """The types the ledger's events have, most mentions first (then by code)."""

    # -- reviews --------------------------------------------------------------------------
    @abstractmethod
    def add_review(self, claim_id: str, verdict: str, reviewer: str, note: str) -> Review:
        """Store a (checked) review of a stored claim, keeping a copy of its text; a
        LookupError when there is no such claim."""

    @abstractmethod
    def latest_reviews(self) -> Iterator[PublishedReview]:
        """Each reviewed claim's latest review, oldest first, for ClaimReview."""

    # -- linking (link/compare, link/repeats) ---------------------------------------------
    @abstractmethod
    def unlinked_documents(self) -> list[str]:
        """Stored documents not linked yet, in the order they were ingested."""

    @abstractmethod
    def link_new(
        self, doc_ids: Sequence[str], on_progress: Callable[[int, int], None] | None = None
    ) -> LinkResult:
        """Link the figures and passages of these documents (those not linked yet) against
        everything the ledger holds, one transaction per document: each figure is compared
        with the figures of its block and of its population's wider and narrower blocks
        (indexed look-ups by blocking key, never all pairs), each passage with the passages
        sharing one of its band keys; groups and clusters are updated. ``on_progress(done,
        total)`` after each document."""

    @abstractmethod
    def link_all(self, on_progress: Callable[[int, int], None] | None = None) -> LinkResult:
        """Forget every link and link every document again (same result as linking them
        one by one)."""

    @abstractmethod
    def link_counts(self) -> dict[str, int]:
        """For the overview: ``linked_documents``, ``figure_groups`` (of two figures or
        more), ``contradictions``, ``updates``, ``consistent``, ``repeats`` (pairs),
        ``repeat_clusters``, ``reference_figures``, ``checks``, ``agreements``,
        ``disagreements``, ``contradicted_claims`` / ``disagreeing_claims``, ``events``
        (mentions), ``clustered_events`` (mentions in a cluster), ``event_clusters`` (all)
        and ``event_clusters_across`` (clusters with mentions in two documents or more)."""

    @abstractmethod
    def relation_page(self, kind: str, page: int = 1, per_page: int = 50) -> Page[RelationHit]:
        """A page of relations of one kind (contradiction, update, consistent), by id."""

    @abstractmethod
    def iter_relations(self, kind: str) -> Iterator[RelationHit]:
        """Every relation of one kind, by id (for export)."""

    @abstractmethod
    def figure_group_page(
        self, page: int = 1, per_page: int = 50, min_members: int = 2
    ) -> Page[FigureGroupHit]:
        """A page of figure groups of at least ``min_members`` figures, largest first."""

    @abstractmethod
    def iter_figure_groups(self, min_members: int = 1) -> Iterator[FigureGroupHit]:
        """Every figure group (of at least ``min_members`` figures), by id (for export)."""

    @abstractmethod
    def repeat_page(self, page: int = 1, per_page: int = 50) -> Page[RepeatHit]:
        """A page of repeat pairs, by cluster then earliest seen."""

    @abstractmethod
    def iter_repeats(self) -> Iterator[RepeatHit]:
        """Every repeat pair, by cluster then earliest seen (for export)."""

    @abstractmethod
    def claim_links(self, claim_id: str) -> ClaimLinks:
        """For one claim's figures: the same measure elsewhere, the contradicting figures,
        the reference checks and the citations (as :meth:`citations`)."""

    @abstractmethod
    def citations(self, claim_id: str) -> list[CitationHit]:
        """The outlets one claim's sources cite (source kind outlet or document), each
        followed into the ledger at read time: the cited outlet's documents (outlet names
        compared by link/citations.outlet_key, or the same news outlet in the actor table)
        stating one of the claim's figures (``found``, one hit per cited figure), else
        ``not_found`` with some of the outlet's documents; nothing for an outlet with no
        document in the ledger. Indexed look-ups by outlet and figure group only."""

    @abstractmethod
    def iter_citations(self) -> Iterator[CitationHit]:
        """Every citation of every claim with figures, by claim id (for export)."""

    # -- reference data (check/reference) --------------------------------------------------
    @abstractmethod
    def add_reference_rows(self, rows: Sequence[dict[str, Any]]) -> int:
        """Store reference rows (``ReferenceRow.record()`` dicts) in one transaction; a row
        already stored (same id) is kept. How many were new."""

    @abstractmethod
    def add_rejections(self, rejections: Sequence[Rejection], run_id: str | None) -> int:
        """Record several unusable inputs in one transaction; how many were new."""

    @abstractmethod
    def reference_rows(self, measures: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Stored reference rows (as ``ReferenceRow.record()`` gives them), of these
        normalised measures when given, in dataset and line order."""

    @abstractmethod
    def checkable_figures(
        self, doc_ids: Sequence[str] | None = None, batch: int = 1000
    ) -> Iterator[list[Part[Quantity]]]:
        """Stored figures that name what they count and where (``quantified`` and a place),
        of these documents or of all, in batches."""

    @abstractmethod
    def write_checks(self, quantity_ids: Sequence[str], checks: Sequence[dict[str, Any]]) -> None:
        """Replace the checks of these figures with ``checks`` (each: id, quantity_id,
        reference_id, status, reason, tolerance, figure_lower, figure_upper, time_match,
        rank), in one transaction."""

    @abstractmethod
    def check_page(
        self, status: str | None = None, page: int = 1, per_page: int = 50
    ) -> Page[CheckHit]:
        """A page of checks (of one status, else all), disagreements first."""

    @abstractmethod
    def iter_checks(self) -> Iterator[CheckHit]:
        """Every check, by figure and rank (for export)."""

    @abstractmethod
    def figure_series(self, group_id: str) -> list[dict[str, Any]]:
        """For a measure's timeline: the figures of one group (by its id), each as
        ``{group, quantity, low, high, checks}``: the :class:`FigureGroupHit` (the same for
        every figure), the stored figure, the interval it was compared by (an open end is
        None) and its reference checks (best-fitting row first). Empty when no group has
        this id."""
