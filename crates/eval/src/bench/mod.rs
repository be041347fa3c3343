//! `rapport bench`: speed and memory of the engine on synthetic data, in-process.
//!
//! Each benchmark builds a fresh engine in a temporary directory, so results do not depend on
//! what a data directory already holds. Numbers are what was measured on this run; nothing is
//! extrapolated.

mod recommend;
mod scale;
mod synthetic;

pub use recommend::{RecommendBench, recommend};

use std::path::Path;
use std::time::Instant;

use rapport_core::{TenantId, UserId};
use rapport_engine::{ContextRequest, Engine, EngineConfig};

pub use scale::{ScaleConfig, ScaleStage, scale};
pub use synthetic::{Rng, turn_text, user_turns};

use rapport_engine::Result;

/// Result of [`ingest`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct IngestBench {
    /// Turns ingested.
    pub turns: usize,
    /// Users they belong to.
    pub users: usize,
    /// Seconds to append and learn (store + extract + consolidate, and embed + index the turns
    /// of users whose retrieval memory the ingest keeps).
    pub ingest_seconds: f64,
    /// Seconds to embed and index every user's turns not indexed by the ingest (cold load of
    /// the users' retrieval memories).
    pub index_seconds: f64,
    /// Turns per second over the whole write path (both phases).
    pub turns_per_second: f64,
    /// CPU seconds the process used over both phases (all threads, user and system), when the
    /// platform tells (Linux); 0 otherwise.
    pub cpu_seconds: f64,
}

/// Ingests `turns` synthetic turns spread over `users` users in batches of `batch`, then loads
/// every user's retrieval memory (embedding and indexing every turn not indexed yet). `infer`:
/// attribute and style inference on, or off (the engine's default); `threads`: the engine's
/// [`ingest_threads`](EngineConfig::ingest_threads) (0: one per core).
pub fn ingest(
    dir: &Path,
    users: usize,
    turns: usize,
    batch: usize,
    infer: bool,
    threads: usize,
) -> Result<IngestBench> {
    let engine = Engine::open(EngineConfig {
        index_cache_users: users + 1,
        infer,
        ingest_threads: threads,
        ..EngineConfig::with_data_dir(dir)
    })?;
    let tenant = TenantId::default_tenant();
    let mut rng = Rng::new(7);
    let per_user = turns.div_ceil(users.max(1));
    let mut events = Vec::with_capacity(turns);
    for u in 0..users {
        let user = UserId::new(format!("user-{u:06}")).expect("valid id");
        events.extend(user_turns(
            &tenant,
            &user,
            per_user,
            synthetic::epoch(),
            &mut rng,
        ));
    }
    events.truncate(turns);
    // Interleave users as real traffic would: sort by time.
    events.sort_by_key(|e| e.time);
    let cpu_before = process_cpu_seconds();
    let started = Instant::now();
    for chunk in events.chunks(batch.max(1)) {
        engine.ingest(chunk)?;
    }
    let ingest_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    for u in 0..users {
        let user = UserId::new(format!("user-{u:06}")).expect("valid id");
        engine.search(&tenant, &user, "warm up", None, 1)?;
    }
    let index_seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = match (cpu_before, process_cpu_seconds()) {
        (Some(before), Some(after)) => after - before,
        _ => 0.0,
    };
    Ok(IngestBench {
        turns: events.len(),
        users,
        ingest_seconds,
        index_seconds,
        turns_per_second: events.len() as f64 / (ingest_seconds + index_seconds),
        cpu_seconds,
    })
}

/// CPU time of this process so far, all threads, user and system (`/proc/self/stat`), on
/// Linux: on a shared machine it tells what the work cost apart from what waiting for cores
/// cost.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses: state is the 3rd
    // field, utime and stime the 14th and 15th.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel reports in USER_HZ, 100 on every Linux platform Rust supports.
    Some(ticks / 100.0)
}

/// Result of [`context`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct ContextBench {
    /// Users in the store.
    pub users: usize,
    /// Turns of the measured (hot) user.
    pub hot_user_turns: usize,
    /// Milliseconds to load the hot user's memory from the store (cold).
    pub cold_load_ms: f64,
    /// Context requests measured.
    pub requests: usize,
    /// Median latency of a context request for the hot user, in milliseconds.
    pub p50_ms: f64,
    /// 99th percentile, in milliseconds.
    pub p99_ms: f64,
    /// Resident memory added by loading the hot users' memories, per turn, in bytes, beyond
    /// the raw text.
    pub rss_bytes_per_turn: f64,
}

pub(crate) const QUERIES: &[&str] = &[
    "Where do I live these days?",
    "What pets do I have?",
    "Recommend something for the weekend",
    "What do I do for work?",
    "What music do I like?",
    "Remind me what my sister said about the holidays",
];

/// Fills a store with `users` users (`others_turns` each) plus hot users of `hot_turns`, then
/// measures cold load, context latency, and resident memory per turn.
pub fn context(
    dir: &Path,
    users: usize,
    others_turns: usize,
    hot_turns: usize,
    requests: usize,
) -> Result<ContextBench> {
    const HOT_USERS: usize = 20;
    let engine = Engine::open(EngineConfig::with_data_dir(dir))?;
    let tenant = TenantId::default_tenant();
    let mut rng = Rng::new(11);
    let mut batch = Vec::new();
    for u in 0..users {
        let user = UserId::new(format!("user-{u:06}")).expect("valid id");
        batch.extend(user_turns(
            &tenant,
            &user,
            others_turns,
            synthetic::epoch(),
            &mut rng,
        ));
        if batch.len() >= 5_000 {
            engine.ingest(&batch)?;
            batch.clear();
        }
    }
    let hot: Vec<UserId> = (0..HOT_USERS)
        .map(|h| UserId::new(format!("hot-{h}")).expect("valid id"))
        .collect();
    let mut raw_text = 0usize;
    for user in &hot {
        let turns = user_turns(&tenant, user, hot_turns, synthetic::epoch(), &mut rng);
        raw_text += turns
            .iter()
            .filter_map(|e| e.text())
            .map(str::len)
            .sum::<usize>();
        batch.extend(turns);
        engine.ingest(&batch)?;
        batch.clear();
    }
    engine.ingest(&batch)?;

    let rss_before = resident_bytes();
    let started = Instant::now();
    engine.search(&tenant, &hot[0], "warm up", None, 1)?;
    let cold_load_ms = started.elapsed().as_secs_f64() * 1e3;
    for user in &hot[1..] {
        engine.search(&tenant, user, "warm up", None, 1)?;
    }
    let rss_after = resident_bytes();
    let turns = HOT_USERS * hot_turns;
    let rss_bytes_per_turn =
        (rss_after.saturating_sub(rss_before) as f64 - raw_text as f64) / turns as f64;

    let mut latencies = Vec::with_capacity(requests);
    for i in 0..requests {
        let request = ContextRequest::new(QUERIES[i % QUERIES.len()]);
        let started = Instant::now();
        let context = engine.context(&tenant, &hot[0], &request)?;
        latencies.push(started.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(context);
    }
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Ok(ContextBench {
        users: users + HOT_USERS,
        hot_user_turns: hot_turns,
        cold_load_ms,
        requests,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        rss_bytes_per_turn,
    })
}

/// Resident set size of this process, from `/proc/self/statm` (0 where unavailable).
fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<usize>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}
