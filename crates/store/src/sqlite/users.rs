//! Users: summaries, listing, and forgetting.

use rapport_core::{TenantId, UserId};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use crate::codec::{from_micros, to_seq};
use crate::{AuditEntry, Error, Result, UserSummary};

const COLUMNS: &str =
    "tenant, user, events, last_seq, learned_seq, first_time, last_time, facts_revision";

type RawSummary = (String, String, i64, i64, i64, i64, i64, i64);

fn summary(row: &Row<'_>) -> rusqlite::Result<RawSummary> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn decode(raw: RawSummary) -> Result<UserSummary> {
    let (tenant, user, events, last_seq, learned_seq, first, last, revision) = raw;
    Ok(UserSummary {
        tenant: TenantId::new(tenant).map_err(|e| Error::corrupt("users", e))?,
        user: UserId::new(user).map_err(|e| Error::corrupt("users", e))?,
        events: to_seq(events),
        last_seq: to_seq(last_seq),
        learned_seq: to_seq(learned_seq),
        facts_revision: to_seq(revision),
        first_time: from_micros("users", first)?,
        last_time: from_micros("users", last)?,
    })
}

pub(super) fn one(
    conn: &Connection,
    tenant: &TenantId,
    user: &UserId,
) -> Result<Option<UserSummary>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE tenant = ?1 AND user = ?2");
    let raw = conn
        .prepare_cached(&sql)?
        .query_row(params![tenant.as_str(), user.as_str()], summary)
        .optional()?;
    raw.map(decode).transpose()
}

pub(super) fn all(conn: &Connection, tenant: &TenantId) -> Result<Vec<UserSummary>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE tenant = ?1 ORDER BY user");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![tenant.as_str()], summary)?;
    rows.map(|r| decode(r?)).collect()
}

pub(super) fn tenants(conn: &Connection) -> Result<Vec<TenantId>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT tenant FROM users ORDER BY tenant")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.map(|r| TenantId::new(r?).map_err(|e| Error::corrupt("users", e)))
        .collect()
}

pub(super) fn forget(
    conn: &mut Connection,
    tenant: &TenantId,
    user: &UserId,
    audit: Option<&AuditEntry>,
) -> Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    super::facts::remove_user_population(&tx, tenant, user)?;
    let args = params![tenant.as_str(), user.as_str()];
    tx.execute("DELETE FROM events WHERE tenant = ?1 AND user = ?2", args)?;
    tx.execute("DELETE FROM facts WHERE tenant = ?1 AND user = ?2", args)?;
    tx.execute(
        "DELETE FROM user_settings WHERE tenant = ?1 AND user = ?2",
        args,
    )?;
    let existed = tx.execute("DELETE FROM users WHERE tenant = ?1 AND user = ?2", args)? > 0;
    if let Some(entry) = audit.filter(|_| existed) {
        super::audit::record(&tx, entry)?;
    }
    tx.commit()?;
    scrub_wal(conn)?;
    Ok(existed)
}

/// Moves deleted pages out of the WAL into the (zeroing) main file and truncate the WAL,
/// so the forgotten text is not left in the write-ahead log.
pub(super) fn scrub_wal(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}
