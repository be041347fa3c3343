//! End-to-end tests of the `rapport` binary: one test executable for the whole CLI.

mod control;
mod dump;
mod eval;
mod harness;
mod ingest;
mod inspect;
mod mcp;
mod postgres;
mod recommend;
mod serve;
mod settings;
