//! Tenants, their policies and API keys (hashes only) on PostgreSQL.

use chrono::{DateTime, Utc};
use postgres::Client;
use rapport_core::{TenantId, TenantPolicy, UserId};

use crate::codec::{from_micros, to_micros};
use crate::{ApiKey, AuditEntry, Error, Result};

pub(super) fn create_tenant(
    client: &mut Client,
    tenant: &TenantId,
    created: DateTime<Utc>,
) -> Result<bool> {
    let inserted = client.execute(
        "INSERT INTO tenants (tenant_id, created) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[&tenant.as_str(), &to_micros(created)],
    )?;
    Ok(inserted > 0)
}

pub(super) fn registered_tenants(client: &mut Client) -> Result<Vec<TenantId>> {
    let rows = client.query("SELECT tenant_id FROM tenants ORDER BY tenant_id", &[])?;
    rows.iter()
        .map(|row| TenantId::new(row.get::<_, String>(0)).map_err(|e| Error::corrupt("tenants", e)))
        .collect()
}

pub(super) fn tenant_policy(client: &mut Client, tenant: &TenantId) -> Result<TenantPolicy> {
    let row = client.query_opt(
        "SELECT policy FROM tenants WHERE tenant_id = $1",
        &[&tenant.as_str()],
    )?;
    match row.and_then(|row| row.get::<_, Option<String>>(0)) {
        Some(json) => serde_json::from_str(&json).map_err(|e| Error::corrupt("tenants", e)),
        None => Ok(TenantPolicy::default()),
    }
}

pub(super) fn set_tenant_policy(
    client: &mut Client,
    tenant: &TenantId,
    policy: &TenantPolicy,
    now: DateTime<Utc>,
    audit: Option<&AuditEntry>,
) -> Result<()> {
    let body = serde_json::to_string(policy).map_err(|e| Error::corrupt("tenants", e))?;
    let mut tx = client.transaction()?;
    tx.execute(
        "INSERT INTO tenants (tenant_id, created, policy) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET policy = excluded.policy",
        &[&tenant.as_str(), &to_micros(now), &body],
    )?;
    if let Some(entry) = audit {
        super::audit::record(&mut tx, entry)?;
    }
    tx.commit()?;
    Ok(())
}

pub(super) fn create_api_key(client: &mut Client, key: &ApiKey) -> Result<()> {
    client.execute(
        "INSERT INTO api_keys (hash, id, tenant_id, created, user_id) VALUES ($1, $2, $3, $4, $5)",
        &[
            &key.hash,
            &key.id,
            &key.tenant.as_str(),
            &to_micros(key.created),
            &key.user.as_ref().map(|u| u.as_str()),
        ],
    )?;
    Ok(())
}

pub(super) fn api_key(client: &mut Client, hash: &str) -> Result<Option<ApiKey>> {
    let row = client.query_opt(
        "SELECT id, tenant_id, created, user_id FROM api_keys WHERE hash = $1",
        &[&hash],
    )?;
    row.map(|row| {
        Ok(ApiKey {
            id: row.get(0),
            tenant: TenantId::new(row.get::<_, String>(1))
                .map_err(|e| Error::corrupt("api_keys", e))?,
            user: row
                .get::<_, Option<String>>(3)
                .map(UserId::new)
                .transpose()
                .map_err(|e| Error::corrupt("api_keys", e))?,
            hash: hash.to_string(),
            created: from_micros("api_keys", row.get(2))?,
        })
    })
    .transpose()
}

pub(super) fn revoke_api_key(client: &mut Client, id: &str) -> Result<bool> {
    Ok(client.execute("DELETE FROM api_keys WHERE id = $1", &[&id])? > 0)
}
