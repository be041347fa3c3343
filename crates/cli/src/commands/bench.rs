//! `rapport bench`: prints what the eval crate's benchmarks measured.

use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rapport_engine::{Engine, EngineConfig};
use rapport_eval::bench::{self, ScaleConfig};

use crate::args::BenchCommand;

pub fn run(what: BenchCommand, database_url: Option<String>) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir()?;
    match what {
        BenchCommand::Scale {
            users,
            events_per_user,
            stages,
            users_per_batch,
            sampled_users,
        } => {
            let config = ScaleConfig {
                users,
                events_per_user,
                stages,
                users_per_batch,
                sampled_users,
            };
            scale(dir.path(), database_url, config)?;
        }
        BenchCommand::Ingest {
            users,
            turns,
            batch,
            infer,
            threads,
        } => {
            eprintln!(
                "ingesting {turns} synthetic turns of {users} users in batches of {batch} ..."
            );
            let r = bench::ingest(dir.path(), users, turns, batch, infer, threads)?;
            println!("turns                 {}", r.turns);
            println!("users                 {}", r.users);
            println!("ingest                {:.2} s", r.ingest_seconds);
            println!("cold load             {:.2} s", r.index_seconds);
            println!("write path            {:.0} turns/s", r.turns_per_second);
            if r.cpu_seconds > 0.0 {
                println!(
                    "cpu                   {:.2} s ({:.0} turns per CPU-second)",
                    r.cpu_seconds,
                    r.turns as f64 / r.cpu_seconds
                );
            }
        }
        BenchCommand::Context {
            users,
            others_turns,
            hot_turns,
            requests,
        } => {
            eprintln!(
                "filling a store with {users} users x {others_turns} turns and 20 hot users x {hot_turns} turns ..."
            );
            let r = bench::context(dir.path(), users, others_turns, hot_turns, requests)?;
            println!("users                 {}", r.users);
            println!("hot user turns        {}", r.hot_user_turns);
            println!("cold load             {:.2} ms", r.cold_load_ms);
            println!("context requests      {}", r.requests);
            println!("context p50           {:.3} ms", r.p50_ms);
            println!("context p99           {:.3} ms", r.p99_ms);
            println!(
                "memory per turn       {:.0} bytes beyond raw text (RSS)",
                r.rss_bytes_per_turn
            );
        }
        BenchCommand::Http {
            addr,
            key,
            user,
            users,
            turns,
            connections,
            seconds,
            server_threads,
            client_threads,
            serve,
        } => {
            let target = super::bench_http::Target {
                external: addr
                    .map(|addr| (addr, key.unwrap_or_default(), user.unwrap_or_default())),
                users,
                turns,
                server_threads,
                serve_only: serve,
            };
            return super::bench_http::run(target, connections, seconds, client_threads);
        }
        BenchCommand::Recommend { data, requests } => {
            eprintln!(
                "loading {} and timing {requests} requests ...",
                data.display()
            );
            let engine = rapport_engine::Engine::open(
                rapport_engine::EngineConfig::with_data_dir(dir.path()),
            )?;
            let r = bench::recommend(&engine, &data, requests)?;
            println!("catalog items         {}", r.items);
            println!("users                 {}", r.users);
            println!("model fit             {:.2} s", r.fit_seconds);
            println!("requests              {}", r.requests);
            println!("recommend k=10 p50    {:.3} ms", r.recommend_ms.0);
            println!("recommend k=10 p99    {:.3} ms", r.recommend_ms.1);
            println!("rank 100 p50          {:.3} ms", r.rank_ms.0);
            println!("rank 100 p99          {:.3} ms", r.rank_ms.1);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn scale(
    dir: &std::path::Path,
    database_url: Option<String>,
    config: ScaleConfig,
) -> anyhow::Result<()> {
    let engine_config = EngineConfig {
        database_url,
        ..EngineConfig::with_data_dir(dir)
    };
    let location = engine_config.location();
    let engine = Engine::open(engine_config)
        .with_context(|| format!("cannot open the store in {location}"))?;
    anyhow::ensure!(
        engine.tenants()?.is_empty(),
        "{location} already holds users; benchmark on an empty database"
    );
    eprintln!(
        "ingesting {} users x {} events into {location} in {} stages ...",
        config.users, config.events_per_user, config.stages
    );
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} events ({per_sec})",
        )
        .expect("valid template"),
    );
    let stages = bench::scale(&engine, config, |done, all| {
        bar.set_length(all);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    println!(
        "{:>12} {:>9} {:>12} {:>10} {:>10} {:>10} {:>10}",
        "events", "users", "ingest ev/s", "cold p50", "cold p99", "warm p50", "warm p99"
    );
    for s in stages {
        println!(
            "{:>12} {:>9} {:>12.0} {:>8.2}ms {:>8.2}ms {:>8.3}ms {:>8.3}ms",
            s.total_events,
            s.total_users,
            s.ingest_events_per_second,
            s.cold_p50_ms,
            s.cold_p99_ms,
            s.warm_p50_ms,
            s.warm_p99_ms
        );
    }
    Ok(())
}
