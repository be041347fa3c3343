//! A batch's turns made ready for a user's retrieval memory away from it: each turn's index
//! item embedded and its terms found (the costly part of indexing a turn), on the learning
//! threads while the append is made durable, so that only cheap bookkeeping is left once the
//! turns may be shown.

use std::collections::{HashMap, HashSet};

use rapport_core::{Embedder, EventBody, Fact, Role, StoredEvent};
use rapport_index::{Doc, DocKind, PreparedDoc};

use crate::memory::TurnRecord;

/// Turns ready for [`UserMemory::add_prepared`](crate::memory::UserMemory::add_prepared).
pub(crate) struct PreparedTurns {
    pub(crate) turns: Vec<PreparedTurn>,
    /// The last event's sequence number (actions included, which have no turn); 0 when empty.
    pub(crate) last_seq: u64,
}

/// One turn: its index item and what the context block shows of it.
pub(crate) struct PreparedTurn {
    pub(crate) doc: PreparedDoc,
    pub(crate) record: TurnRecord,
}

impl PreparedTurns {
    /// The turns of `events` (in log order), each also found by the statements of the `facts`
    /// that cite it.
    pub fn new<'a>(
        events: impl IntoIterator<Item = &'a StoredEvent>,
        facts: &[Fact],
        embedder: &dyn Embedder,
    ) -> Self {
        let events: Vec<&StoredEvent> = events.into_iter().collect();
        let keys = fact_keys(facts, &events);
        let mut turns = Vec::with_capacity(events.len());
        let mut last_seq = 0;
        for stored in events {
            last_seq = stored.seq;
            let event = &stored.event;
            let (text, speaker, role) = match &event.body {
                EventBody::Message(m) => (&m.text, m.speaker.clone(), m.role),
                EventBody::Document(d) => (&d.text, None, Role::User),
                EventBody::Action(_) => continue,
            };
            let doc = Doc {
                id: event.id.to_string(),
                text: text.clone(),
                speaker: speaker.clone(),
                time: event.time,
                session: event.session.clone(),
                seq: stored.seq,
                kind: DocKind::Turn,
                keys: keys.get(event.id.as_str()).cloned().unwrap_or_default(),
                current: true,
            };
            let record = TurnRecord {
                id: event.id.as_str().into(),
                seq: stored.seq,
                time: event.time,
                session: event.session.as_deref().map(Into::into),
                speaker: speaker.map(Into::into),
                role,
                text: text.as_str().into(),
            };
            turns.push(PreparedTurn {
                doc: PreparedDoc::embedded(doc, embedder),
                record,
            });
        }
        Self { turns, last_seq }
    }
}

/// Statements of the facts each of `events` supports: a turn is also found by what was learned
/// from it.
fn fact_keys<'a>(facts: &[Fact], events: &[&'a StoredEvent]) -> HashMap<&'a str, Vec<String>> {
    let mut keys: HashMap<&str, Vec<String>> = HashMap::new();
    if events.is_empty() {
        return keys;
    }
    let mut add =
        |id: &'a str, fact: &Fact| keys.entry(id).or_default().push(fact.statement.clone());
    if let [only] = events {
        // One new turn (the usual batch of a chat): compare, without hashing every id.
        let only = only.event.id.as_str();
        for fact in facts {
            for id in &fact.evidence {
                if id.as_str() == only {
                    add(only, fact);
                }
            }
        }
        return keys;
    }
    let ids: HashSet<&str> = events.iter().map(|e| e.event.id.as_str()).collect();
    for fact in facts {
        for id in &fact.evidence {
            if let Some(&id) = ids.get(id.as_str()) {
                add(id, fact);
            }
        }
    }
    keys
}
