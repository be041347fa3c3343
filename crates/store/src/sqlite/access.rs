//! Tenants, their policies and API keys (hashes only).

use chrono::{DateTime, Utc};
use rapport_core::{TenantId, TenantPolicy, UserId};
use rusqlite::{Connection, OptionalExtension, params};

use crate::codec::{from_micros, to_micros};
use crate::{ApiKey, AuditEntry, Error, Result};

pub(super) fn create_tenant(
    conn: &Connection,
    tenant: &TenantId,
    created: DateTime<Utc>,
) -> Result<bool> {
    let inserted = conn.execute(
        "INSERT INTO tenants (tenant, created) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        params![tenant.as_str(), to_micros(created)],
    )?;
    Ok(inserted > 0)
}

pub(super) fn registered_tenants(conn: &Connection) -> Result<Vec<TenantId>> {
    let mut stmt = conn.prepare_cached("SELECT tenant FROM tenants ORDER BY tenant")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.map(|r| TenantId::new(r?).map_err(|e| Error::corrupt("tenants", e)))
        .collect()
}

pub(super) fn tenant_policy(conn: &Connection, tenant: &TenantId) -> Result<TenantPolicy> {
    let body: Option<Option<String>> = conn
        .prepare_cached("SELECT policy FROM tenants WHERE tenant = ?1")?
        .query_row(params![tenant.as_str()], |r| r.get(0))
        .optional()?;
    match body.flatten() {
        Some(json) => serde_json::from_str(&json).map_err(|e| Error::corrupt("tenants", e)),
        None => Ok(TenantPolicy::default()),
    }
}

pub(super) fn set_tenant_policy(
    conn: &mut Connection,
    tenant: &TenantId,
    policy: &TenantPolicy,
    now: DateTime<Utc>,
    audit: Option<&AuditEntry>,
) -> Result<()> {
    let body = serde_json::to_string(policy).map_err(|e| Error::corrupt("tenants", e))?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.execute(
        "INSERT INTO tenants (tenant, created, policy) VALUES (?1, ?2, ?3)
         ON CONFLICT (tenant) DO UPDATE SET policy = excluded.policy",
        params![tenant.as_str(), to_micros(now), body],
    )?;
    if let Some(entry) = audit {
        super::audit::record(&tx, entry)?;
    }
    tx.commit()?;
    Ok(())
}

pub(super) fn create_api_key(conn: &Connection, key: &ApiKey) -> Result<()> {
    conn.execute(
        "INSERT INTO api_keys (hash, id, tenant, created, user) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            key.hash,
            key.id,
            key.tenant.as_str(),
            to_micros(key.created),
            key.user.as_ref().map(|u| u.as_str()),
        ],
    )?;
    Ok(())
}

pub(super) fn api_key(conn: &Connection, hash: &str) -> Result<Option<ApiKey>> {
    type Row = (String, String, i64, Option<String>);
    let row: Option<Row> = conn
        .prepare_cached("SELECT id, tenant, created, user FROM api_keys WHERE hash = ?1")?
        .query_row(params![hash], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    row.map(|(id, tenant, created, user)| {
        Ok(ApiKey {
            id,
            tenant: TenantId::new(tenant).map_err(|e| Error::corrupt("api_keys", e))?,
            user: user
                .map(UserId::new)
                .transpose()
                .map_err(|e| Error::corrupt("api_keys", e))?,
            hash: hash.to_string(),
            created: from_micros("api_keys", created)?,
        })
    })
    .transpose()
}

pub(super) fn revoke_api_key(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM api_keys WHERE id = ?1", params![id])? > 0)
}
