//! Embedders for Rapport.
//!
//! The default is [`StaticEmbedder::builtin`]: static token embeddings distilled from
//! all-MiniLM-L6-v2 (see `docs/MODELS.md`), compiled into the binary, with an own BERT
//! [`WordPieceTokenizer`]. It needs no network, no service and no model file at run time.
//!
//! ```
//! use rapport_core::{Embedder, cosine};
//! use rapport_models::StaticEmbedder;
//!
//! let e = StaticEmbedder::builtin();
//! let jazz = e.embed("I love jazz music");
//! assert_eq!(jazz.len(), e.dim());
//! assert!(cosine(&jazz, &e.embed("my favourite genre is jazz"))
//!     > cosine(&jazz, &e.embed("I repaired my car's engine")));
//! ```

mod error;
mod manifest;
#[cfg(feature = "onnx")]
mod onnx;
mod static_embedder;
mod tokenizer;
mod unicode;
mod words;

pub use error::{Error, Result};
#[cfg(feature = "onnx")]
pub use onnx::{MAX_TOKENS, OnnxConfig, OnnxEmbedder};
pub use static_embedder::StaticEmbedder;
pub use tokenizer::{TokenizerConfig, WordPieceTokenizer};
