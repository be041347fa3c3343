//! Tests of the engine's mechanics: ingest, catch-up, caches, context packing. They use a tiny
//! scripted learner so they do not depend on what the built-in extractor learns.

mod context;
mod ingest;
mod recommend;
mod scripted;
