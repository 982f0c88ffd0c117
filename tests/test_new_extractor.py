"""A new extractor is one module, one row in the component table and one migration: built at
test time in a copy of the package (never shipped), then used through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT

TOY = """
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimledger.model import content_id


@dataclass(frozen=True)
class Capital:
    doc_id: str
    start: int
    end: int
    text: str
    sentence_index: int = -1
    shout: bool = False
    letters: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return content_id("capital", self.doc_id, self.start, self.end)


def extract_capitals(step: Any) -> list[Capital]:
    return [
        Capital(step.document.id, step.base + t.idx, step.base + t.idx + len(t.text), t.text,
                step.sentence.index, t.text.isupper(), tuple(sorted(set(t.text.lower()))))
        for t in step.sent if t.text[:1].isupper()
    ]
"""
ROW = '    Component("capitals", (), extract_capitals, record="capital", item=Capital),\n'
MIGRATION = """
CREATE TABLE capitals (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, shout INTEGER NOT NULL, letters TEXT NOT NULL, run_id TEXT NOT NULL
);
"""


def add_toy(package: Path) -> None:
    (package / "extract" / "toy.py").write_text(TOY, encoding="utf-8")
    pipeline = package / "pipeline.py"
    text = pipeline.read_text(encoding="utf-8")
    head, sep, tail = text.partition("COMPONENTS: tuple[Component, ...] = (\n")
    body, close, rest = tail.partition("\n)\n")
    text = (
        "from claimledger.extract.toy import Capital, extract_capitals\n"
        + head.replace("from __future__ import annotations\n", "", 1)
        + sep
        + body
        + "\n"
        + ROW.rstrip("\n")
        + close
        + rest
    )
    pipeline.write_text("from __future__ import annotations\n" + text, encoding="utf-8")
    migrations = sorted((package / "store" / "migrations").glob("*.sql"))
    number = int(migrations[-1].name[:4]) + 1
    (package / "store" / "migrations" / f"{number:04d}_capitals.sql").write_text(
        MIGRATION, encoding="utf-8"
    )


def test_a_toy_extractor_needs_a_module_a_row_and_a_migration(tmp_path: Path) -> None:
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "models")
    )
    (copy / "claimledger" / "models").symlink_to(ROOT / "src" / "claimledger" / "models")
    add_toy(copy / "claimledger")
    env = {**os.environ, "PYTHONPATH": str(copy)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "claimledger", *args],
            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip

    extracted = cli("extract", "--what", "capitals", str(EXAMPLE))
    assert extracted.returncode == 0, extracted.stderr
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    text = EXAMPLE.read_text(encoding="utf-8")
    assert records and all(r["kind"] == "capital" for r in records)
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)
    assert {"Dravik", "Geneva"} <= {r["text"] for r in records}
    assert cli("ingest", str(EXAMPLE), "--db", "l.db").returncode == 0
    exported = cli("export", "--db", "l.db", "--what", "capitals")
    assert [json.loads(line) for line in exported.stdout.splitlines()] == records
    as_csv = cli("export", "--db", "l.db", "--what", "capitals", "--format", "csv")
    header = next(csv.reader(io.StringIO(as_csv.stdout)))
    assert header[-3:] == ["sentence", "shout", "letters"]
    assert cli("report", "--db", "l.db", "--all", "-o", "rep").returncode == 0
