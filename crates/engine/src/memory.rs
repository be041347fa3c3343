//! A user's retrieval memory: the turn index, the turn texts for rendering, and the current
//! facts with their vectors. Derived from the store and rebuilt from it on a cache miss.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rapport_core::{Embedder, Fact, Polarity, Role, StoredEvent};
use rapport_index::{ExactVectors, FxHashMap, MemoryUse, UserIndex};

use crate::context::estimate_tokens;
use crate::prepared_turns::PreparedTurn;
pub(crate) use crate::prepared_turns::PreparedTurns;
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

impl TurnRecord {
    /// What the record holds, in bytes, with its entry in `turn_by_id`.
    fn bytes(&self) -> usize {
        std::mem::size_of::<TurnRecord>()
            + self.id.len() * 2
            + self.text.len()
            + self.session.as_ref().map_or(0, |s| s.len())
            + self.speaker.as_ref().map_or(0, |s| s.len())
            + 48
    }
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

    /// Updates it to `fact` (same id and statement), keeping the rendered lines when what they
    /// show did not change.
    fn update(&mut self, fact: &Fact) {
        let old = &self.fact;
        let same_lines = old.description == fact.description
            && old.source == fact.source
            && old.valid_from == fact.valid_from
            && old.valid_to == fact.valid_to;
        if same_lines {
            self.fact.clone_from(fact);
        } else {
            *self = Self::new(fact, std::mem::take(&mut self.terms));
        }
    }

    /// About what it holds, in bytes (its vector is counted with the others).
    fn bytes(&self) -> usize {
        512 + self.fact.statement.len() * 2
            + self.fact.evidence.len() * 32
            + self.line.len()
            + self.past_line.len()
            + self.terms.iter().map(|t| t.len() + 24).sum::<usize>()
    }
}

/// A fact seen for the first time: its memory entry and the embedding of its statement.
fn fresh_fact(fact: &Fact, embedder: &dyn Embedder) -> (MemoryFact, Vec<f32>) {
    let memory_fact = MemoryFact::new(fact, rapport_index::terms(&fact.statement));
    (memory_fact, embedder.embed(&fact.statement))
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
        let mut memory = Self::empty(facts_revision, embedder);
        memory.extend(events, facts, embedder);
        memory
    }

    /// Builds the memory from a user's whole log, prepared beforehand, and facts: the same as
    /// [`build`](Self::build) of the events the turns were prepared from.
    pub fn build_prepared(
        turns: PreparedTurns,
        facts: &[Fact],
        facts_revision: u64,
        embedder: &dyn Embedder,
    ) -> Self {
        let mut memory = Self::empty(facts_revision, embedder);
        memory.add_prepared(turns);
        memory.set_facts(facts, embedder);
        memory
    }

    fn empty(facts_revision: u64, embedder: &dyn Embedder) -> Self {
        Self {
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
            turn_bytes: 0,
            fact_bytes: 0,
            index_measured: (0, 0),
        }
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
        self.add_prepared(PreparedTurns::new(new, facts, embedder));
    }

    /// Adds turns prepared beforehand: the same as [`add_turns`](Self::add_turns) of the
    /// events and facts they were prepared from. Events the memory holds already are skipped.
    pub fn add_prepared(&mut self, prepared: PreparedTurns) {
        let known = self.seq;
        for PreparedTurn { doc, record } in prepared.turns {
            if record.seq <= known {
                continue;
            }
            self.index.add_prepared(doc);
            if self.speaker_name.is_none() && record.role == Role::User {
                self.speaker_name = record.speaker.clone();
            }
            self.turn_by_id
                .insert(record.id.clone(), self.turns.len() as u32);
            self.turn_bytes += record.bytes();
            self.turns.push(record);
        }
        self.seq = self.seq.max(prepared.last_seq);
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
                        kept.update(fact);
                    } else {
                        let (fresh, vector) = fresh_fact(fact, embedder);
                        *kept = fresh;
                        self.fact_vectors.set(i, &vector);
                    }
                    self.fact_bytes += self.facts[i].bytes();
                }
                None => self.push_fact(fresh_fact(fact, embedder)),
            }
        }
        debug_assert!(self.facts.len() == facts.len());
        self.find_answer_hints();
    }

    /// Replaces the facts with `facts`; facts whose statement did not change keep their vector
    /// and terms.
    fn set_facts(&mut self, facts: &[Fact], embedder: &dyn Embedder) {
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
                    kept.update(fact);
                }
            }
        }
        if aligned {
            let known = self.facts.len();
            for fact in &facts[known..] {
                self.push_fact(fresh_fact(fact, embedder));
            }
        } else {
            self.replace_all_facts(facts, embedder);
        }
        self.fact_bytes = self.facts.iter().map(MemoryFact::bytes).sum();
        self.find_answer_hints();
    }

    /// [`set_facts`](Self::set_facts) when the facts do not line up with those held.
    fn replace_all_facts(&mut self, facts: &[Fact], embedder: &dyn Embedder) {
        let old_facts = std::mem::take(&mut self.facts);
        let old_vectors = std::mem::take(&mut self.fact_vectors);
        let mut known: HashMap<(u64, &str), usize> = old_facts
            .iter()
            .enumerate()
            .map(|(i, m)| ((m.fact.id, m.fact.statement.as_str()), i))
            .collect();
        let mut kept_vectors = Vec::with_capacity(facts.len());
        for f in facts {
            kept_vectors.push(known.remove(&(f.id, f.statement.as_str())));
        }
        let mut old_facts: Vec<Option<MemoryFact>> = old_facts.into_iter().map(Some).collect();
        for (f, kept) in facts.iter().zip(kept_vectors) {
            match kept.and_then(|i| Some((i, old_facts[i].take()?))) {
                Some((i, mut kept)) => {
                    kept.update(f);
                    let vector: Vec<f32> = old_vectors.row(i).collect();
                    self.push_fact((kept, vector));
                }
                None => self.push_fact(fresh_fact(f, embedder)),
            }
        }
    }

    /// Appends a fact and its vector (the first vector sets the vectors' length).
    fn push_fact(&mut self, (memory_fact, vector): (MemoryFact, Vec<f32>)) {
        if self.fact_vectors.is_empty() && self.fact_vectors.dim() != vector.len() {
            self.fact_vectors = ExactVectors::new(vector.len());
        }
        self.fact_vectors.push(&vector);
        self.fact_bytes += memory_fact.bytes();
        self.facts.push(memory_fact);
    }

    /// Finds, among the facts, the answer hints inferred here and the user's stated name.
    fn find_answer_hints(&mut self) {
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
        self.index_bytes() + self.turn_bytes + self.fact_bytes + self.fact_vectors.memory_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_models::StaticEmbedder;
    use rapport_store::conformance::fact;

    /// A fact as a memory holds it: the fact, its terms, lines and token costs, its vector's bits.
    type Shown = (Fact, Vec<String>, String, usize, String, usize, Vec<u32>);

    /// What a memory shows of its facts, to compare a memory updated in place with one built
    /// from scratch.
    fn shown(m: &UserMemory) -> Vec<Shown> {
        (m.facts.iter().enumerate())
            .map(|(i, f)| {
                let row = m.fact_vectors.row(i).map(f32::to_bits).collect();
                let (line, past) = (f.line.to_string(), f.past_line.to_string());
                (
                    f.fact.clone(),
                    f.terms.clone(),
                    line,
                    f.line_tokens,
                    past,
                    f.past_tokens,
                    row,
                )
            })
            .collect()
    }

    fn assert_same(updated: &UserMemory, built: &UserMemory) {
        assert!(shown(updated) == shown(built));
        assert_eq!(updated.style, built.style);
        assert_eq!(updated.stated_name, built.stated_name);
        assert_eq!(updated.fact_bytes, built.fact_bytes);
    }

    #[test]
    fn facts_updated_in_place_match_a_memory_built_from_them() {
        let embedder = StaticEmbedder::builtin();
        let inferred = |id, key, value| Fact {
            source: rapport_core::Source::Inferred,
            ..fact(id, key, value)
        };
        let before = vec![
            fact(1, "identity.name", "Ana"),
            fact(2, "location.city", "Lyon"),
            inferred(3, "style.verbosity", "short"),
            inferred(5, "style.formality", "casual"),
        ];
        let mut after = before.clone();
        after[0].value = "Anna".into(); // a new value, statement unchanged
        after[1].statement = "I live in Nice.".into(); // a new statement: a new vector
        after[2].valid_to = Some(after[2].valid_from); // no longer current: its lines change
        after.push(fact(4, "work.job", "nurse"));
        let built = UserMemory::build(&[], &after, 2, &embedder);
        assert_eq!(built.style, [3]);
        assert_eq!(built.stated_name.as_deref(), Some("Anna"));

        let mut changed = UserMemory::build(&[], &before, 1, &embedder);
        changed.replace_facts(&after, Some((1, &[0, 1, 2, 4])), 2, &embedder);
        assert_same(&changed, &built);

        let mut compared = UserMemory::build(&[], &before, 1, &embedder);
        compared.replace_facts(&after, None, 2, &embedder);
        assert_same(&compared, &built);

        // Facts that no longer line up (one removed, the rest reordered) are matched by id.
        let reordered = vec![
            after[4].clone(),
            after[1].clone(),
            after[0].clone(),
            after[3].clone(),
        ];
        let mut matched = UserMemory::build(&[], &before, 1, &embedder);
        matched.replace_facts(&reordered, Some((1, &[0])), 2, &embedder);
        assert_same(&matched, &UserMemory::build(&[], &reordered, 2, &embedder));
    }

    #[test]
    fn turns_prepared_beforehand_match_turns_added_directly() {
        use rapport_core::{Action, EventBody, Verb};
        use rapport_store::conformance::message;

        let embedder = StaticEmbedder::builtin();
        let texts = [
            "I adopted a puppy called Biscuit last May.",
            "",
            "We moved to Lyon for my new job at the hospital.",
            "What do you think about support groups?",
            "My sister plays the cello in an orchestra.",
        ];
        let events: Vec<StoredEvent> = (texts.iter().enumerate())
            .map(|(i, text)| {
                let mut event = message("t", "u", &format!("e{i}"), i as u32, text);
                if text.is_empty() {
                    event.body = EventBody::Action(Action {
                        verb: Verb::Rate,
                        item: "film-1".into(),
                        value: Some(4.0),
                    });
                }
                StoredEvent {
                    seq: i as u64 + 1,
                    event,
                }
            })
            .collect();
        let mut cited = fact(1, "pet.dog", "Biscuit");
        cited.evidence = vec![events[0].event.id.clone(), events[4].event.id.clone()];
        let facts = vec![cited, fact(2, "location.city", "Lyon")];

        let mut direct = UserMemory::build(&events[..2], &facts, 1, &embedder);
        direct.add_turns(&events, &facts, &embedder);
        // Prepared from the whole batch, two of whose events the memory holds already.
        let mut prepared = UserMemory::build(&events[..2], &facts, 1, &embedder);
        prepared.add_prepared(PreparedTurns::new(&events, &facts, &embedder));
        let built = UserMemory::build_prepared(
            PreparedTurns::new(&events, &facts, &embedder),
            &facts,
            1,
            &embedder,
        );
        for memory in [&prepared, &built] {
            assert_eq!(memory.seq, 5);
            assert_eq!(format!("{:?}", memory.turns), format!("{:?}", direct.turns));
            assert_eq!(format!("{:?}", memory.index), format!("{:?}", direct.index));
            assert_eq!(memory.turn_by_id, direct.turn_by_id);
            assert_eq!(memory.speaker_name, direct.speaker_name);
            assert_eq!(memory.turn_bytes, direct.turn_bytes);
            assert_same(memory, &direct);
        }
        assert_eq!(direct.turns.len(), 4, "the action has no turn");
    }
}
