//! `GET /v1/audit`: the tenant's audit log.

use axum::Json;
use axum::extract::State;
use rapport_core::UserId;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::{ApiError, ErrorCode};
use crate::extract::Params;

/// Most entries one request returns.
const MAX_ENTRIES: usize = 1_000;

/// Query of `GET /v1/audit`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AuditQuery {
    user: Option<String>,
    #[serde(default = "default_limit")]
    limit: usize,
}

fn default_limit() -> usize {
    100
}

/// `GET /v1/audit?user=&limit=`: edits, exports and deletions, newest first. Entries name the
/// user by a fingerprint and hold no content, so they outlive a forgotten user.
pub(crate) async fn log(
    TenantKey(tenant, _): TenantKey,
    Params(query): Params<AuditQuery>,
    State(state): State<AppState>,
) -> Result<Json<Value>, ApiError> {
    if query.limit == 0 || query.limit > MAX_ENTRIES {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            format!("`limit` must be 1 to {MAX_ENTRIES}"),
        ));
    }
    let user = query.user.map(UserId::new).transpose()?;
    let entries = state
        .run(move |e| e.audit_log(&tenant, user.as_ref(), query.limit))
        .await?;
    Ok(Json(json!({"entries": entries})))
}
