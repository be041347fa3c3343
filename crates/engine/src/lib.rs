//! # rapport-engine
//!
//! The library API of Rapport. An [`Engine`] wires a store, a learner (extraction and
//! consolidation) and the retrieval indexes together; the CLI and the HTTP server are thin
//! layers over it.
//!
//! ```
//! use rapport_core::{Event, Role, TenantId, UserId};
//! use rapport_engine::{Engine, EngineConfig};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let engine = Engine::open(EngineConfig::with_data_dir(dir.path())).unwrap();
//! let (tenant, user) = (TenantId::default_tenant(), UserId::new("ana").unwrap());
//! let report = engine
//!     .ingest(&[Event::message(tenant.clone(), user.clone(), Role::User, "I have a dog named Rex.")])
//!     .unwrap();
//! assert_eq!(report.accepted, 1);
//! let profile = engine.profile(&tenant, &user).unwrap();
//! assert_eq!(profile.summary.events, 1);
//! ```

mod access;
mod audit;
mod config;
mod context;
mod decisions;
mod defaults;
mod dump;
mod engine;
mod error;
mod export;
mod inference;
mod ingest;
mod learn_ahead;
mod learned;
mod memory;
mod parallel;
mod policy;
mod preferences;
mod prepared_turns;
mod profile;
mod recommend;
mod render;
mod retrieval;
mod rfc3339;

pub use access::{API_KEY_PREFIX, KeyAccess, NewApiKey, hash_api_key};
pub use audit::{Actor, audit_subject};
pub use config::{EmbedderKind, EngineConfig};
pub use context::{
    Context, ContextFact, ContextRequest, ContextTurn, DEFAULT_BUDGET, estimate_tokens,
};
pub use decisions::EDITED_REASON;
pub use dump::{DUMP_FORMAT, DUMP_VERSION, DumpReport};
pub use engine::{Engine, IngestReport, Parts, ReindexReport};
pub use error::{Error, InternalError, Result, UserError};
pub use export::UserExport;
pub use policy::PolicyReport;
pub use profile::{Profile, ProfileFact, distinctiveness};
pub use rapport_core::Item;
pub use rapport_recommend::{Candidate, Filters};
pub use rapport_store::{ApiKey, AuditEntry, PopulationStats, UserSummary};
pub use recommend::{ImportReport, MAX_CANDIDATES, RankedCandidate};
pub use retrieval::{CacheStats, SearchHit};
