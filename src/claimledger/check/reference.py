"""Reference data: figures a user trusts, read from CSV or JSONL, and the check of an
extracted figure against them.

    rows, rejections = read_reference("tolls.csv")       # ReferenceError: the whole file
    check = check_figure(quantity, rows)                   # Check | None

A reference file has one figure per row: ``measure`` ("killed", "displaced"), ``place``,
``date`` (or ``start`` and ``end``), ``value`` (or ``lower`` and/or ``upper``), ``unit``
(optional, default ``count``), ``source`` and ``url`` (optional), and optionally
``geonames_id`` (pins the place) and ``per`` (a rate's denominator). Other columns are ignored
and named in ``ReferenceFile.ignored_columns``. A bad row is a ``RowRejection`` with its line
number and a reason saying what was wrong and what to do; a file that cannot be read as a
whole (missing, too large, binary, not UTF-8, a CSV header without a required column) raises
``ReferenceError``. Whether a file with rejected rows is imported at all is the caller's
choice: both lists are returned.

A check says only that a figure agrees or disagrees with a named reference row, never that a
claim is true or false; a verdict stays a person's.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from claimledger.extract.places.names import normalise as normalise_place
from claimledger.extract.quantities.units import SURFACE, canonical_unit
from claimledger.ingest import decode
from claimledger.link.measures import (
    APPROX_TOLERANCE,
    NEARLY_TOLERANCE,
    NEARLY_WORDS,
    POPULATION_WORDS,
    THING_WORDS,
    find_names,
)
from claimledger.model import Quantity, Rejection, content_id
from claimledger.settings import Settings
from claimledger.urls import public_url

# -- limits and settings --------------------------------------------------------------------

# A reference table is a few thousand rows; 32 MiB is ~300,000 rows of this shape, far more
# than any series a desk keeps, and bounds the memory a hostile file can take.
MAX_REFERENCE_BYTES = 32 * 1024 * 1024
# Every known field (measure, place, source, url...) is short; a longer one is an error in the
# file (a quote left open, a pasted document), not data. 2,048 is also the longest URL kept.
MAX_FIELD_CHARS = 2_048
# Two figures within 5% of the reference value are the same count, reported after rounding or
# a late revision (a toll of 1,000 against a series' 1,040 is 4% off); 19 against 23 (17%) is
# a real difference. For small counts 5% is less than one: under 20 only the same number
# agrees, from 20 to 39 one either way. The caller may pass another tolerance.
DEFAULT_TOLERANCE = 0.05
# An "approx" figure ("some 120,000", "about 500") without bounds of its own spans 10% either
# way, the spread of a figure rounded to its leading one or two digits: link/measures' tolerance.
APPROX_SPREAD = APPROX_TOLERANCE
# Two periods are about the same time when their overlap covers at least this share of the
# longer one: a week against the same week a day off matches (6/7), a day against a month or a
# week against a month does not, so a day's toll is never compared with a month's total.
MIN_TIME_SHARE = 0.8
# Float noise at the tolerance's edge (100 * 1.05 is 105.00000000000001): relative slack.
_EPSILON = 1e-9

STATUS_AGREES = "agrees"
STATUS_DISAGREES = "disagrees"

# -- measures -------------------------------------------------------------------------------

# The counted thing and who was counted come from ``claimledger.link.measures``: one table
# of names for linking and for checking. A word for people in general adds nothing here
# ("people killed" is "killed"); a narrower group stays part of the measure ("civilians
# killed" is a part of "killed").
MEASURE_EVENTS: dict[str, tuple[str, ...]] = THING_WORDS
MEASURE_GROUPS: dict[str, tuple[str, ...]] = {
    ("" if group == "people" else group): names for group, names in POPULATION_WORDS.items()
}
_MEASURE_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_STOP = frozenset("the a an of were was have has had been being are is and or in".split())


def normalise_measure(text: str | None) -> str:
    """The measure a counted thing names: ``killed`` for "people killed", "deaths", "death
    toll"; ``civilians killed`` for "civilians died"; ``wounded`` for "injured"; ``displaced``
    for "fled"; ``casualties`` for "killed or wounded". Text naming no known event is kept as
    its lower-cased words ("drones shot down"), so a reference row can still name it."""
    words = _MEASURE_WORD.findall((text or "").casefold().replace("’", "'"))
    events = list(dict.fromkeys(find_names(words, MEASURE_EVENTS)))
    if "killed" in events and "wounded" in events:
        events = ["casualties"]
    groups = [g for g in dict.fromkeys(find_names(words, MEASURE_GROUPS)) if g]
    if len(events) != 1:
        plain = " ".join(w for w in words if w not in _STOP)
        return plain if not events else " ".join(sorted(events))
    group = groups[0] if len(groups) == 1 else ""
    return f"{group} {events[0]}".strip()


# -- records --------------------------------------------------------------------------------


class ReferenceError(Exception):
    """A reference file that cannot be read at all; the message says why and what to do."""


@dataclass(frozen=True)
class ReferenceRow:
    """One trusted figure. ``start``/``end`` are ISO dates (equal for a day); ``value`` or
    one or both of ``lower``/``upper`` is set. ``line`` is the row's line in its file
    (the first line of a CSV record). ``notes`` say what was changed or dropped (a URL that is
    not http(s), kept as None)."""

    line: int
    measure: str  # normalised (normalise_measure)
    measure_text: str  # as written
    place: str  # as written
    start: str
    end: str
    value: float | None
    lower: float | None
    upper: float | None
    unit: str
    source: str
    url: str | None = None
    per: str | None = None
    place_geonames_id: int | None = None
    place_name: str | None = None
    place_country_code: str | None = None
    dataset: str = ""  # the file's name
    notes: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        # the figure itself; the file, its line and the URL do not change what it says
        return content_id(
            "reference", self.measure, normalise_place(self.place), self.start, self.end,
            self.value, self.lower, self.upper, self.unit, self.per, self.source,
        )  # fmt: skip

    @property
    def interval(self) -> tuple[float, float]:
        if self.value is not None:
            return self.value, self.value
        low = self.lower if self.lower is not None else -math.inf
        high = self.upper if self.upper is not None else math.inf
        return low, high

    def describe(self) -> str:
        """ "23 on 2026-03-10", "20 to 25 from 2026-03-01 to 2026-03-07"."""
        when = f"on {self.start}" if self.start == self.end else f"from {self.start} to {self.end}"
        return f"{_amount(self.value, self.lower, self.upper, self.unit)} {when}"

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> ReferenceRow:
        """A row as ``record()`` gave it (what the ledger stores) back as a ReferenceRow."""
        return cls(
            line=int(r["line"]), measure=r["measure"], measure_text=r["measure_text"],
            place=r["place"], start=r["period_start"], end=r["period_end"],
            value=r["value"], lower=r["lower"], upper=r["upper"], unit=r["unit"],
            source=r["source"], url=r["url"], per=r["per"],
            place_geonames_id=r["place_geonames_id"], place_name=r["place_name"],
            place_country_code=r["place_country_code"], dataset=r["dataset"],
            notes=tuple(r.get("notes") or ()),
        )  # fmt: skip

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id, "dataset": self.dataset, "line": self.line,
            "measure": self.measure, "measure_text": self.measure_text, "place": self.place,
            "place_geonames_id": self.place_geonames_id, "place_name": self.place_name,
            "place_country_code": self.place_country_code,
            "period_start": self.start, "period_end": self.end,
            "value": self.value, "lower": self.lower, "upper": self.upper,
            "unit": self.unit, "per": self.per, "source": self.source, "url": self.url,
            "notes": list(self.notes),
        }  # fmt: skip


@dataclass(frozen=True)
class RowRejection:
    """A row that was not read: its line (a CSV record's first line), the reason (what was
    wrong and what to do) and the start of the row as written."""

    line: int
    reason: str
    text: str = ""

    def rejection(self, source: str) -> Rejection:
        """As the ledger's ``rejections`` table keeps it: ``FILE:LINE``."""
        return Rejection(f"{source}:{self.line}", "reference", self.reason)


@dataclass(frozen=True)
class ReferenceFile:
    """What ``read_reference`` returns; unpacks as ``rows, rejections``."""

    rows: list[ReferenceRow]
    rejections: list[RowRejection]
    format: str  # csv | jsonl
    ignored_columns: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Any]:
        yield self.rows
        yield self.rejections


@dataclass(frozen=True)
class Check:
    """A figure against one reference row. ``lower``/``upper``: the figure's interval as
    compared (None for an open side); ``tolerance``: the relative tolerance around the row."""

    quantity: Quantity
    reference: ReferenceRow
    status: str  # agrees | disagrees
    reason: str
    tolerance: float
    lower: float | None
    upper: float | None
    time_match: str  # same | as_of | overlap

    @property
    def id(self) -> str:
        return content_id("check", self.quantity.id, self.reference.id)

    def record(self) -> dict[str, Any]:
        return {
            "kind": "check", "id": self.id, "quantity_id": self.quantity.id,
            "reference": self.reference.record(), "status": self.status,
            "reason": self.reason, "tolerance": self.tolerance,
            "figure_lower": self.lower, "figure_upper": self.upper,
            "time_match": self.time_match,
        }  # fmt: skip


# -- reading --------------------------------------------------------------------------------

REQUIRED = ("measure", "place", "source")
KNOWN = (
    *("measure", "place", "date", "start", "end", "value", "lower", "upper", "unit"),
    *("source", "url", "per", "geonames_id"),
)
CSV_SUFFIXES = (".csv",)
TSV_SUFFIXES = (".tsv", ".tab")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_COUNT_UNITS = frozenset({"", "count", "counts", "number", "people", "persons", "n"})
_CANONICAL_UNITS = frozenset(SURFACE.values())
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|[+-]?\.\d+")
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")


def read_reference(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_REFERENCE_BYTES,
    resolve_places: bool = True,
) -> ReferenceFile:
    """The rows of a reference file (CSV, TSV or JSONL: by extension, else sniffed), and a
    rejection with line number and reason for each bad row; ``ReferenceError`` when the file
    cannot be read at all. ``resolve_places``: look each row's place up in the gazetteer
    (alone, so a row's place never depends on the other rows)."""
    p = Path(path)
    name = p.name
    data = _read_bounded(p, max_bytes)
    text = decode(data, name, Settings(max_bytes=max_bytes))
    if isinstance(text, Rejection):
        reason = text.reason.replace(" or pass --encoding", "").replace("to ingest", "to import")
        raise ReferenceError(f"{name}: {reason}")
    if text.startswith("\ufeff"):  # a BOM given with --encoding-less UTF-16/32 decoding
        text = text[1:]
    kind = _format(p, text)
    if kind == "jsonl":
        raw, rejections, ignored = _jsonl_records(text, name)
    else:
        raw, rejections, ignored = _csv_records(text, name, "\t" if kind == "tsv" else ",")
    rows: list[ReferenceRow] = []
    seen: dict[str, int] = {}
    for line, record, excerpt in raw:
        made = _row(record, line, name)
        if isinstance(made, str):
            rejections.append(RowRejection(line, made, excerpt))
            continue
        if made.id in seen:
            rejections.append(
                RowRejection(
                    line,
                    f"the same figure as line {seen[made.id]} (measure, place, dates, value, "
                    "unit and source); remove one of the two",
                    excerpt,
                )
            )
            continue
        seen[made.id] = line
        rows.append(made)
    if resolve_places:
        rows = resolve_row_places(rows)
    rejections.sort(key=lambda r: r.line)
    return ReferenceFile(rows, rejections, "csv" if kind == "tsv" else kind, ignored)


def resolve_row_places(rows: Sequence[ReferenceRow]) -> list[ReferenceRow]:
    """Each row with its place looked up in the gazetteer, alone (a row that gave a
    ``geonames_id`` keeps it)."""
    from claimledger.extract.places import resolve

    texts = sorted({r.place for r in rows if r.place_geonames_id is None})
    found = {t: resolve([t])[0] for t in texts}
    out = []
    for r in rows:
        place = found.get(r.place)
        if place is None or place.geonames_id is None:
            out.append(r)
            continue
        out.append(
            replace(
                r,
                place_geonames_id=place.geonames_id,
                place_name=place.name,
                place_country_code=place.country_code,
            )
        )
    return out


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file, never blocking on a FIFO or a device."""
    name = path.name
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReferenceError(f"{name}: no such file; check the path") from None
    except OSError as exc:
        raise ReferenceError(f"{name}: cannot read it: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReferenceError(f"{name}: not a regular file; give a CSV or JSONL file")
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise ReferenceError(f"{name}: cannot read it: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise ReferenceError(
            f"{name}: over the {max_bytes:,}-byte limit for a reference file; split it into "
            "smaller files"
        )
    return b"".join(chunks)


def _format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in TSV_SUFFIXES:
        return "tsv"
    head = text.lstrip()
    if head.startswith("["):
        raise ReferenceError(
            f"{path.name}: a JSON array; write one JSON object per line (JSONL) instead"
        )
    if head.startswith("{"):
        return "jsonl"
    first = head.split("\n", 1)[0]
    return "tsv" if "\t" in first and "," not in first else "csv"


_Raw = tuple[int, dict[str, Any], str]
_Read = tuple[list[_Raw], list[RowRejection], tuple[str, ...]]


def _excerpt(text: str) -> str:
    return text if len(text) <= 200 else text[:200] + "..."


def _header_names(header: list[str], name: str) -> list[str]:
    names = [h.strip().casefold() for h in header]
    dupes = sorted({n for n in names if n and names.count(n) > 1})
    if dupes:
        raise ReferenceError(
            f"{name}: the header names {', '.join(map(repr, dupes))} more than once; "
            "keep one column of each name"
        )
    missing = [c for c in REQUIRED if c not in names]
    if "date" not in names and not ("start" in names and "end" in names):
        if "start" in names or "end" in names:
            missing.append("end" if "start" in names else "start")
        else:
            missing.append("date (or start and end)")
    if not {"value", "lower", "upper"} & set(names):
        missing.append("value (or lower and upper)")
    if missing:
        shown = ", ".join(repr(h) for h in header[:20] if h.strip()) or "none"
        raise ReferenceError(
            f"{name}: the header (line 1) has no {', '.join(missing)} column; columns found: "
            f"{_excerpt(shown)}. A reference file needs measure, place, date (or start and "
            "end), value (or lower and upper) and source"
        )
    return names


def _csv_records(text: str, name: str, delimiter: str) -> _Read:
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ReferenceError(f"{name}: malformed CSV header (line 1): {exc}") from None
    if not header or not any(h.strip() for h in header):
        raise ReferenceError(f"{name}: no header line; the first line must name the columns")
    names = _header_names(header, name)
    ignored = tuple(h for h in names if h and h not in KNOWN)
    records: list[_Raw] = []
    rejections: list[RowRejection] = []
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            excerpt = _excerpt(lines[first - 1]) if first - 1 < len(lines) else ""
            rejections.append(RowRejection(first, _csv_error(exc, first, reader.line_num), excerpt))
            continue
        if not row or all(not cell.strip() for cell in row):
            continue  # a blank line
        excerpt = _excerpt(delimiter.join(row))
        if len(row) > len(names):
            rejections.append(
                RowRejection(
                    first,
                    f"{len(row)} fields where the header has {len(names)}; quote a field that "
                    f"contains {'a tab' if delimiter == chr(9) else 'a comma'}",
                    excerpt,
                )
            )
            continue
        record = {n: cell for n, cell in zip(names, row, strict=False) if n in KNOWN}
        records.append((first, record, excerpt))
    return records, rejections, ignored


def _csv_error(exc: csv.Error, first: int, last: int) -> str:
    if "unexpected end of data" in str(exc):
        return (
            f"unterminated quote: the quoted field opened on line {first} runs to the end of "
            f"the file (line {last}), so the lines from {first} on were not read; close the quote"
        )
    if "field larger than field limit" in str(exc):
        return (
            f"a field over {csv.field_size_limit():,} characters (a quote left open, or a "
            f"pasted text?); fields are at most {MAX_FIELD_CHARS:,} characters"
        )
    where = f"line {first}" if first == last else f"lines {first} to {last}"
    return f"malformed CSV on {where}: {exc}; fix the quoting of that row"


def _jsonl_records(text: str, name: str) -> _Read:
    records: list[_Raw] = []
    rejections: list[RowRejection] = []
    ignored: dict[str, None] = {}
    # "\n" only: JSON allows U+2028 and the like raw inside strings
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        excerpt = _excerpt(line)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"not valid JSON ({exc.msg}, column {exc.colno}); write one object per line"
            rejections.append(RowRejection(number, reason, excerpt))
            continue
        except RecursionError:
            reason = "JSON nested too deeply to read; a row is one flat object"
            rejections.append(RowRejection(number, reason, excerpt))
            continue
        except ValueError as exc:  # a number with more digits than Python converts
            reason = (
                f"not usable JSON ({' '.join(str(exc).split())[:120]}); a row is one flat object"
            )
            rejections.append(RowRejection(number, reason, excerpt))
            continue
        if not isinstance(record, dict):
            reason = f"a JSON {type(record).__name__}, not an object; write one object per line"
            rejections.append(RowRejection(number, reason, excerpt))
            continue
        keys = {str(k).strip().casefold(): v for k, v in record.items()}
        for k in keys:
            if k not in KNOWN:
                ignored[k] = None
        records.append((number, {k: v for k, v in keys.items() if k in KNOWN}, excerpt))
    if not records and rejections:
        raise ReferenceError(
            f"{name}: no line is a JSON object (line {rejections[0].line}: "
            f"{rejections[0].reason}); give a CSV with a header or JSONL, one object per line"
        )
    return records, rejections, tuple(ignored)


# -- one row --------------------------------------------------------------------------------


class _Bad(Exception):
    """A row's reason for rejection."""


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool | dict | list):
        raise _Bad(f"{key} is a JSON {type(value).__name__}; give it as text")
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_FIELD_CHARS:
        raise _Bad(
            f"{key} is {len(text):,} characters long, over the {MAX_FIELD_CHARS:,} limit; "
            "shorten it"
        )
    if "\x00" in text:
        raise _Bad(f"{key} contains a NUL character; remove it")
    text = " ".join(text.split())
    return text or None


def _number(record: dict[str, Any], key: str) -> float | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _Bad(f"{key} is true/false, not a number; give a number such as 23")
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            raise _Bad(f"{key} is too large a number to use; check the row") from None
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > 100:
            raise _Bad(f"{key} is {len(text):,} characters long; a number is at most 100")
        if _NOT_FINITE.fullmatch(text):
            raise _Bad(f"{key} is {text!r}, not a finite number; give a number such as 23")
        if not _NUMBER.fullmatch(text):
            shown = _excerpt(text)[:40]
            raise _Bad(
                f"{key} {shown!r} is not a number; write digits with an optional decimal point "
                "(23, 1,250 or 12.5), without units or words"
            )
        number = float(text.replace(",", ""))
    else:
        raise _Bad(f"{key} is a JSON {type(value).__name__}, not a number")
    if not math.isfinite(number):
        shown = _excerpt(str(value))[:40]
        raise _Bad(f"{key} {shown!r} is not a finite number (too large); check the row")
    return number


def _parse_date(text: str, key: str) -> tuple[date, date]:
    """A day, a month (YYYY-MM) or a year (YYYY), as its first and last day."""
    try:
        if m := _DAY.fullmatch(text):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.fullmatch(text):
            first = date(int(m[1]), int(m[2]), 1)
            after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, after - timedelta(days=1)
        if m := _YEAR.fullmatch(text):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        raise _Bad(
            f"{key} {text!r} is not a date of the calendar; check the day and month"
        ) from None
    shown = _excerpt(text)[:40]
    raise _Bad(
        f"{key} {shown!r} is not a date claimledger reads; write it as YYYY-MM-DD "
        "(or YYYY-MM for a month, YYYY for a year)"
    )


def _unit(text: str | None) -> str:
    raw = (text or "").strip()
    if raw.casefold() in _COUNT_UNITS:
        return "count"
    if raw in _CANONICAL_UNITS:
        return raw
    for form in (raw, raw.upper() if len(raw) == 3 else raw):
        found = canonical_unit(form)
        if found is not None:
            return found
    raise _Bad(
        f"unit {_excerpt(raw)[:40]!r} is not one claimledger knows; use count, percent, "
        "percentage_point, an ISO currency code (USD) or a unit such as kilometre"
    )


def _row(record: dict[str, Any], line: int, dataset: str) -> ReferenceRow | str:
    try:
        return _make_row(record, line, dataset)
    except _Bad as bad:
        return str(bad)


def _make_row(record: dict[str, Any], line: int, dataset: str) -> ReferenceRow:
    measure_text = _text(record, "measure")
    if measure_text is None:
        raise _Bad('no measure; name what is counted, e.g. "killed", "displaced"')
    measure = normalise_measure(measure_text)
    if not measure:
        raise _Bad(f"measure {measure_text[:40]!r} has no words; name what is counted")
    place = _text(record, "place")
    if place is None:
        raise _Bad("no place; name the town, region or country the figure is for")
    source = _text(record, "source")
    if source is None:
        raise _Bad("no source; name who published the figure, so a check can cite it")
    day, start_text, end_text = (_text(record, k) for k in ("date", "start", "end"))
    if day is not None and (start_text is not None or end_text is not None):
        raise _Bad("both date and start/end; give a date for a day, or start and end")
    if day is not None:
        first, last = _parse_date(day, "date")
    elif start_text is not None and end_text is not None:
        first = _parse_date(start_text, "start")[0]
        last = _parse_date(end_text, "end")[1]
        if first > last:
            raise _Bad(f"start {start_text} is after end {end_text}; swap them")
    elif start_text is not None or end_text is not None:
        missing = "end" if end_text is None else "start"
        raise _Bad(f"no {missing}; a period needs both start and end (or give a date)")
    else:
        raise _Bad("no date; give date (YYYY-MM-DD), or start and end for a period")
    value, lower, upper = (_number(record, k) for k in ("value", "lower", "upper"))
    if value is not None and (lower is not None or upper is not None):
        raise _Bad("both value and lower/upper; give a value, or bounds for a range")
    if value is None and lower is None and upper is None:
        raise _Bad("no value; give value, or lower and/or upper for a range")
    if lower is not None and upper is not None and lower > upper:
        raise _Bad(f"lower {_num(lower)} is above upper {_num(upper)}; swap them")
    unit = _unit(_text(record, "unit"))
    if unit == "count" and any(v is not None and v < 0 for v in (value, lower, upper)):
        raise _Bad("a negative count; a count is 0 or more")
    notes: list[str] = []
    url_text = _text(record, "url")
    url = public_url(url_text) if url_text else None
    if url_text and url is None:
        notes.append("url dropped: not a plain http(s) address")
    geonames_id = None
    gid = record.get("geonames_id")
    if gid not in (None, ""):
        if isinstance(gid, bool) or not re.fullmatch(r"\d{1,12}", str(gid).strip()):
            raise _Bad(f"geonames_id {str(gid)[:40]!r} is not a GeoNames id (digits only)")
        geonames_id = int(str(gid).strip())
    return ReferenceRow(
        line=line,
        measure=measure,
        measure_text=measure_text,
        place=place,
        start=first.isoformat(),
        end=last.isoformat(),
        value=value,
        lower=lower,
        upper=upper,
        unit=unit,
        source=source,
        url=url,
        per=_text(record, "per"),
        place_geonames_id=geonames_id,
        dataset=dataset,
        notes=tuple(notes),
    )


# -- checking -------------------------------------------------------------------------------


def _num(v: float) -> str:
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.6g}" if abs(v) >= 1000 else f"{v:.6g}"


def _amount(value: float | None, lower: float | None, upper: float | None, unit: str) -> str:
    if value is not None:
        text = _num(value)
    elif lower is not None and upper is not None:
        text = f"{_num(lower)} to {_num(upper)}"
    elif lower is not None:
        text = f"at least {_num(lower)}"
    else:
        text = f"at most {_num(upper if upper is not None else math.nan)}"
    if unit == "count":
        return text
    if unit == "percent":
        return f"{text}%"
    return f"{text} {unit}"


def figure_interval(q: Quantity) -> tuple[float, float] | None:
    """The interval a figure states: exact [v, v]; approx v ± 10% (``APPROX_SPREAD``) unless
    it has bounds; at least / more than open above; at most / less than open below (from 0
    for a count); "nearly" / "almost" v from ``NEARLY_TOLERANCE`` under v up to v (the one
    meaning link/measures gives it); a range or a vague amount its bounds. None when it
    states no level (a change "by" an amount, or no number)."""
    if q.change is not None and q.change.to_value is None:
        return None  # "rose by 4": the size of a change, not the count
    low, high = q.lower, q.upper
    v = q.value
    if q.bound == "exact":
        if v is None:
            return None
        return v, v
    if q.bound == "approx":
        if low is None and high is None:
            if v is None:
                return None
            spread = abs(v) * APPROX_SPREAD
            return v - spread, v + spread
    elif q.bound in ("at_least", "more_than"):
        low = low if low is not None else v
        high = None
    elif q.bound in ("at_most", "less_than"):
        high = high if high is not None else v
        low = 0.0 if q.unit == "count" else None
        if high is not None and q.text.lower().lstrip().startswith(NEARLY_WORDS):
            low = high * (1 - NEARLY_TOLERANCE)  # link/measures' "nearly": [0.8v, v]
    if low is None and high is None:
        return None
    return (low if low is not None else -math.inf, high if high is not None else math.inf)


def _days(start: str | None, end: str | None) -> tuple[date, date] | None:
    try:
        first = date.fromisoformat(start) if start else None
        last = date.fromisoformat(end) if end else None
    except ValueError:
        return None
    first = first or last
    last = last or first
    if first is None or last is None or first > last:
        return None
    return first, last


def time_match(q: Quantity, row: ReferenceRow) -> str | None:
    """How the figure's time meets the row's: ``same`` period, ``as_of`` (a count "since" a
    date, or "until" one, against the row's day at its end), ``overlap`` (periods overlapping
    by at least ``MIN_TIME_SHARE`` of the longer), or None."""
    when = q.when
    figure = _days(when.time_start, when.time_end)
    ref = _days(row.start, row.end)
    if figure is None or ref is None:
        return None
    if figure == ref:
        return "same"
    cumulative = when.kind in ("since", "until") and when.time_end and figure[1] == ref[1]
    if cumulative and (ref[0] == ref[1] or (when.time_start is not None and ref[0] == figure[0])):
        return "as_of"
    overlap = (min(figure[1], ref[1]) - max(figure[0], ref[0])).days + 1
    longer = max((figure[1] - figure[0]).days, (ref[1] - ref[0]).days) + 1
    if overlap > 0 and overlap >= MIN_TIME_SHARE * longer:
        return "overlap"
    return None


def place_matches(q: Quantity, row: ReferenceRow) -> bool:
    """By GeoNames id when both sides have one; else by the name as written (or the
    gazetteer's name), accents, case and a leading "the" ignored."""
    where = q.where
    if where.text is None:
        return False
    if where.geonames_id is not None and row.place_geonames_id is not None:
        return where.geonames_id == row.place_geonames_id
    figure_names = {normalise_place(n) for n in (where.text, where.name) if n}
    row_names = {normalise_place(n) for n in (row.place, row.place_name) if n}
    return bool(figure_names & row_names)


def measure_of(q: Quantity) -> str:
    return normalise_measure(q.quantified)


def _matches(q: Quantity, row: ReferenceRow, measure: str) -> str | None:
    if row.measure != measure or row.unit != q.unit or (row.per or None) != (q.per or None):
        return None
    if not place_matches(q, row):
        return None
    return time_match(q, row)


def _pct(tolerance: float) -> str:
    return f"{tolerance * 100:.6g}%"


def compare(
    interval: tuple[float, float], row: ReferenceRow, tolerance: float
) -> tuple[str, tuple[float, float]]:
    """``agrees`` when the figure's interval meets the row's widened by ``tolerance`` of
    its own ends, else ``disagrees``; and the widened interval."""
    low, high = row.interval
    widened = (
        low - tolerance * abs(low) if math.isfinite(low) else low,
        high + tolerance * abs(high) if math.isfinite(high) else high,
    )
    slack_low = _EPSILON * max(1.0, abs(widened[0])) if math.isfinite(widened[0]) else 0.0
    slack_high = _EPSILON * max(1.0, abs(widened[1])) if math.isfinite(widened[1]) else 0.0
    meets = interval[0] <= widened[1] + slack_high and widened[0] - slack_low <= interval[1]
    return (STATUS_AGREES if meets else STATUS_DISAGREES), widened


_TIME_RANK = {"same": 0, "as_of": 1, "overlap": 2}


def check_figures(
    q: Quantity, rows: Sequence[ReferenceRow], tolerance: float = DEFAULT_TOLERANCE
) -> list[Check]:
    """One check per reference row the figure matches (measure, unit, place and time),
    most specific time first, disagreements before agreements, then in file order."""
    if not (0 <= tolerance < 1) or not math.isfinite(tolerance):
        raise ValueError(f"tolerance {tolerance!r} must be a fraction from 0 to under 1")
    interval = figure_interval(q)
    if interval is None:
        return []
    measure = measure_of(q)
    if not measure:
        return []
    checks = []
    for row in rows:
        how = _matches(q, row, measure)
        if how is None:
            continue
        status, _ = compare(interval, row, tolerance)
        said = f"{row.source} ({row.describe()}"
        if status == STATUS_AGREES:
            reason = f"agrees with {said}, within {_pct(tolerance)})"
        else:
            reason = f"disagrees with {said})"
        checks.append(
            Check(
                quantity=q,
                reference=row,
                status=status,
                reason=reason,
                tolerance=tolerance,
                lower=interval[0] if math.isfinite(interval[0]) else None,
                upper=interval[1] if math.isfinite(interval[1]) else None,
                time_match=how,
            )
        )
    checks.sort(
        key=lambda c: (_TIME_RANK[c.time_match], c.status != STATUS_DISAGREES, c.reference.line)
    )
    return checks


def check_figure(
    q: Quantity, rows: Sequence[ReferenceRow], tolerance: float = DEFAULT_TOLERANCE
) -> Check | None:
    """The figure against the reference row that fits it best (``check_figures``' first),
    or None when no row has its measure, unit, place and time."""
    checks = check_figures(q, rows, tolerance)
    return checks[0] if checks else None


__all__ = [
    "APPROX_SPREAD",
    "DEFAULT_TOLERANCE",
    "MAX_FIELD_CHARS",
    "MAX_REFERENCE_BYTES",
    "MEASURE_EVENTS",
    "MEASURE_GROUPS",
    "MIN_TIME_SHARE",
    "Check",
    "ReferenceError",
    "ReferenceFile",
    "ReferenceRow",
    "RowRejection",
    "check_figure",
    "check_figures",
    "compare",
    "figure_interval",
    "normalise_measure",
    "place_matches",
    "read_reference",
    "resolve_row_places",
    "time_match",
]
