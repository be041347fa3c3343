//! Learning ahead of the append: while the store inserts a batch (the writer busy, the other
//! cores idle), the users whose facts the learned cache holds are learned from the sequence
//! numbers their events will get if the store is as the cache saw it. Nothing learned is used
//! before the append is durable, and only for users whose row, after the insert, names the
//! state the cache mirrored and whose events got the sequence numbers guessed; the others are
//! learned again from the store.

use std::collections::{BTreeMap, HashSet};

use rapport_core::{Event, EventId, StoredEvent, TenantId, UserId};
use rapport_store::UserSummary;

use crate::learned::{Kept, Stamp};

/// A user learned ahead: the state their cached facts mirror and the events guessed.
pub(crate) struct Guess {
    pub stamp: Stamp,
    /// The user's row as it will read if the guess holds (`events` and `last_time` unknown).
    pub summary: UserSummary,
    /// The user's events of the batch, numbered on from the cached `learned_seq`.
    pub events: Vec<StoredEvent>,
}

impl Guess {
    /// Whether the guess held: the user's row names the cached state, and the user's stored
    /// events are those guessed, numbered as guessed.
    pub fn held(&self, summary: &UserSummary, stored: &[StoredEvent]) -> bool {
        Stamp::of(summary) == self.stamp
            && summary.last_seq == self.summary.last_seq
            && stored.len() == self.events.len()
            && stored
                .iter()
                .zip(&self.events)
                .all(|(s, g)| s.seq == g.seq && s.event.id == g.event.id)
    }
}

/// The batch's events by user, in batch order; users with an id twice in the batch are left
/// out (the store keeps one, so their numbering cannot be guessed).
pub(crate) fn events_by_user(events: &[Event]) -> BTreeMap<(&TenantId, &UserId), Vec<&Event>> {
    let mut by_user: BTreeMap<(&TenantId, &UserId), Vec<&Event>> = BTreeMap::new();
    for event in events {
        by_user
            .entry((&event.tenant, &event.user))
            .or_default()
            .push(event);
    }
    by_user.retain(|_, events| {
        events.len() == 1 || {
            let ids: HashSet<&EventId> = events.iter().map(|e| &e.id).collect();
            ids.len() == events.len()
        }
    });
    by_user
}

/// The guess for a user whose cached facts mirror `stamp`: the events follow what the facts
/// reflect, numbered from `stamp.learned_seq + 1`.
pub(crate) fn guess(stamp: Stamp, events: &[&Event]) -> Guess {
    let events: Vec<StoredEvent> = (events.iter().enumerate())
        .map(|(i, event)| StoredEvent {
            seq: stamp.learned_seq + 1 + i as u64,
            event: (*event).clone(),
        })
        .collect();
    let first = &events[0].event;
    let summary = UserSummary {
        tenant: first.tenant.clone(),
        user: first.user.clone(),
        events: 0,
        last_seq: stamp.learned_seq + events.len() as u64,
        learned_seq: stamp.learned_seq,
        facts_revision: stamp.revision,
        first_time: stamp.first_time,
        last_time: stamp.first_time,
    };
    Guess {
        stamp,
        summary,
        events,
    }
}

/// A guess with the cached facts to learn into.
pub(crate) type Ahead = (Guess, Kept);

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_store::conformance::message;

    fn stamp() -> Stamp {
        let first = message("t", "u", "e0", 0, "hi").time;
        Stamp {
            revision: 4,
            learned_seq: 7,
            first_time: first,
        }
    }

    fn stored(guess: &Guess) -> (UserSummary, Vec<StoredEvent>) {
        let summary = UserSummary {
            events: 9,
            last_time: guess.events[1].event.time,
            ..guess.summary.clone()
        };
        (summary, guess.events.clone())
    }

    #[test]
    fn events_are_numbered_on_from_what_the_facts_reflect() {
        let events = [
            message("t", "u", "e8", 1, "I live in Lyon."),
            message("t", "u", "e9", 2, "I have a cat."),
        ];
        let guess = guess(stamp(), &events.iter().collect::<Vec<_>>());
        let seqs: Vec<u64> = guess.events.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [8, 9]);
        assert_eq!((guess.summary.learned_seq, guess.summary.last_seq), (7, 9));
        assert_eq!(guess.summary.facts_revision, 4);
    }

    #[test]
    fn a_guess_holds_only_for_the_state_and_numbers_guessed() {
        let events = [
            message("t", "u", "e8", 1, "I live in Lyon."),
            message("t", "u", "e9", 2, "I have a cat."),
        ];
        let guess = guess(stamp(), &events.iter().collect::<Vec<_>>());
        let (summary, stored_events) = stored(&guess);
        assert!(guess.held(&summary, &stored_events));

        // Another save moved the revision; the log held an event not learned yet; an earlier
        // event moved the first time; one event was a duplicate.
        let saved_since = UserSummary {
            facts_revision: 5,
            ..summary.clone()
        };
        assert!(!guess.held(&saved_since, &stored_events));
        let behind: Vec<StoredEvent> = (stored_events.iter())
            .map(|e| StoredEvent {
                seq: e.seq + 1,
                event: e.event.clone(),
            })
            .collect();
        let behind_summary = UserSummary {
            last_seq: 10,
            ..summary.clone()
        };
        assert!(!guess.held(&behind_summary, &behind));
        let earlier = UserSummary {
            first_time: summary.first_time - chrono::Duration::minutes(1),
            ..summary.clone()
        };
        assert!(!guess.held(&earlier, &stored_events));
        let one_stored = UserSummary {
            last_seq: 8,
            ..summary.clone()
        };
        assert!(!guess.held(&one_stored, &stored_events[..1]));
    }

    #[test]
    fn users_with_an_id_twice_in_the_batch_are_not_guessed() {
        let events = [
            message("t", "a", "e1", 1, "I live in Lyon."),
            message("t", "b", "e1", 1, "I live in Nice."),
            message("t", "b", "e1", 2, "I live in Nice."),
            message("t", "a", "e2", 3, "I have a cat."),
        ];
        let by_user = events_by_user(&events);
        let users: Vec<&str> = by_user.keys().map(|(_, u)| u.as_str()).collect();
        assert_eq!(users, ["a"]);
        let ids: Vec<&str> = by_user
            .values()
            .next()
            .unwrap()
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["e1", "e2"]);
    }
}
