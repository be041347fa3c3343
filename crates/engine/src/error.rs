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
    /// The user has no fact with this id.
    #[error("user `{user}` has no fact {id}")]
    UnknownFact {
        /// The user asked.
        user: String,
        /// The fact id asked.
        id: u64,
    },
    /// The fact already ended; only current facts can be edited or pinned.
    #[error("fact {id} is no longer current; edit the fact that replaced it")]
    FactEnded {
        /// The fact id asked.
        id: u64,
    },
    /// The tenant is not registered.
    #[error("unknown tenant `{tenant}`")]
    UnknownTenant {
        /// The tenant asked.
        tenant: String,
    },
    /// A value in the request was invalid.
    #[error(transparent)]
    Invalid(#[from] rapport_core::Error),
    /// A dump to import is malformed (line 0: the dump as a whole).
    #[error("invalid dump at line {line}: {reason}")]
    InvalidDump {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// An import would mix a dump's user with one the target store already holds.
    #[error(
        "the target store already holds user `{user}` in tenant `{tenant}`; import into an empty store"
    )]
    ImportTargetNotEmpty {
        /// The tenant.
        tenant: String,
        /// The user.
        user: String,
    },
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
    /// The operating system's random number generator failed.
    #[error("random: {0}")]
    Random(String),
    /// Reading or writing a file or stream failed.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// The configured embedder could not be set up (missing model or library, or a build
    /// without the `onnx` feature).
    #[error("embedder: {0}")]
    Embedder(String),
    /// The recommendation model could not be fitted.
    #[error(transparent)]
    Recommend(rapport_recommend::RecommendError),
}

impl Error {
    /// Whether another process changed the same user's facts concurrently (retry to resolve).
    pub(crate) fn is_conflict(&self) -> bool {
        matches!(
            self,
            Error::Internal(InternalError::Store(
                rapport_store::InternalError::Conflict { .. }
            ))
        )
    }
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
