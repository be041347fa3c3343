//! Derived facts and population counts on PostgreSQL.

use postgres::{Client, GenericClient};
use rapport_core::{Fact, TenantId, UserId};

use crate::codec::to_seq;
use crate::fact_diff::{PairDelta, diff, population_deltas};
use crate::{Error, FactUpdate, PopulationStats, Result};

pub(super) fn read(
    client: &mut impl GenericClient,
    tenant: &TenantId,
    user: &UserId,
) -> Result<Vec<Fact>> {
    let rows = client.query(
        "SELECT body FROM facts WHERE tenant_id = $1 AND user_id = $2 ORDER BY fact_id",
        &[&tenant.as_str(), &user.as_str()],
    )?;
    rows.iter()
        .map(|row| {
            serde_json::from_str(row.get::<_, &str>(0)).map_err(|e| Error::corrupt("facts", e))
        })
        .collect()
}

/// Saves derived facts with `synchronous_commit = off`: they are rebuilt from the log if a
/// crash drops the last commits (with the `learned_seq` they recorded).
pub(super) fn save(client: &mut Client, updates: &[FactUpdate<'_>]) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.batch_execute("SET LOCAL synchronous_commit = off")?;
    for update in updates {
        let (tenant, user) = (update.tenant.as_str(), update.user.as_str());
        // Claims the revision (row-locking the user until commit) and records `learned_seq`
        // in one statement.
        let moved = tx.execute(
            "UPDATE users SET facts_revision = facts_revision + 1, learned_seq = $4
             WHERE tenant_id = $1 AND user_id = $2 AND facts_revision = $3",
            &[
                &tenant,
                &user,
                &(update.expected_revision as i64),
                &(update.learned_seq as i64),
            ],
        )?;
        if moved != 1 {
            return Err(Error::conflict(update.tenant, update.user));
        }
        match (update.facts, update.previous) {
            (Some(facts), Some(previous)) => write_changes(
                &mut tx,
                update.tenant,
                update.user,
                previous,
                facts,
                update.changed,
            )?,
            (Some(facts), None) => replace_facts(&mut tx, update.tenant, update.user, facts)?,
            (None, _) => {}
        }
    }
    tx.commit()?;
    Ok(())
}

/// Replaces all of a user's facts and moves the population counts accordingly.
pub(super) fn replace_facts(
    tx: &mut impl GenericClient,
    tenant: &TenantId,
    user: &UserId,
    facts: &[Fact],
) -> Result<()> {
    let before = read(tx, tenant, user)?;
    let (t, u) = (tenant.as_str(), user.as_str());
    tx.execute(
        "DELETE FROM facts WHERE tenant_id = $1 AND user_id = $2",
        &[&t, &u],
    )?;
    upsert_facts(tx, t, u, facts.iter())?;
    move_population(tx, t, &before, facts)
}

/// Writes facts (new or replacing the row of the same id).
fn upsert_facts<'a>(
    tx: &mut impl GenericClient,
    tenant: &str,
    user: &str,
    facts: impl Iterator<Item = &'a Fact>,
) -> Result<()> {
    let upsert = tx.prepare(
        "INSERT INTO facts (tenant_id, user_id, fact_id, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, user_id, fact_id) DO UPDATE SET body = EXCLUDED.body",
    )?;
    for fact in facts {
        let body = serde_json::to_string(fact).map_err(|e| Error::corrupt("facts", e))?;
        tx.execute(&upsert, &[&tenant, &user, &(fact.id as i64), &body])?;
    }
    Ok(())
}

/// Writes only the facts that differ from `previous` (what is stored) and moves the counts.
fn write_changes(
    tx: &mut impl GenericClient,
    tenant: &TenantId,
    user: &UserId,
    previous: &[Fact],
    facts: &[Fact],
    changed: Option<&[usize]>,
) -> Result<()> {
    let changes = diff(previous, facts, changed);
    let (t, u) = (tenant.as_str(), user.as_str());
    if !changes.removed.is_empty() {
        let ids: Vec<i64> = changes.removed.iter().map(|&id| id as i64).collect();
        tx.execute(
            "DELETE FROM facts WHERE tenant_id = $1 AND user_id = $2 AND fact_id = ANY($3)",
            &[&t, &u, &ids],
        )?;
    }
    upsert_facts(tx, t, u, changes.written.iter().copied())?;
    apply_deltas(tx, t, &changes.population_deltas(previous, facts))
}

/// Moves the tenant's population counts as a user's facts go from `before` to `after`.
pub(super) fn move_population(
    client: &mut impl GenericClient,
    tenant: &str,
    before: &[Fact],
    after: &[Fact],
) -> Result<()> {
    apply_deltas(client, tenant, &population_deltas(before, after))
}

fn apply_deltas(client: &mut impl GenericClient, tenant: &str, deltas: &[PairDelta]) -> Result<()> {
    if deltas.is_empty() {
        return Ok(());
    }
    let upsert = client.prepare(
        "INSERT INTO population (tenant_id, key, value, holders) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, key, value) DO UPDATE SET holders = population.holders + EXCLUDED.holders",
    )?;
    let mut emptied: Vec<(&str, &str)> = Vec::new();
    for ((key, value), delta) in deltas {
        client.execute(&upsert, &[&tenant, key, value, delta])?;
        if *delta < 0 {
            emptied.push((key, value));
        }
    }
    if !emptied.is_empty() {
        let (keys, values): (Vec<&str>, Vec<&str>) = emptied.into_iter().unzip();
        client.execute(
            "DELETE FROM population p USING UNNEST($2::TEXT[], $3::TEXT[]) AS e(key, value)
             WHERE p.tenant_id = $1 AND p.key = e.key AND p.value = e.value AND p.holders <= 0",
            &[&tenant, &keys, &values],
        )?;
    }
    Ok(())
}

pub(super) fn population(client: &mut Client, tenant: &TenantId) -> Result<PopulationStats> {
    let users: i64 = client
        .query_one(
            "SELECT count(*) FROM users WHERE tenant_id = $1",
            &[&tenant.as_str()],
        )?
        .get(0);
    let rows = client.query(
        "SELECT key, value, holders FROM population WHERE tenant_id = $1",
        &[&tenant.as_str()],
    )?;
    let holders = rows
        .iter()
        .map(|row| {
            (
                (row.get::<_, String>(0), row.get::<_, String>(1)),
                to_seq(row.get(2)),
            )
        })
        .collect();
    Ok(PopulationStats {
        users: to_seq(users),
        holders,
    })
}

/// Moves the user's facts revision on from `expected` (row-locking the user until commit, so
/// two writers cannot both pass), or fails with a conflict when another writer saved since.
pub(super) fn claim_revision(
    client: &mut impl GenericClient,
    tenant: &TenantId,
    user: &UserId,
    expected: u64,
) -> Result<()> {
    let moved = client.execute(
        "UPDATE users SET facts_revision = facts_revision + 1
         WHERE tenant_id = $1 AND user_id = $2 AND facts_revision = $3",
        &[&tenant.as_str(), &user.as_str(), &(expected as i64)],
    )?;
    if moved == 1 {
        Ok(())
    } else {
        Err(Error::conflict(tenant, user))
    }
}
