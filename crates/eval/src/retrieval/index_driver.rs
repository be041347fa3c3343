//! [`IndexRetriever`]: the retrieval protocol run directly on `rapport-index`, one
//! [`UserIndex`] per scope holding every turn under the scope's user.

use std::collections::HashMap;

use rapport_core::Embedder;
use rapport_index::{Doc, DocKind, Query, Tuning, UserIndex};

use super::records::{Question, Scope, parse_time};
use super::{MIN_RANKED, Retriever};

/// How many hits to ask the index for (more than any reported cut-off).
const DEPTH: usize = 50;

/// Ingests each scope's turns into a fresh [`UserIndex`] (speaker, session and session time
/// kept; an image caption becomes a key of its turn) and searches it.
pub struct IndexRetriever<'e> {
    embedder: Option<&'e dyn Embedder>,
    tuning: Tuning,
    index: UserIndex,
    /// Turn ids in order of ingestion, for padding short result lists.
    turn_ids: Vec<String>,
}

impl<'e> IndexRetriever<'e> {
    /// A retriever with the given embedder (none: lexical only) and tuning.
    pub fn new(embedder: Option<&'e dyn Embedder>, tuning: Tuning) -> Self {
        Self {
            embedder,
            tuning,
            index: UserIndex::new(),
            turn_ids: Vec::new(),
        }
    }
}

/// The documents of a scope, in order: one per turn, timed by its session.
pub fn scope_docs(scope: &Scope) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut time = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    for session in &scope.sessions {
        if let Some(t) = session.time.as_deref().and_then(parse_time) {
            time = t;
        }
        for turn in &session.turns {
            docs.push(Doc {
                id: turn.turn_id.clone(),
                text: turn.text.clone(),
                speaker: turn.speaker.clone().or_else(|| turn.role.clone()),
                time,
                session: Some(session.session_id.clone()),
                seq: docs.len() as u64 + 1,
                kind: DocKind::Turn,
                keys: turn.image_caption.iter().cloned().collect(),
                current: true,
            });
        }
    }
    docs
}

impl IndexRetriever<'_> {
    /// The index of the scope ingested last.
    pub fn index(&self) -> &UserIndex {
        &self.index
    }

    /// The tuning in use.
    pub fn tuning(&self) -> &Tuning {
        &self.tuning
    }
}

impl Retriever for IndexRetriever<'_> {
    fn ingest(&mut self, scope: &Scope) {
        self.index = UserIndex::new();
        self.turn_ids.clear();
        for doc in scope_docs(scope) {
            self.turn_ids.push(doc.id.clone());
            match self.embedder {
                Some(e) => self.index.add_embedded(doc, e),
                None => self.index.add(doc, None),
            }
        }
    }

    fn retrieve(&mut self, _scope: &Scope, question: &Question) -> Vec<String> {
        let query = Query {
            text: question.question.clone(),
            time: question.time.as_deref().and_then(parse_time),
            limit: DEPTH,
        };
        let hits = self.index.search_with(&query, self.embedder, &self.tuning);
        let mut ranked: Vec<String> = hits
            .into_iter()
            .filter(|h| h.kind == DocKind::Turn)
            .map(|h| h.id)
            .collect();
        if ranked.len() < MIN_RANKED {
            let mut seen: HashMap<&str, ()> = ranked.iter().map(|r| (r.as_str(), ())).collect();
            let mut pad = Vec::new();
            for id in self.turn_ids.iter().rev() {
                if ranked.len() + pad.len() >= MIN_RANKED {
                    break;
                }
                if seen.insert(id.as_str(), ()).is_none() {
                    pad.push(id.clone());
                }
            }
            ranked.extend(pad);
        }
        ranked
    }
}
