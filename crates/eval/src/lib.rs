//! rapport-eval

pub mod attributes;
pub mod bench;
pub mod extraction;
pub mod preference;
pub mod recommendation;
pub mod recommendation_engine;
pub mod retrieval;
