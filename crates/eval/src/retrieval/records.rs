//! The records of `*.retrieval.jsonl` files and of prediction files, and reading them.

use std::io::{BufRead, BufReader};
use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::RetrievalError;

/// One conversation history owned by one or more users, with its questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    /// Scope id.
    pub scope: String,
    /// The users (speakers) the history belongs to.
    #[serde(default)]
    pub users: Vec<String>,
    /// Sessions, in order.
    pub sessions: Vec<Session>,
    /// Questions about the history.
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// One session of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Session id.
    pub session_id: String,
    /// When the session took place (ISO 8601, with or without offset).
    #[serde(default)]
    pub time: Option<String>,
    /// Turns, in order.
    pub turns: Vec<Turn>,
}

/// One turn of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// Turn id, unique within the scope.
    pub turn_id: String,
    /// Who spoke.
    #[serde(default)]
    pub speaker: Option<String>,
    /// `user` or `assistant`.
    #[serde(default)]
    pub role: Option<String>,
    /// What was said.
    pub text: String,
    /// A caption of an image shared with the turn.
    #[serde(default)]
    pub image_caption: Option<String>,
}

/// A question about a scope, with the turns that hold its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Question id.
    pub qid: String,
    /// The question.
    pub question: String,
    /// The reference answer (not used for retrieval).
    #[serde(default)]
    pub answer: Option<serde_json::Value>,
    /// Category; `adversarial` questions are not scored.
    #[serde(default)]
    pub category: String,
    /// When the question is asked, if given.
    #[serde(default)]
    pub time: Option<String>,
    /// Turn ids holding the answer.
    #[serde(default)]
    pub evidence_turns: Vec<String>,
    /// Session ids holding the answer, if given.
    #[serde(default)]
    pub evidence_sessions: Option<Vec<String>>,
}

impl Question {
    /// Whether the protocol scores this question: not adversarial, with some evidence turn.
    pub fn is_scored(&self) -> bool {
        self.category != "adversarial" && !self.evidence_turns.is_empty()
    }
}

/// One prediction record: the ranked turn ids for a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// Question id.
    pub qid: String,
    /// Turn ids, best first (at least [`MIN_RANKED`](super::MIN_RANKED)).
    pub ranked_turns: Vec<String>,
}

/// Parses a session or question time: RFC 3339, or a naive ISO date-time taken as UTC.
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|t| t.and_utc())
        })
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|t| t.and_utc())
        })
}

/// Reads a `*.retrieval.jsonl` file.
pub fn read_scopes(path: &Path) -> Result<Vec<Scope>, RetrievalError> {
    let name = path.display().to_string();
    let io = |source| RetrievalError::Io {
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut scopes = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let scope = serde_json::from_str(&line).map_err(|source| RetrievalError::Json {
            path: name.clone(),
            line: i + 1,
            source,
        })?;
        scopes.push(scope);
    }
    Ok(scopes)
}

/// Reads a prediction file written by [`evaluate`](super::evaluate): question id → ranked ids.
pub fn read_predictions(
    path: &Path,
) -> Result<std::collections::HashMap<String, Vec<String>>, RetrievalError> {
    let name = path.display().to_string();
    let io = |source| RetrievalError::Io {
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut predictions = std::collections::HashMap::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Prediction =
            serde_json::from_str(&line).map_err(|source| RetrievalError::Json {
                path: name.clone(),
                line: i + 1,
                source,
            })?;
        predictions.insert(record.qid, record.ranked_turns);
    }
    Ok(predictions)
}
