//! From cue strength to a probability of being right, and the population prior of each
//! attribute. Both are fitted on the tune half of the development users only, by
//! `scripts/fit_attribute_calibration.py` (its output is pasted below; the holdout half was not
//! read): a cue estimate's probability is the accuracy of the tune estimates of the same
//! attribute and strength bin, shrunk toward the attribute's accuracy and made non-decreasing
//! in strength (how strongly to shrink is chosen by leave-one-user-out log loss on the tune
//! users); a prior is the value right for most tune users and how often it is.

use crate::Attribute;

/// Upper ends of the first two strength bins; the third is everything above.
const BINS: [f32; 2] = [0.2, 0.4];

/// A stated age ("I'm 34"): no tune user states one, so this is not fitted; a statement is
/// taken as nearly certain, short of the ±5 years a statement can miss by a birthday or a fib.
pub const STATED_AGE: f32 = 0.9;

// Fitted on 74 tune users, 373 cue estimates (pooled accuracy 0.595); K_BIN=2.0, K_ATTR=4.0 (of
// [2, 4, 8, 16, 32, 64] x [4, 8, 16, 32, 64]: the least leave-one-user-out log loss, 0.6277 per
// estimate).
const CUE: [(Attribute, [f32; 3]); 8] = [
    (Attribute::Age, [0.614, 0.614, 0.644]), // right/estimates by bin: 18/28 17/29 11/17
    (Attribute::Sex, [0.960, 0.960, 0.975]), // right/estimates by bin: 3/3 3/3 6/6
    (Attribute::City, [0.599, 0.599, 0.599]), // right/estimates by bin: 3/3 3/7 0/0
    (Attribute::Birthplace, [0.599, 0.599, 0.599]), // right/estimates by bin: 6/10 0/0 0/0
    (Attribute::Education, [0.507, 0.685, 0.871]), // right/estimates by bin: 16/32 20/29 4/4
    (Attribute::Occupation, [0.148, 0.685, 0.873]), // right/estimates by bin: 0/7 24/35 17/19
    (Attribute::Income, [0.480, 0.671, 0.785]), // right/estimates by bin: 20/42 19/28 2/2
    (Attribute::Relationship, [0.331, 0.648, 0.824]), // right/estimates by bin: 18/55 3/4 9/10
];

/// Priors right for at least 0.2 of the tune users (none for cities, birthplaces and
/// occupations: the most common one is right for under a tenth).
const PRIOR: [(Attribute, &str, f32); 5] = [
    (Attribute::Age, "28", 0.392),
    (Attribute::Sex, "female", 0.527),
    (Attribute::Education, "master's", 0.419),
    (Attribute::Income, "middle", 0.446),
    (Attribute::Relationship, "single", 0.257),
];

/// The calibrated confidence of a cue-based estimate of `a` with raw strength `raw`.
pub fn cue(a: Attribute, raw: f32) -> f32 {
    let bin = BINS.iter().take_while(|&&b| raw >= b).count();
    CUE.iter()
        .find(|(x, _)| *x == a)
        .map_or(0.0, |(_, p)| p[bin])
}

/// The population prior of `a`: its most common value and how often that is right.
pub fn prior(a: Attribute) -> Option<(&'static str, f32)> {
    PRIOR
        .iter()
        .find(|(x, _, _)| *x == a)
        .map(|&(_, value, p)| (value, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_never_falls_as_cues_strengthen() {
        for a in Attribute::ALL {
            let c: Vec<f32> = [0.0, 0.1, 0.2, 0.3, 0.4, 0.9].map(|r| cue(a, r)).to_vec();
            assert!(c.windows(2).all(|w| w[0] <= w[1]), "{a:?} {c:?}");
            assert!(c.iter().all(|p| (0.0..=1.0).contains(p)));
        }
        assert_eq!(cue(Attribute::Occupation, 0.5), 0.873);
        assert_eq!(prior(Attribute::City), None);
    }
}
