//! A user's retrieval memory: the turn index, the turn texts for rendering, and the current
//! facts with their vectors. Derived from the store and rebuilt from it on a cache miss.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rapport_core::{Embedder, EventBody, Fact, Polarity, Role, StoredEvent};
use rapport_index::{Doc, DocKind, ExactVectors, FxHashMap, MemoryUse, UserIndex};

use crate::context::estimate_tokens;
use crate::render::{fact_line, past_line};

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

/// A fact with what scoring it against a query and showing it need, computed once (its
/// vector is row `i` of [`UserMemory::fact_vectors`]).
pub(crate) struct MemoryFact {
    pub fact: Fact,
    /// The index terms of its statement.
    pub terms: Vec<String>,
    /// Its line in the block while it holds, and the line's estimated tokens.
    pub line: Box<str>,
    pub line_tokens: usize,
    /// Its line under "No longer true", and the line's estimated tokens.
    pub past_line: Box<str>,
    pub past_tokens: usize,
}

impl MemoryFact {
    fn new(fact: &Fact, terms: Vec<String>) -> Self {
        let line = fact_line(fact);
        let past_line = past_line(fact);
        Self {
            fact: fact.clone(),
            terms,
            line_tokens: estimate_tokens(&line),
            line: line.into(),
            past_tokens: estimate_tokens(&past_line),
            past_line: past_line.into(),
        }
    }

    /// The same fact, updated to `fact` (same id and statement), keeping the rendered lines
    /// when what they show did not change.
    fn updated(self, fact: &Fact) -> Self {
        let old = &self.fact;
        let same_lines = old.description == fact.description
            && old.source == fact.source
            && old.valid_from == fact.valid_from
            && old.valid_to == fact.valid_to;
        if same_lines {
            Self {
                fact: fact.clone(),
                ..self
            }
        } else {
            Self::new(fact, self.terms)
        }
    }
}

/// One user's searchable memory.
pub(crate) struct UserMemory {
    pub index: UserIndex,
    pub turns: Vec<TurnRecord>,
    pub turn_by_id: FxHashMap<Box<str>, u32>,
    /// Every fact of the user (current and past), ready to score against a query.
    pub facts: Vec<MemoryFact>,
    /// The embeddings of the facts' statements, row `i` for `facts[i]`.
    pub fact_vectors: ExactVectors,
    /// Positions in `facts` of the current answer hints inferred here (`style.*`, the Big Five
    /// estimate `personality.*`).
    pub style: Vec<usize>,
    /// The user's stated name (current, positive `identity.name`), if any.
    pub stated_name: Option<String>,
    /// The speaker name of the user's first turn that has one.
    pub speaker_name: Option<Box<str>>,
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
            turn_by_id: FxHashMap::default(),
            facts: Vec::new(),
            fact_vectors: ExactVectors::default(),
            style: Vec::new(),
            stated_name: None,
            speaker_name: None,
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
            if self.speaker_name.is_none() && role == Role::User {
                self.speaker_name = speaker.as_deref().map(Into::into);
            }
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
        let old_facts = std::mem::take(&mut self.facts);
        let old_vectors = std::mem::take(&mut self.fact_vectors);
        let mut known: HashMap<(u64, String), usize> = old_facts
            .iter()
            .enumerate()
            .map(|(i, m)| ((m.fact.id, m.fact.statement.clone()), i))
            .collect();
        let mut old_facts: Vec<Option<MemoryFact>> = old_facts.into_iter().map(Some).collect();
        let mut vectors: Option<ExactVectors> = None;
        self.facts = facts
            .iter()
            .map(|f| {
                let kept = known
                    .remove(&(f.id, f.statement.clone()))
                    .and_then(|i| Some((i, old_facts[i].take()?)));
                let (vector, memory_fact) = match kept {
                    Some((i, kept)) => (old_vectors.row(i).collect(), kept.updated(f)),
                    None => (
                        embedder.embed(&f.statement),
                        MemoryFact::new(f, rapport_index::terms(&f.statement)),
                    ),
                };
                vectors
                    .get_or_insert_with(|| ExactVectors::new(vector.len()))
                    .push(&vector);
                memory_fact
            })
            .collect::<Vec<_>>();
        self.fact_vectors = vectors.unwrap_or_default();
        self.style = (self.facts.iter().enumerate())
            .filter(|(_, m)| {
                let f = &m.fact;
                f.is_current()
                    && rapport_infer::is_inferred_here(f)
                    && rapport_infer::is_answer_hint(&f.key)
            })
            .map(|(i, _)| i)
            .collect();
        self.stated_name = self
            .facts
            .iter()
            .map(|m| &m.fact)
            .find(|f| {
                f.is_current() && f.key == "identity.name" && f.polarity == Polarity::Positive
            })
            .map(|f| f.value.clone());
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
                    + m.line.len()
                    + m.past_line.len()
                    + m.terms.iter().map(|t| t.len() + 24).sum::<usize>()
            })
            .sum();
        self.index.memory_bytes() + turns + facts + self.fact_vectors.memory_bytes()
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
