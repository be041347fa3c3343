//! Events: what a user said or did. The event log is the source of truth of the whole engine;
//! everything else (facts, indexes, population statistics) is rebuilt from it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{EventId, TenantId, UserId};

/// One thing a user said or did, as accepted at the edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The tenant the user belongs to.
    pub tenant: TenantId,
    /// The user the event is about (for messages: the one who spoke).
    pub user: UserId,
    /// Idempotency key, unique per tenant and user.
    pub id: EventId,
    /// When it happened (defaults to the time of ingest).
    pub time: DateTime<Utc>,
    /// Conversation session, when the event belongs to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// What happened.
    pub body: EventBody,
}

/// The payload of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventBody {
    /// A chat turn.
    Message(Message),
    /// An action on an item (view, click, rate, ...).
    Action(Action),
    /// Text the user authored outside a chat (a post, a review, a comment).
    Document(Document),
}

/// The kind of an event, without its payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// [`EventBody::Message`].
    Message,
    /// [`EventBody::Action`].
    Action,
    /// [`EventBody::Document`].
    Document,
}

impl EventKind {
    /// The name used in the JSON format and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Message => "message",
            Self::Action => "action",
            Self::Document => "document",
        }
    }
}

/// A chat turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Who produced the turn.
    pub role: Role,
    /// The display name of who spoke, for group chats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// What was said.
    pub text: String,
}

/// Who produced a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The end user. Only user turns teach Rapport facts about the user.
    User,
    /// The assistant or the other party of the conversation.
    Assistant,
}

/// An action on an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// What the user did.
    pub verb: Verb,
    /// The item acted on.
    pub item: String,
    /// A value, e.g. the rating for [`Verb::Rate`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// Verbs of [`Action`] events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verb {
    /// Saw the item.
    View,
    /// Clicked the item.
    Click,
    /// Said they like it.
    Like,
    /// Said they dislike it.
    Dislike,
    /// Rated it (`value` holds the rating).
    Rate,
    /// Bought it.
    Purchase,
    /// Skipped it.
    Skip,
}

impl Verb {
    /// All verbs, in the order of the documentation.
    pub const ALL: [Verb; 7] = [
        Self::View,
        Self::Click,
        Self::Like,
        Self::Dislike,
        Self::Rate,
        Self::Purchase,
        Self::Skip,
    ];

    /// The verb's name in the JSON format.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::Click => "click",
            Self::Like => "like",
            Self::Dislike => "dislike",
            Self::Rate => "rate",
            Self::Purchase => "purchase",
            Self::Skip => "skip",
        }
    }
}

/// Text the user authored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The text.
    pub text: String,
}

impl Event {
    /// A message event with a fresh id, the current time and no session; a convenience for
    /// tests and examples.
    pub fn message(tenant: TenantId, user: UserId, role: Role, text: &str) -> Self {
        Self {
            tenant,
            user,
            id: EventId::generate(),
            time: Utc::now(),
            session: None,
            body: EventBody::Message(Message {
                role,
                speaker: None,
                text: text.to_string(),
            }),
        }
    }

    /// The kind of the event.
    pub fn kind(&self) -> EventKind {
        match self.body {
            EventBody::Message(_) => EventKind::Message,
            EventBody::Action(_) => EventKind::Action,
            EventBody::Document(_) => EventKind::Document,
        }
    }

    /// The event's text, for messages and documents.
    pub fn text(&self) -> Option<&str> {
        match &self.body {
            EventBody::Message(m) => Some(&m.text),
            EventBody::Document(d) => Some(&d.text),
            EventBody::Action(_) => None,
        }
    }
}

/// An event as the store holds it: with its position in the user's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// Position in the user's log, starting at 1, dense and increasing in order of append.
    pub seq: u64,
    /// The event.
    #[serde(flatten)]
    pub event: Event,
}
