//! Derived facts and population counts on PostgreSQL.

use std::collections::{HashMap, HashSet};

use postgres::{Client, GenericClient};
use rapport_core::{Fact, TenantId, UserId};

use crate::codec::to_seq;
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

/// The `(key, value)` pairs a set of facts holds as current, each once.
fn current_pairs(facts: &[Fact]) -> HashSet<(String, String)> {
    facts
        .iter()
        .filter(|f| f.is_current())
        .map(|f| (f.key.clone(), f.value.to_lowercase()))
        .collect()
}

/// Saves derived facts with `synchronous_commit = off`: they are rebuilt from the log if a
/// crash drops the last commits (with the `learned_seq` they recorded).
pub(super) fn save(client: &mut Client, updates: &[FactUpdate<'_>]) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.batch_execute("SET LOCAL synchronous_commit = off")?;
    for update in updates {
        let (tenant, user) = (update.tenant.as_str(), update.user.as_str());
        claim_revision(
            &mut tx,
            update.tenant,
            update.user,
            update.expected_revision,
        )?;
        tx.execute(
            "UPDATE users SET learned_seq = $3 WHERE tenant_id = $1 AND user_id = $2",
            &[&tenant, &user, &(update.learned_seq as i64)],
        )?;
        if let Some(facts) = update.facts {
            replace_facts(&mut tx, update.tenant, update.user, facts)?;
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
    let before = current_pairs(&read(tx, tenant, user)?);
    let after = current_pairs(facts);
    let (tenant, user) = (tenant.as_str(), user.as_str());
    tx.execute(
        "DELETE FROM facts WHERE tenant_id = $1 AND user_id = $2",
        &[&tenant, &user],
    )?;
    let insert = tx
        .prepare("INSERT INTO facts (tenant_id, user_id, fact_id, body) VALUES ($1, $2, $3, $4)")?;
    for fact in facts {
        let body = serde_json::to_string(fact).map_err(|e| Error::corrupt("facts", e))?;
        tx.execute(&insert, &[&tenant, &user, &(fact.id as i64), &body])?;
    }
    let mut deltas: HashMap<&(String, String), i64> = HashMap::new();
    for pair in &before {
        *deltas.entry(pair).or_default() -= 1;
    }
    for pair in &after {
        *deltas.entry(pair).or_default() += 1;
    }
    apply_population_deltas(tx, tenant, deltas.into_iter().filter(|(_, d)| *d != 0))
}

pub(super) fn apply_population_deltas<'a>(
    client: &mut impl GenericClient,
    tenant: &str,
    deltas: impl Iterator<Item = (&'a (String, String), i64)>,
) -> Result<()> {
    let upsert = client.prepare(
        "INSERT INTO population (tenant_id, key, value, holders) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, key, value) DO UPDATE SET holders = population.holders + EXCLUDED.holders",
    )?;
    let mut touched = false;
    for ((key, value), delta) in deltas {
        client.execute(&upsert, &[&tenant, key, value, &delta])?;
        touched = true;
    }
    if touched {
        client.execute(
            "DELETE FROM population WHERE tenant_id = $1 AND holders <= 0",
            &[&tenant],
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
