//! A user's retrieval memory: the turn index, the turn texts for rendering, and the current
//! facts with their vectors. Derived from the store and rebuilt from it on a cache miss.

use std::collections::{HashMap, HashSet};

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

impl MemoryFact {
    fn new(fact: &Fact, embedder: &dyn Embedder) -> Self {
        Self {
            fact: fact.clone(),
            vector: embedder.embed(&fact.statement),
            terms: rapport_index::terms(&fact.statement),
        }
    }

    /// About what it holds, in bytes.
    fn bytes(&self) -> usize {
        512 + self.fact.statement.len() * 2
            + self.fact.evidence.len() * 32
            + self.vector.len() * 4
            + self.terms.iter().map(|t| t.len() + 24).sum::<usize>()
    }
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
    /// What the turn records hold, in bytes (kept as turns are added).
    turn_bytes: usize,
    /// What the facts hold, in bytes (kept as facts change).
    fact_bytes: usize,
    /// The index's size when last measured, and its number of items then: measuring walks the
    /// whole index, so it is done again only when the index grew by an eighth.
    index_measured: (usize, usize),
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
            turn_bytes: 0,
            fact_bytes: 0,
            index_measured: (0, 0),
        };
        memory.extend(events, facts, embedder);
        memory
    }

    /// Adds new events (in log order) and replaces the facts with `facts`.
    pub fn extend(&mut self, events: &[StoredEvent], facts: &[Fact], embedder: &dyn Embedder) {
        self.add_turns(events, facts, embedder);
        self.set_facts(facts, embedder);
    }

    /// Adds the turns of new events (in log order), each also found by the statements of the
    /// `facts` that cite it. The facts held do not change.
    pub fn add_turns(&mut self, events: &[StoredEvent], facts: &[Fact], embedder: &dyn Embedder) {
        let new: Vec<&StoredEvent> = events.iter().filter(|e| e.seq > self.seq).collect();
        let keys = fact_keys(facts, &new);
        for stored in new {
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
            let turn = TurnRecord {
                id: event.id.as_str().into(),
                seq: stored.seq,
                time: event.time,
                session: event.session.as_deref().map(Into::into),
                speaker: speaker.map(Into::into),
                role,
                text: text.as_str().into(),
            };
            self.turn_bytes += turn_bytes(&turn);
            self.turns.push(turn);
        }
        let (_, measured_items) = self.index_measured;
        if self.index.len() > measured_items + measured_items / 8 {
            self.index_measured = (self.index.memory_bytes(), self.index.len());
        }
    }

    /// The index's size: as measured, grown in proportion to the items added since.
    fn index_bytes(&self) -> usize {
        match self.index_measured {
            (_, 0) => self.index.memory_bytes(),
            (bytes, items) => bytes * self.index.len() / items,
        }
    }

    /// Replaces the facts with `facts`, saved at `revision`. `changes`, when known, is the
    /// revision the facts were read at and the positions in `facts` of those that changed since
    /// ([`FactUpdate::changed`](rapport_store::FactUpdate::changed)): when the memory holds that
    /// revision, only the changed facts are compared and copied.
    pub fn replace_facts(
        &mut self,
        facts: &[Fact],
        changes: Option<(u64, &[usize])>,
        revision: u64,
        embedder: &dyn Embedder,
    ) {
        match changes {
            Some((read_at, changed)) if read_at == self.facts_revision => {
                self.set_changed_facts(facts, changed, embedder)
            }
            _ => self.set_facts(facts, embedder),
        }
        self.facts_revision = revision;
    }

    /// Replaces the facts with `facts`, which are those held but for the ones at `changed`.
    fn set_changed_facts(&mut self, facts: &[Fact], changed: &[usize], embedder: &dyn Embedder) {
        let known = self.facts.len();
        let lines_up = known <= facts.len()
            && changed
                .iter()
                .all(|&i| i >= known || self.facts[i].fact.id == facts[i].id);
        if !lines_up {
            return self.set_facts(facts, embedder);
        }
        for &i in changed {
            let fact = &facts[i];
            match self.facts.get_mut(i) {
                Some(kept) => {
                    self.fact_bytes -= kept.bytes();
                    if kept.fact.statement == fact.statement {
                        kept.fact.clone_from(fact);
                    } else {
                        *kept = MemoryFact::new(fact, embedder);
                    }
                    self.fact_bytes += kept.bytes();
                }
                None => {
                    let fresh = MemoryFact::new(fact, embedder);
                    self.fact_bytes += fresh.bytes();
                    self.facts.push(fresh);
                }
            }
        }
        debug_assert!(self.facts.len() == facts.len());
    }

    /// Replaces the facts with `facts`; facts whose statement did not change keep their vector
    /// and terms.
    fn set_facts(&mut self, facts: &[Fact], embedder: &dyn Embedder) {
        let fresh = |f: &Fact| MemoryFact::new(f, embedder);
        // The usual case: the same facts in the same order, some changed, new ones at the end.
        // (A mismatch found halfway leaves facts updated that the general case redoes.)
        let mut aligned = self.facts.len() <= facts.len();
        if aligned {
            for (kept, fact) in self.facts.iter_mut().zip(facts) {
                if kept.fact.id != fact.id || kept.fact.statement != fact.statement {
                    aligned = false;
                    break;
                }
                if kept.fact != *fact {
                    kept.fact.clone_from(fact);
                }
            }
        }
        if aligned {
            let known = self.facts.len();
            self.facts.extend(facts[known..].iter().map(fresh));
        } else {
            self.replace_all_facts(facts, embedder);
        }
        self.fact_bytes = self.facts.iter().map(MemoryFact::bytes).sum();
    }

    /// [`set_facts`](Self::set_facts) when the facts do not line up with those held.
    fn replace_all_facts(&mut self, facts: &[Fact], embedder: &dyn Embedder) {
        let fresh = |f: &Fact| MemoryFact::new(f, embedder);
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
                None => fresh(f),
            })
            .collect();
    }

    /// The turn with this event id.
    pub fn turn(&self, id: &str) -> Option<&TurnRecord> {
        self.turn_by_id.get(id).map(|&i| &self.turns[i as usize])
    }
}

/// What a turn record holds, in bytes, with its entry in `turn_by_id`.
fn turn_bytes(t: &TurnRecord) -> usize {
    std::mem::size_of::<TurnRecord>()
        + t.id.len() * 2
        + t.text.len()
        + t.session.as_ref().map_or(0, |s| s.len())
        + t.speaker.as_ref().map_or(0, |s| s.len())
        + 48
}

impl MemoryUse for UserMemory {
    fn memory_bytes(&self) -> usize {
        self.index_bytes() + self.turn_bytes + self.fact_bytes
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
