//! `import_items`, `recommend` and `rank`: the tenant's collaborative model (EASE on every
//! user's actions, cached here) combined with what this user said and did, with reasons.
//!
//! **Staleness.** A tenant's model is fitted on first use and cached. Ingesting an action or
//! importing items marks it stale; a stale model is refit on the next request, but at most once
//! per [`EngineConfig::recommend_refit_secs`](crate::EngineConfig), and any model older than
//! `recommend_max_age_secs` is refit (this catches writes by other processes sharing a
//! PostgreSQL store). The requesting user's own actions and statements are always read fresh,
//! so what they just did or said counts at once; only the item-to-item weights may lag.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rapport_core::{EventBody, Item, StoredEvent, TenantId, UserId};
use rapport_recommend::{
    ActionEvent, Candidate, Catalog, Filters, RankedItem, Recommender, RecommenderConfig,
};
use serde::Serialize;

use crate::{Engine, Error, InternalError, Result, UserError};

/// Most candidates one `rank` call takes.
pub const MAX_CANDIDATES: usize = 10_000;

/// What [`Engine::import_items`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Items new to the catalog.
    pub new: usize,
    /// Items that replaced one with the same id.
    pub updated: usize,
}

/// A ranked item or text, with the reasons a person can read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedCandidate {
    /// Position of the candidate in the request (for `rank`); its rank (for `recommend`).
    pub index: usize,
    /// The catalog item id, for items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The item's title, or the candidate text.
    pub title: String,
    /// Score; higher is better. Comparable within one answer only.
    pub score: f32,
    /// Why, most important first; never empty.
    pub reasons: Vec<String>,
}

impl RankedCandidate {
    pub(crate) fn from_ranked(ranked: RankedItem) -> Self {
        Self {
            index: ranked.index,
            item_id: ranked.item_id,
            title: ranked.title,
            score: ranked.score,
            reasons: ranked.reasons.iter().map(ToString::to_string).collect(),
        }
    }
}

/// Fitted models per tenant, with what they reflect.
#[derive(Default)]
pub(crate) struct ModelCache {
    tenants: Mutex<HashMap<TenantId, Slot>>,
}

#[derive(Default)]
struct Slot {
    model: Option<(Arc<Recommender>, Instant, u64)>,
    /// Bumped by every change the model should reflect.
    generation: u64,
}

impl ModelCache {
    /// Notes that the tenant's actions or items changed.
    pub(crate) fn mark_stale(&self, tenant: &TenantId) {
        let mut tenants = self.tenants.lock().unwrap_or_else(|p| p.into_inner());
        tenants.entry(tenant.clone()).or_default().generation += 1;
    }

    /// The cached model when it may still be used, and the generation a refit would reflect.
    fn usable(
        &self,
        tenant: &TenantId,
        refit: Duration,
        max_age: Duration,
    ) -> (Option<Arc<Recommender>>, u64) {
        let tenants = self.tenants.lock().unwrap_or_else(|p| p.into_inner());
        let Some(slot) = tenants.get(tenant) else {
            return (None, 0);
        };
        let usable = slot.model.as_ref().filter(|(_, fitted, generation)| {
            let age = fitted.elapsed();
            age < max_age && (*generation == slot.generation || age < refit)
        });
        (usable.map(|(m, _, _)| m.clone()), slot.generation)
    }

    fn put(&self, tenant: &TenantId, model: Arc<Recommender>, generation: u64) {
        let mut tenants = self.tenants.lock().unwrap_or_else(|p| p.into_inner());
        tenants.entry(tenant.clone()).or_default().model =
            Some((model, Instant::now(), generation));
    }
}

/// An action event as the recommender reads it.
pub(crate) fn action_event(stored: &StoredEvent) -> Option<ActionEvent> {
    let EventBody::Action(action) = &stored.event.body else {
        return None;
    };
    Some(ActionEvent {
        user: stored.event.user.as_str().to_string(),
        item: action.item.clone(),
        verb: action.verb,
        value: action.value,
        time: stored.event.time.timestamp(),
    })
}

impl Engine {
    /// Adds or replaces items of the tenant's catalog (validated first: nothing is stored if
    /// one is invalid).
    pub fn import_items(&self, tenant: &TenantId, items: &[Item]) -> Result<ImportReport> {
        for item in items {
            item.validate()?;
        }
        let new = self.store.upsert_items(tenant, items)?;
        if !items.is_empty() {
            self.models.mark_stale(tenant);
        }
        Ok(ImportReport {
            new,
            updated: items.len() - new,
        })
    }

    /// The tenant's catalog, ordered by item id.
    pub fn items(&self, tenant: &TenantId) -> Result<Vec<Item>> {
        Ok(self.store.items(tenant)?)
    }

    /// The best `k` catalog items for the user: collaborative scores from everyone's actions,
    /// moved by what the user said (likes, dislikes, constraints), leaving out what the user
    /// already consumed when `filters` say so. A user with no events gets what is well liked
    /// overall.
    pub fn recommend(
        &self,
        tenant: &TenantId,
        user: &UserId,
        k: usize,
        filters: &Filters,
    ) -> Result<Vec<RankedCandidate>> {
        let model = self.recommender(tenant)?;
        let actions = model.interactions_of(&self.user_actions(tenant, user)?);
        let statements = self.preference_statements(tenant, user)?;
        let ranked = model.recommend_for(&actions, user.as_str(), &statements, k, filters);
        Ok(ranked
            .into_iter()
            .enumerate()
            .map(|(rank, r)| RankedCandidate {
                index: rank,
                ..RankedCandidate::from_ranked(r)
            })
            .collect())
    }

    /// Ranks candidates for the user, best first. Catalog items are ranked like
    /// [`recommend`](Self::recommend) does (unknown ids and free texts by the profile alone).
    /// When every candidate is free text, they are ranked as answers to `context` (a question
    /// the user asked): against the user's statements that bear on it.
    pub fn rank(
        &self,
        tenant: &TenantId,
        user: &UserId,
        candidates: &[Candidate],
        context: Option<&str>,
    ) -> Result<Vec<RankedCandidate>> {
        if candidates.len() > MAX_CANDIDATES {
            return Err(Error::User(UserError::Invalid(
                rapport_core::Error::InvalidValue {
                    field: "candidates",
                    reason: format!("{} is more than {MAX_CANDIDATES}", candidates.len()),
                },
            )));
        }
        let texts: Option<Vec<String>> = candidates
            .iter()
            .map(|c| match c {
                Candidate::Text(t) => Some(t.clone()),
                Candidate::Item(_) => None,
            })
            .collect();
        if let Some(texts) = texts.filter(|t| !t.is_empty()) {
            return self.rank_texts(tenant, user, &texts, context.unwrap_or(""));
        }
        let model = self.recommender(tenant)?;
        let actions = model.interactions_of(&self.user_actions(tenant, user)?);
        let statements = self.preference_statements(tenant, user)?;
        let ranked = model.rank_for(&actions, user.as_str(), &statements, candidates);
        Ok(ranked
            .into_iter()
            .map(RankedCandidate::from_ranked)
            .collect())
    }

    /// The user's own action events, read fresh.
    fn user_actions(&self, tenant: &TenantId, user: &UserId) -> Result<Vec<ActionEvent>> {
        if self.store.user(tenant, user)?.is_none() {
            return Ok(Vec::new());
        }
        let events = self.store.events(tenant, user, 0, usize::MAX)?;
        Ok(events.iter().filter_map(action_event).collect())
    }

    /// The tenant's fitted model, refit when stale (see the module documentation).
    fn recommender(&self, tenant: &TenantId) -> Result<Arc<Recommender>> {
        let refit = Duration::from_secs(self.config.recommend_refit_secs);
        let max_age = Duration::from_secs(self.config.recommend_max_age_secs);
        let (cached, generation) = self.models.usable(tenant, refit, max_age);
        if let Some(model) = cached {
            return Ok(model);
        }
        let catalog = Catalog::new(self.store.items(tenant)?);
        let actions: Vec<ActionEvent> = self
            .store
            .actions(tenant)?
            .iter()
            .filter_map(action_event)
            .collect();
        let model = Recommender::fit(catalog, &actions, RecommenderConfig::default())
            .map_err(|e| Error::Internal(InternalError::Recommend(e)))?;
        let model = Arc::new(model);
        self.models.put(tenant, model.clone(), generation);
        Ok(model)
    }
}
