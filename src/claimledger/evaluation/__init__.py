"""Reading the shared evaluation sets and scoring claimledger's output against them.

Used by the quality gate (``tests/test_quality_gate.py``) and by the benchmarks in
``bench/``, so that both score with the same rules. These modules read gold data and score
records or ``claimledger.model`` dataclasses; they import no extraction stage, so importing
them never starts spaCy.

- ``polnear``: PolNeAR attributions, per-role exact and overlap span F1;
- ``newsquant``: NewsQuant quantities, value / value+change / value+unit F1;
- ``checkthat``: CheckThat! 2024 check-worthiness, P/R/F1 of the positive class.

The data is never copied into the repository or the package: it is read at run time from
``../shared/data`` beside the repository, or from the folder named by the environment
variable ``CLAIMLEDGER_SHARED_DATA``.
"""

from __future__ import annotations

import os
from pathlib import Path

# src/claimledger/evaluation/__init__.py -> the repository root
REPOSITORY = Path(__file__).resolve().parents[3]
ENV_VAR = "CLAIMLEDGER_SHARED_DATA"


def shared_data() -> Path:
    """The shared evaluation data folder: ``$CLAIMLEDGER_SHARED_DATA`` when set, else
    ``../shared/data`` beside the repository."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return REPOSITORY.parent / "shared" / "data"
