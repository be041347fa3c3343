//! # rapport-server
//!
//! Rapport's HTTP API: a REST interface under `/v1` over [`rapport_engine::Engine`], with
//! tenants and hashed API keys, an error envelope with stable codes, Prometheus metrics and an
//! OpenAPI document. This is the only crate that knows HTTP.
//!
//! ```no_run
//! use std::sync::Arc;
//! use rapport_engine::{Engine, EngineConfig};
//! use rapport_server::{Server, ServerConfig};
//!
//! let engine = Engine::open(EngineConfig::with_data_dir("rapport-data")).unwrap();
//! let config = ServerConfig { admin_key: Some("change-me".into()), ..ServerConfig::default() };
//! Server::new(Arc::new(engine), config).run().unwrap();
//! ```

mod app;
mod auth;
mod config;
mod error;
mod extract;
pub mod load;
pub mod mcp;
mod metrics;
mod observe;
pub mod openapi;
mod routes;

use std::sync::Arc;

pub use app::{AppState, router};
pub use config::{DEFAULT_LISTEN, ServerConfig};
pub use error::{ApiError, ErrorCode};
pub use metrics::Metrics;
use rapport_engine::Engine;
use tokio::net::TcpListener;

/// A configured server, ready to listen.
pub struct Server {
    state: AppState,
}

impl Server {
    /// A server over an engine.
    pub fn new(engine: Arc<Engine>, config: ServerConfig) -> Self {
        Self {
            state: AppState::new(engine, config),
        }
    }

    /// Serves on an already bound listener until `shutdown` completes (tests bind port 0).
    pub async fn serve_on(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(listener, router(self.state))
            .with_graceful_shutdown(shutdown)
            .await
    }

    /// Binds the configured address and serves until Ctrl-C.
    pub async fn serve(self) -> std::io::Result<()> {
        let listener = TcpListener::bind(self.state.config.listen).await?;
        tracing::info!(address = %listener.local_addr()?, "listening");
        self.serve_on(listener, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    }

    /// Builds a multi-threaded runtime and serves until Ctrl-C: for callers without one.
    pub fn run(self) -> std::io::Result<()> {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?
            .block_on(self.serve())
    }
}
