//! Identifiers. Each is a validated string newtype so a bad id is rejected at the edge, once.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The longest identifier accepted, in bytes.
pub const MAX_ID_BYTES: usize = 256;

fn validate(kind: &'static str, value: &str) -> Result<()> {
    let reason = if value.is_empty() {
        "must not be empty".to_string()
    } else if value.len() > MAX_ID_BYTES {
        format!(
            "{} bytes is longer than the limit of {MAX_ID_BYTES}",
            value.len()
        )
    } else if value.chars().any(char::is_control) {
        "must not contain control characters".to_string()
    } else if value.trim() != value {
        "must not start or end with white space".to_string()
    } else {
        return Ok(());
    };
    Err(Error::InvalidId { kind, reason })
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps an identifier.
            pub fn new(value: impl Into<String>) -> Result<Self> {
                let value = value.into();
                validate($kind, &value)?;
                Ok(Self(value))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(value: String) -> Result<Self> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// A tenant: one application or customer. No data is ever shared between tenants.
    TenantId,
    "tenant"
);
string_id!(
    /// An end user within a tenant.
    UserId,
    "user"
);
string_id!(
    /// An event's idempotency key, unique per tenant and user.
    EventId,
    "event id"
);

impl TenantId {
    /// The tenant used when none is named: `default`.
    pub fn default_tenant() -> Self {
        Self("default".to_string())
    }
}

impl EventId {
    /// A fresh, unique id for an event that came without one. Such events are not deduplicated:
    /// without a key there is no way to tell a repeat from a second identical message.
    pub fn generate() -> Self {
        use std::sync::atomic::{AtomicU64, Ordering};
        use std::time::{SystemTime, UNIX_EPOCH};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        Self(format!("gen-{nanos:x}-{:x}-{count:x}", std::process::id()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_ids() {
        assert!(UserId::new("").is_err());
        assert!(UserId::new("a\nb").is_err());
        assert!(UserId::new(" padded").is_err());
        assert!(UserId::new("x".repeat(MAX_ID_BYTES + 1)).is_err());
        assert_eq!(UserId::new("ana").unwrap().as_str(), "ana");
    }

    #[test]
    fn generated_ids_are_unique() {
        assert_ne!(EventId::generate(), EventId::generate());
    }

    #[test]
    fn deserialization_validates() {
        let err = serde_json::from_str::<UserId>("\"\"").unwrap_err();
        assert!(err.to_string().contains("must not be empty"), "{err}");
    }
}
