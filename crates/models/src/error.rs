//! The crate's error type.

use std::path::PathBuf;

/// Everything that can go wrong while loading or using a model.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A model file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The model manifest is not valid JSON of the expected shape.
    #[error("invalid model manifest: {0}")]
    Manifest(#[from] serde_json::Error),
    /// The ONNX Runtime shared library could not be loaded.
    #[error(
        "cannot load the ONNX Runtime library {path}: {message} (run scripts/setup-onnx, then set RAPPORT_ONNX_LIBRARY)"
    )]
    Runtime {
        /// The library that was tried.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// ONNX Runtime rejected the model or failed to run it.
    #[error("ONNX Runtime: {0}")]
    Onnx(String),
    /// The model files are present but inconsistent or unsupported.
    #[error("invalid model: {0}")]
    InvalidModel(String),
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
