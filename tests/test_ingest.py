"""Reading inputs: every kind of file, and every bad input rejected with a clear reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.ingest import read_inputs
from claimledger.model import Document, Rejection
from claimledger.settings import Settings
from tests.conftest import minimal_pdf

WIRE = (
    "KYIV, May 2 (Wire) - At least 12 people were killed in an overnight strike, the regional "
    "governor said on Friday. Rescue teams were still searching the rubble of a five-storey "
    "building, according to the emergency service.\n"
)


def read(paths: list[Path | str], **kw: object) -> list[Document | Rejection]:
    return list(read_inputs([str(p) for p in paths], Settings(**kw)))  # type: ignore[arg-type]


def test_txt_is_decoded_file_content_unchanged(tmp_path: Path) -> None:
    raw = "Title line\r\n\r\nÉmigrés said 3 people died.\r\n" + WIRE
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    [doc] = read([path])
    assert isinstance(doc, Document)
    assert doc.text == raw
    assert doc.media_type == "text/plain"


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + WIRE.encode())
    (tmp_path / "u16.md").write_bytes(WIRE.encode("utf-16"))
    docs = read([tmp_path / "bom.txt", tmp_path / "u16.md"])
    assert [d.text for d in docs if isinstance(d, Document)] == [WIRE, WIRE]


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Strike hits city</title><script>alert(1)</script></head><body>"
        "<nav>Home | World</nav><article><h1>Strike hits city</h1>"
        + "".join(f"<p>{WIRE} Paragraph {i}.</p>" for i in range(4))
        + "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [doc] = read([tmp_path / "page.html"])
    assert isinstance(doc, Document)
    assert "At least 12 people were killed" in doc.text
    assert "alert(1)" not in doc.text
    assert doc.title == "Strike hits city"


def test_small_html_falls_back_to_visible_text(tmp_path: Path) -> None:
    (tmp_path / "s.htm").write_text(f"<p>{WIRE}</p><script>evil()</script>", encoding="utf-8")
    [doc] = read([tmp_path / "s.htm"])
    assert isinstance(doc, Document)
    assert "12 people" in doc.text and "evil" not in doc.text


def test_pdf_text_layer(tmp_path: Path) -> None:
    (tmp_path / "r.pdf").write_bytes(
        minimal_pdf(
            [
                "At least 12 people were killed in an overnight strike,",
                "the regional governor said on Friday, and the emergency",
                "service said rescue teams were still searching the rubble.",
            ]
        )
    )
    [doc] = read([tmp_path / "r.pdf"])
    assert isinstance(doc, Document), doc
    assert "12 people were killed" in doc.text
    assert doc.media_type == "application/pdf"


def test_jsonl_and_csv_corpora_keep_metadata(tmp_path: Path) -> None:
    rec = {
        "text": WIRE,
        "title": "T",
        "url": "https://example.org/a",
        "published": "2024-05-02",
        "outlet": "Wire",
        "author": "A. Writer",
    }
    (tmp_path / "c.jsonl").write_text(
        json.dumps(rec) + "\n\nnot json\n" + json.dumps({"title": "no text"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "c.csv").write_text(
        'text,title,outlet\n"' + WIRE.replace('"', '""') + '",Second,Agency\n', encoding="utf-8"
    )
    items = read([tmp_path / "c.jsonl", tmp_path / "c.csv"])
    docs = [i for i in items if isinstance(i, Document)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert docs[0].metadata() == {
        k: rec[k] for k in ("title", "url", "published", "outlet", "author")
    }
    assert docs[0].record == 1
    assert (docs[1].title, docs[1].outlet, docs[1].record) == ("Second", "Agency", 1)
    assert [(r.input, r.stage) for r in rejected] == [
        (f"{tmp_path / 'c.jsonl'}:3", "parse"),
        (f"{tmp_path / 'c.jsonl'}:4", "parse"),
    ]
    assert "not valid JSON" in rejected[0].reason
    assert "'text'" in rejected[1].reason


def test_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("body,title\nhello,t\n", encoding="utf-8")
    [r] = read([tmp_path / "x.csv"])
    assert isinstance(r, Rejection) and "no 'text' column" in r.reason


FRENCH = (
    "Le gouvernement a annoncé que les négociations avec les syndicats "
    "reprendront la semaine prochaine dans la capitale. "
) * 4


def _bad_files(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    return {
        "empty.txt": (b"", "empty input"),
        "blank.md": (b"  \n\n ", "empty input"),
        "binary.txt": (bytes(range(256)) * 20, "binary data"),
        "latin1.txt": (("Le ministère a déclaré " * 5).encode("latin-1"), "not valid utf-8"),
        "broken.pdf": (minimal_pdf(["x"])[:60], "PDF could not be read"),
        "french.txt": (FRENCH.encode(), "does not look English"),
        "image.png": (b"\x89PNG\r\n\x1a\n", "unsupported file type"),
    }


@pytest.mark.parametrize("name", list(_bad_files(Path())))
def test_bad_input_rejected_with_reason(tmp_path: Path, name: str) -> None:
    data, reason = _bad_files(tmp_path)[name]
    (tmp_path / name).write_bytes(data)
    [r] = read([tmp_path / name])
    assert isinstance(r, Rejection)
    assert r.input == str(tmp_path / name)
    assert reason.lower() in r.reason.lower()


def test_huge_file_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # 50 MB of text
        fh.write(WIRE.encode() * (50_000_000 // len(WIRE)))
    [r] = read([path])
    assert isinstance(r, Rejection)
    assert "over the 10.5 MB limit" in r.reason and "--max-bytes" in r.reason


def test_missing_path(tmp_path: Path) -> None:
    [r] = read([tmp_path / "nope.txt"])
    assert isinstance(r, Rejection) and "no such file" in r.reason


def test_folder_recursive_mixed_good_and_bad(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(WIRE + "More.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.txt").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text(WIRE, encoding="utf-8")
    items = read([tmp_path])
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Rejection"]
    assert items[2].input.endswith("c.txt")  # type: ignore[union-attr]


def test_forced_encoding(tmp_path: Path) -> None:
    text = "Le ministère said 3 people were killed in the strike on the town on Friday."
    (tmp_path / "l.txt").write_bytes(text.encode("latin-1"))
    [doc] = read([tmp_path / "l.txt"], encoding="latin-1")
    assert isinstance(doc, Document) and doc.text == text
