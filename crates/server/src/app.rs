//! The router: every route, the shared state, and the layers around them.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, patch, post};
use rapport_engine::Engine;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ErrorCode};
use crate::metrics::Metrics;
use crate::routes::{
    admin, audit, dashboard, events, facts, health, items, mcp, me, memory, users,
};
use crate::{ServerConfig, observe};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The engine; synchronous, so handlers call it through [`AppState::run`].
    pub engine: Arc<Engine>,
    /// The server's counters.
    pub metrics: Arc<Metrics>,
    pub(crate) config: Arc<ServerConfig>,
    pub(crate) admin_key_hash: Option<Vec<u8>>,
    pub(crate) keys: Arc<crate::key_cache::KeyCache>,
}

impl AppState {
    /// State for an engine and a config.
    pub fn new(engine: Arc<Engine>, config: ServerConfig) -> Self {
        let admin_key_hash = config
            .admin_key
            .as_deref()
            .filter(|k| !k.is_empty())
            .map(|k| Sha256::digest(k.as_bytes()).to_vec());
        Self {
            engine,
            metrics: Arc::new(Metrics::default()),
            config: Arc::new(config),
            admin_key_hash,
            keys: Arc::default(),
        }
    }

    /// Runs a (blocking) engine call on the blocking thread pool.
    pub async fn run<T: Send + 'static>(
        &self,
        call: impl FnOnce(&Engine) -> rapport_engine::Result<T> + Send + 'static,
    ) -> Result<T, ApiError> {
        let engine = self.engine.clone();
        tokio::task::spawn_blocking(move || call(&engine))
            .await
            .map_err(ApiError::internal)?
            .map_err(ApiError::from)
    }
}

/// The whole HTTP API. Future surfaces (an OpenAI-compatible proxy, MCP) are further routers
/// merged here.
pub fn router(state: AppState) -> Router {
    let v1 = Router::new()
        .route(
            "/admin/tenants",
            post(admin::create_tenant).get(admin::list_tenants),
        )
        .route("/admin/tenants/{tenant}/keys", post(admin::create_key))
        .route(
            "/admin/tenants/{tenant}/policy",
            get(admin::policy).put(admin::set_policy),
        )
        .route("/admin/keys/{key_id}", delete(admin::revoke_key))
        .route("/me", get(me::me))
        .route("/audit", get(audit::log))
        .route("/events", post(events::ingest))
        .route("/users", get(users::list))
        .route("/users/{user}", get(users::one).delete(users::forget))
        .route("/users/{user}/profile", get(users::profile))
        .route("/users/{user}/events", get(users::events))
        .route("/users/{user}/events/lookup", post(users::lookup))
        .route("/users/{user}/export", get(users::export))
        .route("/users/{user}/facts", get(facts::list))
        .route(
            "/users/{user}/facts/{id}",
            patch(facts::update).delete(facts::remove),
        )
        .route(
            "/users/{user}/forbidden",
            get(facts::forbidden).post(facts::forbid),
        )
        .route("/users/{user}/context", post(memory::context))
        .route("/users/{user}/search", post(memory::search))
        .route("/items", post(items::import))
        .route("/users/{user}/recommend", post(items::recommend))
        .route("/users/{user}/rank", post(items::rank))
        .route("/mcp", post(mcp::message))
        .route("/chat/completions", post(crate::proxy::chat_completions));
    let body_limit = state.config.max_body_bytes;
    Router::new()
        .route("/health", get(health::health))
        .route("/ready", get(health::ready))
        .route("/metrics", get(health::metrics))
        .route("/openapi.json", get(health::openapi))
        .route("/dashboard", get(dashboard::page))
        .route("/dashboard/{file}", get(dashboard::file))
        .nest("/v1", v1)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            observe::observe,
        ))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such route; see /openapi.json")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "this route does not take that method; see /openapi.json",
    )
}
