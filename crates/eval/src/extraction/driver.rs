//! Runs the built-in learner over a dialogue, one user per speaker, exactly as the engine
//! would: the whole dialogue in order, timed one minute apart, the speaker's turns as user
//! messages and the other speakers' as the other party's (assistant) messages, which the
//! learner reads only as the questions a short reply answers.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rapport_core::{
    Event, EventBody, EventId, Fact, Message, ProfileLearner, Role, StoredEvent, TenantId, UserId,
};
use rapport_extract::PatternLearner;

use super::records::{Dialogue, Prediction, gold_by_speaker};

/// When every dialogue starts; turn `i` is `i` minutes later.
fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap()
}

/// The events of one speaker of a dialogue: their turns as user messages, the others' as the
/// other party's.
pub fn speaker_events(d: &Dialogue, speaker: &str) -> Vec<StoredEvent> {
    let user = UserId::new(speaker).unwrap_or_else(|_| UserId::new("speaker").expect("valid id"));
    let mut events = Vec::new();
    for (i, turn) in d.turns.iter().enumerate() {
        if turn.text.trim().is_empty() {
            continue;
        }
        let role = if turn.speaker == speaker {
            Role::User
        } else {
            Role::Assistant
        };
        events.push(StoredEvent {
            seq: events.len() as u64 + 1,
            event: Event {
                tenant: TenantId::default_tenant(),
                user: user.clone(),
                id: EventId::new(format!("t{i}")).expect("valid id"),
                time: base_time() + Duration::minutes(i as i64),
                session: Some(d.dialogue_id.clone()),
                body: EventBody::Message(Message {
                    role,
                    speaker: Some(speaker.to_string()),
                    text: turn.text.clone(),
                }),
            },
        });
    }
    events
}

/// Each speaker's predicted facts: the statements of their current facts after learning.
pub fn predict(d: &Dialogue) -> Vec<Prediction> {
    let learner = PatternLearner::new();
    gold_by_speaker(d)
        .into_iter()
        .map(|(speaker, _)| {
            let mut facts: Vec<Fact> = Vec::new();
            learner.learn(&mut facts, &speaker_events(d, &speaker));
            let mut statements: Vec<String> = Vec::new();
            for f in facts.iter().filter(|f| f.is_current()) {
                if !statements.contains(&f.statement) {
                    statements.push(f.statement.clone());
                }
            }
            Prediction {
                dialogue_id: d.dialogue_id.clone(),
                speaker,
                facts: statements,
            }
        })
        .collect()
}
