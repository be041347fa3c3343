//! Authentication: `Authorization: Bearer <key>`. A tenant key scopes every data route to its
//! tenant; a user-scoped key further to one user's own routes (`user_scope.rs`); the admin key
//! opens only `/v1/admin/*`.

use std::sync::{Arc, OnceLock};

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use rapport_core::TenantId;
use rapport_engine::{Actor, KeyAccess};
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::error::{ApiError, ErrorCode};

/// The tenant of an authenticated request, filled in by [`TenantKey`] so the request log can
/// name it.
#[derive(Debug, Clone, Default)]
pub(crate) struct TenantSlot(pub(crate) Arc<OnceLock<TenantId>>);

/// A request made with a valid key: every data route takes this. A key limited to one user
/// passes only on that user's routes listed in [`crate::user_scope`]. The actor is who the
/// audit log names for the request's edits, exports and deletions.
#[derive(Debug, Clone)]
pub struct TenantKey(pub TenantId, pub Actor);

/// A request made with a valid data key: a tenant's key, or a key limited to one user of the
/// tenant, already checked against [`crate::user_scope`] for this route.
#[derive(Debug, Clone)]
pub struct DataKey(pub KeyAccess);

/// A request made with the admin key.
#[derive(Debug, Clone, Copy)]
pub struct AdminKey;

fn bearer(parts: &Parts) -> Result<&str, ApiError> {
    let header = parts.headers.get(AUTHORIZATION).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Unauthorized,
            "missing `Authorization: Bearer <key>` header",
        )
    })?;
    header
        .to_str()
        .ok()
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::Unauthorized,
                "the Authorization header must be `Bearer <key>`",
            )
        })
}

/// Compares digests, so the comparison takes the same time wherever the keys differ.
fn is_admin(state: &AppState, key: &str) -> bool {
    state
        .admin_key_hash
        .as_ref()
        .is_some_and(|hash| *hash == Sha256::digest(key.as_bytes()).to_vec())
}

fn invalid_key() -> ApiError {
    ApiError::new(ErrorCode::Unauthorized, "unknown or revoked API key")
}

impl FromRequestParts<AppState> for DataKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let key = bearer(parts)?.to_string();
        if is_admin(state, &key) {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                "the admin key only manages tenants and keys; use a tenant's API key",
            ));
        }
        let access = match state.keys.get(&key) {
            Some(access) => access,
            None => {
                let engine = state.engine.clone();
                let checked = key.clone();
                let access = tokio::task::spawn_blocking(move || engine.authenticate(&checked))
                    .await
                    .map_err(ApiError::internal)??
                    .ok_or_else(invalid_key)?;
                state.keys.put(&key, access.clone());
                access
            }
        };
        if let Some(slot) = parts.extensions.get::<TenantSlot>() {
            let _ = slot.0.set(access.tenant.clone());
        }
        if let Some(user) = &access.user {
            crate::user_scope::check(parts, user).await?;
        }
        Ok(DataKey(access))
    }
}

impl FromRequestParts<AppState> for TenantKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let DataKey(access) = DataKey::from_request_parts(parts, state).await?;
        let actor = access.actor();
        Ok(TenantKey(access.tenant, actor))
    }
}

impl FromRequestParts<AppState> for AdminKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let key = bearer(parts)?;
        if is_admin(state, key) {
            return Ok(AdminKey);
        }
        if key.starts_with(rapport_engine::API_KEY_PREFIX) {
            let engine = state.engine.clone();
            let key = key.to_string();
            let known = tokio::task::spawn_blocking(move || engine.authenticate(&key))
                .await
                .map_err(ApiError::internal)??;
            if known.is_some() {
                return Err(ApiError::new(
                    ErrorCode::Forbidden,
                    "a tenant's API key cannot manage tenants and keys; use the admin key",
                ));
            }
        }
        Err(invalid_key())
    }
}
