//! # rapport-recommend
//!
//! Recommendation and ranking from a user's profile, with reasons a person can read. Pure: no
//! IO, no SQL, no HTTP; the engine feeds it events, facts and the user's turns.
//!
//! - **Catalog and actions**: [`Catalog`] of [`Item`]s; [`Interactions`] built from
//!   [`ActionEvent`]s (rating ≥ 4 is a like, ≤ 2 a dislike) with per-verb [`SignalWeights`] and
//!   time decay.
//! - **Collaborative model**: [`EaseModel`], a closed-form linear item model (own dense Cholesky
//!   inverse) fitted on every user's actions, wrapped with a rating prior in [`Collaborative`];
//!   [`top_k`] selects the best candidates without a full sort.
//! - **What the user said**: [`preference_statements`] parses sentences into signed terms
//!   (wanted +, rejected −), [`statement_from_fact`] does the same for learned facts.
//! - **Ranking**: [`Recommender::recommend`] and [`Recommender::rank`] combine both and attach
//!   [`Reason`]s ("because you liked Heat and Ronin", "you said you avoid gluten");
//!   [`select_evidence`] and [`rank_responses`] rank free-text candidate answers for a user.
//!
//! ```
//! use rapport_recommend::{Candidate, Catalog, Item, Recommender, RecommenderConfig, preference_statements};
//!
//! let catalog = Catalog::new([Item::new("a", "Bull & Bear Steakhouse"), Item::new("b", "Green Garden vegetarian")]);
//! let recommender = Recommender::fit(catalog, &[], RecommenderConfig::default()).unwrap();
//! let said = preference_statements("I'm vegetarian.");
//! let ranked = recommender.rank("ana", &said, &[Candidate::Item("a".into()), Candidate::Item("b".into())]);
//! assert_eq!(ranked[0].item_id.as_deref(), Some("b"));
//! assert_eq!(ranked[1].reasons[0].to_string(), "ranked lower: you said you're vegetarian");
//! ```

mod antonyms;
mod catalog;
mod collaborative;
mod cues;
mod ease;
mod error;
mod interactions;
mod kinds;
mod limits;
mod linalg;
mod option_terms;
mod profile_match;
mod profile_statements;
mod reason;
mod recommender;
mod references;
mod responses;
mod stated;
mod terms;
mod topk;
mod user_statements;

pub use catalog::{Catalog, Item};
pub use collaborative::{Collaborative, CollaborativeConfig};
pub use ease::EaseModel;
pub use error::RecommendError;
pub use interactions::{ActionEvent, Interactions, SignalWeights, sentiment};
pub use linalg::SquareMatrix;
pub use profile_match::{ProfileMatch, match_text};
pub use profile_statements::statement_from_fact;
pub use reason::{Reason, second_person};
pub use recommender::{Candidate, Filters, RankedItem, Recommender, RecommenderConfig};
pub use references::{numbered_items, resolve_option_references};
pub use responses::{Evidence, RankedResponse, ResponseRanking, rank_responses, select_evidence};
pub use stated::{PreferenceStatement, parse_sentence, preference_statements, sentences};
pub use terms::{SignedTerm, signed_terms, stem, words};
pub use topk::{by_score_then_index, top_k};
pub use user_statements::{UserTurn, user_statements};
