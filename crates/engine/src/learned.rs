//! Hot users' facts and decisions kept between batches, so learning from one new turn neither
//! reads nor decodes the user's whole profile again, nor copies it.
//!
//! An entry is used only when the user's row in the store still names the same facts revision,
//! learned sequence number and first event time as when the entry was saved: any save by any
//! process (learning, an edit, a policy change) moves the revision, so a stale entry is never
//! used. Only learning touches the cache, under the engine's learning lock.
//!
//! An entry holds the facts twice: the copy learning works on, and the copy as saved, which is
//! what a save compares against to write only what changed. After a save only the facts that
//! changed are copied across, instead of copying the whole profile for every batch.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rapport_core::{Fact, StoredEvent, TenantId, UserId, UserSettings};
use rapport_store::UserSummary;

use crate::inference::ScannedWindow;

/// Users kept; the cache starts over when full. (An entry holds its facts twice.)
const MAX_USERS: usize = 20_000;
/// Scanned texts of inference windows kept in all (a few hundred bytes each); the cache starts
/// over when they would pass it.
const MAX_SCANNED_TEXTS: usize = 200_000;

/// What identifies the stored state an entry mirrors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub revision: u64,
    pub learned_seq: u64,
    pub first_time: DateTime<Utc>,
}

impl Stamp {
    /// The state the user's row names.
    pub fn of(summary: &UserSummary) -> Self {
        Self {
            revision: summary.facts_revision,
            learned_seq: summary.learned_seq,
            first_time: summary.first_time,
        }
    }
}

/// A user's facts as stored, and a working copy of them.
pub(crate) struct Kept {
    /// The copy to learn into; equal to `saved` when taken from the cache.
    pub facts: Vec<Fact>,
    /// The facts exactly as the store holds them.
    pub saved: Vec<Fact>,
    pub settings: UserSettings,
    /// The last event the facts reflect (none for an empty log): the context of learning the
    /// next batch ([`ProfileLearner::learn_after`](rapport_core::ProfileLearner::learn_after)).
    /// `None` until known (read from the store when needed); an entry is only taken for the
    /// `learned_seq` it was kept at, so a known event is always the one at that seq.
    pub last_event: Option<Option<StoredEvent>>,
    /// The scans of the inference window as of the facts' `learned_seq`, when inference keeps
    /// them ([`crate::inference::refresh`]).
    pub infer_window: Option<ScannedWindow>,
}

impl Kept {
    /// What the store holds, read from it: both copies start equal.
    pub fn read(facts: Vec<Fact>, settings: UserSettings) -> Self {
        Self {
            saved: facts.clone(),
            facts,
            settings,
            last_event: None,
            infer_window: None,
        }
    }

    /// Where the working copy differs from the saved one: the positions of changed facts
    /// (those past the end of `saved` are new), or `None` when the two do not line up fact by
    /// fact (a fact removed or reordered).
    pub fn changes(&self) -> Option<Vec<usize>> {
        if self.saved.len() > self.facts.len() {
            return None;
        }
        let mut changed = Vec::new();
        for (i, (saved, fact)) in self.saved.iter().zip(&self.facts).enumerate() {
            if saved.id != fact.id {
                return None;
            }
            if saved != fact {
                changed.push(i);
            }
        }
        changed.extend(self.saved.len()..self.facts.len());
        Some(changed)
    }

    /// Makes the saved copy equal to the working copy again, after the working copy was saved;
    /// `changes` are what [`changes`](Self::changes) returned.
    pub fn saved(&mut self, changes: Option<&[usize]>) {
        match changes {
            Some(changed) => {
                let known = self.saved.len();
                for &i in changed {
                    if i < known {
                        self.saved[i].clone_from(&self.facts[i]);
                    } else {
                        self.saved.push(self.facts[i].clone());
                    }
                }
            }
            None => self.saved.clone_from(&self.facts),
        }
        debug_assert!(self.saved == self.facts);
    }
}

struct Entry {
    stamp: Stamp,
    kept: Kept,
}

/// How much the cache keeps before it starts over.
#[derive(Debug, Clone, Copy)]
struct Limits {
    users: usize,
    scanned_texts: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            users: MAX_USERS,
            scanned_texts: MAX_SCANNED_TEXTS,
        }
    }
}

/// See the module documentation.
#[derive(Default)]
pub(crate) struct LearnedCache {
    limits: Limits,
    /// By tenant, then user (looked up without cloning ids); a slot stays (empty) while its
    /// entry is out being learned into.
    entries: HashMap<TenantId, HashMap<UserId, Option<Entry>>>,
    /// Slots in all.
    slots: usize,
    /// Scanned texts in the kept inference windows.
    scanned_texts: usize,
}

impl LearnedCache {
    /// Takes the user's facts and decisions out of the cache if they are those the store holds
    /// for `summary`.
    pub fn take(&mut self, summary: &UserSummary) -> Option<Kept> {
        let slot = self
            .entries
            .get_mut(&summary.tenant)?
            .get_mut(&summary.user)?;
        let entry = slot.take()?;
        self.scanned_texts -= window_len(&entry.kept);
        (entry.stamp == Stamp::of(summary)).then_some(entry.kept)
    }

    /// Takes the user's facts and decisions out of the cache with the state they mirror,
    /// before the store is read: what is learned from them may be used only once the user's
    /// row is found to name that state ([`Stamp::of`]).
    pub fn take_unchecked(&mut self, tenant: &TenantId, user: &UserId) -> Option<(Kept, Stamp)> {
        let entry = self.entries.get_mut(tenant)?.get_mut(user)?.take()?;
        self.scanned_texts -= window_len(&entry.kept);
        Some((entry.kept, entry.stamp))
    }

    /// Keeps what was just saved for the user: the facts and decisions at `revision`,
    /// reflecting the log up to `learned_seq` (both copies in `kept` equal).
    pub fn put(&mut self, summary: &UserSummary, revision: u64, learned_seq: u64, kept: Kept) {
        self.remove(&summary.tenant, &summary.user);
        let texts = window_len(&kept);
        if self.slots >= self.limits.users || self.scanned_texts + texts > self.limits.scanned_texts
        {
            self.entries.clear();
            self.slots = 0;
            self.scanned_texts = 0;
        }
        self.scanned_texts += texts;
        let stamp = Stamp {
            revision,
            learned_seq,
            first_time: summary.first_time,
        };
        let entry = Some(Entry { stamp, kept });
        if let Some(slot) = self
            .entries
            .get_mut(&summary.tenant)
            .and_then(|users| users.get_mut(&summary.user))
        {
            *slot = entry;
            return;
        }
        self.entries
            .entry(summary.tenant.clone())
            .or_default()
            .insert(summary.user.clone(), entry);
        self.slots += 1;
    }

    /// Drops the user's entry.
    pub fn remove(&mut self, tenant: &TenantId, user: &UserId) {
        if let Some(slot) = self
            .entries
            .get_mut(tenant)
            .and_then(|users| users.get_mut(user))
            && let Some(entry) = slot.take()
        {
            self.scanned_texts -= window_len(&entry.kept);
        }
    }
}

fn window_len(kept: &Kept) -> usize {
    kept.infer_window.as_ref().map_or(0, ScannedWindow::len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inference::Lexicons;
    use rapport_store::conformance::message;

    fn fact(id: u64, value: &str) -> Fact {
        rapport_store::conformance::fact(id, "city", value)
    }

    #[test]
    fn changes_name_the_facts_that_differ_and_saving_copies_only_them() {
        let mut kept = Kept::read(
            vec![fact(1, "Paris"), fact(2, "Lyon")],
            UserSettings::default(),
        );
        assert_eq!(kept.changes(), Some(vec![]));
        kept.facts[1].value = "Nice".into();
        kept.facts.push(fact(3, "Oslo"));
        let changes = kept.changes();
        assert_eq!(changes, Some(vec![1, 2]));
        kept.saved(changes.as_deref());
        assert!(kept.saved == kept.facts);
    }

    #[test]
    fn facts_that_no_longer_line_up_are_copied_whole() {
        let mut kept = Kept::read(
            vec![fact(1, "Paris"), fact(2, "Lyon")],
            UserSettings::default(),
        );
        kept.facts.remove(0);
        assert_eq!(kept.changes(), None);
        kept.saved(None);
        assert!(kept.saved == kept.facts);
    }

    fn summary(user: &str) -> UserSummary {
        let first = message("t", user, "e0", 0, "hi").time;
        UserSummary {
            tenant: TenantId::new("t").unwrap(),
            user: UserId::new(user).unwrap(),
            events: 2,
            last_seq: 2,
            learned_seq: 2,
            facts_revision: 1,
            first_time: first,
            last_time: first,
        }
    }

    /// A user's facts with an inference window of their two messages.
    fn kept_with_window(user: &str) -> Kept {
        let events: Vec<StoredEvent> = ["I am a nurse.", "My husband cooks."]
            .iter()
            .enumerate()
            .map(|(i, text)| StoredEvent {
                seq: i as u64 + 1,
                event: message("t", user, &format!("e{i}"), i as u32, text),
            })
            .collect();
        let none = || {
            Ok(Lexicons {
                gender: None,
                big_five: None,
            })
        };
        let mut kept = Kept::read(Vec::new(), UserSettings::default());
        kept.infer_window = Some(ScannedWindow::scan(&events, 2, &none).unwrap());
        kept
    }

    #[test]
    fn the_cache_starts_over_past_its_scanned_texts_and_counts_what_leaves() {
        let mut cache = LearnedCache {
            limits: Limits {
                users: 10,
                scanned_texts: 5,
            },
            ..LearnedCache::default()
        };
        for user in ["ana", "bo"] {
            cache.put(&summary(user), 1, 2, kept_with_window(user));
        }
        assert_eq!(cache.scanned_texts, 4);
        // Taken out (checked or not) and removed, an entry's texts no longer count.
        let (kept, _) = cache
            .take_unchecked(&TenantId::new("t").unwrap(), &UserId::new("ana").unwrap())
            .unwrap();
        assert_eq!(cache.scanned_texts, 2);
        cache.put(&summary("ana"), 1, 2, kept);
        assert!(cache.take(&summary("bo")).is_some());
        cache.remove(&TenantId::new("t").unwrap(), &UserId::new("ana").unwrap());
        assert_eq!(cache.scanned_texts, 0);
        // Three windows of two texts pass five: the third put starts the cache over.
        for user in ["ana", "bo", "cy"] {
            cache.put(&summary(user), 1, 2, kept_with_window(user));
        }
        assert_eq!(cache.scanned_texts, 2);
        assert!(cache.take(&summary("ana")).is_none());
        assert!(cache.take(&summary("cy")).is_some());
    }
}
