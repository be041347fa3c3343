//! `/v1/admin/*`: tenants and API keys, with the admin key only.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use rapport_core::{TenantId, TenantPolicy, UserId};
use rapport_engine::Actor;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::auth::AdminKey;
use crate::error::{ApiError, ErrorCode};
use crate::extract::{JsonBody, parse_json};

/// Body of `POST /v1/admin/tenants`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewTenant {
    name: String,
}

/// `POST /v1/admin/tenants`: registers a tenant.
pub(crate) async fn create_tenant(
    _: AdminKey,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<NewTenant>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let tenant = TenantId::new(body.name)?;
    let name = tenant.to_string();
    if !state
        .run(move |engine| engine.create_tenant(&tenant))
        .await?
    {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            format!("tenant `{name}` already exists"),
        ));
    }
    Ok((StatusCode::CREATED, Json(json!({"tenant": name}))))
}

/// `GET /v1/admin/tenants`: registered tenants.
pub(crate) async fn list_tenants(
    _: AdminKey,
    State(state): State<AppState>,
) -> Result<Json<Value>, ApiError> {
    let tenants = state.run(|engine| engine.registered_tenants()).await?;
    Ok(Json(json!({"tenants": tenants})))
}

/// Body of `POST /v1/admin/tenants/{tenant}/keys`, which may also be empty.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewKey {
    user: Option<String>,
}

/// `POST /v1/admin/tenants/{tenant}/keys`: a new key, for the whole tenant or, with `user`,
/// limited to that user; its secret is in this response only.
pub(crate) async fn create_key(
    _: AdminKey,
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let tenant = TenantId::new(tenant)?;
    let NewKey { user } = if body.is_empty() {
        NewKey::default()
    } else {
        parse_json(&body)?
    };
    let user = user.map(UserId::new).transpose()?;
    let key = state
        .run(move |engine| match &user {
            Some(user) => engine.create_user_key(&tenant, user),
            None => engine.create_api_key(&tenant),
        })
        .await?;
    let body = serde_json::to_value(key).map_err(ApiError::internal)?;
    Ok((StatusCode::CREATED, Json(body)))
}

/// `GET /v1/admin/tenants/{tenant}/policy`: the tenant's policy.
pub(crate) async fn policy(
    _: AdminKey,
    State(state): State<AppState>,
    Path(tenant): Path<String>,
) -> Result<Json<TenantPolicy>, ApiError> {
    let tenant = TenantId::new(tenant)?;
    Ok(Json(
        state
            .run(move |engine| engine.tenant_policy(&tenant))
            .await?,
    ))
}

/// `PUT /v1/admin/tenants/{tenant}/policy`: replaces the policy; answers with it and what
/// was removed.
pub(crate) async fn set_policy(
    _: AdminKey,
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    JsonBody(policy): JsonBody<TenantPolicy>,
) -> Result<Json<Value>, ApiError> {
    let tenant = TenantId::new(tenant)?;
    let (policy, report) = state
        .run(move |engine| {
            let report = engine.set_tenant_policy(&tenant, &policy, &Actor::admin())?;
            Ok((policy, report))
        })
        .await?;
    Ok(Json(json!({"policy": policy, "removed": report})))
}

/// `DELETE /v1/admin/keys/{key_id}`: revokes a key at once.
pub(crate) async fn revoke_key(
    _: AdminKey,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let lookup = id.clone();
    let revoked = state
        .run(move |engine| engine.revoke_api_key(&lookup))
        .await?;
    // Keys this server trusted without asking the store must be asked about again.
    state.keys.clear();
    if revoked {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::new(
            ErrorCode::UnknownKey,
            format!("no API key `{id}`"),
        ))
    }
}
