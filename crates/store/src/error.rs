use rapport_core::{TenantId, UserId};
use thiserror::Error;

/// Result type of the store crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Store failures, split by fault: what the caller got wrong, and what went wrong inside.
#[derive(Debug, Error)]
pub enum Error {
    /// The caller asked for something the store cannot do (a user error, a 4xx).
    #[error(transparent)]
    User(#[from] UserError),
    /// The backend failed (an internal error, a 5xx). Its message is for logs, not for clients.
    #[error(transparent)]
    Internal(#[from] InternalError),
}

/// Errors caused by the request.
#[derive(Debug, Error)]
pub enum UserError {
    /// The data directory was written by a newer Rapport.
    #[error(
        "the store has schema version {found}, newer than the {supported} this build knows; upgrade rapport"
    )]
    SchemaTooNew {
        /// Version found on disk.
        found: i64,
        /// Newest version this build can read.
        supported: i64,
    },
    /// The file at the given path is not a Rapport store.
    #[error("{path} is not a Rapport store: {reason}")]
    NotAStore {
        /// The path opened.
        path: String,
        /// What was wrong with it.
        reason: String,
    },
}

/// Errors from inside the backend.
#[derive(Debug, Error)]
pub enum InternalError {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored row could not be decoded.
    #[error("corrupt row in {table}: {reason}")]
    Corrupt {
        /// The table holding the row.
        table: &'static str,
        /// What could not be decoded.
        reason: String,
    },
    /// PostgreSQL failed.
    #[cfg(feature = "postgres")]
    #[error("postgres: {0}")]
    Postgres(#[from] ::postgres::Error),
    /// Another writer learned from this user's log since their facts were read; nothing was
    /// saved. The caller reads again and retries.
    #[error("facts of user `{user}` in tenant `{tenant}` changed concurrently")]
    Conflict {
        /// The tenant.
        tenant: String,
        /// The user.
        user: String,
    },
    /// Filesystem failure (creating the data directory).
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Internal(InternalError::Sqlite(e))
    }
}

#[cfg(feature = "postgres")]
impl From<::postgres::Error> for Error {
    fn from(e: ::postgres::Error) -> Self {
        Error::Internal(InternalError::Postgres(e))
    }
}

impl Error {
    /// Whether this is a [`InternalError::Conflict`]: retrying after reading again can succeed.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Error::Internal(InternalError::Conflict { .. }))
    }

    pub(crate) fn conflict(tenant: &TenantId, user: &UserId) -> Self {
        Error::Internal(InternalError::Conflict {
            tenant: tenant.to_string(),
            user: user.to_string(),
        })
    }

    pub(crate) fn corrupt(table: &'static str, reason: impl ToString) -> Self {
        Error::Internal(InternalError::Corrupt {
            table,
            reason: reason.to_string(),
        })
    }
}
