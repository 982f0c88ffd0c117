"""Hostile requests to the desk, over a real ledger written by the real ``claimledger
ingest`` and the real ``claimledger serve`` on 127.0.0.1: on every page a filter given twice
with different values is a 400 saying so, never the last value silently winning; and
hostile document metadata ("the newspaper" with a blank outlet)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.serving import Server

TEXT = "Rebels attacked the village of Oskel on Monday, killing 4 civilians, the army said.\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder: Path = tmp_path_factory.mktemp("hostile_events")
    (folder / "strike.txt").write_text(TEXT, encoding="utf-8")
    db = folder / "ledger.db"
    done = run_cli("ingest", "--db", str(db), str(folder / "strike.txt"))
    assert done.returncode == 0, done.stderr
    srv = Server(db).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.mark.parametrize("path", ["/events", "/events.json"])
@pytest.mark.parametrize(
    "query",
    [
        "event_type=ATTACK&event_type=AIR_STRIKE",
        "modality=asserted&modality=denied",
        "has_casualties=yes&has_casualties=no",
        "page=1&page=2",
        "per_page=10&per_page=20",
        "cluster=0123456789abcdef&cluster=fedcba9876543210",
    ],
)
def test_a_filter_given_twice_is_a_400(server: Server, path: str, query: str) -> None:
    reply = server.get(f"{path}?{query}")
    assert reply.status == 400
    name = query.split("=")[0]
    assert f"{name} is given 2 times" in reply.text
    assert "give it once" in reply.text


def test_the_same_value_twice_and_several_documents_are_fine(server: Server) -> None:
    assert server.get("/events.json?event_type=ATTACK&event_type=ATTACK").status == 200
    twice = "doc=0123456789abcdef&doc=fedcba9876543210"
    assert server.get(f"/events.json?{twice}").status == 200


@pytest.mark.parametrize("outlet", ["   ", "\t\n", "\u200b", "", "\u202e"])
def test_a_blank_or_invisible_outlet_is_no_outlet(tmp_path: Path, outlet: str) -> None:
    """An outlet that is only whitespace or invisible characters (a site name trafilatura
    found empty) neither rejects the document nor makes "the newspaper" a blank source."""
    import json

    text = "Prices rose 5 percent in Dravik. The newspaper said the ministry had erred."
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps({"text": text, "outlet": outlet}) + "\n", encoding="utf-8")
    done = run_cli("extract", "--what", "attributions", str(path))
    assert done.returncode == 0, done.stderr
    assert "rejected" not in done.stderr
    [rec] = [json.loads(line) for line in done.stdout.splitlines()]
    assert rec["attributed_to"] == "The newspaper"
    assert rec["attributed_to_canonical"] is None and rec["source_kind"] == "unnamed"


@pytest.mark.parametrize(
    "path",
    [
        "/claims?type=event&type=quote",
        "/claims.json?min_score=0.1&min_score=0.9",
        "/documents?outlet=A&outlet=B",
        "/contradictions?kind=update&kind=consistent",
        "/checks.json?status=agrees&status=disagrees",
        "/claims?event_type=ATTACK&event_type=AIR_STRIKE",
    ],
)
def test_every_page_refuses_a_filter_given_twice(server: Server, path: str) -> None:
    reply = server.get(path)
    assert reply.status == 400
    assert "is given 2 times" in reply.text and "give it once" in reply.text


def test_the_same_filter_value_twice_is_fine_everywhere(server: Server) -> None:
    assert server.get("/claims.json?type=event&type=event").status == 200
    assert server.get("/documents?page=1&page=1").status == 200
