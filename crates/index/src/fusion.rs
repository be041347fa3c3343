//! Combining ranked signals: score normalization, weighted fusion, reciprocal-rank fusion, and a
//! fast top-k selection that returns exactly what a full sort would.

use std::cmp::Ordering;

/// Scales non-negative scores so the best is 1 (all zeros stay zeros).
pub fn normalize_by_max(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(0.0f32, f32::max);
    if max > 0.0 {
        scores.iter_mut().for_each(|s| *s /= max);
    }
}

/// Maps scores to `[0, 1]` by how far they rise above the mean, relative to the best: a signal
/// with a flat distribution (as cosine similarities often are) then contributes only its
/// stand-out documents.
pub fn normalize_above_mean(scores: &mut [f32]) {
    if scores.is_empty() {
        return;
    }
    let mean = scores.iter().sum::<f32>() / scores.len() as f32;
    let max = scores.iter().copied().fold(f32::MIN, f32::max);
    let span = max - mean;
    for s in scores.iter_mut() {
        *s = if span > 0.0 {
            ((*s - mean) / span).max(0.0)
        } else {
            0.0
        };
    }
}

/// Reciprocal-rank fusion: each list adds `weight / (k + rank)` (rank from 1) to its documents.
/// Documents are indices into `out`.
pub fn rrf_into(ranked: &[u32], weight: f32, k: f32, out: &mut [f32]) {
    for (rank, doc) in ranked.iter().enumerate() {
        out[*doc as usize] += weight / (k + rank as f32 + 1.0);
    }
}

/// The order of results: higher score first, then lower index (so results are deterministic).
pub fn by_score_desc(a: &(u32, f32), b: &(u32, f32)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The `k` best `(index, score)` pairs among the scores above `floor`, sorted by
/// [`by_score_desc`]. Runs in linear time plus `k log k`.
pub fn top_k(scores: &[f32], k: usize, floor: f32) -> Vec<(u32, f32)> {
    let mut items: Vec<(u32, f32)> = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > floor)
        .map(|(i, s)| (i as u32, *s))
        .collect();
    if k == 0 {
        return Vec::new();
    }
    if items.len() > k {
        items.select_nth_unstable_by(k - 1, by_score_desc);
        items.truncate(k);
    }
    items.sort_unstable_by(by_score_desc);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(scores: &[f32], k: usize, floor: f32) -> Vec<(u32, f32)> {
        let mut all: Vec<(u32, f32)> = scores
            .iter()
            .enumerate()
            .map(|(i, s)| (i as u32, *s))
            .collect();
        all.retain(|(_, s)| *s > floor);
        all.sort_by(by_score_desc);
        all.into_iter().take(k).collect()
    }

    proptest! {
        #[test]
        fn top_k_equals_full_sort(
            scores in proptest::collection::vec(prop_oneof![Just(0.0f32), Just(1.0f32), 0.0f32..10.0], 0..200),
            k in 0usize..50,
            floor in prop_oneof![Just(-1.0f32), Just(0.0f32), 0.0f32..5.0],
        ) {
            prop_assert_eq!(top_k(&scores, k, floor), naive(&scores, k, floor));
        }

        #[test]
        fn normalized_scores_stay_in_unit_range(scores in proptest::collection::vec(0.0f32..100.0, 0..50)) {
            let mut a = scores.clone();
            normalize_by_max(&mut a);
            let mut b = scores;
            normalize_above_mean(&mut b);
            prop_assert!(a.iter().chain(&b).all(|s| (0.0..=1.0).contains(s)));
        }
    }

    #[test]
    fn rrf_rewards_agreement() {
        let mut out = vec![0.0; 3];
        rrf_into(&[0, 1, 2], 1.0, 60.0, &mut out);
        rrf_into(&[1, 0, 2], 1.0, 60.0, &mut out);
        assert!(out[0] == out[1] && out[1] > out[2]);
    }
}
