//! `rapport bench`: prints what the eval crate's benchmarks measured.

use std::process::ExitCode;

use rapport_eval::bench;

use crate::args::BenchCommand;

pub fn run(what: BenchCommand) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir()?;
    match what {
        BenchCommand::Ingest {
            users,
            turns,
            batch,
        } => {
            eprintln!(
                "ingesting {turns} synthetic turns of {users} users in batches of {batch} ..."
            );
            let r = bench::ingest(dir.path(), users, turns, batch)?;
            println!("turns                 {}", r.turns);
            println!("users                 {}", r.users);
            println!("store+learn           {:.2} s", r.ingest_seconds);
            println!("embed+index (cold)    {:.2} s", r.index_seconds);
            println!("write path            {:.0} turns/s", r.turns_per_second);
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
