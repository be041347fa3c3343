//! `rapport items import`: catalog items from JSON lines, in batches, with a progress bar and
//! every rejected line named.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use rapport_core::{Item, TenantId};
use rapport_engine::{Engine, ImportReport};

use crate::json_lines::{Batches, LineSink, print_rejections};

/// Items per transaction.
const BATCH: usize = 1000;
/// Exit code when some lines were rejected (the rest were stored).
const SOME_REJECTED: u8 = 3;

pub fn import(engine: &Engine, tenant: &TenantId, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut sink = ItemSink {
        engine,
        tenant,
        report: ImportReport::default(),
    };
    let reading = Batches {
        size: BATCH,
        sink: &mut sink,
    }
    .read_files(files)?;
    let report = sink.report;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "Read {} lines in {:.2}s: {} new items, {} updated, {} rejected.",
        reading.lines,
        started.elapsed().as_secs_f64(),
        report.new,
        report.updated,
        reading.rejected.len()
    )?;
    print_rejections(&mut out, &reading.rejected)?;
    Ok(if reading.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(SOME_REJECTED)
    })
}

/// Items parsed from lines and added to the tenant's catalog a batch at a time.
struct ItemSink<'a> {
    engine: &'a Engine,
    tenant: &'a TenantId,
    report: ImportReport,
}

impl LineSink for ItemSink<'_> {
    type Value = Item;

    fn parse(&mut self, line: &str) -> Result<Item, String> {
        Item::parse(line).map_err(|e| e.to_string())
    }

    fn store(&mut self, batch: &[Item]) -> anyhow::Result<String> {
        let stored = self
            .engine
            .import_items(self.tenant, batch)
            .context("storing a batch of items failed; it was not applied")?;
        self.report.new += stored.new;
        self.report.updated += stored.updated;
        Ok(format!("{} items", self.report.new + self.report.updated))
    }
}
