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
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_default() {
        let file: FileConfig = toml::from_str("").unwrap();
        assert!(file.data_dir.is_none() && file.index_cache_users.is_none());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = toml::from_str::<FileConfig>("data_directory = 'x'").unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
    }
}
