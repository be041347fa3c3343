//! The PostgreSQL backend, for when one machine is not enough (docs/SCALING.md).
//!
//! Every table's primary key starts with `(tenant_id, user_id)` so the tables distribute by user
//! on Citus without cross-shard queries on the request path. Appends lock the user's row
//! (`SELECT ... FOR UPDATE`), so several Rapport processes can write to one database and
//! sequence numbers stay dense. Commits use the server's `synchronous_commit` (on by default),
//! so an acknowledged batch is durable.
//!
//! The client is the synchronous `postgres` crate: call it from plain threads (or
//! `spawn_blocking`), never from inside an async task.

mod access;
mod audit;
mod decisions;
mod events;
mod facts;
mod items;
mod schema;
mod users;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use postgres::{Client, NoTls};
use rapport_core::{
    Event, EventId, Fact, Item, StoredEvent, TenantId, TenantPolicy, UserId, UserSettings,
};

pub use schema::PG_SCHEMA_VERSION;

use crate::error::InternalError;
use crate::{
    ApiKey, AppendOutcome, AuditEntry, FactUpdate, PopulationStats, Result, Store, UserSummary,
};

/// Connections kept for reads.
const READERS: usize = 4;

/// A store on a PostgreSQL database.
pub struct PostgresStore {
    /// Always `Some` until dropped (see the `Drop` impl).
    connections: Option<Connections>,
    next_reader: AtomicUsize,
}

struct Connections {
    writer: Mutex<Client>,
    readers: Vec<Mutex<Client>>,
}

impl Drop for PostgresStore {
    /// Closing a synchronous `postgres::Client` runs a small runtime of its own, which panics
    /// on a thread that drives an async runtime (a server shutting down): close them on a
    /// thread of their own.
    fn drop(&mut self) {
        if let Some(connections) = self.connections.take() {
            let _ = std::thread::spawn(move || drop(connections)).join();
        }
    }
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`) and migrates the
    /// schema forward.
    pub fn connect(url: &str) -> Result<Self> {
        let mut writer = connect(url)?;
        schema::migrate(&mut writer)?;
        let readers = (0..READERS)
            .map(|_| connect(url).map(Mutex::new))
            .collect::<Result<_>>()?;
        Ok(Self {
            connections: Some(Connections {
                writer: Mutex::new(writer),
                readers,
            }),
            next_reader: AtomicUsize::new(0),
        })
    }

    fn connections(&self) -> &Connections {
        self.connections
            .as_ref()
            .expect("connections are open until the store is dropped")
    }

    fn writer(&self) -> MutexGuard<'_, Client> {
        self.connections()
            .writer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    fn reader(&self) -> MutexGuard<'_, Client> {
        let readers = &self.connections().readers;
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        for offset in 0..readers.len() {
            if let Ok(guard) = readers[(start + offset) % readers.len()].try_lock() {
                return guard;
            }
        }
        readers[start % readers.len()]
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }
}

fn connect(url: &str) -> Result<Client> {
    Client::connect(url, NoTls).map_err(|e| InternalError::Postgres(e).into())
}

impl Store for PostgresStore {
    fn append(&self, events: &[Event]) -> Result<AppendOutcome> {
        events::append(&mut self.writer(), events)
    }

    fn events(
        &self,
        tenant: &TenantId,
        user: &UserId,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredEvent>> {
        events::read(&mut self.reader(), tenant, user, after_seq, limit)
    }

    fn events_by_id(
        &self,
        tenant: &TenantId,
        user: &UserId,
        ids: &[EventId],
    ) -> Result<Vec<StoredEvent>> {
        events::read_by_id(&mut self.reader(), tenant, user, ids)
    }

    fn user(&self, tenant: &TenantId, user: &UserId) -> Result<Option<UserSummary>> {
        users::one(&mut self.reader(), tenant, user)
    }

    fn users(&self, tenant: &TenantId) -> Result<Vec<UserSummary>> {
        users::all(&mut self.reader(), tenant)
    }

    fn tenants(&self) -> Result<Vec<TenantId>> {
        users::tenants(&mut self.reader())
    }

    fn facts(&self, tenant: &TenantId, user: &UserId) -> Result<Vec<Fact>> {
        facts::read(&mut *self.reader(), tenant, user)
    }

    fn save_facts(&self, updates: &[FactUpdate<'_>]) -> Result<()> {
        facts::save(&mut self.writer(), updates)
    }

    fn population(&self, tenant: &TenantId) -> Result<PopulationStats> {
        facts::population(&mut self.reader(), tenant)
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
        decisions::settings(&mut *self.reader(), tenant, user)
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
        access::create_tenant(&mut self.writer(), tenant, created)
    }

    fn registered_tenants(&self) -> Result<Vec<TenantId>> {
        access::registered_tenants(&mut self.reader())
    }

    fn create_api_key(&self, key: &ApiKey) -> Result<()> {
        access::create_api_key(&mut self.writer(), key)
    }

    fn api_key(&self, hash: &str) -> Result<Option<ApiKey>> {
        access::api_key(&mut self.reader(), hash)
    }

    fn revoke_api_key(&self, id: &str) -> Result<bool> {
        access::revoke_api_key(&mut self.writer(), id)
    }

    fn tenant_policy(&self, tenant: &TenantId) -> Result<TenantPolicy> {
        access::tenant_policy(&mut self.reader(), tenant)
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
        audit::record(&mut *self.writer(), entry)
    }

    fn audit_log(
        &self,
        tenant: &TenantId,
        subject: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>> {
        audit::log(&mut self.reader(), tenant, subject, limit)
    }

    fn upsert_items(&self, tenant: &TenantId, items: &[Item]) -> Result<usize> {
        items::upsert(&mut self.writer(), tenant, items)
    }

    fn items(&self, tenant: &TenantId) -> Result<Vec<Item>> {
        items::all(&mut self.reader(), tenant)
    }

    fn item(&self, tenant: &TenantId, item_id: &str) -> Result<Option<Item>> {
        items::one(&mut self.reader(), tenant, item_id)
    }

    fn actions(&self, tenant: &TenantId) -> Result<Vec<StoredEvent>> {
        items::actions(&mut self.reader(), tenant)
    }
}
