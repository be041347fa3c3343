//! How to run the server.

use std::net::SocketAddr;
use std::time::Duration;

/// Server settings; the CLI resolves them from flags, environment and `rapport.toml`.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// The admin key, allowed on `/v1/admin/*` only. `None` disables the admin routes.
    pub admin_key: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Longest a request may take before it is answered with `timeout` (the chat proxy waits
    /// for its upstream instead, up to the upstream's own timeout).
    pub request_timeout: Duration,
    /// Where `POST /v1/chat/completions` forwards to; `None` disables the proxy.
    pub upstream: Option<crate::proxy::Upstream>,
}

/// The default listen address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7420";

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            listen: DEFAULT_LISTEN.parse().expect("a valid address"),
            admin_key: None,
            max_body_bytes: 8 << 20,
            request_timeout: Duration::from_secs(30),
            upstream: None,
        }
    }
}
