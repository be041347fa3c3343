//! A load generator for `rapport bench http`: N keep-alive HTTP/1.1 connections on loopback
//! sending context requests for a while, with latency percentiles.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;
use serde::Serialize;
use tokio::net::TcpStream;

/// What to send.
#[derive(Debug, Clone)]
pub struct LoadConfig {
    /// The server.
    pub addr: SocketAddr,
    /// A tenant API key.
    pub key: String,
    /// Users to spread requests over (round robin per connection).
    pub users: Vec<String>,
    /// Queries to cycle through.
    pub queries: Vec<String>,
    /// Concurrent connections.
    pub connections: usize,
    /// How long to send for.
    pub duration: Duration,
}

/// What was measured.
#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    /// Requests answered 200.
    pub ok: u64,
    /// Requests answered otherwise, or failed.
    pub errors: u64,
    /// Wall time.
    pub seconds: f64,
    /// Successful requests per second.
    pub per_second: f64,
    /// Median latency, milliseconds.
    pub p50_ms: f64,
    /// 99th percentile latency, milliseconds.
    pub p99_ms: f64,
}

async fn connection(config: LoadConfig, offset: usize, deadline: Instant) -> (u64, Vec<Duration>) {
    let mut errors = 0;
    let mut latencies = Vec::new();
    let Ok(stream) = TcpStream::connect(config.addr).await else {
        return (1, latencies);
    };
    let _ = stream.set_nodelay(true);
    let Ok((mut sender, conn)) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
    else {
        return (1, latencies);
    };
    tokio::spawn(conn);
    let mut i = offset;
    while Instant::now() < deadline {
        let user = &config.users[i % config.users.len()];
        let query = &config.queries[i % config.queries.len()];
        i += 1;
        let body = serde_json::json!({"query": query}).to_string();
        let request = Request::post(format!("/v1/users/{user}/context"))
            .header("host", "rapport")
            .header("authorization", format!("Bearer {}", config.key))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body)))
            .expect("a valid request");
        let start = Instant::now();
        let Ok(response) = sender.send_request(request).await else {
            return (errors + 1, latencies);
        };
        let ok = response.status().is_success();
        let drained = response.into_body().collect().await.is_ok();
        if ok && drained {
            latencies.push(start.elapsed());
        } else {
            errors += 1;
        }
    }
    (errors, latencies)
}

/// Runs the load on a runtime of its own with `threads` workers.
pub fn run_blocking(config: LoadConfig, threads: usize) -> std::io::Result<LoadReport> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads.max(1))
        .enable_all()
        .build()?;
    Ok(runtime.block_on(run(config)))
}

/// Runs the load and reports.
pub async fn run(config: LoadConfig) -> LoadReport {
    let start = Instant::now();
    let deadline = start + config.duration;
    let tasks: Vec<_> = (0..config.connections.max(1))
        .map(|offset| tokio::spawn(connection(config.clone(), offset, deadline)))
        .collect();
    let (mut errors, mut latencies) = (0, Vec::new());
    for task in tasks {
        match task.await {
            Ok((e, l)) => {
                errors += e;
                latencies.extend(l);
            }
            Err(_) => errors += 1,
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let percentile = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    LoadReport {
        ok: latencies.len() as u64,
        errors,
        seconds,
        per_second: latencies.len() as f64 / seconds,
        p50_ms: percentile(0.50),
        p99_ms: percentile(0.99),
    }
}
