//! `/v1/users/{user}/facts` and `/forbidden`: reading facts and the user's decisions about them.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use rapport_core::{Category, Fact};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::{ApiError, ErrorCode};
use crate::extract::{FactParam, JsonBody, Params, UserParam};

/// Query of `GET /v1/users/{user}/facts`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FactsQuery {
    #[serde(default)]
    history: bool,
}

/// `GET /v1/users/{user}/facts?history=true`: current facts by id, or every fact with history.
pub(crate) async fn list(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    Params(query): Params<FactsQuery>,
    State(state): State<AppState>,
) -> Result<Json<Value>, ApiError> {
    let mut facts: Vec<Fact> = state.run(move |e| e.facts(&tenant, &user)).await?;
    if !query.history {
        facts.retain(Fact::is_current);
    }
    Ok(Json(json!({"facts": facts})))
}

/// Body of `PATCH /v1/users/{user}/facts/{id}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FactChange {
    value: Option<String>,
    pinned: Option<bool>,
}

/// `PATCH /v1/users/{user}/facts/{id}`: a new `value` ends the fact and adds an edited, pinned
/// one (returned); `pinned` pins or unpins (the edited fact, when both are given).
pub(crate) async fn update(
    TenantKey(tenant, actor): TenantKey,
    FactParam(user, id): FactParam,
    State(state): State<AppState>,
    JsonBody(change): JsonBody<FactChange>,
) -> Result<Json<Fact>, ApiError> {
    if change.value.is_none() && change.pinned.is_none() {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            "give `value`, `pinned`, or both",
        ));
    }
    let fact = state
        .run(move |e| {
            let mut fact = match &change.value {
                Some(value) => e.edit_fact(&tenant, &user, id, value, &actor)?,
                None => e.pin_fact(&tenant, &user, id, change.pinned.unwrap_or(true), &actor)?,
            };
            if let (Some(_), Some(pinned)) = (&change.value, change.pinned)
                && fact.pinned != pinned
            {
                fact = e.pin_fact(&tenant, &user, fact.id, pinned, &actor)?;
            }
            Ok(fact)
        })
        .await?;
    Ok(Json(fact))
}

/// `DELETE /v1/users/{user}/facts/{id}`: deletes the fact for good; it is not learned again.
pub(crate) async fn remove(
    TenantKey(tenant, actor): TenantKey,
    FactParam(user, id): FactParam,
    State(state): State<AppState>,
) -> Result<StatusCode, ApiError> {
    state
        .run(move |e| e.delete_fact(&tenant, &user, id, &actor))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Body of `POST /v1/users/{user}/forbidden`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Forbid {
    category: String,
}

/// `POST /v1/users/{user}/forbidden`: purges a category and never learns it again.
pub(crate) async fn forbid(
    TenantKey(tenant, actor): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<Forbid>,
) -> Result<Json<Value>, ApiError> {
    let category = Category::parse(&body.category)?;
    let (removed, settings) = state
        .run(move |e| {
            let removed = e.forbid_category(&tenant, &user, category, &actor)?;
            Ok((removed, e.settings(&tenant, &user)?))
        })
        .await?;
    Ok(Json(
        json!({"removed": removed, "forbidden": settings.forbidden}),
    ))
}

/// `GET /v1/users/{user}/forbidden`: the categories the user forbade.
pub(crate) async fn forbidden(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
) -> Result<Json<Value>, ApiError> {
    let settings = state.run(move |e| e.settings(&tenant, &user)).await?;
    Ok(Json(json!({"forbidden": settings.forbidden})))
}
