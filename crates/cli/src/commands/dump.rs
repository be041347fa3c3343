//! `rapport export` and `rapport import`: move a whole store to another backend (the embedded
//! store to PostgreSQL and back) through a JSON-lines dump.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rapport_engine::Engine;

pub fn export(engine: &Engine, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} users")
            .expect("valid template"),
    );
    let progress = |done: usize, all: usize| {
        bar.set_length(all as u64);
        bar.set_position(done as u64);
    };
    let report = match out {
        Some(path) => {
            // Written beside the target and renamed at the end: a failed export leaves no
            // truncated dump behind that could be mistaken for a whole one.
            let partial = path.with_extension("partial");
            let file = File::create(&partial)
                .with_context(|| format!("cannot create {}", partial.display()))?;
            let mut writer = BufWriter::new(file);
            let report = engine.export(&mut writer, progress)?;
            writer
                .into_inner()
                .map_err(|e| e.into_error())?
                .sync_all()?;
            std::fs::rename(&partial, path).with_context(|| {
                format!("cannot rename {} to {}", partial.display(), path.display())
            })?;
            report
        }
        None => {
            let stdout = std::io::stdout();
            let mut writer = BufWriter::new(stdout.lock());
            let report = engine.export(&mut writer, progress)?;
            writer.flush()?;
            report
        }
    };
    bar.finish_and_clear();
    eprintln!(
        "Exported {} users, {} events and {} facts from {}{}.",
        report.users,
        report.events,
        report.facts,
        engine.config().location(),
        out.map(|p| format!(" to {}", p.display()))
            .unwrap_or_default()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn import(engine: &Engine, file: &Path) -> anyhow::Result<ExitCode> {
    let reader: Box<dyn std::io::BufRead> = if file == Path::new("-") {
        Box::new(BufReader::new(std::io::stdin().lock()))
    } else {
        let opened = File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
        Box::new(BufReader::new(opened))
    };
    let bar = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos} events imported")
            .expect("valid template"),
    );
    let report = engine
        .import(reader, |events| bar.set_position(events))
        .with_context(|| format!("cannot import {}", file.display()))?;
    bar.finish_and_clear();
    println!(
        "Imported {} users, {} events and {} facts into {}.",
        report.users,
        report.events,
        report.facts,
        engine.config().location()
    );
    Ok(ExitCode::SUCCESS)
}
