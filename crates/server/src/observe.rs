//! The middleware around every request: timeout, metrics, and one structured log line (method,
//! route, status, latency, tenant; never bodies or message text).

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::auth::TenantSlot;
use crate::error::{ApiError, ErrorCode};

pub(crate) async fn observe(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let slot = TenantSlot::default();
    req.extensions_mut().insert(slot.clone());
    // The chat proxy waits on an LLM, which may take minutes; it has its upstream's timeout.
    let timeout = match (&state.config.upstream, route.as_str()) {
        (Some(upstream), "/v1/chat/completions") => upstream.timeout + state.config.request_timeout,
        _ => state.config.request_timeout,
    };
    let response = match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            ErrorCode::Timeout,
            "the request took longer than the server's timeout",
        )
        .into_response(),
    };
    let elapsed = start.elapsed();
    let status = response.status().as_u16();
    state
        .metrics
        .observe(method.as_str(), &route, status, elapsed);
    let tenant = slot.0.get().map_or("-", |t| t.as_str());
    tracing::info!(
        method = %method,
        route = %route,
        status,
        latency_us = elapsed.as_micros() as u64,
        tenant,
        "request"
    );
    response
}
