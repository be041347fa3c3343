//! Search latency and memory for a hot user with 1,000 turns.
//!
//! `cargo bench -p rapport-index --bench search` prints p50/p99 latency over many queries (with
//! the built-in static embedder, query embedding included) and the index's memory per turn,
//! then runs the criterion benchmarks.

use std::hint::black_box;
use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use criterion::Criterion;
use rapport_core::Embedder;
use rapport_index::{Doc, Query, UserIndex};
use rapport_models::StaticEmbedder;

const WORDS: &[&str] = &[
    "hiking",
    "trip",
    "mountains",
    "painting",
    "sunrise",
    "kids",
    "school",
    "dog",
    "cat",
    "guitar",
    "concert",
    "friends",
    "family",
    "support",
    "group",
    "adoption",
    "agency",
    "career",
    "counseling",
    "camping",
    "beach",
    "pottery",
    "class",
    "book",
    "reading",
    "garden",
    "flowers",
    "cooking",
    "recipe",
    "marathon",
    "running",
    "charity",
    "race",
    "job",
    "interview",
    "office",
    "meeting",
    "vacation",
    "paris",
    "museum",
    "art",
    "music",
    "violin",
    "piano",
    "weekend",
    "yesterday",
    "birthday",
    "party",
    "cake",
    "coffee",
    "movie",
    "game",
    "soccer",
    "team",
    "coach",
    "project",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn sentence(&mut self, len: usize) -> String {
        let filler = [
            "I", "really", "went", "to", "the", "with", "my", "and", "it", "was", "so", "fun",
        ];
        (0..len)
            .map(|i| {
                if i % 2 == 0 {
                    WORDS[self.next(WORDS.len())]
                } else {
                    filler[self.next(filler.len())]
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn build(turns: usize, embedder: &dyn Embedder) -> (UserIndex, usize) {
    let mut rng = Lcg(7);
    let mut index = UserIndex::new();
    let start = Utc.with_ymd_and_hms(2023, 1, 1, 10, 0, 0).unwrap();
    let mut raw = 0;
    for i in 0..turns {
        let session = i / 25;
        let len = 12 + rng.next(20);
        let mut doc = Doc::turn(
            format!("D{}:{}", session + 1, i % 25 + 1),
            rng.sentence(len),
            start + Duration::days(7 * session as i64),
            i as u64,
        );
        raw += doc.text.len() + doc.id.len();
        doc.speaker = Some(if i % 2 == 0 { "Caroline" } else { "Melanie" }.to_string());
        doc.session = Some(format!("S{}", session + 1));
        index.add_embedded(doc, embedder);
    }
    (index, raw)
}

fn queries() -> Vec<Query> {
    let mut rng = Lcg(11);
    (0..2000)
        .map(|i| {
            let who = if i % 2 == 0 { "Caroline" } else { "Melanie" };
            Query::new(format!("When did {who} go {}?", rng.sentence(5)), 20)
        })
        .collect()
}

fn main() {
    let embedder = StaticEmbedder::builtin();
    let (index, raw) = build(1000, &embedder);
    let qs = queries();
    for q in qs.iter().take(200) {
        black_box(index.search(q, Some(&embedder)));
    }
    let mut times: Vec<f64> = qs
        .iter()
        .map(|q| {
            let t = Instant::now();
            black_box(index.search(q, Some(&embedder)));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "1000-turn user, 256-d vectors, limit 20: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    println!(
        "memory: {} bytes in all, {:.0} bytes per turn beyond raw text ({} bytes of raw text not kept)",
        index.memory_bytes(),
        index.memory_bytes() as f64 / 1000.0,
        raw
    );

    let mut c = Criterion::default().configure_from_args();
    let mut i = 0;
    c.bench_function("search 1000 turns (hybrid, limit 20)", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            black_box(index.search(&qs[i], Some(&embedder)))
        })
    });
    c.bench_function("search 1000 turns (lexical only)", |b| {
        b.iter(|| {
            i = (i + 1) % qs.len();
            black_box(index.search(&qs[i], None))
        })
    });
    c.final_summary();
}
