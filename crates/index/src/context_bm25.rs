//! Context BM25: each turn scored as if it were joined with its neighbouring turns (at a lower
//! weight), so a question whose words are spread over an exchange ("what do you do for fun?" /
//! "pottery!") still finds the turn that answers it.

use crate::user_index::{NONE, UserIndex};

impl UserIndex {
    /// Adds each turn's context BM25 for the weighted query `terms` into `scores`: term
    /// frequencies and lengths of the adjacent turns count `share` times their own.
    pub(crate) fn context_scores_into(
        &self,
        terms: &[(String, f32)],
        share: f32,
        (k1, b): (f32, f32),
        scores: &mut [f32],
    ) {
        let n = self.docs.len();
        if n == 0 || share <= 0.0 {
            return;
        }
        let window_len = |i: usize| {
            let d = &self.docs[i];
            let side = |j: u32| if j == NONE { 0.0 } else { self.bm25.doc_len(j) };
            self.bm25.doc_len(i as u32) + share * (side(d.prev) + side(d.next))
        };
        let avg = self.bm25.avg_len() * (1.0 + 2.0 * share);
        let mut tf = vec![0.0f32; n];
        let mut touched = Vec::new();
        for (term, weight) in terms {
            let idf = self.bm25.idf(term) * weight;
            touched.clear();
            for (doc, f) in self.bm25.postings(term) {
                let meta = &self.docs[doc as usize];
                for (j, w) in [(doc, 1.0), (meta.prev, share), (meta.next, share)] {
                    if j != NONE {
                        if tf[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        tf[j as usize] += w * f;
                    }
                }
            }
            for &j in &touched {
                let f = tf[j as usize];
                let norm = k1 * (1.0 - b + b * window_len(j as usize) / avg);
                scores[j as usize] += idf * f * (k1 + 1.0) / (f + norm);
                tf[j as usize] = 0.0;
            }
        }
    }
}
