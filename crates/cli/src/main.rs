//! The `rapport` binary: glue between the command line and `rapport-engine`.

mod args;
mod commands;
mod json_lines;
mod line_reader;
mod settings;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: a context request allocates and frees many small
/// buffers across threads, which glibc's malloc serves slowly (docs/BENCHMARKS.md, session 14).
/// Built without transparent huge pages (`no_thp`, see the workspace Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
