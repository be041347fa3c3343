//! The tools: their JSON Schemas and what calling them does.

use rapport_core::{Event, EventBody, EventId, Message, Role, TenantId, UserId};
use rapport_engine::{Actor, ContextRequest, DEFAULT_BUDGET, Engine};
use serde_json::{Value, json};

use super::code;

/// Largest token budget `recall` accepts.
const MAX_BUDGET: u64 = 100_000;

/// `tools/list`: every tool with its input schema.
pub(super) fn definitions() -> Value {
    let user = json!({ "type": "string", "description": "The end user's id." });
    json!([
        {
            "name": "remember",
            "description": "Store something a user said (or a fact about them, in their words). \
                Rapport learns typed facts from it.",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "user": user,
                    "text": { "type": "string", "description": "What was said." },
                    "role": { "type": "string", "enum": ["user", "assistant"],
                              "description": "Who said it (default: the user)." },
                    "session": { "type": "string", "description": "Conversation id." }
                },
                "required": ["user", "text"]
            }
        },
        {
            "name": "recall",
            "description": "What is known about a user that bears on a message: current facts, \
                relevant past turns with dates, as a block for the system prompt.",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "user": user,
                    "query": { "type": "string", "description": "The message to answer." },
                    "budget": { "type": "integer", "minimum": 1, "maximum": MAX_BUDGET,
                                "description": "Most tokens of the block (default 800)." }
                },
                "required": ["user", "query"]
            }
        },
        {
            "name": "profile",
            "description": "Everything Rapport believes about a user, by facet, with past facts.",
            "inputSchema": {
                "type": "object",
                "properties": { "user": user },
                "required": ["user"]
            }
        },
        {
            "name": "forget",
            "description": "Delete one fact (with `fact_id`) or everything held about a user.",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "user": user,
                    "fact_id": { "type": "integer", "minimum": 1,
                                 "description": "Only this fact (ids are in `profile`)." }
                },
                "required": ["user"]
            }
        }
    ])
}

type CallResult = Result<Value, (i64, String)>;

fn invalid(message: impl Into<String>) -> (i64, String) {
    (code::INVALID_PARAMS, message.into())
}

fn text_arg<'a>(args: &'a Value, name: &str) -> Result<&'a str, (i64, String)> {
    args.get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| invalid(format!("`{name}` must be a non-empty string")))
}

/// `tools/call`. Protocol mistakes (unknown tool, bad arguments) are JSON-RPC errors; what the
/// engine refuses (an unknown user) is a tool result with `isError`, which the model can read.
pub(super) fn call(
    engine: &Engine,
    tenant: &TenantId,
    actor: &Actor,
    params: &Value,
) -> CallResult {
    let name = params
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("`name` must name a tool"))?;
    let args = params.get("arguments").cloned().unwrap_or(json!({}));
    if !args.is_object() {
        return Err(invalid("`arguments` must be an object"));
    }
    let user = UserId::new(text_arg(&args, "user")?).map_err(|e| invalid(e.to_string()))?;
    let outcome = match name {
        "remember" => remember(engine, tenant, &user, &args)?,
        "recall" => recall(engine, tenant, &user, &args)?,
        "profile" => engine.profile(tenant, &user).map(|p| {
            (
                p.render_text(true),
                json!({ "facts": p.facts.len(), "past": p.past.len() }),
            )
        }),
        "forget" => forget(engine, tenant, actor, &user, &args)?,
        other => return Err(invalid(format!("unknown tool `{other}`"))),
    };
    Ok(match outcome {
        Ok((text, structured)) => json!({
            "content": [{ "type": "text", "text": text }],
            "structuredContent": structured,
            "isError": false,
        }),
        Err(e) => json!({
            "content": [{ "type": "text", "text": e.to_string() }],
            "isError": true,
        }),
    })
}

type Outcome = rapport_engine::Result<(String, Value)>;

fn remember(
    engine: &Engine,
    tenant: &TenantId,
    user: &UserId,
    args: &Value,
) -> Result<Outcome, (i64, String)> {
    let text = text_arg(args, "text")?;
    let role = match args.get("role").and_then(Value::as_str) {
        None | Some("user") => Role::User,
        Some("assistant") => Role::Assistant,
        Some(other) => {
            return Err(invalid(format!(
                "`role` must be user or assistant, not {other}"
            )));
        }
    };
    if text.len() > rapport_core::MAX_TEXT_BYTES {
        return Err(invalid(format!(
            "`text` is longer than {} bytes",
            rapport_core::MAX_TEXT_BYTES
        )));
    }
    let event = Event {
        tenant: tenant.clone(),
        user: user.clone(),
        id: EventId::generate(),
        time: chrono::Utc::now(),
        session: args
            .get("session")
            .and_then(Value::as_str)
            .map(str::to_string),
        body: EventBody::Message(Message {
            role,
            speaker: None,
            text: text.to_string(),
        }),
    };
    let id = event.id.to_string();
    Ok(engine.ingest(&[event]).and_then(|_| {
        // Counted from the facts alone: a whole profile would also read the tenant's counts.
        let facts = engine
            .facts(tenant, user)?
            .iter()
            .filter(|f| f.is_current())
            .count();
        Ok((
            format!("Stored. {facts} current facts about {user}."),
            json!({ "event_id": id, "current_facts": facts }),
        ))
    }))
}

fn recall(
    engine: &Engine,
    tenant: &TenantId,
    user: &UserId,
    args: &Value,
) -> Result<Outcome, (i64, String)> {
    let query = text_arg(args, "query")?;
    let budget = match args.get("budget") {
        None => DEFAULT_BUDGET,
        Some(b) => b
            .as_u64()
            .filter(|b| (1..=MAX_BUDGET).contains(b))
            .ok_or_else(|| {
                invalid(format!(
                    "`budget` must be an integer from 1 to {MAX_BUDGET}"
                ))
            })? as usize,
    };
    let request = ContextRequest {
        budget,
        ..ContextRequest::new(query)
    };
    Ok(engine.context(tenant, user, &request).map(|c| {
        let structured = json!({
            "tokens": c.tokens,
            "facts": c.facts.iter().map(|f| &f.text).collect::<Vec<_>>(),
            "turns": c.turns.iter().map(|t| json!({"id": t.id, "time": t.time, "speaker": t.speaker, "text": t.text})).collect::<Vec<_>>(),
        });
        (c.block, structured)
    }))
}

fn forget(
    engine: &Engine,
    tenant: &TenantId,
    actor: &Actor,
    user: &UserId,
    args: &Value,
) -> Result<Outcome, (i64, String)> {
    match args.get("fact_id") {
        None => Ok(engine.forget_user(tenant, user, actor).and_then(|existed| {
            if existed {
                Ok((
                    format!("Forgot everything about {user}."),
                    json!({ "forgotten": "user" }),
                ))
            } else {
                Err(rapport_engine::Error::User(
                    rapport_engine::UserError::UnknownUser {
                        tenant: tenant.to_string(),
                        user: user.to_string(),
                    },
                ))
            }
        })),
        Some(id) => {
            let id = id
                .as_u64()
                .filter(|id| *id > 0)
                .ok_or_else(|| invalid("`fact_id` must be a positive integer"))?;
            Ok(engine.delete_fact(tenant, user, id, actor).map(|()| {
                (
                    format!("Deleted fact {id} of {user}."),
                    json!({ "forgotten": "fact", "fact_id": id }),
                )
            }))
        }
    }
}
