//! `rapport eval KIND`: quality on public data, following EVAL.md. Each kind prints its metrics
//! as a table and writes one prediction record per case, so the numbers can be re-scored.

use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use rapport_eval::attributes::{AttributesRun, Split, lexica, run_attributes_eval};
use rapport_eval::extraction::run_extraction_eval;
use rapport_eval::retrieval::{EngineRetriever, run_retrieval_eval};

use crate::args::EvalCommand;

pub fn run(what: EvalCommand) -> anyhow::Result<ExitCode> {
    match what {
        EvalCommand::Retrieval { data, out } => retrieval(&data, out.as_deref()),
        EvalCommand::Extraction { data, out } => extraction(&data, out.as_deref()),
        EvalCommand::Attributes {
            data,
            out,
            split,
            min_confidence,
        } => attributes(&data, out.as_deref(), &split, min_confidence),
        EvalCommand::Recommendation { data, out } => {
            super::eval_recommendation::run(&data, out.as_deref())
        }
        EvalCommand::Preference {
            data,
            distractors,
            out,
        } => super::eval_preference::run(&data, distractors.as_deref(), out.as_deref()),
    }
}

/// A progress bar counting `unit`s; hidden when standard error is not a terminal.
fn progress_bar(unit: &str) -> ProgressBar {
    let template = format!("{{spinner}} [{{elapsed_precise}}] {{wide_bar}} {{pos}}/{{len}} {unit}");
    ProgressBar::new(0).with_style(ProgressStyle::with_template(&template).expect("valid template"))
}

fn retrieval(data: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    // Every scope becomes a user of a fresh store that is deleted afterwards.
    let work = tempfile::tempdir()?;
    let mut retriever = EngineRetriever::open(work.path())?;
    let bar = progress_bar("scopes");
    let report = run_retrieval_eval(data, out, &mut retriever, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    for rejected in retriever.rejected() {
        eprintln!("warning: not ingested: {rejected}");
    }
    println!("Retrieval: {}", data.display());
    print!("{report}");
    if let Some(out) = out {
        println!("predictions: {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn extraction(data: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let bar = progress_bar("dialogues");
    let report = run_extraction_eval(data, out, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    println!("Extraction: {}", data.display());
    print!("{report}");
    if let Some(out) = out {
        println!("predictions: {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn attributes(
    data: &Path,
    out: Option<&Path>,
    split: &str,
    min_confidence: f32,
) -> anyhow::Result<ExitCode> {
    let split = match split {
        "tune" => Split::Tune,
        "holdout" => Split::Holdout,
        _ => Split::All,
    };
    // Every user goes into a fresh store that is deleted afterwards.
    let work = tempfile::tempdir()?;
    let bar = progress_bar("users");
    let run = AttributesRun {
        data,
        out,
        work_dir: work.path(),
        split,
        min_confidence,
    };
    let report = run_attributes_eval(run, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    println!(
        "Attributes: {} (split {split:?}, min confidence {min_confidence}; {})",
        data.display(),
        lexica()
    );
    print!("{report}");
    if let Some(out) = out {
        println!("predictions: {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}
