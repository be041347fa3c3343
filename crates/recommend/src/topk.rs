//! Top-k selection: the best `k` of many scored candidates without sorting them all.

use std::cmp::Ordering;

/// Orders (index, score) pairs best first: higher score, then lower index.
pub fn by_score_then_index(a: &(usize, f32), b: &(usize, f32)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The `k` best (index, score) pairs of `scores` whose index passes `keep`, best first (higher
/// score, ties by lower index). Runs in O(n + k log k).
pub fn top_k(scores: &[f32], k: usize, keep: impl Fn(usize) -> bool) -> Vec<(usize, f32)> {
    let mut candidates: Vec<(usize, f32)> = scores
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .collect();
    if k == 0 {
        return Vec::new();
    }
    if candidates.len() > k {
        candidates.select_nth_unstable_by(k - 1, by_score_then_index);
        candidates.truncate(k);
    }
    candidates.sort_by(by_score_then_index);
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn top_k_equals_a_full_sort(
            scores in proptest::collection::vec(-5i32..5, 0..200),
            k in 0usize..50,
            modulus in 1usize..5,
        ) {
            let scores: Vec<f32> = scores.into_iter().map(|s| s as f32 * 0.5).collect();
            let keep = |i: usize| i % modulus != 1;
            let fast = top_k(&scores, k, keep);
            let mut naive: Vec<(usize, f32)> =
                scores.iter().copied().enumerate().filter(|(i, _)| keep(*i)).collect();
            naive.sort_by(by_score_then_index);
            naive.truncate(k);
            prop_assert_eq!(fast, naive);
        }
    }
}
