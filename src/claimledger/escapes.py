"""Text from documents and file names made safe for one line of output and for a terminal.

A document or a file name may hold escape sequences (which set a terminal's title, move the
cursor or hide text), line and paragraph separators (which split a line-based record),
bidirectional controls (which reorder what a reader sees) and, in a file name, bytes that
are not UTF-8. Control characters are not text: they are written as visible escapes
(``\\x1b``, ``\\u2028``, ``U+202E``, ``\\xff`` for an undecodable byte of a file name), and in
JSON lines as ``\\u`` escapes, which is the same JSON value.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 controls (tab and newline included: a name must not start a new line), DEL,
# line/paragraph separators, and lone surrogates (the bytes of a file name that are not
# UTF-8, as Python decodes them, or a JSON "\ud800").
_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What may stand raw in a JSON string but must not reach a terminal or a line splitter.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _escaped(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: object) -> str:
    """``text`` as one line of valid UTF-8, fit to store as a name and to print."""
    return _LINE_BREAKING.sub(_escaped, str(text))


def visible(text: object) -> str:
    """``text`` for a terminal: :func:`one_line`, with bidirectional controls shown as
    ``U+202E`` markers instead of acting."""
    return _BIDI.sub(lambda m: f"U+{ord(m.group()):04X}", one_line(text))


def json_line(record: Any) -> str:
    """One JSON line, non-ASCII text kept readable, but every character a terminal or a line
    splitter would act on escaped; ``json.loads`` gives back the same value."""
    text = json.dumps(record, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
