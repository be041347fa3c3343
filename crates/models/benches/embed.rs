//! Throughput of the built-in static embedder on short texts (chat-turn sized).
//!
//! `cargo bench -p rapport-models --bench embed`

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rapport_core::Embedder;
use rapport_models::StaticEmbedder;

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
    let e = StaticEmbedder::builtin();
    let mut group = c.benchmark_group("static_embedder");
    group.throughput(Throughput::Elements(TEXTS.len() as u64));
    group.bench_function("embed_8_short_texts", |b| {
        b.iter(|| {
            for t in TEXTS {
                black_box(e.embed(black_box(t)));
            }
        })
    });
    group.bench_function("embed_into_8_short_texts", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for t in TEXTS {
                e.embed_into(black_box(t), &mut out);
                black_box(&out);
            }
        })
    });
    group.bench_function("tokenize_8_short_texts", |b| {
        b.iter(|| {
            for t in TEXTS {
                e.tokenizer().for_each_id(black_box(t), |id| {
                    black_box(id);
                });
            }
        })
    });
    group.finish();
    c.bench_function("builtin_load", |b| {
        b.iter(|| black_box(StaticEmbedder::builtin()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
