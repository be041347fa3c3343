//! `cargo run --release -p rapport-eval --example eval_extraction -- --data FILE --out FILE`
//! runs EVAL.md §2 with the built-in learner until `rapport eval extraction` is wired.

use std::path::PathBuf;

use rapport_eval::extraction::run_extraction_eval;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let data = PathBuf::from(
        value("--data").unwrap_or_else(|| "../shared/data/eval/msc.extraction.jsonl".into()),
    );
    let out = value("--out").map(PathBuf::from);
    let started = std::time::Instant::now();
    let report = run_extraction_eval(&data, out.as_deref(), |_, _| {})?;
    print!("{report}");
    eprintln!("{:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
