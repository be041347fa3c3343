//! Retrieval evaluation (EVAL.md §1): long-term conversational memory on `*.retrieval.jsonl`.
//!
//! The record types, a pure scorer ([`score`]) that turns ranked lists and gold evidence into a
//! [`RetrievalReport`] (so predictions can be re-scored independently), and a driver
//! ([`run_retrieval_eval`]) that feeds each scope to a [`Retriever`] and asks it every scored
//! question. [`EngineRetriever`] drives the library as an app would (what `rapport eval
//! retrieval` runs); [`IndexRetriever`] drives `rapport-index` directly, for tuning the index.

mod engine_driver;
mod index_driver;
mod metrics;
mod records;

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::Path;

pub use engine_driver::EngineRetriever;
pub use index_driver::{IndexRetriever, scope_docs};
pub use metrics::{KS, Metrics, RetrievalReport, score};
pub use records::{
    Prediction, Question, Scope, Session, Turn, parse_time, read_predictions, read_scopes,
};

/// How many turn ids a prediction holds at least.
pub const MIN_RANKED: usize = 20;

/// Errors of the retrieval harness.
#[derive(Debug, thiserror::Error)]
pub enum RetrievalError {
    /// The data or prediction file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of the data file is not a valid scope record.
    #[error("{path} line {line}: {source}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
    /// The engine under evaluation could not be opened.
    #[error("engine: {message}")]
    Engine {
        /// What went wrong.
        message: String,
    },
}

/// A system under evaluation: ingests a scope's history, then answers its questions.
pub trait Retriever {
    /// Ingests every session of the scope, in order, with its time.
    fn ingest(&mut self, scope: &Scope);
    /// Turn ids for the question, best first.
    fn retrieve(&mut self, scope: &Scope, question: &Question) -> Vec<String>;
    /// Tokens (whitespace words × 1.3) of the context block the system would build for the
    /// question with its default budget, if it builds one.
    fn context_tokens(&mut self, _scope: &Scope, _question: &Question) -> Option<f64> {
        None
    }
}

/// Runs the protocol over `scopes`, writing one [`Prediction`] per scored question to `out`
/// (JSON lines) when given. `progress` is told (scopes done, scopes in all) after each scope.
pub fn evaluate(
    scopes: &[Scope],
    out: Option<&Path>,
    retriever: &mut impl Retriever,
    mut progress: impl FnMut(usize, usize),
) -> Result<RetrievalReport, RetrievalError> {
    let mut predictions = HashMap::new();
    let mut records = Vec::new();
    let (mut tokens, mut counted) = (0.0, 0usize);
    for (done, scope) in scopes.iter().enumerate() {
        progress(done, scopes.len());
        retriever.ingest(scope);
        for q in scope.questions.iter().filter(|q| q.is_scored()) {
            let ranked = retriever.retrieve(scope, q);
            if let Some(t) = retriever.context_tokens(scope, q) {
                tokens += t;
                counted += 1;
            }
            records.push(Prediction {
                qid: q.qid.clone(),
                ranked_turns: ranked.clone(),
            });
            predictions.insert(q.qid.clone(), ranked);
        }
    }
    progress(scopes.len(), scopes.len());
    if let Some(path) = out {
        write_predictions(path, &records)?;
    }
    let mut report = score(scopes.iter().flat_map(|s| &s.questions), &predictions);
    report.mean_context_tokens = (counted > 0).then(|| tokens / counted as f64);
    Ok(report)
}

/// Reads `path` and runs [`evaluate`] over all its scopes.
pub fn run_retrieval_eval(
    path: &Path,
    out: Option<&Path>,
    retriever: &mut impl Retriever,
    progress: impl FnMut(usize, usize),
) -> Result<RetrievalReport, RetrievalError> {
    evaluate(&read_scopes(path)?, out, retriever, progress)
}

fn write_predictions(path: &Path, records: &[Prediction]) -> Result<(), RetrievalError> {
    let io = |source| RetrievalError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut w = BufWriter::new(std::fs::File::create(path).map_err(io)?);
    for r in records {
        let line = serde_json::to_string(r).expect("a prediction serializes");
        writeln!(w, "{line}").map_err(io)?;
    }
    w.flush().map_err(io)
}
