//! `POST /v1/users/{user}/context` and `/search`: what an LLM application asks before a turn.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use rapport_engine::{Context, ContextRequest, DEFAULT_BUDGET};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::{ApiError, ErrorCode};
use crate::extract::{JsonBody, UserParam};

/// Largest token budget accepted.
const MAX_BUDGET: usize = 100_000;
/// Most hits a search returns.
const MAX_HITS: usize = 100;

/// Body of `POST /v1/users/{user}/context`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContextBody {
    query: String,
    #[serde(default = "default_budget")]
    budget: usize,
    time: Option<DateTime<Utc>>,
}

fn default_budget() -> usize {
    DEFAULT_BUDGET
}

/// `POST /v1/users/{user}/context`: the context block for a query under a token budget.
pub(crate) async fn context(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<ContextBody>,
) -> Result<Response, ApiError> {
    if body.budget == 0 || body.budget > MAX_BUDGET {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            format!("`budget` must be 1 to {MAX_BUDGET} tokens"),
        ));
    }
    let request = ContextRequest {
        query: body.query,
        budget: body.budget,
        time: body.time,
    };
    let context = state
        .run(move |e| e.context(&tenant, &user, &request))
        .await?;
    json_response(&context)
}

/// `Json(context)` as axum writes it, into a buffer sized for it at once (axum's starts at 128
/// bytes and grows by copying; a context response is often over 10 KB).
fn json_response(context: &Context) -> Result<Response, ApiError> {
    let items = context.facts.len() + context.past_facts.len() + context.turns.len();
    let mut body = Vec::with_capacity(2 * context.block.len() + 256 * items + 128);
    serde_json::to_writer(&mut body, context).map_err(ApiError::internal)?;
    Ok((
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        body,
    )
        .into_response())
}

/// Body of `POST /v1/users/{user}/search`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchBody {
    query: String,
    #[serde(default = "default_limit")]
    limit: usize,
    time: Option<DateTime<Utc>>,
}

fn default_limit() -> usize {
    10
}

/// `POST /v1/users/{user}/search`: the user's past turns most relevant to a query.
pub(crate) async fn search(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<SearchBody>,
) -> Result<Json<Value>, ApiError> {
    if body.limit == 0 || body.limit > MAX_HITS {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            format!("`limit` must be 1 to {MAX_HITS}"),
        ));
    }
    let hits = state
        .run(move |e| e.search(&tenant, &user, &body.query, body.time, body.limit))
        .await?;
    Ok(Json(json!({"hits": hits})))
}
