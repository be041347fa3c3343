//! `GET /v1/me`: whom a key speaks for, so a client (the dashboard) knows what it may show.

use axum::Json;
use serde_json::{Value, json};

use crate::auth::DataKey;

/// `GET /v1/me`: the key's tenant, and its user when the key is limited to one.
pub(crate) async fn me(DataKey(access): DataKey) -> Json<Value> {
    Json(json!({"tenant": access.tenant, "user": access.user}))
}
