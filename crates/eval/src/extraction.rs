//! Extraction evaluation (EVAL.md §2): the facts a speaker reveals about themselves, on
//! `*.extraction.jsonl` (MSC persona facts).
//!
//! Each dialogue is ingested with each speaker as a separate user (every turn a user-role
//! message of its speaker); the learner runs; each speaker's current facts, rendered as
//! first-person statements, are scored against that speaker's gold facts by token F1
//! ([`score`]). [`run_extraction_eval`] drives the built-in learner over a file.

mod driver;
mod metrics;
#[cfg(test)]
mod msc_run;
mod records;

use std::io::{BufWriter, Write};
use std::path::Path;

pub use driver::{predict, speaker_events};
pub use metrics::{ExtractionReport, Score, score, token_f1, tokens};
pub use records::{Dialogue, GoldTurn, Prediction, gold_by_speaker, read_dialogues};

/// Errors of the extraction harness.
#[derive(Debug, thiserror::Error)]
pub enum ExtractionError {
    /// The data or prediction file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of the data file is not a valid dialogue record.
    #[error("{path} line {line}: {source}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

/// Runs the protocol over `dialogues` with the built-in learner, writing one [`Prediction`] per
/// (dialogue, speaker) to `out` (JSON lines) when given. `progress(done, total)` is called after
/// each dialogue.
pub fn evaluate(
    dialogues: &[Dialogue],
    out: Option<&Path>,
    mut progress: impl FnMut(usize, usize),
) -> Result<ExtractionReport, ExtractionError> {
    let mut predictions = Vec::new();
    for (i, dialogue) in dialogues.iter().enumerate() {
        predictions.extend(predict(dialogue));
        progress(i + 1, dialogues.len());
    }
    if let Some(path) = out {
        write_predictions(path, &predictions)?;
    }
    Ok(score(dialogues, &predictions))
}

/// Reads `data` (a `*.extraction.jsonl` file) and runs [`evaluate`] over all its dialogues.
pub fn run_extraction_eval(
    data: &Path,
    out: Option<&Path>,
    progress: impl FnMut(usize, usize),
) -> Result<ExtractionReport, ExtractionError> {
    evaluate(&read_dialogues(data)?, out, progress)
}

fn write_predictions(path: &Path, records: &[Prediction]) -> Result<(), ExtractionError> {
    let io = |source| ExtractionError::Io {
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
