//! [`UserIndex`]: everything needed to search one user's items, built incrementally.

use rapport_core::Embedder;

use crate::bm25::Bm25;
use crate::doc::{Doc, DocKind};
use crate::hash::FxHashMap;
use crate::prepared::PreparedDoc;
use crate::tokenize::{is_stopword, words};
use crate::vector::VectorStore;
/// Marks "no neighbour".
pub(crate) const NONE: u32 = u32::MAX;

/// What the index keeps of each item besides its terms and vector.
#[derive(Debug, Clone)]
pub(crate) struct DocMeta {
    pub id: Box<str>,
    pub kind: DocKind,
    pub current: bool,
    /// The item mentions a time ("yesterday", "in May"): a hint for "when" questions.
    pub mentions_time: bool,
    pub speaker: u16,
    pub time: i64,
    /// Session number (0: none).
    pub session: u32,
    /// Previous and next turn of the same session (or [`NONE`]).
    pub prev: u32,
    pub next: u32,
}

/// One user's searchable items: BM25 postings and quantized vectors over turns and facts.
/// Derived data, rebuildable from the event log and the profile; see [`UserIndex::search`].
#[derive(Debug, Default, Clone)]
pub struct UserIndex {
    pub(crate) docs: Vec<DocMeta>,
    pub(crate) bm25: Bm25,
    pub(crate) vectors: VectorStore,
    /// Speaker names, lowercase (index 0 is "no speaker").
    pub(crate) speakers: Vec<String>,
    /// Lowercase name words of each speaker, for spotting speakers in queries.
    pub(crate) speaker_words: FxHashMap<String, u16>,
    /// Number and last turn of each session, to link neighbours.
    last_in_session: FxHashMap<String, (u32, u32)>,
    /// Earliest and latest item time (0 and 0 while empty).
    earliest: i64,
    latest: i64,
}

impl UserIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self {
            speakers: vec![String::new()],
            ..Self::default()
        }
    }

    /// Adds an item with its vector (from the same embedder that will embed queries), if any.
    /// Turns of a session should be added in order of `seq`.
    pub fn add(&mut self, doc: Doc, vector: Option<Vec<f32>>) {
        self.add_prepared(PreparedDoc::new(doc, vector));
    }

    /// Adds an item prepared beforehand ([`PreparedDoc`]): the same as [`add`](Self::add) or
    /// [`add_embedded`](Self::add_embedded) of its item, without the embedding and term work.
    pub fn add_prepared(&mut self, prepared: PreparedDoc) {
        let PreparedDoc {
            doc,
            terms,
            mentions_time: time_hint,
            vector,
        } = prepared;
        let number = self.docs.len() as u32;
        self.bm25.add(&terms);
        self.vectors.push(vector.as_deref());

        let speaker = doc.speaker.as_deref().map_or(0, |s| self.speaker_number(s));
        let (mut prev, mut session_number) = (NONE, 0);
        if let (Some(session), DocKind::Turn) = (&doc.session, doc.kind) {
            let fresh = self.last_in_session.len() as u32 + 1;
            let entry = self
                .last_in_session
                .entry(session.clone())
                .or_insert((fresh, NONE));
            session_number = entry.0;
            prev = std::mem::replace(&mut entry.1, number);
            if prev != NONE {
                self.docs[prev as usize].next = number;
            }
        }
        let time = doc.time.timestamp();
        if self.docs.is_empty() {
            (self.earliest, self.latest) = (time, time);
        } else {
            self.earliest = self.earliest.min(time);
            self.latest = self.latest.max(time);
        }
        self.docs.push(DocMeta {
            id: doc.id.into_boxed_str(),
            kind: doc.kind,
            current: doc.current || doc.kind == DocKind::Turn,
            mentions_time: time_hint,
            speaker,
            session: session_number,
            time,
            prev,
            next: NONE,
        });
    }

    /// Embeds the item's text (and keys) with `embedder` and adds it.
    pub fn add_embedded(&mut self, doc: Doc, embedder: &dyn Embedder) {
        self.add_prepared(PreparedDoc::embedded(doc, embedder));
    }

    /// Marks the item `id` (typically a fact) as current or not, e.g. when a fact is
    /// superseded. Returns whether the item was found.
    pub fn set_current(&mut self, id: &str, current: bool) -> bool {
        match self.docs.iter_mut().find(|d| &*d.id == id) {
            Some(doc) => {
                doc.current = current;
                true
            }
            None => false,
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index holds no items.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Releases spare capacity, e.g. after a bulk build (the cache calls it on insert).
    pub fn shrink_to_fit(&mut self) {
        self.docs.shrink_to_fit();
        self.bm25.shrink_to_fit();
        self.vectors.shrink_to_fit();
    }

    /// Approximate memory held by the index, in bytes (item texts are not kept).
    pub fn memory_bytes(&self) -> usize {
        let docs: usize = self.docs.iter().map(|d| d.id.len()).sum::<usize>()
            + self.docs.capacity() * std::mem::size_of::<DocMeta>();
        let speakers: usize = self.speakers.iter().map(|s| s.len() + 24).sum::<usize>()
            + self
                .speaker_words
                .keys()
                .map(|k| k.len() + 40)
                .sum::<usize>();
        let sessions: usize = self.last_in_session.keys().map(|k| k.len() + 40).sum();
        docs + speakers + sessions + self.bm25.memory_bytes() + self.vectors.memory_bytes()
    }

    /// Earliest and latest item time, in seconds (0 and 0 while empty).
    pub(crate) fn time_span(&self) -> (i64, i64) {
        (self.earliest, self.latest)
    }

    /// Number of sessions seen.
    pub(crate) fn session_count(&self) -> usize {
        self.last_in_session.len()
    }

    fn speaker_number(&mut self, name: &str) -> u16 {
        let lower = name.to_lowercase();
        if let Some(i) = self.speakers.iter().position(|s| *s == lower) {
            return i as u16;
        }
        let number = self.speakers.len().min(u16::MAX as usize) as u16;
        for w in words(&lower) {
            if !is_stopword(&w) {
                self.speaker_words.entry(w).or_insert(number);
            }
        }
        self.speakers.push(lower);
        number
    }
}
