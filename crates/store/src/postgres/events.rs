//! The event log on PostgreSQL: append and read.

use std::collections::{BTreeMap, HashSet};

use postgres::{Client, Transaction};
use rapport_core::{Event, EventBody, EventId, StoredEvent, TenantId, UserId};

use crate::codec::{from_micros, to_micros, to_seq};
use crate::{AppendOutcome, Error, Result, UserSummary};

struct UserState {
    last_seq: i64,
    appended: i64,
    first_time: i64,
    last_time: i64,
    events: i64,
    learned_seq: i64,
    facts_revision: i64,
}

pub(super) fn append(client: &mut Client, events: &[Event]) -> Result<AppendOutcome> {
    let mut outcome = AppendOutcome::default();
    if events.is_empty() {
        return Ok(outcome);
    }
    // A handful of statements per batch whatever its size: every per-row value travels in
    // arrays (`UNNEST`), so a batch costs a few round trips, not one per event.
    let mut tx = client.transaction()?;
    let mut users: BTreeMap<(&str, &str), UserState> = BTreeMap::new();
    for event in events {
        users
            .entry((event.tenant.as_str(), event.user.as_str()))
            .or_insert(UserState {
                last_seq: 0,
                appended: 0,
                first_time: i64::MAX,
                last_time: i64::MIN,
                events: 0,
                learned_seq: 0,
                facts_revision: 0,
            });
    }
    let (tenants, user_ids): (Vec<&str>, Vec<&str>) = users.keys().copied().unzip();
    // Create missing rows, then lock every user of the batch, both in one fixed order so two
    // writers cannot deadlock; the lock also keeps the id check below race-free.
    tx.execute(
        "INSERT INTO users (tenant_id, user_id, last_seq, events, first_time, last_time)
         SELECT t, u, 0, 0, $3, $4 FROM UNNEST($1::text[], $2::text[]) AS x(t, u)
         ORDER BY t COLLATE \"C\", u COLLATE \"C\"
         ON CONFLICT DO NOTHING",
        &[&tenants, &user_ids, &i64::MAX, &i64::MIN],
    )?;
    let locked = tx.query(
        "SELECT tenant_id, user_id, last_seq, first_time, last_time, events, learned_seq,
                facts_revision FROM users
         WHERE (tenant_id, user_id) IN (SELECT * FROM UNNEST($1::text[], $2::text[]))
         ORDER BY tenant_id COLLATE \"C\", user_id COLLATE \"C\" FOR UPDATE",
        &[&tenants, &user_ids],
    )?;
    for row in &locked {
        let key = (row.get::<_, &str>(0), row.get::<_, &str>(1));
        if let Some(state) = users.get_mut(&key) {
            state.last_seq = row.get(2);
            state.first_time = row.get(3);
            state.last_time = row.get(4);
            state.events = row.get(5);
            state.learned_seq = row.get(6);
            state.facts_revision = row.get(7);
        }
    }
    let existing = stored_ids(&mut tx, events)?;
    let mut rows = EventRows::default();
    let mut seen: HashSet<(&TenantId, &UserId, &EventId)> = HashSet::new();
    for event in events {
        let key = (&event.tenant, &event.user, &event.id);
        if !seen.insert(key) || existing.contains(&(key.0.as_str(), key.1.as_str(), key.2.as_str()))
        {
            outcome.duplicates += 1;
            continue;
        }
        let state = users
            .get_mut(&(event.tenant.as_str(), event.user.as_str()))
            .expect("every user of the batch was locked");
        let seq = state.last_seq + 1;
        let micros = to_micros(event.time);
        state.last_seq = seq;
        state.appended += 1;
        state.first_time = state.first_time.min(micros);
        state.last_time = state.last_time.max(micros);
        rows.push(event, seq, micros)?;
        outcome.stored.push(StoredEvent {
            seq: to_seq(seq),
            event: event.clone(),
        });
    }
    rows.insert(&mut tx)?;
    update_users(&mut tx, &users)?;
    tx.commit()?;
    // Ordered by tenant and user already (a BTreeMap of the same keys).
    for (&(tenant, user), state) in &users {
        if state.appended == 0 {
            continue;
        }
        outcome.users.push(UserSummary {
            tenant: TenantId::new(tenant).map_err(|e| Error::corrupt("users", e))?,
            user: UserId::new(user).map_err(|e| Error::corrupt("users", e))?,
            events: to_seq(state.events + state.appended),
            last_seq: to_seq(state.last_seq),
            learned_seq: to_seq(state.learned_seq),
            facts_revision: to_seq(state.facts_revision),
            first_time: from_micros("users", state.first_time)?,
            last_time: from_micros("users", state.last_time)?,
        });
    }
    Ok(outcome)
}

/// The `(tenant, user, id)` of the batch's events that are already stored.
fn stored_ids<'a>(
    tx: &mut Transaction<'_>,
    events: &'a [Event],
) -> Result<HashSet<(&'a str, &'a str, &'a str)>> {
    let tenants: Vec<&str> = events.iter().map(|e| e.tenant.as_str()).collect();
    let users: Vec<&str> = events.iter().map(|e| e.user.as_str()).collect();
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let rows = tx.query(
        "SELECT tenant_id, user_id, id FROM events
         WHERE (tenant_id, user_id, id) IN (SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[]))",
        &[&tenants, &users, &ids],
    )?;
    let found: HashSet<(String, String, String)> = rows
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(2)))
        .collect();
    Ok(events
        .iter()
        .map(|e| (e.tenant.as_str(), e.user.as_str(), e.id.as_str()))
        .filter(|(t, u, i)| found.contains(&(t.to_string(), u.to_string(), i.to_string())))
        .collect())
}

/// New event rows, column by column, for one `INSERT … SELECT FROM UNNEST`.
#[derive(Default)]
struct EventRows<'a> {
    tenants: Vec<&'a str>,
    users: Vec<&'a str>,
    seqs: Vec<i64>,
    ids: Vec<&'a str>,
    times: Vec<i64>,
    kinds: Vec<&'static str>,
    sessions: Vec<Option<&'a str>>,
    bodies: Vec<String>,
}

impl<'a> EventRows<'a> {
    fn push(&mut self, event: &'a Event, seq: i64, micros: i64) -> Result<()> {
        let body = serde_json::to_string(&event.body)
            .map_err(|e| Error::corrupt("events", format!("cannot encode body: {e}")))?;
        self.tenants.push(event.tenant.as_str());
        self.users.push(event.user.as_str());
        self.seqs.push(seq);
        self.ids.push(event.id.as_str());
        self.times.push(micros);
        self.kinds.push(event.kind().as_str());
        self.sessions.push(event.session.as_deref());
        self.bodies.push(body);
        Ok(())
    }

    fn insert(&self, tx: &mut Transaction<'_>) -> Result<()> {
        if self.seqs.is_empty() {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO events (tenant_id, user_id, seq, id, time, kind, session, body)
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::int8[], $4::text[], $5::int8[],
                                  $6::text[], $7::text[], $8::text[])",
            &[
                &self.tenants,
                &self.users,
                &self.seqs,
                &self.ids,
                &self.times,
                &self.kinds,
                &self.sessions,
                &self.bodies,
            ],
        )?;
        Ok(())
    }
}

/// Moves each user's counters; users created for the batch whose events were all duplicates
/// leave no trace.
fn update_users(tx: &mut Transaction<'_>, users: &BTreeMap<(&str, &str), UserState>) -> Result<()> {
    let (mut t, mut u, mut seq, mut n, mut first, mut last) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut empty_t, mut empty_u) = (vec![], vec![]);
    for (&(tenant, user), state) in users {
        if state.appended == 0 {
            empty_t.push(tenant);
            empty_u.push(user);
            continue;
        }
        t.push(tenant);
        u.push(user);
        seq.push(state.last_seq);
        n.push(state.appended);
        first.push(state.first_time);
        last.push(state.last_time);
    }
    if !t.is_empty() {
        tx.execute(
            "UPDATE users SET last_seq = x.seq, events = users.events + x.n,
                              first_time = x.first, last_time = x.last
             FROM UNNEST($1::text[], $2::text[], $3::int8[], $4::int8[], $5::int8[], $6::int8[])
                  AS x(t, u, seq, n, first, last)
             WHERE users.tenant_id = x.t AND users.user_id = x.u",
            &[&t, &u, &seq, &n, &first, &last],
        )?;
    }
    if !empty_t.is_empty() {
        tx.execute(
            "DELETE FROM users WHERE last_seq = 0
               AND (tenant_id, user_id) IN (SELECT * FROM UNNEST($1::text[], $2::text[]))",
            &[&empty_t, &empty_u],
        )?;
    }
    Ok(())
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
        .map(|row| stored_event(tenant, user, row))
        .collect()
}

/// The user's events with these ids, in log order.
pub(super) fn read_by_id(
    client: &mut Client,
    tenant: &TenantId,
    user: &UserId,
    ids: &[EventId],
) -> Result<Vec<StoredEvent>> {
    let ids: Vec<&str> = ids.iter().map(EventId::as_str).collect();
    let rows = client.query(
        "SELECT seq, id, time, session, body FROM events
         WHERE tenant_id = $1 AND user_id = $2 AND id = ANY($3::text[]) ORDER BY seq",
        &[&tenant.as_str(), &user.as_str(), &ids],
    )?;
    rows.iter()
        .map(|row| stored_event(tenant, user, row))
        .collect()
}

/// A row of `seq, id, time, session, body` as the user's stored event.
fn stored_event(tenant: &TenantId, user: &UserId, row: &postgres::Row) -> Result<StoredEvent> {
    let body: EventBody =
        serde_json::from_str(row.get::<_, &str>(4)).map_err(|e| Error::corrupt("events", e))?;
    Ok(StoredEvent {
        seq: to_seq(row.get(0)),
        event: Event {
            tenant: tenant.clone(),
            user: user.clone(),
            id: EventId::new(row.get::<_, String>(1)).map_err(|e| Error::corrupt("events", e))?,
            time: from_micros("events", row.get(2))?,
            session: row.get(3),
            body,
        },
    })
}
