"""The desk's tables read well in a real headless Chromium at the widths checkers use: no
table header or cell breaks inside a word, and documents are named by title, outlet and
date rather than by the path given on the command line.

The ledger is built from political-news style documents about invented places, stored
under a deep folder so that their paths are long, as a checker's are; some have titles and
outlets (JSONL), some are plain files with none. It is a SQLite file and a PostgreSQL
database (``backends``: the desk names a database as it names a file).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from claimledger import api
from claimledger.settings import Settings
from tests.conftest import DB, Ledgers
from tests.serving import Server
from tests.test_web_e2e import browser  # noqa: F401  (the module's Chromium)

pytestmark = pytest.mark.backends

WIDTHS = (1024, 1400)

STORIES = [
    (
        "The Velmora coalition government announced on Tuesday that unemployment in the "
        "northern provinces had fallen to 6.4 percent, its lowest level since 2019, according "
        "to figures released by the National Statistics Bureau. Opposition spokeswoman Ilse "
        "Marrow said the numbers were misleading and that 40,000 seasonal workers had been "
        "left out of the count. The finance ministry said it would publish a revised estimate "
        "next month."
    ),
    (
        "Lawmakers in Dravik voted 212 to 180 to approve the infrastructure bill, the "
        "parliamentary press office said, after a debate that lasted nearly eleven hours. "
        "The candidate of the Northern Alliance, Teodor Brasch, told reporters the package "
        "would cost 3.2 billion crowns over five years. Independent economists at the Halvik "
        "Institute estimated the true cost at more than 4 billion crowns."
    ),
    (
        "Turnout in the Orlesk regional election reached 58 percent, the electoral commission "
        "said on Sunday, up from 51 percent four years ago. Incumbent governor Mara Velde "
        "claimed victory with 47 percent of the vote, while her challenger said "
        "irregularities had been reported at 120 polling stations across the province."
    ),
]
WIRES = [
    {
        "text": STORIES[0],
        "title": "Velmora says northern unemployment fell to its lowest level in years",
        "outlet": "Northern Herald",
        "published": "2026-03-10T08:15:00Z",
    },
    {"text": STORIES[1], "title": "Dravik parliament passes infrastructure bill"},
]


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers) -> DB:
    base = tmp_path_factory.mktemp("layout")
    deep = base / "coverage-archive" / "2026" / "march" / "regional-politics-and-elections"
    deep.mkdir(parents=True)
    wires = deep / "northern-herald-and-dravik-wire-stories-collected.jsonl"
    wires.write_text("".join(json.dumps(w) + "\n" for w in WIRES), encoding="utf-8")
    plain = deep / "orlesk-regional-election-turnout-report-final-version.txt"
    plain.write_text(STORIES[2] + "\n", encoding="utf-8")
    db = ledgers.at(base / "layout.db")
    api.ingest([str(wires), str(plain)], db, Settings(workers=1))
    return db


@pytest.fixture(scope="module")
def server(ledger_file: DB) -> Iterator[Server]:
    s = Server(ledger_file, ()).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log, log


# The words of every table header and cell that the browser laid out over more than one
# line. A word is a run of letters and digits (a break at a hyphen, a slash or a space is
# no break inside a word); runs of more than 40 are no words (a pasted URL may break, and
# only in the claim column).
BROKEN_WORDS = """
() => {
  const broken = [];
  for (const cell of document.querySelectorAll('th, td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const words = /[\\p{L}\\p{N}]+/gu;
      let m;
      while ((m = words.exec(node.data))) {
        if (m[0].length > 40) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0] + ' in <' + cell.tagName.toLowerCase() + '>');
      }
    }
  }
  return broken;
}
"""


def _page(browser: Browser, width: int) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def _claim_url(server: Server) -> str:
    claims = server.get_json("/claims.json?per_page=200&label=all")["claims"]
    with_sources = [c for c in claims if c["sources"] and c["figures"]]
    return f"/claims/{(with_sources or claims)[0]['id']}"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_table_breaks_a_word(
    browser: Browser,  # noqa: F811
    server: Server,
    width: int,
) -> None:
    pages = ["/claims?label=all", "/documents", _claim_url(server)]
    for pg in _page(browser, width):
        for path in pages:
            pg.goto(server.url + path)
            assert pg.locator("table").count() >= 1, path
            broken = pg.evaluate(BROKEN_WORDS)
            assert broken == [], f"{path} at {width} px breaks words: {broken}"


def test_documents_are_named_by_title_outlet_and_date_with_the_path_on_hover(
    browser: Browser,  # noqa: F811
    server: Server,
) -> None:
    for pg in _page(browser, 1400):
        pg.goto(server.url + "/claims?label=all&per_page=200")
        cells = pg.locator("tr.claim-row td.document")
        texts = {cells.nth(i).inner_text() for i in range(cells.count())}
        assert any("Velmora says northern unemployment" in t for t in texts), texts
        assert any("Northern Herald · 2026-03-10" in t for t in texts), texts
        # a plain file without a title is named by its file name, never its folders
        assert any(t.startswith("orlesk-regional-election-turnout") for t in texts), texts
        assert not any("coverage-archive" in t for t in texts), texts
        links = pg.locator("tr.claim-row td.document a")
        hovers = {links.nth(i).get_attribute("title") or "" for i in range(links.count())}
        assert any(h.endswith("final-version.txt") and "coverage-archive" in h for h in hovers)
        pg.goto(server.url + "/documents")
        names = pg.locator("table.documents td.document").all_inner_texts()
        assert not any("coverage-archive" in t for t in names), names
