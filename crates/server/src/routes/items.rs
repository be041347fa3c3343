//! The item catalog and what is ranked from it: `POST /v1/items`,
//! `POST /v1/users/{user}/recommend` and `POST /v1/users/{user}/rank`.

use axum::Json;
use axum::extract::State;
use rapport_engine::{Candidate, Filters, ImportReport, Item};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::{ApiError, ErrorCode};
use crate::extract::{JsonBody, UserParam};

/// Most items one request may recommend.
const MAX_K: usize = 1_000;

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidRequest, message)
}

/// Body of `POST /v1/items`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemsBody {
    items: Vec<Value>,
}

/// `POST /v1/items`: adds or replaces catalog items (by `item_id`), all or none.
pub(crate) async fn import(
    TenantKey(tenant, _): TenantKey,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<ItemsBody>,
) -> Result<Json<ImportReport>, ApiError> {
    let items = body
        .items
        .iter()
        .enumerate()
        .map(|(i, value)| {
            Item::parse(&value.to_string()).map_err(|e| invalid(format!("items[{i}]: {e}")))
        })
        .collect::<Result<Vec<Item>, ApiError>>()?;
    Ok(Json(
        state.run(move |e| e.import_items(&tenant, &items)).await?,
    ))
}

/// Body of `POST /v1/users/{user}/recommend`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecommendBody {
    #[serde(default = "default_k")]
    k: usize,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    include_consumed: bool,
}

fn default_k() -> usize {
    10
}

/// `POST /v1/users/{user}/recommend`: the best catalog items for the user, with reasons.
pub(crate) async fn recommend(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<RecommendBody>,
) -> Result<Json<Value>, ApiError> {
    if body.k == 0 || body.k > MAX_K {
        return Err(invalid(format!("`k` must be 1 to {MAX_K}")));
    }
    let filters = Filters {
        exclude_consumed: !body.include_consumed,
        tags_any: body.tags,
    };
    let items = state
        .run(move |e| e.recommend(&tenant, &user, body.k, &filters))
        .await?;
    Ok(Json(json!({ "items": items })))
}

/// One candidate of `POST /v1/users/{user}/rank`: a catalog item or a text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CandidateBody {
    item_id: Option<String>,
    text: Option<String>,
}

/// Body of `POST /v1/users/{user}/rank`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RankBody {
    candidates: Vec<CandidateBody>,
    context: Option<String>,
}

/// `POST /v1/users/{user}/rank`: the candidates in the user's order, each with reasons.
pub(crate) async fn rank(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<RankBody>,
) -> Result<Json<Value>, ApiError> {
    let candidates = body
        .candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| match (c.item_id, c.text) {
            (Some(id), None) if !id.trim().is_empty() => Ok(Candidate::Item(id)),
            (None, Some(text)) if !text.trim().is_empty() => Ok(Candidate::Text(text)),
            _ => Err(invalid(format!(
                "candidates[{i}]: give exactly one of a non-empty `item_id` or `text`"
            ))),
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    if candidates.is_empty() {
        return Err(invalid("`candidates` must not be empty".into()));
    }
    let context = body.context;
    let ranked = state
        .run(move |e| e.rank(&tenant, &user, &candidates, context.as_deref()))
        .await?;
    Ok(Json(json!({ "ranked": ranked })))
}
