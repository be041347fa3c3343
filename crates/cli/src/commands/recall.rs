//! `rapport context` and `rapport search`: what Rapport recalls for a query.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use rapport_engine::{ContextRequest, Engine};

use super::Who;

pub fn context(
    engine: &Engine,
    who: &Who,
    query: &str,
    budget: usize,
    time: Option<DateTime<Utc>>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let request = ContextRequest {
        query: query.to_string(),
        budget,
        time,
    };
    let context = engine.context(&who.tenant, &who.user, &request)?;
    let mut out = io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &context)?;
        writeln!(out)?;
    } else if context.block.is_empty() {
        writeln!(out, "(nothing relevant is known about {} yet)", who.user)?;
    } else {
        write!(out, "{}", context.block)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn search(
    engine: &Engine,
    who: &Who,
    query: &str,
    limit: usize,
    time: Option<DateTime<Utc>>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let hits = engine.search(&who.tenant, &who.user, query, time, limit)?;
    let mut out = io::stdout().lock();
    for hit in hits {
        if json {
            serde_json::to_writer(&mut out, &hit)?;
            writeln!(out)?;
        } else {
            let speaker = hit.speaker.as_deref().unwrap_or("-");
            writeln!(
                out,
                "{:.3}  #{:<5} {}  {speaker}: {}",
                hit.score,
                hit.seq,
                hit.time.format("%Y-%m-%d"),
                hit.text
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
