//! [`PatternLearner`]: the built-in [`ProfileLearner`]: extraction plus consolidation, no LLM.

use rapport_core::{EventBody, Fact, ProfileLearner, Role, StoredEvent};

use crate::consolidate::{self, Evidence};
use crate::extract_reply;

/// Learns facts from what a user writes (their own chat turns and documents) with a pattern
/// grammar over tokens and word lists, and consolidates them into the profile.
///
/// Deterministic; learning events one batch at a time (each with the event before it,
/// [`learn_after`](ProfileLearner::learn_after)) or all at once gives the same facts,
/// and learning events again changes nothing (an event any fact cites is skipped).
#[derive(Debug, Clone, Copy, Default)]
pub struct PatternLearner;

impl PatternLearner {
    /// The learner.
    pub fn new() -> Self {
        Self
    }
}

/// The text the user authored in an event, if any: user turns and documents.
pub fn authored_text(stored: &StoredEvent) -> Option<&str> {
    match &stored.event.body {
        EventBody::Message(m) if m.role == Role::User => Some(&m.text),
        EventBody::Document(d) => Some(&d.text),
        _ => None,
    }
}

/// The text of the other party's turn (an assistant message), which a short reply answers.
fn asked_by_other_party(stored: &StoredEvent) -> Option<&str> {
    match &stored.event.body {
        EventBody::Message(m) if m.role == Role::Assistant => Some(&m.text),
        _ => None,
    }
}

impl ProfileLearner for PatternLearner {
    fn learn(&self, facts: &mut Vec<Fact>, events: &[StoredEvent]) {
        self.learn_after(facts, None, events);
    }

    fn learn_after(
        &self,
        facts: &mut Vec<Fact>,
        before: Option<&StoredEvent>,
        events: &[StoredEvent],
    ) {
        // The other party's turn just before, which a short reply answers.
        let mut question: Option<&str> = before.and_then(asked_by_other_party);
        for stored in events {
            let event = &stored.event;
            consolidate::expire_plans(facts, event.time);
            let Some(text) = authored_text(stored) else {
                question = asked_by_other_party(stored);
                continue;
            };
            let asked = question.take();
            if consolidate::already_learned(facts, &event.id) {
                continue;
            }
            let evidence = Evidence {
                id: &event.id,
                time: event.time,
            };
            for candidate in extract_reply(text, asked, event.time) {
                consolidate::apply(facts, candidate, &evidence);
            }
        }
    }
}
