//! [`IndexCache`]: the indexes of recently used users, kept in memory within a budget of users
//! and bytes, evicting the least recently used.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};

use rapport_core::{TenantId, UserId};

use crate::user_index::UserIndex;

/// A cached index, shared between readers and the writer that appends new items.
pub type SharedIndex<T = UserIndex> = Arc<RwLock<T>>;

/// What the cache needs of what it holds: its approximate size.
pub trait MemoryUse {
    /// Approximate memory held, in bytes.
    fn memory_bytes(&self) -> usize;
}

impl MemoryUse for UserIndex {
    fn memory_bytes(&self) -> usize {
        UserIndex::memory_bytes(self)
    }
}

type Key = (TenantId, UserId);

struct Entry<T> {
    index: SharedIndex<T>,
    /// Last use, for LRU order.
    tick: u64,
    /// Size when last measured.
    bytes: usize,
}

/// A bounded LRU cache of [`UserIndex`]es keyed by tenant and user. It is not internally
/// synchronized: wrap it in a mutex to share it; the indexes themselves are behind [`RwLock`]s
/// so a search does not hold the cache.
pub struct IndexCache<T = UserIndex> {
    max_users: usize,
    max_bytes: usize,
    entries: HashMap<Key, Entry<T>>,
    order: BTreeMap<u64, Key>,
    tick: u64,
    bytes: usize,
}

impl<T: MemoryUse> IndexCache<T> {
    /// A cache holding at most `max_users` indexes and about `max_bytes` of them (the most
    /// recently used index is kept even when it alone exceeds the byte budget).
    pub fn new(max_users: usize, max_bytes: usize) -> Self {
        Self {
            max_users: max_users.max(1),
            max_bytes,
            entries: HashMap::new(),
            order: BTreeMap::new(),
            tick: 0,
            bytes: 0,
        }
    }

    /// The user's index, if cached; marks it as recently used.
    pub fn get(&mut self, tenant: &TenantId, user: &UserId) -> Option<SharedIndex<T>> {
        let key = (tenant.clone(), user.clone());
        let tick = self.next_tick();
        let entry = self.entries.get_mut(&key)?;
        self.order.remove(&entry.tick);
        entry.tick = tick;
        self.order.insert(tick, key);
        Some(entry.index.clone())
    }

    /// Whether the user's index is cached (without marking it as used).
    pub fn contains(&self, tenant: &TenantId, user: &UserId) -> bool {
        self.entries.contains_key(&(tenant.clone(), user.clone()))
    }

    /// The user's index, building it with `build` (e.g. from the store) when not cached.
    pub fn get_or_insert_with(
        &mut self,
        tenant: &TenantId,
        user: &UserId,
        build: impl FnOnce() -> T,
    ) -> SharedIndex<T> {
        match self.get(tenant, user) {
            Some(index) => index,
            None => self.insert(tenant.clone(), user.clone(), build()),
        }
    }

    /// Caches `index` for the user (replacing any cached one) and evicts as needed.
    pub fn insert(&mut self, tenant: TenantId, user: UserId, index: T) -> SharedIndex<T> {
        let key = (tenant, user);
        self.remove(&key.0, &key.1);
        let bytes = index.memory_bytes();
        let shared = Arc::new(RwLock::new(index));
        let tick = self.next_tick();
        self.order.insert(tick, key.clone());
        self.entries.insert(
            key,
            Entry {
                index: shared.clone(),
                tick,
                bytes,
            },
        );
        self.bytes += bytes;
        self.evict();
        shared
    }

    /// Re-measures a user's index after items were added to it, then evicts as needed.
    pub fn refresh_size(&mut self, tenant: &TenantId, user: &UserId) {
        let key = (tenant.clone(), user.clone());
        if let Some(entry) = self.entries.get_mut(&key) {
            let bytes = entry
                .index
                .read()
                .map(|i| i.memory_bytes())
                .unwrap_or(entry.bytes);
            self.bytes = self.bytes - entry.bytes + bytes;
            entry.bytes = bytes;
            self.evict();
        }
    }

    /// Drops a user's index (after a forget, or when its source changed). Returns whether it
    /// was cached.
    pub fn remove(&mut self, tenant: &TenantId, user: &UserId) -> bool {
        let key = (tenant.clone(), user.clone());
        match self.entries.remove(&key) {
            Some(entry) => {
                self.order.remove(&entry.tick);
                self.bytes -= entry.bytes;
                true
            }
            None => false,
        }
    }

    /// Drops every cached index of a tenant.
    pub fn remove_tenant(&mut self, tenant: &TenantId) {
        let users: Vec<UserId> = self
            .entries
            .keys()
            .filter(|(t, _)| t == tenant)
            .map(|(_, u)| u.clone())
            .collect();
        for user in users {
            self.remove(tenant, &user);
        }
    }

    /// Number of cached users.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Measured size of all cached indexes, in bytes.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    fn next_tick(&mut self) -> u64 {
        self.tick += 1;
        self.tick
    }

    fn evict(&mut self) {
        while self.entries.len() > 1
            && (self.entries.len() > self.max_users || self.bytes > self.max_bytes)
        {
            let Some((_, key)) = self.order.pop_first() else {
                break;
            };
            if let Some(entry) = self.entries.remove(&key) {
                self.bytes -= entry.bytes;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Doc;
    use chrono::Utc;

    fn user(name: &str) -> (TenantId, UserId) {
        (TenantId::default_tenant(), UserId::new(name).unwrap())
    }

    fn index_with(n: usize) -> UserIndex {
        let mut index = UserIndex::new();
        for i in 0..n {
            index.add(
                Doc::turn(
                    format!("e{i}"),
                    format!("turn number {i} about hiking"),
                    Utc::now(),
                    i as u64,
                ),
                None,
            );
        }
        index
    }

    #[test]
    fn evicts_least_recently_used_user() {
        let mut cache = IndexCache::new(2, usize::MAX);
        let (t, a) = user("a");
        let (_, b) = user("b");
        let (_, c) = user("c");
        cache.insert(t.clone(), a.clone(), index_with(1));
        cache.insert(t.clone(), b.clone(), index_with(1));
        assert!(cache.get(&t, &a).is_some());
        cache.insert(t.clone(), c.clone(), index_with(1));
        assert!(cache.get(&t, &b).is_none());
        assert!(cache.get(&t, &a).is_some() && cache.get(&t, &c).is_some());
    }

    #[test]
    fn respects_byte_budget_and_tracks_growth() {
        let one = index_with(50).memory_bytes();
        let mut cache = IndexCache::new(100, one * 2 + one / 2);
        let (t, a) = user("a");
        for name in ["a", "b", "c"] {
            cache.insert(t.clone(), UserId::new(name).unwrap(), index_with(50));
        }
        assert_eq!(cache.len(), 2);
        assert!(cache.get(&t, &a).is_none());
        let b = UserId::new("b").unwrap();
        let shared = cache.get(&t, &b).unwrap();
        for i in 0..200 {
            shared.write().unwrap().add(
                Doc::turn(format!("x{i}"), "more text here", Utc::now(), 100 + i),
                None,
            );
        }
        cache.refresh_size(&t, &b);
        assert_eq!(cache.len(), 1);
        assert!(cache.remove(&t, &b));
        assert_eq!(cache.bytes(), 0);
    }
}
