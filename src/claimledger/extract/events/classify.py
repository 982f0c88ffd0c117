"""The event-type classifier: probabilities over taxonomy codes for a sentence or snippet.

One multinomial logistic regression over three kinds of features: sublinear TF-IDF word
unigrams and bigrams (numbers folded to ``0``), L2-normalised; sublinear TF-IDF character
3- to 5-grams within each word, L2-normalised apart; and the text's sentence embedding by
all-MiniLM-L6-v2 itself, run with numpy (``nlp/encoder.py``; a model trained before that
used the static token vectors of ``extract/checkworthy/embed.py``, and still loads).
``train/events.py`` fits it and the package ships it in ``models/events.json.gz``, with the
provenance of every training source and its licence under ``meta``. Inference is one
regular-expression pass, dictionary lookups (each word's character n-gram rows are cached
per process), the encoder (10 to 15 ms a sentence) and a few small matrix
products and a softmax in numpy. The pipeline calls it only for the triggers the words
leave open.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np
from numpy.typing import NDArray

from claimledger.errors import ModelError
from claimledger.extract.checkworthy.embed import MAX_TOKENS, load_embeddings
from claimledger.extract.events.taxonomy import CODES
from claimledger.nlp.encoder import load_encoder, load_meta

MODEL_FILE = "events.json.gz"
# the sentence embeddings a model was trained with, by the folder its meta names
ENCODER = "claimledger/models/minilm"  # all-MiniLM-L6-v2 itself, run by nlp/encoder.py
STATIC = "claimledger/models/minilm-static"  # its static token vectors
FORMAT = 2
CHAR_SIZES = (3, 4, 5)  # character n-grams of each word, padded with a space each side
MAX_MODEL_BYTES = 256 << 20  # a model file, packed or not; the shipped one: 1 MiB, 4 unpacked
CACHE_LIMIT = 200_000  # words remembered (char n-gram rows, WordPiece ids) before forgetting
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*\d|\d")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, numbers as ``0``."""
    return ["0" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]


def word_terms(toks: Sequence[str]) -> list[str]:
    """The word features of a text's tokens: the tokens and adjacent pairs."""
    return [*toks, *(f"{a} {b}" for a, b in pairwise(toks))]


def terms(text: str) -> list[str]:
    """The word features of a text: lower-cased tokens and adjacent pairs, numbers as ``0``."""
    return word_terms(tokens(text))


def char_terms(word: str) -> list[str]:
    """The character n-grams of one token (CHAR_SIZES), within the word padded by spaces."""
    padded = f" {word} "
    return [padded[i : i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)]


_LOG1P_COUNTS = tuple(1.0 + math.log(n) for n in range(1, 65))  # sublinear tf of counts 1..64


def sublinear_rows(counts: dict[int, int]) -> tuple[list[int], list[float]]:
    """Rows and their 1 + log(count), in row order (the sums then match training's)."""
    rows = sorted(counts)
    table = _LOG1P_COUNTS
    return rows, [
        table[n - 1] if n <= len(table) else 1.0 + math.log(n)
        for n in map(counts.__getitem__, rows)
    ]


_NO_ROWS: list[int] = []
_NO_VALUES: NDArray[np.float64] = np.zeros(0)
_PIECES: dict[str, tuple[int, ...]] = {}  # whitespace-separated chunk -> its WordPiece ids


def embedding(text: str, kind: str) -> NDArray[np.float64]:
    """The text's sentence embedding of ``kind``: ENCODER, all-MiniLM-L6-v2 itself
    (``nlp/encoder.py``), or STATIC, its static token vectors (``sentence_embedding``)."""
    if kind == ENCODER:
        return load_encoder().embed(text).astype(np.float64)
    return sentence_embedding(text)


def sentence_embedding(text: str) -> NDArray[np.float64]:
    """The text's static sentence embedding as extract/checkworthy/embed.py computes it (the
    mean of its first MAX_TOKENS WordPiece vectors, unknown tokens left out, L2-normalised),
    with each whitespace-separated chunk tokenized once per process: BERT's normaliser and
    pre-tokenizer work within such chunks, so the ids are the same as the whole text's."""
    static = load_embeddings()
    ids: list[int] = []
    for chunk in text.split():
        pieces = _PIECES.get(chunk)
        if pieces is None:
            if len(_PIECES) >= CACHE_LIMIT:
                _PIECES.clear()
            pieces = tuple(static.tokenizer.encode(chunk, add_special_tokens=False).ids)
            _PIECES[chunk] = pieces
        ids.extend(pieces)
        if len(ids) >= MAX_TOKENS:
            break
    unk = static.unk_id
    kept = [i for i in ids[:MAX_TOKENS] if i != unk]
    if not kept:
        return np.zeros(static.dims)
    total = static.vectors[kept].sum(axis=0, dtype=np.float64)
    norm = float(np.sqrt(total @ total))
    return total / norm if norm else np.zeros(static.dims)


@dataclass(frozen=True)
class Model:
    codes: tuple[str, ...]  # the order of the weight columns; taxonomy.CODES
    index: dict[str, int]  # word term -> row of idf and word_weights
    idf: NDArray[np.float64]  # one per word term
    word_weights: NDArray[np.float64]  # word terms x codes
    char_index: dict[str, int]  # character n-gram -> row of char_idf and char_weights
    char_idf: NDArray[np.float64]
    char_weights: NDArray[np.float64]  # character n-grams x codes
    embedding_weights: NDArray[np.float64]  # embedding dimensions x codes
    bias: NDArray[np.float64]  # one per code
    meta: dict[str, Any]
    digest: str = ""  # sha256 of the model file
    embedder: str = STATIC  # the sentence embeddings it was trained with (``embedding``)
    # token -> the rows of its known character n-grams, per process
    _char_rows: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def char_rows(self, token: str) -> tuple[int, ...]:
        """The rows of the token's character n-grams that the model knows (one per occurrence)."""
        rows = self._char_rows.get(token)
        if rows is None:
            if len(self._char_rows) >= CACHE_LIMIT:
                self._char_rows.clear()
            index = self.char_index
            rows = tuple(index[g] for g in char_terms(token) if g in index)
            self._char_rows[token] = rows
        return rows

    def features(
        self, text: str
    ) -> tuple[list[int], NDArray[np.float64], list[int], NDArray[np.float64]]:
        """The text's known word rows and L2-normalised TF-IDF values, and the same for its
        character n-grams."""
        toks = tokens(text)
        words: dict[int, int] = {}
        index = self.index
        for term in word_terms(toks):
            row = index.get(term)
            if row is not None:
                words[row] = words.get(row, 0) + 1
        chars: dict[int, int] = {}
        for tok, n in Counter(toks).items():
            for row in self.char_rows(tok):
                chars[row] = chars.get(row, 0) + n
        out: list[Any] = []
        for counts, idf in ((words, self.idf), (chars, self.char_idf)):
            if not counts:
                out += [_NO_ROWS, _NO_VALUES]
                continue
            rows, tf = sublinear_rows(counts)
            values = np.array(tf) * idf[rows]
            norm = math.sqrt(values @ values)
            out += [rows, values / norm]
        return out[0], out[1], out[2], out[3]

    def logits(self, text: str) -> NDArray[np.float64]:
        word_rows, word_values, char_rows, char_values = self.features(text)
        z = self.bias + embedding(text, self.embedder) @ self.embedding_weights
        if len(word_rows):
            z += word_values @ self.word_weights[word_rows]
        if len(char_rows):
            z += char_values @ self.char_weights[char_rows]
        return z

    def probabilities(self, text: str) -> NDArray[np.float64]:
        z = self.logits(text)
        e = np.exp(z - z.max())
        out: NDArray[np.float64] = e / e.sum()
        return out


def _table(
    vocabulary: dict[str, list[float]], n_codes: int
) -> tuple[dict[str, int], NDArray[np.float64], NDArray[np.float64]]:
    table = np.asarray(list(vocabulary.values()), dtype=np.float64).reshape(-1, n_codes + 1)
    return {t: i for i, t in enumerate(vocabulary)}, table[:, 0].copy(), table[:, 1:].copy()


def model_from_json(data: dict[str, Any], digest: str = "") -> Model:
    if data.get("format") not in (1, FORMAT):  # format 1: no character n-grams
        raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
    codes = tuple(data["codes"])
    # term -> [idf, weight per code], for word terms and for character n-grams
    index, idf, word_weights = _table(data["vocabulary"], len(codes))
    char_index, char_idf, char_weights = _table(data.get("char_vocabulary", {}), len(codes))
    return Model(
        codes=codes,
        index=index,
        idf=idf,
        word_weights=word_weights,
        char_index=char_index,
        char_idf=char_idf,
        char_weights=char_weights,
        embedding_weights=np.asarray(data["embedding_weights"], dtype=np.float64),
        bias=np.asarray(data["bias"], dtype=np.float64),
        meta=dict(data["meta"]),
        digest=digest,
        embedder=ENCODER if _embedder(data["meta"]) == ENCODER else STATIC,
    )


def _embedder(meta: dict[str, Any]) -> str:
    embeddings = meta.get("embeddings", {})
    return str(embeddings.get("folder", STATIC)) if isinstance(embeddings, dict) else STATIC


def load_model(path: str | None = None) -> Model:
    """The event-type model: the shipped one, or the file at ``path`` (a model that
    ``train/events.py --out`` wrote, e.g. one that also learnt from a user's own labelled
    snippets), read once per process and checked against the taxonomy and the sentence
    embeddings it was trained with."""
    return _load_model(None if path is None else str(path))


@lru_cache(maxsize=4)
def _load_model(path: str | None) -> Model:
    name = f"claimledger/models/{MODEL_FILE}" if path is None else path
    fix = (
        "reinstall claimledger, or rebuild it with `python train/events.py`"
        if path is None
        else "give a model file that `python train/events.py --out FILE` wrote, or leave "
        "out --event-model (and CLAIMLEDGER_EVENT_MODEL) for the shipped model"
    )
    retrain = "re-train it with `python train/events.py" + ("`" if path is None else " --out FILE`")
    try:
        if path is None:
            raw = resources.files("claimledger").joinpath("models", MODEL_FILE).read_bytes()
        else:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_MODEL_BYTES + 1)
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unzipped:
            text = unzipped.read(MAX_MODEL_BYTES + 1)
        if len(raw) > MAX_MODEL_BYTES or len(text) > MAX_MODEL_BYTES:
            raise ValueError(f"larger than {MAX_MODEL_BYTES >> 20} MiB")
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a model: the JSON holds no object")
        model = model_from_json(data, hashlib.sha256(raw).hexdigest())
    except (OSError, ValueError, KeyError, TypeError, EOFError, AttributeError) as exc:
        raise ModelError(f"the event-type model {name} could not be read ({exc}); {fix}") from exc
    if model.codes != CODES:
        raise ModelError(
            f"the event-type model {name} names other types than claimledger's taxonomy "
            f"(extract/events/taxonomy.py); {retrain}"
        )
    if model.embedder == ENCODER:  # its meta only: the weights load at the first sentence
        encoder = load_meta()
        dims, found, folder = int(encoder["hidden"]), str(encoder["weights_sha256"]), "minilm"
    else:
        static = load_embeddings()
        dims, found, folder = static.dims, static.digest, "minilm-static"
    trained_with = model.meta.get("embeddings", {}).get("sha256")
    if model.embedding_weights.shape != (dims, len(CODES)) or trained_with != found:
        raise ModelError(
            f"the event-type model {name} was trained with other sentence embeddings than "
            f"claimledger/models/{folder}/ holds (sha256 {str(trained_with)[:16]}, found "
            f"{found[:16]}); {retrain}"
        )
    return model


def type_scores(text: str, path: str | None = None) -> dict[str, float]:
    """The probability of each taxonomy code for ``text`` (they sum to 1), by the shipped
    model or the one at ``path`` (``load_model``)."""
    model = load_model(path)
    return dict(zip(model.codes, model.probabilities(text).tolist(), strict=True))
