//! Latency of `Engine::recommend` over a whole catalog and `Engine::rank` over 100 candidates,
//! on MovieLens loaded through the engine (the model fitted once, before timing).

use std::path::Path;
use std::time::Instant;

use rapport_core::{TenantId, UserId};
use rapport_engine::{Candidate, Engine, Filters};

use crate::recommendation::{MovieItem, Rating, read_jsonl};
use crate::recommendation_engine::{EngineEvalError, load};

/// What [`recommend`] measured.
#[derive(Debug, Clone)]
pub struct RecommendBench {
    /// Items in the catalog.
    pub items: usize,
    /// Users with actions.
    pub users: usize,
    /// Time to fit the tenant's model (the first request), in seconds.
    pub fit_seconds: f64,
    /// Requests timed per operation.
    pub requests: usize,
    /// `recommend(k = 10)` over the whole catalog: p50 and p99, ms.
    pub recommend_ms: (f64, f64),
    /// `rank` of 100 catalog candidates: p50 and p99, ms.
    pub rank_ms: (f64, f64),
}

/// Loads `dir` (a movielens directory) into `engine` and times `requests` calls of each kind,
/// cycling over the users.
pub fn recommend(
    engine: &Engine,
    dir: &Path,
    requests: usize,
) -> Result<RecommendBench, EngineEvalError> {
    let items: Vec<MovieItem> = read_jsonl(&dir.join("items.jsonl"))?;
    let train: Vec<Rating> = read_jsonl(&dir.join("train.jsonl"))?;
    let tenant = TenantId::new("bench")?;
    load(engine, &tenant, &items, &train, |_, _| {})?;
    let mut users: Vec<&str> = train.iter().map(|r| r.user_id.as_str()).collect();
    users.sort_unstable();
    users.dedup();
    let first = UserId::new(users[0])?;
    let started = Instant::now();
    engine.recommend(&tenant, &first, 10, &Filters::default())?;
    let fit_seconds = started.elapsed().as_secs_f64();
    let mut recommend_ms = Vec::with_capacity(requests);
    let mut rank_ms = Vec::with_capacity(requests);
    for i in 0..requests {
        let user = UserId::new(users[i % users.len()])?;
        let started = Instant::now();
        engine.recommend(&tenant, &user, 10, &Filters::default())?;
        recommend_ms.push(started.elapsed().as_secs_f64() * 1e3);
        let candidates: Vec<Candidate> = (0..100)
            .map(|j| Candidate::Item(items[(i * 37 + j * 13) % items.len()].item_id.clone()))
            .collect();
        let started = Instant::now();
        engine.rank(&tenant, &user, &candidates, None)?;
        rank_ms.push(started.elapsed().as_secs_f64() * 1e3);
    }
    Ok(RecommendBench {
        items: items.len(),
        users: users.len(),
        fit_seconds,
        requests,
        recommend_ms: percentiles(&mut recommend_ms),
        rank_ms: percentiles(&mut rank_ms),
    })
}

fn percentiles(values: &mut [f64]) -> (f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}
