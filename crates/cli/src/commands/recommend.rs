//! `rapport recommend` and `rapport rank`: ranked items with their reasons.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use rapport_engine::{Candidate, Engine, Filters, RankedCandidate};
use serde_json::Value;

use super::Who;

pub fn recommend(
    engine: &Engine,
    who: &Who,
    k: usize,
    filters: &Filters,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let ranked = engine.recommend(&who.tenant, &who.user, k, filters)?;
    if ranked.is_empty() && !json {
        println!("(nothing to recommend: import items with `rapport items import`)");
        return Ok(ExitCode::SUCCESS);
    }
    print(&ranked, json)
}

pub fn rank(
    engine: &Engine,
    who: &Who,
    file: &Path,
    context: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let name = file.display().to_string();
    let candidates = if file.as_os_str() == "-" {
        read_candidates(io::stdin().lock(), &name)?
    } else {
        let opened = File::open(file).with_context(|| format!("cannot open {name}"))?;
        read_candidates(BufReader::new(opened), &name)?
    };
    let ranked = engine.rank(&who.tenant, &who.user, &candidates, context)?;
    print(&ranked, json)
}

/// Candidates, one a line: an item id, or a JSON object with `item_id` or `text`.
fn read_candidates(reader: impl BufRead, name: &str) -> anyhow::Result<Vec<Candidate>> {
    let mut candidates = Vec::new();
    for (number, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {name}"))?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !line.starts_with('{') {
            candidates.push(Candidate::Item(line.to_string()));
            continue;
        }
        let at = || format!("{name}:{}", number + 1);
        let value: Value =
            serde_json::from_str(line).with_context(|| format!("{}: not valid JSON", at()))?;
        let field = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
        match (field("item_id"), field("text")) {
            (Some(id), None) => candidates.push(Candidate::Item(id)),
            (None, Some(text)) => candidates.push(Candidate::Text(text)),
            _ => bail!(
                "{}: expected exactly one of `item_id` or `text` (a string)",
                at()
            ),
        }
    }
    Ok(candidates)
}

fn print(ranked: &[RankedCandidate], json: bool) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    for (rank, r) in ranked.iter().enumerate() {
        if json {
            serde_json::to_writer(&mut out, r)?;
            writeln!(out)?;
            continue;
        }
        match &r.item_id {
            Some(id) => writeln!(out, "{:>3}. {} [{id}]  {:.3}", rank + 1, r.title, r.score)?,
            None => writeln!(out, "{:>3}. {}  {:.3}", rank + 1, r.title, r.score)?,
        }
        for reason in &r.reasons {
            writeln!(out, "     {reason}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
