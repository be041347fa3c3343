//! What goes into a user's index and what comes out of a search.

use chrono::{DateTime, Utc};

/// Whether a document is a conversation turn (or other event) or an extracted fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// A chat turn or authored document: an event of the log.
    Turn,
    /// A fact of the profile, rendered as a sentence.
    Fact,
}

/// One searchable item of a user: an event or a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The id returned in hits (an event id, or a fact id rendered as text).
    pub id: String,
    /// The text to search.
    pub text: String,
    /// Who said it, when the item is a turn of a conversation with named speakers.
    pub speaker: Option<String>,
    /// When it was said or learned (for turns, the session time is a good value).
    pub time: DateTime<Utc>,
    /// The conversation session it belongs to; consecutive turns of a session are neighbours.
    pub session: Option<String>,
    /// Position in the user's log; orders turns within a session.
    pub seq: u64,
    /// Turn or fact.
    pub kind: DocKind,
    /// Extra text that should also find this item: facts extracted from a turn, an image caption.
    pub keys: Vec<String>,
    /// For facts: whether the fact still holds (not superseded or ended). Turns are current.
    pub current: bool,
}

impl Doc {
    /// A current turn with no speaker, session or keys; a convenience for tests and examples.
    pub fn turn(
        id: impl Into<String>,
        text: impl Into<String>,
        time: DateTime<Utc>,
        seq: u64,
    ) -> Self {
        Self {
            id: id.into(),
            text: text.into(),
            speaker: None,
            time,
            session: None,
            seq,
            kind: DocKind::Turn,
            keys: Vec::new(),
            current: true,
        }
    }
}

/// A search request within one user's index.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// What to look for, as the user or application phrased it.
    pub text: String,
    /// "Now" for relative time expressions ("last year"); defaults to the user's latest item.
    pub time: Option<DateTime<Utc>>,
    /// How many hits to return at most.
    pub limit: usize,
}

impl Query {
    /// A query with no explicit time.
    pub fn new(text: impl Into<String>, limit: usize) -> Self {
        Self {
            text: text.into(),
            time: None,
            limit,
        }
    }
}

/// How a hit's score came about, for explanations and tuning.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Components {
    /// Okapi BM25 of the query against the item's text and keys (before speaker reweighting).
    pub bm25: f32,
    /// Cosine similarity of the query and item vectors (0 without vectors).
    pub vector: f32,
    /// Fused relevance of the item itself, in [0, 1] per signal before weighting.
    pub fused: f32,
    /// Share added because neighbouring turns (or others of the same session) matched.
    pub neighbour: f32,
    /// Multiplier from speaker, time, recency and fact-status boosts (1 = none).
    pub boost: f32,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The [`Doc::id`] of the item.
    pub id: String,
    /// Turn or fact.
    pub kind: DocKind,
    /// Final score; hits are sorted by it, highest first.
    pub score: f32,
    /// Where the score came from.
    pub components: Components,
}
