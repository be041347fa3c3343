use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How to open an [`Engine`](crate::Engine). Every field has a default, so a config file may
/// name only what it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EngineConfig {
    /// Directory of the embedded store (`rapport.db` inside it).
    pub data_dir: PathBuf,
    /// How many users' retrieval indexes to keep in memory.
    pub index_cache_users: usize,
    /// About how many bytes of retrieval indexes to keep in memory.
    pub index_cache_bytes: usize,
    /// A tenant's recommendation model, once stale (new actions or items), is refit at most
    /// once per this many seconds.
    pub recommend_refit_secs: u64,
    /// A tenant's recommendation model older than this many seconds is refit even when this
    /// process saw no change (another process may have written).
    pub recommend_max_age_secs: u64,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("rapport-data"),
            index_cache_users: 1024,
            index_cache_bytes: 512 << 20,
            recommend_refit_secs: 10,
            recommend_max_age_secs: 300,
        }
    }
}

impl EngineConfig {
    /// A default config with the given data directory.
    pub fn with_data_dir(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            ..Self::default()
        }
    }

    /// The SQLite file inside the data directory.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("rapport.db")
    }
}
