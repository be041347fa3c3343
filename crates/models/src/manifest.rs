//! The `manifest.json` of a static embedding model directory.

use serde::Deserialize;

use crate::tokenizer::TokenizerConfig;
use crate::{Error, Result};

/// What a model directory holds; written by `scripts/distill_static_embeddings.py`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Manifest {
    pub model_id: String,
    pub dim: usize,
    pub vocab_size: usize,
    pub dtype: String,
    pub files: Files,
    pub tokenizer: TokenizerSpec,
}

/// File names inside the model directory.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Files {
    pub matrix: String,
    pub scales: String,
    pub vocab: String,
}

/// Tokenizer options as the manifest spells them.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct TokenizerSpec {
    pub kind: String,
    pub lowercase: bool,
    pub strip_accents: bool,
    pub unk_token: String,
    pub continuing_subword_prefix: String,
    pub max_input_chars_per_word: usize,
}

impl Manifest {
    /// Parses and checks a manifest.
    pub fn parse(json: &str) -> Result<Self> {
        let m: Manifest = serde_json::from_str(json)?;
        if m.dtype != "int8" {
            return Err(Error::InvalidModel(format!(
                "unsupported dtype {:?} (expected int8)",
                m.dtype
            )));
        }
        if m.tokenizer.kind != "bert-wordpiece" {
            return Err(Error::InvalidModel(format!(
                "unsupported tokenizer {:?}",
                m.tokenizer.kind
            )));
        }
        if m.dim == 0 || m.vocab_size == 0 || m.model_id.is_empty() {
            return Err(Error::InvalidModel(
                "empty model id, dimension or vocabulary".into(),
            ));
        }
        Ok(m)
    }

    /// The tokenizer configuration the manifest describes.
    pub fn tokenizer_config(&self) -> TokenizerConfig {
        let t = &self.tokenizer;
        TokenizerConfig {
            lowercase: t.lowercase,
            strip_accents: t.strip_accents,
            unk_token: t.unk_token.clone(),
            continuing_subword_prefix: t.continuing_subword_prefix.clone(),
            max_input_chars_per_word: t.max_input_chars_per_word,
        }
    }
}
