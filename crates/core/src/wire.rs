//! The JSON event format shared by `rapport ingest` and the REST API (docs/EVENTS.md).
//!
//! Parsing is by hand rather than by derive so that every rejection names the field and says
//! what was expected.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::{Map, Value};

use crate::{
    Action, Document, Error, Event, EventBody, EventId, Message, Result, Role, TenantId, UserId,
    Verb, validate_text,
};

/// The largest JSON line accepted, in bytes: the text limit plus room for the other fields.
pub const MAX_LINE_BYTES: usize = crate::MAX_TEXT_BYTES + 16 * 1024;

const KNOWN_FIELDS: &[&str] = &[
    "tenant", "user", "id", "time", "type", "session", "role", "speaker", "text", "verb", "item",
    "value",
];

/// Parses one event from its JSON text. `now` is the time given to events without one.
pub fn parse_event(line: &str, now: DateTime<Utc>) -> Result<Event> {
    if line.len() > MAX_LINE_BYTES {
        return Err(invalid(
            "line",
            format!(
                "{} bytes is longer than the limit of {MAX_LINE_BYTES}",
                line.len()
            ),
        ));
    }
    let value: Value =
        serde_json::from_str(line).map_err(|e| invalid("line", format!("not valid JSON: {e}")))?;
    event_from_value(&value, now)
}

/// Builds an event from an already parsed JSON value (as the HTTP API receives it).
pub fn event_from_value(value: &Value, now: DateTime<Utc>) -> Result<Event> {
    let Value::Object(map) = value else {
        return Err(invalid("line", "expected a JSON object".into()));
    };
    if let Some(unknown) = map.keys().find(|k| !KNOWN_FIELDS.contains(&k.as_str())) {
        return Err(invalid("field", format!("unknown field `{unknown}`")));
    }
    let tenant = match optional_str(map, "tenant")? {
        Some(t) => TenantId::new(t)?,
        None => TenantId::default_tenant(),
    };
    let user = UserId::new(required_str(map, "user")?)?;
    let id = match optional_str(map, "id")? {
        Some(id) => EventId::new(id)?,
        None => EventId::generate(),
    };
    let time = match optional_str(map, "time")? {
        Some(t) => parse_time(t)?,
        None => now,
    };
    let session = optional_str(map, "session")?.map(str::to_string);
    let body = match required_str(map, "type")? {
        "message" => {
            let role = match optional_str(map, "role")?.unwrap_or("user") {
                "user" => Role::User,
                "assistant" => Role::Assistant,
                other => {
                    return Err(invalid(
                        "role",
                        format!("`{other}` is not one of `user`, `assistant`"),
                    ));
                }
            };
            let speaker = optional_str(map, "speaker")?.map(str::to_string);
            EventBody::Message(Message {
                role,
                speaker,
                text: text_field(map)?,
            })
        }
        "document" => EventBody::Document(Document {
            text: text_field(map)?,
        }),
        "action" => {
            let verb_name = required_str(map, "verb")?;
            let verb = Verb::ALL.into_iter().find(|v| v.as_str() == verb_name).ok_or_else(|| {
                invalid(
                    "verb",
                    format!(
                        "`{verb_name}` is not one of view, click, like, dislike, rate, purchase, skip"
                    ),
                )
            })?;
            let item = required_str(map, "item")?;
            if item.is_empty() {
                return Err(invalid("item", "must not be empty".into()));
            }
            let value = match map.get("value") {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => n.as_f64().filter(|v| v.is_finite()),
                Some(_) => return Err(invalid("value", "expected a number".into())),
            };
            if verb == Verb::Rate && value.is_none() {
                return Err(invalid(
                    "value",
                    "a `rate` action needs a numeric value".into(),
                ));
            }
            EventBody::Action(Action {
                verb,
                item: item.to_string(),
                value,
            })
        }
        other => {
            return Err(invalid(
                "type",
                format!("`{other}` is not one of `message`, `action`, `document`"),
            ));
        }
    };
    Ok(Event {
        tenant,
        user,
        id,
        time,
        session,
        body,
    })
}

/// Parses an RFC 3339 timestamp; a timestamp without offset (`2023-05-08T13:56:00`) is UTC.
pub fn parse_time(text: &str) -> Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(t.and_utc());
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
    }
    Err(invalid(
        "time",
        format!("`{text}` is not an RFC 3339 timestamp"),
    ))
}

fn text_field(map: &Map<String, Value>) -> Result<String> {
    let text = required_str(map, "text")?;
    validate_text(text).map_err(|e| match e {
        Error::InvalidText(reason) => invalid("text", reason),
        other => other,
    })?;
    Ok(text.to_string())
}

fn required_str<'a>(map: &'a Map<String, Value>, field: &'static str) -> Result<&'a str> {
    optional_str(map, field)?.ok_or_else(|| invalid(field, "is required".into()))
}

fn optional_str<'a>(map: &'a Map<String, Value>, field: &'static str) -> Result<Option<&'a str>> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(invalid(
            field,
            format!("expected a string, got {}", type_name(other)),
        )),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn invalid(field: &'static str, reason: String) -> Error {
    Error::InvalidValue { field, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        parse_time("2024-01-01T00:00:00Z").unwrap()
    }

    #[test]
    fn parses_a_message_with_defaults() {
        let e = parse_event(r#"{"user":"u1","type":"message","text":"hi there"}"#, now()).unwrap();
        assert_eq!(e.tenant, TenantId::default_tenant());
        assert_eq!(e.time, now());
        assert!(matches!(
            e.body,
            EventBody::Message(Message {
                role: Role::User,
                ..
            })
        ));
    }

    #[test]
    fn parses_naive_and_offset_times() {
        assert_eq!(
            parse_time("2023-05-08T13:56:00").unwrap().to_rfc3339(),
            "2023-05-08T13:56:00+00:00"
        );
        assert_eq!(
            parse_time("2023-05-08T15:56:00+02:00")
                .unwrap()
                .to_rfc3339(),
            "2023-05-08T13:56:00+00:00"
        );
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (
                r#"{"type":"message","text":"x"}"#,
                "invalid user: is required",
            ),
            (
                r#"{"user":"u","type":"message","text":"  "}"#,
                "invalid text: must not be empty",
            ),
            (
                r#"{"user":"u","type":"poke"}"#,
                "invalid type: `poke` is not one of",
            ),
            (
                r#"{"user":"u","type":"message","text":"x","time":"yesterday"}"#,
                "invalid time",
            ),
            (
                r#"{"user":"u","type":"message","text":5}"#,
                "invalid text: expected a string, got a number",
            ),
            (
                r#"{"user":"u","type":"action","verb":"rate","item":"i"}"#,
                "invalid value: a `rate` action",
            ),
            (
                r#"{"user":"u","type":"message","text":"x","colour":"red"}"#,
                "unknown field `colour`",
            ),
            (r#"[1,2]"#, "expected a JSON object"),
            (r#"{"user":"u","#, "not valid JSON"),
        ];
        for (line, expected) in cases {
            let err = parse_event(line, now()).unwrap_err().to_string();
            assert!(err.contains(expected), "{line}: {err}");
        }
    }

    #[test]
    fn rejects_huge_lines() {
        let line = format!(
            r#"{{"user":"u","type":"document","text":"{}"}}"#,
            "a".repeat(MAX_LINE_BYTES)
        );
        assert!(
            parse_event(&line, now())
                .unwrap_err()
                .to_string()
                .contains("longer than the limit")
        );
    }
}
