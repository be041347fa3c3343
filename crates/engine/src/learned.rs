//! Hot users' facts and decisions kept between batches, so learning from one new turn neither
//! reads nor decodes the user's whole profile again.
//!
//! An entry is used only when the user's row in the store still names the same facts revision,
//! learned sequence number and first event time as when the entry was saved: any save by any
//! process (learning, an edit, a policy change) moves the revision, so a stale entry is never
//! used. Only learning touches the cache, under the engine's learning lock.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rapport_core::{Fact, TenantId, UserId, UserSettings};
use rapport_store::UserSummary;

/// Users kept; the cache starts over when full.
const MAX_USERS: usize = 20_000;

/// What identifies the stored state an entry mirrors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    revision: u64,
    learned_seq: u64,
    first_time: DateTime<Utc>,
}

struct Entry {
    stamp: Stamp,
    facts: Vec<Fact>,
    settings: UserSettings,
}

/// See the module documentation.
#[derive(Default)]
pub(crate) struct LearnedCache {
    entries: HashMap<(TenantId, UserId), Entry>,
}

impl LearnedCache {
    /// Takes the user's facts and decisions out of the cache if they are those the store holds
    /// for `summary`.
    pub fn take(&mut self, summary: &UserSummary) -> Option<(Vec<Fact>, UserSettings)> {
        let key = (summary.tenant.clone(), summary.user.clone());
        let entry = self.entries.remove(&key)?;
        let current = Stamp {
            revision: summary.facts_revision,
            learned_seq: summary.learned_seq,
            first_time: summary.first_time,
        };
        (entry.stamp == current).then_some((entry.facts, entry.settings))
    }

    /// Keeps what was just saved for the user: the facts and decisions at `revision`,
    /// reflecting the log up to `learned_seq`.
    pub fn put(
        &mut self,
        summary: &UserSummary,
        revision: u64,
        learned_seq: u64,
        facts: Vec<Fact>,
        settings: UserSettings,
    ) {
        if self.entries.len() >= MAX_USERS {
            self.entries.clear();
        }
        let stamp = Stamp {
            revision,
            learned_seq,
            first_time: summary.first_time,
        };
        self.entries.insert(
            (summary.tenant.clone(), summary.user.clone()),
            Entry {
                stamp,
                facts,
                settings,
            },
        );
    }

    /// Drops the user's entry.
    pub fn remove(&mut self, tenant: &TenantId, user: &UserId) {
        self.entries.remove(&(tenant.clone(), user.clone()));
    }
}
