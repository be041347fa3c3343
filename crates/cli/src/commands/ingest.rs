//! `rapport ingest`: JSON lines in, atomic batches, a progress bar and a summary out.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rapport_core::Event;
use rapport_core::wire::{MAX_LINE_BYTES, parse_event};
use rapport_engine::{Engine, IngestReport};

use crate::line_reader::{Line, LineReader};

/// Exit code when some lines were rejected (the rest were stored).
const SOME_REJECTED: u8 = 3;
/// Rejections listed in full; the rest are counted.
const LISTED_REJECTIONS: usize = 50;

struct Rejection {
    file: String,
    line: u64,
    reason: String,
}

#[derive(Default)]
struct Totals {
    report: IngestReport,
    rejected: Vec<Rejection>,
    lines: u64,
}

pub fn run(engine: &Engine, files: &[PathBuf], batch_size: usize) -> anyhow::Result<ExitCode> {
    let total_bytes: u64 = files
        .iter()
        .filter(|f| f.as_os_str() != "-")
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    let bar = ProgressBar::new(total_bytes).with_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({eta}) {msg}",
        )
        .expect("valid template"),
    );
    let started = Instant::now();
    let mut totals = Totals::default();
    for file in files {
        let name = file.display().to_string();
        if file.as_os_str() == "-" {
            ingest_reader(
                engine,
                io::stdin().lock(),
                &name,
                batch_size,
                &bar,
                &mut totals,
            )?;
        } else {
            let reader = BufReader::with_capacity(
                1 << 16,
                File::open(file).with_context(|| format!("cannot open {name}"))?,
            );
            ingest_reader(engine, reader, &name, batch_size, &bar, &mut totals)?;
        }
    }
    bar.finish_and_clear();
    print_summary(&totals, started.elapsed().as_secs_f64())?;
    Ok(if totals.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(SOME_REJECTED)
    })
}

fn ingest_reader(
    engine: &Engine,
    reader: impl BufRead,
    name: &str,
    batch_size: usize,
    bar: &ProgressBar,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    let mut lines = LineReader::new(reader, MAX_LINE_BYTES);
    let mut batch: Vec<Event> = Vec::with_capacity(batch_size);
    let mut line_number = 0u64;
    let mut last_position = 0u64;
    let now = chrono::Utc::now();
    while let Some(line) = lines
        .next_line()
        .with_context(|| format!("cannot read {name}"))?
    {
        line_number += 1;
        totals.lines += 1;
        let parsed = match line {
            Line::TooLong(length) => Err(format!(
                "line is {length} bytes, longer than the limit of {MAX_LINE_BYTES}"
            )),
            Line::Text(bytes) => match String::from_utf8(bytes) {
                Err(e) => Err(format!("not valid UTF-8 ({})", e.utf8_error())),
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => parse_event(&text, now).map_err(|e| e.to_string()),
            },
        };
        match parsed {
            Ok(event) => batch.push(event),
            Err(reason) => totals.rejected.push(Rejection {
                file: name.to_string(),
                line: line_number,
                reason,
            }),
        }
        if batch.len() >= batch_size {
            flush(engine, &mut batch, totals)?;
            bar.inc(lines.consumed - last_position);
            last_position = lines.consumed;
            bar.set_message(format!("{} events", totals.report.accepted));
        }
    }
    flush(engine, &mut batch, totals)?;
    bar.inc(lines.consumed - last_position);
    Ok(())
}

fn flush(engine: &Engine, batch: &mut Vec<Event>, totals: &mut Totals) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let report = engine
        .ingest(batch)
        .context("storing a batch failed; it was not applied")?;
    totals.report.accepted += report.accepted;
    totals.report.duplicates += report.duplicates;
    totals.report.users += report.users;
    batch.clear();
    Ok(())
}

fn print_summary(totals: &Totals, seconds: f64) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let rate = totals.report.accepted as f64 / seconds.max(1e-9);
    writeln!(
        out,
        "Read {} lines in {seconds:.2}s: {} accepted, {} duplicates skipped, {} rejected ({rate:.0} events/s).",
        totals.lines,
        totals.report.accepted,
        totals.report.duplicates,
        totals.rejected.len(),
    )?;
    for r in totals.rejected.iter().take(LISTED_REJECTIONS) {
        writeln!(out, "  rejected {}:{}: {}", r.file, r.line, r.reason)?;
    }
    if totals.rejected.len() > LISTED_REJECTIONS {
        writeln!(
            out,
            "  ... and {} more rejected lines",
            totals.rejected.len() - LISTED_REJECTIONS
        )?;
    }
    Ok(())
}

/// Ingests the lines of an in-memory JSON-lines text (used by the demo).
pub fn ingest_text(engine: &Engine, text: &str, source: &Path) -> anyhow::Result<IngestReport> {
    let mut totals = Totals::default();
    let bar = ProgressBar::hidden();
    ingest_reader(
        engine,
        text.as_bytes(),
        &source.display().to_string(),
        1000,
        &bar,
        &mut totals,
    )?;
    if let Some(r) = totals.rejected.first() {
        anyhow::bail!("{}:{}: {}", r.file, r.line, r.reason);
    }
    Ok(totals.report)
}
