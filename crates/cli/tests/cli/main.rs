//! End-to-end tests of the `rapport` binary: one test executable for the whole CLI.

mod harness;
mod ingest;
mod inspect;
mod recommend;
mod settings;
