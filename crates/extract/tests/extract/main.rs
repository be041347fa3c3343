//! Tests of rapport-extract through its public API: what sentences yield, how consolidation
//! folds facts, and that learning is deterministic, idempotent and independent of batching.

mod batching;
mod consolidation;
mod sentences;
mod support;
mod table;
mod table_life;
mod times;
