//! The records of `*.extraction.jsonl` files and of prediction files, and reading them.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ExtractionError;

/// One dialogue between speakers, with the facts each reveals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dialogue {
    /// Dialogue id.
    pub dialogue_id: String,
    /// Turns, in order.
    #[serde(default)]
    pub turns: Vec<GoldTurn>,
    /// Gold facts for the whole dialogue, by speaker (instead of or besides per turn).
    #[serde(default)]
    pub gold_by_speaker: BTreeMap<String, Vec<String>>,
}

/// One turn with the facts its speaker reveals in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldTurn {
    /// Turn id.
    #[serde(default)]
    pub turn_id: String,
    /// Who spoke.
    pub speaker: String,
    /// What was said.
    pub text: String,
    /// Facts revealed in this turn, as short first-person sentences.
    #[serde(default)]
    pub gold_facts: Vec<String>,
}

/// The predicted facts of one speaker of one dialogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// Dialogue id.
    pub dialogue_id: String,
    /// The speaker.
    pub speaker: String,
    /// First-person fact sentences.
    pub facts: Vec<String>,
}

/// Each speaker's gold facts (trimmed, deduplicated, in order), speakers in order of first
/// appearance; a speaker without gold facts is included with an empty list.
pub fn gold_by_speaker(d: &Dialogue) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut add = |speaker: &str, facts: &[String]| {
        let at = match out.iter().position(|(s, _)| s == speaker) {
            Some(at) => at,
            None => {
                out.push((speaker.to_string(), Vec::new()));
                out.len() - 1
            }
        };
        for f in facts.iter().map(|f| f.trim()).filter(|f| !f.is_empty()) {
            if !out[at].1.iter().any(|g| g == f) {
                out[at].1.push(f.to_string());
            }
        }
    };
    for (speaker, facts) in &d.gold_by_speaker {
        add(speaker, facts);
    }
    for t in &d.turns {
        add(&t.speaker, &t.gold_facts);
    }
    out
}

/// Reads every dialogue of a `*.extraction.jsonl` file (blank lines skipped).
pub fn read_dialogues(path: &Path) -> Result<Vec<Dialogue>, ExtractionError> {
    let file = std::fs::File::open(path).map_err(|source| ExtractionError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| ExtractionError::Io {
            path: path.display().to_string(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let d = serde_json::from_str(&line).map_err(|source| ExtractionError::Json {
            path: path.display().to_string(),
            line: i + 1,
            source,
        })?;
        out.push(d);
    }
    Ok(out)
}
