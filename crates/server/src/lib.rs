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
mod key_cache;
pub mod load;
pub mod mcp;
mod metrics;
mod observe;
pub mod openapi;
pub mod proxy;
mod routes;
mod user_scope;

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

    /// Serves on a thread of its own (with its own runtime) until the returned handle is
    /// dropped: for benchmarks and tools that are not async.
    pub fn start_in_background(self, threads: usize) -> std::io::Result<Background> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads.max(1))
            .enable_all()
            .build()?;
        let listener = runtime.block_on(TcpListener::bind(self.state.config.listen))?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let shutdown = async {
                let _ = stopped.await;
            };
            let _ = runtime.block_on(self.serve_on(listener, shutdown));
        });
        Ok(Background {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Builds a multi-threaded runtime and serves until Ctrl-C: for callers without one.
    pub fn run(self) -> std::io::Result<()> {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?
            .block_on(self.serve())
    }
}

/// A server running on a thread of its own; dropping it stops the server.
pub struct Background {
    /// The address it listens on.
    pub addr: std::net::SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
