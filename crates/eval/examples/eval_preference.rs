//! `cargo run --release -p rapport-eval --example eval_preference -- --data FILE --distractors
//! FILE --out FILE` runs EVAL.md §5 through the engine until `rapport eval preference` is wired.

use std::path::PathBuf;

use rapport_engine::{Engine, EngineConfig};
use rapport_eval::preference::run_preference_eval;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let data = PathBuf::from(
        value("--data")
            .unwrap_or_else(|| "../shared/data/eval/prefeval-dev.preference.jsonl".into()),
    );
    let distractors = value("--distractors")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            data.parent()
                .unwrap_or(&PathBuf::from("."))
                .join("prefeval.distractors.jsonl")
        });
    let out = value("--out").map(PathBuf::from);
    let dir = std::env::temp_dir().join(format!("rapport-prefeval-{}", std::process::id()));
    let engine = Engine::open(EngineConfig::with_data_dir(&dir))?;
    let started = std::time::Instant::now();
    let report = run_preference_eval(&data, &distractors, out.as_deref(), &engine)?;
    println!(
        "PrefEval ({:.1}s)\n{report}",
        started.elapsed().as_secs_f64()
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
