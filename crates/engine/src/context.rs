//! `context(user, query, budget)`: the user's most relevant facts and past turns, packed under a
//! token budget and rendered as a block for an LLM's system prompt.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rapport_core::{Facet, Fact, Polarity, Role, Source, TenantId, UserId, cosine};
use rapport_index::Query;
use serde::Serialize;

use crate::memory::{MemoryFact, UserMemory};
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
    pub valid_from: DateTime<Utc>,
    /// Until when it held, for past facts.
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
    (text.split_whitespace().count() as f32 * 1.3).ceil() as usize
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
        let (mut current, past) = rank_facts(&memory, &request.query, &query_vector);
        let style: Vec<&Fact> = memory
            .facts
            .iter()
            .map(|m| &m.fact)
            .filter(|f| {
                f.is_current()
                    && rapport_infer::is_inferred_here(f)
                    && rapport_infer::is_answer_hint(&f.key)
            })
            .collect();
        current.retain(|c| !style.iter().any(|f| f.id == c.id));
        let query = Query {
            text: request.query.clone(),
            time: request.time,
            limit: CANDIDATE_TURNS,
        };
        let hits = memory.index.search(&query, Some(self.embedder.as_ref()));
        let name = display_name(&memory, user);
        let floor = hits.first().map_or(0.0, |best| best.score * TURN_FLOOR);
        let turns: Vec<ContextTurn> = hits
            .iter()
            .filter(|hit| hit.score >= floor)
            .filter_map(|hit| {
                let turn = memory.turn(&hit.id)?;
                let speaker = match (&turn.speaker, turn.role) {
                    (Some(s), _) => s.to_string(),
                    (None, Role::User) => name.clone(),
                    (None, Role::Assistant) => "Assistant".to_string(),
                };
                Some(ContextTurn {
                    id: turn.id.to_string(),
                    seq: turn.seq,
                    time: turn.time,
                    speaker,
                    text: turn.text.to_string(),
                    score: hit.score,
                })
            })
            .collect();
        let style = crate::render::style_block(&name, &style);
        Ok(crate::render::pack(
            &name,
            style,
            current,
            past,
            turns,
            request.budget,
        ))
    }
}

/// The name to call the user by: their stated name, else the speaker name of their turns, else
/// their id.
fn display_name(memory: &UserMemory, user: &UserId) -> String {
    let stated =
        memory.facts.iter().map(|m| &m.fact).find(|f| {
            f.is_current() && f.key == "identity.name" && f.polarity == Polarity::Positive
        });
    if let Some(fact) = stated {
        return fact.value.clone();
    }
    memory
        .turns
        .iter()
        .find(|t| t.role == Role::User && t.speaker.is_some())
        .and_then(|t| t.speaker.as_deref().map(str::to_string))
        .unwrap_or_else(|| user.to_string())
}

/// Current and past facts, each scored against the query and sorted best first.
fn rank_facts(
    memory: &UserMemory,
    query: &str,
    query_vector: &[f32],
) -> (Vec<ContextFact>, Vec<ContextFact>) {
    let query_terms: HashSet<String> = rapport_index::terms(query).into_iter().collect();
    let mut current = Vec::new();
    let mut past = Vec::new();
    for MemoryFact {
        fact,
        vector,
        terms,
    } in &memory.facts
    {
        let score = fact_score(fact, vector, terms, &query_terms, query_vector);
        if !fact.is_current() && score < PAST_FACT_FLOOR {
            continue;
        }
        let entry = ContextFact {
            id: fact.id,
            facet: fact.facet,
            text: fact.description.clone(),
            source: fact.source,
            confidence: fact.confidence,
            valid_from: fact.valid_from,
            valid_to: fact.valid_to,
            score,
        };
        if fact.is_current() {
            current.push(entry);
        } else {
            past.push(entry);
        }
    }
    current.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    past.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    (current, past)
}

fn fact_score(
    fact: &Fact,
    vector: &[f32],
    fact_terms: &[String],
    query_terms: &HashSet<String>,
    query: &[f32],
) -> f32 {
    let semantic = if vector.len() == query.len() {
        cosine(vector, query)
    } else {
        0.0
    };
    let shared = fact_terms
        .iter()
        .filter(|t| query_terms.contains(*t))
        .count();
    let lexical = if query_terms.is_empty() {
        0.0
    } else {
        shared as f32 / query_terms.len() as f32
    };
    // Who the user is and what they must avoid matter for almost any answer.
    let standing = match (fact.facet, fact.polarity) {
        (Facet::Identity, _) | (Facet::Preference, Polarity::Negative) => 0.1,
        _ => 0.0,
    };
    let pinned = if fact.pinned { 0.2 } else { 0.0 };
    semantic + 0.5 * lexical + standing + pinned + 0.05 * fact.confidence
}
