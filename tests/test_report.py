"""HTML reports are self-contained and show hostile documents inertly."""

from __future__ import annotations

import re
from pathlib import Path

from claimledger import api
from claimledger.settings import Settings

HOSTILE = (
    "<script>alert('owned')</script> At least 12 people were killed, the ministry said.\n\n"
    "<img src=x onerror=alert(document.cookie)> "
    '"Prices rose 40%," the bank\'s governor said on Monday.\n\n'
    "An attacker hides text: \u202eevil\u202c and </span></div><b>bold</b> markup.\n"
)


def test_report_escapes_script_and_markup(tmp_path: Path) -> None:
    src = tmp_path / "hostile.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    result = api.check([str(src)], tmp_path / "l.db", tmp_path / "report", Settings(workers=1))
    [doc_id] = result.ingest.doc_ids
    page = (tmp_path / "report" / f"doc-{doc_id}.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "<img" not in page.lower() and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(document.cookie)&gt;" in page
    assert "\u202e" not in page and "U+202E" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # nothing external


def test_report_lists_claims_with_figures_and_source(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(
        "At least 12 people were killed in the strike, the regional governor said.\n\n"
        "Ukrainian Defence Minister Rustem Umerov said 40 drones were shot down overnight.",
        encoding="utf-8",
    )
    result = api.check([str(src)], tmp_path / "l.db", tmp_path / "r", Settings(workers=1))
    page = (tmp_path / "r" / f"doc-{result.ingest.doc_ids[0]}.html").read_text(encoding="utf-8")
    assert 'class="claim"' in page and 'class="q"' in page
    assert "at least 12 count of people killed" in page
    assert "the regional governor" in page
    assert "the regional governor [person; reported; cue: said]" in page
    assert "= Rustem Umerov (Defence Minister, Ukraine) [person; reported; cue: said]" in page
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert f"doc-{result.ingest.doc_ids[0]}.html" in index
