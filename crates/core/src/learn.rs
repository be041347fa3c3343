use crate::{Fact, StoredEvent};

/// Learns a user's profile from their events: extraction plus consolidation.
///
/// The built-in implementation (crate `rapport-extract`) needs no LLM; an LLM-backed one can
/// implement the same trait. Implementations must be deterministic, so that replaying the event
/// log (`rapport reindex`) rebuilds the same profile.
pub trait ProfileLearner: Send + Sync {
    /// Folds `events` (one user's new events, in log order) into `facts`, which holds every
    /// fact of that user, current and past. Never deletes a fact: a change ends the old one.
    fn learn(&self, facts: &mut Vec<Fact>, events: &[StoredEvent]);
}
