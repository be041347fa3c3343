//! Tests of the engine's mechanics: ingest, catch-up, caches, context packing. They use a tiny
//! scripted learner so they do not depend on what the built-in extractor learns.

mod context;
mod decisions;
mod forget;
mod ingest;
mod recommend;
mod scripted;
mod shared_store;
