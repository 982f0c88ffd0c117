"""The review desk in a real headless Chromium (Debian's ``chromium``, which ``./run test``
installs), driven by Playwright against ``claimledger serve`` on 127.0.0.1.

A failing test leaves a screenshot of its page in ``out/e2e-screenshots/`` (or in
``$CLAIMLEDGER_SCREENSHOTS``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import ROOT, Ledgers
from tests.serving import Server
from tests.test_web import build_ledger

CHROMIUM = Path(os.environ.get("CLAIMLEDGER_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(os.environ.get("CLAIMLEDGER_SCREENSHOTS", ROOT / "out" / "e2e-screenshots"))
# Headless, and quiet: this machine has no network, and Chromium's background services
# would otherwise keep trying to reach Google.
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: `./run test` installs Debian's chromium; "
            "or set CLAIMLEDGER_CHROMIUM to a Chromium binary"
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    yield pg
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_ledger(tmp_path_factory.mktemp("e2e"), Ledgers("sqlite", None))
    assert isinstance(db, Path)  # the browser tests run on SQLite; test_web covers both
    return db


def test_review_a_claim_and_find_it_after_restart(page: Page, ledger_file: Path) -> None:
    server = Server(ledger_file, ("--org", "E2E Checkers")).start()
    try:
        page.goto(server.url + "/claims")
        rows = page.locator("tr.claim-row")
        expect(rows.first).to_be_visible()
        assert rows.count() >= 5
        first_text = page.locator("a.claim-link").first.inner_text()
        page.locator("a.claim-link").first.click()
        expect(page.locator("#claim-text")).to_have_text(first_text)
        claim_url = page.url.split("#")[0]
        claim_path = claim_url.removeprefix(server.url)

        page.get_by_label("Refuted").check()
        page.get_by_label("Note").fill("The hospital's register lists 14 dead.")
        page.get_by_label("Reviewer").fill("E2E Reviewer")
        page.get_by_role("button", name="Record verdict").click()
        expect(page).to_have_url(re.compile(r"#review-\d+$"))
        history = page.locator("ol.history li").first
        expect(history).to_contain_text("Refuted by E2E Reviewer")
        expect(history).to_contain_text("The hospital's register lists 14 dead.")

        page.goto(server.url + "/documents")
        page.get_by_role("link", name="Ministry gives toll of market shelling").click()
        claim = page.locator("a.claim").first
        pop = claim.locator(".pop")
        expect(pop).to_be_hidden()
        claim.hover()
        expect(pop).to_be_visible()
        expect(pop).to_contain_text("score")
        expect(pop).to_contain_text("figures: At least 19")
        expect(pop).to_contain_text("Health Ministry")
        claim.click()
        expect(page).to_have_url(re.compile(r"/claims/[0-9a-f]{16}$"))
    finally:
        server.stop()

    server = Server(ledger_file, ("--org", "E2E Checkers")).start()
    try:
        page.goto(server.url + claim_path)
        expect(page.locator("ol.history li").first).to_contain_text("Refuted by E2E Reviewer")
        page.goto(server.url + "/claims?reviewed=yes")
        expect(page.locator("tr.claim-row")).to_have_count(1)
        expect(page.locator("td.verdict")).to_have_text("Refuted")

        page.goto(server.url + "/")
        page.get_by_role("link", name="ClaimReview export").click()
        published: list[dict[str, Any]] = json.loads(page.locator("body").inner_text())
        assert len(published) == 1
        review = published[0]
        assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
        assert review["claimReviewed"] == first_text
        assert review["reviewRating"]["alternateName"] == "Refuted"
        assert review["author"] == {"@type": "Organization", "name": "E2E Checkers"}
        assert review["url"].startswith(server.url + claim_path + "#review-")
        assert review["reviewBody"] == "The hospital's register lists 14 dead."
        assert review["itemReviewed"]["@type"] == "Claim"
        # the example was read from a local path, which is never published
        appearance = review["itemReviewed"]["appearance"]
        assert appearance.get("url") is None or appearance["url"].startswith("http")
        assert str(ledger_file.parent) not in json.dumps(review)
    finally:
        server.stop()
    assert not page.dialogs  # type: ignore[attr-defined]


def test_hostile_document_never_runs_its_script(page: Page, ledger_file: Path) -> None:
    server = Server(ledger_file).start()
    try:
        blocked: list[str] = []
        page.on("request", lambda r: blocked.append(r.url) if "/x" in r.url else None)
        page.goto(server.url + "/documents?q=__pwned")
        page.locator("table.documents a").first.click()
        text = page.locator("#text")
        expect(text).to_contain_text("<script>window.__pwned = 1</script>")
        expect(text).to_contain_text('<img src=x onerror="window.__pwned = 2">')
        expect(text).to_contain_text("U+202E")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("#text script, #text img").count() == 0
        assert len(text.inner_text()) > 1_000_000  # the 1 MB line is all there
        assert blocked == []  # the <img> was never even requested
    finally:
        server.stop()
    assert not page.dialogs  # type: ignore[attr-defined]
