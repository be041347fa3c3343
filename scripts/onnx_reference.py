"""Reference vectors for the ONNX embedder's test (crates/models/tests/onnx.rs).

Runs the same model through onnxruntime's Python API with the reference BERT tokenizer
(Hugging Face `tokenizers`, MiniLM's vocabulary from models/minilm-static-256) and
sentence-transformers' pooling (mean over the attention mask, then L2 normalization), and
prints the first dimensions of each sentence's vector. Needs: onnxruntime, numpy, tokenizers.

    python scripts/onnx_reference.py "$RAPPORT_ONNX_MODEL"
"""

import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import BertWordPieceTokenizer

SENTENCES = [
    "I love jazz music",
    "My daughter's birthday is on Saturday.",
    "I'm allergic to peanuts and shellfish.",
    "Café au lait, s'il vous plaît!",
]
DIMS = 8

vocab = Path(__file__).resolve().parent.parent / "models/minilm-static-256/vocab.txt"
tok = BertWordPieceTokenizer(str(vocab), lowercase=True, strip_accents=True)
session = ort.InferenceSession(sys.argv[1], providers=["CPUExecutionProvider"])
for text in SENTENCES:
    enc = tok.encode(text)
    ids = np.array([enc.ids], dtype=np.int64)
    feeds = {
        "input_ids": ids,
        "attention_mask": np.ones_like(ids),
        "token_type_ids": np.zeros_like(ids),
    }
    (hidden,) = session.run(["last_hidden_state"], feeds)
    v = hidden[0].mean(axis=0)
    v = v / np.linalg.norm(v)
    print(repr(text), enc.ids, ", ".join(f"{x:.6f}" for x in v[:DIMS]))
