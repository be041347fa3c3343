//! `recommend` and `rank`: collaborative scores from everyone's actions, re-ranked with what the
//! user said (likes, dislikes, constraints), every item with readable reasons.

use crate::profile_match::match_text;
use crate::{
    ActionEvent, Catalog, Collaborative, CollaborativeConfig, Interactions, PreferenceStatement,
    Reason, RecommendError, top_k,
};

/// How collaborative and stated signals are combined.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommenderConfig {
    /// The collaborative model.
    pub collaborative: CollaborativeConfig,
    /// Weight of the profile match relative to the standardized collaborative score.
    pub profile_weight: f32,
    /// Extra push down for an item that goes against a stated constraint.
    pub constraint_penalty: f32,
}

impl Default for RecommenderConfig {
    fn default() -> Self {
        Self {
            collaborative: CollaborativeConfig::default(),
            profile_weight: 1.0,
            constraint_penalty: 3.0,
        }
    }
}

/// What may be recommended.
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    /// Leave out items the user already acted on.
    pub exclude_consumed: bool,
    /// When not empty, only items with at least one of these tags (case-insensitive).
    pub tags_any: Vec<String>,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            exclude_consumed: true,
            tags_any: Vec::new(),
        }
    }
}

/// A candidate to rank: a catalog item or any text.
#[derive(Debug, Clone, PartialEq)]
pub enum Candidate {
    /// A catalog item id.
    Item(String),
    /// Free text (an answer, a product description not in the catalog).
    Text(String),
}

/// A ranked candidate with its reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedItem {
    /// Position of the candidate in the input (for `rank`), or in the catalog (for `recommend`).
    pub index: usize,
    /// The item id, for catalog items.
    pub item_id: Option<String>,
    /// The title (catalog items) or the text.
    pub title: String,
    /// Score; higher is better.
    pub score: f32,
    /// Why, most important first; never empty.
    pub reasons: Vec<Reason>,
}

/// A fitted recommender over a catalog.
#[derive(Debug, Clone)]
pub struct Recommender {
    catalog: Catalog,
    model: Collaborative,
    config: RecommenderConfig,
}

impl Recommender {
    /// Fits the collaborative model on every user's `events`.
    pub fn fit(
        catalog: Catalog,
        events: &[ActionEvent],
        config: RecommenderConfig,
    ) -> Result<Self, RecommendError> {
        let model = Collaborative::fit(&catalog, events, &config.collaborative)?;
        Ok(Self {
            catalog,
            model,
            config,
        })
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The interactions of `events` (typically one user's, read after the model was fitted) over
    /// this catalog, for [`recommend_for`](Self::recommend_for) and [`rank_for`](Self::rank_for).
    pub fn interactions_of(&self, events: &[ActionEvent]) -> Interactions {
        self.model.interactions_of(&self.catalog, events)
    }

    /// The best `k` catalog items for `user` given what they said, with reasons; the user's
    /// actions are those the model was fitted on.
    pub fn recommend(
        &self,
        user: &str,
        statements: &[PreferenceStatement],
        k: usize,
        filters: &Filters,
    ) -> Vec<RankedItem> {
        self.recommend_for(&self.model.interactions, user, statements, k, filters)
    }

    /// Like [`recommend`](Self::recommend), with the user's actions taken from `actions`.
    pub fn recommend_for(
        &self,
        actions: &Interactions,
        user: &str,
        statements: &[PreferenceStatement],
        k: usize,
        filters: &Filters,
    ) -> Vec<RankedItem> {
        let position = actions.user_position(user);
        let collaborative = self.collaborative_scores(actions, position);
        let wanted_tags: Vec<String> = filters.tags_any.iter().map(|t| t.to_lowercase()).collect();
        let keep = |i: usize| {
            let consumed =
                filters.exclude_consumed && position.is_some_and(|u| actions.consumed(u, i));
            let tagged = wanted_tags.is_empty()
                || self
                    .catalog
                    .item(i)
                    .tags
                    .iter()
                    .any(|t| wanted_tags.contains(&t.to_lowercase()));
            !consumed && tagged
        };
        let scores: Vec<f32> = (0..self.catalog.len())
            .map(|i| {
                collaborative[i]
                    + self
                        .profile_adjustment(statements, &self.catalog.item(i).describe())
                        .0
            })
            .collect();
        top_k(&scores, k, keep)
            .into_iter()
            .map(|(i, score)| self.ranked_item(actions, position, statements, i, i, score))
            .collect()
    }

    /// Ranks `candidates` for `user`, best first; unknown item ids and free text are ranked by
    /// the profile alone.
    pub fn rank(
        &self,
        user: &str,
        statements: &[PreferenceStatement],
        candidates: &[Candidate],
    ) -> Vec<RankedItem> {
        self.rank_for(&self.model.interactions, user, statements, candidates)
    }

    /// Like [`rank`](Self::rank), with the user's actions taken from `actions`.
    pub fn rank_for(
        &self,
        actions: &Interactions,
        user: &str,
        statements: &[PreferenceStatement],
        candidates: &[Candidate],
    ) -> Vec<RankedItem> {
        let position = actions.user_position(user);
        let collaborative = self.collaborative_scores(actions, position);
        let mut ranked: Vec<RankedItem> = candidates
            .iter()
            .enumerate()
            .map(|(index, candidate)| match candidate {
                Candidate::Item(id) if self.catalog.position(id).is_some() => {
                    let at = self.catalog.position(id).unwrap_or_default();
                    let score = collaborative[at]
                        + self
                            .profile_adjustment(statements, &self.catalog.item(at).describe())
                            .0;
                    self.ranked_item(actions, position, statements, index, at, score)
                }
                Candidate::Item(text) | Candidate::Text(text) => {
                    let (score, reason) = self.profile_adjustment(statements, text);
                    RankedItem {
                        index,
                        item_id: matches!(candidate, Candidate::Item(_)).then(|| text.clone()),
                        title: text.clone(),
                        score,
                        reasons: vec![reason.unwrap_or(Reason::NoPersonalSignal)],
                    }
                }
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        ranked
    }

    /// Collaborative scores standardized over the catalog (mean 0, deviation 1).
    fn collaborative_scores(&self, actions: &Interactions, user: Option<usize>) -> Vec<f32> {
        let raw = match user {
            Some(u) => self.model.scores_of_row(actions.row(u)),
            None => self.model.cold_scores(),
        };
        let n = raw.len().max(1) as f32;
        let mean = raw.iter().sum::<f32>() / n;
        let sd = (raw.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / n).sqrt();
        raw.iter()
            .map(|v| if sd > 1e-9 { (v - mean) / sd } else { 0.0 })
            .collect()
    }

    /// The profile's effect on a text's score, and the reason for it when it is notable.
    fn profile_adjustment(
        &self,
        statements: &[PreferenceStatement],
        text: &str,
    ) -> (f32, Option<Reason>) {
        if statements.is_empty() {
            return (0.0, None);
        }
        let found = match_text(statements, text);
        let mut adjustment = self.config.profile_weight * found.score;
        let reason = found
            .strongest
            .filter(|(_, vote)| vote.abs() >= NOTABLE_VOTE)
            .map(|(sentence, vote)| {
                if vote < 0.0 {
                    adjustment -= self.config.constraint_penalty;
                    Reason::YouSaidYouAvoid(sentence)
                } else {
                    Reason::YouSaidYouWant(sentence)
                }
            });
        (adjustment, reason)
    }

    fn ranked_item(
        &self,
        actions: &Interactions,
        user: Option<usize>,
        statements: &[PreferenceStatement],
        index: usize,
        at: usize,
        score: f32,
    ) -> RankedItem {
        let item = self.catalog.item(at);
        let mut reasons = Vec::new();
        if let Some(reason) = self.profile_adjustment(statements, &item.describe()).1 {
            reasons.push(reason);
        }
        if let Some(u) = user {
            let liked: Vec<(usize, f32)> =
                actions.liked(u).iter().map(|&(i, _)| (i, 1.0)).collect();
            let titles: Vec<String> = self
                .model
                .ease
                .top_contributors(&liked, at, 2)
                .into_iter()
                .map(|(i, _)| self.catalog.item(i).title.clone())
                .collect();
            if !titles.is_empty() {
                reasons.push(Reason::BecauseYouLiked(titles));
            }
        }
        if reasons.is_empty() {
            reasons.push(Reason::PopularWithEveryone);
        }
        RankedItem {
            index,
            item_id: Some(item.item_id.clone()),
            title: item.title.clone(),
            score,
            reasons,
        }
    }
}

/// A profile vote at least this large is worth telling the user.
const NOTABLE_VOTE: f32 = 0.3;
