//! The HTTP API end to end: a real server on a loopback port, a real SQLite store, a scripted
//! learner ("I live in X."). Response bodies are snapshot-tested with times and secrets
//! redacted.

mod admin;
mod dashboard;
mod errors;
mod events;
mod facts;
mod harness;
mod isolation;
mod items;
mod mcp;
mod openai_script;
mod operations;
mod proxy;
mod proxy_tls;
mod python_client;
mod scripted;
mod two_servers;
mod user_keys;
mod users;
mod webdriver;
