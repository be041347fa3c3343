//! How well a text (an item's description, a candidate answer) agrees with what the user said:
//! signed term matches against their preference statements.

use std::collections::HashMap;

use crate::stated::PreferenceStatement;
use crate::terms::signed_terms;

/// The agreement of one text with a user's statements.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileMatch {
    /// Positive when the text has what the user wants, negative when it has what they reject.
    pub score: f32,
    /// The statement that moved the score most, with its vote.
    pub strongest: Option<(String, f32)>,
}

/// Largest vote one statement can cast on one text.
const MAX_VOTE: f32 = 1.5;
/// Polarity share given to a compound that contains a statement term ("hazelnut" ~ "nut").
const COMPOUND_MATCH: f32 = 0.8;

/// Matches `text` against `statements`.
pub fn match_text(statements: &[PreferenceStatement], text: &str) -> ProfileMatch {
    let mut terms: HashMap<String, f32> = HashMap::new();
    for t in signed_terms(text) {
        terms.entry(t.term).or_insert(t.sign);
    }
    let mut out = ProfileMatch::default();
    for statement in statements {
        let vote: f32 = terms
            .iter()
            .map(|(t, sign)| sign * term_polarity(statement, t))
            .sum::<f32>();
        let vote = (vote * statement.confidence).clamp(-MAX_VOTE, MAX_VOTE);
        out.score += vote;
        if vote != 0.0
            && out
                .strongest
                .as_ref()
                .is_none_or(|(_, v)| vote.abs() > v.abs())
        {
            out.strongest = Some((statement.sentence.clone(), vote));
        }
    }
    out
}

/// The statement's polarity toward a term: exact, or through a compound that contains one of
/// its terms.
pub fn term_polarity(statement: &PreferenceStatement, term: &str) -> f32 {
    let exact = statement.polarity_of(term);
    if exact != 0.0 {
        return exact;
    }
    statement
        .terms
        .iter()
        .find(|(other, _)| {
            other.len() >= 3
                && term.len() > other.len()
                && (term.ends_with(other.as_str()) || term.starts_with(other.as_str()))
        })
        .map_or(0.0, |(_, p)| p * COMPOUND_MATCH)
}
