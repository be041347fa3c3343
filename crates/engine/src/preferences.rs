//! What the user said they want and avoid, as signed preference statements: from the current
//! facts of the profile (so an edited or ended fact counts at once), plus the user's own turns
//! no fact was learned from. And the ranking of free-text candidates (answers to a question)
//! against those statements.

use std::collections::HashSet;

use rapport_core::{Facet, Role, TenantId, UserId};
use rapport_recommend::{
    PreferenceStatement, Reason, ResponseRanking, preference_statements, rank_responses,
    resolve_option_references, select_evidence, statement_from_fact,
};

use crate::memory::UserMemory;
use crate::{Engine, RankedCandidate, Result, distinctiveness};

impl Engine {
    /// The user's preference statements: one per current preference, interest or identity fact
    /// (its confidence raised for distinctive facts), and the statements of the user's turns
    /// that support no fact, current or past (with "option 2" resolved against the list the
    /// assistant had offered just before). A user with no events has none.
    pub(crate) fn preference_statements(
        &self,
        tenant: &TenantId,
        user: &UserId,
    ) -> Result<Vec<PreferenceStatement>> {
        if self.store.user(tenant, user)?.is_none() {
            return Ok(Vec::new());
        }
        let mut statements = self.fact_statements(tenant, user)?;
        let facts = self.store.facts(tenant, user)?;
        // A turn is represented by the preference-bearing facts learned from it (current or
        // ended); a fact of another facet ("Has a strong aversion to seafood." filed as a
        // possession) does not stand for what the turn says about likes and dislikes.
        let covered: HashSet<&str> = facts
            .iter()
            .filter(|f| {
                matches!(
                    f.facet,
                    Facet::Preference | Facet::Interest | Facet::Identity
                )
            })
            .flat_map(|f| f.evidence.iter().map(|e| e.as_str()))
            .collect();
        let memory = self.memory(tenant, user)?;
        let memory = memory.read().unwrap_or_else(|p| p.into_inner());
        for (at, turn) in memory.turns.iter().enumerate() {
            if turn.role == Role::User && !covered.contains(&*turn.id) {
                statements.extend(preference_statements(&own_turn_resolved(&memory, at)));
            }
        }
        Ok(statements)
    }

    /// Statements of the current facts, weighted by how distinctive each fact is.
    fn fact_statements(
        &self,
        tenant: &TenantId,
        user: &UserId,
    ) -> Result<Vec<PreferenceStatement>> {
        let facts = self.store.facts(tenant, user)?;
        if facts.is_empty() {
            return Ok(Vec::new());
        }
        let population = self.store.population(tenant)?;
        let most = ((population.users as f32 + 1.0) / 0.5).ln().max(1e-3);
        Ok(facts
            .iter()
            .filter_map(|fact| {
                let mut statement = statement_from_fact(fact)?;
                let share = (distinctiveness(&population, fact) / most).clamp(0.0, 1.0);
                statement.confidence *= 0.7 + 0.3 * share;
                Some(statement)
            })
            .collect())
    }

    /// Ranks free-text candidates as answers to `question`: the user's statements that bear most
    /// on the question and the candidates are the evidence; each candidate is scored by what
    /// sets it apart from the others, against what the user wants and rejects.
    pub(crate) fn rank_texts(
        &self,
        tenant: &TenantId,
        user: &UserId,
        candidates: &[String],
        question: &str,
    ) -> Result<Vec<RankedCandidate>> {
        let statements = self.preference_statements(tenant, user)?;
        let embedder = self.embedder.as_ref();
        let evidence = select_evidence(statements, question, candidates, embedder);
        let ranking = ResponseRanking::default();
        let ranked = rank_responses(&evidence, question, candidates, embedder, &ranking);
        Ok(ranked
            .into_iter()
            .map(|r| {
                let reason = match r.because {
                    Some((sentence, vote)) if vote < 0.0 => Reason::YouSaidYouAvoid(sentence),
                    Some((sentence, _)) => Reason::YouSaidYouWant(sentence),
                    None => Reason::NoPersonalSignal,
                };
                RankedCandidate {
                    index: r.index,
                    item_id: None,
                    title: candidates[r.index].clone(),
                    score: r.score,
                    reasons: vec![reason.to_string()],
                }
            })
            .collect())
    }
}

/// The text of the user's turn at `at`, with references to a numbered list the assistant had
/// offered just before ("option 2") replaced by the options.
fn own_turn_resolved(memory: &UserMemory, at: usize) -> String {
    let turn = &memory.turns[at];
    let previous = at
        .checked_sub(1)
        .map(|i| &memory.turns[i])
        .filter(|t| t.role == Role::Assistant);
    match previous {
        Some(list) => resolve_option_references(&turn.text, &list.text),
        None => turn.text.to_string(),
    }
}
