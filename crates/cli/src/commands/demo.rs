//! `rapport demo`: the shortest path from nothing to a profile and a context block.

use std::path::Path;
use std::process::ExitCode;

use rapport_core::{TenantId, UserId};
use rapport_engine::{ContextRequest, Engine};

/// A sample conversation shipped with the binary: four sessions over eight weeks in which Maya
/// reveals facts about herself and changes her mind about a few things.
const SAMPLE: &str = include_str!("../../../../examples/demo/conversation.jsonl");
const SAMPLE_NAME: &str = "examples/demo/conversation.jsonl";

pub fn run(engine: &Engine) -> anyhow::Result<ExitCode> {
    let report = super::ingest::ingest_text(engine, SAMPLE, Path::new(SAMPLE_NAME))?;
    println!(
        "Ingested the sample conversation ({SAMPLE_NAME}) into {}: {} new events, {} already there.\n",
        engine.config().location(),
        report.accepted,
        report.duplicates
    );
    let tenant = TenantId::new("demo")?;
    let user = UserId::new("maya")?;
    let profile = engine.profile(&tenant, &user)?;
    println!("{}", profile.render_text(true));
    let question = "Can you suggest a dinner recipe for this week? I'm short on time after work.";
    let context = engine.context(&tenant, &user, &ContextRequest::new(question))?;
    println!(
        "Context block for the question {question:?} ({} tokens):\n",
        context.tokens
    );
    println!("{}", context.block);
    println!("Try: rapport profile maya --tenant demo --history");
    println!("     rapport context maya --tenant demo \"where do I live now?\"");
    Ok(ExitCode::SUCCESS)
}
