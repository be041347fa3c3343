//! Versioned schema for PostgreSQL; `rapport_schema` holds the version. Forward only: a
//! released migration is never edited.

use postgres::Client;

use crate::Result;
use crate::error::UserError;

/// The schema version this build writes.
pub const PG_SCHEMA_VERSION: i32 = 4;

const MIGRATIONS: &[&str] = &[
    // v1: the same tables as the embedded store. Every key starts with (tenant_id, user_id),
    // the distribution column on Citus being user_id (see docs/SCALING.md).
    "
    CREATE TABLE users (
        tenant_id   TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        last_seq    BIGINT NOT NULL,
        learned_seq BIGINT NOT NULL DEFAULT 0,
        events      BIGINT NOT NULL,
        first_time  BIGINT NOT NULL,
        last_time   BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
    );
    CREATE TABLE events (
        tenant_id TEXT NOT NULL,
        user_id   TEXT NOT NULL,
        seq       BIGINT NOT NULL,
        id        TEXT NOT NULL,
        time      BIGINT NOT NULL,
        kind      TEXT NOT NULL,
        session   TEXT,
        body      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_id, seq),
        UNIQUE (tenant_id, user_id, id)
    );
    CREATE TABLE facts (
        tenant_id TEXT NOT NULL,
        user_id   TEXT NOT NULL,
        fact_id   BIGINT NOT NULL,
        body      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_id, fact_id)
    );
    CREATE TABLE population (
        tenant_id TEXT NOT NULL,
        key       TEXT NOT NULL,
        value     TEXT NOT NULL,
        holders   BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, key, value)
    );
    ",
    // v2: users' decisions about their profiles (kept by a rebuild), tenants and API keys
    // (SHA-256 hashes only); the revision of each user's facts (optimistic concurrency).
    "
    ALTER TABLE users ADD COLUMN facts_revision BIGINT NOT NULL DEFAULT 0;
    CREATE TABLE user_settings (
        tenant_id TEXT NOT NULL,
        user_id   TEXT NOT NULL,
        body      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
    );
    CREATE TABLE tenants (
        tenant_id TEXT NOT NULL PRIMARY KEY,
        created   BIGINT NOT NULL
    );
    CREATE TABLE api_keys (
        hash      TEXT NOT NULL PRIMARY KEY,
        id        TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        created   BIGINT NOT NULL
    );
    ",
    // v3: the tenant's item catalog (a reference table on Citus: small, read whole). Tags and
    // attributes are JSON text. Idempotent, so it applies whether or not v2 ran first.
    "
    CREATE TABLE IF NOT EXISTS items (
        tenant_id  TEXT NOT NULL,
        item_id    TEXT NOT NULL,
        title      TEXT NOT NULL,
        text       TEXT NOT NULL,
        tags       TEXT NOT NULL,
        attributes TEXT NOT NULL,
        PRIMARY KEY (tenant_id, item_id)
    );
    ",
    // v4: keys limited to one user (NULL: the whole tenant), the tenant's policy (JSON; NULL:
    // the default), and the audit log (no content; users by fingerprint).
    "
    ALTER TABLE api_keys ADD COLUMN user_id TEXT;
    ALTER TABLE tenants ADD COLUMN policy TEXT;
    CREATE TABLE audit (
        id        BIGSERIAL PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        time      BIGINT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT,
        detail    TEXT NOT NULL
    );
    CREATE INDEX audit_by_tenant ON audit (tenant_id, id);
    CREATE INDEX audit_by_subject ON audit (tenant_id, subject, id);
    ",
];

pub(super) fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction()?;
    // One migrator at a time, across processes.
    tx.execute("SELECT pg_advisory_xact_lock(7420)", &[])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS rapport_schema (version INT NOT NULL)")?;
    let found: i32 = match tx.query_opt("SELECT version FROM rapport_schema", &[])? {
        Some(row) => row.get(0),
        None => {
            tx.execute("INSERT INTO rapport_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    if found > PG_SCHEMA_VERSION {
        return Err(UserError::SchemaTooNew {
            found: i64::from(found),
            supported: i64::from(PG_SCHEMA_VERSION),
        }
        .into());
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(sql)?;
        tx.execute(
            "UPDATE rapport_schema SET version = $1",
            &[&(index as i32 + 1)],
        )?;
    }
    tx.commit()?;
    Ok(())
}
