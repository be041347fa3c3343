//! What a user-scoped key may do: an end user's own key (for their dashboard) reads and acts on
//! that one user's data and nothing else. Deny by default: a route not listed here refuses a
//! user-scoped key, so a new route is closed to them until someone opens it on purpose.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, MatchedPath, Query, RawPathParams};
use axum::http::Method;
use axum::http::request::Parts;
use rapport_core::UserId;

use crate::error::{ApiError, ErrorCode};

/// Where a route names its user.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    /// It does not: it is about the key itself.
    Nobody,
    /// In its `{user}` path parameter.
    Path,
    /// In its `user` query parameter, which must be given.
    Query,
}

/// Routes a user-scoped key may call; the user they name must be the key's user.
const USER_ROUTES: &[(Method, &str, Names)] = &[
    (Method::GET, "/v1/me", Names::Nobody),
    (Method::GET, "/v1/audit", Names::Query),
    (Method::GET, "/v1/users/{user}", Names::Path),
    (Method::DELETE, "/v1/users/{user}", Names::Path),
    (Method::GET, "/v1/users/{user}/profile", Names::Path),
    (Method::GET, "/v1/users/{user}/events", Names::Path),
    (Method::POST, "/v1/users/{user}/events/lookup", Names::Path),
    (Method::GET, "/v1/users/{user}/export", Names::Path),
    (Method::GET, "/v1/users/{user}/facts", Names::Path),
    (Method::PATCH, "/v1/users/{user}/facts/{id}", Names::Path),
    (Method::DELETE, "/v1/users/{user}/facts/{id}", Names::Path),
    (Method::GET, "/v1/users/{user}/forbidden", Names::Path),
    (Method::POST, "/v1/users/{user}/forbidden", Names::Path),
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
    let Some((_, _, names)) = USER_ROUTES
        .iter()
        .find(|(method, path, _)| *method == parts.method && *path == route)
    else {
        return Err(forbidden(format!(
            "this key is limited to user `{user}`: it opens only that user's profile, facts, \
             events, export, audit entries and forgetting"
        )));
    };
    let named = match names {
        Names::Nobody => return Ok(()),
        Names::Path => RawPathParams::from_request_parts(parts, &())
            .await
            .map_err(|e| ApiError::new(ErrorCode::InvalidRequest, e.body_text()))?
            .iter()
            .find(|(name, _)| *name == "user")
            .map(|(_, value)| value.to_string()),
        Names::Query => Query::<HashMap<String, String>>::try_from_uri(&parts.uri)
            .ok()
            .and_then(|Query(mut query)| query.remove("user")),
    };
    if named.as_deref() == Some(user.as_str()) {
        Ok(())
    } else {
        Err(forbidden(format!(
            "this key is limited to user `{user}` and cannot reach another user"
        )))
    }
}
