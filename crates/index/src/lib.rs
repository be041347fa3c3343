//! # rapport-index
//!
//! Per-user retrieval over a user's turns and facts: a compact BM25 inverted index and quantized
//! vectors ([`UserIndex`]), fused and re-ranked with what is known about the query (who it
//! names, when it asks about, whether it wants the latest state) and about the items (speaker,
//! session neighbours, time, superseded facts). Everything here is derived data, rebuilt from
//! the event log and the profile; there is no IO. [`IndexCache`] keeps hot users' indexes in
//! memory within a budget, so a query costs in proportion to that user's data only.
//!
//! ```
//! use chrono::Utc;
//! use rapport_index::{Doc, Query, UserIndex};
//!
//! let mut index = UserIndex::new();
//! let mut doc = Doc::turn("e1", "I adopted a puppy called Biscuit", Utc::now(), 1);
//! doc.speaker = Some("Ana".into());
//! index.add(doc, None);
//! index.add(Doc::turn("e2", "The weather is lovely today", Utc::now(), 2), None);
//! let hits = index.search(&Query::new("What is the name of Ana's dog puppy?", 5), None);
//! assert_eq!(hits[0].id, "e1");
//! ```

mod bm25;
mod cache;
mod context_bm25;
mod doc;
pub mod fusion;
mod hash;
mod prepared;
mod query_plan;
mod search;
mod stem;
mod time_query;
mod tokenize;
mod tuning;
mod user_index;
mod vector;

pub use cache::{IndexCache, MemoryUse, SharedIndex};
pub use doc::{Components, Doc, DocKind, Hit, Query};
pub use hash::{FxHashMap, FxHashSet, FxHasher};
pub use prepared::{PreparedDoc, embedding_text};
pub use stem::stem;
pub use time_query::{TimeRange, mentions_time, parse_range};
pub use tokenize::{is_stopword, terms, words};
pub use tuning::{Fusion, Tuning};
pub use user_index::UserIndex;
pub use vector::ExactVectors;
