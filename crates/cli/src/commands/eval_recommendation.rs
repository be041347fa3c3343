//! `rapport eval recommendation`: EVAL.md §4 (MovieLens) through the engine, in a temporary
//! store.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rapport_engine::{Engine, EngineConfig};
use rapport_eval::recommendation_engine::run_recommendation_through_engine;

pub fn run(data: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        data.join("train.jsonl").is_file(),
        "{} holds no train.jsonl: pass the movielens directory",
        data.display()
    );
    let scratch = tempfile::tempdir().context("cannot create a temporary store")?;
    let engine = Engine::open(EngineConfig::with_data_dir(scratch.path()))?;
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} ratings",
        )
        .expect("valid template"),
    );
    let started = Instant::now();
    let report = run_recommendation_through_engine(data, out, &engine, |done, all| {
        bar.set_length(all as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    println!(
        "MovieLens recommendation ({:.1}s)\n{report}",
        started.elapsed().as_secs_f64()
    );
    if let Some(out) = out {
        println!("predictions: {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}
