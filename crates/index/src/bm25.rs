//! A compact in-memory inverted index with Okapi BM25 scoring, for one user's documents.

use crate::hash::FxHashMap;

/// Term-frequency saturation (the usual default).
pub const K1: f32 = 1.2;
/// Length normalization (the usual default).
pub const B: f32 = 0.75;

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    tf: f32,
}

/// The postings of one term (16 bytes inline). Most terms of a user occur in one document
/// only, so that case takes no allocation.
#[derive(Debug, Clone)]
enum Postings {
    One(Posting),
    #[allow(clippy::box_collection)] // the box keeps the common `One` case small
    Many(Box<Vec<Posting>>),
}

impl Postings {
    fn as_slice(&self) -> &[Posting] {
        match self {
            Self::One(p) => std::slice::from_ref(p),
            Self::Many(list) => list,
        }
    }

    fn add(&mut self, doc: u32, tf: f32) {
        match self {
            Self::One(p) if p.doc == doc => p.tf += tf,
            Self::One(p) => *self = Self::Many(Box::new(vec![*p, Posting { doc, tf }])),
            Self::Many(list) => match list.last_mut() {
                Some(p) if p.doc == doc => p.tf += tf,
                _ => list.push(Posting { doc, tf }),
            },
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Self::One(_) => 0,
            Self::Many(list) => 24 + list.capacity() * std::mem::size_of::<Posting>(),
        }
    }
}

/// A 64-bit FNV-1a hash standing in for the term itself: a user's vocabulary is far too small
/// for collisions to matter, and no term text is kept.
fn term_key(term: &str) -> u64 {
    term.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Postings and document lengths. Documents are numbered densely from 0 in order of addition.
#[derive(Debug, Default, Clone)]
pub struct Bm25 {
    vocab: FxHashMap<u64, u32>,
    postings: Vec<Postings>,
    doc_len: Vec<f32>,
    total_len: f64,
}

impl Bm25 {
    /// Adds the next document as weighted terms (a term may repeat; weights add up).
    pub fn add(&mut self, terms: &[(String, f32)]) -> u32 {
        let doc = self.doc_len.len() as u32;
        let mut len = 0.0;
        for (term, weight) in terms {
            len += weight;
            match self.vocab.get(&term_key(term)) {
                Some(id) => self.postings[*id as usize].add(doc, *weight),
                None => {
                    self.vocab
                        .insert(term_key(term), self.postings.len() as u32);
                    self.postings
                        .push(Postings::One(Posting { doc, tf: *weight }));
                }
            }
        }
        self.doc_len.push(len);
        self.total_len += f64::from(len);
        doc
    }

    fn list(&self, term: &str) -> &[Posting] {
        self.vocab
            .get(&term_key(term))
            .map_or(&[], |id| self.postings[*id as usize].as_slice())
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.doc_len.len()
    }

    /// Number of documents containing `term`.
    pub fn doc_freq(&self, term: &str) -> usize {
        self.list(term).len()
    }

    /// Robertson–Spärck Jones idf, kept positive: `ln(1 + (N - df + 0.5) / (df + 0.5))`.
    pub fn idf(&self, term: &str) -> f32 {
        let n = self.len() as f32;
        let df = self.doc_freq(term) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Adds each document's BM25 score (with parameters `k1` and `b`) for the weighted query
    /// terms into `scores` (indexed by document number, at least [`len`](Self::len) long).
    pub fn score_into(&self, query: &[(String, f32)], (k1, b): (f32, f32), scores: &mut [f32]) {
        if self.doc_len.is_empty() {
            return;
        }
        let avg = (self.total_len / self.doc_len.len() as f64).max(1e-6) as f32;
        for (term, weight) in query {
            let idf = self.idf(term) * weight;
            for p in self.list(term) {
                let norm = k1 * (1.0 - b + b * self.doc_len[p.doc as usize] / avg);
                scores[p.doc as usize] += idf * p.tf * (k1 + 1.0) / (p.tf + norm);
            }
        }
    }

    /// Term frequency of `term` in every document that contains it, as `(doc, tf)`.
    pub fn postings(&self, term: &str) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.list(term).iter().map(|p| (p.doc, p.tf))
    }

    /// Length (sum of term weights) of a document.
    pub fn doc_len(&self, doc: u32) -> f32 {
        self.doc_len[doc as usize]
    }

    /// Mean document length.
    pub fn avg_len(&self) -> f32 {
        (self.total_len / self.doc_len.len().max(1) as f64).max(1e-6) as f32
    }

    /// Releases spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.vocab.shrink_to_fit();
        self.postings.shrink_to_fit();
        self.doc_len.shrink_to_fit();
        for list in &mut self.postings {
            if let Postings::Many(l) = list {
                l.shrink_to_fit();
            }
        }
    }

    /// Approximate heap and inline size in bytes.
    pub fn memory_bytes(&self) -> usize {
        // A hash-map slot holds the key, the value and a control byte; count ~8/7 load.
        let vocab = self.vocab.capacity() * (8 + 4 + 1) * 8 / 7;
        let lists = self.postings.capacity() * std::mem::size_of::<Postings>()
            + self
                .postings
                .iter()
                .map(Postings::heap_bytes)
                .sum::<usize>();
        vocab + lists + self.doc_len.capacity() * 4 + std::mem::size_of::<Self>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_costs_sixteen_bytes_inline() {
        assert_eq!(std::mem::size_of::<Postings>(), 16);
    }

    fn doc(words: &str) -> Vec<(String, f32)> {
        words
            .split_whitespace()
            .map(|w| (w.to_string(), 1.0))
            .collect()
    }

    /// BM25 computed the textbook way, one document at a time.
    fn reference(docs: &[&str], query: &str) -> Vec<f32> {
        let n = docs.len() as f32;
        let lens: Vec<f32> = docs
            .iter()
            .map(|d| d.split_whitespace().count() as f32)
            .collect();
        let avg = lens.iter().sum::<f32>() / n;
        docs.iter()
            .zip(&lens)
            .map(|(d, len)| {
                query
                    .split_whitespace()
                    .map(|q| {
                        let df = docs
                            .iter()
                            .filter(|d| d.split_whitespace().any(|w| w == q))
                            .count() as f32;
                        let tf = d.split_whitespace().filter(|w| *w == q).count() as f32;
                        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg))
                    })
                    .sum()
            })
            .collect()
    }

    #[test]
    fn matches_reference_scorer() {
        let docs = ["a b c a", "b d", "c c c e f", "a", "g h i j k l"];
        let mut index = Bm25::default();
        for d in docs {
            index.add(&doc(d));
        }
        for query in ["a", "c", "a b", "e z", "b c d a"] {
            let mut got = vec![0.0; docs.len()];
            index.score_into(&doc(query), (K1, B), &mut got);
            for (g, want) in got.iter().zip(reference(&docs, query)) {
                assert!((g - want).abs() < 1e-5, "{query}: {got:?}");
            }
        }
    }
}
