//! Ranking: lexical and vector scores fused, spread to neighbouring turns, then boosted by who
//! speaks, when, how recent, and whether a fact still holds.

use rapport_core::Embedder;

use crate::doc::{Components, DocKind, Hit, Query};
use crate::fusion::{normalize_above_mean, normalize_by_max, rrf_into, top_k};
use crate::query_plan::QueryPlan;
use crate::tuning::{Fusion, Tuning};
use crate::user_index::{NONE, UserIndex};

impl UserIndex {
    /// The items that best answer `query`, best first, at most `query.limit`. The embedder must
    /// be the one that produced the stored vectors; without one, ranking is lexical.
    pub fn search(&self, query: &Query, embedder: Option<&dyn Embedder>) -> Vec<Hit> {
        self.search_with(query, embedder, &Tuning::default())
    }

    /// [`search`](Self::search) with explicit [`Tuning`].
    pub fn search_with(
        &self,
        query: &Query,
        embedder: Option<&dyn Embedder>,
        tuning: &Tuning,
    ) -> Vec<Hit> {
        if self.docs.is_empty() || query.limit == 0 {
            return Vec::new();
        }
        let vector = embedder
            .filter(|_| !self.vectors.is_empty())
            .map(|e| e.embed(&query.text));
        self.search_embedded(query, vector.as_deref(), tuning)
    }

    /// [`search_with`](Self::search_with) for a query already embedded (by the embedder that
    /// produced the stored vectors), so a caller that needs the query's vector for something
    /// else too embeds it once. Without a vector, ranking is lexical.
    pub fn search_embedded(
        &self,
        query: &Query,
        vector: Option<&[f32]>,
        tuning: &Tuning,
    ) -> Vec<Hit> {
        let n = self.docs.len();
        if n == 0 || query.limit == 0 {
            return Vec::new();
        }
        let plan = QueryPlan::new(query, self, tuning.name_weight, tuning.bigram);
        let mut lexical = vec![0.0f32; n];
        self.bm25
            .score_into(&plan.terms, (tuning.k1, tuning.b), &mut lexical);
        let mut cosines = Vec::new();
        let embedded = vector
            .filter(|_| !self.vectors.is_empty())
            .is_some_and(|v| self.vectors.cosines_into(v, &mut cosines));
        if !embedded {
            cosines.clear();
            cosines.resize(n, 0.0);
        }

        let mut context = vec![0.0f32; n];
        self.context_scores_into(
            &plan.terms,
            tuning.context_share,
            (tuning.k1, tuning.b),
            &mut context,
        );
        normalize_by_max(&mut context);
        let fused = fuse(&lexical, &cosines, &context, tuning);
        let session_best = self.session_best(&fused);
        let neighbours = self.neighbour_scores(&fused, tuning);
        let (earliest, latest) = self.time_span();
        // What the item inherits from its session and neighbours, and its boost.
        let adjust = |i: usize| {
            let doc = &self.docs[i];
            let neighbour = neighbours[i];
            let mut boost = 1.0;
            if plan.speakers.contains(&doc.speaker) {
                boost += tuning.speaker_boost;
            }
            if plan.range.is_some_and(|r| {
                r.contains(chrono::DateTime::from_timestamp(doc.time, 0).unwrap_or_default())
            }) {
                boost += tuning.range_boost;
            }
            if plan.asks_when && doc.mentions_time {
                boost += tuning.when_boost;
            }
            if plan.asks_latest && latest > earliest {
                boost += tuning.recency_boost * (doc.time - earliest) as f32
                    / (latest - earliest) as f32;
            }
            if doc.kind == DocKind::Fact && !doc.current && !plan.asks_past {
                boost *= tuning.superseded;
            }
            let session = if doc.session == 0 {
                0.0
            } else {
                session_best[doc.session as usize]
            };
            (neighbour + tuning.session * session, boost)
        };
        let final_scores: Vec<f32> = (0..n)
            .map(|i| {
                let (neighbour, boost) = adjust(i);
                (fused[i] + neighbour) * boost
            })
            .collect();
        top_k(&final_scores, query.limit, 0.0)
            .into_iter()
            .map(|(i, score)| {
                let i = i as usize;
                let doc = &self.docs[i];
                let (neighbour, boost) = adjust(i);
                Hit {
                    id: doc.id.to_string(),
                    kind: doc.kind,
                    score,
                    components: Components {
                        bm25: lexical[i],
                        vector: cosines[i],
                        fused: fused[i],
                        neighbour,
                        boost,
                    },
                }
            })
            .collect()
    }
}

impl UserIndex {
    /// The best fused score within each session, by session number (0: no session).
    fn session_best(&self, fused: &[f32]) -> Vec<f32> {
        let mut best = vec![0.0f32; self.session_count() + 1];
        for (doc, score) in self.docs.iter().zip(fused) {
            let b = &mut best[doc.session as usize];
            *b = b.max(*score);
        }
        best
    }

    /// What each turn inherits from the turns around it in its session: at each distance `d`
    /// up to the window, the better of the two turns there, weighted `neighbour × decay^(d-1)`.
    ///
    /// Each session's turns are gathered in order once (following `next` from the session's
    /// first turn) with their scores side by side, so the window reads neighbouring slots
    /// instead of chasing `prev` and `next` links from every turn. The sums are the same, term
    /// by term, as [`neighbour_score`](Self::neighbour_score)'s (a proptest compares the bits).
    fn neighbour_scores(&self, fused: &[f32], tuning: &Tuning) -> Vec<f32> {
        let mut out = vec![0.0f32; self.docs.len()];
        let (mut members, mut scores) = (Vec::new(), Vec::new());
        for (head, doc) in self.docs.iter().enumerate() {
            // A session's first turn; an item with no neighbour inherits 0.
            if doc.prev != NONE || doc.next == NONE {
                continue;
            }
            members.clear();
            scores.clear();
            let mut at = head as u32;
            while at != NONE {
                members.push(at);
                scores.push(fused[at as usize]);
                at = self.docs[at as usize].next;
            }
            for (p, &i) in members.iter().enumerate() {
                let (mut total, mut weight) = (0.0, tuning.neighbour);
                for d in 1..=tuning.neighbour_window {
                    let back = p.checked_sub(d).map(|k| scores[k]);
                    let ahead = scores.get(p + d).copied();
                    if back.is_none() && ahead.is_none() {
                        break;
                    }
                    total += weight * back.unwrap_or(0.0).max(ahead.unwrap_or(0.0));
                    weight *= tuning.neighbour_decay;
                }
                out[i as usize] = total;
            }
        }
        out
    }

    /// What one turn inherits from the turns around it, following the links: the obvious
    /// version of [`neighbour_scores`](Self::neighbour_scores).
    #[cfg(test)]
    fn neighbour_score(&self, i: usize, fused: &[f32], tuning: &Tuning) -> f32 {
        let (mut back, mut ahead) = (self.docs[i].prev, self.docs[i].next);
        let (mut total, mut weight) = (0.0, tuning.neighbour);
        for _ in 0..tuning.neighbour_window {
            if back == NONE && ahead == NONE {
                break;
            }
            let score = |j: u32| if j == NONE { 0.0 } else { fused[j as usize] };
            total += weight * score(back).max(score(ahead));
            weight *= tuning.neighbour_decay;
            back = if back == NONE {
                NONE
            } else {
                self.docs[back as usize].prev
            };
            ahead = if ahead == NONE {
                NONE
            } else {
                self.docs[ahead as usize].next
            };
        }
        total
    }
}

/// One relevance score per item from the lexical and vector scores.
fn fuse(lexical: &[f32], cosines: &[f32], context: &[f32], tuning: &Tuning) -> Vec<f32> {
    match tuning.fusion {
        Fusion::Weighted => {
            let mut lex = lexical.to_vec();
            normalize_by_max(&mut lex);
            let mut vec = cosines.to_vec();
            normalize_above_mean(&mut vec);
            lex.iter()
                .zip(&vec)
                .zip(context)
                .map(|((l, v), c)| tuning.lexical * l + tuning.vector * v + tuning.context * c)
                .collect()
        }
        Fusion::Rrf(k) => {
            let mut out = vec![0.0; lexical.len()];
            for (scores, weight) in [
                (lexical, tuning.lexical),
                (cosines, tuning.vector),
                (context, tuning.context),
            ] {
                let ranked: Vec<u32> = top_k(scores, 200, 0.0)
                    .into_iter()
                    .map(|(i, _)| i)
                    .collect();
                rrf_into(&ranked, weight, k, &mut out);
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;

    use super::*;
    use crate::doc::Doc;

    proptest! {
        #[test]
        fn neighbour_scores_are_the_linked_walks_bit_for_bit(
            sessions in proptest::collection::vec(proptest::option::of(0u8..4), 0..40),
            fused in proptest::collection::vec(0.0f32..3.0, 40),
            window in 0usize..7,
        ) {
            let mut index = UserIndex::new();
            let time = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
            for (i, session) in sessions.iter().enumerate() {
                let mut doc = Doc::turn(format!("t{i}"), "hello there", time, i as u64);
                doc.session = session.map(|s| format!("s{s}"));
                index.add(doc, None);
            }
            let tuning = Tuning { neighbour_window: window, ..Tuning::default() };
            let fused = &fused[..sessions.len()];
            let fast = index.neighbour_scores(fused, &tuning);
            for (i, got) in fast.iter().enumerate() {
                let want = index.neighbour_score(i, fused, &tuning);
                prop_assert_eq!(got.to_bits(), want.to_bits(), "item {}", i);
            }
        }
    }
}
