//! Attribute inference evaluation (EVAL.md §3): what a user's authored text reveals, on
//! `*.attributes.jsonl` (SynthPAI).
//!
//! Each user's texts are ingested as authored documents into a fresh engine whose tenant allows
//! every sensitive class; the inferred attributes are read back from the profile ([`predict`])
//! and scored top-1 with abstentions wrong ([`score`]), with a calibration table. Users can be
//! restricted to one half ([`Split`]): cues are tuned on one half and the other is held out.

mod driver;
mod records;
mod scoring;

use std::fmt;
use std::io::{BufWriter, Write};
use std::path::Path;

pub use driver::predict;
pub use records::{Guess, Prediction, Split, UserTexts, read_users};
pub use scoring::{
    ATTRIBUTES, AttributeScore, AttributesReport, BUCKETS, correct, education_level, score,
};

/// Errors of the attributes harness.
#[derive(Debug, thiserror::Error)]
pub enum AttributesError {
    /// The data or prediction file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of the data file is not a valid user record.
    #[error("{path} line {line}: {source}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
    /// A user id the engine does not accept.
    #[error("invalid user id {0}")]
    InvalidUser(String),
    /// The engine failed.
    #[error(transparent)]
    Engine(#[from] rapport_engine::Error),
}

/// How to run the evaluation.
#[derive(Debug, Clone, Copy)]
pub struct AttributesRun<'a> {
    /// The `*.attributes.jsonl` file.
    pub data: &'a Path,
    /// Where to write the prediction records (JSON lines).
    pub out: Option<&'a Path>,
    /// A fresh directory for the engine's store.
    pub work_dir: &'a Path,
    /// Which users.
    pub split: Split,
    /// Inferences below this confidence are abstentions.
    pub min_confidence: f32,
}

/// Which optional lexica the engine will read (from their environment variables), for the
/// report's header: a result with the gender lexicon is not one without it.
pub fn lexica() -> String {
    let set = |var: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map_or("unset".to_string(), |v| v.to_string_lossy().into_owned())
    };
    format!(
        "gender lexicon {}, Big Five lexicon {}",
        set(rapport_infer::GENDER_LEXICON_ENV),
        set(rapport_infer::LEXICON_ENV)
    )
}

/// Reads the data, predicts the chosen users through the engine, writes the predictions and
/// scores them.
pub fn run_attributes_eval(
    run: AttributesRun<'_>,
    progress: impl FnMut(usize, usize),
) -> Result<AttributesReport, AttributesError> {
    let users: Vec<UserTexts> = read_users(run.data)?
        .into_iter()
        .filter(|u| run.split.contains(&u.user_id))
        .collect();
    let predictions = predict(&users, run.work_dir, run.min_confidence, progress)?;
    if let Some(path) = run.out {
        write_predictions(path, &predictions)?;
    }
    Ok(score(&users, &predictions))
}

fn write_predictions(path: &Path, records: &[Prediction]) -> Result<(), AttributesError> {
    let io = |source| AttributesError::Io {
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

impl fmt::Display for AttributesReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "users: {}", self.users)?;
        writeln!(
            f,
            "{:<22} {:>8} {:>9} {:>10}",
            "attribute", "top-1", "correct", "abstained"
        )?;
        let mut abstained = 0;
        for name in ATTRIBUTES {
            let Some(s) = self.attributes.get(name) else {
                continue;
            };
            abstained += s.abstained;
            let count = format!("{}/{}", s.correct, s.labelled);
            writeln!(
                f,
                "{name:<22} {:>8.3} {count:>9} {:>10}",
                s.accuracy(),
                s.abstained
            )?;
        }
        writeln!(
            f,
            "{:<22} {:>8.3} {:>9} {abstained:>10}",
            "mean",
            self.mean(),
            ""
        )?;
        writeln!(f, "calibration (predictions made, by confidence):")?;
        writeln!(
            f,
            "{:<12} {:>11} {:>9}",
            "confidence", "predictions", "accuracy"
        )?;
        for (b, (n, right)) in self.calibration.iter().enumerate() {
            let (lo, hi) = (b as f32 / BUCKETS as f32, (b + 1) as f32 / BUCKETS as f32);
            let acc = if *n == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", *right as f64 / *n as f64)
            };
            writeln!(f, "{:<12} {n:>11} {acc:>9}", format!("{lo:.1}-{hi:.1}"))?;
        }
        Ok(())
    }
}
