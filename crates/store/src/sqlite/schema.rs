//! Versioned schema. Migrations only go forward; `PRAGMA user_version` records the version.
//! A migration, once released, is never edited: add a new one instead.

use std::path::Path;

use rusqlite::Connection;

use crate::Result;
use crate::error::UserError;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 5;

/// Migration `n` (1-based) takes the schema from version `n - 1` to `n`.
const MIGRATIONS: &[&str] = &[
    // v1: the event log, users, derived facts and population counts. Every table is keyed by
    // (tenant, user) first and WITHOUT ROWID, so one user's rows are stored together.
    "
    CREATE TABLE users (
        tenant      TEXT NOT NULL,
        user        TEXT NOT NULL,
        last_seq    INTEGER NOT NULL,
        learned_seq INTEGER NOT NULL DEFAULT 0,
        events      INTEGER NOT NULL,
        first_time  INTEGER NOT NULL,
        last_time   INTEGER NOT NULL,
        PRIMARY KEY (tenant, user)
    ) WITHOUT ROWID;
    CREATE TABLE events (
        tenant  TEXT NOT NULL,
        user    TEXT NOT NULL,
        seq     INTEGER NOT NULL,
        id      TEXT NOT NULL,
        time    INTEGER NOT NULL,
        kind    TEXT NOT NULL,
        session TEXT,
        body    TEXT NOT NULL,
        PRIMARY KEY (tenant, user, seq)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX events_by_id ON events (tenant, user, id);
    CREATE TABLE facts (
        tenant  TEXT NOT NULL,
        user    TEXT NOT NULL,
        fact_id INTEGER NOT NULL,
        body    TEXT NOT NULL,
        PRIMARY KEY (tenant, user, fact_id)
    ) WITHOUT ROWID;
    CREATE TABLE population (
        tenant  TEXT NOT NULL,
        key     TEXT NOT NULL,
        value   TEXT NOT NULL,
        holders INTEGER NOT NULL,
        PRIMARY KEY (tenant, key, value)
    ) WITHOUT ROWID;
    ",
    // v2: what users decided about their profiles (kept by a rebuild, unlike facts), and the
    // tenants and API keys of the server. Keys are stored as SHA-256 hashes only. Users get a
    // revision of their facts, for optimistic concurrency and cache freshness.
    "
    ALTER TABLE users ADD COLUMN facts_revision INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE user_settings (
        tenant TEXT NOT NULL,
        user   TEXT NOT NULL,
        body   TEXT NOT NULL,
        PRIMARY KEY (tenant, user)
    ) WITHOUT ROWID;
    CREATE TABLE tenants (
        tenant  TEXT NOT NULL PRIMARY KEY,
        created INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE api_keys (
        hash    TEXT NOT NULL PRIMARY KEY,
        id      TEXT NOT NULL UNIQUE,
        tenant  TEXT NOT NULL,
        created INTEGER NOT NULL
    ) WITHOUT ROWID;
    ",
    // v3: the tenant's item catalog. Tags and attributes are JSON text. Idempotent, so it
    // applies the same whether or not v2 ran first.
    "
    CREATE TABLE IF NOT EXISTS items (
        tenant     TEXT NOT NULL,
        item_id    TEXT NOT NULL,
        title      TEXT NOT NULL,
        text       TEXT NOT NULL,
        tags       TEXT NOT NULL,
        attributes TEXT NOT NULL,
        PRIMARY KEY (tenant, item_id)
    ) WITHOUT ROWID;
    ",
    // v4: keys limited to one user (NULL: the whole tenant), the tenant's policy (JSON; NULL:
    // the default), and the audit log (no content; users by fingerprint).
    "
    ALTER TABLE api_keys ADD COLUMN user TEXT;
    ALTER TABLE tenants ADD COLUMN policy TEXT;
    CREATE TABLE audit (
        id      INTEGER PRIMARY KEY,
        tenant  TEXT NOT NULL,
        time    INTEGER NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        subject TEXT,
        detail  TEXT NOT NULL
    );
    CREATE INDEX audit_by_tenant ON audit (tenant, id);
    CREATE INDEX audit_by_subject ON audit (tenant, subject, id);
    ",
    // v5: the id index ordered by id before user. Still one id per user, and still what a
    // lookup by (tenant, user, id) reads; but a batch spread over many users, whose ids are
    // alike (time-ordered ids, per-conversation counters), adds its entries to a few index
    // pages instead of one page per user: fewer pages for the append's commit to write.
    "
    DROP INDEX events_by_id;
    CREATE UNIQUE INDEX events_by_id ON events (tenant, id, user);
    ",
];

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| UserError::NotAStore {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
    if found > SCHEMA_VERSION {
        return Err(UserError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        }
        .into());
    }
    if found == 0 {
        let tables: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
        if tables > 0 {
            return Err(UserError::NotAStore {
                path: path.display().to_string(),
                reason: "it holds tables but no Rapport schema version".into(),
            }
            .into());
        }
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        // Immediate: holds the write lock from the start, so two processes opening a new store
        // at once apply each migration once.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let applied: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if applied > index as i64 {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store left at version 4 (the id index ordered by user) is migrated to the current
    /// schema with its events, and the rebuilt index still refuses an id twice for one user
    /// while letting two users share it.
    #[test]
    fn a_version_4_store_migrates_with_its_events() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rapport.db");
        let mut conn = Connection::open(&path).unwrap();
        for sql in &MIGRATIONS[..4] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        let insert = "INSERT INTO events (tenant, user, seq, id, time, kind, session, body)
                      VALUES ('t', ?1, ?2, ?3, 0, 'message', NULL, '{}')";
        conn.execute(insert, rusqlite::params!["ana", 1, "e1"])
            .unwrap();
        conn.execute(insert, rusqlite::params!["bob", 1, "e1"])
            .unwrap();

        migrate(&mut conn, &path).unwrap();

        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let events: i64 = conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap();
        assert_eq!(events, 2);
        let again = conn.execute(insert, rusqlite::params!["ana", 2, "e1"]);
        assert!(again.is_err(), "an id is stored once per user");
        conn.execute(insert, rusqlite::params!["cy", 1, "e1"])
            .unwrap();
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_index_info('events_by_id') ORDER BY seqno")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(columns, ["tenant", "id", "user"]);
    }
}
