//! `cargo run --release -p rapport-eval --example dump_statement_candidates -- --data FILE --out
//! FILE` writes, for each (dialogue, speaker), the first-person clauses every rule drops, as the
//! learned statement selector sees them (the statement each would make and its feature names),
//! next to the statements the rules alone predict (JSON lines). `scripts/fit_statement_selector.py`
//! fits the selector on them.

mod args;
use args::Args;

use std::io::Write;
use std::path::PathBuf;

use rapport_core::{Fact, ProfileLearner};
use rapport_eval::extraction::{gold_by_speaker, read_dialogues, speaker_events};
use rapport_extract::{PatternLearner, selector};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::from_env();
    let data = PathBuf::from(
        args.value("--data")
            .unwrap_or_else(|| "../shared/data/eval/msc.extraction.jsonl".into()),
    );
    let out = PathBuf::from(
        args.value("--out")
            .unwrap_or_else(|| "candidates.jsonl".into()),
    );
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    let learner = PatternLearner::new();
    selector::record(true);
    for d in read_dialogues(&data)? {
        for (speaker, _) in gold_by_speaker(&d) {
            let mut facts: Vec<Fact> = Vec::new();
            learner.learn(&mut facts, &speaker_events(&d, &speaker));
            let mut predicted: Vec<&str> = Vec::new();
            for f in facts.iter().filter(|f| f.is_current()) {
                if !predicted.contains(&f.statement.as_str()) {
                    predicted.push(&f.statement);
                }
            }
            let candidates: Vec<serde_json::Value> = selector::take_recorded()
                .into_iter()
                .map(|c| serde_json::json!({"statement": c.statement, "features": c.features}))
                .collect();
            let line = serde_json::json!({
                "dialogue_id": d.dialogue_id,
                "speaker": speaker,
                "predicted": predicted,
                "candidates": candidates,
            });
            writeln!(w, "{line}")?;
        }
    }
    w.flush()?;
    Ok(())
}
