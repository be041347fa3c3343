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

    /// Like [`learn`](Self::learn), with `before`: the user's event just before `events` in the
    /// log, already learned, given as context only (the question a short first reply answers).
    /// The engine calls this one, so that learning a log in batches gives the same facts
    /// wherever the batches split it. The default ignores `before`.
    fn learn_after(
        &self,
        facts: &mut Vec<Fact>,
        before: Option<&StoredEvent>,
        events: &[StoredEvent],
    ) {
        let _ = before;
        self.learn(facts, events);
    }
}
