//! The collaborative part of a recommendation: EASE fitted on every user's actions, plus a
//! shrunk per-item rating prior ("people who watch it tend to rate it well").

use rapport_core::Verb;

use crate::{ActionEvent, Catalog, EaseModel, Interactions, RecommendError, SignalWeights};

/// How the collaborative model is fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct CollaborativeConfig {
    /// Weights and decay of actions in the interaction matrix.
    pub signals: SignalWeights,
    /// EASE regularization λ.
    pub lambda: f64,
    /// Weight of the item rating prior (mean rating minus the global mean, shrunk).
    pub rating_prior: f32,
    /// Pseudo-count shrinking an item's mean rating toward the global mean.
    pub prior_shrinkage: f32,
}

impl Default for CollaborativeConfig {
    /// Tuned on a validation split carved from MovieLens-100k u1 train (never on test); see
    /// docs/EVALUATION.md.
    fn default() -> Self {
        Self {
            signals: SignalWeights {
                rating: [0.1, 0.3, 0.7, 1.0, 1.2],
                ..SignalWeights::default()
            },
            // Best on the validation split of train (docs/EVALUATION.md).
            lambda: 500.0,
            rating_prior: 0.0,
            prior_shrinkage: 10.0,
        }
    }
}

/// A fitted collaborative model over a catalog.
#[derive(Debug, Clone)]
pub struct Collaborative {
    /// Every user's interactions.
    pub interactions: Interactions,
    /// The item-to-item model.
    pub ease: EaseModel,
    /// Per item: shrunk mean rating minus the global mean (0 for unrated items).
    pub rating_prior: Vec<f32>,
    config: CollaborativeConfig,
}

impl Collaborative {
    /// Builds the interaction matrix from `events` and fits EASE on it.
    pub fn fit(
        catalog: &Catalog,
        events: &[ActionEvent],
        config: &CollaborativeConfig,
    ) -> Result<Self, RecommendError> {
        let interactions = Interactions::build(catalog, events, &config.signals);
        let ease = EaseModel::fit(interactions.rows(), catalog.len(), config.lambda)?;
        let rating_prior = rating_prior(catalog, events, config.prior_shrinkage);
        Ok(Self {
            interactions,
            ease,
            rating_prior,
            config: config.clone(),
        })
    }

    /// The collaborative score of every catalog item for a user position.
    pub fn scores(&self, user: usize) -> Vec<f32> {
        self.scores_of_row(self.interactions.row(user))
    }

    /// The collaborative score of every catalog item for a weighted row of (item position,
    /// weight), e.g. a user's own actions read after the model was fitted.
    pub fn scores_of_row(&self, row: &[(usize, f32)]) -> Vec<f32> {
        let mut scores = self.ease.score(row);
        if self.config.rating_prior != 0.0 {
            for (s, p) in scores.iter_mut().zip(&self.rating_prior) {
                *s += self.config.rating_prior * p;
            }
        }
        scores
    }

    /// Builds the interaction rows of `events` (typically one user's) over `catalog` with the
    /// model's signal weights and decay.
    pub fn interactions_of(&self, catalog: &Catalog, events: &[ActionEvent]) -> Interactions {
        Interactions::build(catalog, events, &self.config.signals)
    }

    /// Scores for a user who is not in the matrix: the rating prior only.
    pub fn cold_scores(&self) -> Vec<f32> {
        self.rating_prior
            .iter()
            .map(|p| self.config.rating_prior.max(0.01) * p)
            .collect()
    }
}

fn rating_prior(catalog: &Catalog, events: &[ActionEvent], shrinkage: f32) -> Vec<f32> {
    let mut sums = vec![(0f64, 0f64); catalog.len()];
    let (mut total, mut count) = (0f64, 0f64);
    for e in events.iter().filter(|e| e.verb == Verb::Rate) {
        if let (Some(at), Some(r)) = (catalog.position(&e.item), e.value) {
            sums[at].0 += r;
            sums[at].1 += 1.0;
            total += r;
            count += 1.0;
        }
    }
    let global = if count > 0.0 { total / count } else { 0.0 };
    let m = f64::from(shrinkage);
    sums.iter()
        .map(|&(s, c)| {
            if c == 0.0 {
                0.0
            } else {
                ((s + m * global) / (c + m) - global) as f32
            }
        })
        .collect()
}
