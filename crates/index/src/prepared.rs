//! [`PreparedDoc`]: the costly part of adding an item to a [`UserIndex`](crate::UserIndex)
//! (embedding it, finding its terms), done without the index, e.g. on another thread while the
//! item is not yet to be shown.

use rapport_core::Embedder;

use crate::doc::Doc;
use crate::stem::stem;
use crate::time_query::mentions_time;
use crate::tokenize::{is_stopword, words};

/// Weight of a [`Doc::keys`] term relative to a term of the item's own text.
const KEY_WEIGHT: f32 = 0.4;

/// An item with its terms, time hint and vector computed, ready for
/// [`UserIndex::add_prepared`](crate::UserIndex::add_prepared).
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedDoc {
    pub(crate) doc: Doc,
    pub(crate) terms: Vec<(String, f32)>,
    pub(crate) mentions_time: bool,
    pub(crate) vector: Option<Vec<f32>>,
}

impl PreparedDoc {
    /// The item with its vector (from the same embedder that will embed queries), if any.
    pub fn new(doc: Doc, vector: Option<Vec<f32>>) -> Self {
        let own = words(&doc.text);
        let mut terms: Vec<(String, f32)> = index_terms(&own, 1.0);
        let mut time_hint = mentions_time(&own);
        for key in &doc.keys {
            let key_words = words(key);
            time_hint |= mentions_time(&key_words);
            terms.extend(index_terms(&key_words, KEY_WEIGHT));
        }
        Self {
            doc,
            terms,
            mentions_time: time_hint,
            vector,
        }
    }

    /// The item embedded with `embedder` (its text followed by its keys).
    pub fn embedded(doc: Doc, embedder: &dyn Embedder) -> Self {
        let vector = embedder.embed(&embedding_text(&doc));
        Self::new(doc, Some(vector))
    }

    /// The item itself.
    pub fn doc(&self) -> &Doc {
        &self.doc
    }
}

/// The text embedded for an item: its own text followed by its keys.
pub fn embedding_text(doc: &Doc) -> String {
    let mut text = doc.text.clone();
    for key in &doc.keys {
        text.push_str(". ");
        text.push_str(key);
    }
    text
}

fn index_terms(words: &[String], weight: f32) -> Vec<(String, f32)> {
    let stems: Vec<String> = words
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(w))
        .collect();
    let mut terms: Vec<(String, f32)> = stems.iter().map(|s| (s.clone(), weight)).collect();
    terms.extend(bigrams(&stems).map(|b| (b, weight)));
    terms
}

/// Pairs of consecutive content terms ("support group"), indexed as one term each.
fn bigrams(stems: &[String]) -> impl Iterator<Item = String> + '_ {
    stems.windows(2).map(|p| format!("{} {}", p[0], p[1]))
}
