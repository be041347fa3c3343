//! A learned statement selector (#3, round 8): a small logistic regression over the words of a
//! first-person clause that every rule drops ("I might take up painting", "We love the beach",
//! "I would never eat that") decides whether it is still worth keeping as said.
//!
//! The weights (`data/statement_selector.tsv`) are fitted offline by
//! `scripts/fit_statement_selector.py` on the even half of the MSC extraction set only; the
//! candidates and their features come from this module (the `dump_statement_candidates`
//! example records them), so the script and the engine agree by construction. Scoring is a few
//! hash lookups per dropped clause; clauses a rule reads are never scored.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::tokenize::{Token, TokenKind};

/// The committed weights: `# comment` lines, then `bias`, `threshold` (a probability) and one
/// `feature<TAB>weight` line per feature.
const WEIGHTS: &str = include_str!("../data/statement_selector.tsv");

/// Longest clause the selector considers (in words): longer ones say more than a fact.
pub(crate) const MAX_WORDS: usize = 14;

/// A fitted logistic regression over named features.
#[derive(Debug)]
pub(crate) struct Model {
    bias: f32,
    /// The decision threshold as a logit.
    threshold: f32,
    weights: HashMap<String, f32>,
}

impl Model {
    /// Parses the weights file format.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let (mut bias, mut threshold) = (None, None);
        let mut weights = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: no tab", n + 1))?;
            let value: f32 = value.parse().map_err(|e| format!("line {}: {e}", n + 1))?;
            match name {
                "bias" => bias = Some(value),
                "threshold" => {
                    if !(0.0..1.0).contains(&value) || value <= 0.0 {
                        return Err(format!("line {}: threshold {value} not in (0, 1)", n + 1));
                    }
                    threshold = Some((value / (1.0 - value)).ln());
                }
                _ => {
                    weights.insert(name.to_string(), value);
                }
            }
        }
        Ok(Self {
            bias: bias.ok_or("no bias")?,
            threshold: threshold.ok_or("no threshold")?,
            weights,
        })
    }

    /// The logit of a clause whose features `each` yields.
    fn logit(&self, each: impl FnOnce(&mut dyn FnMut(&str))) -> f32 {
        let mut z = self.bias;
        each(&mut |f: &str| z += self.weights.get(f).copied().unwrap_or(0.0));
        z
    }

    /// How many feature weights it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.weights.len()
    }
}

/// The committed model.
pub(crate) fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS).expect("statement_selector.tsv parses"))
}

/// Calls `f` with the name of each feature of a dropped clause: why the rules dropped it, its
/// subject and first two words after it, its length, whether it was hedged, its last word, and
/// its lowercase words and word pairs.
pub(crate) fn features(clause: &[Token], why: &str, hedged: bool, f: &mut dyn FnMut(&str)) {
    let words: Vec<&str> = clause
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.lower.as_str())
        .collect();
    let w = |i: usize| words.get(i).copied().unwrap_or("");
    let mut buf = String::with_capacity(48);
    let emit = |buf: &mut String, f: &mut dyn FnMut(&str)| {
        f(buf);
        buf.clear();
    };
    let _ = write!(buf, "why={why}");
    emit(&mut buf, f);
    let _ = write!(buf, "s={}", w(0));
    emit(&mut buf, f);
    let _ = write!(buf, "v={}", w(1));
    emit(&mut buf, f);
    let _ = write!(buf, "v={}_{}", w(1), w(2));
    emit(&mut buf, f);
    let _ = write!(buf, "why={why}_v={}", w(1));
    emit(&mut buf, f);
    let _ = write!(buf, "len={}", words.len().min(MAX_WORDS));
    emit(&mut buf, f);
    let _ = write!(buf, "end={}", words.last().copied().unwrap_or(""));
    emit(&mut buf, f);
    if hedged {
        f("hedged");
    }
    for (i, word) in words.iter().enumerate().skip(1) {
        let _ = write!(buf, "w={word}");
        emit(&mut buf, f);
        let _ = write!(buf, "b={}_{word}", words[i - 1]);
        emit(&mut buf, f);
    }
}

/// The probability the model gives a dropped clause, if it is above the threshold.
pub(crate) fn keep(clause: &[Token], why: &str, hedged: bool) -> Option<f32> {
    let m = model();
    let z = m.logit(|f| features(clause, why, hedged, f));
    (z >= m.threshold).then(|| 1.0 / (1.0 + (-z).exp()))
}

/// A clause the selector saw, recorded for fitting (see [`record`]).
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The statement it would make.
    pub statement: String,
    /// Its feature names.
    pub features: Vec<String>,
}

thread_local! {
    static RECORDING: RefCell<Option<Vec<Recorded>>> = const { RefCell::new(None) };
}

/// Starts (`true`) or stops recording, on this thread, every clause the selector is asked
/// about; while recording, the selector keeps nothing, so extraction is what the rules alone
/// find. For fitting the model (`dump_statement_candidates`), not for serving.
pub fn record(on: bool) {
    RECORDING.with(|r| *r.borrow_mut() = on.then(Vec::new));
}

/// The clauses recorded since the last call (empty when not recording).
pub fn take_recorded() -> Vec<Recorded> {
    RECORDING.with(|r| {
        r.borrow_mut()
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    })
}

/// Whether this thread records (see [`record`]).
pub(crate) fn is_recording() -> bool {
    RECORDING.with(|r| r.borrow().is_some())
}

/// Records `clause` with the statement it would make, when this thread records.
pub(crate) fn record_clause(clause: &[Token], why: &str, hedged: bool, statement: &str) {
    RECORDING.with(|r| {
        if let Some(list) = r.borrow_mut().as_mut() {
            let mut names = Vec::new();
            features(clause, why, hedged, &mut |f: &str| {
                names.push(f.to_string())
            });
            list.push(Recorded {
                statement: statement.to_string(),
                features: names,
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn probability(text: &str, why: &str) -> f32 {
        let m = model();
        let z = m.logit(|f| features(&tokenize(text), why, false, f));
        1.0 / (1.0 + (-z).exp())
    }

    #[test]
    fn the_committed_weights_parse() {
        let m = model();
        assert!(m.len() > 1000, "{} weights", m.len());
        assert!(m.threshold.is_finite() && m.bias.is_finite());
        assert!(Model::parse("bias\t0.1\n").is_err());
        assert!(Model::parse("bias\t0.1\nthreshold\t1.5\n").is_err());
        assert!(Model::parse("# comment\nbias\t0.1\nthreshold\t0.5\nw=x\tnope\n").is_err());
        let small = Model::parse("# comment\nbias\t-1\nthreshold\t0.5\nw=x\t2\n").unwrap();
        assert_eq!(small.len(), 1);
        assert!(small.threshold.abs() < 1e-6);
    }

    #[test]
    fn keeps_a_likely_fact_and_drops_talk() {
        // Clauses the rules drop as modal musings ("episodic"), written for this test.
        for text in [
            "I would go to art school in the fall",
            "I might play in a band this year",
        ] {
            assert!(keep(&tokenize(text), "episodic", false).is_some(), "{text}");
            assert!(probability(text, "episodic") > 0.35, "{text}");
        }
        for text in [
            "I can't imagine how it's done",
            "I am sure that will be fun",
        ] {
            assert!(keep(&tokenize(text), "episodic", false).is_none(), "{text}");
            assert!(probability(text, "episodic") < 0.1, "{text}");
        }
    }

    #[test]
    fn a_kept_clause_is_said_with_the_selectors_confidence() {
        let now = chrono::Utc::now();
        let found = crate::extract("I would go to art school in the fall.", now);
        let said = found
            .iter()
            .find(|c| c.key.starts_with("said:"))
            .expect("kept as said");
        assert_eq!(said.statement, "I would go to art school in the fall.");
        // The selector's probability, at most what the fallback's statements get.
        let p = probability("I would go to art school in the fall", "episodic");
        assert!(
            (said.confidence - p.min(0.7)).abs() < 1e-6,
            "{}",
            said.confidence
        );
        assert!(crate::extract("I can't imagine how it's done.", now).is_empty());
    }
}
