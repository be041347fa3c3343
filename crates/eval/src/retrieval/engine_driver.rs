//! [`EngineRetriever`]: the retrieval protocol run through the library as an app would use it:
//! every turn ingested as a message event into a real [`Engine`] (SQLite store, built-in
//! learner and embedder), questions answered by [`Engine::search`], and the context block built
//! by [`Engine::context`] with the default budget.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use rapport_core::{Event, EventBody, EventId, Message, Role, TenantId, UserId};
use rapport_engine::{ContextRequest, Engine, EngineConfig};

use super::records::{Question, Scope, Turn, parse_time};
use super::{MIN_RANKED, RetrievalError, Retriever};

/// How many hits to ask the engine for (more than any reported cut-off).
const DEPTH: usize = 50;
/// The tenant every scope is ingested under; each scope is one user.
const TENANT: &str = "eval";

/// Drives an [`Engine`] opened on a data directory of its own.
pub struct EngineRetriever {
    engine: Engine,
    tenant: TenantId,
    /// Turn ids of the scope ingested last, in order, for padding short result lists.
    turn_ids: Vec<String>,
    /// Ingest failures (a turn the engine rejected), reported rather than hidden.
    rejected: Vec<String>,
}

impl EngineRetriever {
    /// Opens an engine on `data_dir` (which should be empty: scopes become users there).
    pub fn open(data_dir: &std::path::Path) -> Result<Self, RetrievalError> {
        let engine = Engine::open(EngineConfig::with_data_dir(data_dir)).map_err(|e| {
            RetrievalError::Engine {
                message: e.to_string(),
            }
        })?;
        Ok(Self {
            engine,
            tenant: TenantId::new(TENANT).expect("a valid tenant id"),
            turn_ids: Vec::new(),
            rejected: Vec::new(),
        })
    }

    /// Turns the engine rejected, as `scope/turn: reason`.
    pub fn rejected(&self) -> &[String] {
        &self.rejected
    }

    fn user(&self, scope: &Scope) -> Option<UserId> {
        UserId::new(scope.scope.clone()).ok()
    }
}

/// A turn as the message event an app would send: the image caption, when there is one, is
/// part of what the speaker shared.
fn turn_event(
    tenant: &TenantId,
    user: &UserId,
    session: &str,
    time: DateTime<Utc>,
    turn: &Turn,
) -> Option<Event> {
    let role = match turn.role.as_deref() {
        Some("assistant") => Role::Assistant,
        _ => Role::User,
    };
    let text = match &turn.image_caption {
        Some(caption) => format!("{} [shares a photo: {caption}]", turn.text),
        None => turn.text.clone(),
    };
    Some(Event {
        tenant: tenant.clone(),
        user: user.clone(),
        id: EventId::new(turn.turn_id.clone()).ok()?,
        time,
        session: Some(session.to_string()),
        body: EventBody::Message(Message {
            role,
            speaker: turn.speaker.clone(),
            text,
        }),
    })
}

impl Retriever for EngineRetriever {
    fn ingest(&mut self, scope: &Scope) {
        self.turn_ids.clear();
        let Some(user) = self.user(scope) else {
            self.rejected
                .push(format!("{}: not a valid user id", scope.scope));
            return;
        };
        let mut time = DateTime::<Utc>::UNIX_EPOCH;
        for session in &scope.sessions {
            if let Some(t) = session.time.as_deref().and_then(parse_time) {
                time = t;
            }
            let mut events = Vec::with_capacity(session.turns.len());
            for (n, turn) in session.turns.iter().enumerate() {
                self.turn_ids.push(turn.turn_id.clone());
                // Turns of a session share its time; a second apart keeps them ordered.
                let at = time + Duration::seconds(n as i64);
                match turn_event(&self.tenant, &user, &session.session_id, at, turn) {
                    Some(event) => events.push(event),
                    None => self
                        .rejected
                        .push(format!("{}/{}: invalid turn id", scope.scope, turn.turn_id)),
                }
            }
            if let Err(e) = self.engine.ingest(&events) {
                self.rejected
                    .push(format!("{}/{}: {e}", scope.scope, session.session_id));
            }
        }
    }

    fn retrieve(&mut self, scope: &Scope, question: &Question) -> Vec<String> {
        let time = question.time.as_deref().and_then(parse_time);
        let mut ranked: Vec<String> = match self.user(scope) {
            Some(user) => self
                .engine
                .search(&self.tenant, &user, &question.question, time, DEPTH)
                .map(|hits| hits.into_iter().map(|h| h.id).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let mut seen: HashSet<String> = ranked.iter().cloned().collect();
        for id in self.turn_ids.iter().rev() {
            if ranked.len() >= MIN_RANKED {
                break;
            }
            if seen.insert(id.clone()) {
                ranked.push(id.clone());
            }
        }
        ranked
    }

    fn context_tokens(&mut self, scope: &Scope, question: &Question) -> Option<f64> {
        let user = self.user(scope)?;
        let request = ContextRequest {
            time: question.time.as_deref().and_then(parse_time),
            ..ContextRequest::new(question.question.clone())
        };
        let context = self.engine.context(&self.tenant, &user, &request).ok()?;
        Some(context.tokens as f64)
    }
}
