//! Users on PostgreSQL: summaries, listing, forgetting.

use postgres::{Client, Row};
use rapport_core::{TenantId, UserId};

use crate::codec::{from_micros, to_seq};
use crate::{AuditEntry, Error, Result, UserSummary};

const COLUMNS: &str =
    "tenant_id, user_id, events, last_seq, learned_seq, first_time, last_time, facts_revision";

fn decode(row: &Row) -> Result<UserSummary> {
    Ok(UserSummary {
        tenant: TenantId::new(row.get::<_, String>(0)).map_err(|e| Error::corrupt("users", e))?,
        user: UserId::new(row.get::<_, String>(1)).map_err(|e| Error::corrupt("users", e))?,
        events: to_seq(row.get(2)),
        last_seq: to_seq(row.get(3)),
        learned_seq: to_seq(row.get(4)),
        facts_revision: to_seq(row.get(7)),
        first_time: from_micros("users", row.get(5))?,
        last_time: from_micros("users", row.get(6))?,
    })
}

pub(super) fn one(
    client: &mut Client,
    tenant: &TenantId,
    user: &UserId,
) -> Result<Option<UserSummary>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users WHERE tenant_id = $1 AND user_id = $2 AND last_seq > 0"
    );
    client
        .query_opt(&sql, &[&tenant.as_str(), &user.as_str()])?
        .as_ref()
        .map(decode)
        .transpose()
}

pub(super) fn all(client: &mut Client, tenant: &TenantId) -> Result<Vec<UserSummary>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users WHERE tenant_id = $1 AND last_seq > 0 ORDER BY user_id COLLATE \"C\""
    );
    client
        .query(&sql, &[&tenant.as_str()])?
        .iter()
        .map(decode)
        .collect()
}

pub(super) fn tenants(client: &mut Client) -> Result<Vec<TenantId>> {
    let rows = client.query(
        "SELECT tenant_id FROM users WHERE last_seq > 0 GROUP BY tenant_id ORDER BY tenant_id COLLATE \"C\"",
        &[],
    )?;
    rows.iter()
        .map(|row| TenantId::new(row.get::<_, String>(0)).map_err(|e| Error::corrupt("users", e)))
        .collect()
}

pub(super) fn forget(
    client: &mut Client,
    tenant: &TenantId,
    user: &UserId,
    audit: Option<&AuditEntry>,
) -> Result<bool> {
    let mut tx = client.transaction()?;
    let (t, u) = (tenant.as_str(), user.as_str());
    let facts = super::facts::read(&mut tx, tenant, user)?;
    super::facts::move_population(&mut tx, t, &facts, &[])?;
    tx.execute(
        "DELETE FROM events WHERE tenant_id = $1 AND user_id = $2",
        &[&t, &u],
    )?;
    tx.execute(
        "DELETE FROM facts WHERE tenant_id = $1 AND user_id = $2",
        &[&t, &u],
    )?;
    tx.execute(
        "DELETE FROM user_settings WHERE tenant_id = $1 AND user_id = $2",
        &[&t, &u],
    )?;
    let existed = tx.execute(
        "DELETE FROM users WHERE tenant_id = $1 AND user_id = $2",
        &[&t, &u],
    )? > 0;
    if let Some(entry) = audit.filter(|_| existed) {
        super::audit::record(&mut tx, entry)?;
    }
    tx.commit()?;
    Ok(existed)
}
