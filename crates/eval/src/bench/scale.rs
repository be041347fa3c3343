//! `rapport bench scale`: ingest throughput and per-user context latency as the store grows,
//! on either backend, to show that a user's latency depends on that user's data, not on the
//! total.

use std::time::Instant;

use rapport_core::{TenantId, UserId};
use rapport_engine::{ContextRequest, Engine, Result};

use super::QUERIES;
use super::synthetic::{self, Rng, user_turns};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct ScaleConfig {
    /// Users in all.
    pub users: usize,
    /// Events of each user.
    pub events_per_user: usize,
    /// Stages: after each, latency is measured over every user ingested so far.
    pub stages: usize,
    /// Users whose histories make up one ingest batch (a history import).
    pub users_per_batch: usize,
    /// Users sampled for latency after each stage.
    pub sampled_users: usize,
}

/// One stage's measurements.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ScaleStage {
    /// Events in the store after the stage.
    pub total_events: u64,
    /// Users in the store after the stage.
    pub total_users: usize,
    /// Events per second while ingesting this stage (store, learn, save).
    pub ingest_events_per_second: f64,
    /// First context request of a user not in memory (reads and indexes the user), p50 ms.
    pub cold_p50_ms: f64,
    /// The same, p99 ms.
    pub cold_p99_ms: f64,
    /// A second request for the same user (in memory; one row read checks freshness), p50 ms.
    pub warm_p50_ms: f64,
    /// The same, p99 ms.
    pub warm_p99_ms: f64,
}

fn user_id(n: usize) -> UserId {
    UserId::new(format!("u{n:07}")).expect("a valid user id")
}

/// Runs the benchmark on `engine`, whose store should hold no users yet (the generated users
/// would add to existing ones). `progress` is told
/// (events ingested, events in all).
pub fn scale(
    engine: &Engine,
    config: ScaleConfig,
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<ScaleStage>> {
    let tenant = TenantId::default_tenant();
    let mut rng = Rng::new(42);
    let total = (config.users * config.events_per_user) as u64;
    let per_stage = config.users.div_ceil(config.stages.max(1));
    let mut stages = Vec::new();
    let mut next_user = 0;
    let mut ingested = 0u64;
    while next_user < config.users {
        let stage_end = (next_user + per_stage).min(config.users);
        let started = Instant::now();
        let mut stage_events = 0u64;
        while next_user < stage_end {
            let batch_end = (next_user + config.users_per_batch.max(1)).min(stage_end);
            let mut batch = Vec::new();
            for n in next_user..batch_end {
                let turns = user_turns(
                    &tenant,
                    &user_id(n),
                    config.events_per_user,
                    synthetic::epoch(),
                    &mut rng,
                );
                batch.extend(turns);
            }
            batch.sort_by_key(|e| e.time);
            engine.ingest(&batch)?;
            stage_events += batch.len() as u64;
            ingested += batch.len() as u64;
            progress(ingested, total);
            next_user = batch_end;
        }
        let seconds = started.elapsed().as_secs_f64();
        let (cold, warm) = latencies(engine, &tenant, next_user, config.sampled_users, &mut rng)?;
        stages.push(ScaleStage {
            total_events: ingested,
            total_users: next_user,
            ingest_events_per_second: stage_events as f64 / seconds.max(1e-9),
            cold_p50_ms: percentile(&cold, 0.50),
            cold_p99_ms: percentile(&cold, 0.99),
            warm_p50_ms: percentile(&warm, 0.50),
            warm_p99_ms: percentile(&warm, 0.99),
        });
    }
    Ok(stages)
}

/// Cold and warm context latencies (ms) of `sampled` distinct random users among `users`.
fn latencies(
    engine: &Engine,
    tenant: &TenantId,
    users: usize,
    sampled: usize,
    rng: &mut Rng,
) -> Result<(Vec<f64>, Vec<f64>)> {
    let (mut cold, mut warm) = (Vec::new(), Vec::new());
    let mut chosen = std::collections::HashSet::new();
    while chosen.len() < sampled.min(users) {
        let n = rng.below(users);
        if !chosen.insert(n) {
            continue;
        }
        let user = user_id(n);
        for times in [&mut cold, &mut warm] {
            let request = ContextRequest::new(QUERIES[rng.below(QUERIES.len())]);
            let started = Instant::now();
            std::hint::black_box(engine.context(tenant, &user, &request)?);
            times.push(started.elapsed().as_secs_f64() * 1e3);
        }
    }
    Ok((cold, warm))
}

fn percentile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted
        .get(((sorted.len() as f64 * q) as usize).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0)
}
