//! Tenants and API keys (hashes only).

use chrono::{DateTime, Utc};
use rapport_core::TenantId;
use rusqlite::{Connection, OptionalExtension, params};

use crate::codec::{from_micros, to_micros};
use crate::{ApiKey, Error, Result};

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

pub(super) fn create_api_key(conn: &Connection, key: &ApiKey) -> Result<()> {
    conn.execute(
        "INSERT INTO api_keys (hash, id, tenant, created) VALUES (?1, ?2, ?3, ?4)",
        params![
            key.hash,
            key.id,
            key.tenant.as_str(),
            to_micros(key.created)
        ],
    )?;
    Ok(())
}

pub(super) fn api_key(conn: &Connection, hash: &str) -> Result<Option<ApiKey>> {
    let row: Option<(String, String, i64)> = conn
        .prepare_cached("SELECT id, tenant, created FROM api_keys WHERE hash = ?1")?
        .query_row(params![hash], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    row.map(|(id, tenant, created)| {
        Ok(ApiKey {
            id,
            tenant: TenantId::new(tenant).map_err(|e| Error::corrupt("api_keys", e))?,
            hash: hash.to_string(),
            created: from_micros("api_keys", created)?,
        })
    })
    .transpose()
}

pub(super) fn revoke_api_key(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM api_keys WHERE id = ?1", params![id])? > 0)
}
