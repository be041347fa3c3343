//! The data and prediction records of EVAL.md §3, and the split of users into halves.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::AttributesError;

/// One user of a `*.attributes.jsonl` file.
#[derive(Debug, Clone, Deserialize)]
pub struct UserTexts {
    /// The user.
    pub user_id: String,
    /// Everything they wrote.
    pub texts: Vec<String>,
    /// Ground truth by attribute name (absent or null: not labelled).
    #[serde(default)]
    pub labels: BTreeMap<String, Value>,
}

/// One inferred value with its confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guess {
    /// A number for age, else a string.
    pub value: Value,
    /// The fact's confidence.
    pub confidence: f32,
}

/// The prediction record: what Rapport inferred about one user (absent attribute: abstained).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The user.
    pub user_id: String,
    /// By attribute name.
    pub attributes: BTreeMap<String, Guess>,
}

/// Which users to evaluate. The halves are fixed by a hash of the user id, so the held-out
/// half is the same on every run and never depends on the data's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Every user.
    All,
    /// The half the cues were tuned on.
    Tune,
    /// The other half, not looked at while tuning.
    Holdout,
}

impl Split {
    /// Whether `user_id` belongs to this split.
    pub fn contains(self, user_id: &str) -> bool {
        let even = fnv1a(user_id).is_multiple_of(2);
        match self {
            Self::All => true,
            Self::Tune => even,
            Self::Holdout => !even,
        }
    }
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Reads a `*.attributes.jsonl` file.
pub fn read_users(path: &Path) -> Result<Vec<UserTexts>, AttributesError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| AttributesError::Io {
        path: name.clone(),
        source,
    })?;
    let mut users = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| AttributesError::Io {
            path: name.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let user = serde_json::from_str(&line).map_err(|source| AttributesError::Json {
            path: name.clone(),
            line: i + 1,
            source,
        })?;
        users.push(user);
    }
    Ok(users)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_partition_the_users() {
        for id in ["a", "b", "SpiralSphinx", "x-1"] {
            assert!(Split::Tune.contains(id) != Split::Holdout.contains(id));
            assert!(Split::All.contains(id));
        }
    }
}
