//! `rapport bench http`: context requests per second over HTTP on loopback.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use rapport_core::{TenantId, UserId};
use rapport_engine::{Engine, EngineConfig};
use rapport_eval::bench::{Rng, user_turns};
use rapport_server::load::{LoadConfig, LoadReport, run_blocking};
use rapport_server::{Server, ServerConfig};

/// Questions the load cycles through.
const QUERIES: [&str; 4] = [
    "What do I like to eat?",
    "Where did I go last week?",
    "What is my sister's name?",
    "Which music do I love?",
];

/// What the load runs against.
pub struct Target {
    /// A running server's address, key and user; `None` to start one in-process.
    pub external: Option<(std::net::SocketAddr, String, String)>,
    pub users: usize,
    pub turns: usize,
    pub server_threads: usize,
    /// Only serve (for a load generator in another process) until standard input ends.
    pub serve_only: bool,
}

pub fn run(
    target: Target,
    connections: usize,
    seconds: u64,
    client_threads: usize,
) -> anyhow::Result<ExitCode> {
    let duration = Duration::from_secs(seconds);
    let mut cpu_per_request = None;
    let report = match target.external {
        Some((addr, key, user)) => {
            load(addr, key, vec![user], connections, duration, client_threads)?
        }
        None => {
            let dir = tempfile::tempdir()?;
            let engine = Engine::open(EngineConfig::with_data_dir(dir.path()))?;
            let tenant = TenantId::new("bench")?;
            eprintln!(
                "ingesting {} users x {} turns ...",
                target.users, target.turns
            );
            let mut rng = Rng::new(7);
            let start = Utc
                .with_ymd_and_hms(2024, 1, 1, 8, 0, 0)
                .single()
                .expect("valid");
            let mut users = Vec::new();
            for i in 0..target.users {
                let user = UserId::new(format!("u{i}"))?;
                engine.ingest(&user_turns(&tenant, &user, target.turns, start, &mut rng))?;
                users.push(user.to_string());
            }
            engine.create_tenant(&tenant)?;
            let key = engine.create_api_key(&tenant)?.key;
            let config = ServerConfig {
                listen: "127.0.0.1:0".parse()?,
                ..ServerConfig::default()
            };
            let server =
                Server::new(Arc::new(engine), config).start_in_background(target.server_threads)?;
            // Warm every user's memory so the run measures hot requests.
            load(
                server.addr,
                key.clone(),
                users.clone(),
                users.len(),
                Duration::from_millis(500),
                client_threads,
            )?;
            if target.serve_only {
                return serve_until_stdin_ends(server.addr, &key, &users);
            }
            let cpu_before = process_cpu_seconds();
            let report = load(
                server.addr,
                key,
                users,
                connections,
                duration,
                client_threads,
            )?;
            if let (Some(before), Some(after)) = (cpu_before, process_cpu_seconds()) {
                cpu_per_request = Some((after - before) / report.ok.max(1) as f64);
            }
            report
        }
    };
    println!("connections           {connections}");
    println!("requests ok           {}", report.ok);
    println!("errors                {}", report.errors);
    println!("seconds               {:.2}", report.seconds);
    println!("context requests/s    {:.0}", report.per_second);
    println!("p50                   {:.3} ms", report.p50_ms);
    println!("p99                   {:.3} ms", report.p99_ms);
    if let Some(cpu) = cpu_per_request {
        println!(
            "CPU per request       {:.0} us (server and load generator)",
            cpu * 1e6
        );
    }
    Ok(if report.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// User and system CPU time of this process so far (Linux: `/proc/self/stat`, in ticks of
/// USER_HZ, which is 100); `None` elsewhere.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

/// Prints what a load generator needs, then waits for a line or end of file on standard input
/// while the server (on its own thread) answers.
fn serve_until_stdin_ends(
    addr: std::net::SocketAddr,
    key: &str,
    users: &[String],
) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "address {addr}")?;
    writeln!(out, "key {key}")?;
    writeln!(out, "users {}", users.join(","))?;
    writeln!(out, "queries {}", QUERIES.join("|"))?;
    writeln!(out, "ready")?;
    out.flush()?;
    drop(out);
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(ExitCode::SUCCESS)
}

fn load(
    addr: std::net::SocketAddr,
    key: String,
    users: Vec<String>,
    connections: usize,
    duration: Duration,
    threads: usize,
) -> anyhow::Result<LoadReport> {
    let config = LoadConfig {
        addr,
        key,
        users,
        queries: QUERIES.iter().map(|q| q.to_string()).collect(),
        connections,
        duration,
    };
    Ok(run_blocking(config, threads)?)
}
