"""A corpus of hostile inputs, built at test time in a given folder.

Every builder makes one kind of input that once broke reading (a traceback, a hang, or input
silently lost) and returns its path. ``build`` makes them all beside some good files. The
places, people and figures are invented.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import socket
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import minimal_pdf, pdf_file


def wire(place: str, n: int = 12) -> str:
    """A short wire-style report about an invented place; distinct per ``place``."""
    return (
        f"At least {n} people were killed in the strike on {place}, the regional governor "
        f"said on Friday. Rescue teams were still searching the rubble of a five-storey "
        f"building in {place}, according to the emergency service.\n"
    )


def good_text(folder: Path, name: str, place: str) -> Path:
    path = folder / name
    path.write_text(wire(place), encoding="utf-8")
    return path


# -- special files -------------------------------------------------------------------------


def fifo(folder: Path, name: str = "pipe.txt") -> Path:
    """A named pipe with no writer: opening it for reading blocks without O_NONBLOCK."""
    path = folder / name
    os.mkfifo(path)
    return path


def unix_socket(folder: Path, name: str = "sock.txt") -> Path:
    """A Unix socket file (it stays after the socket that made it is closed)."""
    path = folder / name
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(str(path))
    return path


def urandom_link(folder: Path, name: str = "random.txt") -> Path:
    """A symbolic link to /dev/urandom: st_size 0, endless data."""
    path = folder / name
    path.symlink_to("/dev/urandom")
    return path


def parent_links(folder: Path, name: str = "loops") -> list[Path]:
    """Two symbolic links to the folder above their own: an endless walk when followed."""
    sub = folder / name
    sub.mkdir()
    links = [sub / "up1", sub / "up2"]
    for link in links:
        link.symlink_to("..", target_is_directory=True)
    return links


def link_loop(folder: Path) -> list[Path]:
    """loop-a.txt -> loop-b.txt -> loop-a.txt, and self.txt -> self.txt."""
    a, b, me = folder / "loop-a.txt", folder / "loop-b.txt", folder / "self.txt"
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    me.symlink_to(me.name)
    return [a, b, me]


def dangling_link(folder: Path, name: str = "dangling.txt") -> Path:
    path = folder / name
    path.symlink_to("no-such-report.txt")
    return path


def outside_link(folder: Path, outside: Path, name: str = "elsewhere") -> Path:
    """A link out of the root, to ``outside`` (made here with one good report in it)."""
    outside.mkdir(exist_ok=True)
    good_text(outside, "outside-report.txt", "Sarnel")
    path = folder / name
    path.symlink_to(outside, target_is_directory=True)
    return path


def non_utf8_name(folder: Path, place: str = "Drovny") -> Path:
    """A good report whose file name holds the byte 0xff, which is not UTF-8."""
    raw = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(raw, "wb") as fh:
        fh.write(wire(place).encode("utf-8"))
    return Path(os.fsdecode(raw))


def newline_name(folder: Path, place: str = "Kestrava") -> Path:
    """A good report whose file name holds a line break."""
    return good_text(folder, "line\nbreak.txt", place)


def unreadable_folder(folder: Path, name: str = "locked") -> Path:
    """A folder with mode 000 (one good report inside). Root reads it anyway unless its
    DAC capabilities are dropped (see ``tests.test_hostile_ingest.without_dac``)."""
    path = folder / name
    path.mkdir()
    good_text(path, "locked-report.txt", "Ulmeth")
    path.chmod(0)
    return path


# -- files whose content is hostile --------------------------------------------------------


def _pdf(pages: list[bytes]) -> bytes:
    """A PDF whose pages draw the given (already FlateDecode-compressed) content streams."""
    n = len(pages)
    font = 3 + 2 * n
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
    ]
    for i, stream in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_file(objects)


def pdf_bomb(folder: Path, name: str = "bomb.pdf", expands_to: int = 30_000_000) -> Path:
    """A small PDF (tens of kB) whose one content stream inflates to ``expands_to`` bytes of
    text-drawing operators, ``(Aaaa...) Tj``."""
    line = b"(" + b"A" + b"a" * 70 + b") Tj T*\n"
    body = b"BT /F1 12 Tf 72 720 Td 14 TL\n" + line * (expands_to // len(line)) + b"ET"
    path = folder / name
    path.write_bytes(_pdf([zlib.compress(body, 9)]))
    return path


def pdf_drawing_bomb(
    folder: Path, name: str = "drawing.pdf", pages: int = 40, drawn: int = 700_000
) -> Path:
    """A small PDF whose every page draws ``drawn`` bytes of positioning operators and no
    text: nothing counts against a text limit, but pypdf walks every operator."""
    body = b"BT\n" + b"0 0 Td\n" * (drawn // 7) + b"ET"
    path = folder / name
    path.write_bytes(_pdf([zlib.compress(body, 9)] * pages))
    return path


def pdf_long_text(folder: Path, name: str = "long.pdf", pages: int = 6) -> Path:
    """A small PDF of ``pages`` pages, each drawing about 60 kB of English text: each page is
    under a 200,000-byte limit, all of them together are not."""
    sentence = wire("Varnok").strip().replace("(", "").replace(")", "")
    streams = []
    for _ in range(pages):
        body = b"BT /F1 12 Tf 72 720 Td 14 TL\n"
        body += f"({sentence}) Tj T*\n".encode("latin-1") * (60_000 // len(sentence))
        body += b"ET"
        streams.append(zlib.compress(body, 9))
    path = folder / name
    path.write_bytes(_pdf(streams))
    return path


def good_pdf(folder: Path, name: str = "good.pdf") -> Path:
    path = folder / name
    path.write_bytes(
        minimal_pdf(
            [
                "At least 9 people were killed in the strike on Tarvek,",
                "the regional governor said on Friday, and the emergency",
                "service said rescue teams were still searching the rubble.",
            ]
        )
    )
    return path


def deep_jsonl(folder: Path, name: str = "deep.jsonl", depth: int = 200_000) -> Path:
    """Line 2 nests ``depth`` arrays; lines 1 and 3 are good records."""
    path = folder / name
    path.write_text(
        json.dumps({"text": wire("Orsk-Vel")})
        + "\n"
        + "[" * depth
        + "\n"
        + json.dumps({"text": wire("Pellam")})
        + "\n",
        encoding="utf-8",
    )
    return path


LINE_SEPARATORS = "\u2028\u2029\x85\x1c\x1d\x1e\x0b\x0c"


def separator_jsonl(folder: Path, name: str = "separators.jsonl") -> Path:
    """Two records whose strings hold, raw, every character str.splitlines breaks at but JSON
    allows in a string (as ``ensure_ascii=False`` writes them)."""
    path = folder / name
    records = [
        {"text": wire("Hollin") + "Officials" + LINE_SEPARATORS + " said so.", "title": "A\u2028B"},
        {"text": wire("Merrow"), "title": "Second"},
    ]
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def object_title_jsonl(folder: Path, name: str = "object-title.jsonl") -> Path:
    """One record whose title is an object, author a list and published a number."""
    path = folder / name
    record = {
        "text": wire("Quillan"),
        "title": {"main": "Strike on Quillan", "lang": "en"},
        "author": ["A. Writer", "B. Writer"],
        "published": 2024,
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def surrogate_jsonl(folder: Path, name: str = "surrogate.jsonl") -> Path:
    """Line 1 holds an unpaired surrogate escape (not valid Unicode); line 2 is good."""
    path = folder / name
    bad = json.dumps({"text": wire("Brisk")})[:-2] + '\\ud800"}'
    path.write_text(bad + "\n" + json.dumps({"text": wire("Calder")}) + "\n", encoding="utf-8")
    return path


def gzip_html(folder: Path, name: str = "compressed.html") -> Path:
    path = folder / name
    page = f"<html><body><p>{wire('Dunmore')}</p></body></html>"
    path.write_bytes(gzip.compress(page.encode(), mtime=0))
    return path


def random_html(folder: Path, name: str = "noise.html") -> Path:
    path = folder / name
    path.write_bytes(b"<" + random.Random(7).randbytes(8192))
    return path


def utf16_no_bom(folder: Path, name: str = "utf16.txt") -> Path:
    path = folder / name
    path.write_bytes(wire("Fenwick").encode("utf-16-le"))
    return path


def late_nul(folder: Path, name: str = "late-nul.txt") -> Path:
    """70 kB of good text, then one NUL byte: past the first 64 KiB."""
    path = folder / name
    text = "".join(wire(f"Garrow {i}") for i in range(300))
    path.write_bytes(text.encode() + b"\x00 " + wire("Garrow").encode())
    return path


def unterminated_csv(folder: Path, name: str = "open-quote.csv") -> Path:
    """Row 1 good; row 2 opens a quote on line 3 and never closes it; rows after are lost."""
    path = folder / name
    path.write_text(
        "text,title\n"
        f'"{wire("Ivrea")}",First\n'
        f'"{wire("Jastrow")},Second\n'
        f"{wire('Korrin').strip()},Third\n",
        encoding="utf-8",
    )
    return path


@dataclass
class Corpus:
    root: Path
    outside: Path
    good: dict[str, Path] = field(default_factory=dict)  # read and stored
    bad: dict[str, Path] = field(default_factory=dict)  # exactly one rejection each
    skipped_as_root: set[str] = field(default_factory=set)  # bad only without root's DAC
    # corpus files with good records beside the bad: how many documents each stores
    records: dict[str, int] = field(default_factory=dict)


def build(base: Path) -> Corpus:
    """Every hostile input in ``base/hostile`` beside good files, and a folder outside it
    (``base/outside``) that a link points to."""
    root = base / "hostile"
    root.mkdir()
    c = Corpus(root=root, outside=base / "outside")
    c.good["good-1.txt"] = good_text(root, "good-1.txt", "Varnok")
    c.good["good-2.md"] = good_text(root, "good-2.md", "Belmora")
    c.good["good.pdf"] = good_pdf(root)
    c.good["bad-name"] = non_utf8_name(root)
    c.good["newline-name"] = newline_name(root)
    c.bad["fifo"] = fifo(root)
    c.bad["urandom"] = urandom_link(root)
    c.bad["socket"] = unix_socket(root)
    up1, up2 = parent_links(root)
    c.bad["up1"], c.bad["up2"] = up1, up2
    a, b, me = link_loop(root)
    c.bad["loop-a"], c.bad["loop-b"], c.bad["self"] = a, b, me
    c.bad["dangling"] = dangling_link(root)
    c.bad["outside"] = outside_link(root, c.outside)
    c.bad["locked"] = unreadable_folder(root)
    c.skipped_as_root.add("locked")
    c.bad["bomb"] = pdf_bomb(root)
    c.bad["long"] = pdf_long_text(root)
    c.bad["deep"] = deep_jsonl(root)
    c.records["deep"] = 2
    c.bad["gzip"] = gzip_html(root)
    c.bad["noise"] = random_html(root)
    c.bad["utf16"] = utf16_no_bom(root)
    c.bad["late-nul"] = late_nul(root)
    c.bad["open-quote"] = unterminated_csv(root)
    c.records["open-quote"] = 1
    c.bad["surrogate"] = surrogate_jsonl(root)
    c.records["surrogate"] = 1
    c.good["separators"] = separator_jsonl(root)
    c.records["separators"] = 2
    c.good["object-title"] = object_title_jsonl(root)
    c.records["object-title"] = 1
    return c
