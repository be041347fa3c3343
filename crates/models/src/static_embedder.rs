//! Static token embeddings: a text's vector is the normalized mean of its tokens' vectors.

use std::borrow::Cow;
use std::path::Path;

use rapport_core::Embedder;

use crate::manifest::Manifest;
use crate::tokenizer::WordPieceTokenizer;
use crate::{Error, Result};

const BUILTIN_MANIFEST: &str = include_str!("../../../models/minilm-static-256/manifest.json");
const BUILTIN_VOCAB: &str = include_str!("../../../models/minilm-static-256/vocab.txt");
static BUILTIN_MATRIX: &[u8] = include_bytes!("../../../models/minilm-static-256/embeddings.i8");
static BUILTIN_SCALES: &[u8] = include_bytes!("../../../models/minilm-static-256/scales.f32");

/// An [`Embedder`] over a table of int8 token vectors (one f32 scale per row), as distilled from
/// all-MiniLM-L6-v2 by `scripts/distill_static_embeddings.py`. Embedding a short text takes a few
/// microseconds and needs no network, service or file at run time when [`builtin`] is used.
///
/// [`builtin`]: StaticEmbedder::builtin
#[derive(Debug, Clone)]
pub struct StaticEmbedder {
    model_id: String,
    dim: usize,
    tokenizer: WordPieceTokenizer,
    matrix: Cow<'static, [u8]>,
    scales: Vec<f32>,
}

/// The tokenizer of the built-in model (MiniLM's uncased BERT vocabulary).
#[cfg_attr(not(feature = "onnx"), allow(dead_code))]
pub(crate) fn builtin_tokenizer() -> WordPieceTokenizer {
    let manifest = Manifest::parse(BUILTIN_MANIFEST).expect("built-in manifest is valid");
    WordPieceTokenizer::from_vocab_text(BUILTIN_VOCAB, manifest.tokenizer_config())
        .expect("built-in vocabulary is valid")
}

impl StaticEmbedder {
    /// The model compiled into the binary (`models/minilm-static-256`, model id
    /// `minilm-l6-v2-static-256-v1`, 256 dimensions). Construction parses the vocabulary
    /// (a few milliseconds): build it once and share it.
    ///
    /// # Panics
    ///
    /// Never for the committed model files, which the crate's tests load.
    pub fn builtin() -> Self {
        let manifest = Manifest::parse(BUILTIN_MANIFEST).expect("built-in manifest is valid");
        Self::from_parts(
            manifest,
            BUILTIN_VOCAB,
            Cow::Borrowed(BUILTIN_MATRIX),
            BUILTIN_SCALES,
        )
        .expect("built-in model is valid")
    }

    /// Loads a model directory of the same format as `models/minilm-static-256`: `manifest.json`
    /// naming an int8 matrix, its per-row f32 scales and the vocabulary.
    pub fn load(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| Error::Io { path, source })
        };
        let text = |name: &str| {
            String::from_utf8(read(name)?)
                .map_err(|_| Error::InvalidModel(format!("{name} is not UTF-8")))
        };
        let manifest = Manifest::parse(&text("manifest.json")?)?;
        let vocab = text(&manifest.files.vocab)?;
        let matrix = read(&manifest.files.matrix)?;
        let scales = read(&manifest.files.scales)?;
        Self::from_parts(manifest, &vocab, Cow::Owned(matrix), &scales)
    }

    fn from_parts(
        m: Manifest,
        vocab: &str,
        matrix: Cow<'static, [u8]>,
        scales: &[u8],
    ) -> Result<Self> {
        let tokenizer = WordPieceTokenizer::from_vocab_text(vocab, m.tokenizer_config())?;
        let n = m.vocab_size;
        if tokenizer.vocab_size() != n {
            return Err(Error::InvalidModel(format!(
                "vocabulary has {} tokens, manifest says {n}",
                tokenizer.vocab_size()
            )));
        }
        if matrix.len() != n * m.dim {
            return Err(Error::InvalidModel(format!(
                "matrix has {} bytes, expected {n} x {} = {}",
                matrix.len(),
                m.dim,
                n * m.dim
            )));
        }
        if scales.len() != n * 4 {
            return Err(Error::InvalidModel(format!(
                "scales have {} bytes, expected {}",
                scales.len(),
                n * 4
            )));
        }
        let scales: Vec<f32> = scales
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        if scales.iter().any(|s| !s.is_finite()) {
            return Err(Error::InvalidModel(
                "scales contain a non-finite value".into(),
            ));
        }
        Ok(Self {
            model_id: m.model_id,
            dim: m.dim,
            tokenizer,
            matrix,
            scales,
        })
    }

    /// The tokenizer this model uses.
    pub fn tokenizer(&self) -> &WordPieceTokenizer {
        &self.tokenizer
    }

    /// Embeds `text` into `out` (resized to [`dim`](Embedder::dim)); see [`Embedder::embed`].
    /// Reusing `out` across calls avoids the one allocation `embed` makes.
    pub fn embed_into(&self, text: &str, out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.dim, 0.0);
        let dim = self.dim;
        self.tokenizer.for_each_id(text, |id| {
            let id = id as usize;
            let scale = self.scales[id];
            if scale == 0.0 {
                return; // [UNK] and tokens the tokenizer never emits carry no vector
            }
            let row = &self.matrix[id * dim..(id + 1) * dim];
            for (acc, &q) in out.iter_mut().zip(row) {
                *acc += scale * f32::from(q as i8);
            }
        });
        let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            out.iter_mut().for_each(|x| *x /= norm);
        }
    }
}

impl Embedder for StaticEmbedder {
    fn model_id(&self) -> &str {
        &self.model_id
    }

    fn dim(&self) -> usize {
        self.dim
    }

    /// The L2-normalized mean of the text's token vectors; all zeros for a text without known
    /// tokens (empty, whitespace only, or only unknown words).
    fn embed(&self, text: &str) -> Vec<f32> {
        let mut out = Vec::with_capacity(self.dim);
        self.embed_into(text, &mut out);
        out
    }
}
