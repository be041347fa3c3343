//! What the user said they want and avoid, as signed preference statements: every sentence of
//! the user's own turns, merged with the facts learned from them (so an edited or ended fact
//! counts at once). And the ranking of free-text candidates (answers to a question)
//! against those statements.

use rapport_core::{Fact, Role, TenantId, UserId};
use rapport_recommend::{
    PreferenceStatement, Reason, ResponseRanking, UserTurn, rank_responses,
    resolve_option_references, select_evidence, user_statements,
};

use crate::memory::UserMemory;
use crate::{Engine, RankedCandidate, Result, distinctiveness};

impl Engine {
    /// The user's preference statements: every sentence of the user's turns (with "option 2"
    /// resolved against the list the assistant had offered just before), standing for the
    /// current fact learned from it, or dropped when that fact has ended; plus the current
    /// preference, interest and identity facts no sentence stands for (edited ones). A fact's
    /// weight is raised when it is distinctive. A user with no events has none.
    pub(crate) fn preference_statements(
        &self,
        tenant: &TenantId,
        user: &UserId,
    ) -> Result<Vec<PreferenceStatement>> {
        if self.store.user(tenant, user)?.is_none() {
            return Ok(Vec::new());
        }
        let facts = self.store.facts(tenant, user)?;
        let population = self.store.population(tenant)?;
        let most = ((population.users as f32 + 1.0) / 0.5).ln().max(1e-3);
        let weight = |fact: &Fact| {
            let share = (distinctiveness(&population, fact) / most).clamp(0.0, 1.0);
            0.7 + 0.3 * share
        };
        let memory = self.memory(tenant, user)?;
        let memory = memory.read().unwrap_or_else(|p| p.into_inner());
        let turns: Vec<UserTurn<'_>> = memory
            .turns
            .iter()
            .enumerate()
            .filter(|(_, turn)| turn.role == Role::User)
            .map(|(at, turn)| UserTurn {
                id: &turn.id,
                text: own_turn_resolved(&memory, at),
            })
            .collect();
        Ok(user_statements(&turns, &facts, weight))
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
