//! A deterministic toy learner: "I live in X." makes a single-valued `location.city` fact that
//! a later one supersedes. Enough to exercise the engine without the real extractor.

use rapport_core::{Facet, Fact, Polarity, ProfileLearner, Sensitivity, Source, StoredEvent};

pub struct CityLearner;

impl ProfileLearner for CityLearner {
    fn learn(&self, facts: &mut Vec<Fact>, events: &[StoredEvent]) {
        for stored in events {
            let Some(text) = stored.event.text() else {
                continue;
            };
            let Some(city) = text
                .strip_prefix("I live in ")
                .map(|c| c.trim_end_matches('.'))
            else {
                continue;
            };
            let next_id = facts.iter().map(|f| f.id).max().unwrap_or(0) + 1;
            if let Some(old) = facts
                .iter_mut()
                .find(|f| f.is_current() && f.key == "location.city")
            {
                if old.value == city {
                    old.evidence.push(stored.event.id.clone());
                    continue;
                }
                old.valid_to = Some(stored.event.time);
                old.superseded_by = Some(next_id);
                old.ended_by = Some(stored.event.id.clone());
                old.change_reason = Some(format!("moved to {city}"));
            }
            facts.push(Fact {
                id: next_id,
                facet: Facet::Identity,
                key: "location.city".into(),
                value: city.into(),
                polarity: Polarity::Positive,
                strength: 1.0,
                confidence: 0.9,
                source: Source::Stated,
                sensitivity: Sensitivity::None,
                statement: format!("I live in {city}."),
                description: format!("Lives in {city}."),
                evidence: vec![stored.event.id.clone()],
                valid_from: stored.event.time,
                valid_to: None,
                superseded_by: None,
                ended_by: None,
                change_reason: None,
                pinned: false,
                last_seen: stored.event.time,
            });
        }
    }
}
