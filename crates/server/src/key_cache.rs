//! Recently authenticated API keys, so a request does not read the store to check its key.
//!
//! An entry is trusted for [`KEY_TTL`]: a key revoked through this server stops working at once
//! (revoking clears the cache), one revoked through another server sharing the database within
//! `KEY_TTL`. Keys are held as SHA-256 digests, never in clear.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rapport_core::TenantId;
use sha2::{Digest, Sha256};

/// How long a successful authentication is trusted without asking the store again.
pub const KEY_TTL: Duration = Duration::from_secs(1);
/// Most keys remembered; the cache starts over when full.
const MAX_KEYS: usize = 10_000;

/// Digest of a key → its tenant and when the store last confirmed it.
#[derive(Default)]
pub(crate) struct KeyCache {
    entries: Mutex<HashMap<[u8; 32], (TenantId, Instant)>>,
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

impl KeyCache {
    /// The tenant of `key`, if the store confirmed it less than [`KEY_TTL`] ago.
    pub(crate) fn get(&self, key: &str) -> Option<TenantId> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let (tenant, confirmed) = entries.get(&digest(key))?;
        (confirmed.elapsed() < KEY_TTL).then(|| tenant.clone())
    }

    /// Remembers that the store confirmed `key` for `tenant` just now.
    pub(crate) fn put(&self, key: &str, tenant: TenantId) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_KEYS {
            entries.clear();
        }
        entries.insert(digest(key), (tenant, Instant::now()));
    }

    /// Forgets every key (after a revocation).
    pub(crate) fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_until_cleared() {
        let cache = KeyCache::default();
        let tenant = TenantId::new("acme").unwrap();
        assert_eq!(cache.get("rpk_a"), None);
        cache.put("rpk_a", tenant.clone());
        assert_eq!(cache.get("rpk_a"), Some(tenant));
        assert_eq!(cache.get("rpk_b"), None);
        cache.clear();
        assert_eq!(cache.get("rpk_a"), None);
    }
}
