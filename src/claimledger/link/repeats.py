"""Repeats: passages (paragraphs) copied or lightly edited across documents.

A passage's text is normalised (NFKC, case folded, every run of punctuation and whitespace
one space), cut into overlapping ``SHINGLE``-word shingles, and summarised by a MinHash
signature of ``NUM_PERM`` 32-bit minima. The signature is cut into ``BANDS`` bands of
``ROWS`` values; each band hashes to one signed 64-bit *band key*. Two passages that share a
band key are candidates; a candidate is kept when the containment of their shingle sets
(``|A & B| / min(|A|, |B|)``, from the Jaccard similarity estimated from the two signatures
and the two set sizes) is at least ``THRESHOLD``. Kept pairs are joined into
clusters by union-find; a cluster's earliest member (earliest ``published``, then doc id,
then passage id) is its *earliest seen*, and its id is a hash of that member's passage id.

Everything here is pure and deterministic: no Python ``hash()``, fixed permutation
constants, the same text always gives the same bytes. What a ledger persists per passage
(see :class:`Signed`) is enough to link new documents against it without re-reading the old
ones:

- ``repeat_passages(passage_id PRIMARY KEY, doc_id, published, shingles INTEGER,
  signature BLOB)`` — ``signature`` is :func:`signature`'s ``NUM_PERM * 4`` bytes
  (little-endian uint32), ``shingles`` the size of the shingle set;
- ``repeat_keys(key INTEGER, passage_id)`` with an index on ``key`` — one row per band key of
  :func:`band_keys` (the band number is mixed into the key, so one column suffices);
- ``repeat_pairs(a, b, similarity)`` and ``repeat_clusters(passage_id, cluster)``;
- the :data:`SCHEME` string, so that a change of any constant below re-signs the ledger
  instead of comparing incompatible signatures.

Adding a passage costs one signature, ``BANDS`` indexed look-ups
(``SELECT passage_id FROM repeat_keys WHERE key IN (...)``), and one comparison per candidate
returned: time proportional to the new passages and the buckets they land in, never to the
ledger. :class:`RepeatIndex` is the in-memory version of exactly those steps, which a
store-backed index mirrors.

The constants were chosen on the tune part of ``bench/repeats.py`` (copies and edits made
from PolNeAR paragraphs, cut by a hash of the article name); the check part only reports.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import numpy as np
import numpy.typing as npt

from claimledger.model import content_id

Measure = Literal["jaccard", "containment"]

# Chosen on the tune part of bench/repeats.py (`--sweep`: shingle 3/4/5, bands x rows
# 64x2 ... 16x8, Jaccard or containment, thresholds 0.20 ... 0.95 by pairwise F1): 3-word
# shingles with containment 0.65 led at every banding. 42 x 3 bands is 0.006 F1 under 64 x 2
# on tune but returns 2.3 times fewer candidates (it starts near Jaccard 0.29 instead of 0.13),
# which is what a ledger of millions of passages pays for on every look-up.
SHINGLE = 3  # words per shingle
NUM_PERM = 128  # MinHash values per signature (512 bytes)
BANDS = 42  # LSH bands ...
ROWS = 3  # ... of this many values each (126 of the 128 values banded)
THRESHOLD = 0.65  # estimated containment at or above which a candidate pair is a repeat
# "jaccard": |A & B| / |A | B| of the shingle sets; "containment": |A & B| / min(|A|, |B|),
# which also keeps a passage cut short or padded with added sentences (both estimated from
# the signatures and the stored shingle counts).
MEASURE: Measure = "containment"
# Passages with fewer words are not judged: stock lines (a dateline, a byline, "did not
# respond to a request for comment", a one-line quote) recur across documents without being
# copied, and a 14-word passage has only 12 shingles, so one changed word moves its
# similarity by a quarter. The bench cannot measure that cost (its pool holds no natural
# repeats): on its tune part 10 words would gain 0.008 F1 and 20 lose 0.020.
MIN_WORDS = 15

_SEED = 0x5EED_0019
_MASK64 = (1 << 64) - 1
_WORD = re.compile(r"[^\W_]+")
# joiners inside a word ("U.S.", "don't", "5,000", "well-known") are dropped, not split at,
# so a copy stripped of its punctuation gives the same words
_JOINER = re.compile(r"(?<=[^\W_])[.,'’‘`\-‐‑](?=[^\W_])")


@dataclass(frozen=True)
class Scheme:
    """The constants of one signing scheme; ``bench/repeats.py`` sweeps them on the tune part."""

    shingle: int = SHINGLE
    num_perm: int = NUM_PERM
    bands: int = BANDS
    rows: int = ROWS
    threshold: float = THRESHOLD
    min_words: int = MIN_WORDS
    measure: Measure = MEASURE

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError(f"{self.bands} bands of {self.rows} rows exceed {self.num_perm}")
        if self.shingle < 1 or self.rows < 1 or self.bands < 1:
            raise ValueError("shingle, bands and rows must be positive")

    @property
    def name(self) -> str:
        """What a ledger records beside the signatures; any change means re-signing."""
        return (
            f"minhash-v1:w{self.shingle}:p{self.num_perm}:b{self.bands}r{self.rows}"
            f":min{self.min_words}:{self.measure}"
        )


DEFAULT = Scheme()
SCHEME = DEFAULT.name


# --- text -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """NFKC, case folded, joiners inside words dropped, runs of anything but letters and
    digits one space."""
    return " ".join(words(text))


def words(text: str) -> list[str]:
    """The words of ``text``: NFKC, case folded, split at anything but letters and digits
    (``U.S.`` is ``us``, ``don’t`` is ``dont``, ``5,000`` is ``5000``: joiners inside a word
    are dropped)."""
    return _WORD.findall(_JOINER.sub("", unicodedata.normalize("NFKC", text).casefold()))


def judgeable(text: str, scheme: Scheme = DEFAULT) -> bool:
    """Whether ``text`` is long enough to be judged a repeat (``scheme.min_words`` words)."""
    return len(words(text)) >= scheme.min_words


# --- hashing --------------------------------------------------------------------------


@lru_cache(maxsize=1 << 17)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _mix(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser, element-wise (wrapping uint64 arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingle_hashes(text: str, scheme: Scheme = DEFAULT) -> npt.NDArray[np.uint64]:
    """The sorted, distinct 64-bit hashes of ``text``'s ``scheme.shingle``-word shingles (a
    text shorter than a shingle is one shingle; an empty one has none)."""
    ws = words(text)
    if not ws:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.fromiter((_word_hash(w) for w in ws), dtype=np.uint64, count=len(ws))
    k = min(scheme.shingle, len(ws))
    n = len(ws) - k + 1
    with np.errstate(over="ignore"):
        acc = hashed[:n].copy()
        for j in range(1, k):
            acc = _mix(acc * np.uint64(0x9E3779B97F4A7C15) + hashed[j : j + n])
        acc = _mix(acc ^ np.uint64(k))
    return np.unique(acc)


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def minhash(hashes: npt.NDArray[np.uint64], scheme: Scheme = DEFAULT) -> npt.NDArray[np.uint32]:
    """The MinHash values of a set of 64-bit shingle hashes: for each of ``num_perm``
    multiply-add-shift hash functions ``(a * x + b) >> 32`` (mod 2**64, ``a`` odd), the
    least value over the set; all ``0xFFFFFFFF`` for the empty set."""
    a, b = _permutations(scheme.num_perm)
    out = np.full(scheme.num_perm, 0xFFFFFFFF, dtype=np.uint32)
    step = max(1, (1 << 16) // scheme.num_perm)  # bounded memory for huge passages
    with np.errstate(over="ignore"):
        for start in range(0, len(hashes), step):
            chunk = hashes[start : start + step]
            values = (np.multiply.outer(a, chunk) + b[:, None]) >> np.uint64(32)
            np.minimum(out, values.min(axis=1).astype(np.uint32), out=out)
    return out


def signature(text: str, scheme: Scheme = DEFAULT) -> bytes:
    """``text``'s MinHash signature as ``scheme.num_perm`` little-endian uint32 (512 bytes
    by default): what a ledger stores per passage."""
    return minhash(shingle_hashes(text, scheme), scheme).astype("<u4").tobytes()


def _values(sig: bytes) -> npt.NDArray[np.uint32]:
    return np.frombuffer(sig, dtype="<u4")


def band_keys(sig: bytes, scheme: Scheme = DEFAULT) -> list[int]:
    """One signed 64-bit key per band (SQLite INTEGER range); the band number is part of the
    key, so equal rows in different bands never collide."""
    values = _values(sig)
    if len(values) != scheme.num_perm:
        raise ValueError(f"a signature of {len(values)} values, not {scheme.num_perm}")
    keys = []
    for band in range(scheme.bands):
        rows = values[band * scheme.rows : (band + 1) * scheme.rows].astype("<u4").tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + rows, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """The Jaccard similarity of two passages' shingle sets, estimated from their signatures
    (the share of equal MinHash values)."""
    a, b = _values(sig_a), _values(sig_b)
    if len(a) != len(b):
        raise ValueError(f"signatures of {len(a)} and {len(b)} values")
    return float(np.count_nonzero(a == b)) / len(a) if len(a) else 0.0


def containment(jaccard: float, shingles_a: int, shingles_b: int) -> float:
    """|A & B| / min(|A|, |B|) from the Jaccard similarity and the two set sizes (at most 1)."""
    smaller = min(shingles_a, shingles_b)
    if smaller <= 0:
        return 0.0
    common = jaccard * (shingles_a + shingles_b) / (1.0 + jaccard)
    return min(1.0, common / smaller)


def score(a: Signed, b: Signed, scheme: Scheme = DEFAULT) -> float:
    """The similarity a pair is judged by: the estimated Jaccard, or the containment
    derived from it, as ``scheme.measure`` says."""
    jac = similarity(a.signature, b.signature)
    if scheme.measure == "containment":
        return containment(jac, a.shingles, b.shingles)
    return jac


# --- records --------------------------------------------------------------------------


@dataclass(frozen=True)
class Signed:
    """What a ledger persists for one judged passage."""

    passage_id: str
    doc_id: str
    published: str | None  # ISO date or datetime; unknown dates count as latest
    shingles: int
    signature: bytes
    keys: tuple[int, ...]

    @property
    def order(self) -> tuple[bool, str, str, str]:
        """Sort key of "earliest seen": earliest published (unknown last), then ids."""
        return (self.published is None, self.published or "", self.doc_id, self.passage_id)


def sign(
    passage_id: str, doc_id: str, text: str, published: str | None, scheme: Scheme = DEFAULT
) -> Signed | None:
    """The record to persist for a passage, or None when it is too short to judge."""
    if len(words(text)) < scheme.min_words:
        return None
    hashes = shingle_hashes(text, scheme)
    sig = minhash(hashes, scheme).astype("<u4").tobytes()
    return Signed(passage_id, doc_id, published, len(hashes), sig, tuple(band_keys(sig, scheme)))


@dataclass(frozen=True)
class Match:
    """A verified pair: ``a`` is the earlier-seen passage, ``b`` the later."""

    a: str
    b: str
    similarity: float


@dataclass(frozen=True)
class Cluster:
    """Passages that repeat one another; ``members`` earliest seen first."""

    cluster_id: str
    members: tuple[str, ...]

    @property
    def earliest(self) -> str:
        return self.members[0]


def cluster_id(earliest_passage_id: str) -> str:
    """A cluster's id: a hash of its earliest-seen member, so re-running gives the same ids
    (an earlier-published copy arriving later changes its cluster's id, and only that one)."""
    return content_id("repeat", earliest_passage_id)


def clusters(pairs: Iterable[Match], members: dict[str, Signed]) -> list[Cluster]:
    """Union-find over verified pairs; clusters of two or more, each ordered earliest first,
    sorted by their earliest member."""
    uf = _UnionFind()
    for m in pairs:
        uf.union(m.a, m.b)
    groups: dict[str, list[str]] = {}
    for pid in uf.items():
        groups.setdefault(uf.find(pid), []).append(pid)
    out = []
    for group in groups.values():
        if len(group) < 2:
            continue
        ordered = tuple(sorted(group, key=lambda p: members[p].order))
        out.append(Cluster(cluster_id(ordered[0]), ordered))
    out.sort(key=lambda c: members[c.earliest].order)
    return out


class _UnionFind:
    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def items(self) -> Iterator[str]:
        return iter(list(self._parent))

    def find(self, x: str) -> str:
        parent = self._parent.setdefault(x, x)
        if parent != x:
            root = self.find(parent)
            self._parent[x] = root
            return root
        return x

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            # the smaller string is the root: the result does not depend on insertion order
            lo, hi = sorted((rx, ry))
            self._parent[hi] = lo


# --- the index ------------------------------------------------------------------------


@dataclass
class RepeatIndex:
    """The in-memory counterpart of the ledger's repeat tables: ``add`` signs a passage,
    looks its band keys up, verifies the candidates and records the pairs it keeps.

    Passages of the same document are never paired with each other (a repeat is across
    documents). Adding passages in any order gives the same pairs and clusters."""

    scheme: Scheme = DEFAULT
    passages: dict[str, Signed] = field(default_factory=dict)
    buckets: dict[int, list[str]] = field(default_factory=dict)
    pairs: dict[tuple[str, str], Match] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)

    def add(self, passage_id: str, doc_id: str, text: str, published: str | None) -> list[Match]:
        """Index a passage; the repeats found among passages added before it (none when the
        passage is too short to judge, or was added already)."""
        signed = sign(passage_id, doc_id, text, published, self.scheme)
        if signed is None:
            self.skipped.add(passage_id)
            return []
        return self.add_signed(signed)

    def add_signed(self, signed: Signed) -> list[Match]:
        """Index an already-signed passage (what a store loads back)."""
        if signed.passage_id in self.passages:
            return []
        found = []
        for other_id, sim in self.verified(signed):
            other = self.passages[other_id]
            a, b = sorted((signed, other), key=lambda s: s.order)
            match = Match(a.passage_id, b.passage_id, sim)
            self.pairs[(a.passage_id, b.passage_id)] = match
            found.append(match)
        self.passages[signed.passage_id] = signed
        for key in signed.keys:
            self.buckets.setdefault(key, []).append(signed.passage_id)
        return found

    def candidates(self, keys: Iterable[int], exclude_doc: str | None = None) -> list[str]:
        """Indexed passages sharing at least one band key, most shared bands first, then by
        passage id; those of ``exclude_doc`` left out."""
        shared: dict[str, int] = {}
        for key in keys:
            for pid in self.buckets.get(key, ()):
                shared[pid] = shared.get(pid, 0) + 1
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
        return [
            pid
            for pid, _ in ranked
            if exclude_doc is None or self.passages[pid].doc_id != exclude_doc
        ]

    def verified(self, signed: Signed) -> list[tuple[str, float]]:
        """The candidates of ``signed`` whose :func:`score` reaches the threshold."""
        out = []
        for pid in self.candidates(signed.keys, exclude_doc=signed.doc_id):
            if pid == signed.passage_id:
                continue
            sim = score(signed, self.passages[pid], self.scheme)
            if sim >= self.scheme.threshold:
                out.append((pid, sim))
        return out

    def matches(self) -> list[Match]:
        """Every verified pair, sorted by (a, b)."""
        return [self.pairs[k] for k in sorted(self.pairs)]

    def clusters(self) -> list[Cluster]:
        return clusters(self.pairs.values(), self.passages)

    def cluster_of(self) -> dict[str, str]:
        """Passage id -> cluster id, for passages in a cluster."""
        return {pid: c.cluster_id for c in self.clusters() for pid in c.members}


def passages(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph of a document: the passages repeats are found in."""
    from claimledger.nlp.segment import paragraphs

    return paragraphs(text)
