//! The command line, as close to the flags as possible; [`crate::settings`] gives it meaning.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Rapport: a user-modeling engine. It learns who each user is from what they say and do.
#[derive(Debug, Parser)]
#[command(name = "rapport", version, about, long_about = None)]
pub struct Args {
    /// Directory of the embedded store [default: ./rapport-data, or `data_dir` in the config file].
    #[arg(long, global = true, env = "RAPPORT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Keep the data in this PostgreSQL database instead of the embedded store
    /// (`postgres://user:password@host:port/db`).
    #[arg(
        long,
        global = true,
        env = "RAPPORT_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,

    /// Config file [default: ./rapport.toml when it exists].
    #[arg(long, global = true, env = "RAPPORT_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest a sample conversation and print what Rapport learned from it.
    Demo,
    /// Ingest events from JSON-lines files (`-` for standard input); see docs/EVENTS.md.
    Ingest {
        /// Files to read, one event per line.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Events per atomic batch.
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        batch_size: u32,
    },
    /// Show a user's profile: current facts by facet, with confidence and evidence.
    Profile {
        /// The user.
        user: String,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Also show facts that are no longer true, and why they changed.
        #[arg(long)]
        history: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show a user's event log.
    History {
        /// The user.
        user: String,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Show at most this many events.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Start after this sequence number.
        #[arg(long, default_value_t = 0)]
        after: u64,
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List users.
    Users {
        /// Only this tenant [default: every tenant].
        #[arg(long)]
        tenant: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Build the personalized context block for a query, under a token budget.
    Context {
        /// The user.
        user: String,
        /// The message the LLM is about to answer.
        query: String,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Most tokens the block may take (estimated as words × 1.3).
        #[arg(long, default_value_t = rapport_engine::DEFAULT_BUDGET)]
        budget: usize,
        /// "Now" for relative times in the query (RFC 3339) [default: the user's latest event].
        #[arg(long, value_parser = parse_time)]
        time: Option<chrono::DateTime<chrono::Utc>>,
        /// Print the structured context as JSON instead of the block.
        #[arg(long)]
        json: bool,
    },
    /// Search a user's past turns.
    Search {
        /// The user.
        user: String,
        /// What to look for.
        query: String,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// How many turns to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// "Now" for relative times in the query (RFC 3339).
        #[arg(long, value_parser = parse_time)]
        time: Option<chrono::DateTime<chrono::Utc>>,
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Measure speed and memory on synthetic data, in a temporary store (docs/BENCHMARKS.md).
    Bench {
        /// What to measure.
        #[command(subcommand)]
        what: BenchCommand,
    },
    /// Measure quality on public data (see EVAL.md and docs/EVALUATION.md).
    Eval {
        /// What to measure.
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Serve the memory tools over the Model Context Protocol on standard input and output
    /// (`remember`, `recall`, `profile`, `forget`), for one tenant.
    Mcp {
        /// The tenant whose users the tools act on.
        #[arg(long, default_value = "default")]
        tenant: String,
    },
    /// Export everything held about one user as one JSON document; without a user, write
    /// the whole store (every tenant's users, events and facts) as a JSON-lines dump, to move
    /// it to another backend with `rapport import`.
    Export {
        /// The user to export [default: the whole store, as a dump].
        user: Option<String>,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Write here [default: standard output].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Read a dump written by `rapport export` into this store, which must not hold the
    /// dump's users yet.
    Import {
        /// The dump (`-` for standard input).
        file: PathBuf,
    },
    /// Manage the item catalog that `recommend` and `rank` draw on.
    Items {
        /// What to do.
        #[command(subcommand)]
        what: ItemsCommand,
    },
    /// Recommend catalog items for a user, each with its reasons.
    Recommend {
        /// The user.
        user: String,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// How many items.
        #[arg(short, long, default_value_t = 10)]
        k: usize,
        /// Only items with one of these tags (repeatable).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Also recommend items the user already acted on.
        #[arg(long)]
        include_consumed: bool,
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Rank candidates for a user: item ids, one a line, or JSON lines `{"item_id": ...}` /
    /// `{"text": ...}` (free-text candidates, e.g. answers to `--context`).
    Rank {
        /// The user.
        user: String,
        /// The candidates file (`-` for standard input).
        #[arg(long, value_name = "FILE")]
        candidates: PathBuf,
        /// What the candidates answer (a question the user asked).
        #[arg(long)]
        context: Option<String>,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Print JSON lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Rebuild every profile from the event log (users' edits, pins and deletions are kept).
    Reindex,
    /// Serve the HTTP API (docs/API.md). The admin key comes from `RAPPORT_ADMIN_KEY` or
    /// `admin_key` in the config file, never from the command line.
    Serve {
        /// Address to listen on [default: 127.0.0.1:7420, or `listen` in the config file].
        #[arg(long, env = "RAPPORT_LISTEN", value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
        /// Largest request body accepted, in bytes [default: 8 MiB].
        #[arg(long, env = "RAPPORT_MAX_BODY_BYTES", value_name = "BYTES")]
        max_body_bytes: Option<usize>,
        /// Seconds a request may take before it is answered with `timeout` [default: 30].
        #[arg(long, env = "RAPPORT_REQUEST_TIMEOUT", value_name = "SECONDS")]
        request_timeout: Option<u64>,
    },
    /// Manage tenants without the HTTP API.
    Tenants {
        /// What to do.
        #[command(subcommand)]
        what: TenantsCommand,
    },
    /// Manage API keys without the HTTP API.
    Keys {
        /// What to do.
        #[command(subcommand)]
        what: KeysCommand,
    },
    /// Delete everything held about a user, or only one fact or one category of facts
    /// (which is then never learned again).
    Forget {
        /// The user.
        user: String,
        /// The user's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Only this fact (and the other versions of its value).
        #[arg(long, value_name = "ID", conflicts_with = "category")]
        fact: Option<u64>,
        /// Only this category: a sensitive class (health, religion, sexuality, politics,
        /// ethnicity, precise_location, finances) or a facet.
        #[arg(long)]
        category: Option<String>,
    },
    /// Show the audit log: edits, exports and deletions (who, when, what kind; never the
    /// content).
    Audit {
        /// The tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
        /// Only entries about this user.
        #[arg(long)]
        user: Option<String>,
        /// Most entries shown, newest first.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn parse_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    rapport_core::wire::parse_time(text).map_err(|e| e.to_string())
}

/// Tenant commands.
#[derive(Debug, Subcommand)]
pub enum TenantsCommand {
    /// Register a tenant.
    Create {
        /// The tenant's name.
        name: String,
    },
    /// List registered tenants.
    List,
    /// Show a tenant's policy, or change the parts given.
    Policy {
        /// The tenant.
        name: String,
        /// Sensitive classes Rapport may infer, comma-separated (empty: none): health,
        /// religion, sexuality, politics, ethnicity, precise_location, finances.
        #[arg(long, value_name = "CLASSES")]
        infer_sensitive: Option<String>,
        /// Mask emails, phone and card numbers, addresses and ids before text leaves the
        /// machine (the proxy's upstream call).
        #[arg(long, value_name = "BOOL")]
        redact_outbound: Option<bool>,
        /// Mask them before events are stored.
        #[arg(long, value_name = "BOOL")]
        redact_storage: Option<bool>,
    },
}

/// API key commands.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create an API key for a registered tenant; the secret is printed once.
    Create {
        /// The tenant.
        tenant: String,
        /// Limit the key to this user (their own dashboard and data).
        #[arg(long)]
        user: Option<String>,
    },
    /// Revoke an API key by id.
    Revoke {
        /// The key's id (`key_…`).
        id: String,
    },
}

/// Benchmarks.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Ingest throughput and per-user context latency as the store grows, in a temporary
    /// store, or in the (empty) PostgreSQL database given with --database-url.
    Scale {
        /// Users in all.
        #[arg(long, default_value_t = 100_000)]
        users: usize,
        /// Events of each user.
        #[arg(long, default_value_t = 100)]
        events_per_user: usize,
        /// Latency is measured after each stage, over all users so far.
        #[arg(long, default_value_t = 4)]
        stages: usize,
        /// Users whose histories form one ingest batch.
        #[arg(long, default_value_t = 10)]
        users_per_batch: usize,
        /// Users sampled for latency after each stage.
        #[arg(long, default_value_t = 300)]
        sampled_users: usize,
    },
    /// The whole write path: store, learn, embed and index synthetic turns.
    Ingest {
        /// Users the turns are spread over.
        #[arg(long, default_value_t = 1_000)]
        users: usize,
        /// Turns in all.
        #[arg(long, default_value_t = 100_000)]
        turns: usize,
        /// Turns per ingest batch.
        #[arg(long, default_value_t = 1_000)]
        batch: usize,
        /// Also infer attributes and style (off by default, as in the engine), to measure
        /// what it costs.
        #[arg(long)]
        infer: bool,
        /// Threads that learn from a batch (0: one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
    },
    /// Context latency for a hot user among many, cold-load time and memory per turn.
    Context {
        /// Other users in the store.
        #[arg(long, default_value_t = 10_000)]
        users: usize,
        /// Turns of each other user.
        #[arg(long, default_value_t = 10)]
        others_turns: usize,
        /// Turns of each hot user.
        #[arg(long, default_value_t = 1_000)]
        hot_turns: usize,
        /// Context requests to time.
        #[arg(long, default_value_t = 2_000)]
        requests: usize,
    },
    /// Context requests per second over HTTP on loopback, with N concurrent connections.
    /// Without `--addr`, starts a server in-process on synthetic data.
    Http {
        /// A running server to load instead (`--key` and `--user` are then required).
        #[arg(long, requires_all = ["key", "user"])]
        addr: Option<std::net::SocketAddr>,
        /// A tenant API key of the running server.
        #[arg(long)]
        key: Option<String>,
        /// A user of the running server.
        #[arg(long)]
        user: Option<String>,
        /// Users to create in-process.
        #[arg(long, default_value_t = 20)]
        users: usize,
        /// Turns of each in-process user.
        #[arg(long, default_value_t = 1_000)]
        turns: usize,
        /// Concurrent connections.
        #[arg(long, default_value_t = 32)]
        connections: usize,
        /// Seconds to send for.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Worker threads of the in-process server.
        #[arg(long, default_value_t = 2)]
        server_threads: usize,
        /// Worker threads of the load generator.
        #[arg(long, default_value_t = 1)]
        client_threads: usize,
        /// Only serve the in-process store, for a load generator in another process (e.g.
        /// `scripts/bench-http-wrk`): prints the address, key and users, warms every user, then
        /// serves until a line or end of file on standard input.
        #[arg(long, conflicts_with = "addr")]
        serve: bool,
    },
    /// Latency of recommend (whole catalog) and rank (100 candidates) on MovieLens.
    Recommend {
        /// The `movielens` directory (items and train JSON lines).
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Requests to time per operation.
        #[arg(long, default_value_t = 1_000)]
        requests: usize,
    },
}

/// Catalog commands.
#[derive(Debug, Subcommand)]
pub enum ItemsCommand {
    /// Add or replace items from JSON-lines files: `{"item_id", "title", "text"?, "tags"?,
    /// "attributes"?}` one a line.
    Import {
        /// Files to read (`-` for standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The catalog's tenant.
        #[arg(long, default_value = "default")]
        tenant: String,
    },
}

/// Quality evaluations on public data sets (EVAL.md); each runs in a temporary store.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Long-term conversational memory: Recall@k and Hit@k of the evidence turns (EVAL.md §1).
    Retrieval {
        /// A `*.retrieval.jsonl` file.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Write one prediction record per question here (JSON lines).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Facts a speaker reveals about themselves: precision, recall and F1 against gold persona
    /// facts (EVAL.md §2).
    Extraction {
        /// A `*.extraction.jsonl` file.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Write one prediction record per (dialogue, speaker) here (JSON lines).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// What authored text reveals: top-1 accuracy per attribute, abstentions wrong, and a
    /// calibration table (EVAL.md §3), through the engine.
    Attributes {
        /// A `*.attributes.jsonl` file.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Write one prediction record per user here (JSON lines).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Which users: all, or one half by a hash of the user id (`tune`, `holdout`).
        #[arg(long, value_name = "SPLIT", default_value = "all", value_parser = ["all", "tune", "holdout"])]
        split: String,
        /// Inferences below this confidence are abstentions (the engine's default is 0.3).
        #[arg(long, value_name = "P", default_value_t = 0.3)]
        min_confidence: f32,
    },
    /// MovieLens top-10 recommendation (NDCG@10, Recall@10, HR@10), through the engine.
    Recommendation {
        /// The `movielens` directory (items, train, test JSON lines).
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the predictions (JSON lines).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// PrefEval preference-following choice (accuracy per form and overall), through the engine.
    Preference {
        /// The `*.preference.jsonl` file.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// The distractor turns [default: prefeval.distractors.jsonl beside `--data`].
        #[arg(long, value_name = "FILE")]
        distractors: Option<PathBuf>,
        /// Where to write the predictions (JSON lines).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}
