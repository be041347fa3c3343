//! The OpenAPI 3.1 document served at `/openapi.json`, built from [`OPERATIONS`], the one list
//! of routes the documentation comes from. A test checks every listed operation is routed.

use serde_json::{Map, Value, json};

use crate::error::ErrorCode;

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// Anyone.
    None,
    /// A tenant's API key; the operation is scoped to that tenant.
    Tenant,
    /// The admin key.
    Admin,
}

/// One documented operation.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// HTTP method, lowercase.
    pub method: &'static str,
    /// Path template, `{name}` for parameters.
    pub path: &'static str,
    /// One line for people.
    pub summary: &'static str,
    /// Who may call it.
    pub auth: Auth,
    /// Name of the request body schema in `components.schemas`, if it takes a body; a trailing
    /// `?` marks a body that may be left out.
    pub body: Option<&'static str>,
    /// Success status.
    pub status: u16,
}

const fn op(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    auth: Auth,
    body: Option<&'static str>,
    status: u16,
) -> Operation {
    Operation {
        method,
        path,
        summary,
        auth,
        body,
        status,
    }
}

/// Every operation of the API.
pub const OPERATIONS: &[Operation] = &[
    op(
        "get",
        "/health",
        "Liveness: the process answers.",
        Auth::None,
        None,
        200,
    ),
    op(
        "get",
        "/ready",
        "Readiness: the store answers.",
        Auth::None,
        None,
        200,
    ),
    op(
        "get",
        "/metrics",
        "Prometheus metrics (text format).",
        Auth::None,
        None,
        200,
    ),
    op(
        "get",
        "/openapi.json",
        "This document.",
        Auth::None,
        None,
        200,
    ),
    op(
        "get",
        "/dashboard",
        "The web dashboard (HTML); it signs in with a tenant key or a user's key.",
        Auth::None,
        None,
        200,
    ),
    op(
        "post",
        "/v1/admin/tenants",
        "Register a tenant.",
        Auth::Admin,
        Some("NewTenant"),
        201,
    ),
    op(
        "get",
        "/v1/admin/tenants",
        "List registered tenants.",
        Auth::Admin,
        None,
        200,
    ),
    op(
        "post",
        "/v1/admin/tenants/{tenant}/keys",
        "Create an API key for a tenant, or with `user` one limited to that user; the secret is returned once.",
        Auth::Admin,
        Some("NewKey?"),
        201,
    ),
    op(
        "get",
        "/v1/admin/tenants/{tenant}/policy",
        "A tenant's policy: sensitive classes it allows inferring, where text is redacted.",
        Auth::Admin,
        None,
        200,
    ),
    op(
        "put",
        "/v1/admin/tenants/{tenant}/policy",
        "Replace a tenant's policy; inferred facts it no longer allows are removed.",
        Auth::Admin,
        Some("TenantPolicy"),
        200,
    ),
    op(
        "delete",
        "/v1/admin/keys/{key_id}",
        "Revoke an API key.",
        Auth::Admin,
        None,
        204,
    ),
    op(
        "get",
        "/v1/me",
        "Whom the key speaks for: its tenant, and its user for a user-scoped key.",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "post",
        "/v1/events",
        "Ingest a batch of events atomically, idempotent by event id.",
        Auth::Tenant,
        Some("EventBatch"),
        200,
    ),
    op(
        "get",
        "/v1/users",
        "List the tenant's users.",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "get",
        "/v1/users/{user}",
        "A user's summary.",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "delete",
        "/v1/users/{user}",
        "Forget a user: every event, fact and setting.",
        Auth::Tenant,
        None,
        204,
    ),
    op(
        "get",
        "/v1/users/{user}/profile",
        "The profile, structured and as text.",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "get",
        "/v1/users/{user}/facts",
        "Current facts; `?history=true` adds past ones.",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "patch",
        "/v1/users/{user}/facts/{id}",
        "Edit a fact's value and/or pin it.",
        Auth::Tenant,
        Some("FactChange"),
        200,
    ),
    op(
        "delete",
        "/v1/users/{user}/facts/{id}",
        "Delete a fact for good; it is not learned again.",
        Auth::Tenant,
        None,
        204,
    ),
    op(
        "get",
        "/v1/users/{user}/forbidden",
        "The categories the user forbade (never learned again).",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "post",
        "/v1/users/{user}/forbidden",
        "Forbid a category: purge its facts, never learn it again.",
        Auth::Tenant,
        Some("Forbid"),
        200,
    ),
    op(
        "get",
        "/v1/users/{user}/events",
        "A page of the user's event log (`after`, `limit`).",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "post",
        "/v1/users/{user}/events/lookup",
        "The user's events with these ids (e.g. a fact's evidence), in log order; at most 1,000.",
        Auth::Tenant,
        Some("EventLookup"),
        200,
    ),
    op(
        "get",
        "/v1/users/{user}/export",
        "Everything held about the user.",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "get",
        "/v1/audit",
        "The tenant's audit log of edits, exports and deletions, newest first (`user`, `limit`).",
        Auth::Tenant,
        None,
        200,
    ),
    op(
        "post",
        "/v1/users/{user}/context",
        "The context block for a query under a token budget.",
        Auth::Tenant,
        Some("ContextRequest"),
        200,
    ),
    op(
        "post",
        "/v1/users/{user}/search",
        "Search the user's past turns.",
        Auth::Tenant,
        Some("SearchRequest"),
        200,
    ),
    op(
        "post",
        "/v1/items",
        "Add or replace catalog items (by item_id), all or none.",
        Auth::Tenant,
        Some("ItemsRequest"),
        200,
    ),
    op(
        "post",
        "/v1/users/{user}/recommend",
        "The best catalog items for the user, each with reasons.",
        Auth::Tenant,
        Some("RecommendRequest"),
        200,
    ),
    op(
        "post",
        "/v1/users/{user}/rank",
        "Rank catalog items or free texts for the user (as answers to `context` when given), each with reasons.",
        Auth::Tenant,
        Some("RankRequest"),
        200,
    ),
    op(
        "post",
        "/v1/mcp",
        "Model Context Protocol (streamable HTTP): one JSON-RPC message; tools remember, recall, profile, forget. 202 for a notification.",
        Auth::Tenant,
        Some("JsonRpcMessage"),
        200,
    ),
    op(
        "post",
        "/v1/chat/completions",
        "OpenAI-compatible chat completion, personalized: the end user (`user` field or X-Rapport-User header) gets their context added to the system message; forwarded to the configured upstream; both turns are remembered. Streams when `stream` is true.",
        Auth::Tenant,
        Some("ChatCompletionRequest"),
        200,
    ),
];

fn schemas() -> Value {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.spec().0).collect();
    json!({
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {
                "type": "object",
                "required": ["message", "code", "type"],
                "properties": {
                    "message": {"type": "string"},
                    "code": {"type": "string", "enum": codes},
                    "type": {"type": "string", "enum": ["invalid_request", "auth", "system", "internal"]}
                }
            }}
        },
        "NewTenant": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        "NewKey": {
            "type": "object",
            "properties": {"user": {"type": "string", "description": "Limit the key to this user: their own profile, facts, events, export and forgetting."}}
        },
        "EventBatch": {
            "type": "object",
            "required": ["events"],
            "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}
        },
        "Event": {
            "type": "object",
            "description": "docs/EVENTS.md; `tenant` may be left out (it is the key's tenant).",
            "required": ["user", "type"],
            "properties": {
                "user": {"type": "string"}, "id": {"type": "string"}, "time": {"type": "string"},
                "type": {"type": "string", "enum": ["message", "action", "document"]},
                "session": {"type": "string"}, "role": {"type": "string", "enum": ["user", "assistant"]},
                "speaker": {"type": "string"}, "text": {"type": "string"}, "verb": {"type": "string"},
                "item": {"type": "string"}, "value": {"type": "number"}, "tenant": {"type": "string"}
            }
        },
        "FactChange": {
            "type": "object",
            "properties": {"value": {"type": "string"}, "pinned": {"type": "boolean"}}
        },
        "TenantPolicy": {
            "type": "object",
            "properties": {
                "infer_sensitive": {"type": "array", "items": {"type": "string", "enum":
                    ["health", "religion", "sexuality", "politics", "ethnicity", "precise_location", "finances"]}},
                "redact": {"type": "object", "properties": {
                    "outbound": {"type": "boolean", "description": "Mask identifiers before text leaves the machine."},
                    "storage": {"type": "boolean", "description": "Mask identifiers before events are stored."}}}
            }
        },
        "EventLookup": {
            "type": "object", "required": ["ids"],
            "properties": {"ids": {"type": "array", "items": {"type": "string"}, "maxItems": 1000}}
        },
        "Forbid": {
            "type": "object", "required": ["category"],
            "properties": {"category": {"type": "string", "description": "A sensitive class or a facet name."}}
        },
        "ContextRequest": {
            "type": "object", "required": ["query"],
            "properties": {"query": {"type": "string"}, "budget": {"type": "integer"}, "time": {"type": "string"}}
        },
        "SearchRequest": {
            "type": "object", "required": ["query"],
            "properties": {"query": {"type": "string"}, "limit": {"type": "integer"}, "time": {"type": "string"}}
        },
        "ChatCompletionRequest": {
            "type": "object", "required": ["messages"],
            "description": "The OpenAI chat completion request; fields Rapport does not read are forwarded unchanged.",
            "properties": {"model": {"type": "string"}, "user": {"type": "string"}, "stream": {"type": "boolean"},
                           "messages": {"type": "array", "items": {"type": "object"}}}
        },
        "ItemsRequest": {
            "type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["item_id", "title"],
                "properties": {"item_id": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"},
                               "tags": {"type": "array", "items": {"type": "string"}}, "attributes": {"type": "object"}}}}}
        },
        "RecommendRequest": {
            "type": "object",
            "properties": {"k": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}},
                           "include_consumed": {"type": "boolean"}}
        },
        "RankRequest": {
            "type": "object", "required": ["candidates"],
            "properties": {"context": {"type": "string"},
                           "candidates": {"type": "array", "items": {"type": "object",
                               "properties": {"item_id": {"type": "string"}, "text": {"type": "string"}}}}}
        },
        "JsonRpcMessage": {
            "type": "object", "required": ["jsonrpc", "method"],
            "properties": {"jsonrpc": {"const": "2.0"}, "id": {}, "method": {"type": "string"}, "params": {"type": "object"}}
        }
    })
}

fn operation(op: &Operation) -> Value {
    let parameters: Vec<Value> = op
        .path
        .split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
        .collect();
    let error = json!({"description": "Error envelope", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let mut responses = Map::new();
    responses.insert(op.status.to_string(), json!({"description": "Success"}));
    responses.insert("default".into(), error);
    let mut value =
        json!({"summary": op.summary, "parameters": parameters, "responses": responses});
    match op.auth {
        Auth::None => value["security"] = json!([]),
        Auth::Tenant => value["security"] = json!([{"tenantKey": []}]),
        Auth::Admin => value["security"] = json!([{"adminKey": []}]),
    }
    if let Some(body) = op.body {
        let (body, required) = match body.strip_suffix('?') {
            Some(name) => (name, false),
            None => (body, true),
        };
        value["requestBody"] = json!({"required": required, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{body}")}}}});
    }
    value
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for op in OPERATIONS {
        let entry = paths.entry(op.path).or_insert_with(|| json!({}));
        entry[op.method] = operation(op);
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Rapport", "version": env!("CARGO_PKG_VERSION"), "description": "User-modeling engine. See docs/API.md."},
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": {
                "tenantKey": {"type": "http", "scheme": "bearer", "description": "A tenant's API key (`rpk_…`). A key limited to one user opens only that user's routes: GET /v1/me, the user's summary, profile, facts, events (also by id) and export, fact changes, forbidden categories, GET /v1/audit?user= for that user, and DELETE of the user."},
                "adminKey": {"type": "http", "scheme": "bearer", "description": "The admin key (RAPPORT_ADMIN_KEY)."}
            }
        }
    })
}
