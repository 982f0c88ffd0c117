"""NewsQuant scoring: our quantity records mapped to the benchmark's form, and two rules.

The benchmark (CQE paper, EMNLP 2023) gives each quantity a value (a range as "a-b"), a
normalised unit name and a change label: "=", "~", ">", "<", "up" or "down".

- ``paper`` follows the paper's published evaluation: for each gold quantity, predictions are
  visited in unit order; the first with an equal value counts for value (at most once per gold
  item), every one with an equal value and change counts for value+change, and the first that
  also has the unit counts for value+unit and is used up.
- ``strict`` matches one prediction to at most one gold quantity, separately per metric.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.evaluation import shared_data

Value = float | tuple[float, float]
PRF = tuple[float, float, float]


def data_file() -> Path:
    """The NewsQuant dev half (every other sentence of the benchmark) in the shared data."""
    return shared_data() / "quantity" / "newsquant-dev.json"


def load(path: Path | None = None) -> list[dict[str, Any]]:
    """The benchmark's records: ``text`` and its gold ``quantities``."""
    data: list[dict[str, Any]] = json.loads((path or data_file()).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Item:
    value: Value
    unit: str
    change: str


def gold_items(record: dict[str, Any], average_ranges: bool = False) -> list[Item]:
    out = []
    for q in record["quantities"]:
        out.append(
            Item(_gold_value(q["value"], average_ranges), q["normalized_unit"].lower(), q["change"])
        )
    return out


def _gold_value(text: str, average: bool) -> Value:
    if "E" not in text and not text.startswith("-") and "-" in text:
        a, b = (float(x) for x in text.split("-", 1))
        return (a + b) / 2 if average else (a, b)
    return float(text)


CURRENCY_NAMES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "UAH": "ukrainian hryvnia",
    "RUB": "russian ruble",
    "ILS": "shekel",
    "INR": "indian rupee",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "CHF": "swiss franc",
    "DKK": "danish krone",
    "MYR": "malaysian ringgit",
    "NZD": "new zealand dollar",
    "SGD": "singapore dollar",
}
UNIT_NAMES = {
    "percent": "percentage",
    "percentage_point": "percentage point",
    "basis_point": "basis point",
    "milliampere_hour": "milliampere-hour",
    "pound_foot": "pound-foot",
    "pound_mass": "pound-mass",
    "revolution_per_minute": "revolutions per minute",
    "parts_per_billion": "parts-per-billion",
    "parts_per_million": "part per million",
    "year_of_age": "year of age",
    "times": "count",
    "fraction": "%",
    "tonne": "metric ton",
}


# Hundredths of a currency, which claimledger stores in the currency: the benchmark names
# them as below (pence as "point", which is how its annotators wrote "118.5p").
SUBUNIT_NAMES = (
    ("USD", r"\bcents?\b", "cent"),
    ("GBP", r"\d\s?p\b|\bpence\b|\bpenny\b", "point"),
    ("MYR", r"\bsen\b", "sen"),
    ("RUB", r"\bkope?cks?\b", "kopeck"),
)


def _subunit(rec: dict[str, Any]) -> str | None:
    for code, pattern, name in SUBUNIT_NAMES:
        if rec["unit"] == code and re.search(pattern, rec["text"], re.I):
            return name
    return None


def unit_name(canonical: str) -> str:
    """NewsQuant's name for one of claimledger's canonical units."""
    if canonical in CURRENCY_NAMES:
        return CURRENCY_NAMES[canonical]
    return UNIT_NAMES.get(canonical, canonical.replace("_", " "))


def _singular(word: str) -> str:
    rules = (
        ("ies", "y"),
        ("sses", "ss"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("ouses", "ouse"),
        ("uses", "us"),
        ("s", ""),
    )
    for suffix, repl in rules:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def our_unit(rec: dict[str, Any]) -> str:
    unit = rec["unit"]
    if unit in CURRENCY_NAMES:
        name = _subunit(rec) or CURRENCY_NAMES[unit]
    elif unit == "count":
        noun = (rec.get("quantified") or "").split()
        # the counted noun, without the casualty verb claimledger appends ("people killed")
        if len(noun) > 1 and re.fullmatch(r"[a-z]+(?:ed|en|lt|ught)", noun[-1]):
            noun = noun[:-1]
        name = " ".join([*noun[:-1], _singular(noun[-1])]) if noun else "-"
    elif unit == "year" and re.search(r"year[\s-]old", rec["text"], re.I):
        name = "year of age"
    else:
        name = unit_name(unit)
    if rec.get("per"):
        name = f"{name} per {unit_name(rec['per'])}"
    return name.lower()


def our_items(records: Sequence[dict[str, Any]]) -> list[Item]:
    out = []
    for rec in records:
        if rec["kind"] != "quantity":
            continue
        change = rec.get("change") or {}
        value: Value | None
        if rec["bound"] in ("range", "vague") and rec["lower"] is not None:
            value = (float(rec["lower"]), float(rec["upper"]))
        elif change.get("from") is not None and change.get("to") is not None:
            value = (float(change["from"]), float(change["to"]))
        else:
            value = rec["value"]
        if value is None:
            continue
        if isinstance(value, (int, float)) and _subunit(rec):
            value = round(float(value) * 100, 6)
        label = {
            "exact": "=",
            "approx": "~",
            "more_than": ">",
            "at_least": ">",
            "less_than": "<",
            "at_most": "<",
            "range": "=",
            "vague": "=",
        }[rec["bound"]]
        # The figure that carries a change takes its direction: the amount ("rose 9% to
        # $84": the 9%), or the level when it is the change's only figure ("fell to
        # 0.8%"). A level after an amount the benchmark mostly labels "=".
        carries = change.get("from") is None and (
            change.get("to") is None or not _after_amount(rec, records)
        )
        if change.get("direction") and carries and label != "~":
            label = change["direction"]
        out.append(Item(value if isinstance(value, tuple) else float(value), our_unit(rec), label))
    return out


def _after_amount(level: dict[str, Any], records: Sequence[dict[str, Any]]) -> bool:
    """Whether a change's level follows the change's amount in the same sentence."""
    return any(
        r is not level
        and r["kind"] == "quantity"
        and r["sentence"] == level["sentence"]
        and r["end"] <= level["start"]
        and (r.get("change") or {}).get("by") is not None
        and (r.get("change") or {}).get("direction") == level["change"]["direction"]
        for r in records
    )


def values_match(a: Value, b: Value) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(
            math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in zip(a, b, strict=True)
        )
    if isinstance(a, tuple) or isinstance(b, tuple):
        return False
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _f(correct: int, gold: int, pred: int) -> PRF:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def score_paper(gold: list[list[Item]], pred: list[list[Item]]) -> dict[str, PRF]:
    n_gold = n_pred = value = unit = change = 0
    for g_items, p_items in zip(gold, pred, strict=True):
        n_gold += len(g_items)
        n_pred += len(p_items)
        tags = sorted(p_items, key=lambda i: i.unit)
        remaining = len(g_items)
        for g in sorted(g_items, key=lambda i: i.unit):
            for t in list(tags):
                if not values_match(g.value, t.value):
                    continue
                if remaining > 0:
                    value += 1
                    remaining -= 1
                if t.change == g.change:
                    change += 1
                if t.unit == g.unit:
                    unit += 1
                    tags.remove(t)
                    break
    return {
        "value": _f(value, n_gold, n_pred),
        "value+unit": _f(unit, n_gold, n_pred),
        "value+change": _f(change, n_gold, n_pred),
    }


def score_strict(gold: list[list[Item]], pred: list[list[Item]]) -> dict[str, PRF]:
    n_gold = sum(map(len, gold))
    n_pred = sum(map(len, pred))
    rules: dict[str, Callable[[Item, Item], bool]] = {
        "value": lambda g, p: values_match(g.value, p.value),
        "value+unit": lambda g, p: values_match(g.value, p.value) and g.unit == p.unit,
        "value+change": lambda g, p: values_match(g.value, p.value) and g.change == p.change,
    }
    out: dict[str, PRF] = {}
    for name, same in rules.items():
        correct = 0
        for g_items, p_items in zip(gold, pred, strict=True):
            free = list(p_items)
            for g in g_items:
                hit = next((p for p in free if same(g, p)), None)
                if hit is not None:
                    free.remove(hit)
                    correct += 1
        out[name] = _f(correct, n_gold, n_pred)
    return out
