//! `POST /v1/events`: batch ingest, in the event format of `rapport ingest` (docs/EVENTS.md).

use axum::Json;
use axum::extract::State;
use chrono::Utc;
use rapport_core::Event;
use rapport_engine::IngestReport;
use serde_json::Value;

use crate::app::AppState;
use crate::auth::TenantKey;
use crate::error::{ApiError, ErrorCode};
use crate::extract::JsonBody;

/// Parses `{"events": [...]}`. Events take the key's tenant; an event naming another tenant is
/// rejected, so a client bug cannot silently write to the wrong place.
fn parse_batch(body: &Value, tenant: &rapport_core::TenantId) -> Result<Vec<Event>, ApiError> {
    let invalid = |message: String| ApiError::new(ErrorCode::InvalidEvent, message);
    let Some(events) = body.get("events").and_then(Value::as_array) else {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            "the body must be an object with an `events` array",
        ));
    };
    if let Some(extra) = body
        .as_object()
        .and_then(|o| o.keys().find(|k| *k != "events"))
    {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            format!("unknown field `{extra}`"),
        ));
    }
    let now = Utc::now();
    events
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let named = value.get("tenant").and_then(Value::as_str);
            if let Some(named) = named.filter(|n| *n != tenant.as_str()) {
                return Err(invalid(format!(
                    "events[{i}]: tenant `{named}` is not the API key's tenant `{tenant}`; \
                     leave `tenant` out"
                )));
            }
            let mut event = rapport_core::wire::event_from_value(value, now)
                .map_err(|e| invalid(format!("events[{i}]: {e}")))?;
            event.tenant = tenant.clone();
            Ok(event)
        })
        .collect()
}

/// Stores a batch atomically (all or nothing), skipping event ids already stored, and answers
/// only after the store committed it.
pub(crate) async fn ingest(
    TenantKey(tenant, _): TenantKey,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<Value>,
) -> Result<Json<IngestReport>, ApiError> {
    let events = parse_batch(&body, &tenant)?;
    let report = state.run(move |engine| engine.ingest(&events)).await?;
    state.metrics.ingested(report.accepted, report.duplicates);
    Ok(Json(report))
}
