//! `GET /v1/me`: whom a key speaks for, so a client (the dashboard) knows what it may show.

use axum::Json;
use serde_json::{Value, json};

use crate::auth::TenantKey;

/// `GET /v1/me`: the key's tenant, and its user when the key is bound to one.
pub(crate) async fn me(TenantKey(tenant): TenantKey) -> Json<Value> {
    Json(json!({"tenant": tenant, "user": null}))
}
