//! The knobs of ranking and their tuned defaults.

/// How the signals are fused into one score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fusion {
    /// Weighted sum of normalized scores: BM25 scaled by its best, cosine by how far it rises
    /// above the mean.
    Weighted,
    /// Reciprocal-rank fusion with the given `k`, weighted by the same weights.
    Rrf(f32),
}

/// The knobs of [`UserIndex::search_with`]. [`Tuning::default`] is the tuned default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// How signals are combined.
    pub fusion: Fusion,
    /// Weight of the lexical (BM25) signal.
    pub lexical: f32,
    /// Weight of the context-BM25 signal (a turn joined with its neighbours).
    pub context: f32,
    /// Weight of a neighbour's words in a turn's context.
    pub context_share: f32,
    /// Weight of the vector signal.
    pub vector: f32,
    /// Query weight of a pair of consecutive terms, relative to a single term.
    pub bigram: f32,
    /// Query-term weight of a word that names a speaker.
    pub name_weight: f32,
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalization.
    pub b: f32,
    /// Share of the better neighbouring turn's score a turn receives.
    pub neighbour: f32,
    /// Decay of the neighbour share per further step away (`neighbour × decay^(d-1)`).
    pub neighbour_decay: f32,
    /// How many turns away on each side a turn looks for neighbours.
    pub neighbour_window: usize,
    /// Share of the best score in a turn's session that the turn receives.
    pub session: f32,
    /// Extra score (as a factor) for items said by a speaker the query names.
    pub speaker_boost: f32,
    /// Extra score for items dated within the period the query names.
    pub range_boost: f32,
    /// Extra score for items that mention a time, for "when" questions.
    pub when_boost: f32,
    /// Extra score for the newest items, when the query asks for the latest state.
    pub recency_boost: f32,
    /// Factor for facts that no longer hold (unless the query asks about the past).
    pub superseded: f32,
}

impl Default for Tuning {
    /// Tuned on the first half of the LoCoMo development set (see the eval crate).
    fn default() -> Self {
        Self {
            fusion: Fusion::Weighted,
            lexical: 0.3,
            vector: 0.7,
            context: 1.0,
            context_share: 0.5,
            bigram: 0.6,
            name_weight: 0.3,
            k1: crate::bm25::K1,
            b: crate::bm25::B,
            neighbour: 0.3,
            neighbour_decay: 0.8,
            neighbour_window: 4,
            session: 0.2,
            speaker_boost: 1.0,
            range_boost: 2.0,
            when_boost: 0.5,
            recency_boost: 0.3,
            superseded: 0.5,
        }
    }
}
