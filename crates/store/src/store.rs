use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rapport_core::{
    Event, EventId, Fact, Item, StoredEvent, TenantId, TenantPolicy, UserId, UserSettings,
};
use serde::Serialize;

use crate::Result;

/// What [`Store::append`] did with a batch.
#[derive(Debug, Default)]
pub struct AppendOutcome {
    /// The events newly stored, with their sequence numbers, in batch order.
    pub stored: Vec<StoredEvent>,
    /// Events skipped because their id was already stored for that tenant and user.
    pub duplicates: usize,
    /// The summaries, as this append leaves them, of the users with newly stored events,
    /// ordered by tenant and user. They save the caller a read of each user's row; another
    /// writer may move them on as soon as the append commits.
    pub users: Vec<UserSummary>,
}

/// New derived facts for one user, for [`Store::save_facts`].
#[derive(Debug, Clone, Copy)]
pub struct FactUpdate<'a> {
    /// The tenant.
    pub tenant: &'a TenantId,
    /// The user.
    pub user: &'a UserId,
    /// Every fact of the user, current and past; `None` when they did not change (only
    /// `learned_seq` moves).
    pub facts: Option<&'a [Fact]>,
    /// The user's facts as stored at `expected_revision`, when the caller holds them: the store
    /// then writes only the facts that changed instead of reading and rewriting them all. They
    /// must be exactly what was read at that revision (the revision check makes sure nothing
    /// was saved since).
    pub previous: Option<&'a [Fact]>,
    /// Which of `facts` differ from `previous`, when the caller knows (it compared them
    /// already): their positions in `facts`, ascending, where `facts` holds `previous`'s facts
    /// in the same order with the same ids, then new facts, whose positions are listed too. The
    /// store then compares nothing. Must be exact; used only together with `previous`.
    pub changed: Option<&'a [usize]>,
    /// The highest sequence number these facts reflect.
    pub learned_seq: u64,
    /// The user's `facts_revision` when the facts were read. The save fails with
    /// [`InternalError::Conflict`](crate::InternalError::Conflict), changing nothing, when
    /// another writer has saved since (optimistic concurrency between processes).
    pub expected_revision: u64,
}

/// One user as the store sees them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserSummary {
    /// The tenant.
    pub tenant: TenantId,
    /// The user.
    pub user: UserId,
    /// Number of events in the user's log.
    pub events: u64,
    /// Highest sequence number in the log.
    pub last_seq: u64,
    /// Highest sequence number the derived state (facts) reflects.
    pub learned_seq: u64,
    /// Counts the saves of the user's facts (learning and the user's own decisions). Every
    /// save names the revision it read, so concurrent writers never overwrite each other, and
    /// a cache can tell whether the facts it holds are current.
    pub facts_revision: u64,
    /// Time of the earliest event.
    pub first_time: DateTime<Utc>,
    /// Time of the latest event.
    pub last_time: DateTime<Utc>,
}

/// How many users of a tenant hold each current fact value: the basis of distinctiveness.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PopulationStats {
    /// Users in the tenant.
    pub users: u64,
    /// Users holding a current fact with this `(key, value)`.
    pub holders: HashMap<(String, String), u64>,
}

/// An API key as stored: only the SHA-256 of the secret is kept, never the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiKey {
    /// Public identifier, used to revoke the key (`key_…`).
    pub id: String,
    /// The tenant the key gives access to.
    pub tenant: TenantId,
    /// The one user the key is limited to (an end user's own key), or `None` for the whole
    /// tenant.
    pub user: Option<UserId>,
    /// Lowercase hex SHA-256 of the secret.
    #[serde(skip)]
    pub hash: String,
    /// When the key was created.
    pub created: DateTime<Utc>,
}

/// One line of a tenant's audit log: who did what kind of thing, when. It never holds the
/// content concerned (no fact values, no text) and names the user only by a fingerprint, so it
/// keeps nothing a user had forgotten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// The tenant.
    pub tenant: TenantId,
    /// When it happened.
    pub time: DateTime<Utc>,
    /// Who did it, e.g. `admin`, `key:key_…`, `cli`, `mcp`.
    pub actor: String,
    /// What kind of thing, e.g. `fact.edit`, `user.forget`, `user.export`.
    pub action: String,
    /// Fingerprint of the user concerned, if the action concerns one.
    pub subject: Option<String>,
    /// Details without content: a fact id, a category name, a count.
    pub detail: String,
}

/// Durable storage of the event log and of the state derived from it.
///
/// Every method is scoped to one tenant, and all but the listing ones to one user: a backend lays
/// data out by `(tenant, user)` so that one user's reads never scan another's rows.
pub trait Store: Send + Sync {
    /// Appends a batch atomically: either every new event is stored and durable when this
    /// returns, or none is. An event whose id is already stored for its tenant and user is
    /// skipped and counted as a duplicate (also within the batch). Events get consecutive
    /// sequence numbers per user, in batch order.
    fn append(&self, events: &[Event]) -> Result<AppendOutcome>;

    /// Appends like [`append`](Self::append), and calls `meanwhile` with the outcome while the
    /// batch is being made durable (the commit and its fsync), so a caller can start deriving
    /// state from the events instead of waiting. While `meanwhile` runs the events may be
    /// neither durable nor visible to readers yet, and the store's writer is busy: what it
    /// derives must be dropped if this returns an error, and must not be saved (nor shown)
    /// before this returns. `meanwhile` is called once, with the outcome this returns, or not
    /// at all when nothing new was stored. The default appends, then calls `meanwhile`.
    fn append_overlapped(
        &self,
        events: &[Event],
        meanwhile: &mut dyn FnMut(&AppendOutcome),
    ) -> Result<AppendOutcome> {
        let outcome = self.append(events)?;
        if !outcome.stored.is_empty() {
            meanwhile(&outcome);
        }
        Ok(outcome)
    }

    /// The user's events with `seq > after_seq`, in order, at most `limit`.
    fn events(
        &self,
        tenant: &TenantId,
        user: &UserId,
        after_seq: u64,
        limit: usize,
    ) -> Result<Vec<StoredEvent>>;

    /// The user's events with these ids, in log order; ids not in the user's log are skipped
    /// (so are repeats). Reads by an index of ids, not the whole log.
    fn events_by_id(
        &self,
        tenant: &TenantId,
        user: &UserId,
        ids: &[EventId],
    ) -> Result<Vec<StoredEvent>>;

    /// One user's summary, or `None` if the user has no events.
    fn user(&self, tenant: &TenantId, user: &UserId) -> Result<Option<UserSummary>>;

    /// All users of a tenant, ordered by user id.
    fn users(&self, tenant: &TenantId) -> Result<Vec<UserSummary>>;

    /// All tenants that hold at least one user, ordered.
    fn tenants(&self) -> Result<Vec<TenantId>>;

    /// Every fact of the user, current and past, ordered by fact id.
    fn facts(&self, tenant: &TenantId, user: &UserId) -> Result<Vec<Fact>>;

    /// For each update: replaces the user's derived facts, records that they reflect the log up
    /// to `learned_seq`, and updates the tenant's population counts. All updates are applied in
    /// one transaction.
    fn save_facts(&self, updates: &[FactUpdate<'_>]) -> Result<()>;

    /// Population counts of the tenant's current facts.
    fn population(&self, tenant: &TenantId) -> Result<PopulationStats>;

    /// Deletes everything held about the user: events, facts, counts. Returns whether the user
    /// existed; if so, `audit` is appended to the audit log in the same transaction. Backends
    /// must make the deleted text unrecoverable from their files.
    fn forget_user(
        &self,
        tenant: &TenantId,
        user: &UserId,
        audit: Option<&AuditEntry>,
    ) -> Result<bool>;

    /// The user's decisions about their profile; the default when there are none.
    fn settings(&self, tenant: &TenantId, user: &UserId) -> Result<UserSettings>;

    /// Saves a user's own change to their profile in one durable transaction: replaces all the
    /// user's facts (updating population counts) and their settings, without touching
    /// `learned_seq`. Text that left the facts must be unrecoverable from the backend's files
    /// afterwards, as for [`forget_user`](Self::forget_user). Fails with
    /// [`InternalError::Conflict`](crate::InternalError::Conflict), changing nothing, when the
    /// user's `facts_revision` is no longer `expected_revision`. `audit` is appended to the
    /// audit log in the same transaction: the change and its record stand or fall together.
    fn save_decisions(
        &self,
        tenant: &TenantId,
        user: &UserId,
        facts: &[Fact],
        settings: &UserSettings,
        expected_revision: u64,
        audit: Option<&AuditEntry>,
    ) -> Result<()>;

    /// Registers a tenant. Returns `false` if it was already registered.
    fn create_tenant(&self, tenant: &TenantId, created: DateTime<Utc>) -> Result<bool>;

    /// Registered tenants, ordered.
    fn registered_tenants(&self) -> Result<Vec<TenantId>>;

    /// Stores an API key (its hash). The caller makes sure the tenant is registered.
    fn create_api_key(&self, key: &ApiKey) -> Result<()>;

    /// The API key with this hash, if any.
    fn api_key(&self, hash: &str) -> Result<Option<ApiKey>>;

    /// Deletes the API key with this id. Returns whether it existed.
    fn revoke_api_key(&self, id: &str) -> Result<bool>;

    /// The tenant's policy; the default when none was set.
    fn tenant_policy(&self, tenant: &TenantId) -> Result<TenantPolicy>;

    /// Sets the tenant's policy, registering the tenant (at `now`) if it was not, and appends
    /// `audit` to the audit log in the same transaction.
    fn set_tenant_policy(
        &self,
        tenant: &TenantId,
        policy: &TenantPolicy,
        now: DateTime<Utc>,
        audit: Option<&AuditEntry>,
    ) -> Result<()>;

    /// Appends an entry to its tenant's audit log, durably.
    fn record_audit(&self, entry: &AuditEntry) -> Result<()>;

    /// The tenant's audit log, newest first, at most `limit` entries; only those about
    /// `subject` when given.
    fn audit_log(
        &self,
        tenant: &TenantId,
        subject: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>>;

    /// Adds or replaces items of the tenant's catalog (by `item_id`) in one transaction.
    /// Returns how many were new.
    fn upsert_items(&self, tenant: &TenantId, items: &[Item]) -> Result<usize>;

    /// The tenant's whole catalog, ordered by item id.
    fn items(&self, tenant: &TenantId) -> Result<Vec<Item>>;

    /// One item of the tenant's catalog.
    fn item(&self, tenant: &TenantId, item_id: &str) -> Result<Option<Item>>;

    /// Every action event of every user of the tenant, ordered by user and sequence number:
    /// what the collaborative model is fitted on. Messages and documents are not read.
    fn actions(&self, tenant: &TenantId) -> Result<Vec<StoredEvent>>;
}
