//! `cargo run --release -p rapport-eval --example trace_extraction -- --data FILE --out FILE`
//! writes, for each (dialogue, speaker), the current facts the built-in learner keeps with
//! their key, statement and the turns they were learned from (JSON lines), for error analysis
//! (`scripts/extraction_errors.py` joins them with the gold facts).

mod args;
use args::Args;

use std::io::Write;
use std::path::PathBuf;

use rapport_core::{Fact, ProfileLearner};
use rapport_eval::extraction::{gold_by_speaker, read_dialogues, speaker_events};
use rapport_extract::PatternLearner;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::from_env();
    let data = PathBuf::from(
        args.value("--data")
            .unwrap_or_else(|| "../shared/data/eval/msc.extraction.jsonl".into()),
    );
    let out = PathBuf::from(args.value("--out").unwrap_or_else(|| "trace.jsonl".into()));
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    let learner = PatternLearner::new();
    for d in read_dialogues(&data)? {
        for (speaker, _) in gold_by_speaker(&d) {
            let mut facts: Vec<Fact> = Vec::new();
            learner.learn(&mut facts, &speaker_events(&d, &speaker));
            let current: Vec<serde_json::Value> = facts
                .iter()
                .filter(|f| f.is_current())
                .map(|f| {
                    serde_json::json!({
                        "key": f.key,
                        "statement": f.statement,
                        "turns": f.evidence.iter().map(|e| e.as_str().trim_start_matches('t')).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let line = serde_json::json!({
                "dialogue_id": d.dialogue_id,
                "speaker": speaker,
                "facts": current,
            });
            writeln!(w, "{line}")?;
        }
    }
    w.flush()?;
    Ok(())
}
