"""Read inputs into ``Document`` records, or ``Rejection`` records that say why not.

Supported: .txt/.text/.md/.markdown (decoded text unchanged, so offsets are file offsets),
.html/.htm/.xhtml (main text via trafilatura), .pdf (text layer), .jsonl/.ndjson and .csv
corpora with one document per record, folders (recursive; hidden entries skipped) and stdin.

Hostile input. Whatever an input holds, it ends as documents or as one ``Rejection`` each
(one line on stderr, one ``rejections`` row), and reading goes on with the next input or
record; no traceback, no hang:

- Only regular files are read. Named pipes, sockets and devices are rejected before they are
  opened (``stat``), files are opened with ``O_NONBLOCK`` and checked again (``fstat``), and
  every read stops after ``max_bytes + 1`` bytes, whatever the size the file claims.
- Folder walks go in name order, without recursion, skip hidden entries and follow no
  symbolic link unless ``Settings.follow_links`` (``--follow-links``): a link they pass by is
  rejected with a reason that says so; a dangling link and a link loop are rejected as such.
  No folder is walked twice (tracked by device and inode). A link named on the command line
  is read: the user named it. A folder that cannot be listed is rejected, the rest is read.
- Names are stored and printed as text: bytes of a file name that are not UTF-8 are written
  as ``\\xNN`` (``bad\\xff.txt``), and control characters in names or reasons the same way, so
  that a source is valid UTF-8 on one line. The file itself is read.
- The size limit (``max_bytes``) applies to every file and stdin, to every corpus record, and
  to the text extracted from an HTML page or a PDF. A PDF's text is counted while pypdf
  extracts it, which stops at the limit; one page may draw at most 1 MB of text (a tenth of
  the limit when that is more), and each decompressed stream at most twice the limit.
- Text decoded as UTF-8 or another single-byte encoding holding a NUL byte anywhere is binary;
  so is an HTML file that starts with a known magic number (gzip, ZIP, PDF, PNG, ...) or holds
  NUL or many control bytes; the reason names the format and what to do (``gunzip`` it).
  Bytes that look like UTF-16 without a byte-order mark get a hint to pass ``--encoding``
  (for HTML, to convert them to UTF-8).
- JSONL is split on ``"\\n"`` only (a trailing ``"\\r"`` dropped), never on U+2028, U+0085
  and the other characters JSON allows raw inside strings; record numbers are line numbers.
  CSV is parsed strictly: a malformed record, or a quote left open to the end of the file, is
  rejected with its line.
- Metadata fields are text: strings as given, numbers and booleans with ``str()``, objects and
  arrays as JSON text (``json.dumps``); never a Python repr.
- Any other failure while reading one file or one record (``OSError``, ``UnicodeError``,
  ``ValueError``, ``RecursionError``, ``MemoryError``, ...) rejects that file or record.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import dataclasses
import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimledger.escapes import one_line
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
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# magic numbers of binary formats someone may name .html or .txt, and what to do about them
_MAGIC = (
    (b"\x1f\x8b", "gzip-compressed data", "gunzip it first"),
    (b"PK\x03\x04", "a ZIP archive (or an Office or EPUB file)", "unzip it first"),
    (b"%PDF-", "a PDF", "name it .pdf so that its text layer is read"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "images hold no text layer; run OCR first"),
    (b"\xff\xd8\xff", "a JPEG image", "images hold no text layer; run OCR first"),
    (b"GIF8", "a GIF image", "images hold no text layer; run OCR first"),
    (b"BZh", "bzip2-compressed data", "bunzip2 it first"),
    (b"\xfd7zXZ\x00", "xz-compressed data", "unxz it first"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", "unzstd it first"),
)
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK = 1 << 20
_PYPDF_DEFAULT_LIMIT = 75_000_000  # pypdf's own bound on a decompressed stream

Item = Document | Rejection


# -- names ---------------------------------------------------------------------------------


def display_name(path: str) -> str:
    """``path`` as one line of valid UTF-8: bytes that are not UTF-8 (Python keeps them as
    surrogate escapes) become ``\\xNN``, control characters ``\\xNN`` or ``\\uNNNN``."""
    return one_line(path)


def _storable(value: str | None) -> str | None:
    """Metadata as valid UTF-8: unpaired surrogates (a JSON ``"\\ud800"``) escaped."""
    if value is None or not _SURROGATE.search(value):
        return value
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _representable(item: Item) -> Item:
    """Every item leaves ``read_inputs`` storable in SQLite and printable on one line."""
    if isinstance(item, Rejection):
        shown = Rejection(one_line(item.input), item.stage, one_line(item.reason))
        return item if shown == item else shown
    source = one_line(item.source)
    if _SURROGATE.search(item.text):
        where = source if item.record is None else f"{source}:{item.record}"
        return Rejection(
            where,
            "decode",
            "text holds unpaired surrogate code points (such as a JSON \\ud800 escape), "
            "which are not valid Unicode; fix the input",
        )
    meta = item.metadata()
    if source == item.source and all(_storable(v) == v for v in meta.values()):
        return item
    return dataclasses.replace(
        item,
        source=source,
        title=_storable(item.title),
        url=_storable(item.url),
        published=_storable(item.published),
        outlet=_storable(item.outlet),
        author=_storable(item.author),
    )


# -- inputs, folders, files ----------------------------------------------------------------


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Every document in ``paths`` (files, folders, ``-`` for stdin), in a stable order."""
    for given in paths:
        for item in _read_given(given, settings):
            yield _representable(item)


def _read_given(given: str, settings: Settings) -> Iterator[Item]:
    if given == STDIN:
        yield from _guarded("<stdin>", _read_stdin(settings))
        return
    try:
        st = os.stat(given)  # a link named on the command line is followed: the user named it
    except OSError as exc:
        yield _path_error(given, exc)
        return
    except ValueError:  # an embedded NUL
        yield Rejection(display_name(given), "read", "not a valid path (it holds a NUL byte)")
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _guarded(display_name(given), _walk(given, st, settings))
    else:
        yield from _guarded(display_name(given), read_file(Path(given), settings))


def _path_error(path: str, exc: OSError) -> Rejection:
    shown = display_name(path)
    if exc.errno == errno.ELOOP:
        return Rejection(
            shown,
            "read",
            "symbolic link loop (the link leads back to itself, or through too many links); "
            "fix or remove the link",
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and os.path.islink(path):
        return Rejection(
            shown,
            "read",
            f"symbolic link to {_link_target(path)}, which does not exist (a dangling link); "
            "fix or remove the link",
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return Rejection(shown, "read", "no such file or folder; check the path")
    return Rejection(shown, "read", f"cannot read: {exc.strerror or exc}")


def _link_target(path: str) -> str:
    try:
        return display_name(os.readlink(path))
    except OSError:
        return "(unreadable target)"


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "a special file"


def _not_regular(source: str, mode: int) -> Rejection:
    return Rejection(
        source,
        "read",
        f"{_kind(mode)}, not a regular file; only regular files are read "
        "(save its content to a file first)",
    )


def _list_folder(folder: str) -> list[os.DirEntry[str]] | Rejection:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        return Rejection(
            display_name(folder),
            "read",
            f"cannot list folder: {exc.strerror or exc}; check its permissions "
            "(nothing in it was read)",
        )


def _walk(root: str, root_stat: os.stat_result, settings: Settings) -> Iterator[Item]:
    """Every file below ``root`` in name order (depth first, as a listing reads), without
    recursion, so that no depth of nesting can exhaust the stack."""
    visited = {(root_stat.st_dev, root_stat.st_ino): root}
    listing = _list_folder(root)
    if isinstance(listing, Rejection):
        yield listing
        return
    stack: list[Iterator[os.DirEntry[str]]] = [iter(listing)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = entry.path
        shown = display_name(path)
        try:
            link = entry.is_symlink()
            st = os.stat(path) if link else entry.stat(follow_symlinks=False)
        except OSError as exc:
            yield _path_error(path, exc)
            continue
        if link and not settings.follow_links:
            yield Rejection(
                shown,
                "read",
                f"symbolic link to {_kind(st.st_mode)} ({_link_target(path)}), not followed: "
                "folder walks stay inside the folder given; pass --follow-links to read it, "
                "or name it on the command line",
            )
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in visited:
                yield Rejection(
                    shown,
                    "read",
                    f"folder already read as {display_name(visited[key])} (a link leads back "
                    "to it); skipped so that nothing is read twice",
                )
                continue
            visited[key] = path
            listing = _list_folder(path)
            if isinstance(listing, Rejection):
                yield listing
                continue
            stack.append(iter(listing))
        else:
            yield from _guarded(shown, read_file(Path(path), settings, follow_links=link))


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """``items``, and a rejection of ``source`` instead of any exception while reading it."""
    count = 0
    try:
        for item in items:
            count += 1
            yield item
    except Exception as exc:  # one bad input must never stop the others
        after = f" (after {count} record{'s' if count != 1 else ''})" if count else ""
        yield Rejection(source, "read", f"could not be read{after}: {_describe(exc)}")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory while reading it; split it into smaller documents"
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:200] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def read_file(path: Path, settings: Settings, *, follow_links: bool = True) -> Iterator[Item]:
    """The documents in one file; ``follow_links=False`` refuses to open a symbolic link."""
    source = display_name(str(path))
    try:
        st = os.stat(path) if follow_links else os.lstat(path)
    except OSError as exc:
        yield _path_error(str(path), exc)
        return
    if not stat.S_ISREG(st.st_mode):
        yield _not_regular(source, st.st_mode)
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Rejection(
            source,
            "read",
            f"unsupported file type {one_line(suffix) or '(no extension)'!r}; "
            f"supported: {', '.join(sorted(SUPPORTED))}",
        )
        return
    if st.st_size > settings.max_bytes:
        yield _too_large(source, st.st_size, settings)
        return
    data = _read_bounded(path, source, settings, follow_links)
    if isinstance(data, Rejection):
        yield data
    elif suffix in TEXT_SUFFIXES:
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


def _read_bounded(
    path: Path, source: str, settings: Settings, follow_links: bool
) -> bytes | Rejection:
    """At most ``max_bytes + 1`` bytes of a regular file, never blocking on a FIFO."""
    flags = _OPEN_FLAGS | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_links:
            return Rejection(source, "read", "became a symbolic link while read; not followed")
        return Rejection(source, "read", f"cannot read file: {exc.strerror or exc}")
    try:
        st = os.fstat(fd)  # what was opened, not what was looked at before
        if not stat.S_ISREG(st.st_mode):
            return _not_regular(source, st.st_mode)
        if st.st_size > settings.max_bytes:
            return _too_large(source, st.st_size, settings)
        chunks: list[bytes] = []
        total = 0
        while total <= settings.max_bytes:
            chunk = os.read(fd, min(_CHUNK, settings.max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        return Rejection(source, "read", f"cannot read file: {exc.strerror or exc}")
    finally:
        os.close(fd)
    if total > settings.max_bytes:
        return _too_large(source, None, settings)
    return b"".join(chunks)


def _read_stdin(settings: Settings) -> Iterator[Item]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Rejection("<stdin>", "read", "no standard input to read (it is closed)")
        return
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield _too_large("<stdin>", None, settings)
        return
    yield _text_document(data, "<stdin>", settings, media_type="text/plain")


def _mb(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    if n >= 1_000:
        return f"{n / 1e3:.1f} kB"
    return f"{n:,} bytes"


def _too_large(
    source: str,
    size: int | None,
    settings: Settings,
    what: str = "input",
    stopped: str = "reading stopped there",
) -> Rejection:
    """``size`` None: reading stopped at the limit, so only "more than" is known. Sizes are
    given in bytes too, so that the size and the limit never read the same."""
    n = settings.max_bytes
    limit = f"the {_mb(n)} limit ({n:,} bytes)" if n >= 1_000 else f"the {n:,}-byte limit"
    if size is None:
        said = f"{what} is over {limit}; {stopped}"
    else:
        exact = f" ({size:,} bytes)" if size >= 1_000 else ""
        said = f"{what} is {_mb(size)}{exact}, over {limit}"
    return Rejection(
        source, "read", f"{said}; split it into smaller documents or raise --max-bytes"
    )


# -- decoding ------------------------------------------------------------------------------


def _magic(data: bytes) -> tuple[str, str] | None:
    for magic, name, hint in _MAGIC:
        if data.startswith(magic):
            return name, hint
    return None


def _utf16_order(data: bytes) -> str | None:
    """``"le"``/``"be"`` when ``data`` looks like UTF-16 text without a byte-order mark:
    NUL bytes at most odd (little-endian) or most even (big-endian) positions only."""
    sample = data[:65536]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.05:
        return "le"
    if even >= pairs * 0.3 and odd <= pairs * 0.05:
        return "be"
    return None


def _utf16_hint(order: str, what: str) -> str:
    other = "be" if order == "le" else "le"
    if what == "HTML":  # HTML is not decoded by --encoding: its markup says how
        return (
            "looks like UTF-16 without a byte-order mark; convert it to UTF-8 "
            f"(e.g. iconv -f UTF-16{order.upper()} -t UTF-8)"
        )
    return (
        "looks like UTF-16 without a byte-order mark; "
        f"pass --encoding utf-16-{order} (or utf-16-{other})"
    )


def _binary_reason(data: bytes, what: str, evidence: str) -> str:
    magic = _magic(data)
    if magic is not None:
        return f"binary data ({magic[0]}), not {what}; {magic[1]}"
    order = _utf16_order(data)
    if order is not None:
        return _utf16_hint(order, what)
    return f"binary data ({evidence}), not {what}; skip this file"


def decode(data: bytes, source: str, settings: Settings) -> str | Rejection:
    """Bytes to text: a BOM if present, else UTF-8 (or ``settings.encoding``), strictly."""
    if not data.strip():
        return Rejection(source, "decode", "empty input (no text); nothing to ingest")
    encoding = settings.encoding
    if encoding is None:
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        return Rejection(
            source, "decode", f"unknown encoding {encoding!r}; use a Python codec name"
        )
    if not getattr(codec, "_is_text_encoding", True):
        return Rejection(source, "decode", f"{encoding!r} is not a text encoding")
    # In UTF-16/32 a NUL byte is part of most characters; elsewhere it is only U+0000.
    if not codec.name.startswith(("utf-16", "utf-32")) and b"\x00" in data:
        return Rejection(source, "decode", _binary_reason(data, "text", "NUL bytes"))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        magic = _magic(data)
        if magic is not None or _utf16_order(data) is not None:
            return Rejection(source, "decode", _binary_reason(data, "text", "undecodable"))
        return Rejection(
            source,
            "decode",
            f"not valid {encoding} (bad byte at offset {exc.start}); convert it to UTF-8 "
            "(e.g. iconv -f WINDOWS-1252 -t UTF-8) or pass --encoding",
        )
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        return Rejection(source, "decode", _binary_reason(data, "text", "control characters"))
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


# -- HTML ----------------------------------------------------------------------------------


def _binary_html(data: bytes) -> str | None:
    """Why ``data`` is not HTML at all (compressed, an image, random bytes), or None."""
    if any(data.startswith(bom) for bom, name in _BOMS if name != "utf-8-sig"):
        return None  # UTF-16/32 with a byte-order mark: NUL bytes belong there
    if _magic(data) is not None:
        return _binary_reason(data, "HTML", "magic number")
    if b"\x00" in data:
        return _binary_reason(data, "HTML", "NUL bytes")
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 100):
        return _binary_reason(data, "HTML", "control bytes")
    return None


def _html_document(data: bytes, source: str, settings: Settings) -> Item:
    import trafilatura

    if not data.strip():
        return Rejection(source, "decode", "empty input (no text); nothing to ingest")
    binary = _binary_html(data)
    if binary is not None:
        return Rejection(source, "decode", binary)
    try:
        result = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return Rejection(source, "parse", f"HTML could not be parsed: {_describe(exc)}")
    text = getattr(result, "text", None) if result is not None else None
    if not text:
        text = _html_fallback_text(data)
    if not text or not text.strip():
        return Rejection(source, "parse", "HTML has no main text that could be extracted")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_bytes:
        return _too_large(source, size, settings, what="text extracted from the HTML")
    doc = Document(
        text=text,
        source=source,
        title=_metadata_text(getattr(result, "title", None)),
        url=_metadata_text(getattr(result, "url", None)),
        published=_metadata_text(getattr(result, "date", None)),
        outlet=_metadata_text(getattr(result, "sitename", None)),
        author=_metadata_text(getattr(result, "author", None)),
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


# -- PDF -----------------------------------------------------------------------------------


class _TextLimitReached(Exception):
    """Raised from pypdf's text visitor when the extracted text passes a limit."""


def _pdf_stream_limit(settings: Settings) -> int:
    """The most bytes one PDF stream may decompress to: twice the size limit (at least
    2 MB), never more than pypdf's own default. pypdf parses a content stream whole before
    it extracts text, so this bounds the time a page takes as well as the memory."""
    return min(_PYPDF_DEFAULT_LIMIT, max(2 * settings.max_bytes, 2_000_000))


def _pdf_page_limit(settings: Settings) -> int:
    """The most text one page may draw: a dense page holds some kB, so 1 MB is no page but
    a bomb (and pypdf's extraction time grows with the square of a page's text)."""
    return min(settings.max_bytes, max(1_000_000, settings.max_bytes // 10))


def _pdf_limits(limit: int) -> contextlib.AbstractContextManager[Any]:
    """pypdf's decompression limits lowered to ``limit`` (pypdf 6+; older: unchanged)."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    config = getattr(pypdf, "get_configuration", None)
    if apply is None or config is None:
        return contextlib.nullcontext()
    names = {f.name for f in dataclasses.fields(config())}
    wanted = (
        "zlib_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "brotli_maximum_output_length",
        "array_based_stream_maximum_output_length",
    )
    manager: contextlib.AbstractContextManager[Any] = apply(
        **{name: limit for name in wanted if name in names}
    )
    return manager


_SPARSE_AFTER = 2 << 20  # bytes of drawing instructions before the share of text counts


def _pdf_document(data: bytes, source: str, settings: Settings) -> Item:
    import logging

    import pypdf.errors
    from pypdf import PdfReader

    limit_error: type[Exception] = getattr(pypdf.errors, "LimitReachedError", _TextLimitReached)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    stream_limit = _pdf_stream_limit(settings)
    page_limit = _pdf_page_limit(settings)
    total = page_total = 0  # bytes of text drawn, in the file and on this page

    def count(text: Any, *_: Any) -> None:
        """pypdf's visitor: sees every piece of text as it is extracted."""
        nonlocal total, page_total
        if isinstance(text, str):
            size = len(text.encode("utf-8", "surrogatepass"))
            total += size
            page_total += size
            if total > settings.max_bytes or page_total > page_limit:
                raise _TextLimitReached

    pages: list[str] = []
    number = page_count = extracted = drawn = 0
    drawing_limit = 2 * settings.max_bytes
    try:
        with _pdf_limits(stream_limit):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                return Rejection(source, "parse", "PDF is encrypted; decrypt it first (e.g. qpdf)")
            page_count = len(reader.pages)
            for page in reader.pages:
                number += 1
                page_total = 0
                # pypdf walks every drawing instruction of a page (seconds per megabyte),
                # text or not: pages that draw megabytes and little text stop here
                contents = page.get_contents()
                drawn_before = drawn
                drawn += len(contents.get_data()) if contents is not None else 0
                if drawn > drawing_limit or (
                    drawn_before > _SPARSE_AFTER and max(total, extracted) * 100 < drawn_before
                ):
                    return Rejection(
                        source,
                        "read",
                        f"the PDF's pages draw {drawn:,} bytes of instructions up to page "
                        f"{number} of {page_count}, for {max(total, extracted):,} bytes of text "
                        f"(over twice --max-bytes, or under 1% text after {_SPARSE_AFTER:,} "
                        "bytes); extraction stopped there. Raise --max-bytes only for a PDF "
                        "you trust",
                    )
                page_text = page.extract_text(visitor_text=count) or ""
                size = len(page_text.encode("utf-8", "surrogatepass"))
                extracted += size
                page_total = max(page_total, size)
                if max(total, extracted) > settings.max_bytes or page_total > page_limit:
                    raise _TextLimitReached
                pages.append(page_text)
    except _TextLimitReached:
        if max(total, extracted) <= settings.max_bytes:
            return Rejection(
                source,
                "read",
                f"page {number} of the PDF draws more than {page_limit:,} bytes of text, more "
                "than a page holds (a decompression bomb?); extraction stopped there",
            )
        return _too_large(
            source,
            None,
            settings,
            what="text extracted from the PDF",
            stopped=f"extraction stopped at page {number} of {page_count}",
        )
    except Exception as exc:  # pypdf raises many kinds on damaged files
        if isinstance(exc, limit_error) and "decompress" in str(exc).lower():
            return Rejection(
                source,
                "read",
                f"PDF content decompresses to more than {stream_limit:,} bytes (a decompression "
                "bomb?); the bound follows --max-bytes: raise it only for a PDF you trust",
            )
        if isinstance(exc, limit_error):
            return Rejection(source, "read", f"PDF passes a safety limit: {_describe(exc)}")
        return Rejection(
            source, "parse", f"PDF could not be read (truncated or damaged?): {_describe(exc)}"
        )
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        return Rejection(
            source, "parse", "PDF has no text layer (scanned image?); run OCR (e.g. ocrmypdf) first"
        )
    title = None
    try:
        title = _metadata_text(reader.metadata.title if reader.metadata else None)
    except Exception:
        title = None
    return validate(
        Document(text=text, source=source, title=title, media_type="application/pdf"), settings
    )


# -- corpora -------------------------------------------------------------------------------


def _metadata_text(value: object) -> str | None:
    """A metadata field as text: strings as given, numbers and booleans with ``str()``,
    objects and arrays as JSON text; nothing (None, "") as None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.replace("\x00", "\\x00")  # a NUL is no text: shown, never stored raw
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _record_document(record: object, source: str, number: int, settings: Settings) -> Item:
    where = f"{source}:{number}"
    if not isinstance(record, dict):
        return Rejection(where, "parse", "record is not an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(where, "parse", "record has no 'text' field with text in it")
    if "\x00" in text:  # a JSON "\u0000": binary, as a NUL byte in a text file is
        return Rejection(where, "decode", "record text holds NUL characters; binary data, not text")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_bytes:
        return _too_large(where, size, settings, what="record text")
    meta = {k: _metadata_text(record.get(k)) for k in METADATA_FIELDS}
    doc = Document(text=text, source=source, record=number, media_type="text/plain", **meta)
    checked = validate(doc, settings)
    if isinstance(checked, Rejection):
        return Rejection(where, checked.stage, checked.reason)
    return checked


def _guarded_record(record: object, source: str, number: int, settings: Settings) -> Item:
    try:
        return _record_document(record, source, number, settings)
    except Exception as exc:  # one bad record must never stop the others
        return Rejection(f"{source}:{number}", "parse", f"record unusable: {_describe(exc)}")


def _jsonl_documents(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    text = decode(data, source, settings)
    if isinstance(text, Rejection):
        yield text
        return
    # "\n" only: JSON allows U+2028, U+0085, \x1c and the like raw inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(f"{source}:{number}", "parse", f"not valid JSON: {exc.msg}")
            continue
        except RecursionError:
            yield Rejection(
                f"{source}:{number}", "parse", "JSON nested too deeply to read; not a record"
            )
            continue
        except ValueError as exc:  # a number too long to convert, and the like
            reason = (
                "a number with more digits than can be read (over 4,300); not a usable record"
                if "digits" in str(exc)
                else f"not usable JSON: {_describe(exc)}"
            )
            yield Rejection(f"{source}:{number}", "parse", reason)
            continue
        except Exception as exc:
            yield Rejection(f"{source}:{number}", "parse", f"not usable JSON: {_describe(exc)}")
            continue
        yield _guarded_record(record, source, number, settings)


def _csv_documents(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    text = decode(data, source, settings)
    if isinstance(text, Rejection):
        yield text
        return
    csv.field_size_limit(max(settings.max_bytes, 131072))
    # strict: a quote left open is an error at the end of the file, not one swallowed field
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Rejection(source, "parse", f"malformed CSV header (line 1): {exc}")
        return
    if header is None or "text" not in header:
        columns = ", ".join(header or []) or "none"
        yield Rejection(source, "parse", f"CSV has no 'text' column (columns: {columns})")
        return
    number = 0  # data rows, header not counted
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            yield Rejection(f"{source}:{number}", "parse", _csv_error(exc, first_line, reader))
            continue
        if not row:
            continue  # a blank line, as csv.DictReader skips them
        number += 1
        record: dict[str, Any] = dict(zip(header, row, strict=False))
        yield _guarded_record(record, source, number, settings)


def _csv_error(exc: csv.Error, first_line: int, reader: Any) -> str:
    if "unexpected end of data" in str(exc):
        return (
            f"unterminated quote: the quoted field opened on line {first_line} runs to the end "
            f"of the file (line {reader.line_num}), so the lines from {first_line} on were not "
            "read; close the quote"
        )
    if reader.line_num == first_line:
        return f"malformed CSV on line {reader.line_num}: {exc}"
    return (
        f"malformed CSV in the record that starts on line {first_line} (read up to line "
        f"{reader.line_num}; a quote opened in it may close too late): {exc}; the lines of "
        "that record were not read"
    )
