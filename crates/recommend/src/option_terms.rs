//! The terms of a candidate answer, with what it says is absent spelled out: a candidate that
//! calls itself "vegan", "keto-friendly" or "dairy-free" promises to leave out what those words
//! exclude, so it meets a user who avoids cheese even though it never says "cheese". A food such
//! a candidate names anyway ("coconut milk" in a vegan mousse) is a substitute, not the thing
//! itself.

use std::collections::HashMap;

use crate::cues::IMPLIED_REJECTIONS;
use crate::kinds::kinds_of;
use crate::terms::{signed_terms, stem, words};

/// Weight of an absence the candidate implies rather than states.
const IMPLIED_WEIGHT: f32 = 0.5;

/// The candidate's terms: stated ones with their sign (+1 present, −1 absent), then implied
/// absences with weight `−IMPLIED_WEIGHT`.
pub fn candidate_terms(text: &str) -> HashMap<String, f32> {
    let mut map: HashMap<String, f32> = HashMap::new();
    for t in signed_terms(text) {
        map.entry(t.term).or_insert(t.sign);
    }
    let ws = words(text);
    let plant_based = ws.windows(2).any(|w| w[0] == "plant" && w[1] == "based");
    let mut implied: Vec<String> = ws
        .iter()
        .map(|w| {
            if plant_based && w == "plant" {
                "vegan"
            } else {
                w
            }
        })
        .filter_map(|w| IMPLIED_REJECTIONS.iter().find(|(k, _)| *k == w))
        .flat_map(|(_, foods)| foods.iter().map(|f| stem(f)))
        .collect();
    let absent: Vec<String> = map
        .iter()
        .filter(|(_, s)| **s < 0.0)
        .map(|(t, _)| t.clone())
        .collect();
    implied.extend(absent.iter().flat_map(|t| kinds_of(t)));
    for food in implied {
        map.entry(food)
            .and_modify(|s| *s = -s.abs())
            .or_insert(-IMPLIED_WEIGHT);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_words_imply_absences() {
        let terms = candidate_terms("Vegan chocolate mousse made with coconut milk");
        assert!(terms[&stem("milk")] < 0.0);
        assert!(terms[&stem("cheese")] < 0.0);
        let terms = candidate_terms("Dairy-free gelato and sorbet");
        assert!(terms[&stem("cream")] < 0.0);
        let terms = candidate_terms("A classic steak with butter");
        assert!(terms[&stem("butter")] > 0.0);
    }
}
