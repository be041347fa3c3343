//! Derived facts and the population counts kept next to them.

use std::collections::HashMap;

use rapport_core::{Fact, TenantId, UserId};
use rusqlite::{Connection, TransactionBehavior, params};

use crate::codec::to_seq;
use crate::fact_diff::{PairDelta, diff, population_deltas};
use crate::{Error, FactUpdate, PopulationStats, Result};

pub(super) fn read(conn: &Connection, tenant: &TenantId, user: &UserId) -> Result<Vec<Fact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT body FROM facts WHERE tenant = ?1 AND user = ?2 ORDER BY fact_id",
    )?;
    let rows = stmt.query_map(params![tenant.as_str(), user.as_str()], |r| {
        r.get::<_, String>(0)
    })?;
    let mut facts = Vec::new();
    for body in rows {
        facts.push(serde_json::from_str(&body?).map_err(|e| Error::corrupt("facts", e))?);
    }
    Ok(facts)
}

/// Saves derived facts. They are rebuilt from the log if lost, so this transaction skips the
/// fsync at commit (`synchronous=NORMAL`): after a power loss it may roll back, together with
/// the `learned_seq` it recorded, and the next ingest or `reindex` learns those events again.
/// The event log itself is always appended with `synchronous=FULL`.
///
/// Nor does this commit checkpoint the WAL: the appends do, while learning runs beside them
/// (the engine saves facts with nothing to overlap).
pub(super) fn save(conn: &mut Connection, updates: &[FactUpdate<'_>]) -> Result<()> {
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    let result = save_all(conn, updates);
    conn.pragma_update(None, "wal_autocheckpoint", super::WAL_AUTOCHECKPOINT)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    result
}

fn save_all(conn: &mut Connection, updates: &[FactUpdate<'_>]) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for update in updates {
        save_one(&tx, update)?;
    }
    tx.commit()?;
    Ok(())
}

fn save_one(tx: &Connection, update: &FactUpdate<'_>) -> Result<()> {
    let FactUpdate {
        tenant,
        user,
        facts,
        previous,
        changed,
        learned_seq,
        expected_revision,
    } = *update;
    // Claims the revision and records `learned_seq` in one statement.
    let moved = tx
        .prepare_cached(
            "UPDATE users SET facts_revision = facts_revision + 1, learned_seq = ?4
             WHERE tenant = ?1 AND user = ?2 AND facts_revision = ?3",
        )?
        .execute(params![
            tenant.as_str(),
            user.as_str(),
            expected_revision as i64,
            learned_seq as i64
        ])?;
    if moved != 1 {
        return Err(Error::conflict(tenant, user));
    }
    match (facts, previous) {
        (Some(facts), Some(previous)) => write_changes(tx, tenant, user, previous, facts, changed),
        (Some(facts), None) => replace_facts(tx, tenant, user, facts),
        (None, _) => Ok(()),
    }
}

fn insert_fact(tx: &Connection, tenant: &TenantId, user: &UserId, fact: &Fact) -> Result<()> {
    let body = serde_json::to_string(fact).map_err(|e| Error::corrupt("facts", e))?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO facts (tenant, user, fact_id, body) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        tenant.as_str(),
        user.as_str(),
        fact.id as i64,
        body
    ])?;
    Ok(())
}

/// Writes only the facts that differ from `previous` (what is stored) and moves the counts.
fn write_changes(
    tx: &Connection,
    tenant: &TenantId,
    user: &UserId,
    previous: &[Fact],
    facts: &[Fact],
    changed: Option<&[usize]>,
) -> Result<()> {
    let changes = diff(previous, facts, changed);
    if !changes.removed.is_empty() {
        let mut delete = tx
            .prepare_cached("DELETE FROM facts WHERE tenant = ?1 AND user = ?2 AND fact_id = ?3")?;
        for &id in &changes.removed {
            delete.execute(params![tenant.as_str(), user.as_str(), id as i64])?;
        }
    }
    for fact in &changes.written {
        insert_fact(tx, tenant, user, fact)?;
    }
    apply_deltas(tx, tenant, changes.population_deltas(previous, facts))
}

pub(super) fn replace_facts(
    tx: &Connection,
    tenant: &TenantId,
    user: &UserId,
    facts: &[Fact],
) -> Result<()> {
    let before = read(tx, tenant, user)?;
    tx.prepare_cached("DELETE FROM facts WHERE tenant = ?1 AND user = ?2")?
        .execute(params![tenant.as_str(), user.as_str()])?;
    for fact in facts {
        insert_fact(tx, tenant, user, fact)?;
    }
    move_population(tx, tenant, &before, facts)
}

/// Moves the tenant's population counts as a user's facts go from `before` to `after`.
pub(super) fn move_population(
    conn: &Connection,
    tenant: &TenantId,
    before: &[Fact],
    after: &[Fact],
) -> Result<()> {
    apply_deltas(conn, tenant, population_deltas(before, after))
}

fn apply_deltas(conn: &Connection, tenant: &TenantId, deltas: Vec<PairDelta>) -> Result<()> {
    if deltas.is_empty() {
        return Ok(());
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO population (tenant, key, value, holders) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tenant, key, value) DO UPDATE SET holders = holders + excluded.holders",
    )?;
    let mut emptied = conn.prepare_cached(
        "DELETE FROM population WHERE tenant = ?1 AND key = ?2 AND value = ?3 AND holders <= 0",
    )?;
    for ((key, value), delta) in deltas {
        upsert.execute(params![tenant.as_str(), key, value, delta])?;
        if delta < 0 {
            emptied.execute(params![tenant.as_str(), key, value])?;
        }
    }
    Ok(())
}

pub(super) fn population(conn: &Connection, tenant: &TenantId) -> Result<PopulationStats> {
    let users: i64 = conn.query_row(
        "SELECT count(*) FROM users WHERE tenant = ?1",
        params![tenant.as_str()],
        |r| r.get(0),
    )?;
    let mut stmt =
        conn.prepare_cached("SELECT key, value, holders FROM population WHERE tenant = ?1")?;
    let rows = stmt.query_map(params![tenant.as_str()], |r| {
        Ok((
            (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut holders = HashMap::new();
    for row in rows {
        let (pair, count) = row?;
        holders.insert(pair, to_seq(count));
    }
    Ok(PopulationStats {
        users: to_seq(users),
        holders,
    })
}

pub(super) fn remove_user_population(
    conn: &Connection,
    tenant: &TenantId,
    user: &UserId,
) -> Result<()> {
    move_population(conn, tenant, &read(conn, tenant, user)?, &[])
}

/// Moves the user's facts revision on from `expected`, or fails with a conflict when another
/// writer saved since it was read.
pub(super) fn claim_revision(
    tx: &Connection,
    tenant: &TenantId,
    user: &UserId,
    expected: u64,
) -> Result<()> {
    let moved = tx
        .prepare_cached(
            "UPDATE users SET facts_revision = facts_revision + 1
             WHERE tenant = ?1 AND user = ?2 AND facts_revision = ?3",
        )?
        .execute(params![tenant.as_str(), user.as_str(), expected as i64])?;
    if moved == 1 {
        Ok(())
    } else {
        Err(Error::conflict(tenant, user))
    }
}
