"""Writing records as JSON lines, CSV or Parquet, with columns from each record kind's
schema (never from whichever record comes first) and CSV cells a spreadsheet cannot run."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimledger.escapes import json_line, visible
from claimledger.present.records import PASSAGE_FIELDS, REFERENCE_FIELDS, fields_of

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_terminal(fh: Any) -> bool:
    try:
        return bool(fh.isatty())
    except (AttributeError, ValueError):
        return False


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell that a spreadsheet cannot run: text starting with a formula
    character gets a leading apostrophe (OWASP's CSV-injection rule); numbers stay numbers,
    lists and objects become JSON text."""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_text(rows: Iterable[dict[str, Any]], fmt: str, fh: Any, kind: str | None = None) -> int:
    """JSON lines, or CSV with the columns of the record ``kind``'s schema."""
    n = 0
    writer: csv.DictWriter[str] | None = None
    terminal = fmt == "csv" and _is_terminal(fh)
    for rec in rows:
        if fmt == "jsonl":
            fh.write(json_line(rec) + "\n")
        else:
            if writer is None:
                fields = list(fields_of(kind)) if kind is not None else list(rec)
                writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
                writer.writeheader()
            row = {k: csv_cell(v) for k, v in rec.items()}
            if terminal:  # data on a screen: control characters shown, not obeyed
                row = {k: visible(v) if isinstance(v, str) else v for k, v in row.items()}
            writer.writerow(row)
        n += 1
    if fmt == "csv" and writer is None and kind is not None:  # no records: the header alone
        csv.DictWriter(fh, fieldnames=list(fields_of(kind))).writeheader()
    return n


def parquet_schema(kind: str) -> Any:
    """The Parquet schema of a record kind, so columns and types never depend on the data."""
    import pyarrow as pa

    text, whole, real = pa.string(), pa.int64(), pa.float64()
    types: dict[str, Any] = {
        "record": whole,
        "start": whole,
        "end": whole,
        "value": real,
        "lower": real,
        "upper": real,
        "score": real,
        "direct": pa.bool_(),
        "time_inherited": pa.bool_(),
        "geonames_id": whole,
        "lat": real,
        "lon": real,
        "confidence": real,
        "place": pa.struct(
            [
                *((k, text) for k in ("text",)),
                ("start", whole),
                ("end", whole),
                ("geonames_id", whole),
                *((k, text) for k in ("name", "country_code", "admin1")),
                ("lat", real),
                ("lon", real),
                ("feature_class", text),
                ("confidence", real),
                ("inherited", pa.bool_()),
            ]
        ),
        "change": pa.struct([("direction", text), ("from", real), ("to", real), ("by", real)]),
        "types": pa.list_(text),
        "aliases": pa.list_(text),
        "quantity_ids": pa.list_(text),
        "attribution_ids": pa.list_(text),
        "event_ids": pa.list_(text),
    }
    for name in fields_of(kind):
        if name.endswith(("_start", "_end")) or name.startswith("n_"):
            types[name] = whole
    for name in ("time_start", "time_end"):  # ISO dates; time_text_start/_end are offsets
        types[name] = text
    types.update(_linked_types(kind))
    types.update(_event_types(kind))
    return pa.schema([(name, types.get(name, text)) for name in fields_of(kind)])


def _event_types(kind: str) -> dict[str, Any]:
    """The nested columns of an event record (records.event_fields)."""
    import pyarrow as pa

    if kind != "event":
        return {}
    text, whole, real = pa.string(), pa.int64(), pa.float64()
    arg = pa.struct([("text", text), ("start", whole), ("end", whole), ("actor_id", text)])
    figure = pa.struct(
        [
            *(("quantity_id", text), ("text", text), ("start", whole), ("end", whole)),
            *(("value", real), ("lower", real), ("upper", real), ("bound", text)),
        ]
    )
    source = pa.struct(
        [(k, text) for k in ("attribution_id", "text", "canonical", "source_kind", "actor_id")]
    )
    return {
        "actor": arg,
        "target": arg,
        "fatalities": pa.list_(figure),
        "injured": pa.list_(figure),
        "attributed_to": source,
        "stated_as_happened": pa.bool_(),
    }


def _linked_types(kind: str) -> dict[str, Any]:
    """The nested columns of the linking and checking records."""
    import pyarrow as pa

    text, whole, real = pa.string(), pa.int64(), pa.float64()
    if kind not in ("figure_group", "contradiction", "repeat", "check", "citation"):
        return {}
    quantity = pa.struct(list(parquet_schema("quantity")))
    if kind == "citation":
        cited = pa.struct([(k, text) for k in ("doc_id", "source", "outlet", "published")])
        return {
            "attribution": pa.struct(list(parquet_schema("attribution"))),
            "cited": cited,
            "quantity": quantity,
            "figure": quantity,
            "documents": pa.list_(cited),
        }
    reference_types = {"line": whole, "place_geonames_id": whole, "notes": pa.list_(text)}
    reference_types |= dict.fromkeys(("value", "lower", "upper"), real)
    reference = pa.struct([(k, reference_types.get(k, text)) for k in REFERENCE_FIELDS])
    passage = pa.struct([(k, whole if k in ("start", "end") else text) for k in PASSAGE_FIELDS])
    relation = pa.struct(
        [*((k, text) for k in ("id", "kind", "a", "b", "reason")), ("across", pa.bool_())]
    )
    side = passage if kind == "repeat" else quantity
    return {
        "a": side,
        "b": side,
        "quantity": quantity,
        "reference": reference,
        "members": pa.list_(text),
        "relations": pa.list_(relation),
        "similarity": real,
        "tolerance": real,
    }


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, kind: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(kind)
    data = [{name: rec.get(name) for name in schema.names} for rec in rows]
    pq.write_table(pa.Table.from_pylist(data, schema=schema), path)
    return len(data)
