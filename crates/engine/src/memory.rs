//! A user's retrieval memory: the turn index, the turn texts for rendering, and the current
//! facts with their vectors. Derived from the store and rebuilt from it on a cache miss.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rapport_core::{Embedder, EventBody, Fact, Role, StoredEvent};
use rapport_index::{Doc, DocKind, MemoryUse, UserIndex};

/// What the context block shows of a turn.
#[derive(Debug, Clone)]
pub(crate) struct TurnRecord {
    pub id: Box<str>,
    pub seq: u64,
    pub time: DateTime<Utc>,
    pub session: Option<Box<str>>,
    pub speaker: Option<Box<str>>,
    pub role: Role,
    pub text: Box<str>,
}

/// A fact with what scoring it against a query needs, computed once.
pub(crate) struct MemoryFact {
    pub fact: Fact,
    /// The embedding of its statement.
    pub vector: Vec<f32>,
    /// The index terms of its statement.
    pub terms: Vec<String>,
}

/// One user's searchable memory.
pub(crate) struct UserMemory {
    pub index: UserIndex,
    pub turns: Vec<TurnRecord>,
    pub turn_by_id: HashMap<Box<str>, u32>,
    /// Every fact of the user (current and past), ready to score against a query.
    pub facts: Vec<MemoryFact>,
    /// The last sequence number reflected.
    pub seq: u64,
    /// The user's `facts_revision` the facts were read at.
    pub facts_revision: u64,
    /// The embedder whose vectors the memory holds; a memory is never searched with another.
    pub model_id: Box<str>,
}

impl UserMemory {
    /// Builds the memory from a user's whole log and facts.
    pub fn build(
        events: &[StoredEvent],
        facts: &[Fact],
        facts_revision: u64,
        embedder: &dyn Embedder,
    ) -> Self {
        let mut memory = Self {
            index: UserIndex::new(),
            turns: Vec::new(),
            turn_by_id: HashMap::new(),
            facts: Vec::new(),
            seq: 0,
            facts_revision,
            model_id: embedder.model_id().into(),
        };
        memory.extend(events, facts, embedder);
        memory
    }

    /// Adds new events (in log order) and replaces the facts with `facts`.
    pub fn extend(&mut self, events: &[StoredEvent], facts: &[Fact], embedder: &dyn Embedder) {
        let keys = fact_keys(facts);
        for stored in events {
            if stored.seq <= self.seq {
                continue;
            }
            self.seq = stored.seq;
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
            self.index.add_embedded(doc, embedder);
            self.turn_by_id
                .insert(event.id.as_str().into(), self.turns.len() as u32);
            self.turns.push(TurnRecord {
                id: event.id.as_str().into(),
                seq: stored.seq,
                time: event.time,
                session: event.session.as_deref().map(Into::into),
                speaker: speaker.map(Into::into),
                role,
                text: text.as_str().into(),
            });
        }
        // Facts whose statement did not change keep their vector and terms.
        let mut known: HashMap<(u64, String), MemoryFact> = std::mem::take(&mut self.facts)
            .into_iter()
            .map(|m| ((m.fact.id, m.fact.statement.clone()), m))
            .collect();
        self.facts = facts
            .iter()
            .map(|f| match known.remove(&(f.id, f.statement.clone())) {
                Some(mut kept) => {
                    kept.fact = f.clone();
                    kept
                }
                None => MemoryFact {
                    fact: f.clone(),
                    vector: embedder.embed(&f.statement),
                    terms: rapport_index::terms(&f.statement),
                },
            })
            .collect();
    }

    /// The turn with this event id.
    pub fn turn(&self, id: &str) -> Option<&TurnRecord> {
        self.turn_by_id.get(id).map(|&i| &self.turns[i as usize])
    }
}

impl MemoryUse for UserMemory {
    fn memory_bytes(&self) -> usize {
        let turns: usize = self
            .turns
            .iter()
            .map(|t| {
                std::mem::size_of::<TurnRecord>()
                    + t.id.len() * 2
                    + t.text.len()
                    + t.session.as_ref().map_or(0, |s| s.len())
                    + t.speaker.as_ref().map_or(0, |s| s.len())
                    + 48
            })
            .sum();
        let facts: usize = self
            .facts
            .iter()
            .map(|m| {
                512 + m.fact.statement.len() * 2
                    + m.fact.evidence.len() * 32
                    + m.vector.len() * 4
                    + m.terms.iter().map(|t| t.len() + 24).sum::<usize>()
            })
            .sum();
        self.index.memory_bytes() + turns + facts
    }
}

/// Statements of the facts each event supports: a turn is also found by what was learned from it.
fn fact_keys(facts: &[Fact]) -> HashMap<&str, Vec<String>> {
    let mut keys: HashMap<&str, Vec<String>> = HashMap::new();
    for fact in facts {
        for id in &fact.evidence {
            keys.entry(id.as_str())
                .or_default()
                .push(fact.statement.clone());
        }
    }
    keys
}
