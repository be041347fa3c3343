//! The built-in parts [`Engine::open`](crate::Engine::open) assembles.

use std::sync::{Arc, OnceLock};

use rapport_core::{Embedder, Fact, ProfileLearner, StoredEvent};
use rapport_models::StaticEmbedder;

/// The built-in learner.
pub(crate) fn learner() -> Arc<dyn ProfileLearner> {
    Arc::new(NotYetLearning)
}

/// The built-in embedder, loaded once per process and shared.
pub(crate) fn embedder() -> Arc<dyn Embedder> {
    static BUILTIN: OnceLock<Arc<StaticEmbedder>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| Arc::new(StaticEmbedder::builtin()))
        .clone()
}

/// Placeholder until rapport-extract is wired in: learns nothing.
struct NotYetLearning;

impl ProfileLearner for NotYetLearning {
    fn learn(&self, _facts: &mut Vec<Fact>, _events: &[StoredEvent]) {}
}
