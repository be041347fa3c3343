//! The ONNX embedder against the same model run by onnxruntime's Python API, and for sense.
//! Needs `RAPPORT_ONNX_MODEL` and `RAPPORT_ONNX_LIBRARY` (`eval "$(scripts/setup-onnx)"`):
//! `cargo nextest run -p rapport-models --features onnx`.
#![cfg(feature = "onnx")]

use std::path::PathBuf;

use rapport_core::{Embedder, cosine};
use rapport_models::{Error, OnnxConfig, OnnxEmbedder, StaticEmbedder};

fn config() -> OnnxConfig {
    let var = |name: &str| {
        PathBuf::from(std::env::var(name).unwrap_or_else(|_| {
            panic!("{name} is not set: run `eval \"$(scripts/setup-onnx)\"` first")
        }))
    };
    OnnxConfig {
        model: var("RAPPORT_ONNX_MODEL"),
        library: var("RAPPORT_ONNX_LIBRARY"),
        threads: 0,
    }
}

fn embedder() -> OnnxEmbedder {
    OnnxEmbedder::load(&config()).expect("the model loads")
}

/// Token ids and the first 8 dimensions printed by `scripts/onnx_reference.py` (onnxruntime
/// 1.32.0 in Python, Hugging Face `tokenizers`, sentence-transformers' pooling).
const REFERENCE: [(&str, &[u32], [f32; 8]); 4] = [
    (
        "I love jazz music",
        &[101, 1045, 2293, 4166, 2189, 102],
        [
            -0.000518, -0.084481, -0.010709, -0.031768, -0.071586, 0.101297, 0.085353, -0.019504,
        ],
    ),
    (
        "My daughter's birthday is on Saturday.",
        &[
            101, 2026, 2684, 1005, 1055, 5798, 2003, 2006, 5095, 1012, 102,
        ],
        [
            0.011155, -0.020820, 0.039704, -0.002703, -0.020526, 0.010009, -0.006090, -0.057514,
        ],
    ),
    (
        "I'm allergic to peanuts and shellfish.",
        &[
            101, 1045, 1005, 1049, 27395, 2000, 27613, 1998, 5806, 7529, 1012, 102,
        ],
        [
            0.034501, 0.000809, 0.051233, 0.004804, -0.013919, 0.007059, 0.053177, 0.081200,
        ],
    ),
    (
        "Café au lait, s'il vous plaît!",
        &[
            101, 7668, 8740, 21110, 2102, 1010, 1055, 1005, 6335, 29536, 2271, 20228, 4886, 2102,
            999, 102,
        ],
        [
            -0.018889, -0.033175, 0.007373, -0.043998, 0.008448, 0.110864, 0.043236, 0.075920,
        ],
    ),
];

#[test]
fn agrees_with_onnxruntime_in_python() {
    let e = embedder();
    assert_eq!(e.dim(), 384);
    assert!(e.model_id().starts_with("onnx:model:"), "{}", e.model_id());
    let tokenizer = StaticEmbedder::builtin().tokenizer().clone();
    for (text, ids, head) in REFERENCE {
        let mut ours = vec![101];
        ours.extend(tokenizer.encode(text));
        ours.push(102);
        assert_eq!(ours, ids, "token ids of {text:?}");
        let v = e.try_embed(text).unwrap();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{text:?} has norm {norm}");
        for (i, (a, b)) in v.iter().zip(head).enumerate() {
            assert!((a - b).abs() < 2e-4, "{text:?} dim {i}: {a} vs Python {b}");
        }
    }
    assert_eq!(e.failures(), 0);
}

#[test]
fn paraphrases_are_closer_than_unrelated_texts() {
    let e = embedder();
    let pairs = [
        (
            "I love jazz music",
            "jazz is my favourite genre",
            "I repaired my car's engine",
        ),
        (
            "I have two cats",
            "there are a couple of cats at my place",
            "the meeting is on Monday",
        ),
        (
            "I'm vegetarian",
            "I don't eat meat",
            "my brother lives in Chicago",
        ),
    ];
    for (a, near, far) in pairs {
        let v = e.embed(a);
        let (n, f) = (cosine(&v, &e.embed(near)), cosine(&v, &e.embed(far)));
        assert!(n > f + 0.1, "{a:?}: paraphrase {n:.3} vs unrelated {f:.3}");
    }
}

#[test]
fn nearest_neighbours_agree_with_the_static_embedder() {
    let (onnx, stat) = (embedder(), StaticEmbedder::builtin());
    let docs = [
        "We adopted a golden retriever called Rex.",
        "I work as a nurse and my shifts are at night.",
        "I'm training for a marathon in Berlin this May.",
        "I'm allergic to peanuts and shellfish.",
    ];
    let queries = [
        "what pet does she have",
        "what is his job",
        "running race",
        "food allergy",
    ];
    let best = |e: &dyn Embedder, q: &str| {
        let q = e.embed(q);
        (0..docs.len())
            .max_by(|&i, &j| {
                cosine(&q, &e.embed(docs[i])).total_cmp(&cosine(&q, &e.embed(docs[j])))
            })
            .unwrap()
    };
    for (i, q) in queries.iter().enumerate() {
        assert_eq!(best(&onnx, q), i, "onnx on {q:?}");
        assert_eq!(best(&stat, q), best(&onnx, q), "static vs onnx on {q:?}");
    }
}

#[test]
fn two_embedders_share_the_process_runtime() {
    let (a, b) = (embedder(), embedder());
    assert_eq!(a.model_id(), b.model_id());
    assert_eq!(a.embed("I love jazz"), b.embed("I love jazz"));
}

#[test]
fn empty_and_long_texts() {
    let e = embedder();
    assert!(e.embed("   ").iter().all(|&x| x == 0.0));
    let long = "I like hiking in the mountains with my dog. ".repeat(100);
    let v = e
        .try_embed(&long)
        .expect("long texts are truncated, not rejected");
    assert_eq!(v.len(), 384);
}

#[test]
fn a_missing_library_or_model_is_a_clear_error() {
    let good = config();
    let no_library = OnnxConfig {
        library: "/nonexistent/libonnxruntime.so".into(),
        ..good.clone()
    };
    let err = OnnxEmbedder::load(&no_library).unwrap_err();
    assert!(matches!(err, Error::Runtime { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("/nonexistent/libonnxruntime.so") && message.contains("setup-onnx"),
        "{message}"
    );
    let no_model = OnnxConfig {
        model: "/nonexistent/model.onnx".into(),
        ..good
    };
    let err = OnnxEmbedder::load(&no_model).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/model.onnx"), "{err}");
}
