//! Recall@k and Hit@k: a pure function of ranked lists and gold evidence.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::Serialize;

use super::records::Question;

/// The cut-offs at which recall and hit rate are reported.
pub const KS: [usize; 4] = [1, 5, 10, 20];

/// Recall@k and Hit@k for each k of [`KS`], averaged over questions.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Metrics {
    /// Number of scored questions.
    pub questions: usize,
    /// Mean |evidence ∩ top-k| / |evidence|.
    pub recall: [f64; 4],
    /// Share of questions with some evidence in the top k.
    pub hit: [f64; 4],
}

impl Metrics {
    /// Recall at `k` (one of [`KS`]).
    pub fn recall_at(&self, k: usize) -> f64 {
        KS.iter()
            .position(|x| *x == k)
            .map_or(f64::NAN, |i| self.recall[i])
    }
}

/// The result of a retrieval evaluation.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RetrievalReport {
    /// Over all scored questions.
    pub overall: Metrics,
    /// Per question category.
    pub per_category: BTreeMap<String, Metrics>,
    /// Mean tokens (whitespace words × 1.3) of the context block built for each question with the
    /// default budget, when the retriever builds one.
    pub mean_context_tokens: Option<f64>,
}

/// Scores ranked lists against gold evidence: a pure function of its inputs. Questions that are
/// not [scored](Question::is_scored) are skipped; a missing prediction counts as an empty list.
pub fn score<'a>(
    questions: impl IntoIterator<Item = &'a Question>,
    predictions: &HashMap<String, Vec<String>>,
) -> RetrievalReport {
    let mut sums: BTreeMap<String, Metrics> = BTreeMap::new();
    let mut overall = Metrics::default();
    for q in questions.into_iter().filter(|q| q.is_scored()) {
        // Evidence as a set: a turn listed twice counts once.
        let evidence: BTreeSet<&String> = q.evidence_turns.iter().collect();
        let ranked = predictions.get(&q.qid).map(Vec::as_slice).unwrap_or(&[]);
        let per_category = sums.entry(q.category.clone()).or_default();
        for m in [&mut overall, per_category] {
            m.questions += 1;
            for (i, k) in KS.iter().enumerate() {
                let top = &ranked[..ranked.len().min(*k)];
                let found = evidence.iter().filter(|e| top.contains(e)).count();
                m.recall[i] += found as f64 / evidence.len() as f64;
                m.hit[i] += f64::from(u8::from(found > 0));
            }
        }
    }
    let mean = |mut m: Metrics| {
        let n = m.questions.max(1) as f64;
        m.recall
            .iter_mut()
            .chain(m.hit.iter_mut())
            .for_each(|x| *x /= n);
        m
    };
    RetrievalReport {
        overall: mean(overall),
        per_category: sums.into_iter().map(|(c, m)| (c, mean(m))).collect(),
        mean_context_tokens: None,
    }
}

impl fmt::Display for RetrievalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<12} {:>5}  {:>6} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6} {:>6}",
            "category", "n", "R@1", "R@5", "R@10", "R@20", "Hit@1", "Hit@5", "Hit@10", "Hit@20"
        )?;
        let rows = self.per_category.iter().map(|(c, m)| (c.as_str(), m));
        for (name, m) in rows.chain([("overall", &self.overall)]) {
            write!(f, "{name:<12} {:>5} ", m.questions)?;
            for x in m.recall {
                write!(f, " {x:>6.3}")?;
            }
            write!(f, " ")?;
            for x in m.hit {
                write!(f, " {x:>6.3}")?;
            }
            writeln!(f)?;
        }
        if let Some(tokens) = self.mean_context_tokens {
            writeln!(f, "mean context tokens: {tokens:.1}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(qid: &str, category: &str, evidence: &[&str]) -> Question {
        Question {
            qid: qid.into(),
            question: "?".into(),
            answer: None,
            category: category.into(),
            time: None,
            evidence_turns: evidence.iter().map(|e| e.to_string()).collect(),
            evidence_sessions: None,
        }
    }

    #[test]
    fn recall_and_hit_by_cutoff_and_category() {
        let qs = [
            question("a", "single-hop", &["t1", "t9", "t9"]),
            question("b", "temporal", &["t3"]),
            question("c", "adversarial", &["t1"]),
            question("d", "temporal", &[]),
        ];
        let mut ranked: Vec<String> = (1..=20).map(|i| format!("x{i}")).collect();
        ranked[0] = "t1".into();
        ranked[7] = "t9".into();
        let predictions = HashMap::from([
            ("a".to_string(), ranked),
            ("c".to_string(), vec!["t1".into()]),
        ]);
        let report = score(&qs, &predictions);
        assert_eq!(report.overall.questions, 2);
        assert_eq!(report.overall.recall, [0.25, 0.25, 0.5, 0.5]);
        assert_eq!(report.overall.hit, [0.5, 0.5, 0.5, 0.5]);
        assert_eq!(report.per_category["temporal"].recall, [0.0; 4]);
        assert_eq!(report.per_category["single-hop"].recall_at(10), 1.0);
        assert!(!report.per_category.contains_key("adversarial"));
    }
}
