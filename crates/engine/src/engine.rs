use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard};

use rapport_core::{
    Embedder, EventId, Fact, ProfileLearner, Source, StoredEvent, TenantId, UserId,
};
use rapport_index::IndexCache;
use rapport_store::{FactUpdate, PostgresStore, SqliteStore, Store, UserSummary};
use serde::Serialize;

use crate::audit::audit_entry;
use crate::memory::UserMemory;
use crate::{Actor, EngineConfig, Error, Result, UserError};

/// Events read from the log per step when learning catches up with it.
const CATCH_UP_PAGE: usize = 5_000;

/// What [`Engine::learn_from_log`] replayed.
pub(crate) struct Replayed {
    /// The last sequence number the facts reflect now.
    pub learned_seq: u64,
    /// Events replayed.
    pub events: u64,
    /// The event at `learned_seq` (the context of the next learning).
    pub last: Option<StoredEvent>,
}

/// How often a batch is learned again after another process saved the same user's facts.
pub(crate) const MAX_CONFLICT_RETRIES: usize = 8;

/// The parts an engine is assembled from. [`Engine::open`] picks the built-in ones.
pub struct Parts {
    /// Where events and derived state live.
    pub store: Arc<dyn Store>,
    /// Extraction and consolidation.
    pub learner: Arc<dyn ProfileLearner>,
    /// Embeds turns, facts and queries for retrieval.
    pub embedder: Arc<dyn Embedder>,
}

/// The Rapport engine: the whole library API. Cheap to share behind an `Arc`; every method
/// takes `&self`.
pub struct Engine {
    pub(crate) config: EngineConfig,
    pub(crate) store: Arc<dyn Store>,
    pub(crate) learner: Arc<dyn ProfileLearner>,
    pub(crate) embedder: Arc<dyn Embedder>,
    /// Hot users' retrieval memories, bounded.
    cache: Mutex<IndexCache<UserMemory>>,
    /// Serializes learning so two batches for one user never consolidate from the same snapshot.
    learn_lock: Mutex<()>,
    /// Hot users' facts between batches; used only under `learn_lock`.
    learned: Mutex<crate::learned::LearnedCache>,
    /// Retrieval memories found in the cache, and built because they were not.
    pub(crate) cache_hits: AtomicU64,
    pub(crate) cache_misses: AtomicU64,
    /// Tenants' fitted recommendation models.
    pub(crate) models: crate::recommend::ModelCache,
}

/// What [`Engine::ingest`] did with a batch.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Events newly stored.
    pub accepted: usize,
    /// Events skipped because their id was already stored.
    pub duplicates: usize,
    /// Users whose profiles were updated.
    pub users: usize,
}

/// What [`Engine::reindex`] rebuilt.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct ReindexReport {
    /// Users whose profiles were rebuilt from their logs.
    pub users: usize,
    /// Events replayed.
    pub events: u64,
    /// Current facts after the rebuild.
    pub facts: usize,
}

impl Engine {
    /// Opens the engine with the built-in learner and embedder, on PostgreSQL when
    /// `config.database_url` is set, else on the embedded store in `config.data_dir`.
    pub fn open(config: EngineConfig) -> Result<Self> {
        let store: Arc<dyn Store> = match &config.database_url {
            Some(url) => Arc::new(PostgresStore::connect(url)?),
            None => Arc::new(SqliteStore::open(config.database_path())?),
        };
        let parts = Parts {
            store,
            learner: crate::defaults::learner(),
            embedder: crate::defaults::embedder(&config)?,
        };
        Ok(Self::with_parts(config, parts))
    }

    /// Assembles an engine from explicit parts (another store, another learner).
    pub fn with_parts(config: EngineConfig, parts: Parts) -> Self {
        let cache = IndexCache::new(config.index_cache_users, config.index_cache_bytes);
        Self {
            config,
            store: parts.store,
            learner: parts.learner,
            embedder: parts.embedder,
            cache: Mutex::new(cache),
            learn_lock: Mutex::new(()),
            learned: Mutex::default(),
            cache_hits: AtomicU64::new(0),
            cache_misses: AtomicU64::new(0),
            models: crate::recommend::ModelCache::default(),
        }
    }

    pub(crate) fn cache(&self) -> MutexGuard<'_, IndexCache<UserMemory>> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn lock_learning(&self) -> MutexGuard<'_, ()> {
        self.learn_lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn learned_cache(&self) -> MutexGuard<'_, crate::learned::LearnedCache> {
        self.learned.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The configuration the engine was opened with.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// Replays the log after `after_seq` into `facts`; `before` is the event at `after_seq`
    /// (none at 0), the learner's context for the first page.
    pub(crate) fn learn_from_log(
        &self,
        tenant: &TenantId,
        user: &UserId,
        facts: &mut Vec<Fact>,
        mut after_seq: u64,
        mut before: Option<StoredEvent>,
    ) -> Result<Replayed> {
        let mut replayed = 0;
        loop {
            let mut page = self.store.events(tenant, user, after_seq, CATCH_UP_PAGE)?;
            let Some(last) = page.last() else {
                return Ok(Replayed {
                    learned_seq: after_seq,
                    events: replayed,
                    last: before,
                });
            };
            after_seq = last.seq;
            replayed += page.len() as u64;
            self.learner.learn_after(facts, before.as_ref(), &page);
            before = page.pop();
        }
    }

    /// The user's event at `seq` (none at 0): what learning after `seq` takes as context.
    pub(crate) fn event_at(
        &self,
        tenant: &TenantId,
        user: &UserId,
        seq: u64,
    ) -> Result<Option<StoredEvent>> {
        if seq == 0 {
            return Ok(None);
        }
        let mut page = self.store.events(tenant, user, seq - 1, 1)?;
        Ok(page.pop().filter(|e| e.seq == seq))
    }

    /// Rebuilds every user's profile from the event log, the source of truth. `progress` is
    /// called after each user with (users done, users in all).
    ///
    /// Users' decisions are not derived data and survive: the replay starts from the current
    /// facts the user edited or pinned, and deleted values and forbidden categories stay out.
    pub fn reindex(&self, mut progress: impl FnMut(usize, usize)) -> Result<ReindexReport> {
        let mut everyone = Vec::new();
        for tenant in self.store.tenants()? {
            everyone.extend(self.store.users(&tenant)?);
        }
        let mut report = ReindexReport::default();
        let mut policies = crate::policy::Policies::default();
        for (done, listed) in everyone.iter().enumerate() {
            let _guard = self.lock_learning();
            self.evict_memory(&listed.tenant, &listed.user);
            // Read again under the lock: the user may have been forgotten or grown since.
            let Some(summary) = self.store.user(&listed.tenant, &listed.user)? else {
                continue;
            };
            let (tenant, user) = (&summary.tenant, &summary.user);
            let settings = self.store.settings(tenant, user)?;
            // User decisions (edits with the values they replaced, pins) are not derived data:
            // they survive a rebuild.
            let mut facts: Vec<Fact> = self
                .store
                .facts(tenant, user)?
                .into_iter()
                .filter(|f| {
                    (f.is_current() && (f.pinned || f.source == Source::Edited))
                        || crate::decisions::ended_by_edit(f)
                })
                .collect();
            let kept = facts.clone();
            // The learner skips an event a fact cites: the kept facts' evidence is set aside
            // while the log is replayed, so everything else their turns said is learned again.
            let evidence = crate::decisions::SetAsideEvidence::take(&mut facts);
            let Replayed {
                learned_seq,
                events: replayed,
                ..
            } = self.learn_from_log(tenant, user, &mut facts, 0, None)?;
            evidence.give_back(&mut facts);
            if self.config.infer {
                let inferring = self.config.infer_settings();
                crate::inference::refresh(
                    &*self.store,
                    (tenant, user),
                    learned_seq,
                    inferring,
                    (None, &mut None),
                    &mut facts,
                )?;
            }
            let policy = policies.get(&*self.store, tenant)?;
            crate::decisions::enforce(policy, &settings, &kept, &mut facts);
            self.store.save_facts(&[FactUpdate {
                tenant: &summary.tenant,
                user: &summary.user,
                facts: Some(&facts),
                previous: None,
                changed: None,
                learned_seq,
                expected_revision: summary.facts_revision,
            }])?;
            report.users += 1;
            report.events += replayed;
            report.facts += facts.iter().filter(|f| f.is_current()).count();
            progress(done + 1, everyone.len());
        }
        Ok(report)
    }

    /// All users of a tenant.
    pub fn users(&self, tenant: &TenantId) -> Result<Vec<UserSummary>> {
        Ok(self.store.users(tenant)?)
    }

    /// One user's summary; an error if the user has no events.
    pub fn user(&self, tenant: &TenantId, user: &UserId) -> Result<UserSummary> {
        self.store
            .user(tenant, user)?
            .ok_or_else(|| unknown(tenant, user))
    }

    /// The user's events with `seq > after_seq`, oldest first, at most `limit`.
    pub fn history(
        &self,
        tenant: &TenantId,
        user: &UserId,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredEvent>> {
        self.user(tenant, user)?;
        Ok(self.store.events(tenant, user, after_seq, limit)?)
    }

    /// The user's events with these ids (e.g. a fact's evidence), in log order; ids not in the
    /// user's log are skipped.
    pub fn events_by_id(
        &self,
        tenant: &TenantId,
        user: &UserId,
        ids: &[EventId],
    ) -> Result<Vec<StoredEvent>> {
        self.user(tenant, user)?;
        Ok(self.store.events_by_id(tenant, user, ids)?)
    }

    /// Deletes everything held about the user. Returns whether the user existed. Recorded in
    /// the audit log (which keeps no content).
    pub fn forget_user(&self, tenant: &TenantId, user: &UserId, actor: &Actor) -> Result<bool> {
        let existed = {
            let _guard = self.lock_learning();
            self.evict_memory(tenant, user);
            // The collaborative model learned from the user's actions: refit it without them.
            self.models.mark_stale(tenant);
            let entry = audit_entry(
                actor,
                tenant,
                Some(user),
                "user.forget",
                "every event and fact",
            );
            self.store.forget_user(tenant, user, Some(&entry))?
        };
        Ok(existed)
    }
}

pub(crate) fn unknown(tenant: &TenantId, user: &UserId) -> Error {
    Error::User(UserError::UnknownUser {
        tenant: tenant.to_string(),
        user: user.to_string(),
    })
}

impl Engine {
    /// All tenants that hold at least one user.
    pub fn tenants(&self) -> Result<Vec<TenantId>> {
        Ok(self.store.tenants()?)
    }
}
