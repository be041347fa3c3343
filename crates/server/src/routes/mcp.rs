//! `POST /v1/mcp`: the MCP tools over streamable HTTP, scoped to the caller's tenant. Each
//! request carries one JSON-RPC message; the answer is plain JSON (or 202 for a notification).

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::ApiError;
use crate::mcp::McpServer;

/// Handles one JSON-RPC message.
pub(crate) async fn message(
    TenantKey(tenant, actor): TenantKey,
    State(state): State<AppState>,
    body: String,
) -> Result<Response, ApiError> {
    let answer = state
        .run(move |engine| Ok(McpServer::new(engine, tenant, actor).handle_text(&body)))
        .await?;
    Ok(match answer {
        Some(answer) => (
            [(header::CONTENT_TYPE, "application/json")],
            answer.to_string(),
        )
            .into_response(),
        None => StatusCode::ACCEPTED.into_response(),
    })
}
