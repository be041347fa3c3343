//! The audit log.

use rapport_core::TenantId;
use rusqlite::{Connection, params};

use crate::codec::{from_micros, to_micros};
use crate::{AuditEntry, Result};

pub(super) fn record(conn: &Connection, entry: &AuditEntry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit (tenant, time, actor, action, subject, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        entry.tenant.as_str(),
        to_micros(entry.time),
        entry.actor,
        entry.action,
        entry.subject,
        entry.detail
    ])?;
    Ok(())
}

pub(super) fn log(
    conn: &Connection,
    tenant: &TenantId,
    subject: Option<&str>,
    limit: usize,
) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT time, actor, action, subject, detail FROM audit
         WHERE tenant = ?1 AND (?2 IS NULL OR subject = ?2)
         ORDER BY id DESC LIMIT ?3",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![tenant.as_str(), subject, limit], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    rows.map(|row| {
        let (time, actor, action, subject, detail) = row?;
        Ok(AuditEntry {
            tenant: tenant.clone(),
            time: from_micros("audit", time)?,
            actor,
            action,
            subject,
            detail,
        })
    })
    .collect()
}
