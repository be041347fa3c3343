//! `context(user, query, budget)`: the user's most relevant facts and past turns, packed under a
//! token budget and rendered as a block for an LLM's system prompt.

use chrono::{DateTime, Utc};
use rapport_core::{Facet, Fact, Polarity, Role, Source, TenantId, UserId};
use rapport_index::{Query, Tuning};
use serde::Serialize;

use crate::memory::UserMemory;
use crate::render::{RankedFact, TurnCandidate};
use crate::{Engine, Result};

/// The budget used when a request names none, in tokens.
pub const DEFAULT_BUDGET: usize = 800;
/// Turns retrieved as candidates for the block.
const CANDIDATE_TURNS: usize = 20;
/// Share of the budget first offered to facts; turns get the rest, then facts the leftover.
pub(crate) const FACT_BUDGET_SHARE: f32 = 0.35;
/// Turns scoring below this share of the best turn's score are left out.
const TURN_FLOOR: f32 = 0.35;
/// Past facts below this relevance are left out.
const PAST_FACT_FLOOR: f32 = 0.45;

/// What to build a context for.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextRequest {
    /// The message the LLM is about to answer.
    pub query: String,
    /// Most tokens the rendered block may take (estimated as words × 1.3).
    pub budget: usize,
    /// "Now" for the query (relative times like "last week"); default: the user's latest event.
    pub time: Option<DateTime<Utc>>,
}

impl ContextRequest {
    /// A request with the default budget.
    pub fn new(query: impl Into<String>) -> Self {
        Self {
            query: query.into(),
            budget: DEFAULT_BUDGET,
            time: None,
        }
    }
}

/// The assembled context: structured parts and the rendered block.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    /// Current facts chosen, most relevant first.
    pub facts: Vec<ContextFact>,
    /// Facts that no longer hold but bear on the query.
    pub past_facts: Vec<ContextFact>,
    /// Past turns chosen, in the order they happened.
    pub turns: Vec<ContextTurn>,
    /// The block for a system prompt.
    pub block: String,
    /// Estimated tokens of `block` (words × 1.3).
    pub tokens: usize,
}

/// A fact in a context.
#[derive(Debug, Clone, Serialize)]
pub struct ContextFact {
    /// The fact's id.
    pub id: u64,
    /// The facet.
    pub facet: Facet,
    /// Third-person line.
    pub text: String,
    /// Stated, inferred or edited.
    pub source: Source,
    /// Confidence.
    pub confidence: f32,
    /// Since when it holds.
    #[serde(serialize_with = "crate::rfc3339::serialize")]
    pub valid_from: DateTime<Utc>,
    /// Until when it held, for past facts.
    #[serde(serialize_with = "crate::rfc3339::serialize_option")]
    pub valid_to: Option<DateTime<Utc>>,
    /// Relevance to the query.
    pub score: f32,
}

/// A past turn in a context.
#[derive(Debug, Clone, Serialize)]
pub struct ContextTurn {
    /// The event id.
    pub id: String,
    /// Position in the log.
    pub seq: u64,
    /// When it was said.
    #[serde(serialize_with = "crate::rfc3339::serialize")]
    pub time: DateTime<Utc>,
    /// Who said it.
    pub speaker: String,
    /// What was said.
    pub text: String,
    /// Relevance to the query.
    pub score: f32,
}

/// Estimated tokens of a text, as the evaluation counts them: whitespace words × 1.3.
pub fn estimate_tokens(text: &str) -> usize {
    (word_count(text) as f32 * 1.3).ceil() as usize
}

/// `text.split_whitespace().count()`, counted over bytes when the text is ASCII (whose only
/// whitespace, for [`char::is_whitespace`], is space and `\t` to `\r`).
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = b == b' ' || (b'\t'..=b'\r').contains(&b);
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

impl Engine {
    /// Builds the context block for `request` from the user's facts and past turns.
    pub fn context(
        &self,
        tenant: &TenantId,
        user: &UserId,
        request: &ContextRequest,
    ) -> Result<Context> {
        let memory = self.memory(tenant, user)?;
        let memory = memory.read().unwrap_or_else(|p| p.into_inner());
        let query_vector = self.embedder.embed(&request.query);
        let (current, past) = rank_facts(&memory, &request.query, &query_vector);
        let query = Query {
            text: request.query.clone(),
            time: request.time,
            limit: CANDIDATE_TURNS,
        };
        // The query's vector is the one the index would compute: embed it once.
        let hits = memory
            .index
            .search_embedded(&query, Some(&query_vector), &Tuning::default());
        let name = display_name(&memory, user);
        let floor = hits.first().map_or(0.0, |best| best.score * TURN_FLOOR);
        let turns: Vec<TurnCandidate<'_>> = hits
            .iter()
            .filter(|hit| hit.score >= floor)
            .filter_map(|hit| {
                let turn = memory.turn(&hit.id)?;
                let speaker = match (&turn.speaker, turn.role) {
                    (Some(s), _) => s.to_string(),
                    (None, Role::User) => name.to_string(),
                    (None, Role::Assistant) => "Assistant".to_string(),
                };
                Some(TurnCandidate::new(turn, speaker, hit.score))
            })
            .collect();
        let style: Vec<&Fact> = memory
            .style
            .iter()
            .map(|&i| &memory.facts[i].fact)
            .collect();
        let style = crate::render::style_block(name, &style);
        Ok(crate::render::pack(
            name,
            style,
            &memory.facts,
            &current,
            &past,
            turns,
            request.budget,
        ))
    }
}

/// The name to call the user by: their stated name, else the speaker name of their turns, else
/// their id.
fn display_name<'a>(memory: &'a UserMemory, user: &'a UserId) -> &'a str {
    memory
        .stated_name
        .as_deref()
        .or(memory.speaker_name.as_deref())
        .unwrap_or(user.as_str())
}

/// Current facts (but the style facts, which have a block of their own) and past facts, each
/// scored against the query and sorted best first.
fn rank_facts(
    memory: &UserMemory,
    query: &str,
    query_vector: &[f32],
) -> (Vec<RankedFact>, Vec<RankedFact>) {
    let mut query_terms = rapport_index::terms(query);
    query_terms.sort_unstable();
    query_terms.dedup();
    let mut semantic = Vec::with_capacity(memory.facts.len());
    memory
        .fact_vectors
        .cosines_into(query_vector, &mut semantic);
    let style_ids: Vec<u64> = memory
        .style
        .iter()
        .map(|&i| memory.facts[i].fact.id)
        .collect();
    let mut current = Vec::new();
    let mut past = Vec::new();
    for (index, (m, semantic)) in memory.facts.iter().zip(&semantic).enumerate() {
        let fact = &m.fact;
        let score = fact_score(fact, *semantic, &m.terms, &query_terms);
        if fact.is_current() {
            if !style_ids.contains(&fact.id) {
                current.push(RankedFact { index, score });
            }
        } else if score >= PAST_FACT_FLOOR {
            past.push(RankedFact { index, score });
        }
    }
    let id = |r: &RankedFact| memory.facts[r.index].fact.id;
    let best_first =
        |a: &RankedFact, b: &RankedFact| b.score.total_cmp(&a.score).then(id(a).cmp(&id(b)));
    current.sort_by(best_first);
    past.sort_by(best_first);
    (current, past)
}

/// `a == b`, with the first bytes compared before the library's comparison is called: most
/// pairs of terms differ there.
fn same_term(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// A fact's relevance: `semantic` is the cosine of its statement's and the query's vectors
/// (0 when their lengths differ); `query_terms` are the query's distinct terms.
fn fact_score(fact: &Fact, semantic: f32, fact_terms: &[String], query_terms: &[String]) -> f32 {
    let shared = fact_terms
        .iter()
        .filter(|t| query_terms.iter().any(|q| same_term(q, t)))
        .count();
    let lexical = if query_terms.is_empty() {
        0.0
    } else {
        shared as f32 / query_terms.len() as f32
    };
    // Who the user is and what they must avoid matter for almost any answer; a constraint
    // (a diet, an allergy, a budget) most of all.
    let standing = match (fact.facet, fact.polarity) {
        _ if fact.is_constraint() => 0.2,
        (Facet::Identity, _) | (Facet::Preference, Polarity::Negative) => 0.1,
        _ => 0.0,
    };
    let pinned = if fact.pinned { 0.2 } else { 0.0 };
    semantic + 0.5 * lexical + standing + pinned + 0.05 * fact.confidence
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(
            text in "[ a-z\\t\\n\\r\\x0b\\x0c\\u{85}\\u{a0}\\u{2003}\\u{3000}é,.]{0,60}",
        ) {
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }

        #[test]
        fn ascii_words_are_counted_as_split_whitespace_counts_them(text in "[\\x00-\\x7f]{0,80}") {
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }

        #[test]
        fn terms_compare_as_strings(a in "[a-c]{0,3}", b in "[a-c]{0,3}") {
            prop_assert_eq!(same_term(&a, &b), a == b);
        }
    }
}
