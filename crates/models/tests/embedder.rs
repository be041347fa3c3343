//! The built-in static embedder: shape, normalization, semantics, and loading model directories.

use std::path::{Path, PathBuf};

use rapport_core::{Embedder, cosine};
use rapport_models::{Error, StaticEmbedder};

fn model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/minilm-static-256")
}

fn norm(v: &[f32]) -> f32 {
    v.iter().map(|x| x * x).sum::<f32>().sqrt()
}

#[test]
fn builtin_model_identity_and_unit_vectors() {
    let e = StaticEmbedder::builtin();
    assert_eq!(e.model_id(), "minilm-l6-v2-static-256-v1");
    assert_eq!(e.dim(), 256);
    let v = e.embed("I love jazz music");
    assert_eq!(v.len(), 256);
    assert!((norm(&v) - 1.0).abs() < 1e-5);
    assert_eq!(v, e.embed("I love jazz music"), "deterministic");
    assert_eq!(
        v,
        e.embed("  i LOVE jazz   music "),
        "case and spacing do not matter"
    );
}

#[test]
fn texts_without_known_tokens_give_the_zero_vector() {
    let e = StaticEmbedder::builtin();
    for text in ["", "   \n\t", "🎷🎺", &"x".repeat(300)] {
        let v = e.embed(text);
        assert_eq!(v.len(), 256);
        assert!(v.iter().all(|x| *x == 0.0), "{text:?}");
    }
}

#[test]
fn related_texts_are_closer_than_unrelated_ones() {
    let e = StaticEmbedder::builtin();
    let sim = |a: &str, b: &str| cosine(&e.embed(a), &e.embed(b));
    let triples = [
        (
            "I love jazz music",
            "my favourite genre is jazz",
            "I repaired my car's engine",
        ),
        ("I am vegetarian", "I don't eat meat", "I live in Berlin"),
        (
            "my dog is called Rex",
            "I have a puppy",
            "the stock market fell today",
        ),
        (
            "I'm training for a marathon",
            "I run every morning",
            "I bought a new laptop",
        ),
        (
            "I work as a nurse at the hospital",
            "my job is in healthcare",
            "I like pizza",
        ),
    ];
    for (anchor, near, far) in triples {
        let (n, f) = (sim(anchor, near), sim(anchor, far));
        assert!(n > f + 0.05, "{anchor:?}: near {n:.3} vs far {f:.3}");
    }
}

#[test]
fn synonyms_score_higher_than_random_words() {
    let e = StaticEmbedder::builtin();
    let sim = |a: &str, b: &str| cosine(&e.embed(a), &e.embed(b));
    assert!(sim("car", "automobile") > sim("car", "banana"));
    assert!(sim("happy", "glad") > sim("happy", "keyboard"));
    assert!(sim("Paris", "France") > sim("Paris", "guitar"));
}

#[test]
fn load_reads_the_committed_model_directory() {
    let loaded = StaticEmbedder::load(model_dir()).unwrap();
    let builtin = StaticEmbedder::builtin();
    assert_eq!(loaded.model_id(), builtin.model_id());
    assert_eq!(loaded.embed("hello world"), builtin.embed("hello world"));
}

fn copy_model(to: &Path) {
    for f in ["manifest.json", "vocab.txt", "embeddings.i8", "scales.f32"] {
        std::fs::copy(model_dir().join(f), to.join(f)).unwrap();
    }
}

#[test]
fn load_reports_missing_and_inconsistent_files() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        StaticEmbedder::load(dir.path()),
        Err(Error::Io { .. })
    ));

    copy_model(dir.path());
    let matrix = dir.path().join("embeddings.i8");
    let bytes = std::fs::read(&matrix).unwrap();
    std::fs::write(&matrix, &bytes[..bytes.len() - 1]).unwrap();
    let err = StaticEmbedder::load(dir.path()).unwrap_err();
    assert!(
        matches!(err, Error::InvalidModel(ref m) if m.contains("matrix")),
        "{err}"
    );

    copy_model(dir.path());
    let manifest = dir.path().join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("\"int8\"", "\"f16\"")).unwrap();
    let err = StaticEmbedder::load(dir.path()).unwrap_err();
    assert!(
        matches!(err, Error::InvalidModel(ref m) if m.contains("dtype")),
        "{err}"
    );

    std::fs::write(&manifest, "{not json").unwrap();
    assert!(matches!(
        StaticEmbedder::load(dir.path()),
        Err(Error::Manifest(_))
    ));
}
