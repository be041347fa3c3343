//! `rapport items import`: catalog items from JSON lines, in batches, with a progress bar and
//! every rejected line named.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rapport_core::wire::MAX_LINE_BYTES;
use rapport_core::{Item, TenantId};
use rapport_engine::{Engine, ImportReport};

use crate::line_reader::{Line, LineReader};

/// Items per transaction.
const BATCH: usize = 1000;
/// Exit code when some lines were rejected (the rest were stored).
const SOME_REJECTED: u8 = 3;
/// Rejections listed in full; the rest are counted.
const LISTED_REJECTIONS: usize = 50;

#[derive(Default)]
struct Totals {
    report: ImportReport,
    rejected: Vec<String>,
    lines: u64,
}

pub fn import(engine: &Engine, tenant: &TenantId, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
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
            import_reader(engine, tenant, io::stdin().lock(), &name, &bar, &mut totals)?;
        } else {
            let reader =
                BufReader::new(File::open(file).with_context(|| format!("cannot open {name}"))?);
            import_reader(engine, tenant, reader, &name, &bar, &mut totals)?;
        }
    }
    bar.finish_and_clear();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "Read {} lines in {:.2}s: {} new items, {} updated, {} rejected.",
        totals.lines,
        started.elapsed().as_secs_f64(),
        totals.report.new,
        totals.report.updated,
        totals.rejected.len()
    )?;
    for r in totals.rejected.iter().take(LISTED_REJECTIONS) {
        writeln!(out, "  rejected {r}")?;
    }
    if totals.rejected.len() > LISTED_REJECTIONS {
        let more = totals.rejected.len() - LISTED_REJECTIONS;
        writeln!(out, "  ... and {more} more rejected lines")?;
    }
    Ok(if totals.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(SOME_REJECTED)
    })
}

fn import_reader(
    engine: &Engine,
    tenant: &TenantId,
    reader: impl BufRead,
    name: &str,
    bar: &ProgressBar,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    let mut lines = LineReader::new(reader, MAX_LINE_BYTES);
    let mut batch: Vec<Item> = Vec::with_capacity(BATCH);
    let mut line_number = 0u64;
    let mut last_position = 0u64;
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
                Ok(text) => Item::parse(&text).map_err(|e| e.to_string()),
            },
        };
        match parsed {
            Ok(item) => batch.push(item),
            Err(reason) => totals
                .rejected
                .push(format!("{name}:{line_number}: {reason}")),
        }
        if batch.len() >= BATCH {
            flush(engine, tenant, &mut batch, totals)?;
            bar.inc(lines.consumed - last_position);
            last_position = lines.consumed;
        }
    }
    flush(engine, tenant, &mut batch, totals)?;
    bar.inc(lines.consumed - last_position);
    Ok(())
}

fn flush(
    engine: &Engine,
    tenant: &TenantId,
    batch: &mut Vec<Item>,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let report = engine
        .import_items(tenant, batch)
        .context("storing a batch of items failed; it was not applied")?;
    totals.report.new += report.new;
    totals.report.updated += report.updated;
    batch.clear();
    Ok(())
}
