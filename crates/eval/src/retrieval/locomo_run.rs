//! The LoCoMo development run (EVAL.md §1) on [`IndexRetriever`], as ignored tests because they
//! need the data set:
//!
//! `cargo test --release -p rapport-eval locomo -- --ignored --nocapture`
//!
//! `RAPPORT_LOCOMO` overrides the data path, `RAPPORT_OUT` writes predictions, `RAPPORT_TUNING`
//! overrides knobs (`vector=0.5,neighbour=0.2`), `RAPPORT_LEXICAL_ONLY=1` drops the embedder,
//! `RAPPORT_DEBUG_QID` names the question `locomo_debug_question` explains.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rapport_core::Embedder;
use rapport_index::{Fusion, Query, Tuning};

use super::{IndexRetriever, Question, Retriever, Scope, evaluate, read_scopes};

fn data_path() -> PathBuf {
    std::env::var("RAPPORT_LOCOMO")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/eval/locomo.retrieval.jsonl")
        })
}

fn embedder() -> Option<Box<dyn Embedder>> {
    if std::env::var("RAPPORT_LEXICAL_ONLY").is_ok() {
        return None;
    }
    Some(Box::new(rapport_models::StaticEmbedder::builtin()))
}

/// The default tuning with overrides from `RAPPORT_TUNING`.
fn tuning_from_env() -> Tuning {
    let mut t = Tuning::default();
    for pair in std::env::var("RAPPORT_TUNING")
        .unwrap_or_default()
        .split(',')
    {
        let Some((k, v)) = pair.split_once('=') else {
            continue;
        };
        let v: f32 = v.trim().parse().expect("a number");
        match k.trim() {
            "lexical" => t.lexical = v,
            "vector" => t.vector = v,
            "context" => t.context = v,
            "context_share" => t.context_share = v,
            "bigram" => t.bigram = v,
            "name_weight" => t.name_weight = v,
            "k1" => t.k1 = v,
            "b" => t.b = v,
            "neighbour" => t.neighbour = v,
            "neighbour_decay" => t.neighbour_decay = v,
            "neighbour_window" => t.neighbour_window = v as usize,
            "session" => t.session = v,
            "speaker_boost" => t.speaker_boost = v,
            "range_boost" => t.range_boost = v,
            "when_boost" => t.when_boost = v,
            "recency_boost" => t.recency_boost = v,
            "rrf" => t.fusion = Fusion::Rrf(v),
            other => panic!("unknown tuning knob {other}"),
        }
    }
    t
}

/// Times each retrieval of the wrapped retriever.
struct Timed<R> {
    inner: R,
    times: Vec<Duration>,
}

impl<R: Retriever> Retriever for Timed<R> {
    fn ingest(&mut self, scope: &Scope) {
        self.inner.ingest(scope);
    }

    fn retrieve(&mut self, scope: &Scope, question: &Question) -> Vec<String> {
        let start = Instant::now();
        let ranked = self.inner.retrieve(scope, question);
        self.times.push(start.elapsed());
        ranked
    }
}

#[test]
#[ignore = "needs the LoCoMo data set"]
fn locomo_retrieval() {
    let scopes = read_scopes(&data_path()).expect("LoCoMo data");
    let out = std::env::var("RAPPORT_OUT").ok().map(PathBuf::from);
    let (tuning, embedder) = (tuning_from_env(), embedder());
    let half = scopes.len() / 2;
    let parts = [
        ("first half", &scopes[..half]),
        ("second half", &scopes[half..]),
        ("all", &scopes[..]),
    ];
    for (name, part) in parts {
        let inner = IndexRetriever::new(embedder.as_deref(), tuning);
        let mut timed = Timed {
            inner,
            times: Vec::new(),
        };
        let target = if name == "all" { out.as_deref() } else { None };
        let report = evaluate(part, target, &mut timed).expect("evaluation runs");
        println!(
            "LoCoMo retrieval, {name} ({} scopes):\n{report}",
            part.len()
        );
        timed.times.sort();
        let pct = |p: f64| timed.times[((timed.times.len() - 1) as f64 * p) as usize];
        let index = timed.inner.index();
        println!(
            "search latency p50 {:?}, p99 {:?}; last scope: {} turns, {} index bytes per turn\n",
            pct(0.5),
            pct(0.99),
            index.len(),
            index.memory_bytes() / index.len().max(1)
        );
    }
}

/// Prints how one question's evidence and top hits were scored.
#[test]
#[ignore = "needs the LoCoMo data set"]
fn locomo_debug_question() {
    let qid = std::env::var("RAPPORT_DEBUG_QID").unwrap_or_default();
    let embedder = embedder();
    for scope in read_scopes(&data_path()).expect("LoCoMo data") {
        let Some(q) = scope.questions.iter().find(|q| q.qid == qid) else {
            continue;
        };
        let mut retriever = IndexRetriever::new(embedder.as_deref(), tuning_from_env());
        retriever.ingest(&scope);
        let query = Query::new(q.question.clone(), 10_000);
        let hits = retriever
            .index()
            .search_with(&query, embedder.as_deref(), retriever.tuning());
        println!("{} {:?}", q.question, q.evidence_turns);
        for (rank, h) in hits.iter().enumerate() {
            if rank < 5 || q.evidence_turns.contains(&h.id) {
                println!("{rank:>4} {:<8} {:.3} {:?}", h.id, h.score, h.components);
            }
        }
    }
}
