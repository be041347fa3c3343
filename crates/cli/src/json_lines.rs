//! Reading JSON-lines inputs (`rapport ingest`, `rapport items import`): files one after the
//! other (`-` is standard input) under one progress bar, each non-blank line parsed, the parsed
//! values handed on in batches, and every rejected line named by file and line number.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rapport_core::wire::MAX_LINE_BYTES;

use crate::line_reader::{Line, LineReader};

/// Rejections listed in full by [`print_rejections`]; the rest are counted.
const LISTED_REJECTIONS: usize = 50;

/// A line that was not stored, and why.
pub struct Rejection {
    pub file: String,
    pub line: u64,
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// What reading saw: lines read (blank ones included) and lines rejected.
#[derive(Default)]
pub struct Reading {
    pub lines: u64,
    pub rejected: Vec<Rejection>,
}

/// How lines become values and where batches of them go.
pub trait LineSink {
    type Value;

    /// Parses one line (without its newline).
    fn parse(&mut self, line: &str) -> Result<Self::Value, String>;

    /// Stores one batch; returns the progress bar's message.
    fn store(&mut self, batch: &[Self::Value]) -> anyhow::Result<String>;
}

/// Reads inputs into a [`LineSink`], `size` values per batch.
pub struct Batches<'a, S> {
    pub size: usize,
    pub sink: &'a mut S,
}

impl<S: LineSink> Batches<'_, S> {
    /// Reads `files` in order under a progress bar over their total size.
    pub fn read_files(&mut self, files: &[PathBuf]) -> anyhow::Result<Reading> {
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
        let mut reading = Reading::default();
        for file in files {
            let name = file.display().to_string();
            if file.as_os_str() == "-" {
                self.read(io::stdin().lock(), &name, &bar, &mut reading)?;
            } else {
                let opened = File::open(file).with_context(|| format!("cannot open {name}"))?;
                let reader = BufReader::with_capacity(1 << 16, opened);
                self.read(reader, &name, &bar, &mut reading)?;
            }
        }
        bar.finish_and_clear();
        Ok(reading)
    }

    /// Reads one input called `name`, advancing `bar` by the bytes it consumes.
    pub fn read(
        &mut self,
        reader: impl BufRead,
        name: &str,
        bar: &ProgressBar,
        reading: &mut Reading,
    ) -> anyhow::Result<()> {
        let mut lines = LineReader::new(reader, MAX_LINE_BYTES);
        let mut batch: Vec<S::Value> = Vec::with_capacity(self.size);
        let mut line_number = 0u64;
        let mut last_position = 0u64;
        while let Some(line) = lines
            .next_line()
            .with_context(|| format!("cannot read {name}"))?
        {
            line_number += 1;
            reading.lines += 1;
            let parsed = match line {
                Line::TooLong(length) => Err(format!(
                    "line is {length} bytes, longer than the limit of {MAX_LINE_BYTES}"
                )),
                Line::Text(bytes) => match String::from_utf8(bytes) {
                    Err(e) => Err(format!("not valid UTF-8 ({})", e.utf8_error())),
                    Ok(text) if text.trim().is_empty() => continue,
                    Ok(text) => self.sink.parse(&text),
                },
            };
            match parsed {
                Ok(value) => batch.push(value),
                Err(reason) => reading.rejected.push(Rejection {
                    file: name.to_string(),
                    line: line_number,
                    reason,
                }),
            }
            if batch.len() >= self.size {
                bar.set_message(self.sink.store(&batch)?);
                batch.clear();
                bar.inc(lines.consumed - last_position);
                last_position = lines.consumed;
            }
        }
        if !batch.is_empty() {
            bar.set_message(self.sink.store(&batch)?);
        }
        bar.inc(lines.consumed - last_position);
        Ok(())
    }
}

/// Lists the first rejections in full and counts the rest.
pub fn print_rejections(out: &mut impl Write, rejected: &[Rejection]) -> io::Result<()> {
    for r in rejected.iter().take(LISTED_REJECTIONS) {
        writeln!(out, "  rejected {r}")?;
    }
    if rejected.len() > LISTED_REJECTIONS {
        let more = rejected.len() - LISTED_REJECTIONS;
        writeln!(out, "  ... and {more} more rejected lines")?;
    }
    Ok(())
}
