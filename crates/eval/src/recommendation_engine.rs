//! EVAL.md §4 end to end through the engine: the catalog imported with
//! [`Engine::import_items`], train ingested as `rate` action events, and every scored user's
//! top [`RANKED_ITEMS`] from [`Engine::recommend`] (which leaves out what the user rated in train).

use std::path::Path;

use chrono::DateTime;
use rapport_core::{Action, Event, EventBody, EventId, Item, TenantId, UserId, Verb};
use rapport_engine::{Engine, Filters};

use crate::recommendation::{
    MovieItem, Prediction, RANKED_ITEMS, Rating, RecommendationError, RecommendationReport,
    read_jsonl, score, scored_users, write_predictions,
};

/// Events per ingest batch.
const BATCH: usize = 5_000;

/// Errors of a harness that runs through the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineEvalError {
    /// Reading or writing a file failed.
    #[error(transparent)]
    Data(#[from] RecommendationError),
    /// The engine failed.
    #[error(transparent)]
    Engine(#[from] rapport_engine::Error),
    /// A record holds an id the engine refuses.
    #[error("invalid id in the data: {0}")]
    Id(#[from] rapport_core::Error),
}

/// A rating as the `rate` action event the engine stores.
pub fn rating_event(tenant: &TenantId, rating: &Rating) -> Result<Event, rapport_core::Error> {
    Ok(Event {
        tenant: tenant.clone(),
        user: UserId::new(&rating.user_id)?,
        id: EventId::new(format!("rate-{}", rating.item_id))?,
        time: DateTime::from_timestamp(rating.ts, 0).unwrap_or_default(),
        session: None,
        body: EventBody::Action(Action {
            verb: Verb::Rate,
            item: rating.item_id.clone(),
            value: Some(rating.rating),
        }),
    })
}

/// Imports the items and ingests `train` into `engine` under `tenant`; `progress` gets (done,
/// all) events.
pub fn load(
    engine: &Engine,
    tenant: &TenantId,
    items: &[MovieItem],
    train: &[Rating],
    mut progress: impl FnMut(usize, usize),
) -> Result<(), EngineEvalError> {
    let catalog: Vec<Item> = items
        .iter()
        .map(|m| Item {
            tags: m.tags.clone(),
            ..Item::new(&m.item_id, &m.title)
        })
        .collect();
    engine.import_items(tenant, &catalog)?;
    for (done, chunk) in train.chunks(BATCH).enumerate() {
        let events = chunk
            .iter()
            .map(|r| rating_event(tenant, r))
            .collect::<Result<Vec<_>, _>>()?;
        engine.ingest(&events)?;
        progress((done * BATCH + chunk.len()).min(train.len()), train.len());
    }
    Ok(())
}

/// The top [`RANKED_ITEMS`] of each user from [`Engine::recommend`].
pub fn recommend_all(
    engine: &Engine,
    tenant: &TenantId,
    users: &[String],
) -> Result<Vec<Prediction>, EngineEvalError> {
    users
        .iter()
        .map(|user| {
            let ranked = engine.recommend(
                tenant,
                &UserId::new(user)?,
                RANKED_ITEMS,
                &Filters::default(),
            )?;
            Ok(Prediction {
                user_id: user.clone(),
                ranked_items: ranked.into_iter().filter_map(|r| r.item_id).collect(),
            })
        })
        .collect()
}

/// Runs the protocol on a `movielens` directory with `engine` (an empty store): load, recommend
/// for the scored test users, write predictions to `out` when given, score against test.
pub fn run_recommendation_through_engine(
    dir: &Path,
    out: Option<&Path>,
    engine: &Engine,
    progress: impl FnMut(usize, usize),
) -> Result<RecommendationReport, EngineEvalError> {
    let items: Vec<MovieItem> = read_jsonl(&dir.join("items.jsonl"))?;
    let train: Vec<Rating> = read_jsonl(&dir.join("train.jsonl"))?;
    let test: Vec<Rating> = read_jsonl(&dir.join("test.jsonl"))?;
    let tenant = TenantId::new("movielens")?;
    load(engine, &tenant, &items, &train, progress)?;
    let predictions = recommend_all(engine, &tenant, &scored_users(&test))?;
    if let Some(path) = out {
        write_predictions(path, &predictions)?;
    }
    let map = predictions
        .into_iter()
        .map(|p| (p.user_id, p.ranked_items))
        .collect();
    Ok(score(&test, &map))
}
