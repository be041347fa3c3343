//! `POST /v1/chat/completions`: an OpenAI-compatible proxy that personalizes every request.
//!
//! The caller authenticates with a Rapport tenant key and names the end user in the standard
//! `user` field (or the `X-Rapport-User` header). Rapport builds that user's context for the
//! last user message, adds it to the system message, forwards the request to the configured
//! upstream (any OpenAI-compatible base URL: OpenAI, vLLM, Ollama, llama.cpp server), returns
//! the upstream's answer as it came (streamed through when `stream: true`), and records the
//! user's turn and the assistant's answer as events of that user. When the tenant's policy
//! says so (`redact.outbound`), personal identifiers in every message, the context block
//! included, are masked before the request leaves.

mod chat;
mod record;
mod tls;
mod upstream;

pub use upstream::Upstream;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rapport_core::UserId;
use serde_json::Value;

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::{ApiError, ErrorCode};

/// The header naming the end user when the body's `user` field does not.
pub const USER_HEADER: &str = "x-rapport-user";

/// Handles one chat completion request.
pub(crate) async fn chat_completions(
    TenantKey(tenant, _): TenantKey,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let Some(upstream) = state.config.upstream.clone() else {
        return Err(ApiError::new(
            ErrorCode::ProxyNotConfigured,
            "no upstream is configured: set RAPPORT_UPSTREAM_URL (and RAPPORT_UPSTREAM_KEY)",
        ));
    };
    let mut request: Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::new(ErrorCode::InvalidJson, format!("invalid JSON: {e}")))?;
    let user = chat::end_user(&request, &headers)?;
    let user = UserId::new(user).map_err(ApiError::from)?;
    let said = chat::last_user_message(&request)?;
    let streaming = request.get("stream").and_then(Value::as_bool) == Some(true);

    // The user's turn is recorded first: it was said whatever the upstream answers.
    let (context, redact) = {
        let (tenant, user, said) = (tenant.clone(), user.clone(), said.clone());
        state
            .run(move |engine| {
                let redact = engine.tenant_policy(&tenant)?.redact.outbound;
                let context = record::context_then_record(engine, &tenant, &user, &said)?;
                Ok((context, redact))
            })
            .await?
    };
    if let Some(block) = &context {
        chat::inject_context(&mut request, block);
    }
    if redact {
        chat::redact_messages(&mut request);
    }
    let answer = upstream
        .send(&request)
        .await
        .map_err(|e| ApiError::new(ErrorCode::UpstreamUnavailable, e))?;
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_GATEWAY);
    let content_type = answer
        .content_type
        .clone()
        .unwrap_or_else(|| "application/json".into());
    let recorder = record::AnswerRecorder::new(state.clone(), tenant, user, streaming);
    let body = if answer.status < 300 {
        Body::from_stream(recorder.tee(answer.body))
    } else {
        Body::from_stream(answer.body)
    };
    Ok((status, [(header::CONTENT_TYPE, content_type)], body).into_response())
}
