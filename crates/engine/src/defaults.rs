//! The built-in parts [`Engine::open`](crate::Engine::open) assembles.

use std::sync::{Arc, OnceLock};

use rapport_core::{Embedder, ProfileLearner};
use rapport_extract::PatternLearner;
use rapport_models::StaticEmbedder;

/// The built-in learner: pattern extraction and consolidation, no LLM (`rapport-extract`).
pub(crate) fn learner() -> Arc<dyn ProfileLearner> {
    Arc::new(PatternLearner::new())
}

/// The built-in embedder, loaded once per process and shared.
pub(crate) fn embedder() -> Arc<dyn Embedder> {
    static BUILTIN: OnceLock<Arc<StaticEmbedder>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| Arc::new(StaticEmbedder::builtin()))
        .clone()
}
