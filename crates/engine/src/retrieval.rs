//! Per-user retrieval: the cache of users' memories, and search over a user's past turns.

use std::sync::atomic::Ordering;
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use rapport_core::{TenantId, UserId};
use rapport_index::Query;
use serde::Serialize;

use crate::memory::UserMemory;
use crate::{Engine, Result};

/// A user's memory as shared between the cache, searches and the ingest path.
pub(crate) type SharedMemory = Arc<RwLock<UserMemory>>;

/// Counters of the retrieval cache since the engine opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CacheStats {
    /// Requests served from a cached memory.
    pub hits: u64,
    /// Requests that had to build the user's memory from the store.
    pub misses: u64,
    /// Users cached now.
    pub users: usize,
    /// About how many bytes they take.
    pub bytes: usize,
}

/// A past turn found by [`Engine::search`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// The event id of the turn.
    pub id: String,
    /// Its position in the user's log.
    pub seq: u64,
    /// When it was said.
    pub time: DateTime<Utc>,
    /// Who said it, when known.
    pub speaker: Option<String>,
    /// What was said.
    pub text: String,
    /// Relevance; hits are sorted by it.
    pub score: f32,
}

impl Engine {
    /// The user's past turns (messages and documents) most relevant to `query`, best first.
    /// `time` is "now" for relative expressions in the query; default: the user's latest event.
    pub fn search(
        &self,
        tenant: &TenantId,
        user: &UserId,
        query: &str,
        time: Option<DateTime<Utc>>,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let memory = self.memory(tenant, user)?;
        let memory = memory.read().unwrap_or_else(|p| p.into_inner());
        let query = Query {
            text: query.to_string(),
            time,
            limit,
        };
        let hits = memory.index.search(&query, Some(self.embedder.as_ref()));
        Ok(hits
            .into_iter()
            .filter_map(|hit| {
                let turn = memory.turn(&hit.id)?;
                Some(SearchHit {
                    id: hit.id,
                    seq: turn.seq,
                    time: turn.time,
                    speaker: turn.speaker.as_deref().map(str::to_string),
                    text: turn.text.to_string(),
                    score: hit.score,
                })
            })
            .collect())
    }

    /// The user's memory, from the cache or rebuilt from the store; errors for unknown users.
    ///
    /// Every call reads the user's row (one keyed lookup) and brings a cached memory up to date
    /// when the log or the learned facts moved, so events and facts written by another process
    /// on the same database are seen at once: the cache is never stale, only warm.
    pub(crate) fn memory(&self, tenant: &TenantId, user: &UserId) -> Result<SharedMemory> {
        let summary = self.user(tenant, user)?;
        let model = self.embedder.model_id();
        if let Some(memory) = self.cache().get(tenant, user)
            && is_fresh(&memory, summary.last_seq, summary.facts_revision, model)
        {
            self.cache_hits.fetch_add(1, Ordering::Relaxed);
            return Ok(memory);
        }
        self.cache_misses.fetch_add(1, Ordering::Relaxed);
        // Built under the learning lock so no batch can be learned between reading the store
        // and caching what was read.
        let _guard = self.lock_learning();
        let summary = self.user(tenant, user)?;
        // A memory embedded by another model is rebuilt, never caught up.
        let cached = self
            .cache()
            .get(tenant, user)
            .filter(|m| same_model(m, model));
        if let Some(memory) = cached {
            if !is_fresh(&memory, summary.last_seq, summary.facts_revision, model) {
                self.catch_up_memory(tenant, user, &memory, summary.facts_revision)?;
            }
            return Ok(memory);
        }
        let events = self.store.events(tenant, user, 0, usize::MAX)?;
        let facts = self.store.facts(tenant, user)?;
        let memory = UserMemory::build(
            &events,
            &facts,
            summary.facts_revision,
            self.embedder.as_ref(),
        );
        Ok(self.cache().insert(tenant.clone(), user.clone(), memory))
    }

    /// Adds what another process wrote since the memory was built; called with the learning
    /// lock held.
    fn catch_up_memory(
        &self,
        tenant: &TenantId,
        user: &UserId,
        memory: &SharedMemory,
        facts_revision: u64,
    ) -> Result<()> {
        let after = memory.read().unwrap_or_else(|p| p.into_inner()).seq;
        let events = self.store.events(tenant, user, after, usize::MAX)?;
        let facts = self.store.facts(tenant, user)?;
        {
            let mut memory = memory.write().unwrap_or_else(|p| p.into_inner());
            memory.extend(&events, &facts, self.embedder.as_ref());
            memory.facts_revision = facts_revision;
        }
        self.cache().refresh_size(tenant, user);
        Ok(())
    }

    /// Counters of the in-memory retrieval cache, for metrics.
    pub fn cache_stats(&self) -> CacheStats {
        let cache = self.cache();
        CacheStats {
            hits: self.cache_hits.load(Ordering::Relaxed),
            misses: self.cache_misses.load(Ordering::Relaxed),
            users: cache.len(),
            bytes: cache.bytes(),
        }
    }

    /// Drops a user's cached memory.
    pub(crate) fn evict_memory(&self, tenant: &TenantId, user: &UserId) {
        self.cache().remove(tenant, user);
        self.learned_cache().remove(tenant, user);
    }
}

/// Whether a cached memory reflects the user's log up to `last_seq` and facts at `revision`,
/// embedded by `model`.
fn is_fresh(memory: &SharedMemory, last_seq: u64, revision: u64, model: &str) -> bool {
    let memory = memory.read().unwrap_or_else(|p| p.into_inner());
    memory.seq >= last_seq && memory.facts_revision == revision && *memory.model_id == *model
}

/// Whether a cached memory holds vectors of `model`.
fn same_model(memory: &SharedMemory, model: &str) -> bool {
    *memory.read().unwrap_or_else(|p| p.into_inner()).model_id == *model
}
