//! Tests of the engine's mechanics: ingest, catch-up, caches, context packing. Most use a tiny
//! scripted learner so they do not depend on what the built-in extractor learns; `builtin`
//! checks the wiring of the default learner.

mod builtin;
mod context;
mod decisions;
mod forget;
mod inference;
mod inference_window;
mod ingest;
mod parallel;
mod policy;
mod recommend;
mod scripted;
mod shared_store;
