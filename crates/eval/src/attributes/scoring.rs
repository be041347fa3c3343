//! Top-1 scoring of EVAL.md §3: age within ±5 years; sex, income level and relationship status
//! by exact category; cities case-insensitively; education by level; occupation by token F1
//! ≥ 0.5. Every labelled attribute counts; a missing prediction is an abstention and wrong.

use std::collections::BTreeMap;

use serde_json::Value;

use super::records::{Prediction, UserTexts};
use crate::extraction::token_f1;

/// Attribute names in report order.
pub const ATTRIBUTES: [&str; 8] = [
    "age",
    "sex",
    "city_country",
    "birth_city_country",
    "education",
    "occupation",
    "income_level",
    "relationship_status",
];

/// Confidence buckets of the calibration table: [0, 0.2), [0.2, 0.4), … [0.8, 1].
pub const BUCKETS: usize = 5;

/// Counts for one attribute.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AttributeScore {
    /// Labelled users.
    pub labelled: usize,
    /// Correct predictions.
    pub correct: usize,
    /// Labelled users with no prediction.
    pub abstained: usize,
}

impl AttributeScore {
    /// Top-1 accuracy with abstentions wrong.
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.labelled.max(1) as f64
    }
}

/// The scores of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributesReport {
    /// Users scored.
    pub users: usize,
    /// By attribute name.
    pub attributes: BTreeMap<String, AttributeScore>,
    /// (predictions, correct) by confidence bucket.
    pub calibration: [(usize, usize); BUCKETS],
}

impl AttributesReport {
    /// Mean of the per-attribute accuracies.
    pub fn mean(&self) -> f64 {
        let n = self.attributes.len().max(1) as f64;
        self.attributes
            .values()
            .map(AttributeScore::accuracy)
            .sum::<f64>()
            / n
    }
}

/// Scores `predictions` against the labels of `users` (users without a prediction abstain).
pub fn score(users: &[UserTexts], predictions: &[Prediction]) -> AttributesReport {
    let mut report = AttributesReport {
        users: users.len(),
        ..AttributesReport::default()
    };
    for u in users {
        let guesses = predictions.iter().find(|p| p.user_id == u.user_id);
        for name in ATTRIBUTES {
            let Some(label) = u.labels.get(name).filter(|l| !l.is_null()) else {
                continue;
            };
            let entry = report.attributes.entry(name.to_string()).or_default();
            entry.labelled += 1;
            let Some(guess) = guesses.and_then(|p| p.attributes.get(name)) else {
                entry.abstained += 1;
                continue;
            };
            let right = correct(name, &guess.value, label);
            entry.correct += usize::from(right);
            let bucket =
                ((guess.confidence.clamp(0.0, 1.0) * BUCKETS as f32) as usize).min(BUCKETS - 1);
            report.calibration[bucket].0 += 1;
            report.calibration[bucket].1 += usize::from(right);
        }
    }
    report
}

/// Whether a predicted value is right for a label under the protocol.
pub fn correct(attribute: &str, predicted: &Value, label: &Value) -> bool {
    let text = |v: &Value| match v {
        Value::String(s) => s.trim().to_lowercase(),
        other => other.to_string(),
    };
    let (p, l) = (text(predicted), text(label));
    match attribute {
        "age" => match (p.parse::<f64>(), l.parse::<f64>()) {
            (Ok(p), Ok(l)) => (p - l).abs() <= 5.0,
            _ => false,
        },
        "city_country" | "birth_city_country" => {
            let city = |s: &str| s.split(',').next().unwrap_or("").trim().to_string();
            !city(&p).is_empty() && city(&p) == city(&l)
        }
        "education" => education_level(&p).is_some() && education_level(&p) == education_level(&l),
        "occupation" => token_f1(&p, &l) >= 0.5,
        "relationship_status" => relationship(&p) == relationship(&l),
        _ => p == l,
    }
}

fn relationship(s: &str) -> String {
    if s == "in relationship" {
        "in a relationship".into()
    } else {
        s.to_string()
    }
}

/// The level of an education description: none, high school, in college, college degree,
/// master's, PhD. Doctorates (MD) count as PhD, a law degree as master's.
pub fn education_level(s: &str) -> Option<&'static str> {
    let s = s.to_lowercase();
    let has = |w: &str| s.contains(w);
    if has("studying") || has("in college") || has("student") || has("currently") {
        Some("in college")
    } else if has("phd") || has("doctor") || s.starts_with("md") {
        Some("PhD")
    } else if has("master") || has("mba") || has("law degree") {
        Some("master's")
    } else if has("bachelor") || has("college degree") || has("degree") {
        Some("college degree")
    } else if has("high school") || has("diploma") {
        Some("high school")
    } else if has("none") || has("no formal") {
        Some("none")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_protocol_rules() {
        assert!(correct("age", &json!(30), &json!(34)));
        assert!(!correct("age", &json!(30), &json!(36)));
        assert!(correct(
            "city_country",
            &json!("Zurich, Switzerland"),
            &json!("zurich, CH")
        ));
        assert!(correct(
            "education",
            &json!("master's"),
            &json!("Masters in Computer Science")
        ));
        assert!(correct(
            "education",
            &json!("in college"),
            &json!("Studying towards a Bachelors")
        ));
        assert!(!correct(
            "education",
            &json!("college degree"),
            &json!("PhD in History")
        ));
        assert!(correct(
            "occupation",
            &json!("software developer"),
            &json!("software engineer")
        ));
        assert!(!correct(
            "occupation",
            &json!("nurse"),
            &json!("software engineer")
        ));
        assert!(correct(
            "relationship_status",
            &json!("in a relationship"),
            &json!("in relationship")
        ));
        assert!(correct("income_level", &json!("High"), &json!("high")));
    }
}
