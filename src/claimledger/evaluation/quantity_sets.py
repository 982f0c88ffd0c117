"""Independent quantity test sets: Recognizers-Text's English NumberWithUnit specs and
quantulum3's test sentences, read into one form and scored against our quantity records.

Neither is NewsQuant and neither is a tuning set: they check that a change made for the
news benchmark does not hurt figures written elsewhere. Both are MIT test suites:

- ``recognizers``: Microsoft Recognizers-Text specs (currency, dimension, temperature,
  age); every number with a unit in an input is listed, bare numbers are not, so only
  recall is scored;
- ``quantulum3``: quantulum3's own tests (``quantities.json``), where every number of a
  sentence is listed, bare ones as "dimensionless", so precision means something too.

A gold quantity is a value and, where it maps to one of ours, a canonical unit
(``claimledger.extract.quantities.units``). Value matching is NewsQuant's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.evaluation import shared_data
from claimledger.evaluation.newsquant import PRF, _f, values_match

RECOGNIZERS_MODELS = ("Currency", "Dimension", "Temperature", "Age")

# Recognizers-Text unit names -> (our canonical unit, factor to our value). Hundredths of a
# currency are stored in the currency. Names we have no unit for map to None.
_RT_UNITS: dict[str, tuple[str, float]] = {
    "Dollar": ("USD", 1),
    "United States dollar": ("USD", 1),
    "Euro": ("EUR", 1),
    "Chinese yuan": ("CNY", 1),
    "Canadian dollar": ("CAD", 1),
    "Japanese yen": ("JPY", 1),
    "Australian dollar": ("AUD", 1),
    "Turkish lira": ("TRY", 1),
    "Rupee": ("INR", 1),
    "British pound": ("GBP", 1),
    "Hong Kong dollar": ("HKD", 1),
    "Swiss franc": ("CHF", 1),
    "New Zealand dollar": ("NZD", 1),
    "Cent": ("USD", 0.01),
    "Pence": ("GBP", 0.01),
    "Penny": ("GBP", 0.01),
    "Sen": ("MYR", 0.01),
    "Foot": ("foot", 1),
    "Meter": ("metre", 1),
    "Mile": ("mile", 1),
    "Gallon": ("gallon", 1),
    "Ton": ("ton", 1),
    "Metric ton": ("tonne", 1),
    "Kilometer per hour": ("kilometre_per_hour", 1),
    "Mile per hour": ("mile_per_hour", 1),
    "Kilogram": ("kilogram", 1),
    "Gram": ("gram", 1),
    "Inch": ("inch", 1),
    "Square meter": ("square_metre", 1),
    "Square kilometer": ("square_kilometre", 1),
    "Kilometer": ("kilometre", 1),
    "Millimeter": ("millimetre", 1),
    "Milliliter": ("millilitre", 1),
    "Barrel": ("barrel", 1),
    "Ounce": ("ounce", 1),
    "Acre": ("acre", 1),
    "Cubic foot": ("cubic_foot", 1),
    "Megabyte": ("megabyte", 1),
    "Degree": ("degree", 1),
    "C": ("celsius", 1),
    "F": ("fahrenheit", 1),
    "Year": ("year_of_age", 1),
    "Month": ("month", 1),
    "Week": ("week", 1),
    "Day": ("day", 1),
}
# Age and temperature units that read the same whichever way they are written.
_SAME_UNITS = ({"year", "year_of_age"}, {"degree", "celsius", "fahrenheit"})

# quantulum3 unit names -> our canonical units; "dimensionless" is a count.
_Q3_UNITS = {
    "dimensionless": "count",
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "degree Celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degree Fahrenheit": "fahrenheit",
    "square kilometre": "square_kilometre",
    "square mile": "square_mile",
    "kilometre per hour": "kilometre_per_hour",
    "percentage": "percent",
    "pound-mass": "pound_mass",
    "megawatt hour": "megawatt_hour",
    "watt hour": "watt_hour",
}


@dataclass(frozen=True)
class Gold:
    value: float
    unit: str | None  # our canonical unit, or None when we have no such unit


@dataclass(frozen=True)
class Case:
    text: str
    gold: tuple[Gold, ...]


def _root() -> Path:
    return shared_data() / "quantity"


def recognizers(models: Sequence[str] = RECOGNIZERS_MODELS) -> list[Case]:
    """Recognizers-Text's English NumberWithUnit cases, skipping those marked unsupported in
    its Python port and results without a single numeric value."""
    out = []
    folder = _root() / "Recognizers-Text-Specs" / "Specs" / "NumberWithUnit" / "English"
    for model in models:
        for case in json.loads((folder / f"{model}Model.json").read_text(encoding="utf-8")):
            if "python" in case.get("NotSupported", "").lower():
                continue
            gold = [_rt_gold(r["Resolution"]) for r in case["Results"]]
            out.append(Case(case["Input"], tuple(g for g in gold if g is not None)))
    return out


def _rt_gold(resolution: dict[str, Any]) -> Gold | None:
    try:
        value = float(resolution["value"])
    except (KeyError, TypeError, ValueError):
        return None
    unit, factor = _RT_UNITS.get(resolution.get("unit", ""), (None, 1.0))
    return Gold(round(value * factor, 9), unit)


def quantulum3() -> list[Case]:
    """quantulum3's English test sentences (``quantities.json``)."""
    path = _root() / "quantulum3-tests" / "quantulum3" / "_lang" / "en_US" / "tests"
    cases = json.loads((path / "quantities.json").read_text(encoding="utf-8"))
    out = []
    for case in cases:
        gold = []
        for r in case["res"]:
            unit = r["unit"]
            ours = _Q3_UNITS.get(unit, unit.replace(" ", "_").replace("-", "_"))
            gold.append(Gold(float(r["value"]), ours))
        out.append(Case(case["req"], tuple(gold)))
    return out


def _record_value(rec: dict[str, Any]) -> float | None:
    change = rec.get("change") or {}
    if rec.get("value") is not None:
        return float(rec["value"])
    if change.get("to") is not None:
        return float(change["to"])
    return None


def _values(rec: dict[str, Any]) -> list[float]:
    """The figures a record states: its value, or both ends of a range or a change."""
    out = [v for v in (_record_value(rec),) if v is not None]
    change = rec.get("change") or {}
    for key in ("from", "to"):
        if change.get(key) is not None:
            out.append(float(change[key]))
    if rec.get("bound") == "range":
        out += [float(rec[k]) for k in ("lower", "upper") if rec.get(k) is not None]
    return out


def _same_unit(gold: str | None, ours: str) -> bool:
    if gold is None:
        return False
    return gold == ours or any(gold in s and ours in s for s in _SAME_UNITS)


def score(cases: Sequence[Case], records: Sequence[Sequence[dict[str, Any]]]) -> dict[str, PRF]:
    """Value and value+unit P/R/F1: each gold quantity is matched to at most one figure of
    the case's records (a range or a change offers each of its ends). Precision counts every
    record as one prediction."""
    n_gold = sum(len(c.gold) for c in cases)
    n_pred = sum(sum(1 for r in recs if r["kind"] == "quantity") for recs in records)
    hits = {"value": 0, "value+unit": 0}
    for case, recs in zip(cases, records, strict=True):
        figures = [(v, r["unit"]) for r in recs if r["kind"] == "quantity" for v in _values(r)]
        for metric in hits:
            free = list(figures)
            for g in case.gold:
                hit = next(
                    (
                        f
                        for f in free
                        if values_match(g.value, f[0])
                        and (metric == "value" or _same_unit(g.unit, f[1]))
                    ),
                    None,
                )
                if hit is not None:
                    free.remove(hit)
                    hits[metric] += 1
    return {metric: _f(hit, n_gold, n_pred) for metric, hit in hits.items()}
