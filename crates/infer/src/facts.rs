//! Inferences as profile facts: `source: Inferred`, a confidence, the texts as evidence.

use chrono::{DateTime, Utc};
use rapport_core::{EventId, Facet, Fact, Polarity, Sensitivity, Source};

use crate::{Inference, StyleFacet};

/// At most this many texts are cited as the evidence of a style facet (the latest).
const STYLE_EVIDENCE: usize = 20;

/// Whether a fact is one this crate makes (and so may be replaced by a new inference).
pub fn is_inferred_here(fact: &Fact) -> bool {
    fact.source == Source::Inferred
        && (fact.key.starts_with("inferred.") || fact.key.starts_with("style."))
}

/// The facts of these inferences and style facets, numbered from `next_id`, valid from `time`
/// (the latest text's time). `texts` are the ids of every text looked at, in log order.
pub fn to_facts(
    inferences: &[Inference],
    style: &[StyleFacet],
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
