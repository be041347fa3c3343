//! A user's own decisions: settings, and facts they edited, pinned or deleted.

use rapport_core::{Fact, TenantId, UserId, UserSettings};
use rusqlite::{Connection, OptionalExtension, params};

use crate::{AuditEntry, Error, Result};

pub(super) fn settings(
    conn: &Connection,
    tenant: &TenantId,
    user: &UserId,
) -> Result<UserSettings> {
    let body: Option<String> = conn
        .prepare_cached("SELECT body FROM user_settings WHERE tenant = ?1 AND user = ?2")?
        .query_row(params![tenant.as_str(), user.as_str()], |r| r.get(0))
        .optional()?;
    match body {
        Some(body) => serde_json::from_str(&body).map_err(|e| Error::corrupt("user_settings", e)),
        None => Ok(UserSettings::default()),
    }
}

/// Saves with the connection's `synchronous=FULL`: unlike derived facts, a decision cannot be
/// rebuilt from the log, so it is fsynced before this returns.
pub(super) fn save(
    conn: &mut Connection,
    tenant: &TenantId,
    user: &UserId,
    facts: &[Fact],
    settings: &UserSettings,
    expected_revision: u64,
    audit: Option<&AuditEntry>,
) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    super::facts::claim_revision(&tx, tenant, user, expected_revision)?;
    super::facts::replace_facts(&tx, tenant, user, facts)?;
    let body = serde_json::to_string(settings).map_err(|e| Error::corrupt("user_settings", e))?;
    tx.prepare_cached(
        "INSERT INTO user_settings (tenant, user, body) VALUES (?1, ?2, ?3)
         ON CONFLICT (tenant, user) DO UPDATE SET body = excluded.body",
    )?
    .execute(params![tenant.as_str(), user.as_str(), body])?;
    if let Some(entry) = audit {
        super::audit::record(&tx, entry)?;
    }
    tx.commit()?;
    super::users::scrub_wal(conn)
}
