//! `/v1/users/{user}`: summaries, profile, event log, export, forget. Always the key's tenant.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use rapport_core::{EventId, StoredEvent};
use rapport_engine::{Profile, UserExport, UserSummary};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::{ApiError, ErrorCode};
use crate::extract::{JsonBody, Params, UserParam};

/// Most events one page of `GET /v1/users/{user}/events` returns.
const MAX_EVENTS_PAGE: usize = 1_000;

/// `GET /v1/users`: the tenant's users.
pub(crate) async fn list(
    TenantKey(tenant, _): TenantKey,
    State(state): State<AppState>,
) -> Result<Json<Value>, ApiError> {
    let users = state.run(move |engine| engine.users(&tenant)).await?;
    Ok(Json(json!({"users": users})))
}

/// `GET /v1/users/{user}`: one user's summary.
pub(crate) async fn one(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
) -> Result<Json<UserSummary>, ApiError> {
    Ok(Json(state.run(move |e| e.user(&tenant, &user)).await?))
}

/// The profile, structured and rendered as text.
#[derive(Serialize)]
pub(crate) struct ProfileResponse {
    #[serde(flatten)]
    profile: Profile,
    text: String,
}

/// `GET /v1/users/{user}/profile`.
pub(crate) async fn profile(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
) -> Result<Json<ProfileResponse>, ApiError> {
    let profile = state.run(move |e| e.profile(&tenant, &user)).await?;
    let text = profile.render_text(false);
    Ok(Json(ProfileResponse { profile, text }))
}

/// Query of `GET /v1/users/{user}/events`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventsQuery {
    #[serde(default)]
    after: u64,
    #[serde(default = "default_limit")]
    limit: usize,
}

fn default_limit() -> usize {
    100
}

/// `GET /v1/users/{user}/events?after=SEQ&limit=N`: a page of the log, oldest first.
pub(crate) async fn events(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    Params(query): Params<EventsQuery>,
    State(state): State<AppState>,
) -> Result<Json<Value>, ApiError> {
    if query.limit == 0 || query.limit > MAX_EVENTS_PAGE {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            format!("`limit` must be 1 to {MAX_EVENTS_PAGE}"),
        ));
    }
    let events: Vec<StoredEvent> = state
        .run(move |e| e.history(&tenant, &user, query.after, query.limit))
        .await?;
    Ok(Json(json!({"events": events})))
}

/// Body of `POST /v1/users/{user}/events/lookup`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lookup {
    ids: Vec<EventId>,
}

/// `POST /v1/users/{user}/events/lookup` `{"ids": [...]}`: the user's events with these ids
/// (a fact's evidence), in log order; ids not in the log are left out. At most
/// [`MAX_EVENTS_PAGE`] ids.
pub(crate) async fn lookup(
    TenantKey(tenant, _): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<Lookup>,
) -> Result<Json<Value>, ApiError> {
    if body.ids.len() > MAX_EVENTS_PAGE {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            format!(
                "`ids` holds {} ids; at most {MAX_EVENTS_PAGE}",
                body.ids.len()
            ),
        ));
    }
    let events: Vec<StoredEvent> = state
        .run(move |e| e.events_by_id(&tenant, &user, &body.ids))
        .await?;
    Ok(Json(json!({"events": events})))
}

/// `GET /v1/users/{user}/export`: everything held about the user.
pub(crate) async fn export(
    TenantKey(tenant, actor): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
) -> Result<Json<UserExport>, ApiError> {
    Ok(Json(
        state
            .run(move |e| e.export_user(&tenant, &user, &actor))
            .await?,
    ))
}

/// `DELETE /v1/users/{user}`: forgets the user; their text is gone from the store's files.
pub(crate) async fn forget(
    TenantKey(tenant, actor): TenantKey,
    UserParam(user): UserParam,
    State(state): State<AppState>,
) -> Result<StatusCode, ApiError> {
    let name = user.to_string();
    if state
        .run(move |e| e.forget_user(&tenant, &user, &actor))
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::new(
            ErrorCode::UnknownUser,
            format!("unknown user `{name}`"),
        ))
    }
}
