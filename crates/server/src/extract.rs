//! Extractors whose rejections use the error envelope: JSON bodies, query strings, and the
//! user and fact ids in paths.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, RawPathParams, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use rapport_core::{FactId, UserId};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ErrorCode};

/// A JSON body. Malformed JSON is `invalid_json`; a wrong shape or type is `invalid_request`;
/// a body over the limit is `payload_too_large`. Any content type is accepted.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    ErrorCode::PayloadTooLarge,
                    "the request body is larger than the server's limit",
                )
            } else {
                ApiError::new(ErrorCode::InvalidRequest, rejection.body_text())
            }
        })?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// Parses a JSON body, telling malformed JSON from a wrong shape.
pub(crate) fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Data => {
                ApiError::new(ErrorCode::InvalidRequest, format!("invalid body: {e}"))
            }
            _ => ApiError::new(
                ErrorCode::InvalidJson,
                format!("the body is not valid JSON: {e}"),
            ),
        }
    })
}

/// Query-string parameters; a bad value is `invalid_request`.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(params)| Params(params))
            .map_err(|e| ApiError::new(ErrorCode::InvalidRequest, e.body_text()))
    }
}

async fn path_param<S: Send + Sync>(
    parts: &mut Parts,
    state: &S,
    name: &str,
) -> Result<String, ApiError> {
    let params = RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|e| ApiError::new(ErrorCode::InvalidRequest, e.body_text()))?;
    params
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
        .ok_or_else(|| ApiError::internal(format!("route has no `{name}` parameter")))
}

/// The `{user}` of a path, validated.
pub struct UserParam(pub UserId);

impl<S: Send + Sync> FromRequestParts<S> for UserParam {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let raw = path_param(parts, state, "user").await?;
        Ok(UserParam(UserId::new(raw)?))
    }
}

/// The `{user}` and `{id}` of a fact's path.
pub struct FactParam(pub UserId, pub FactId);

impl<S: Send + Sync> FromRequestParts<S> for FactParam {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let UserParam(user) = UserParam::from_request_parts(parts, state).await?;
        let raw = path_param(parts, state, "id").await?;
        let id = raw.parse().map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidRequest,
                format!("fact id `{raw}` is not a non-negative integer"),
            )
        })?;
        Ok(FactParam(user, id))
    }
}
