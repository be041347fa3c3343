//! The event log on PostgreSQL: append and read.

use std::collections::{BTreeMap, HashSet};

use postgres::Client;
use rapport_core::{Event, EventBody, EventId, StoredEvent, TenantId, UserId};

use crate::codec::{from_micros, to_micros, to_seq};
use crate::{AppendOutcome, Error, Result};

struct UserState {
    last_seq: i64,
    appended: i64,
    first_time: i64,
    last_time: i64,
}

pub(super) fn append(client: &mut Client, events: &[Event]) -> Result<AppendOutcome> {
    let mut outcome = AppendOutcome::default();
    if events.is_empty() {
        return Ok(outcome);
    }
    let mut tx = client.transaction()?;
    // Lock every user of the batch in a fixed order (no deadlock between two writers), creating
    // missing rows first so there is a row to lock.
    let mut users: BTreeMap<(&str, &str), UserState> = BTreeMap::new();
    for event in events {
        users
            .entry((event.tenant.as_str(), event.user.as_str()))
            .or_insert(UserState {
                last_seq: 0,
                appended: 0,
                first_time: i64::MAX,
                last_time: i64::MIN,
            });
    }
    let create = tx.prepare(
        "INSERT INTO users (tenant_id, user_id, last_seq, events, first_time, last_time)
         VALUES ($1, $2, 0, 0, $3, $4) ON CONFLICT DO NOTHING",
    )?;
    let lock = tx.prepare(
        "SELECT last_seq, first_time, last_time FROM users
         WHERE tenant_id = $1 AND user_id = $2 FOR UPDATE",
    )?;
    for ((tenant, user), state) in users.iter_mut() {
        tx.execute(&create, &[tenant, user, &i64::MAX, &i64::MIN])?;
        let row = tx.query_one(&lock, &[tenant, user])?;
        state.last_seq = row.get(0);
        state.first_time = row.get(1);
        state.last_time = row.get(2);
    }
    let insert = tx.prepare(
        "INSERT INTO events (tenant_id, user_id, seq, id, time, kind, session, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, user_id, id) DO NOTHING",
    )?;
    let mut seen: HashSet<(&TenantId, &UserId, &EventId)> = HashSet::new();
    for event in events {
        if !seen.insert((&event.tenant, &event.user, &event.id)) {
            outcome.duplicates += 1;
            continue;
        }
        let state = users
            .get_mut(&(event.tenant.as_str(), event.user.as_str()))
            .expect("every user of the batch was locked");
        let seq = state.last_seq + 1;
        let micros = to_micros(event.time);
        let body = serde_json::to_string(&event.body)
            .map_err(|e| Error::corrupt("events", format!("cannot encode body: {e}")))?;
        let inserted = tx.execute(
            &insert,
            &[
                &event.tenant.as_str(),
                &event.user.as_str(),
                &seq,
                &event.id.as_str(),
                &micros,
                &event.kind().as_str(),
                &event.session.as_deref(),
                &body,
            ],
        )?;
        if inserted == 0 {
            outcome.duplicates += 1;
            continue;
        }
        state.last_seq = seq;
        state.appended += 1;
        state.first_time = state.first_time.min(micros);
        state.last_time = state.last_time.max(micros);
        outcome.stored.push(StoredEvent {
            seq: to_seq(seq),
            event: event.clone(),
        });
    }
    let update = tx.prepare(
        "UPDATE users SET last_seq = $3, events = events + $4, first_time = $5, last_time = $6
         WHERE tenant_id = $1 AND user_id = $2",
    )?;
    let delete_empty =
        tx.prepare("DELETE FROM users WHERE tenant_id = $1 AND user_id = $2 AND last_seq = 0")?;
    for ((tenant, user), state) in &users {
        if state.appended == 0 {
            // A user created for this batch whose events were all duplicates: no trace left.
            tx.execute(&delete_empty, &[tenant, user])?;
            continue;
        }
        tx.execute(
            &update,
            &[
                tenant,
                user,
                &state.last_seq,
                &state.appended,
                &state.first_time,
                &state.last_time,
            ],
        )?;
    }
    tx.commit()?;
    Ok(outcome)
}

pub(super) fn read(
    client: &mut Client,
    tenant: &TenantId,
    user: &UserId,
    after_seq: u64,
    limit: usize,
) -> Result<Vec<StoredEvent>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = client.query(
        "SELECT seq, id, time, session, body FROM events
         WHERE tenant_id = $1 AND user_id = $2 AND seq > $3 ORDER BY seq LIMIT $4",
        &[
            &tenant.as_str(),
            &user.as_str(),
            &(after_seq as i64),
            &limit,
        ],
    )?;
    rows.iter()
        .map(|row| {
            let body: EventBody = serde_json::from_str(row.get::<_, &str>(4))
                .map_err(|e| Error::corrupt("events", e))?;
            Ok(StoredEvent {
                seq: to_seq(row.get(0)),
                event: Event {
                    tenant: tenant.clone(),
                    user: user.clone(),
                    id: EventId::new(row.get::<_, String>(1))
                        .map_err(|e| Error::corrupt("events", e))?,
                    time: from_micros("events", row.get(2))?,
                    session: row.get(3),
                    body,
                },
            })
        })
        .collect()
}
