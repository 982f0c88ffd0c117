"""The quality gate: every accuracy floor of the project, in one table.

Each row pins a score just under what was measured (``measured``, on the scale the bench
prints it: percent for PolNeAR and NewsQuant, a fraction for check-worthiness); a regression
below a floor fails CI. Raise a floor when the extractors improve, never lower one to make a
change pass, and update ``measured`` when you re-measure.

The scorers are those of the benchmarks (``claimledger.evaluation``). Floors on the shared
data (``../shared/data``, or ``$CLAIMLEDGER_SHARED_DATA``) skip when it is missing, and fail
when the environment variable CI is set (``tests/conftest.py``, ``require_data``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.evaluation import ENV_VAR, checkthat, shared_data
from claimledger.evaluation import newsquant as nq
from claimledger.evaluation import polnear as pn
from claimledger.model import Claim, Document
from claimledger.present.records import records
from claimledger.runner.local import extract_all
from claimledger.settings import Settings
from tests.conftest import best_claims, require_data
from tests.data.checkworthy_set import CASES


@dataclass(frozen=True)
class Floor:
    name: str
    suite: str  # the fixture below that measures the suite: {metric: score}
    metric: str
    floor: float
    measured: float


# Data: NewsQuant, the dev half of ../shared/data/quantity/newsquant-dev.json, the paper's rule
# (./run bench quantities); PolNeAR dev, ../shared/data/attribution/polnear, one annotator file
# per article, top-level attributions only (./run bench attributions); CheckThat! 2024 English
# dev, ../shared/data/checkworthy/clef2024-task1-en, the check-worthy class, and the project's
# own conflict-genre set, tests/data/checkworthy_set.py, the only rows needing no shared data
# (./run bench checkworthy).
# fmt: off
FLOORS = [
    #     name                                suite           metric             floor  measured
    Floor("NewsQuant dev value F1",          "newsquant",    "value",            94.9,  95.1),
    Floor("NewsQuant dev value+change F1",   "newsquant",    "value+change",     88.8,  89.0),
    Floor("NewsQuant dev value+unit F1",     "newsquant",    "value+unit",       86.2,  86.4),
    Floor("PolNeAR dev overlap F1 source",   "polnear",      "overlap source",   75.7,  75.9),
    Floor("PolNeAR dev overlap F1 cue",      "polnear",      "overlap cue",      74.9,  75.1),
    Floor("PolNeAR dev overlap F1 content",  "polnear",      "overlap content",  78.6,  78.8),
    Floor("PolNeAR dev exact F1 source",     "polnear",      "exact source",     72.1,  72.3),
    Floor("CheckThat! 2024 English dev F1",  "ct24_dev",     "f1",               0.89,  0.897),
    Floor("conflict set claim F1",           "conflict_set", "f1",               0.94,  0.956),
    Floor("conflict set types correct",      "conflict_set", "types",            0.93,  0.933),
]
# fmt: on


@pytest.fixture(scope="module")
def newsquant() -> dict[str, float]:
    data = nq.load(require_data(nq.data_file()))
    docs = [Document(text=str(d["text"]), source=str(i)) for i, d in enumerate(data)]
    found = extract_all(docs, Settings(workers=1), frozenset({"quantities"}))
    predicted = [nq.our_items(list(records(ex, "quantities"))) for ex in found]  # type: ignore[arg-type]
    gold = [nq.gold_items(d) for d in data]
    return {metric: prf[2] for metric, prf in nq.score_paper(gold, predicted).items()}


@pytest.fixture(scope="module")
def polnear() -> dict[str, float]:
    require_data(pn.data_dir() / "dev")
    articles = pn.load("dev")
    docs = [Document(text=a.text, source=a.name) for a in articles]
    found = extract_all(docs, Settings(workers=2), frozenset({"attributions"}))
    predicted = [pn.predicted(ex.attributions) for ex in found]  # type: ignore[union-attr]
    scores = pn.score(articles, predicted)
    return {
        f"{kind} {role}": scores["all"][role].prf(kind)[2]
        for kind in ("exact", "overlap")
        for role in pn.ROLES
    }


@pytest.fixture(scope="module")
def ct24_dev() -> dict[str, float]:
    texts, gold = checkthat.read_ct24(require_data(checkthat.ct24_dev()))
    return {"f1": checkthat.prf(gold, checkthat.labels(best_claims(texts)))[2]}


@pytest.fixture(scope="module")
def conflict_set(conflict_set_claims: list[Claim | None]) -> dict[str, float]:
    gold = [int(c[1] == "claim") for c in CASES]
    f1 = checkthat.prf(gold, checkthat.labels(conflict_set_claims))[2]
    typed = [
        c is not None and case[2] in c.types
        for case, c in zip(CASES, conflict_set_claims, strict=True)
    ]
    return {"f1": f1, "types": sum(typed) / len(typed)}


@pytest.mark.parametrize("row", FLOORS, ids=[row.name for row in FLOORS])
def test_floor(row: Floor, request: pytest.FixtureRequest) -> None:
    score = request.getfixturevalue(row.suite)[row.metric]
    print(f"{row.name}: {round(score, 4)} (floor {row.floor}, table {row.measured})")  # see: -s
    assert score >= row.floor, f"{row.name} {score:.4g} < floor {row.floor} ({row.measured} before)"


def test_table_is_consistent() -> None:
    assert len({row.name for row in FLOORS}) == len(FLOORS)
    assert all(row.floor <= row.measured for row in FLOORS)


def test_missing_data_fails_in_ci_and_skips_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "no-such-folder"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set") as failed:
        require_data(missing)
    assert str(missing) in str(failed.value)
    for value in ("", "false"):
        monkeypatch.setenv("CI", value)
        with pytest.raises(pytest.skip.Exception) as skipped:
            require_data(missing)
        assert str(missing) in str(skipped.value)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require_data(missing)
    assert require_data(tmp_path) == tmp_path


def test_shared_data_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert shared_data() == tmp_path
    assert pn.data_dir() == tmp_path / "attribution" / "polnear" / "data"
    assert nq.data_file() == tmp_path / "quantity" / "newsquant-dev.json"
    monkeypatch.delenv(ENV_VAR)
    assert shared_data().parts[-2:] == ("shared", "data")
