"""Sentence embeddings from all-MiniLM-L6-v2 itself, run with numpy: no torch at run time.

``train/minilm_weights.py`` packs the encoder's weights (Apache 2.0) into
``models/minilm/``: the token embeddings and the dense layers as int8 rows with a float32
scale each, the rest as float32, and the tokenizer as the model has it. ``Encoder.encode``
runs BERT's forward pass as the model defines it (token, position and token-type
embeddings, layer norm; six layers of 12-head self-attention and a GELU feed-forward, each
followed by a residual layer norm), then the mean of the last layer's token states,
L2-normalised: the sentence-transformers recipe of this model. About 65 short texts a
second on one BLAS thread, 100 on two; claimledger calls it only where the static embeddings
(``extract/checkworthy/embed.py``) do not serve: the event-type classifier, for the
triggers the words leave open.
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

FOLDER = "minilm"
QKV = ("query", "key", "value")
# a text is cut to this many characters a token before tokenizing: a WordPiece token is at
# most a word of 100 characters, so what is cut would fall past the last token kept anyway
# unless the words were very long, and a 1 MB paragraph costs no more than its start
MAX_CHARS_PER_TOKEN = 32
CACHE_LIMIT = 20_000  # texts whose embedding is remembered, per process


@dataclass(frozen=True)
class Layer:
    qkv: NDArray[np.float32]  # (hidden, 3 * hidden): query, key and value side by side
    qkv_bias: NDArray[np.float32]
    out: NDArray[np.float32]
    out_bias: NDArray[np.float32]
    norm1: tuple[NDArray[np.float32], NDArray[np.float32]]
    up: NDArray[np.float32]
    up_bias: NDArray[np.float32]
    down: NDArray[np.float32]
    down_bias: NDArray[np.float32]
    norm2: tuple[NDArray[np.float32], NDArray[np.float32]]


class Encoder:
    """The packed encoder, its tokenizer and its provenance."""

    def __init__(self, arrays: dict[str, NDArray[Any]], tokenizer: Any, meta: dict[str, Any]):
        def matrix(name: str) -> NDArray[np.float32]:
            """An int8 matrix times its row scales, transposed for ``x @ W``."""
            q = arrays[name].astype(np.float32) * arrays[name + ".scale"][:, None]
            return np.ascontiguousarray(q.T)

        def vector(name: str) -> NDArray[np.float32]:
            return np.asarray(arrays[name], dtype=np.float32)

        self.tokenizer = tokenizer
        self.meta = meta
        self.heads = int(meta["heads"])
        self.eps = float(meta["layer_norm_eps"])
        self.max_tokens = int(meta["max_tokens"])
        self.words = matrix("embeddings.word_embeddings.weight").T.copy()  # (vocab, hidden)
        self.positions = vector("embeddings.position_embeddings.weight")
        self.token_type = vector("embeddings.token_type_embeddings.weight")[0]
        self.norm0 = (vector("embeddings.LayerNorm.weight"), vector("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(int(meta["layers"])):
            p = f"encoder.layer.{i}."
            self.layers.append(
                Layer(
                    qkv=np.hstack([matrix(p + f"attention.self.{n}.weight") for n in QKV]),
                    qkv_bias=np.concatenate([vector(p + f"attention.self.{n}.bias") for n in QKV]),
                    out=matrix(p + "attention.output.dense.weight"),
                    out_bias=vector(p + "attention.output.dense.bias"),
                    norm1=(
                        vector(p + "attention.output.LayerNorm.weight"),
                        vector(p + "attention.output.LayerNorm.bias"),
                    ),
                    up=matrix(p + "intermediate.dense.weight"),
                    up_bias=vector(p + "intermediate.dense.bias"),
                    down=matrix(p + "output.dense.weight"),
                    down_bias=vector(p + "output.dense.bias"),
                    norm2=(
                        vector(p + "output.LayerNorm.weight"),
                        vector(p + "output.LayerNorm.bias"),
                    ),
                )
            )
        self.dims = int(self.words.shape[1])
        self.cache: dict[str, NDArray[np.float32]] = {}

    def _norm(
        self, x: NDArray[Any], weights: tuple[NDArray[np.float32], NDArray[np.float32]]
    ) -> NDArray[np.float32]:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        out: NDArray[np.float32] = (x - mean) / np.sqrt(var + self.eps) * weights[0] + weights[1]
        return out

    def ids(self, text: str) -> list[int]:
        """[CLS], the text's WordPiece ids, [SEP]: at most ``max_tokens`` in all."""
        # one text at a time: encode_batch would start the tokenizer's thread pool, which
        # then warns on stderr in every forked process
        enc = self.tokenizer.encode(text[: self.max_tokens * MAX_CHARS_PER_TOKEN])
        ids = list(enc.ids)
        if len(ids) > self.max_tokens:
            ids = ids[: self.max_tokens - 1] + ids[-1:]
        return ids

    def embed(self, text: str) -> NDArray[np.float32]:
        """The text's sentence embedding (L2-normalised), remembered per process."""
        hit = self.cache.get(text)
        if hit is not None:
            return hit
        ids = self.ids(text)
        n, hidden = len(ids), self.dims
        size = hidden // self.heads
        x = self.words[ids] + self.positions[:n] + self.token_type
        x = self._norm(x, self.norm0)
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            q, k, v = (
                qkv[:, j * hidden : (j + 1) * hidden].reshape(n, self.heads, size).swapaxes(0, 1)
                for j in range(3)
            )
            scores = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(size))
            scores -= scores.max(axis=-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(axis=-1, keepdims=True)
            context = (weights @ v).transpose(1, 0, 2).reshape(n, hidden)
            x = self._norm(x + context @ layer.out + layer.out_bias, layer.norm1)
            up = x @ layer.up + layer.up_bias
            gelu = 0.5 * up * (1.0 + _erf(up / np.float32(np.sqrt(2.0))))  # BERT's, by erf
            up = gelu.astype(np.float32, copy=False)
            x = self._norm(x + up @ layer.down + layer.down_bias, layer.norm2)
        mean = x.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        out: NDArray[np.float32] = (mean / norm if norm else mean).astype(np.float32)
        if len(self.cache) >= CACHE_LIMIT:
            self.cache.clear()
        self.cache[text] = out
        return out

    def encode(self, texts: list[str]) -> NDArray[np.float32]:
        """One L2-normalised row per text."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self.embed(text)
        return out


def _erf(x: NDArray[np.float32]) -> NDArray[np.float32]:
    """The error function to within 1.5e-7 (Abramowitz and Stegun 7.1.26), in numpy."""
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    out: NDArray[np.float32] = (np.sign(x) * (1.0 - poly * np.exp(-a * a))).astype(np.float32)
    return out


@lru_cache(maxsize=1)
def load_meta() -> dict[str, Any]:
    """The shipped encoder's meta.json (its dimensions, its weights' sha256, its provenance)
    without loading its weights: what a model trained with it is checked against."""
    try:
        meta: dict[str, Any] = json.loads(_folder().joinpath("meta.json").read_text("utf-8"))
        return meta
    except (OSError, ValueError) as exc:
        raise _unreadable(exc) from exc


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The shipped encoder, read from the installed package once per process and checked
    against the digests its meta.json records."""
    from tokenizers import Tokenizer

    meta = load_meta()
    folder = _folder()
    try:
        weights = folder.joinpath("weights.npz").read_bytes()
        tokenizer_json = folder.joinpath("tokenizer.json").read_bytes()
        for data, key in ((weights, "weights_sha256"), (tokenizer_json, "tokenizer_sha256")):
            if hashlib.sha256(data).hexdigest() != meta[key]:
                raise ValueError(f"{key} does not match the file")
        with np.load(io.BytesIO(weights), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        tokenizer = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return Encoder(arrays, tokenizer, meta)
    except (OSError, ValueError, KeyError) as exc:
        raise _unreadable(exc) from exc


def _folder() -> Any:
    return resources.files("claimledger").joinpath("models", FOLDER)


def _unreadable(exc: Exception) -> ModelError:
    return ModelError(
        f"the sentence encoder claimledger/models/{FOLDER}/ could not be read ({exc}); "
        "reinstall claimledger, or pack it again with `python train/minilm_weights.py`"
    )
