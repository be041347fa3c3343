//! The user × item interaction matrix built from action events, with per-verb weights and time
//! decay, plus each user's likes, dislikes and consumed items.

use std::collections::{BTreeSet, HashMap};

use rapport_core::Verb;

use crate::Catalog;

/// One action of a user on an item, as the recommender sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionEvent {
    /// The user's id.
    pub user: String,
    /// The item's id.
    pub item: String,
    /// What they did.
    pub verb: Verb,
    /// The rating for [`Verb::Rate`].
    pub value: Option<f64>,
    /// When, in seconds since the epoch.
    pub time: i64,
}

/// How much each kind of action says about a user's interest, and how fast it fades.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalWeights {
    /// Weight of a rating of 1, 2, 3, 4, 5 (ratings are rounded and clamped to 1–5).
    pub rating: [f32; 5],
    /// Weight of a view.
    pub view: f32,
    /// Weight of a click.
    pub click: f32,
    /// Weight of an explicit like.
    pub like: f32,
    /// Weight of an explicit dislike (the user did engage with the item).
    pub dislike: f32,
    /// Weight of a purchase.
    pub purchase: f32,
    /// Weight of a skip.
    pub skip: f32,
    /// Half-life of a signal in days, measured back from the user's latest action; `None`
    /// keeps every signal at full weight.
    pub half_life_days: Option<f64>,
}

impl Default for SignalWeights {
    fn default() -> Self {
        Self {
            rating: [1.0, 1.0, 1.0, 1.0, 1.0],
            view: 0.3,
            click: 0.5,
            like: 1.0,
            dislike: 0.2,
            purchase: 1.0,
            skip: 0.0,
            half_life_days: None,
        }
    }
}

impl SignalWeights {
    /// The weight of one action before decay.
    pub fn weight(&self, verb: Verb, value: Option<f64>) -> f32 {
        match verb {
            Verb::Rate => self.rating[rating_index(value.unwrap_or(3.0))],
            Verb::View => self.view,
            Verb::Click => self.click,
            Verb::Like => self.like,
            Verb::Dislike => self.dislike,
            Verb::Purchase => self.purchase,
            Verb::Skip => self.skip,
        }
    }
}

fn rating_index(value: f64) -> usize {
    (value.round().clamp(1.0, 5.0) as usize) - 1
}

/// What an action says about liking: a rating ≥ 4 or a like is a like, ≤ 2 or a dislike is a
/// dislike.
pub fn sentiment(verb: Verb, value: Option<f64>) -> Option<bool> {
    match verb {
        Verb::Like | Verb::Purchase => Some(true),
        Verb::Dislike | Verb::Skip => Some(false),
        Verb::Rate => match value {
            Some(r) if r >= 4.0 => Some(true),
            Some(r) if r <= 2.0 => Some(false),
            _ => None,
        },
        Verb::View | Verb::Click => None,
    }
}

/// The interaction matrix (sparse rows, one per user) over a catalog's positions.
#[derive(Debug, Clone, Default)]
pub struct Interactions {
    users: Vec<String>,
    positions: HashMap<String, usize>,
    /// Per user: (item position, decayed weight), sorted by position.
    rows: Vec<Vec<(usize, f32)>>,
    /// Per user: items liked, with the time of the latest like.
    liked: Vec<Vec<(usize, i64)>>,
    /// Per user: items disliked.
    disliked: Vec<BTreeSet<usize>>,
    /// Actions on items that are not in the catalog (ignored).
    pub unknown_items: usize,
}

impl Interactions {
    /// Builds the matrix from `events` (any order). For each user and item, the weight is the
    /// largest decayed weight of its actions; the latest sentiment decides like or dislike.
    pub fn build(catalog: &Catalog, events: &[ActionEvent], weights: &SignalWeights) -> Self {
        let mut out = Self::default();
        let mut latest: HashMap<usize, i64> = HashMap::new();
        let mut known = Vec::with_capacity(events.len());
        for event in events {
            let Some(item) = catalog.position(&event.item) else {
                out.unknown_items += 1;
                continue;
            };
            let user = out.user_position_or_insert(&event.user);
            let t = latest.entry(user).or_insert(event.time);
            *t = (*t).max(event.time);
            known.push((user, item, event));
        }
        known.sort_by_key(|(user, item, e)| (*user, *item, e.time));
        let mut cells: HashMap<(usize, usize), (f32, Option<bool>)> = HashMap::new();
        for (user, item, event) in known {
            let age_days = (latest[&user] - event.time).max(0) as f64 / 86_400.0;
            let decay = weights
                .half_life_days
                .map_or(1.0, |h| 0.5f64.powf(age_days / h)) as f32;
            let w = weights.weight(event.verb, event.value) * decay;
            let cell = cells.entry((user, item)).or_insert((0.0, None));
            cell.0 = cell.0.max(w);
            if let Some(s) = sentiment(event.verb, event.value) {
                cell.1 = Some(s);
                if s {
                    out.liked[user].retain(|(i, _)| *i != item);
                    out.liked[user].push((item, event.time));
                }
            }
        }
        for ((user, item), (w, sentiment)) in cells {
            if w > 0.0 {
                out.rows[user].push((item, w));
            }
            match sentiment {
                Some(false) => {
                    out.disliked[user].insert(item);
                    out.liked[user].retain(|(i, _)| *i != item);
                }
                Some(true) => {}
                None => out.liked[user].retain(|(i, _)| *i != item),
            }
        }
        out.rows.iter_mut().for_each(|r| r.sort_by_key(|(i, _)| *i));
        out
    }

    fn user_position_or_insert(&mut self, user: &str) -> usize {
        if let Some(&at) = self.positions.get(user) {
            return at;
        }
        self.positions.insert(user.to_string(), self.users.len());
        self.users.push(user.to_string());
        self.rows.push(Vec::new());
        self.liked.push(Vec::new());
        self.disliked.push(BTreeSet::new());
        self.users.len() - 1
    }

    /// Number of users.
    pub fn user_count(&self) -> usize {
        self.users.len()
    }

    /// The position of a user id.
    pub fn user_position(&self, user: &str) -> Option<usize> {
        self.positions.get(user).copied()
    }

    /// All user ids in position order.
    pub fn users(&self) -> &[String] {
        &self.users
    }

    /// A user's weighted row: (item position, weight), sorted by position.
    pub fn row(&self, user: usize) -> &[(usize, f32)] {
        &self.rows[user]
    }

    /// All rows.
    pub fn rows(&self) -> &[Vec<(usize, f32)>] {
        &self.rows
    }

    /// Items the user liked, with the time of the like.
    pub fn liked(&self, user: usize) -> &[(usize, i64)] {
        &self.liked[user]
    }

    /// Items the user disliked.
    pub fn disliked(&self, user: usize) -> &BTreeSet<usize> {
        &self.disliked[user]
    }

    /// Whether the user already acted on the item (excluded from recommendations).
    pub fn consumed(&self, user: usize, item: usize) -> bool {
        self.rows[user]
            .binary_search_by_key(&item, |(i, _)| *i)
            .is_ok()
            || self.disliked[user].contains(&item)
    }
}
