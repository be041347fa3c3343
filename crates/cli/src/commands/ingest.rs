//! `rapport ingest`: JSON lines in, atomic batches, a progress bar and a summary out.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chrono::{DateTime, Utc};
use indicatif::ProgressBar;
use rapport_core::Event;
use rapport_core::wire::parse_event;
use rapport_engine::{Engine, IngestReport};

use crate::json_lines::{Batches, LineSink, Reading, print_rejections};

/// Exit code when some lines were rejected (the rest were stored).
const SOME_REJECTED: u8 = 3;

pub fn run(engine: &Engine, files: &[PathBuf], batch_size: usize) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut sink = EventSink::new(engine);
    let reading = Batches {
        size: batch_size,
        sink: &mut sink,
    }
    .read_files(files)?;
    print_summary(&reading, &sink.report, started.elapsed().as_secs_f64())?;
    Ok(if reading.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(SOME_REJECTED)
    })
}

/// Events parsed from lines (times default to when reading began) and ingested a batch at a
/// time, adding up what the engine did.
struct EventSink<'a> {
    engine: &'a Engine,
    now: DateTime<Utc>,
    report: IngestReport,
}

impl<'a> EventSink<'a> {
    fn new(engine: &'a Engine) -> Self {
        Self {
            engine,
            now: Utc::now(),
            report: IngestReport::default(),
        }
    }
}

impl LineSink for EventSink<'_> {
    type Value = Event;

    fn parse(&mut self, line: &str) -> Result<Event, String> {
        parse_event(line, self.now).map_err(|e| e.to_string())
    }

    fn store(&mut self, batch: &[Event]) -> anyhow::Result<String> {
        let stored = self
            .engine
            .ingest(batch)
            .context("storing a batch failed; it was not applied")?;
        self.report.accepted += stored.accepted;
        self.report.duplicates += stored.duplicates;
        self.report.users += stored.users;
        Ok(format!("{} events", self.report.accepted))
    }
}

fn print_summary(reading: &Reading, report: &IngestReport, seconds: f64) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let rate = report.accepted as f64 / seconds.max(1e-9);
    writeln!(
        out,
        "Read {} lines in {seconds:.2}s: {} accepted, {} duplicates skipped, {} rejected ({rate:.0} events/s).",
        reading.lines,
        report.accepted,
        report.duplicates,
        reading.rejected.len(),
    )?;
    print_rejections(&mut out, &reading.rejected)
}

/// Ingests the lines of an in-memory JSON-lines text (used by the demo).
pub fn ingest_text(engine: &Engine, text: &str, source: &Path) -> anyhow::Result<IngestReport> {
    let mut sink = EventSink::new(engine);
    let mut reading = Reading::default();
    let name = source.display().to_string();
    Batches {
        size: 1000,
        sink: &mut sink,
    }
    .read(text.as_bytes(), &name, &ProgressBar::hidden(), &mut reading)?;
    if let Some(rejection) = reading.rejected.first() {
        anyhow::bail!("{rejection}");
    }
    Ok(sink.report)
}
