"""A user's own event-type model (``--event-model FILE``, ``CLAIMLEDGER_EVENT_MODEL``) in
place of the shipped one: it types the events the words leave open, a bad file is refused
before anything is written, and a ledger extracts its documents again under a new model."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from claimledger.errors import ModelError
from claimledger.extract.events import classify
from tests.conftest import DB, ROOT, Ledgers, raw, run_cli, train_script

pytestmark = pytest.mark.backends

# "opened fire": the words leave clash, attack and force against protesters open, so the
# classifier decides (the shipped model: an armed clash, at under full confidence)
OPEN = "Police opened fire near the market in Tessaly on Sunday, officials said.\n"


def shipped() -> dict[str, Any]:
    raw_bytes = resources.files("claimledger").joinpath("models", classify.MODEL_FILE).read_bytes()
    data: dict[str, Any] = json.loads(gzip.decompress(raw_bytes))
    return data


def write_model(path: Path, data: Any) -> Path:
    path.write_bytes(gzip.compress(json.dumps(data).encode("utf-8"), mtime=0))
    return path


@pytest.fixture(scope="module")
def leaning(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped model with the bias of "Attack" raised far above the rest: a model file
    of the form train/events.py writes, whose answer is known."""
    data = shipped()
    data["bias"][data["codes"].index("ATTACK")] += 60.0
    data["meta"] = {**data["meta"], "shipped": False}
    return write_model(tmp_path_factory.mktemp("model") / "leaning.json.gz", data)


def event_types(stdout: str) -> list[tuple[str, float]]:
    return [
        (r["event_type"], r["confidence"])
        for r in (json.loads(line) for line in stdout.splitlines())
    ]


def test_the_shipped_model_decides_what_the_words_leave_open() -> None:
    r = run_cli("extract", "--what", "events", stdin=OPEN.encode())
    assert r.returncode == 0, r.stderr
    [(kind, confidence)] = event_types(r.stdout)
    assert kind == "Armed clash" and confidence < 1.0


def test_a_model_file_replaces_the_shipped_one(leaning: Path) -> None:
    text = OPEN.strip()
    assert max(classify.type_scores(text).items(), key=lambda kv: kv[1])[0] != "ATTACK"
    scores = classify.type_scores(text, str(leaning))
    assert max(scores.items(), key=lambda kv: kv[1])[0] == "ATTACK"
    assert classify.load_model(str(leaning)).digest != classify.load_model().digest
    r = run_cli("extract", "--what", "events", "--event-model", str(leaning), stdin=OPEN.encode())
    assert r.returncode == 0, r.stderr
    assert [k for k, _ in event_types(r.stdout)] == ["Attack"]
    r = run_cli(
        "extract",
        "--what",
        "events",
        stdin=OPEN.encode(),
        env={"CLAIMLEDGER_EVENT_MODEL": str(leaning)},
    )
    assert r.returncode == 0, r.stderr
    assert [k for k, _ in event_types(r.stdout)] == ["Attack"]


def _other_codes(data: dict[str, Any]) -> None:
    data["codes"][0], data["codes"][1] = data["codes"][1], data["codes"][0]


def _other_embeddings(data: dict[str, Any]) -> None:
    data["meta"]["embeddings"]["sha256"] = "0" * 64


def _broken(
    change: Callable[[dict[str, Any]], None],
) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        data = shipped()
        change(data)
        return write_model(path, data)

    return make


BAD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda p: p, "No such file"),
    "not gzip": (lambda p: (p.write_text("{}"), p)[1], "could not be read"),
    "not an object": (lambda p: write_model(p, [1, 2, 3]), "not a model"),
    "no weights": (lambda p: write_model(p, {"format": classify.FORMAT}), "could not be read"),
    "other types": (_broken(_other_codes), "other types than claimledger's taxonomy"),
    "other embeddings": (_broken(_other_embeddings), "other sentence embeddings"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_model_is_refused_before_anything_is_written(tmp_path: Path, case: str) -> None:
    make, says = BAD[case]
    model = make(tmp_path / "model.json.gz")
    (tmp_path / "wire.txt").write_text(OPEN, encoding="utf-8")
    r = run_cli("ingest", "--db", "l.db", "--event-model", str(model), "wire.txt", cwd=tmp_path)
    assert r.returncode == 2
    [line] = r.stderr.splitlines()
    assert says in line and str(model) in line and "train/events.py" in line
    assert "Traceback" not in r.stderr and not (tmp_path / "l.db").exists()
    with pytest.raises(ModelError, match="event-type model"):
        classify.load_model(str(model))


def test_a_new_model_extracts_stored_documents_again(
    tmp_path: Path, ledgers: Ledgers, leaning: Path
) -> None:
    db: DB = ledgers.at(tmp_path / "l.db")
    arg = db.name if isinstance(db, Path) else db
    (tmp_path / "wire.txt").write_text(OPEN, encoding="utf-8")
    r = run_cli("ingest", "--db", arg, "wire.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert raw(db, "SELECT event_type FROM events") == [("Armed clash",)]
    r = run_cli("ingest", "--db", arg, "wire.txt", cwd=tmp_path)
    assert r.returncode == 0 and "1 already in the" in r.stderr, r.stderr
    r = run_cli("ingest", "--db", arg, "--event-model", str(leaning), "wire.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 document stored" in r.stderr, r.stderr
    assert raw(db, "SELECT event_type FROM events") == [("Attack",)]
    models = {json.loads(s)["event_model"] for (s,) in raw(db, "SELECT settings FROM runs")}
    assert models == {
        classify.load_model().digest[:16],
        classify.load_model(str(leaning)).digest[:16],
    }


# --- the training script's local models (train/events.py --examples / --case) ---


@pytest.fixture(scope="module")
def train() -> ModuleType:
    return train_script("events")


def jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# a small labelled set of two types, in wire style, about invented places
STRIKES = [
    "Warplanes struck a depot near {} on Monday, residents said.",
    "A drone strike hit a car outside {} overnight.",
    "Jets bombed positions east of {} at dawn, a monitor said.",
    "An air raid on {} destroyed two houses, officials said.",
]
PROTESTS = [
    "Hundreds marched peacefully through {} on Friday, organisers said.",
    "Students held a sit-in outside the town hall in {}.",
    "Residents of {} rallied against the new tax on Sunday.",
    "Farmers staged a peaceful protest in {} over water prices.",
]
TOWNS = ["Varnoa", "Keldra", "Ostrava Nova", "Pelinor", "Dralmin", "Tessaly"]


def labelled(templates: list[str], code: str) -> list[dict[str, Any]]:
    return [{"text": t.format(town), "code": code} for t in templates for town in TOWNS]


def test_labels_are_codes_or_acled_names_and_bad_lines_are_refused(
    tmp_path: Path, train: ModuleType
) -> None:
    path = jsonl(
        tmp_path / "mine.jsonl",
        [
            {"text": "Jets bombed Varnoa.", "code": "AIR_STRIKE"},
            {"text": "Jets bombed Keldra.", "code": "Air/drone strike"},
            {"text": "Crowds marched in Pelinor.", "code": "peaceful protest"},
        ],
    )
    assert [c for _, c in train.read_own(path)] == ["AIR_STRIKE", "AIR_STRIKE", "PEACE_PROTEST"]
    bad = jsonl(tmp_path / "bad.jsonl", [{"text": "Jets bombed Varnoa.", "code": "BOMBING"}])
    with pytest.raises(SystemExit, match=r"bad\.jsonl:1: unknown event type 'BOMBING'"):
        train.read_own(bad)
    (tmp_path / "broken.jsonl").write_text('{"text": "no code"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r'broken\.jsonl:1: not a JSON object with "text"'):
        train.read_own(tmp_path / "broken.jsonl")


def test_a_local_model_learns_the_users_rows_and_is_used_by_ingest(
    tmp_path: Path, train: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one point of every grid, so that the real build runs in seconds
    monkeypatch.setattr(train, "C_GRID", (16.0,))
    monkeypatch.setattr(train, "EMB_SCALE_GRID", (1.0,))
    monkeypatch.setattr(train, "CLASS_WEIGHT_GRID", (None,))
    monkeypatch.setattr(train, "CHAR_NGRAMS_GRID", (False,))
    monkeypatch.setattr(train, "LOCAL_WEIGHT_GRID", (1.0, 4.0))
    own = jsonl(tmp_path / "own.jsonl", labelled(STRIKES, "AIR_STRIKE"))
    # the user's rows: the protests, and "opened fire" labelled an attack on civilians
    fired = [
        {"text": f"Police opened fire near the market in {town} on Sunday.", "code": "ATTACK"}
        for town in TOWNS
    ]
    mine = jsonl(tmp_path / "mine.jsonl", labelled(PROTESTS, "PEACE_PROTEST") + fired)
    blob = train.build(own, train.NGEC, None, 0.0, [mine])
    meta = json.loads(gzip.decompress(blob))["meta"]
    assert meta["shipped"] is False
    assert meta["sources"]["examples 1"]["texts"] == len(PROTESTS) * len(TOWNS) + len(TOWNS)
    assert meta["settings"]["local_weight"] in (1.0, 4.0)
    assert set(meta["cross_validation"]["local_weight"]["grid"]) == {"1", "4"}
    model = tmp_path / "local.json.gz"
    model.write_bytes(blob)
    assert classify.load_model(str(model)).meta["sources"]["own"]["sentences"] == len(
        STRIKES
    ) * len(TOWNS)
    r = run_cli("extract", "--what", "events", "--event-model", str(model), stdin=OPEN.encode())
    assert r.returncode == 0, r.stderr
    assert [k for k, _ in event_types(r.stdout)] == ["Attack"]


def test_the_training_script_refuses_to_overwrite_the_shipped_model_with_a_local_one(
    tmp_path: Path,
) -> None:
    mine = jsonl(tmp_path / "mine.jsonl", labelled(PROTESTS, "PEACE_PROTEST"))
    r = subprocess.run(
        [sys.executable, str(ROOT / "train" / "events.py"), "--examples", str(mine)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 2
    assert "never shipped; pass --out FILE" in r.stderr


def test_a_model_trained_with_the_static_embeddings_still_loads(tmp_path: Path) -> None:
    """Models written before the encoder (their meta names models/minilm-static) keep working,
    with the embeddings they were trained with."""
    from claimledger.extract.checkworthy.embed import load_embeddings

    static = load_embeddings()
    data = shipped()
    data["meta"]["embeddings"] = {"folder": classify.STATIC, "sha256": static.digest}
    data["embedding_weights"] = [[0.0] * len(data["codes"]) for _ in range(static.dims)]
    model = classify.load_model(str(write_model(tmp_path / "static.json.gz", data)))
    assert model.embedder == classify.STATIC
    assert classify.load_model().embedder == classify.ENCODER
    scores = classify.type_scores(OPEN.strip(), str(tmp_path / "static.json.gz"))
    assert abs(sum(scores.values()) - 1.0) < 1e-9
