//! The event log: append and read.

use std::collections::{HashMap, HashSet};

use rapport_core::{Event, EventBody, EventId, StoredEvent, TenantId, UserId};
use rusqlite::{Connection, OptionalExtension, params};

use crate::codec::{from_micros, to_micros, to_seq};
use crate::{AppendOutcome, Error, Result, UserSummary};

/// Per-user counters while a batch is appended.
struct UserState {
    last_seq: u64,
    appended: u64,
    first_time: i64,
    last_time: i64,
    events: u64,
    learned_seq: u64,
    facts_revision: u64,
}

/// Appends a batch in one transaction, fsynced at commit.
pub(super) fn append(conn: &mut Connection, events: &[Event]) -> Result<AppendOutcome> {
    let outcome = stage(conn, events)?;
    if !conn.is_autocommit() {
        commit(conn)?;
    }
    Ok(outcome)
}

/// Inserts the batch in an open transaction, then commits it (the fsync, and a checkpoint now
/// and then) on a second thread while `meanwhile` runs on this one with the outcome.
pub(super) fn append_overlapped(
    conn: &mut Connection,
    events: &[Event],
    meanwhile: &mut dyn FnMut(&AppendOutcome),
) -> Result<AppendOutcome> {
    let outcome = stage(conn, events)?;
    if conn.is_autocommit() {
        return Ok(outcome);
    }
    let committed = std::thread::scope(|scope| {
        let commit = scope.spawn(|| commit(conn));
        meanwhile(&outcome);
        commit.join()
    });
    match committed {
        Ok(result) => result.map(|()| outcome),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Inserts the batch's new events in a transaction left open for the caller to commit; when
/// there is nothing new to store, no transaction is left open.
fn stage(conn: &mut Connection, events: &[Event]) -> Result<AppendOutcome> {
    if events.is_empty() {
        return Ok(AppendOutcome::default());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match insert(conn, events) {
        Ok(outcome) if outcome.stored.is_empty() => {
            rollback(conn);
            Ok(outcome)
        }
        Ok(outcome) => Ok(outcome),
        Err(e) => {
            rollback(conn);
            Err(e)
        }
    }
}

fn commit(conn: &mut Connection) -> Result<()> {
    match conn.execute_batch("COMMIT") {
        Ok(()) => Ok(()),
        Err(e) => {
            rollback(conn);
            Err(e.into())
        }
    }
}

/// Ends a failed transaction; a rollback can only fail when there is none left to end.
fn rollback(conn: &Connection) {
    if !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK");
    }
}

fn insert(conn: &Connection, events: &[Event]) -> Result<AppendOutcome> {
    let mut outcome = AppendOutcome::default();
    let mut users: HashMap<(&TenantId, &UserId), UserState> = HashMap::new();
    let mut seen: HashSet<(&TenantId, &UserId, &EventId)> = HashSet::new();
    let mut user_row = conn.prepare_cached(
        "SELECT last_seq, first_time, last_time, events, learned_seq, facts_revision
         FROM users WHERE tenant = ?1 AND user = ?2",
    )?;
    // An id already stored for the user is skipped by the unique index, not looked up first.
    let mut insert = conn.prepare_cached(
        "INSERT INTO events (tenant, user, seq, id, time, kind, session, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (tenant, id, user) DO NOTHING",
    )?;
    let mut body = Vec::with_capacity(256);
    // One user's events after another (each user's in batch order): the inserts then walk the
    // tables, which are ordered by user, instead of jumping around them.
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        (&events[a].tenant, &events[a].user).cmp(&(&events[b].tenant, &events[b].user))
    });
    let mut seqs: Vec<Option<u64>> = vec![None; events.len()];
    for i in order {
        let event = &events[i];
        if !seen.insert((&event.tenant, &event.user, &event.id)) {
            outcome.duplicates += 1;
            continue;
        }
        let key = (&event.tenant, &event.user);
        let state = match users.entry(key) {
            std::collections::hash_map::Entry::Occupied(slot) => slot.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                let row = user_row
                    .query_row(params![event.tenant.as_str(), event.user.as_str()], |r| {
                        Ok(UserState {
                            last_seq: to_seq(r.get(0)?),
                            appended: 0,
                            first_time: r.get(1)?,
                            last_time: r.get(2)?,
                            events: to_seq(r.get(3)?),
                            learned_seq: to_seq(r.get(4)?),
                            facts_revision: to_seq(r.get(5)?),
                        })
                    })
                    .optional()?;
                slot.insert(row.unwrap_or(UserState {
                    last_seq: 0,
                    appended: 0,
                    first_time: i64::MAX,
                    last_time: i64::MIN,
                    events: 0,
                    learned_seq: 0,
                    facts_revision: 0,
                }))
            }
        };
        let micros = to_micros(event.time);
        body.clear();
        serde_json::to_writer(&mut body, &event.body)
            .map_err(|e| Error::corrupt("events", format!("cannot encode body: {e}")))?;
        let body = std::str::from_utf8(&body).expect("serde_json writes UTF-8");
        let inserted = insert.execute(params![
            event.tenant.as_str(),
            event.user.as_str(),
            (state.last_seq + 1) as i64,
            event.id.as_str(),
            micros,
            event.kind().as_str(),
            event.session.as_deref(),
            body,
        ])?;
        if inserted == 0 {
            outcome.duplicates += 1;
            continue;
        }
        state.last_seq += 1;
        state.appended += 1;
        state.first_time = state.first_time.min(micros);
        state.last_time = state.last_time.max(micros);
        seqs[i] = Some(state.last_seq);
    }
    outcome.stored = events
        .iter()
        .zip(seqs)
        .filter_map(|(event, seq)| {
            seq.map(|seq| StoredEvent {
                seq,
                event: event.clone(),
            })
        })
        .collect();
    let mut upsert = conn.prepare_cached(
        "INSERT INTO users (tenant, user, last_seq, events, first_time, last_time)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (tenant, user) DO UPDATE SET
            last_seq = excluded.last_seq,
            events = users.events + excluded.events,
            first_time = min(users.first_time, excluded.first_time),
            last_time = max(users.last_time, excluded.last_time)",
    )?;
    let mut users: Vec<_> = users
        .into_iter()
        .filter(|(_, state)| state.appended > 0)
        .collect();
    users.sort_by_key(|(key, _)| *key);
    for ((tenant, user), state) in users {
        upsert.execute(params![
            tenant.as_str(),
            user.as_str(),
            state.last_seq as i64,
            state.appended as i64,
            state.first_time,
            state.last_time,
        ])?;
        outcome.users.push(UserSummary {
            tenant: tenant.clone(),
            user: user.clone(),
            events: state.events + state.appended,
            last_seq: state.last_seq,
            learned_seq: state.learned_seq,
            facts_revision: state.facts_revision,
            first_time: from_micros("users", state.first_time)?,
            last_time: from_micros("users", state.last_time)?,
        });
    }
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
        row_of,
    )?;
    let mut out = Vec::new();
    for row in rows {
        out.push(stored_event(tenant, user, row?)?);
    }
    Ok(out)
}

/// The user's events with these ids, in log order (one indexed lookup per id).
pub(super) fn read_by_id(
    conn: &Connection,
    tenant: &TenantId,
    user: &UserId,
    ids: &[EventId],
) -> Result<Vec<StoredEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, id, time, session, body FROM events
         WHERE tenant = ?1 AND user = ?2 AND id = ?3",
    )?;
    let mut out = Vec::new();
    for id in ids {
        let row = stmt
            .query_row(params![tenant.as_str(), user.as_str(), id.as_str()], row_of)
            .optional()?;
        if let Some(row) = row {
            out.push(stored_event(tenant, user, row)?);
        }
    }
    out.sort_unstable_by_key(|e| e.seq);
    out.dedup_by_key(|e| e.seq);
    Ok(out)
}

/// An event row: seq, id, time, session, body.
type EventRow = (i64, String, i64, Option<String>, String);

fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn stored_event(tenant: &TenantId, user: &UserId, row: EventRow) -> Result<StoredEvent> {
    let (seq, id, time, session, body) = row;
    let body: EventBody = serde_json::from_str(&body).map_err(|e| Error::corrupt("events", e))?;
    let id = EventId::new(id).map_err(|e| Error::corrupt("events", e))?;
    Ok(StoredEvent {
        seq: to_seq(seq),
        event: rapport_core::Event {
            tenant: tenant.clone(),
            user: user.clone(),
            id,
            time: from_micros("events", time)?,
            session,
            body,
        },
    })
}
