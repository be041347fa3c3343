//! The built-in parts [`Engine::open`](crate::Engine::open) assembles.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rapport_core::{Embedder, ProfileLearner};
use rapport_extract::PatternLearner;
use rapport_models::StaticEmbedder;

use crate::{EmbedderKind, EngineConfig, InternalError, Result};

/// Environment variables read for the embedder settings a config leaves unset.
pub(crate) const EMBEDDER_ENV: &str = "RAPPORT_EMBEDDER";
pub(crate) const ONNX_MODEL_ENV: &str = "RAPPORT_ONNX_MODEL";
pub(crate) const ONNX_LIBRARY_ENV: &str = "RAPPORT_ONNX_LIBRARY";

/// The built-in learner: pattern extraction and consolidation, no LLM (`rapport-extract`).
pub(crate) fn learner() -> Arc<dyn ProfileLearner> {
    Arc::new(PatternLearner::new())
}

/// The embedder the config selects: the built-in static one (loaded once per process and
/// shared) unless `embedder` (or `RAPPORT_EMBEDDER`) says `onnx`.
pub(crate) fn embedder(config: &EngineConfig) -> Result<Arc<dyn Embedder>> {
    let kind = match config.embedder {
        Some(kind) => kind,
        None => match std::env::var(EMBEDDER_ENV) {
            Ok(v) if !v.is_empty() => v
                .parse()
                .map_err(|e| InternalError::Embedder(format!("{EMBEDDER_ENV}: {e}")))?,
            _ => EmbedderKind::Static,
        },
    };
    match kind {
        EmbedderKind::Static => Ok(builtin()),
        EmbedderKind::Onnx => onnx(config),
    }
}

fn builtin() -> Arc<dyn Embedder> {
    static BUILTIN: OnceLock<Arc<StaticEmbedder>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| Arc::new(StaticEmbedder::builtin()))
        .clone()
}

/// A path from the config, else from the environment, else an error naming both.
fn path(configured: Option<&PathBuf>, key: &str, env: &str) -> Result<PathBuf> {
    if let Some(p) = configured {
        return Ok(p.clone());
    }
    match std::env::var_os(env) {
        Some(v) if !v.is_empty() => Ok(PathBuf::from(v)),
        _ => Err(InternalError::Embedder(format!(
            "embedder \"onnx\" needs `{key}` in the config or {env} \
             (scripts/setup-onnx installs the files and prints the paths)"
        ))
        .into()),
    }
}

#[cfg(feature = "onnx")]
fn onnx(config: &EngineConfig) -> Result<Arc<dyn Embedder>> {
    let onnx = rapport_models::OnnxConfig {
        model: path(config.onnx_model.as_ref(), "onnx_model", ONNX_MODEL_ENV)?,
        library: path(
            config.onnx_library.as_ref(),
            "onnx_library",
            ONNX_LIBRARY_ENV,
        )?,
        // One thread per call: on the shared 2-core machine it embedded 74 texts/s against 48
        // with ONNX Runtime's default pool (docs/MODELS.md), and it leaves cores to the rest.
        threads: 1,
    };
    let embedder = rapport_models::OnnxEmbedder::load(&onnx)
        .map_err(|e| InternalError::Embedder(e.to_string()))?;
    Ok(Arc::new(embedder))
}

#[cfg(not(feature = "onnx"))]
fn onnx(config: &EngineConfig) -> Result<Arc<dyn Embedder>> {
    // The paths are checked first so a config missing them says so in either build.
    path(config.onnx_model.as_ref(), "onnx_model", ONNX_MODEL_ENV)?;
    path(
        config.onnx_library.as_ref(),
        "onnx_library",
        ONNX_LIBRARY_ENV,
    )?;
    Err(InternalError::Embedder(
        "embedder \"onnx\" needs a build with the `onnx` feature \
         (cargo build --release -p rapport --features onnx)"
            .into(),
    )
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(kind: EmbedderKind) -> EngineConfig {
        EngineConfig {
            embedder: Some(kind),
            onnx_model: Some("/nonexistent/model.onnx".into()),
            onnx_library: Some("/nonexistent/libonnxruntime.so".into()),
            ..EngineConfig::default()
        }
    }

    #[test]
    fn static_is_the_default_and_onnx_errors_clearly() {
        let static_ = embedder(&config(EmbedderKind::Static)).unwrap();
        assert_eq!(static_.model_id(), "minilm-l6-v2-static-256-v1");
        let message = embedder(&config(EmbedderKind::Onnx))
            .err()
            .unwrap()
            .to_string();
        if cfg!(feature = "onnx") {
            assert!(message.contains("/nonexistent/model.onnx"), "{message}");
        } else {
            assert!(message.contains("`onnx` feature"), "{message}");
        }
    }

    #[test]
    fn the_config_file_spelling() {
        let c: EngineConfig = serde_json::from_str(r#"{"embedder":"onnx"}"#).unwrap();
        assert_eq!(c.embedder, Some(EmbedderKind::Onnx));
        assert!("bert".parse::<EmbedderKind>().is_err());
    }
}
