use thiserror::Error;

/// Result type of the core crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can be wrong with a value handed to Rapport. Every variant is a user error: core does no
/// IO, so it has no internal faults to report.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// An identifier (tenant, user, event id) is empty, too long, or holds control characters.
    #[error("invalid {kind}: {reason}")]
    InvalidId {
        /// Which identifier: `tenant`, `user`, `event id`.
        kind: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// A text field is empty or larger than [`crate::MAX_TEXT_BYTES`].
    #[error("invalid text: {0}")]
    InvalidText(String),
    /// A value outside its allowed range or vocabulary.
    #[error("invalid {field}: {reason}")]
    InvalidValue {
        /// The field that holds the value.
        field: &'static str,
        /// Why it was rejected.
        reason: String,
    },
}
