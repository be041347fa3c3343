//! Reading and changing an OpenAI chat completion request.

use axum::http::HeaderMap;
use rapport_core::redact::redact_pii;
use serde_json::{Value, json};

use super::USER_HEADER;
use crate::error::{ApiError, ErrorCode};

fn invalid(message: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidRequest, message)
}

/// The end user: the request's `user` field, else the `X-Rapport-User` header.
pub(super) fn end_user(request: &Value, headers: &HeaderMap) -> Result<String, ApiError> {
    let from_body = request.get("user").and_then(Value::as_str);
    let from_header = headers.get(USER_HEADER).and_then(|h| h.to_str().ok());
    from_body
        .or(from_header)
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string)
        .ok_or_else(|| {
            invalid("name the end user in the request's `user` field or the X-Rapport-User header")
        })
}

/// The text of a message's `content`: a string, or the text parts of a list of parts.
fn content_text(content: &Value) -> Option<String> {
    match content {
        Value::String(text) => Some(text.clone()),
        Value::Array(parts) => {
            let texts: Vec<&str> = parts
                .iter()
                .filter(|p| p.get("type").and_then(Value::as_str) == Some("text"))
                .filter_map(|p| p.get("text").and_then(Value::as_str))
                .collect();
            (!texts.is_empty()).then(|| texts.join("\n"))
        }
        _ => None,
    }
}

/// The text of the last message with role `user`.
pub(super) fn last_user_message(request: &Value) -> Result<String, ApiError> {
    let messages = request
        .get("messages")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("`messages` must be an array of chat messages"))?;
    messages
        .iter()
        .rev()
        .find(|m| m.get("role").and_then(Value::as_str) == Some("user"))
        .and_then(|m| m.get("content").and_then(content_text))
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| invalid("`messages` holds no user message with text"))
}

/// Masks personal identifiers in every message's text (strings and text parts), before the
/// request leaves the machine.
pub(super) fn redact_messages(request: &mut Value) {
    let Some(messages) = request.get_mut("messages").and_then(Value::as_array_mut) else {
        return;
    };
    let redact = |text: &mut Value| {
        if let Value::String(s) = text
            && let std::borrow::Cow::Owned(masked) = redact_pii(s)
        {
            *s = masked;
        }
    };
    for message in messages {
        match message.get_mut("content") {
            Some(Value::Array(parts)) => parts
                .iter_mut()
                .filter_map(|p| p.get_mut("text"))
                .for_each(redact),
            Some(text) => redact(text),
            None => {}
        }
    }
}

/// Adds the context block to the first system message, or puts a system message first.
pub(super) fn inject_context(request: &mut Value, block: &str) {
    let Some(messages) = request.get_mut("messages").and_then(Value::as_array_mut) else {
        return;
    };
    let first_is_system = messages
        .first()
        .is_some_and(|m| m.get("role").and_then(Value::as_str) == Some("system"));
    if first_is_system && let Some(Value::String(text)) = messages[0].get_mut("content") {
        text.push_str("\n\n");
        text.push_str(block);
        return;
    }
    messages.insert(0, json!({ "role": "system", "content": block }));
}

/// The assistant's answer in a completed (non-streamed) response body.
pub(super) fn answer_text(body: &[u8]) -> Option<String> {
    let value: Value = serde_json::from_slice(body).ok()?;
    content_text(value.pointer("/choices/0/message/content")?)
}

/// The assistant's answer in a streamed (server-sent events) response body: the `delta`
/// contents of the first choice, in order.
pub(super) fn streamed_answer_text(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let mut answer = String::new();
    for line in text.lines() {
        let Some(data) = line.strip_prefix("data:").map(str::trim) else {
            continue;
        };
        if data == "[DONE]" {
            break;
        }
        let Ok(chunk) = serde_json::from_str::<Value>(data) else {
            continue;
        };
        if let Some(piece) = chunk
            .pointer("/choices/0/delta/content")
            .and_then(Value::as_str)
        {
            answer.push_str(piece);
        }
    }
    (!answer.trim().is_empty()).then_some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_goes_into_the_system_message_or_a_new_one() {
        let mut with_system = json!({"messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "hi"}]});
        inject_context(&mut with_system, "CTX");
        assert_eq!(with_system["messages"][0]["content"], "Be brief.\n\nCTX");
        let mut without = json!({"messages": [{"role": "user", "content": "hi"}]});
        inject_context(&mut without, "CTX");
        assert_eq!(
            without["messages"][0],
            json!({"role": "system", "content": "CTX"})
        );
        assert_eq!(without["messages"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn finds_the_last_user_text_in_strings_and_parts() {
        let request = json!({"messages": [
            {"role": "user", "content": "first"},
            {"role": "assistant", "content": "ok"},
            {"role": "user", "content": [{"type": "text", "text": "second"},
                                         {"type": "image_url", "image_url": {"url": "x"}}]}]});
        assert_eq!(last_user_message(&request).unwrap(), "second");
        assert!(last_user_message(&json!({"messages": []})).is_err());
    }

    #[test]
    fn reads_streamed_and_whole_answers() {
        let sse = b"data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n\
            data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n\
            data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n";
        assert_eq!(streamed_answer_text(sse).as_deref(), Some("Hello"));
        let whole = br#"{"choices":[{"message":{"role":"assistant","content":"Hi!"}}]}"#;
        assert_eq!(answer_text(whole).as_deref(), Some("Hi!"));
    }
}
