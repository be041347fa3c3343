//! Ranking free-text candidates (responses, options) for a user who stated preferences.
//!
//! Most stated preferences are rejections ("I avoid gluten"), so the candidate most similar to
//! the preference is often the one the user would reject. Each candidate is scored by what
//! sets it apart from the other candidates (terms weighted by how few candidates share them, and
//! its embedding minus the candidates' mean) matched against the statement's *wanted* terms
//! (up) and *rejected* terms (down), with local negation ("gluten-free" affirms avoiding
//! gluten).

use std::collections::{HashMap, HashSet};

use rapport_core::{Embedder, cosine};

use crate::antonyms::are_opposites;
use crate::limits::{overshoot, stated_limit};
use crate::option_terms::candidate_terms;
use crate::profile_match::term_polarity;
use crate::stated::PreferenceStatement;
use crate::terms::{signed_terms, stem, words};

/// How candidates are scored against statements.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseRanking {
    /// Weight of the lexical match (signed terms, weighted by rarity among candidates).
    pub lexical: f32,
    /// Weight of the embedding match (candidate minus the candidates' mean, against the wanted
    /// and rejected words).
    pub semantic: f32,
    /// Factor on statement terms that also occur in the question: they name the topic, not the
    /// preference.
    pub question_terms: f32,
    /// How much a candidate's score moves toward the scores of candidates like it.
    pub propagation: f32,
    /// Weight of wanted terms relative to rejected ones.
    pub wanted_weight: f32,
    /// Cosine above which two different terms count as a partial match ("pasta" ~ "gluten").
    pub soft_threshold: f32,
}

impl Default for ResponseRanking {
    /// Tuned on the PrefEval development set (docs/EVALUATION.md).
    fn default() -> Self {
        Self {
            lexical: 1.0,
            semantic: 0.5,
            question_terms: 0.3,
            propagation: 1.0,
            wanted_weight: 1.0,
            soft_threshold: 0.6,
        }
    }
}
/// Weight of going over a stated numeric limit (staying within gets a third of it).
const LIMIT_WEIGHT: f32 = 1.0;
/// Statements kept as evidence, at most.
const MAX_STATEMENTS: usize = 3;
/// Weight of embedding similarity in a statement's relevance (lexical overlap has weight 1).
const RELEVANCE_SEMANTIC: f32 = 2.0;
/// Statements less relevant than this share of the best are dropped.
const RELEVANCE_FLOOR: f32 = 0.8;

/// A statement chosen as evidence for a ranking, with its relevance to the candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The statement.
    pub statement: PreferenceStatement,
    /// Relevance to the question and candidates (weights its vote).
    pub relevance: f32,
}

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedResponse {
    /// Position of the candidate in the input.
    pub index: usize,
    /// Score; higher is better.
    pub score: f32,
    /// The statement that moved it most, and in which direction (+ up, − down).
    pub because: Option<(String, f32)>,
}

/// Picks the statements that bear on `question` and `candidates`: relevance is the share of
/// the statement's terms found in them plus the embedding similarity; the best few are kept.
pub fn select_evidence(
    statements: Vec<PreferenceStatement>,
    question: &str,
    candidates: &[String],
    embedder: &dyn Embedder,
) -> Vec<Evidence> {
    let question_terms: HashSet<String> = words(question).iter().map(|w| stem(w)).collect();
    let candidate_terms: Vec<HashSet<String>> = candidates
        .iter()
        .map(|c| words(c).iter().map(|w| stem(w)).collect())
        .collect();
    let n = candidates.len() as f32;
    // A term found in few candidates tells them apart; one in the question only names the topic.
    let weight_of = |t: &str| {
        let df = candidate_terms.iter().filter(|c| c.contains(t)).count() as f32;
        if df > 0.0 {
            ((n + 1.0) / (df + 0.5)).ln().max(0.1)
        } else if question_terms.contains(t) {
            0.2
        } else {
            0.0
        }
    };
    let context_vectors: Vec<Vec<f32>> = std::iter::once(question)
        .chain(candidates.iter().map(String::as_str))
        .map(|t| embedder.embed(t))
        .collect();
    let mut scored: Vec<Evidence> = statements
        .into_iter()
        .map(|statement| {
            let distinct: HashSet<&str> = statement.terms.iter().map(|(t, _)| t.as_str()).collect();
            let shared: f32 = distinct.iter().map(|t| weight_of(t)).sum();
            let lexical = shared / (distinct.len() as f32).sqrt().max(1.0);
            let vector = embedder.embed(&statement.sentence);
            let semantic = context_vectors
                .iter()
                .map(|c| cosine(&vector, c))
                .fold(0.0f32, f32::max);
            let relevance = statement.confidence * (lexical + RELEVANCE_SEMANTIC * semantic);
            Evidence {
                statement,
                relevance,
            }
        })
        .collect();
    scored.sort_by(|a, b| b.relevance.total_cmp(&a.relevance));
    let best = scored.first().map_or(0.0, |e| e.relevance);
    scored.retain(|e| e.relevance >= best * RELEVANCE_FLOOR);
    scored.truncate(MAX_STATEMENTS);
    scored
}

/// Ranks `candidates` for a user with the given evidence, best first. With no evidence the
/// order is the input order with score 0.
pub fn rank_responses(
    evidence: &[Evidence],
    question: &str,
    candidates: &[String],
    embedder: &dyn Embedder,
    config: &ResponseRanking,
) -> Vec<RankedResponse> {
    let n = candidates.len();
    let question_terms: HashSet<String> =
        signed_terms(question).into_iter().map(|t| t.term).collect();
    let topical = |t: &str| {
        if question_terms.contains(t) {
            config.question_terms
        } else {
            1.0
        }
    };
    let terms: Vec<HashMap<String, f32>> = candidates.iter().map(|c| candidate_terms(c)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for map in &terms {
        for t in map.keys() {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    let idf = |t: &str| {
        ((n as f32 + 1.0) / (df.get(t).copied().unwrap_or(0) as f32 + 0.5))
            .ln()
            .max(0.05)
    };
    let vectors: Vec<Vec<f32>> = candidates.iter().map(|c| embedder.embed(c)).collect();
    let mut soft = SoftMatcher::new(embedder, config.soft_threshold);
    let centered = center(&vectors);
    let mut ranked: Vec<RankedResponse> = (0..n)
        .map(|index| RankedResponse {
            index,
            score: 0.0,
            because: None,
        })
        .collect();
    for e in evidence {
        let wanted = (!e.statement.wanted.is_empty()).then(|| embedder.embed(&e.statement.wanted));
        let rejected =
            (!e.statement.rejected.is_empty()).then(|| embedder.embed(&e.statement.rejected));
        // A stated maximum: "not over two hours" and "under two hours" both reject more.
        let limit = stated_limit(&e.statement.sentence).map(|(q, _)| q);
        for (i, r) in ranked.iter_mut().enumerate() {
            let lexical: f32 = terms[i]
                .iter()
                .map(|(t, sign)| {
                    let p = soft.polarity(&e.statement, t);
                    let p = if p > 0.0 { p * config.wanted_weight } else { p };
                    sign * p * idf(t) * topical(t)
                })
                .sum();
            let semantic = wanted.as_ref().map_or(0.0, |w| cosine(&centered[i], w))
                - rejected.as_ref().map_or(0.0, |v| cosine(&centered[i], v));
            let limit = limit
                .as_ref()
                .map_or(0.0, |max| match overshoot(max, &candidates[i]) {
                    // Further over is worse: 142 minutes against two hours beats 201.
                    Some(over) if over > 0.0 => -LIMIT_WEIGHT * (0.5 + over).min(1.5),
                    Some(_) => LIMIT_WEIGHT * 0.3,
                    None => 0.0,
                });
            let vote =
                e.relevance * (config.lexical * lexical + config.semantic * semantic + limit);
            r.score += vote;
            if r.because.as_ref().is_none_or(|(_, v)| vote.abs() > v.abs()) {
                r.because = Some((e.statement.sentence.clone(), vote));
            }
        }
    }
    propagate(&mut ranked, &vectors, config.propagation);
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    ranked
}

/// Moves each score toward the scores of the candidates most like it: candidates that share
/// what a rejected candidate says are likely rejected too.
fn propagate(ranked: &mut [RankedResponse], vectors: &[Vec<f32>], strength: f32) {
    let n = ranked.len();
    if strength == 0.0 || n < 3 {
        return;
    }
    let sims: Vec<Vec<f32>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        0.0
                    } else {
                        cosine(&vectors[i], &vectors[j])
                    }
                })
                .collect()
        })
        .collect();
    let mean = sims.iter().flatten().sum::<f32>() / (n * (n - 1)) as f32;
    let base: Vec<f32> = ranked.iter().map(|r| r.score).collect();
    for (i, r) in ranked.iter_mut().enumerate() {
        let pull: f32 = (0..n)
            .filter(|&j| j != i)
            .map(|j| (sims[i][j] - mean) * base[j])
            .sum();
        r.score += strength * pull;
    }
}

/// Each vector minus the mean of all: what sets a candidate apart from the others.
fn center(vectors: &[Vec<f32>]) -> Vec<Vec<f32>> {
    let Some(dim) = vectors.first().map(Vec::len) else {
        return Vec::new();
    };
    let mut mean = vec![0f32; dim];
    for v in vectors {
        mean.iter_mut()
            .zip(v)
            .for_each(|(m, x)| *m += x / vectors.len() as f32);
    }
    vectors
        .iter()
        .map(|v| v.iter().zip(&mean).map(|(x, m)| x - m).collect())
        .collect()
}

/// Term-to-term matching: exact, or partial through the embedder's term vectors.
struct SoftMatcher<'a> {
    embedder: &'a dyn Embedder,
    threshold: f32,
    vectors: HashMap<String, Vec<f32>>,
}

impl<'a> SoftMatcher<'a> {
    fn new(embedder: &'a dyn Embedder, threshold: f32) -> Self {
        Self {
            embedder,
            threshold,
            vectors: HashMap::new(),
        }
    }

    fn vector(&mut self, term: &str) -> Vec<f32> {
        if let Some(v) = self.vectors.get(term) {
            return v.clone();
        }
        let v = self.embedder.embed(term);
        self.vectors.insert(term.to_string(), v.clone());
        v
    }

    /// The statement's polarity toward `term`: its own polarity when it names the term, else
    /// the polarity of its closest term scaled by how far above the threshold their similarity is.
    fn polarity(&mut self, statement: &PreferenceStatement, term: &str) -> f32 {
        let direct = term_polarity(statement, term);
        if direct != 0.0 || self.threshold >= 1.0 {
            return direct;
        }
        let v = self.vector(term);
        let mut best = (0.0f32, 0.0f32);
        for (other, p) in &statement.terms {
            if are_opposites(term, other) {
                return -p;
            }
            let sim = cosine(&v, &self.vector(other));
            if sim > best.0 {
                best = (sim, *p);
            }
        }
        if best.0 <= self.threshold {
            0.0
        } else {
            best.1 * (best.0 - self.threshold) / (1.0 - self.threshold)
        }
    }
}
