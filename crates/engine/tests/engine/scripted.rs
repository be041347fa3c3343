//! A deterministic toy learner: "I live in X." makes a single-valued `location.city` fact that
//! a later one supersedes; "Probably earns X." makes an inferred `income.level` fact (a
//! sensitive class). Enough to exercise the engine without the real extractor.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use rapport_core::{
    Event, EventBody, EventId, Facet, Fact, Message, Polarity, ProfileLearner, Role, Sensitivity,
    Source, StoredEvent, TenantId, UserId,
};
use rapport_engine::{Engine, EngineConfig, Parts};
use rapport_store::SqliteStore;

pub struct CityLearner;

impl ProfileLearner for CityLearner {
    fn learn(&self, facts: &mut Vec<Fact>, events: &[StoredEvent]) {
        for stored in events {
            let Some(text) = stored.event.text() else {
                continue;
            };
            if let Some(level) = text.strip_prefix("Probably earns ") {
                let level = level.trim_end_matches('.');
                match facts
                    .iter_mut()
                    .find(|f| f.is_current() && f.key == "income.level" && f.value == level)
                {
                    Some(known) => known.evidence.push(stored.event.id.clone()),
                    None => facts.push(inferred_income(facts, stored, level)),
                }
                continue;
            }
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
                description: format!("Lives in {city}."),
                ..stated(stored, "location.city", city, format!("I live in {city}."))
            });
        }
    }
}

/// A current, stated identity fact learned from `stored` (id 0: the caller numbers it).
fn stated(stored: &StoredEvent, key: &str, value: &str, statement: String) -> Fact {
    Fact {
        id: 0,
        facet: Facet::Identity,
        key: key.into(),
        value: value.into(),
        polarity: Polarity::Positive,
        strength: 1.0,
        confidence: 0.9,
        source: Source::Stated,
        sensitivity: Sensitivity::None,
        description: statement.clone(),
        statement,
        evidence: vec![stored.event.id.clone()],
        valid_from: stored.event.time,
        valid_to: None,
        superseded_by: None,
        ended_by: None,
        change_reason: None,
        pinned: false,
        last_seen: stored.event.time,
    }
}

fn inferred_income(facts: &[Fact], stored: &StoredEvent, level: &str) -> Fact {
    Fact {
        id: facts.iter().map(|f| f.id).max().unwrap_or(0) + 1,
        confidence: 0.6,
        source: Source::Inferred,
        sensitivity: Sensitivity::Finances,
        description: format!("Income probably {level}."),
        ..stated(
            stored,
            "income.level",
            level,
            format!("My income is {level}."),
        )
    }
}

pub fn engine(dir: &std::path::Path) -> Engine {
    engine_with(dir, EngineConfig::with_data_dir(dir))
}

/// The scripted engine with attribute and style inference on.
pub fn inferring_engine(dir: &std::path::Path) -> Engine {
    let config = EngineConfig {
        infer: true,
        ..EngineConfig::with_data_dir(dir)
    };
    engine_with(dir, config)
}

/// The scripted engine with inference on over the latest `window` events of each log.
pub fn inferring_engine_with_window(dir: &std::path::Path, window: u64) -> Engine {
    let config = EngineConfig {
        infer: true,
        infer_window: window,
        ..EngineConfig::with_data_dir(dir)
    };
    engine_with(dir, config)
}

fn engine_with(dir: &std::path::Path, config: EngineConfig) -> Engine {
    let _ = dir;
    let store = Arc::new(SqliteStore::open(config.database_path()).unwrap());
    let embedder = Arc::new(rapport_models::StaticEmbedder::builtin());
    Engine::with_parts(
        config,
        Parts {
            store,
            learner: Arc::new(CityLearner),
            embedder,
        },
    )
}

pub fn tenant() -> TenantId {
    TenantId::default_tenant()
}

pub fn user(name: &str) -> UserId {
    UserId::new(name).unwrap()
}

/// A user message on day `day` of March 2024, in session `s{day}`.
pub fn said(who: &str, id: &str, day: u32, text: &str) -> Event {
    Event {
        tenant: tenant(),
        user: user(who),
        id: EventId::new(id).unwrap(),
        time: Utc.with_ymd_and_hms(2024, 3, day, 9, 0, 0).unwrap(),
        session: Some(format!("s{day}")),
        body: EventBody::Message(Message {
            role: Role::User,
            speaker: Some("Ana".into()),
            text: text.into(),
        }),
    }
}
