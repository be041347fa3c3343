use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How to open an [`Engine`](crate::Engine). Every field has a default, so a config file may
/// name only what it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EngineConfig {
    /// Directory of the embedded store (`rapport.db` inside it).
    pub data_dir: PathBuf,
    /// A PostgreSQL connection URL (`postgres://user:pass@host/db`). When set, the engine keeps
    /// its data in that database instead of the embedded store, and `data_dir` is not used.
    pub database_url: Option<String>,
    /// How many users' retrieval indexes to keep in memory.
    pub index_cache_users: usize,
    /// About how many bytes of retrieval indexes to keep in memory.
    pub index_cache_bytes: usize,
    /// Embed and index a new user's turns while ingesting them, when the retrieval cache has
    /// room for the user, so their first search or context request finds the index ready.
    /// Users already cached are kept up to date by ingest either way; others are loaded on
    /// first use.
    pub index_on_ingest: bool,
    /// Threads that learn from a batch (one user per thread at a time; 0: one per core, at
    /// most 8). Results do not depend on it.
    pub ingest_threads: usize,
    /// A tenant's recommendation model, once stale (new actions or items), is refit at most
    /// once per this many seconds.
    pub recommend_refit_secs: u64,
    /// A tenant's recommendation model older than this many seconds is refit even when this
    /// process saw no change (another process may have written).
    pub recommend_max_age_secs: u64,
    /// Infer attributes and communication style from what users write (`rapport-infer`). Off
    /// by default: an operator turns it on (`infer = true`), and the tenant policy still
    /// decides which sensitive classes are kept.
    pub infer: bool,
    /// Attribute and style inference reads at most this many of a user's latest events.
    pub infer_window: u64,
    /// Inferred attributes below this confidence are abstentions and not kept (0 keeps every
    /// estimate, down to the background guess of a typical adult).
    pub infer_min_confidence: f32,
    /// Which embedder vectors turns, facts and queries: `static` (built in, the default) or
    /// `onnx` (a transformer; needs the `onnx` cargo feature). Unset: `RAPPORT_EMBEDDER`, else
    /// `static`.
    pub embedder: Option<EmbedderKind>,
    /// The `.onnx` model of the `onnx` embedder. Unset: `RAPPORT_ONNX_MODEL`.
    pub onnx_model: Option<PathBuf>,
    /// ONNX Runtime's shared library for the `onnx` embedder. Unset: `RAPPORT_ONNX_LIBRARY`.
    pub onnx_library: Option<PathBuf>,
}

/// The embedders [`EngineConfig::embedder`] chooses from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmbedderKind {
    /// Static MiniLM token embeddings compiled in (microseconds per text).
    #[default]
    Static,
    /// all-MiniLM-L6-v2 (int8) through ONNX Runtime (milliseconds per text).
    Onnx,
}

impl std::str::FromStr for EmbedderKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "static" => Ok(Self::Static),
            "onnx" => Ok(Self::Onnx),
            other => Err(format!(
                "unknown embedder {other:?} (expected \"static\" or \"onnx\")"
            )),
        }
    }
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("rapport-data"),
            database_url: None,
            index_cache_users: 1024,
            index_cache_bytes: 512 << 20,
            index_on_ingest: true,
            ingest_threads: 0,
            recommend_refit_secs: 10,
            recommend_max_age_secs: 300,
            infer: false,
            infer_window: 1000,
            infer_min_confidence: 0.3,
            embedder: None,
            onnx_model: None,
            onnx_library: None,
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

    /// Where the data lives, for messages: the data directory, or the database URL without
    /// its password.
    pub fn location(&self) -> String {
        match &self.database_url {
            Some(url) => without_password(url),
            None => self.data_dir.display().to_string(),
        }
    }

    /// What inference reads and keeps.
    pub(crate) fn infer_settings(&self) -> crate::inference::InferSettings {
        crate::inference::InferSettings {
            window: self.infer_window.max(1),
            min_confidence: self.infer_min_confidence,
        }
    }

    /// Threads that learn from a batch.
    pub(crate) fn ingest_threads(&self) -> usize {
        match self.ingest_threads {
            0 => crate::parallel::default_threads(),
            n => n,
        }
    }

    /// The SQLite file inside the data directory.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("rapport.db")
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((credentials, host)) = rest.rsplit_once('@') else {
        return url.to_string();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_hides_the_password() {
        let config = EngineConfig {
            database_url: Some("postgres://rapport:s3cret@localhost:5432/app".into()),
            ..EngineConfig::default()
        };
        assert_eq!(
            config.location(),
            "postgres://rapport:***@localhost:5432/app"
        );
        let plain = EngineConfig::with_data_dir("/tmp/x");
        assert_eq!(plain.location(), "/tmp/x");
    }
}
