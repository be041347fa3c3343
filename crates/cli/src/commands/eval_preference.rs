//! `rapport eval preference`: EVAL.md §5 (PrefEval) through the engine, in a temporary store.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use rapport_engine::{Engine, EngineConfig};
use rapport_eval::preference::run_preference_eval;

pub fn run(
    data: &Path,
    distractors: Option<&Path>,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let beside = data
        .parent()
        .unwrap_or(Path::new("."))
        .join("prefeval.distractors.jsonl");
    let distractors = distractors.unwrap_or(&beside);
    anyhow::ensure!(
        distractors.is_file(),
        "cannot find the distractor turns at {}: pass --distractors",
        distractors.display()
    );
    let scratch = tempfile::tempdir().context("cannot create a temporary store")?;
    let engine = Engine::open(EngineConfig::with_data_dir(scratch.path()))?;
    let started = Instant::now();
    let report = run_preference_eval(data, distractors, out, &engine)?;
    println!(
        "PrefEval preference following ({:.1}s)\n{report}",
        started.elapsed().as_secs_f64()
    );
    if let Some(out) = out {
        println!("predictions: {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}
