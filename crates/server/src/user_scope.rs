//! What a user-scoped key may do: an end user's own key (for their dashboard) reads and acts on
//! that one user's data and nothing else. Deny by default: a route not listed here refuses a
//! user-scoped key, so a new route is closed to them until someone opens it on purpose.

use axum::extract::{FromRequestParts, MatchedPath, RawPathParams};
use axum::http::Method;
use axum::http::request::Parts;
use rapport_core::UserId;

use crate::error::{ApiError, ErrorCode};

/// `(method, route)` pairs a user-scoped key may call; `{user}` must be the key's user.
const USER_ROUTES: &[(Method, &str)] = &[
    (Method::GET, "/v1/me"),
    (Method::GET, "/v1/users/{user}"),
    (Method::DELETE, "/v1/users/{user}"),
    (Method::GET, "/v1/users/{user}/profile"),
    (Method::GET, "/v1/users/{user}/events"),
    (Method::GET, "/v1/users/{user}/export"),
    (Method::GET, "/v1/users/{user}/facts"),
    (Method::PATCH, "/v1/users/{user}/facts/{id}"),
    (Method::DELETE, "/v1/users/{user}/facts/{id}"),
    (Method::POST, "/v1/users/{user}/forbidden"),
];

fn forbidden(message: String) -> ApiError {
    ApiError::new(ErrorCode::Forbidden, message)
}

/// Checks that a key limited to `user` may make this request.
pub(crate) async fn check(parts: &mut Parts, user: &UserId) -> Result<(), ApiError> {
    let route = parts
        .extensions
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_string())
        .unwrap_or_default();
    if !USER_ROUTES
        .iter()
        .any(|(method, path)| *method == parts.method && *path == route)
    {
        return Err(forbidden(format!(
            "this key is limited to user `{user}`: it opens only that user's profile, facts, \
             events, export and forgetting"
        )));
    }
    let params = RawPathParams::from_request_parts(parts, &())
        .await
        .map_err(|e| ApiError::new(ErrorCode::InvalidRequest, e.body_text()))?;
    match params.iter().find(|(name, _)| *name == "user") {
        Some((_, named)) if named != user.as_str() => Err(forbidden(format!(
            "this key is limited to user `{user}` and cannot reach another user"
        ))),
        _ => Ok(()),
    }
}
