"""Sentence embeddings without torch: static token vectors distilled from all-MiniLM-L6-v2.

``train/static_embeddings.py`` distils the encoder (Apache 2.0) into one vector per WordPiece
token with model2vec and ships them in ``models/minilm-static/``. A sentence's embedding is
the mean of its tokens' vectors, L2-normalised: a tokenizer call and a numpy mean, about
ten thousand sentences a second on one core, where the encoder itself manages about a
hundred on two.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from claimledger.errors import ModelError

FOLDER = "minilm-static"
MAX_TOKENS = 512


@dataclass(frozen=True)
class StaticEmbeddings:
    tokenizer: Any  # tokenizers.Tokenizer
    vectors: NDArray[np.float32]
    unk_id: int | None
    meta: dict[str, Any]
    digest: str

    @property
    def dims(self) -> int:
        return int(self.vectors.shape[1])

    def encode(self, texts: list[str]) -> NDArray[np.float32]:
        """One L2-normalised row per text; a text with no known token gets zeros."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for row, text in enumerate(texts):
            # one text at a time: encode_batch would start the tokenizer's thread pool, which
            # then warns on stderr in every forked process
            enc = self.tokenizer.encode(text, add_special_tokens=False)
            ids = [i for i in enc.ids[:MAX_TOKENS] if i != self.unk_id]
            if ids:
                mean = self.vectors[ids].mean(axis=0)
                norm = float(np.linalg.norm(mean))
                if norm:
                    out[row] = mean / norm
        return out


@lru_cache(maxsize=1)
def load_embeddings() -> StaticEmbeddings:
    """The shipped static embeddings, read from the installed package."""
    folder = resources.files("claimledger").joinpath("models", FOLDER)
    try:
        from tokenizers import Tokenizer

        raw_vectors = folder.joinpath("embeddings.npy").read_bytes()
        raw_tokenizer = folder.joinpath("tokenizer.json").read_bytes()
        meta = json.loads(folder.joinpath("meta.json").read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_str(raw_tokenizer.decode("utf-8"))
        vectors = np.load(io.BytesIO(raw_vectors), allow_pickle=False).astype(np.float32)
    except Exception as exc:  # a missing file, a bad array, a tokenizer that will not parse
        raise ModelError(
            f"the sentence embeddings claimledger/models/{FOLDER}/ could not be read ({exc}); "
            "reinstall claimledger, or rebuild them with `./run train static_embeddings`"
        ) from exc
    if vectors.ndim != 2 or vectors.shape[0] != tokenizer.get_vocab_size():
        raise ModelError(
            f"claimledger/models/{FOLDER}/embeddings.npy has shape {vectors.shape}, which does "
            f"not fit its tokenizer ({tokenizer.get_vocab_size()} tokens); rebuild both with "
            "`./run train static_embeddings`"
        )
    digest = hashlib.sha256(raw_vectors + raw_tokenizer).hexdigest()
    return StaticEmbeddings(tokenizer, vectors, tokenizer.token_to_id("[UNK]"), meta, digest)
