use thiserror::Error;

/// Result type of the engine.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Engine failures, split by fault so a server can map them to 4xx and 5xx.
#[derive(Debug, Error)]
pub enum Error {
    /// The caller asked for something invalid or absent (a 4xx).
    #[error(transparent)]
    User(#[from] UserError),
    /// Something failed inside (a 5xx); the message is for logs.
    #[error(transparent)]
    Internal(#[from] InternalError),
}

/// Errors caused by the request.
#[derive(Debug, Error)]
pub enum UserError {
    /// No events are stored for this user.
    #[error("unknown user `{user}` in tenant `{tenant}`")]
    UnknownUser {
        /// The tenant asked.
        tenant: String,
        /// The user asked.
        user: String,
    },
    /// A value in the request was invalid.
    #[error(transparent)]
    Invalid(#[from] rapport_core::Error),
    /// The store refused the request (e.g. a data directory from a newer version).
    #[error(transparent)]
    Store(rapport_store::UserError),
}

/// Errors from inside the engine.
#[derive(Debug, Error)]
pub enum InternalError {
    /// The store failed.
    #[error(transparent)]
    Store(rapport_store::InternalError),
    /// The recommendation model could not be fitted.
    #[error(transparent)]
    Recommend(rapport_recommend::RecommendError),
}

impl From<rapport_store::Error> for Error {
    fn from(e: rapport_store::Error) -> Self {
        match e {
            rapport_store::Error::User(u) => Error::User(UserError::Store(u)),
            rapport_store::Error::Internal(i) => Error::Internal(InternalError::Store(i)),
        }
    }
}

impl From<rapport_core::Error> for Error {
    fn from(e: rapport_core::Error) -> Self {
        Error::User(UserError::Invalid(e))
    }
}
