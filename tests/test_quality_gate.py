"""The quality gate: every accuracy floor of the project, in one table.

Each row pins a score just under what was measured (``measured``, on the scale the bench
prints it: percent for PolNeAR and NewsQuant, a fraction for check-worthiness); a regression
below a floor fails CI. The floors on shared data are pinned on the **check** parts of the
dev sets (``claimledger.evaluation.splits``, DEVELOPERS.md), whose errors nobody reads: a
dev score that rises because a rule was written from a dev sentence does not move them.
Never lower a floor to make a change pass, and update ``measured`` when you re-measure.

The scorers are those of the benchmarks (``claimledger.evaluation``). Floors on the shared
data (``../shared/data``, or ``$CLAIMLEDGER_SHARED_DATA``) skip when it is missing, and fail
when the environment variable CI is set (``tests/conftest.py``, ``require_data``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.evaluation import ENV_VAR, checkthat, shared_data, splits
from claimledger.evaluation import geoparsing as gp
from claimledger.evaluation import newsquant as nq
from claimledger.evaluation import polnear as pn
from claimledger.extract.places import resolve
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


# Data: the check parts (evaluation/splits.py) of NewsQuant, the dev half of
# ../shared/data/quantity/newsquant-dev.json, the paper's rule (./run bench quantities); of
# PolNeAR dev, ../shared/data/attribution/polnear, one annotator file per article, top-level
# attributions only (./run bench attributions --parts); of CheckThat! 2024 English dev,
# ../shared/data/checkworthy/clef2024-task1-en, the check-worthy class (./run bench
# checkworthy); of the toponym-resolution sets in ../shared/data/events/geoparsing_gold,
# given the gold toponyms, in percent (./run bench places --given-only); and the project's
# own conflict-genre set, tests/data/checkworthy_set.py, the
# only rows needing no shared data.
# fmt: off
FLOORS = [
    #     name                               suite           metric                  floor measured
    Floor("NewsQuant check value F1",         "newsquant",    "check value",           95.4,  95.9),
    Floor("NewsQuant check value+change F1",  "newsquant",    "check value+change",    87.2,  87.7),
    Floor("NewsQuant check value+unit F1",    "newsquant",    "check value+unit",      86.8,  87.3),
    Floor("PolNeAR check overlap F1 source",  "polnear",      "check overlap source",  76.9,  77.4),
    Floor("PolNeAR check overlap F1 cue",     "polnear",      "check overlap cue",     76.1,  76.6),
    Floor("PolNeAR check overlap F1 content", "polnear",      "check overlap content", 79.7,  80.2),
    Floor("PolNeAR check exact F1 source",    "polnear",      "check exact source",    73.1,  73.6),
    Floor("CT24 dev check-years F1",          "ct24_dev",     "check f1",              0.85, 0.867),
    Floor("conflict set claim F1",            "conflict_set", "f1",                    0.96, 0.972),
    Floor("conflict set types correct",       "conflict_set", "types",                 0.94, 0.957),
    Floor("GWN check within 161 km",          "places",       "GWN",                   74.4,  74.9),
    Floor("LGL check within 161 km",          "places",       "LGL",                   82.3,  82.8),
    Floor("GeoVirus check within 161 km",     "places",       "GeoVirus",              76.3,  76.8),
]
# fmt: on


@pytest.fixture(scope="module")
def newsquant() -> dict[str, float]:
    data = nq.load(require_data(nq.data_file()))
    docs = [Document(text=str(d["text"]), source=str(i)) for i, d in enumerate(data)]
    found = extract_all(docs, Settings(workers=1), frozenset({"quantities"}))
    predicted = [nq.our_items(list(records(ex, "quantities"))) for ex in found]  # type: ignore[arg-type]
    gold = [nq.gold_items(d) for d in data]
    scores = {metric: prf[2] for metric, prf in nq.score_paper(gold, predicted).items()}
    check = splits.select(data, [splits.part_of_key(str(d["text"])) for d in data], "check")
    part = nq.score_paper([gold[i] for i in check], [predicted[i] for i in check])
    return scores | {f"check {metric}": prf[2] for metric, prf in part.items()}


@pytest.fixture(scope="module")
def polnear() -> dict[str, float]:
    require_data(pn.data_dir() / "dev")
    articles = pn.load("dev")
    docs = [Document(text=a.text, source=a.name) for a in articles]
    found = extract_all(docs, Settings(workers=2), frozenset({"attributions"}))
    predicted = [pn.predicted(ex.attributions) for ex in found]  # type: ignore[union-attr]
    check = splits.select(articles, [splits.part_of_key(a.name) for a in articles], "check")
    out = {}
    for prefix, idx in (("", range(len(articles))), ("check ", check)):
        scores = pn.score([articles[i] for i in idx], [predicted[i] for i in idx])
        for kind in ("exact", "overlap"):
            for role in pn.ROLES:
                out[f"{prefix}{kind} {role}"] = scores["all"][role].prf(kind)[2]
    return out


@pytest.fixture(scope="module")
def ct24_dev() -> dict[str, float]:
    texts, gold = checkthat.read_ct24(require_data(checkthat.ct24_dev()))
    predicted = checkthat.labels(best_claims(texts))
    check = splits.select(texts, checkthat.ct24_dev_parts(), "check")
    return {
        "f1": checkthat.prf(gold, predicted)[2],
        "check f1": checkthat.prf([gold[i] for i in check], [predicted[i] for i in check])[2],
    }


@pytest.fixture(scope="module")
def places() -> dict[str, float]:
    require_data(gp.gold_folder())
    out = {}
    for name in gp.SETS:
        tally = gp.Tally()
        for doc in gp.load(name):
            if splits.part_of_key(doc.doc_id) == "check":
                found = resolve([t.text for t in doc.toponyms])
                guesses = [
                    gp.Guess(t.start, t.end, p.lat, p.lon, p.geonames_id)
                    for t, p in zip(doc.toponyms, found, strict=True)
                ]
                tally.add(gp.score_given(doc.toponyms, guesses))
        out[name] = 100 * tally.accuracy()
    return out


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
