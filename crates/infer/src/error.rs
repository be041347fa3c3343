use thiserror::Error;

/// What can go wrong in inference. The only input that is not a user's text is the gazetteer
/// compiled into the crate, so the one failure is a malformed gazetteer line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// A line of the gazetteer could not be read.
    #[error("gazetteer line {line}: {reason}")]
    Gazetteer {
        /// 1-based line number.
        line: usize,
        /// What was wrong with it.
        reason: String,
    },
}
