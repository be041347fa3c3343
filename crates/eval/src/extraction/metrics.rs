//! Token-F1 matching of predicted and gold facts, micro precision/recall/F1, reported over
//! all dialogues and over the two halves (even and odd positions in the file).

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use super::records::{Dialogue, Prediction, gold_by_speaker};

/// The token-F1 a predicted and a gold fact need to match.
pub const MATCH_F1: f64 = 0.5;

/// Lowercase word tokens: runs of letters and digits, with one inner apostrophe part kept
/// ("don't", "i'm").
pub fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace('’', "'");
    let chars: Vec<char> = lower.chars().collect();
    let word = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !word(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && word(chars[i]) {
            i += 1;
        }
        if i + 1 < chars.len() && chars[i] == '\'' && chars[i + 1].is_ascii_lowercase() {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_lowercase() {
                i += 1;
            }
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// Token F1 of two texts (multiset overlap).
pub fn token_f1(a: &str, b: &str) -> f64 {
    f1_of(&tokens(a), &tokens(b))
}

fn f1_of(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for t in b {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in a {
        if let Some(n) = counts.get_mut(t.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / a.len() as f64;
    let r = common as f64 / b.len() as f64;
    2.0 * p * r / (p + r)
}

/// Micro precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Score {
    /// Dialogues scored.
    pub dialogues: usize,
    /// Predicted facts.
    pub predicted: usize,
    /// Predicted facts matching some gold fact.
    pub correct: usize,
    /// Gold facts.
    pub gold: usize,
    /// Gold facts matched by some predicted fact.
    pub recalled: usize,
}

impl Score {
    /// correct / predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// recalled / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.recalled, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: &Score) {
        self.dialogues += other.dialogues;
        self.predicted += other.predicted;
        self.correct += other.correct;
        self.gold += other.gold;
        self.recalled += other.recalled;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The result of an extraction evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ExtractionReport {
    /// Over all dialogues.
    pub overall: Score,
    /// Dialogues at even positions in the file (0, 2, …): the tuning half.
    pub even: Score,
    /// Dialogues at odd positions (1, 3, …): the held-out half.
    pub odd: Score,
}

/// Scores predictions against the dialogues' gold facts; a missing prediction counts as none.
pub fn score(dialogues: &[Dialogue], predictions: &[Prediction]) -> ExtractionReport {
    let by_key: HashMap<(&str, &str), &Prediction> = predictions
        .iter()
        .map(|p| ((p.dialogue_id.as_str(), p.speaker.as_str()), p))
        .collect();
    let mut report = ExtractionReport::default();
    for (i, d) in dialogues.iter().enumerate() {
        let mut s = Score {
            dialogues: 1,
            ..Score::default()
        };
        for (speaker, gold) in gold_by_speaker(d) {
            let pred = by_key
                .get(&(d.dialogue_id.as_str(), speaker.as_str()))
                .map(|p| p.facts.as_slice())
                .unwrap_or(&[]);
            let gold_tokens: Vec<Vec<String>> = gold.iter().map(|g| tokens(g)).collect();
            let pred_tokens: Vec<Vec<String>> = pred.iter().map(|p| tokens(p)).collect();
            s.gold += gold.len();
            s.predicted += pred.len();
            let matches: Vec<Vec<bool>> = pred_tokens
                .iter()
                .map(|p| {
                    gold_tokens
                        .iter()
                        .map(|g| f1_of(p, g) >= MATCH_F1)
                        .collect()
                })
                .collect();
            s.correct += matches.iter().filter(|row| row.iter().any(|m| *m)).count();
            s.recalled += (0..gold.len())
                .filter(|j| matches.iter().any(|row| row[*j]))
                .count();
        }
        report.overall.add(&s);
        if i % 2 == 0 {
            report.even.add(&s);
        } else {
            report.odd.add(&s);
        }
    }
    report
}

impl fmt::Display for ExtractionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| dialogues | n | P | R | F1 | predicted | gold |")?;
        writeln!(f, "|---|---|---|---|---|---|---|")?;
        for (name, s) in [
            ("even (tuning)", &self.even),
            ("odd (held out)", &self.odd),
            ("all", &self.overall),
        ] {
            writeln!(
                f,
                "| {name} | {} | {:.3} | {:.3} | {:.3} | {} | {} |",
                s.dialogues,
                s.precision(),
                s.recall(),
                s.f1(),
                s.predicted,
                s.gold
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_reference_scorer() {
        assert_eq!(
            tokens("I don’t own a Jeep, I'm 1,000%!"),
            ["i", "don't", "own", "a", "jeep", "i'm", "1", "000"]
        );
        assert!((token_f1("I own a Jeep.", "i own a jeep") - 1.0).abs() < 1e-9);
        assert_eq!(token_f1("", "x"), 0.0);
    }
}
