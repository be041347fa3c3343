//! The embedded backend: one SQLite file in WAL mode.
//!
//! Durability: `journal_mode=WAL` with `synchronous=FULL`, so a transaction is fsynced to the WAL
//! before `COMMIT` returns, and a batch reported as accepted survives a crash or power loss.
//! (`NORMAL` would survive an application crash but could lose the last commits on power loss.)
//! `secure_delete=ON` zeroes deleted content so forgotten text does not linger in free pages.

mod access;
mod audit;
mod decisions;
mod events;
mod facts;
mod items;
mod schema;
mod users;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use rapport_core::{
    Event, EventId, Fact, Item, StoredEvent, TenantId, TenantPolicy, UserId, UserSettings,
};
use rusqlite::Connection;

pub use schema::SCHEMA_VERSION;

use crate::{
    ApiKey, AppendOutcome, AuditEntry, FactUpdate, PopulationStats, Result, Store, UserSummary,
};

/// WAL pages after which a commit of the writer copies the WAL back into the database file
/// (SQLite's default is 1,000). A batch spread over many users dirties a page per user in each
/// table, and consecutive batches dirty mostly the same pages: checkpointing every ~15 batches
/// of 1,000 users instead of after each copies each page once instead of once per batch (a
/// checkpoint of 32,768 pages, ~128 MB of WAL, costs about what one of 8,192 did, since it
/// copies about as many distinct pages). Checkpoints run at the end of an append's commit,
/// which [`Store::append_overlapped`] overlaps with learning; saving derived facts turns them
/// off (see `facts::save`). The price: the WAL file grows to about 128 MB beside the database
/// under a steady write load.
const WAL_AUTOCHECKPOINT: i64 = 32_768;

/// The WAL file is truncated back to this size after a checkpoint (bytes).
const WAL_SIZE_LIMIT: i64 = 256 << 20;

/// The embedded store. Cheap to share behind an `Arc`; writes are serialized on one connection,
/// reads use a second one so they are not blocked by a long write.
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path`, migrating its schema forward.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(crate::error::InternalError::Io)?;
        }
        let mut writer = Connection::open(&path)?;
        configure(&writer)?;
        writer.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT)?;
        writer.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)?;
        schema::migrate(&mut writer, &path)?;
        let reader = Connection::open(&path)?;
        configure(&reader)?;
        Ok(Self {
            path,
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn writer(&self) -> MutexGuard<'_, Connection> {
        self.writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn reader(&self) -> MutexGuard<'_, Connection> {
        self.reader
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A 64 MiB page cache per connection and memory-mapped reads: the hot part of the log and
    // the indexes stay in memory instead of being copied from the OS page cache on every read.
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.pragma_update(None, "mmap_size", 1_i64 << 30)?;
    Ok(())
}

impl Store for SqliteStore {
    fn append(&self, events: &[Event]) -> Result<AppendOutcome> {
        events::append(&mut self.writer(), events)
    }

    fn append_overlapped(
        &self,
        events: &[Event],
        meanwhile: &mut dyn FnMut(&AppendOutcome),
    ) -> Result<AppendOutcome> {
        events::append_overlapped(&mut self.writer(), events, meanwhile)
    }

    fn events(
        &self,
        tenant: &TenantId,
        user: &UserId,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredEvent>> {
        events::read(&self.reader(), tenant, user, after_seq, limit)
    }

    fn events_by_id(
        &self,
        tenant: &TenantId,
        user: &UserId,
        ids: &[EventId],
    ) -> Result<Vec<StoredEvent>> {
        events::read_by_id(&self.reader(), tenant, user, ids)
    }

    fn user(&self, tenant: &TenantId, user: &UserId) -> Result<Option<UserSummary>> {
        users::one(&self.reader(), tenant, user)
    }

    fn users(&self, tenant: &TenantId) -> Result<Vec<UserSummary>> {
        users::all(&self.reader(), tenant)
    }

    fn tenants(&self) -> Result<Vec<TenantId>> {
        users::tenants(&self.reader())
    }

    fn facts(&self, tenant: &TenantId, user: &UserId) -> Result<Vec<Fact>> {
        facts::read(&self.reader(), tenant, user)
    }

    fn save_facts(&self, updates: &[FactUpdate<'_>]) -> Result<()> {
        facts::save(&mut self.writer(), updates)
    }

    fn population(&self, tenant: &TenantId) -> Result<PopulationStats> {
        facts::population(&self.reader(), tenant)
    }

    fn forget_user(
        &self,
        tenant: &TenantId,
        user: &UserId,
        audit: Option<&AuditEntry>,
    ) -> Result<bool> {
        users::forget(&mut self.writer(), tenant, user, audit)
    }

    fn settings(&self, tenant: &TenantId, user: &UserId) -> Result<UserSettings> {
        decisions::settings(&self.reader(), tenant, user)
    }

    fn save_decisions(
        &self,
        tenant: &TenantId,
        user: &UserId,
        facts: &[Fact],
        settings: &UserSettings,
        expected_revision: u64,
        audit: Option<&AuditEntry>,
    ) -> Result<()> {
        decisions::save(
            &mut self.writer(),
            tenant,
            user,
            facts,
            settings,
            expected_revision,
            audit,
        )
    }

    fn create_tenant(&self, tenant: &TenantId, created: DateTime<Utc>) -> Result<bool> {
        access::create_tenant(&self.writer(), tenant, created)
    }

    fn registered_tenants(&self) -> Result<Vec<TenantId>> {
        access::registered_tenants(&self.reader())
    }

    fn create_api_key(&self, key: &ApiKey) -> Result<()> {
        access::create_api_key(&self.writer(), key)
    }

    fn api_key(&self, hash: &str) -> Result<Option<ApiKey>> {
        access::api_key(&self.reader(), hash)
    }

    fn revoke_api_key(&self, id: &str) -> Result<bool> {
        access::revoke_api_key(&self.writer(), id)
    }

    fn tenant_policy(&self, tenant: &TenantId) -> Result<TenantPolicy> {
        access::tenant_policy(&self.reader(), tenant)
    }

    fn set_tenant_policy(
        &self,
        tenant: &TenantId,
        policy: &TenantPolicy,
        now: DateTime<Utc>,
        audit: Option<&AuditEntry>,
    ) -> Result<()> {
        access::set_tenant_policy(&mut self.writer(), tenant, policy, now, audit)
    }

    fn record_audit(&self, entry: &AuditEntry) -> Result<()> {
        audit::record(&self.writer(), entry)
    }

    fn audit_log(
        &self,
        tenant: &TenantId,
        subject: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>> {
        audit::log(&self.reader(), tenant, subject, limit)
    }

    fn upsert_items(&self, tenant: &TenantId, items: &[Item]) -> Result<usize> {
        items::upsert(&mut self.writer(), tenant, items)
    }

    fn items(&self, tenant: &TenantId) -> Result<Vec<Item>> {
        items::all(&self.reader(), tenant)
    }

    fn item(&self, tenant: &TenantId, item_id: &str) -> Result<Option<Item>> {
        items::one(&self.reader(), tenant, item_id)
    }

    fn actions(&self, tenant: &TenantId) -> Result<Vec<StoredEvent>> {
        items::actions(&self.reader(), tenant)
    }
}
