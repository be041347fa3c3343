//! Recently authenticated API keys, so a request does not read the store to check its key.
//!
//! An entry is trusted for [`KEY_TTL`]: a key revoked through this server stops working at once
//! (revoking clears the cache), one revoked through another server sharing the database within
//! `KEY_TTL`. Keys are held as SHA-256 digests, never in clear.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rapport_engine::KeyAccess;
use sha2::{Digest, Sha256};

/// How long a successful authentication is trusted without asking the store again.
pub const KEY_TTL: Duration = Duration::from_secs(1);
/// Most keys remembered; the cache starts over when full.
const MAX_KEYS: usize = 10_000;

/// Digest of a key → what it opens and when the store last confirmed it.
#[derive(Default)]
pub(crate) struct KeyCache {
    entries: Mutex<HashMap<[u8; 32], (KeyAccess, Instant)>>,
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

impl KeyCache {
    /// What `key` opens, if the store confirmed it less than [`KEY_TTL`] ago.
    pub(crate) fn get(&self, key: &str) -> Option<KeyAccess> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let (access, confirmed) = entries.get(&digest(key))?;
        (confirmed.elapsed() < KEY_TTL).then(|| access.clone())
    }

    /// Remembers that the store confirmed `key` just now.
    pub(crate) fn put(&self, key: &str, access: KeyAccess) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_KEYS {
            entries.clear();
        }
        entries.insert(digest(key), (access, Instant::now()));
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
        let access = KeyAccess {
            key_id: "key_a".into(),
            tenant: rapport_core::TenantId::new("acme").unwrap(),
            user: None,
        };
        assert_eq!(cache.get("rpk_a"), None);
        cache.put("rpk_a", access.clone());
        assert_eq!(cache.get("rpk_a"), Some(access));
        assert_eq!(cache.get("rpk_b"), None);
        cache.clear();
        assert_eq!(cache.get("rpk_a"), None);
    }
}
