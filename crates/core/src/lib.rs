//! # rapport-core
//!
//! The domain of Rapport, with no IO: who a user is ([`TenantId`], [`UserId`]), what they said or
//! did ([`Event`]), what Rapport learned from it ([`Fact`]), and the small traits the engine is
//! assembled from ([`Embedder`]). Every other crate depends on this one; it depends on none of them.
//!
//! ```
//! use rapport_core::{Event, EventBody, Message, Role, TenantId, UserId};
//!
//! let event = Event::message(
//!     TenantId::default_tenant(),
//!     UserId::new("ana").unwrap(),
//!     Role::User,
//!     "I moved to Denver last month.",
//! );
//! assert!(matches!(event.body, EventBody::Message(Message { .. })));
//! ```

mod embed;
mod error;
mod event;
mod fact;
mod ids;
mod item;
mod learn;
mod policy;
pub mod redact;
mod settings;
mod text;
pub mod wire;

pub use embed::{Embedder, cosine};
pub use error::{Error, Result};
pub use event::{Action, Document, Event, EventBody, EventKind, Message, Role, StoredEvent, Verb};
pub use fact::{Facet, Fact, FactId, Polarity, Sensitivity, Source};
pub use ids::{EventId, TenantId, UserId};
pub use item::{Item, MAX_ITEM_ID_BYTES};
pub use learn::ProfileLearner;
pub use policy::{Redaction, TenantPolicy};
pub use settings::{Category, UserSettings};
pub use text::{MAX_TEXT_BYTES, validate_text};
