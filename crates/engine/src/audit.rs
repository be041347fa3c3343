//! The audit log: who edited, exported or deleted what kind of thing, and when.
//!
//! Entries never hold content (no fact values, no message text) and name the user only by a
//! fingerprint of `(tenant, user)`, so forgetting a user leaves their log entries in place
//! without leaving anything of theirs. To find a user's entries, ask with their id: the
//! fingerprint is computed again.

use std::fmt;

use chrono::Utc;
use rapport_core::{TenantId, UserId};
use rapport_store::AuditEntry;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Engine, Result};

/// Who acts: an operator at the command line, the admin key, a tenant's or a user's API key,
/// an MCP client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Actor(String);

impl Actor {
    /// Someone at the command line of the machine that holds the data.
    pub fn cli() -> Self {
        Actor("cli".into())
    }

    /// The server's admin key.
    pub fn admin() -> Self {
        Actor("admin".into())
    }

    /// An API key, by its public id (never its secret).
    pub fn api_key(key_id: &str) -> Self {
        Actor(format!("key:{key_id}"))
    }

    /// An MCP client on the local stdio transport.
    pub fn mcp() -> Self {
        Actor("mcp".into())
    }

    /// The actor as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The fingerprint naming a user in the audit log.
pub fn audit_subject(tenant: &TenantId, user: &UserId) -> String {
    let digest = Sha256::new()
        .chain_update(tenant.as_str().as_bytes())
        .chain_update([0])
        .chain_update(user.as_str().as_bytes())
        .finalize();
    crate::access::hex(&digest[..16])
}

/// An audit entry for an action now. `detail` must not hold content.
pub(crate) fn audit_entry(
    actor: &Actor,
    tenant: &TenantId,
    user: Option<&UserId>,
    action: &str,
    detail: impl Into<String>,
) -> AuditEntry {
    AuditEntry {
        tenant: tenant.clone(),
        time: Utc::now(),
        actor: actor.as_str().to_string(),
        action: action.to_string(),
        subject: user.map(|u| audit_subject(tenant, u)),
        detail: detail.into(),
    }
}

impl Engine {
    /// Records an action that changes nothing (an export) in the tenant's audit log.
    /// Changes pass their entry to the store with the change instead, so both are saved in
    /// one transaction.
    pub(crate) fn audit(
        &self,
        actor: &Actor,
        tenant: &TenantId,
        user: Option<&UserId>,
        action: &str,
        detail: impl Into<String>,
    ) -> Result<()> {
        Ok(self
            .store
            .record_audit(&audit_entry(actor, tenant, user, action, detail))?)
    }

    /// The tenant's audit log, newest first, at most `limit` entries; only those about `user`
    /// when given (also after the user was forgotten).
    pub fn audit_log(
        &self,
        tenant: &TenantId,
        user: Option<&UserId>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>> {
        let subject = user.map(|u| audit_subject(tenant, u));
        Ok(self.store.audit_log(tenant, subject.as_deref(), limit)?)
    }
}
