//! The audit log on PostgreSQL.

use postgres::{Client, GenericClient};
use rapport_core::TenantId;

use crate::codec::{from_micros, to_micros};
use crate::{AuditEntry, Result};

pub(super) fn record(client: &mut impl GenericClient, entry: &AuditEntry) -> Result<()> {
    client.execute(
        "INSERT INTO audit (tenant_id, time, actor, action, subject, detail)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &entry.tenant.as_str(),
            &to_micros(entry.time),
            &entry.actor,
            &entry.action,
            &entry.subject,
            &entry.detail,
        ],
    )?;
    Ok(())
}

pub(super) fn log(
    client: &mut Client,
    tenant: &TenantId,
    subject: Option<&str>,
    limit: usize,
) -> Result<Vec<AuditEntry>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = client.query(
        "SELECT time, actor, action, subject, detail FROM audit
         WHERE tenant_id = $1 AND ($2::TEXT IS NULL OR subject = $2)
         ORDER BY id DESC LIMIT $3",
        &[&tenant.as_str(), &subject, &limit],
    )?;
    rows.iter()
        .map(|row| {
            Ok(AuditEntry {
                tenant: tenant.clone(),
                time: from_micros("audit", row.get(0))?,
                actor: row.get(1),
                action: row.get(2),
                subject: row.get(3),
                detail: row.get(4),
            })
        })
        .collect()
}
