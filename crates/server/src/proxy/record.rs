//! What the proxy writes to the user's memory: their turn, and the assistant's answer.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use futures_util::StreamExt;
use rapport_core::{Event, EventBody, EventId, Message, Role, TenantId, UserId};
use rapport_engine::{ContextRequest, Engine};

use super::chat;
use super::upstream::BodyChunks;
use crate::app::AppState;

/// The context block for `said` (when the user is known), then `said` recorded as their turn.
pub(super) fn context_then_record(
    engine: &Engine,
    tenant: &TenantId,
    user: &UserId,
    said: &str,
) -> rapport_engine::Result<Option<String>> {
    let block = match engine.user(tenant, user) {
        Ok(_) => Some(
            engine
                .context(tenant, user, &ContextRequest::new(said))?
                .block,
        ),
        Err(rapport_engine::Error::User(rapport_engine::UserError::UnknownUser { .. })) => None,
        Err(e) => return Err(e),
    };
    engine.ingest(&[message(tenant, user, Role::User, said)])?;
    Ok(block.filter(|b| !b.trim().is_empty()))
}

fn message(tenant: &TenantId, user: &UserId, role: Role, text: &str) -> Event {
    Event {
        tenant: tenant.clone(),
        user: user.clone(),
        id: EventId::generate(),
        time: chrono::Utc::now(),
        session: None,
        body: EventBody::Message(Message {
            role,
            speaker: None,
            text: text.to_string(),
        }),
    }
}

/// Passes the upstream's body through unchanged while keeping a copy, and records the
/// assistant's answer once the body is complete.
pub(super) struct AnswerRecorder {
    state: AppState,
    tenant: TenantId,
    user: UserId,
    streaming: bool,
}

impl AnswerRecorder {
    pub(super) fn new(state: AppState, tenant: TenantId, user: UserId, streaming: bool) -> Self {
        Self {
            state,
            tenant,
            user,
            streaming,
        }
    }

    /// The body, chunk by chunk as it arrives; the answer is recorded after the last chunk.
    pub(super) fn tee(self, body: BodyChunks) -> BodyChunks {
        let copy = Arc::new(Mutex::new(Vec::<u8>::new()));
        let kept = copy.clone();
        let passed = body.map(move |chunk| {
            if let Ok(bytes) = &chunk {
                kept.lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .extend_from_slice(bytes);
            }
            chunk
        });
        let finish = futures_util::stream::once(async move {
            let body = std::mem::take(&mut *copy.lock().unwrap_or_else(|p| p.into_inner()));
            self.record(&body).await;
            None
        })
        .filter_map(|end: Option<Result<Bytes, hyper::Error>>| async move { end });
        Box::pin(passed.chain(finish))
    }

    async fn record(self, body: &[u8]) {
        let text = if self.streaming {
            chat::streamed_answer_text(body)
        } else {
            chat::answer_text(body)
        };
        let Some(text) = text else {
            tracing::warn!(tenant = %self.tenant, "the upstream's answer held no text to record");
            return;
        };
        let Self {
            state,
            tenant,
            user,
            ..
        } = self;
        let stored = state
            .run(move |engine| engine.ingest(&[message(&tenant, &user, Role::Assistant, &text)]))
            .await;
        if let Err(e) = stored {
            tracing::error!(error = ?e, "could not record the assistant's answer");
        }
    }
}
