//! The event log: append and read.

use std::collections::{HashMap, HashSet};

use rapport_core::{Event, EventBody, EventId, StoredEvent, TenantId, UserId};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::codec::{from_micros, to_micros, to_seq};
use crate::{AppendOutcome, Error, Result};

/// Per-user counters while a batch is appended.
struct UserState {
    last_seq: u64,
    appended: u64,
    first_time: i64,
    last_time: i64,
    exists: bool,
}

pub(super) fn append(conn: &mut Connection, events: &[Event]) -> Result<AppendOutcome> {
    let mut outcome = AppendOutcome::default();
    if events.is_empty() {
        return Ok(outcome);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut users: HashMap<(&TenantId, &UserId), UserState> = HashMap::new();
    let mut seen: HashSet<(&TenantId, &UserId, &EventId)> = HashSet::new();
    {
        let mut user_row = tx.prepare_cached(
            "SELECT last_seq, first_time, last_time FROM users WHERE tenant = ?1 AND user = ?2",
        )?;
        let mut exists =
            tx.prepare_cached("SELECT 1 FROM events WHERE tenant = ?1 AND user = ?2 AND id = ?3")?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO events (tenant, user, seq, id, time, kind, session, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for event in events {
            if !seen.insert((&event.tenant, &event.user, &event.id)) {
                outcome.duplicates += 1;
                continue;
            }
            let key = (&event.tenant, &event.user);
            if let std::collections::hash_map::Entry::Vacant(slot) = users.entry(key) {
                let row = user_row
                    .query_row(params![event.tenant.as_str(), event.user.as_str()], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, i64>(2)?,
                        ))
                    })
                    .optional()?;
                let state = match row {
                    Some((last_seq, first_time, last_time)) => UserState {
                        last_seq: to_seq(last_seq),
                        appended: 0,
                        first_time,
                        last_time,
                        exists: true,
                    },
                    None => UserState {
                        last_seq: 0,
                        appended: 0,
                        first_time: i64::MAX,
                        last_time: i64::MIN,
                        exists: false,
                    },
                };
                slot.insert(state);
            }
            let state = users.get_mut(&key).expect("inserted above");
            if state.exists
                && exists.exists(params![
                    event.tenant.as_str(),
                    event.user.as_str(),
                    event.id.as_str()
                ])?
            {
                outcome.duplicates += 1;
                continue;
            }
            state.last_seq += 1;
            state.appended += 1;
            let micros = to_micros(event.time);
            state.first_time = state.first_time.min(micros);
            state.last_time = state.last_time.max(micros);
            let body = serde_json::to_string(&event.body)
                .map_err(|e| Error::corrupt("events", format!("cannot encode body: {e}")))?;
            insert.execute(params![
                event.tenant.as_str(),
                event.user.as_str(),
                state.last_seq as i64,
                event.id.as_str(),
                micros,
                event.kind().as_str(),
                event.session.as_deref(),
                body,
            ])?;
            outcome.stored.push(StoredEvent {
                seq: state.last_seq,
                event: event.clone(),
            });
        }
        let mut upsert = tx.prepare_cached(
            "INSERT INTO users (tenant, user, last_seq, events, first_time, last_time)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (tenant, user) DO UPDATE SET
                last_seq = excluded.last_seq,
                events = users.events + excluded.events,
                first_time = min(users.first_time, excluded.first_time),
                last_time = max(users.last_time, excluded.last_time)",
        )?;
        for ((tenant, user), state) in &users {
            if state.appended == 0 {
                continue;
            }
            upsert.execute(params![
                tenant.as_str(),
                user.as_str(),
                state.last_seq as i64,
                state.appended as i64,
                state.first_time,
                state.last_time,
            ])?;
        }
    }
    tx.commit()?;
    Ok(outcome)
}

pub(super) fn read(
    conn: &Connection,
    tenant: &TenantId,
    user: &UserId,
    after_seq: u64,
    limit: usize,
) -> Result<Vec<StoredEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, id, time, session, body FROM events
         WHERE tenant = ?1 AND user = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(
        params![tenant.as_str(), user.as_str(), after_seq as i64, limit],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, id, time, session, body) = row?;
        let body: EventBody =
            serde_json::from_str(&body).map_err(|e| Error::corrupt("events", e))?;
        let id = EventId::new(id).map_err(|e| Error::corrupt("events", e))?;
        out.push(StoredEvent {
            seq: to_seq(seq),
            event: rapport_core::Event {
                tenant: tenant.clone(),
                user: user.clone(),
                id,
                time: from_micros("events", time)?,
                session,
                body,
            },
        });
    }
    Ok(out)
}
