//! Throughput of the optional ONNX embedder on the same short texts as `embed`.
//!
//! `eval "$(scripts/setup-onnx)"; cargo bench -p rapport-models --features onnx --bench embed_onnx`

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rapport_core::Embedder;
use rapport_models::{OnnxConfig, OnnxEmbedder};

const TEXTS: [&str; 8] = [
    "I love jazz music",
    "My daughter's birthday is on Saturday.",
    "I'm training for a marathon in Berlin this May!",
    "Can you recommend a vegetarian restaurant nearby?",
    "I work as a nurse and my shifts are at night.",
    "We adopted a golden retriever called Rex.",
    "Prefer short answers, please.",
    "I'm allergic to peanuts and shellfish.",
];

fn bench(c: &mut Criterion) {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let mut group = c.benchmark_group("onnx_embedder");
    group.throughput(Throughput::Elements(TEXTS.len() as u64));
    group.measurement_time(Duration::from_secs(10));
    for threads in [1, 0] {
        let e = OnnxEmbedder::load(&OnnxConfig {
            model: var("RAPPORT_ONNX_MODEL").into(),
            library: var("RAPPORT_ONNX_LIBRARY").into(),
            threads,
        })
        .expect("the model loads");
        let name = if threads == 0 {
            "all cores"
        } else {
            "1 thread"
        };
        group.bench_function(format!("embed_8_short_texts/{name}"), |b| {
            b.iter(|| {
                for t in TEXTS {
                    black_box(e.embed(black_box(t)));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
