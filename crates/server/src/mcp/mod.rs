//! The Model Context Protocol: Rapport's memory as tools an LLM agent can call (`remember`,
//! `recall`, `profile`, `forget`), over JSON-RPC 2.0.
//!
//! [`McpServer::handle`] answers one JSON-RPC message and is transport-agnostic: `rapport mcp`
//! feeds it newline-delimited messages from standard input (the stdio transport), and
//! `POST /v1/mcp` feeds it request bodies (the streamable HTTP transport, answering with plain
//! JSON; the tenant then comes from the API key). The server keeps no session state.

mod tools;

use rapport_core::TenantId;
use rapport_engine::{Actor, Engine};
use serde_json::{Value, json};

/// Protocol revisions this server speaks; the newest is offered when a client asks for another.
pub const PROTOCOL_VERSIONS: [&str; 3] = ["2025-06-18", "2025-03-26", "2024-11-05"];

/// JSON-RPC error codes.
mod code {
    pub const PARSE_ERROR: i64 = -32700;
    pub const INVALID_REQUEST: i64 = -32600;
    pub const METHOD_NOT_FOUND: i64 = -32601;
    pub const INVALID_PARAMS: i64 = -32602;
}

/// Answers MCP messages for one tenant.
pub struct McpServer<'e> {
    engine: &'e Engine,
    tenant: TenantId,
    actor: Actor,
}

impl<'e> McpServer<'e> {
    /// A server acting on `tenant`'s users; `actor` is who the audit log names for deletions.
    pub fn new(engine: &'e Engine, tenant: TenantId, actor: Actor) -> Self {
        Self {
            engine,
            tenant,
            actor,
        }
    }

    /// Answers one message given as text: a response, or `None` for a notification.
    pub fn handle_text(&self, text: &str) -> Option<Value> {
        match serde_json::from_str::<Value>(text) {
            Ok(message) => self.handle(&message),
            Err(e) => Some(error(
                Value::Null,
                code::PARSE_ERROR,
                format!("not JSON: {e}"),
            )),
        }
    }

    /// Answers one parsed message: a response, or `None` for a notification.
    pub fn handle(&self, message: &Value) -> Option<Value> {
        let id = message.get("id").cloned();
        let Some(method) = message.get("method").and_then(Value::as_str) else {
            return Some(error(
                id.unwrap_or(Value::Null),
                code::INVALID_REQUEST,
                "a JSON-RPC request needs a `method`".into(),
            ));
        };
        if message.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
            return Some(error(
                id.unwrap_or(Value::Null),
                code::INVALID_REQUEST,
                "`jsonrpc` must be \"2.0\"".into(),
            ));
        }
        // Notifications (no id) are acknowledged by silence.
        let id = id?;
        let params = message.get("params").cloned().unwrap_or(json!({}));
        let result = match method {
            "initialize" => Ok(initialize(&params)),
            "ping" => Ok(json!({})),
            "tools/list" => Ok(json!({ "tools": tools::definitions() })),
            "tools/call" => tools::call(self.engine, &self.tenant, &self.actor, &params),
            other => Err((code::METHOD_NOT_FOUND, format!("unknown method `{other}`"))),
        };
        Some(match result {
            Ok(result) => json!({ "jsonrpc": "2.0", "id": id, "result": result }),
            Err((code, message)) => error(id, code, message),
        })
    }
}

fn initialize(params: &Value) -> Value {
    let asked = params.get("protocolVersion").and_then(Value::as_str);
    let version = asked
        .filter(|v| PROTOCOL_VERSIONS.contains(v))
        .unwrap_or(PROTOCOL_VERSIONS[0]);
    json!({
        "protocolVersion": version,
        "capabilities": { "tools": { "listChanged": false } },
        "serverInfo": { "name": "rapport", "version": env!("CARGO_PKG_VERSION") },
        "instructions": "Rapport remembers each user: call `recall` with the user's message \
            before answering to get what is known about them, and `remember` to store what they \
            say. `profile` shows everything known; `forget` deletes a fact or the whole user.",
    })
}

fn error(id: Value, code: i64, message: String) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}
