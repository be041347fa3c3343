//! Events and learning for the tests.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rapport_core::{
    Event, EventBody, EventId, Fact, Message, ProfileLearner, Role, StoredEvent, TenantId, UserId,
};
use rapport_extract::PatternLearner;

/// Noon on 2024-03-01 plus `day` days.
pub fn day(day: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap() + Duration::days(day)
}

/// A stored message event.
pub fn turn(seq: u64, role: Role, when: DateTime<Utc>, text: &str) -> StoredEvent {
    StoredEvent {
        seq,
        event: Event {
            tenant: TenantId::default_tenant(),
            user: UserId::new("ana").unwrap(),
            id: EventId::new(format!("e{seq}")).unwrap(),
            time: when,
            session: None,
            body: EventBody::Message(Message {
                role,
                speaker: None,
                text: text.to_string(),
            }),
        },
    }
}

/// The user's turns, one a day, as stored events.
pub fn said(texts: &[&str]) -> Vec<StoredEvent> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| turn(i as u64 + 1, Role::User, day(i as i64), t))
        .collect()
}

/// Learns `events` in one batch from no facts.
pub fn learn(events: &[StoredEvent]) -> Vec<Fact> {
    let mut facts = Vec::new();
    PatternLearner::new().learn(&mut facts, events);
    facts
}

/// The current fact with `key`.
pub fn current<'a>(facts: &'a [Fact], key: &str) -> &'a Fact {
    facts
        .iter()
        .find(|f| f.is_current() && f.key == key)
        .unwrap_or_else(|| panic!("no current {key} in {:#?}", keys(facts)))
}

/// (key, value, current) of every fact, for failure messages.
pub fn keys(facts: &[Fact]) -> Vec<(String, String, bool)> {
    facts
        .iter()
        .map(|f| (f.key.clone(), f.value.clone(), f.is_current()))
        .collect()
}
