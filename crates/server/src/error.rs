//! The error envelope and the one table of error codes.
//!
//! Every error response is `{"error": {"message": "...", "code": "...", "type": "..."}}` with a
//! code from [`ErrorCode`]. Internal errors are logged and answered with a fixed message: a 500
//! never carries internals.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rapport_engine::UserError;
use serde_json::json;

/// Stable error codes. The table in [`ErrorCode::spec`] is the only place that gives a code its
/// status and type; docs/API.md lists the same rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The body is not valid JSON.
    InvalidJson,
    /// A field, parameter or path segment has the wrong type or an invalid value.
    InvalidRequest,
    /// An event in a batch was rejected; the message names it and the field.
    InvalidEvent,
    /// No API key, or an unknown or revoked one.
    Unauthorized,
    /// The key is valid but not for this route (a tenant key on an admin route, or the reverse).
    Forbidden,
    /// No such route.
    NotFound,
    /// The method is not allowed on this route.
    MethodNotAllowed,
    /// The user has no events in the key's tenant.
    UnknownUser,
    /// The user has no fact with this id.
    UnknownFact,
    /// The tenant is not registered.
    UnknownTenant,
    /// No API key with this id.
    UnknownKey,
    /// The request conflicts with the current state (tenant exists, fact no longer current).
    Conflict,
    /// The body is larger than the configured limit.
    PayloadTooLarge,
    /// The request took longer than the configured timeout.
    Timeout,
    /// The chat proxy has no upstream configured.
    ProxyNotConfigured,
    /// The chat proxy's upstream could not be reached or did not answer in time.
    UpstreamUnavailable,
    /// Something failed inside the server; details are in its log.
    Internal,
}

impl ErrorCode {
    /// Every code, in the order of the documentation table.
    pub const ALL: [ErrorCode; 17] = [
        Self::InvalidJson,
        Self::InvalidRequest,
        Self::InvalidEvent,
        Self::Unauthorized,
        Self::Forbidden,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::UnknownUser,
        Self::UnknownFact,
        Self::UnknownTenant,
        Self::UnknownKey,
        Self::Conflict,
        Self::PayloadTooLarge,
        Self::Timeout,
        Self::ProxyNotConfigured,
        Self::UpstreamUnavailable,
        Self::Internal,
    ];

    /// The code's name, HTTP status and error type.
    pub fn spec(self) -> (&'static str, StatusCode, &'static str) {
        use StatusCode as S;
        match self {
            Self::InvalidJson => ("invalid_json", S::BAD_REQUEST, "invalid_request"),
            Self::InvalidRequest => ("invalid_request", S::BAD_REQUEST, "invalid_request"),
            Self::InvalidEvent => ("invalid_event", S::BAD_REQUEST, "invalid_request"),
            Self::Unauthorized => ("unauthorized", S::UNAUTHORIZED, "auth"),
            Self::Forbidden => ("forbidden", S::FORBIDDEN, "auth"),
            Self::NotFound => ("not_found", S::NOT_FOUND, "invalid_request"),
            Self::MethodNotAllowed => (
                "method_not_allowed",
                S::METHOD_NOT_ALLOWED,
                "invalid_request",
            ),
            Self::UnknownUser => ("unknown_user", S::NOT_FOUND, "invalid_request"),
            Self::UnknownFact => ("unknown_fact", S::NOT_FOUND, "invalid_request"),
            Self::UnknownTenant => ("unknown_tenant", S::NOT_FOUND, "invalid_request"),
            Self::UnknownKey => ("unknown_key", S::NOT_FOUND, "invalid_request"),
            Self::Conflict => ("conflict", S::CONFLICT, "invalid_request"),
            Self::PayloadTooLarge => ("payload_too_large", S::PAYLOAD_TOO_LARGE, "invalid_request"),
            Self::Timeout => ("timeout", S::SERVICE_UNAVAILABLE, "system"),
            Self::ProxyNotConfigured => ("proxy_not_configured", S::SERVICE_UNAVAILABLE, "system"),
            Self::UpstreamUnavailable => ("upstream_unavailable", S::BAD_GATEWAY, "upstream"),
            Self::Internal => ("internal", S::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

/// An error answered with the envelope.
#[derive(Debug)]
pub struct ApiError {
    /// Which code.
    pub code: ErrorCode,
    /// For people; never internals.
    pub message: String,
}

impl ApiError {
    /// An error with a code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// An internal failure: logged here with its details, answered without them.
    pub fn internal(details: impl std::fmt::Display) -> Self {
        tracing::error!(error = %details, "internal error");
        Self::new(
            ErrorCode::Internal,
            "internal error; the server log has the details",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (code, status, kind) = self.code.spec();
        let body = json!({"error": {"message": self.message, "code": code, "type": kind}});
        (status, Json(body)).into_response()
    }
}

impl From<rapport_engine::Error> for ApiError {
    fn from(error: rapport_engine::Error) -> Self {
        let rapport_engine::Error::User(user) = error else {
            return Self::internal(error);
        };
        let code = match &user {
            UserError::UnknownUser { .. } => ErrorCode::UnknownUser,
            UserError::UnknownFact { .. } => ErrorCode::UnknownFact,
            UserError::FactEnded { .. } => ErrorCode::Conflict,
            UserError::UnknownTenant { .. } => ErrorCode::UnknownTenant,
            UserError::Invalid(_) | UserError::InvalidDump { .. } => ErrorCode::InvalidRequest,
            UserError::ImportTargetNotEmpty { .. } => ErrorCode::Conflict,
            UserError::Store(_) => return Self::internal(user),
        };
        Self::new(code, user.to_string())
    }
}

impl From<rapport_core::Error> for ApiError {
    fn from(error: rapport_core::Error) -> Self {
        Self::new(ErrorCode::InvalidRequest, error.to_string())
    }
}
