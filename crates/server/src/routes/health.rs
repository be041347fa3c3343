//! Unauthenticated operational routes: liveness, readiness, metrics, the OpenAPI document.

use axum::Json;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::error::ApiError;

/// `GET /health`: the process answers.
pub(crate) async fn health() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

/// `GET /ready`: the store answers.
pub(crate) async fn ready(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    state.run(|engine| engine.registered_tenants()).await?;
    Ok(Json(json!({"status": "ready"})))
}

/// `GET /metrics`: Prometheus text format.
pub(crate) async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let text = state.metrics.render(state.engine.cache_stats());
    ([(CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}

/// `GET /openapi.json`.
pub(crate) async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}
