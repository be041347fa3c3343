//! Adding up weighted votes for the values of one attribute.

use std::collections::BTreeMap;

/// Votes for the values of one attribute; each vote names the text it came from.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    votes: BTreeMap<String, (f32, Vec<usize>)>,
}

/// The winner of a tally.
#[derive(Debug, Clone, PartialEq)]
pub struct Winner {
    /// The value with the most weight (ties: the alphabetically first).
    pub value: String,
    /// Its share of all weight, in (0, 1].
    pub share: f32,
    /// Its own weight.
    pub weight: f32,
    /// Texts that voted for it, ascending.
    pub texts: Vec<usize>,
}

/// Where votes go: a tally adds them up, a text's scan records them to add up later.
pub trait Votes {
    /// Adds a vote for `value` of `weight` from text `text`.
    fn add(&mut self, value: &str, weight: f32, text: usize);
}

impl Votes for Tally {
    fn add(&mut self, value: &str, weight: f32, text: usize) {
        Tally::add(self, value, weight, text);
    }
}

impl Tally {
    /// Adds a vote.
    pub fn add(&mut self, value: &str, weight: f32, text: usize) {
        let entry = self.votes.entry(value.to_string()).or_default();
        entry.0 += weight;
        if !entry.1.contains(&text) {
            entry.1.push(text);
        }
    }

    /// Total weight.
    pub fn total(&self) -> f32 {
        self.votes.values().map(|v| v.0).sum()
    }

    /// The value with the most weight, if any vote was cast.
    pub fn winner(&self) -> Option<Winner> {
        let total = self.total();
        let mut best: Option<(&String, &(f32, Vec<usize>))> = None;
        for (value, vote) in &self.votes {
            if best.is_none_or(|(_, b)| vote.0 > b.0) {
                best = Some((value, vote));
            }
        }
        best.filter(|_| total > 0.0)
            .map(|(value, (weight, texts))| {
                let mut texts = texts.clone();
                texts.sort_unstable();
                Winner {
                    value: value.clone(),
                    share: weight / total,
                    weight: *weight,
                    texts,
                }
            })
    }

    /// Weighted mean of numeric values (for age), with the texts that voted.
    pub fn mean(&self) -> Option<(f32, f32, Vec<usize>)> {
        let total = self.total();
        if total <= 0.0 {
            return None;
        }
        let mut sum = 0.0;
        let mut texts = Vec::new();
        for (value, (weight, ts)) in &self.votes {
            sum += value.parse::<f32>().ok()? * weight;
            texts.extend(ts);
        }
        texts.sort_unstable();
        texts.dedup();
        Some((sum / total, total, texts))
    }
}

/// A confidence from the winner's share and the evidence weight: saturates as weight grows,
/// never above `cap`.
pub fn confidence(share: f32, weight: f32, cap: f32) -> f32 {
    (share * (1.0 - (-weight / 2.0).exp()) * cap).clamp(0.0, cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winner_and_mean() {
        let mut t = Tally::default();
        t.add("married", 2.0, 3);
        t.add("single", 1.0, 1);
        t.add("married", 1.0, 0);
        let w = t.winner().unwrap();
        assert_eq!((w.value.as_str(), w.texts), ("married", vec![0, 3]));
        assert!((w.share - 0.75).abs() < 1e-6);
        let mut a = Tally::default();
        a.add("20", 1.0, 0);
        a.add("40", 3.0, 1);
        assert_eq!(a.mean().unwrap().0, 35.0);
        assert!(confidence(1.0, 10.0, 0.9) <= 0.9);
    }
}
