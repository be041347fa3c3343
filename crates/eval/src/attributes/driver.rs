//! Runs users' texts through the engine as the protocol says: each user's texts as authored
//! documents in a fresh store, sensitive inference enabled for the tenant, then the inferred
//! attributes read back from the profile.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, TimeZone, Utc};
use rapport_core::{
    Document, Event, EventBody, EventId, Sensitivity, Source, TenantId, TenantPolicy, UserId,
};
use rapport_engine::{Actor, Engine, EngineConfig};
use rapport_infer::Attribute;
use serde_json::Value;

use super::AttributesError;
use super::records::{Guess, Prediction, UserTexts};

/// Every sensitive class: the evaluation tenant allows inferring all of them.
const ALL_SENSITIVE: [Sensitivity; 7] = [
    Sensitivity::Health,
    Sensitivity::Religion,
    Sensitivity::Sexuality,
    Sensitivity::Politics,
    Sensitivity::Ethnicity,
    Sensitivity::PreciseLocation,
    Sensitivity::Finances,
];

/// Predicts every user's attributes through a fresh engine in `work_dir`. Inferences below
/// `min_confidence` are abstentions (the engine's default is 0.3).
pub fn predict(
    users: &[UserTexts],
    work_dir: &Path,
    min_confidence: f32,
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<Prediction>, AttributesError> {
    let config = EngineConfig {
        infer: true,
        infer_min_confidence: min_confidence,
        ..EngineConfig::with_data_dir(work_dir)
    };
    let engine = Engine::open(config)?;
    let tenant = TenantId::default_tenant();
    let policy = TenantPolicy {
        infer_sensitive: ALL_SENSITIVE.to_vec(),
        ..TenantPolicy::default()
    };
    engine.set_tenant_policy(&tenant, &policy, &Actor::cli())?;
    let mut out = Vec::with_capacity(users.len());
    for (n, u) in users.iter().enumerate() {
        let user = UserId::new(&u.user_id)
            .map_err(|e| AttributesError::InvalidUser(format!("{}: {e}", u.user_id)))?;
        let start = Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap();
        let events: Vec<Event> = u
            .texts
            .iter()
            .filter(|t| !t.trim().is_empty())
            .enumerate()
            .map(|(i, text)| Event {
                tenant: tenant.clone(),
                user: user.clone(),
                id: EventId::new(format!("c{i}")).expect("valid id"),
                time: start + Duration::minutes(i as i64),
                session: None,
                body: EventBody::Document(Document { text: text.clone() }),
            })
            .collect();
        engine.ingest(&events)?;
        let profile = engine.profile(&tenant, &user)?;
        let mut attributes = BTreeMap::new();
        for fact in profile.facts.iter().map(|p| &p.fact) {
            let Some(attribute) = Attribute::from_key(&fact.key) else {
                continue;
            };
            if fact.source != Source::Inferred {
                continue;
            }
            let value = match attribute {
                Attribute::Age => fact.value.parse::<u32>().map_or(Value::Null, Value::from),
                _ => Value::from(fact.value.clone()),
            };
            let guess = Guess {
                value,
                confidence: fact.confidence,
            };
            attributes.insert(attribute.name().to_string(), guess);
        }
        out.push(Prediction {
            user_id: u.user_id.clone(),
            attributes,
        });
        progress(n + 1, users.len());
    }
    Ok(out)
}
