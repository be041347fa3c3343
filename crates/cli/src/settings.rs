//! Resolves settings: command line > environment > config file > default.

use std::path::{Path, PathBuf};

use anyhow::Context;
use rapport_engine::EngineConfig;
use serde::Deserialize;

use crate::args::Args;

/// The config file (`rapport.toml`). Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Directory of the embedded store.
    pub data_dir: Option<PathBuf>,
    /// A PostgreSQL URL; when set, the data lives there instead of `data_dir`.
    pub database_url: Option<String>,
    /// Users whose retrieval indexes are kept in memory.
    pub index_cache_users: Option<usize>,
    /// Index a new user's turns while ingesting them, while the cache has room (on by default).
    pub index_on_ingest: Option<bool>,
    /// Threads that learn from a batch (0: one per core).
    pub ingest_threads: Option<usize>,
    /// Infer attributes and communication style from what users write (off by default).
    pub infer: Option<bool>,
    /// Address `rapport serve` listens on.
    pub listen: Option<std::net::SocketAddr>,
    /// The admin key of `rapport serve` (`RAPPORT_ADMIN_KEY` wins).
    pub admin_key: Option<String>,
    /// Largest request body `rapport serve` accepts, in bytes.
    pub max_body_bytes: Option<usize>,
    /// Seconds a request may take.
    pub request_timeout: Option<u64>,
    /// Base URL of the OpenAI-compatible upstream of `/v1/chat/completions`
    /// (`RAPPORT_UPSTREAM_URL` wins).
    pub upstream_url: Option<String>,
    /// The upstream's API key (`RAPPORT_UPSTREAM_KEY` wins).
    pub upstream_key: Option<String>,
    /// A PEM file of CA certificates an `https://` upstream's certificate may chain to, on top
    /// of the system's store (`RAPPORT_UPSTREAM_CA` wins).
    pub upstream_ca: Option<PathBuf>,
    /// `static` (default) or `onnx` (`RAPPORT_EMBEDDER` wins; needs the `onnx` feature).
    pub embedder: Option<rapport_engine::EmbedderKind>,
    /// The `.onnx` model of the `onnx` embedder (`RAPPORT_ONNX_MODEL` wins).
    pub onnx_model: Option<PathBuf>,
    /// ONNX Runtime's shared library (`RAPPORT_ONNX_LIBRARY` wins).
    pub onnx_library: Option<PathBuf>,
}

const DEFAULT_CONFIG_FILE: &str = "rapport.toml";

/// Reads the config file named on the command line or in the environment, else `./rapport.toml`
/// when it exists.
pub fn load_file(explicit: Option<&Path>) -> anyhow::Result<FileConfig> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None if Path::new(DEFAULT_CONFIG_FILE).exists() => PathBuf::from(DEFAULT_CONFIG_FILE),
        None => return Ok(FileConfig::default()),
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("invalid config file {}", path.display()))
}

/// The engine config from the arguments (which already hold the environment) and the file.
pub fn engine_config(args: &Args) -> anyhow::Result<EngineConfig> {
    let file = load_file(args.config.as_deref())?;
    let mut config = EngineConfig::default();
    if let Some(dir) = args.data_dir.clone().or(file.data_dir) {
        config.data_dir = dir;
    }
    config.database_url = args.database_url.clone().or(file.database_url);
    if let Some(users) = file.index_cache_users {
        config.index_cache_users = users;
    }
    if let Some(index) = file.index_on_ingest {
        config.index_on_ingest = index;
    }
    if let Some(threads) = file.ingest_threads {
        config.ingest_threads = threads;
    }
    if let Some(infer) = file.infer {
        config.infer = infer;
    }
    // The environment wins over the file: the engine reads it for what is left unset.
    let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if !env_set("RAPPORT_EMBEDDER") {
        config.embedder = file.embedder;
    }
    if !env_set("RAPPORT_ONNX_MODEL") {
        config.onnx_model = file.onnx_model;
    }
    if !env_set("RAPPORT_ONNX_LIBRARY") {
        config.onnx_library = file.onnx_library;
    }
    Ok(config)
}

/// The server config: command line (and its environment variables) > file > default. The
/// admin key comes from `RAPPORT_ADMIN_KEY`, else the file.
pub fn server_config(
    config_file: Option<&Path>,
    listen: Option<std::net::SocketAddr>,
    max_body_bytes: Option<usize>,
    request_timeout: Option<u64>,
) -> anyhow::Result<rapport_server::ServerConfig> {
    let file = load_file(config_file)?;
    let mut config = rapport_server::ServerConfig::default();
    if let Some(listen) = listen.or(file.listen) {
        config.listen = listen;
    }
    if let Some(bytes) = max_body_bytes.or(file.max_body_bytes) {
        config.max_body_bytes = bytes;
    }
    if let Some(seconds) = request_timeout.or(file.request_timeout) {
        config.request_timeout = std::time::Duration::from_secs(seconds.max(1));
    }
    config.admin_key = std::env::var("RAPPORT_ADMIN_KEY")
        .ok()
        .or(file.admin_key)
        .filter(|k| !k.is_empty());
    let upstream_url = std::env::var("RAPPORT_UPSTREAM_URL")
        .ok()
        .or(file.upstream_url)
        .filter(|u| !u.is_empty());
    if let Some(url) = upstream_url {
        let key = std::env::var("RAPPORT_UPSTREAM_KEY")
            .ok()
            .or(file.upstream_key);
        let ca = std::env::var_os("RAPPORT_UPSTREAM_CA")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or(file.upstream_ca);
        config.upstream = Some(
            rapport_server::proxy::Upstream::with_ca(&url, key, ca.as_deref())
                .map_err(anyhow::Error::msg)?,
        );
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_default() {
        let file: FileConfig = toml::from_str("").unwrap();
        assert!(file.data_dir.is_none() && file.index_cache_users.is_none());
        assert!(file.embedder.is_none());
    }

    #[test]
    fn the_embedder_is_chosen_in_the_file() {
        let file: FileConfig =
            toml::from_str("embedder = 'onnx'\nonnx_model = '/m.onnx'\nonnx_library = '/l.so'")
                .unwrap();
        assert_eq!(file.embedder, Some(rapport_engine::EmbedderKind::Onnx));
        assert_eq!(file.onnx_library.as_deref(), Some(Path::new("/l.so")));
        assert!(toml::from_str::<FileConfig>("embedder = 'bert'").is_err());
    }

    #[test]
    fn the_upstream_ca_file_is_read_at_startup() {
        let dir = tempfile::tempdir().unwrap();
        let ca = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../server/tests/api/tls/ca.pem"
        );
        let config = |ca: &str| {
            let path = dir.path().join("rapport.toml");
            let text = format!("upstream_url = 'https://127.0.0.1:1/v1'\nupstream_ca = '{ca}'\n");
            std::fs::write(&path, text).unwrap();
            server_config(Some(&path), None, None, None)
        };
        if std::env::var_os("RAPPORT_UPSTREAM_URL").is_some()
            || std::env::var_os("RAPPORT_UPSTREAM_CA").is_some()
        {
            return; // the environment wins over the file
        }
        assert!(config(ca).unwrap().upstream.is_some());
        let missing = config("/nonexistent/ca.pem").unwrap_err().to_string();
        assert!(missing.contains("/nonexistent/ca.pem"), "{missing}");
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = toml::from_str::<FileConfig>("data_directory = 'x'").unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
    }
}
