"""Segmentation offsets, the offset invariant on every record, and the process pool."""

from __future__ import annotations

from claimledger.api import extract
from claimledger.model import Document, Extraction, Rejection
from claimledger.nlp.segment import chunks, paragraphs
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from tests.conftest import EXAMPLE


def test_paragraph_offsets() -> None:
    text = "  First para.\nstill first.\n\n\n  Second para.  \n \t\nThird."
    spans = list(paragraphs(text))
    assert [text[s:e] for s, e in spans] == ["First para.\nstill first.", "Second para.", "Third."]


def test_long_line_is_chunked_at_sentence_ends() -> None:
    sentence = "The ministry said 12 people were killed. "
    text = sentence * 30_000  # one 1.2 MB line
    parts = list(chunks(text, limit=100_000))
    assert len(parts) > 10
    for c in parts:
        assert text[c.start : c.start + len(c.text)] == c.text
        assert len(c.text) <= 100_000
        assert c.text.endswith("killed.")


def test_offsets_hold_for_every_record(tmp_path: object) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for rec in extract([str(EXAMPLE)], "all", settings=Settings(workers=1)):
        assert text[rec["start"] : rec["end"]] == rec["text"], rec
        if rec["kind"] == "attribution":
            for part, key in (("source", "attributed_to"), ("cue", "cue"), ("content", "content")):
                if rec[f"{part}_start"] is not None:
                    assert text[rec[f"{part}_start"] : rec[f"{part}_end"]] == rec[key]


def test_pool_gives_same_results_as_serial() -> None:
    base = EXAMPLE.read_text(encoding="utf-8")
    docs = [
        Document(text=f"{base}\nUpdate {i}: {i + 3} more people were hurt.", source=f"d{i}")
        for i in range(20)
    ]
    serial = list(extract_all(docs, Settings(workers=1)))
    pooled = list(extract_all(docs, Settings(workers=2)))
    assert all(isinstance(x, Extraction) for x in pooled)
    assert [x.claims for x in pooled] == [x.claims for x in serial]  # type: ignore[union-attr]
    assert [x.document.source for x in pooled] == [f"d{i}" for i in range(20)]  # type: ignore[union-attr]


def test_lines_mode_numbers_lines(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "lines.txt"
    path.write_text(
        "At least 5 soldiers were killed.\n\nPrices rose 4%, the bank said.\n", encoding="utf-8"
    )
    recs = list(extract([str(path)], "quantities", lines=True, settings=Settings(workers=1)))
    assert [(r["line"], r["text"]) for r in recs] == [(1, "At least 5"), (3, "4%")]


def test_one_long_line_document() -> None:
    line = "The ministry said 12 people were killed and 40 wounded in the strike on Tuesday. "
    doc = Document(text=line * 1500, source="long")  # one 123 KB line, cut into chunks
    [ex] = list(extract_all([doc], Settings(workers=1)))
    assert isinstance(ex, Extraction)
    assert len(ex.sentences) == 1500 and len(ex.quantities) == 3000
    assert all(doc.text[s.start : s.end] == s.text for s in ex.sentences)


def test_a_failing_document_is_rejected_and_the_others_kept(monkeypatch: object) -> None:
    import pytest

    import claimledger.runner.local as pipeline

    real = pipeline.extract_document

    def fragile(document: Document, *args: object) -> Extraction:
        if "BOOM" in document.text:
            raise RuntimeError("simulated extractor bug")
        return real(document, *args)  # type: ignore[arg-type]

    mp = pytest.MonkeyPatch()
    mp.setattr(pipeline, "extract_document", fragile)
    try:
        docs = [
            Document(
                text=f"Doc {i}: {i + 2} people were hurt. {'BOOM' if i == 1 else ''}",
                source=f"d{i}",
            )
            for i in range(3)
        ]
        out = list(extract_all(docs, Settings(workers=1)))
    finally:
        mp.undo()
    assert [type(x).__name__ for x in out] == ["Extraction", "Rejection", "Extraction"]
    rejection = out[1]
    assert isinstance(rejection, Rejection) and rejection.stage == "extract"
    assert "simulated extractor bug" in rejection.reason


def test_quantities_alone_equal_quantities_in_full_extraction() -> None:
    alone = list(extract([str(EXAMPLE)], "quantities", settings=Settings(workers=1)))
    full = [
        r
        for r in extract([str(EXAMPLE)], "all", settings=Settings(workers=1))
        if r["kind"] == "quantity"
    ]
    assert alone == full and len(alone) > 10
