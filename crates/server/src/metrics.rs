//! Prometheus metrics, exposed in the text format at `/metrics`: requests and latency per
//! route, ingested events, and the engine's retrieval cache.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rapport_engine::CacheStats;

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// Counters kept by the server.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
    events_accepted: AtomicU64,
    events_duplicate: AtomicU64,
}

impl Metrics {
    /// Records one answered request.
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let key = (method.to_string(), route.to_string(), status);
        *lock(&self.requests).entry(key).or_default() += 1;
        let seconds = elapsed.as_secs_f64();
        let mut latency = lock(&self.latency);
        let histogram = latency.entry(route.to_string()).or_default();
        for (count, bound) in histogram.counts.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *count += 1;
            }
        }
        histogram.count += 1;
        histogram.sum += seconds;
    }

    /// Records an ingested batch.
    pub fn ingested(&self, accepted: usize, duplicates: usize) {
        self.events_accepted
            .fetch_add(accepted as u64, Ordering::Relaxed);
        self.events_duplicate
            .fetch_add(duplicates as u64, Ordering::Relaxed);
    }

    /// The exposition text.
    pub fn render(&self, cache: CacheStats) -> String {
        let mut out = String::new();
        out.push_str("# HELP rapport_http_requests_total HTTP requests answered.\n");
        out.push_str("# TYPE rapport_http_requests_total counter\n");
        for ((method, route, status), count) in lock(&self.requests).iter() {
            let _ = writeln!(
                out,
                "rapport_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}"
            );
        }
        out.push_str("# HELP rapport_http_request_duration_seconds Time to answer a request.\n");
        out.push_str("# TYPE rapport_http_request_duration_seconds histogram\n");
        for (route, h) in lock(&self.latency).iter() {
            let name = "rapport_http_request_duration_seconds";
            for (count, bound) in h.counts.iter().zip(BUCKETS) {
                let _ = writeln!(
                    out,
                    "{name}_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "{name}_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(out, "{name}_sum{{route=\"{route}\"}} {}", h.sum);
            let _ = writeln!(out, "{name}_count{{route=\"{route}\"}} {}", h.count);
        }
        let counters = [
            (
                "rapport_events_accepted_total",
                "Events newly stored.",
                self.events_accepted.load(Ordering::Relaxed),
            ),
            (
                "rapport_events_duplicate_total",
                "Events skipped as already stored.",
                self.events_duplicate.load(Ordering::Relaxed),
            ),
            (
                "rapport_index_cache_hits_total",
                "Retrievals served from a cached user memory.",
                cache.hits,
            ),
            (
                "rapport_index_cache_misses_total",
                "Retrievals that built a user memory from the store.",
                cache.misses,
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        }
        let gauges = [
            (
                "rapport_index_cache_users",
                "Users whose memory is cached.",
                cache.users,
            ),
            (
                "rapport_index_cache_bytes",
                "Approximate bytes of cached memories.",
                cache.bytes,
            ),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}
