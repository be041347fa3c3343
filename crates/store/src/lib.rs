//! # rapport-store
//!
//! Where Rapport keeps what it knows. The [`Store`] trait is small on purpose so that a second
//! backend (PostgreSQL) is a few hundred lines, and every backend must pass the same
//! [`conformance`] suite.
//!
//! **Invariant: the event log is the truth.** Facts and population counts are derived state,
//! written by the engine after it learns from the log, and can be rebuilt from it at any time
//! (`rapport reindex`). Only this crate knows SQL.
//!
//! ```
//! use rapport_core::{Event, Role, TenantId, UserId};
//! use rapport_store::{SqliteStore, Store};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let store = SqliteStore::open(dir.path().join("rapport.db")).unwrap();
//! let tenant = TenantId::default_tenant();
//! let user = UserId::new("ana").unwrap();
//! let event = Event::message(tenant.clone(), user.clone(), Role::User, "I have a dog.");
//! let outcome = store.append(&[event.clone(), event]).unwrap();
//! assert_eq!((outcome.stored.len(), outcome.duplicates), (1, 1));
//! assert_eq!(store.events(&tenant, &user, 0, 100).unwrap().len(), 1);
//! ```

mod codec;
pub mod conformance;
mod error;
mod fact_diff;
#[cfg(feature = "postgres")]
mod postgres;
mod sqlite;
mod store;

pub use error::{Error, InternalError, Result, UserError};
#[cfg(feature = "postgres")]
pub use postgres::{PG_SCHEMA_VERSION, PostgresStore};
pub use sqlite::{SCHEMA_VERSION, SqliteStore};
pub use store::{
    ApiKey, AppendOutcome, AuditEntry, FactUpdate, PopulationStats, Store, UserSummary,
};
