//! A user's own decisions on PostgreSQL: settings, and facts they edited, pinned or deleted.

use postgres::{Client, GenericClient};
use rapport_core::{Fact, TenantId, UserId, UserSettings};

use crate::{AuditEntry, Error, Result};

pub(super) fn settings(
    client: &mut impl GenericClient,
    tenant: &TenantId,
    user: &UserId,
) -> Result<UserSettings> {
    let row = client.query_opt(
        "SELECT body FROM user_settings WHERE tenant_id = $1 AND user_id = $2",
        &[&tenant.as_str(), &user.as_str()],
    )?;
    match row {
        Some(row) => serde_json::from_str(row.get::<_, &str>(0))
            .map_err(|e| Error::corrupt("user_settings", e)),
        None => Ok(UserSettings::default()),
    }
}

/// Saves with the server's `synchronous_commit`: a decision cannot be rebuilt from the log.
pub(super) fn save(
    client: &mut Client,
    tenant: &TenantId,
    user: &UserId,
    facts: &[Fact],
    settings: &UserSettings,
    expected_revision: u64,
    audit: Option<&AuditEntry>,
) -> Result<()> {
    let mut tx = client.transaction()?;
    super::facts::claim_revision(&mut tx, tenant, user, expected_revision)?;
    super::facts::replace_facts(&mut tx, tenant, user, facts)?;
    let body = serde_json::to_string(settings).map_err(|e| Error::corrupt("user_settings", e))?;
    tx.execute(
        "INSERT INTO user_settings (tenant_id, user_id, body) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET body = EXCLUDED.body",
        &[&tenant.as_str(), &user.as_str(), &body],
    )?;
    if let Some(entry) = audit {
        super::audit::record(&mut tx, entry)?;
    }
    tx.commit()?;
    Ok(())
}
