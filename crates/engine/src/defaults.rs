//! The built-in parts [`Engine::open`](crate::Engine::open) assembles.

use std::sync::Arc;

use rapport_core::{Fact, ProfileLearner, StoredEvent};

/// The built-in learner.
pub(crate) fn learner() -> Arc<dyn ProfileLearner> {
    Arc::new(NotYetLearning)
}

/// Placeholder until rapport-extract is wired in: learns nothing.
struct NotYetLearning;

impl ProfileLearner for NotYetLearning {
    fn learn(&self, _facts: &mut Vec<Fact>, _events: &[StoredEvent]) {}
}
