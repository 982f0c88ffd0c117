"""Read inputs into ``Document`` records, or ``Rejection`` records that say why not.

Supported: .txt/.text/.md/.markdown (decoded text unchanged, so offsets are file offsets),
.html/.htm/.xhtml (main text via trafilatura), .pdf (text layer), .jsonl/.ndjson and .csv
corpora with one document per record, folders (recursive; hidden entries skipped) and stdin.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimledger.lexicon import ENGLISH_FUNCTION_WORDS
from claimledger.model import Document, Rejection
from claimledger.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
METADATA_FIELDS = ("title", "url", "published", "outlet", "author")
STDIN = "-"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

Item = Document | Rejection


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Every document in ``paths`` (files, folders, ``-`` for stdin), in a stable order."""
    for given in paths:
        if given == STDIN:
            yield from _read_stdin(settings)
            continue
        path = Path(given)
        if path.is_dir():
            for child in _walk(path):
                yield from read_file(child, settings)
        elif path.exists():
            yield from read_file(path, settings)
        else:
            yield Rejection(given, "read", "no such file or folder; check the path")


def _walk(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child


def read_file(path: Path, settings: Settings) -> Iterator[Item]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Rejection(
            source,
            "read",
            f"unsupported file type {suffix or '(no extension)'!r}; "
            f"supported: {', '.join(sorted(SUPPORTED))}",
        )
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield _too_large(source, size, settings)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(source, "read", f"cannot read file: {exc.strerror or exc}")
        return
    if suffix in TEXT_SUFFIXES:
        media = "text/markdown" if suffix in {".md", ".markdown"} else "text/plain"
        yield _text_document(data, source, settings, media_type=media)
    elif suffix in HTML_SUFFIXES:
        yield _html_document(data, source, settings)
    elif suffix in PDF_SUFFIXES:
        yield _pdf_document(data, source, settings)
    elif suffix in JSONL_SUFFIXES:
        yield from _jsonl_documents(data, source, settings)
    else:
        yield from _csv_documents(data, source, settings)


def _read_stdin(settings: Settings) -> Iterator[Item]:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield _too_large("<stdin>", len(data), settings)
        return
    yield _text_document(data, "<stdin>", settings, media_type="text/plain")


def _too_large(source: str, size: int, settings: Settings) -> Rejection:
    return Rejection(
        source,
        "read",
        f"input is {size / 1e6:.1f} MB, over the {settings.max_bytes / 1e6:.1f} MB limit; "
        "split it into smaller documents or raise --max-bytes",
    )


def decode(data: bytes, source: str, settings: Settings) -> str | Rejection:
    """Bytes to text: a BOM if present, else UTF-8 (or ``settings.encoding``), strictly."""
    if not data.strip():
        return Rejection(source, "decode", "empty input (no text); nothing to ingest")
    encoding = settings.encoding
    if encoding is None:
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data[:65536]:
        return Rejection(source, "decode", "binary data (NUL bytes), not text; skip this file")
    try:
        text = data.decode(encoding)
    except LookupError:
        return Rejection(
            source, "decode", f"unknown encoding {encoding!r}; use a Python codec name"
        )
    except UnicodeDecodeError as exc:
        return Rejection(
            source,
            "decode",
            f"not valid {encoding} (bad byte at offset {exc.start}); convert it to UTF-8 "
            "(e.g. iconv -f WINDOWS-1252 -t UTF-8) or pass --encoding",
        )
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        return Rejection(source, "decode", "binary data (control characters), not text")
    return text


def validate(doc: Document, settings: Settings) -> Item:
    """Reject documents claimledger cannot read meaningfully (no words, not English)."""
    words = _WORD.findall(doc.text[:200_000])
    if not words:
        return Rejection(doc.source, "validate", "no words in the text; nothing to extract")
    if settings.english_only and len(words) >= 25:
        share = english_share(words)
        if share < 0.12:
            return Rejection(
                doc.source,
                "validate",
                f"text does not look English ({share:.0%} English function words); "
                "claimledger's extractors are English-only (use --any-language to keep it)",
            )
    return doc


def english_share(words: list[str]) -> float:
    hits = sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS)
    return hits / len(words)


def _text_document(data: bytes, source: str, settings: Settings, media_type: str) -> Item:
    text = decode(data, source, settings)
    if isinstance(text, Rejection):
        return text
    return validate(Document(text=text, source=source, media_type=media_type), settings)


def _html_document(data: bytes, source: str, settings: Settings) -> Item:
    import trafilatura

    if not data.strip():
        return Rejection(source, "decode", "empty input (no text); nothing to ingest")
    try:
        result = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return Rejection(source, "parse", f"HTML could not be parsed: {exc}")
    text = getattr(result, "text", None) if result is not None else None
    if not text:
        text = _html_fallback_text(data)
    if not text or not text.strip():
        return Rejection(source, "parse", "HTML has no main text that could be extracted")
    doc = Document(
        text=text,
        source=source,
        title=getattr(result, "title", None),
        url=getattr(result, "url", None),
        published=getattr(result, "date", None),
        outlet=getattr(result, "sitename", None),
        author=getattr(result, "author", None),
        media_type="text/html",
    )
    return validate(doc, settings)


def _html_fallback_text(data: bytes) -> str | None:
    """Visible text of a short page trafilatura judged too small to be an article."""
    import lxml.html

    try:
        root = lxml.html.fromstring(data)
    except Exception:
        return None
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "h1", "h2", "h3", "li")]
    text = "\n\n".join(b for b in blocks if b) or " ".join(root.text_content().split())
    return text or None


def _pdf_document(data: bytes, source: str, settings: Settings) -> Item:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return Rejection(source, "parse", "PDF is encrypted; decrypt it first (e.g. qpdf)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        return Rejection(source, "parse", f"PDF could not be read (truncated or damaged?): {exc}")
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        return Rejection(
            source, "parse", "PDF has no text layer (scanned image?); run OCR (e.g. ocrmypdf) first"
        )
    title = None
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        title = None
    return validate(
        Document(text=text, source=source, title=title, media_type="application/pdf"), settings
    )


def _record_document(record: object, source: str, number: int, settings: Settings) -> Item:
    where = f"{source}:{number}"
    if not isinstance(record, dict):
        return Rejection(where, "parse", "record is not an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(where, "parse", "record has no 'text' field with text in it")
    if len(text.encode("utf-8")) > settings.max_bytes:
        return _too_large(where, len(text.encode("utf-8")), settings)
    meta = {
        k: (str(record[k]) if record.get(k) not in (None, "") else None) for k in METADATA_FIELDS
    }
    doc = Document(text=text, source=source, record=number, media_type="text/plain", **meta)
    checked = validate(doc, settings)
    if isinstance(checked, Rejection):
        return Rejection(where, checked.stage, checked.reason)
    return checked


def _jsonl_documents(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    text = decode(data, source, settings)
    if isinstance(text, Rejection):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(f"{source}:{number}", "parse", f"not valid JSON: {exc.msg}")
            continue
        yield _record_document(record, source, number, settings)


def _csv_documents(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    text = decode(data, source, settings)
    if isinstance(text, Rejection):
        yield text
        return
    csv.field_size_limit(max(settings.max_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        columns = ", ".join(reader.fieldnames or []) or "none"
        yield Rejection(source, "parse", f"CSV has no 'text' column (columns: {columns})")
        return
    try:
        for number, row in enumerate(reader, start=1):  # data rows, header not counted
            yield _record_document(row, source, number, settings)
    except csv.Error as exc:
        yield Rejection(f"{source}:{reader.line_num}", "parse", f"malformed CSV: {exc}")
