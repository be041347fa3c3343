//! `POST /v1/users/{user}/context` and `/search`: what an LLM application asks before a turn.

use axum::Json;
use axum::extract::State;
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
) -> Result<Json<Context>, ApiError> {
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
    Ok(Json(
        state
            .run(move |e| e.context(&tenant, &user, &request))
            .await?,
    ))
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
