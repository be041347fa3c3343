//! Inferences as profile facts: `source: Inferred`, a confidence, the texts as evidence.

use chrono::{DateTime, Utc};
use rapport_core::{EventId, Facet, Fact, Polarity, Sensitivity, Source};

use crate::{Inference, PersonalityEstimate, StyleFacet};

/// At most this many texts are cited as the evidence of a style facet (the latest).
const STYLE_EVIDENCE: usize = 20;

/// Whether a fact is one this crate makes (and so may be replaced by a new inference).
pub fn is_inferred_here(fact: &Fact) -> bool {
    fact.source == Source::Inferred
        && (fact.key.starts_with("inferred.")
            || fact.key.starts_with("style.")
            || fact.key.starts_with("personality."))
}

/// Whether a fact key is one the "how to answer" block is made of (style and personality
/// estimates) rather than a fact about the user's life.
pub fn is_answer_hint(key: &str) -> bool {
    key.starts_with("style.") || key.starts_with("personality.")
}

/// The facts of these inferences, style facets and Big Five estimates, numbered from `next_id`,
/// valid from `time` (the latest text's time). `texts` are the ids of every text looked at, in
/// log order (the estimates' text indices point into it).
pub fn to_facts(
    inferences: &[Inference],
    style: &[StyleFacet],
    personality: &[PersonalityEstimate],
    texts: &[EventId],
    time: DateTime<Utc>,
    next_id: u64,
) -> Vec<Fact> {
    let mut out = Vec::new();
    for i in inferences {
        let description = i.attribute.describe(&i.value);
        out.push(fact(
            i.attribute.key(),
            &i.value,
            Facet::Identity,
            i.confidence,
            description,
            i.evidence.clone(),
            time,
            i.attribute.sensitivity(),
        ));
    }
    let recent = texts[texts.len().saturating_sub(STYLE_EVIDENCE)..].to_vec();
    for s in style {
        let name = s.key.trim_start_matches("style.").replace('_', " ");
        let description = format!("Style estimate, {name}: {}.", s.value);
        out.push(fact(
            s.key,
            &s.value,
            Facet::Personality,
            s.confidence,
            description,
            recent.clone(),
            time,
            Sensitivity::None,
        ));
    }
    for p in personality {
        let evidence = p
            .texts
            .iter()
            .filter_map(|&i| texts.get(i))
            .cloned()
            .collect();
        out.push(fact(
            p.domain.key(),
            p.level,
            Facet::Personality,
            p.confidence,
            p.describe(),
            evidence,
            time,
            Sensitivity::None,
        ));
    }
    for (n, f) in out.iter_mut().enumerate() {
        f.id = next_id + n as u64;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn fact(
    key: &str,
    value: &str,
    facet: Facet,
    confidence: f32,
    description: String,
    evidence: Vec<EventId>,
    time: DateTime<Utc>,
    sensitivity: Sensitivity,
) -> Fact {
    Fact {
        id: 0,
        facet,
        key: key.to_string(),
        value: value.to_string(),
        polarity: Polarity::Positive,
        strength: confidence,
        confidence,
        source: Source::Inferred,
        sensitivity,
        statement: format!("Inferred {key}: {value}."),
        description,
        evidence,
        valid_from: time,
        valid_to: None,
        superseded_by: None,
        ended_by: None,
        change_reason: None,
        pinned: false,
        last_seen: time,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PersonalityEstimate, Trait};
    use chrono::TimeZone;

    #[test]
    fn big_five_facts_are_inferred_personality_estimates_with_their_texts() {
        let texts = [EventId::new("a").unwrap(), EventId::new("b").unwrap()];
        let estimate = PersonalityEstimate {
            domain: Trait::Extraversion,
            score: 0.8,
            level: "high",
            confidence: 0.4,
            matched: 30,
            texts: vec![1],
        };
        let time = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        let facts = to_facts(&[], &[], &[estimate], &texts, time, 7);
        let f = &facts[0];
        assert_eq!(
            (f.key.as_str(), f.value.as_str(), f.facet, f.source, f.id),
            (
                "personality.extraversion",
                "high",
                Facet::Personality,
                Source::Inferred,
                7
            )
        );
        assert_eq!(f.evidence, [texts[1].clone()]);
        assert!(f.description.contains("estimate") && f.description.contains("not a"));
        // Replaced on every refresh, and part of the "how to answer" block.
        assert!(is_inferred_here(f) && is_answer_hint(&f.key));
        assert!(!is_answer_hint("inferred.age"));
    }
}
