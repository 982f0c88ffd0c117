"""Run quantulum3 over sentences (JSON list on stdin); print predictions and timing as JSON.

Runs inside bench/.peers/venv (see setup_peers.sh), never inside claimledger's environment.
"""

import json
import sys
import time

from quantulum3 import parser

sentences = json.load(sys.stdin)
started = time.perf_counter()
out = []
for text in sentences:
    items = []
    for q in parser.parse(text):
        unit = q.unit.name if q.unit is not None else "-"
        items.append({"value": q.value, "unit": unit, "surface": q.surface})
    out.append(items)
elapsed = time.perf_counter() - started
json.dump({"seconds": elapsed, "predictions": out}, sys.stdout)
