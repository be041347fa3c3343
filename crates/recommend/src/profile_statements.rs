//! Preference statements from learned facts, so facts and the user's own turns are scored the
//! same way.

use rapport_core::{Facet, Fact, Polarity};

use crate::stated::{PreferenceStatement, parse_sentence};
use crate::terms::{is_stopword, stem, words};

/// The statement a current preference, interest, identity or other fact makes, if any: its first-person
/// sentence parsed as the user's own words, else its value with the fact's polarity
/// ("likes:jazz" +, "dislikes:…" or negative polarity −).
pub fn statement_from_fact(fact: &Fact) -> Option<PreferenceStatement> {
    if !fact.is_current()
        || !matches!(
            fact.facet,
            Facet::Preference | Facet::Interest | Facet::Identity | Facet::Other
        )
    {
        return None;
    }
    if let Some(mut parsed) = parse_sentence(&fact.statement) {
        // The learner vouches that the statement is the user's preference, even when it is
        // worded impersonally ("Dislikes horror.").
        parsed.confidence = parsed.confidence.max(fact.confidence.clamp(0.3, 1.0));
        return Some(parsed);
    }
    if matches!(fact.facet, Facet::Identity | Facet::Other) {
        return None;
    }
    let rejecting_key = ["dislike", "avoid", "allerg", "hate"]
        .iter()
        .any(|k| fact.key.contains(k));
    let sign = match (fact.polarity, rejecting_key) {
        (Polarity::Positive, false) | (Polarity::Negative, true) => 1.0,
        _ => -1.0,
    };
    let terms: Vec<(String, f32)> = words(&fact.value)
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| (stem(w), sign * fact.strength.clamp(0.3, 1.0)))
        .collect();
    if terms.is_empty() {
        return None;
    }
    let text = terms
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let (wanted, rejected) = if sign > 0.0 {
        (text, String::new())
    } else {
        (String::new(), text)
    };
    Some(PreferenceStatement {
        sentence: fact.statement.clone(),
        terms,
        wanted,
        rejected,
        confidence: fact.confidence.clamp(0.3, 1.0),
    })
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use rapport_core::{Facet, Fact, Polarity, Sensitivity, Source};

    use super::*;

    fn fact(key: &str, value: &str, polarity: Polarity, statement: &str) -> Fact {
        Fact {
            id: 1,
            facet: Facet::Preference,
            key: key.into(),
            value: value.into(),
            polarity,
            strength: 0.8,
            confidence: 0.9,
            source: Source::Stated,
            sensitivity: Sensitivity::None,
            statement: statement.into(),
            description: String::new(),
            evidence: Vec::new(),
            valid_from: Utc::now(),
            valid_to: None,
            superseded_by: None,
            ended_by: None,
            change_reason: None,
            pinned: false,
            last_seen: Utc::now(),
        }
    }

    #[test]
    fn facts_become_signed_statements() {
        let parsed = statement_from_fact(&fact(
            "diet",
            "gluten",
            Polarity::Negative,
            "I avoid gluten.",
        ));
        assert_eq!(parsed.unwrap().polarity_of("gluten"), -1.0);
        let by_value = statement_from_fact(&fact("likes", "jazz", Polarity::Positive, "Jazz."));
        assert!(by_value.unwrap().polarity_of("jazz") > 0.0);
        let dislike = statement_from_fact(&fact(
            "dislikes",
            "horror films",
            Polarity::Positive,
            "Horror.",
        ));
        assert!(dislike.unwrap().polarity_of("horror") < 0.0);
    }
}
