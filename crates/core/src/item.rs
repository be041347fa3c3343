//! Catalog items: what a tenant can recommend, as `rapport items import` and the store see them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Error, Result};

/// Longest item id accepted, in bytes.
pub const MAX_ITEM_ID_BYTES: usize = 256;

/// Fields an item record may hold.
const KNOWN_FIELDS: &[&str] = &["item_id", "title", "text", "tags", "attributes"];

/// One item of a tenant's catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The item's id, unique in the tenant's catalog; action events name it in `item`.
    pub item_id: String,
    /// Its title, used in reasons ("because you liked Heat").
    pub title: String,
    /// A description; may be empty.
    #[serde(default)]
    pub text: String,
    /// Tags (genres, categories).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Free attributes (cuisine, price range, ...).
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

impl Item {
    /// An item with only an id and a title.
    pub fn new(item_id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            item_id: item_id.into(),
            title: title.into(),
            text: String::new(),
            tags: Vec::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// Everything textual about the item, for matching against the profile.
    pub fn describe(&self) -> String {
        let mut out = self.title.clone();
        for part in std::iter::once(&self.text)
            .chain(&self.tags)
            .chain(self.attributes.values())
        {
            if !part.is_empty() {
                out.push_str(". ");
                out.push_str(part);
            }
        }
        out
    }

    /// Parses one item record (`{item_id, title, text?, tags?, attributes?}`) from its JSON text,
    /// naming the field in every rejection. Attribute values that are numbers or booleans are
    /// kept as their text.
    pub fn parse(line: &str) -> Result<Self> {
        let value: Value = serde_json::from_str(line)
            .map_err(|e| invalid("line", format!("not valid JSON: {e}")))?;
        let Value::Object(map) = value else {
            return Err(invalid("line", "expected a JSON object".into()));
        };
        if let Some(unknown) = map.keys().find(|k| !KNOWN_FIELDS.contains(&k.as_str())) {
            return Err(invalid("field", format!("unknown field `{unknown}`")));
        }
        let text_of = |field: &'static str| -> Result<Option<String>> {
            match map.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(Value::Number(n)) if field == "item_id" => Ok(Some(n.to_string())),
                Some(_) => Err(invalid(field, "expected a string".into())),
            }
        };
        let item_id =
            text_of("item_id")?.ok_or_else(|| invalid("item_id", "is required".into()))?;
        let title = text_of("title")?.ok_or_else(|| invalid("title", "is required".into()))?;
        let tags = match map.get("tags") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(values)) => values
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.clone()),
                    _ => Err(invalid("tags", "expected an array of strings".into())),
                })
                .collect::<Result<_>>()?,
            Some(_) => return Err(invalid("tags", "expected an array of strings".into())),
        };
        let attributes = match map.get("attributes") {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(Value::Object(values)) => values
                .iter()
                .map(|(k, v)| match v {
                    Value::String(s) => Ok((k.clone(), s.clone())),
                    Value::Number(_) | Value::Bool(_) => Ok((k.clone(), v.to_string())),
                    _ => Err(invalid(
                        "attributes",
                        format!("`{k}` must be a string, number or boolean"),
                    )),
                })
                .collect::<Result<_>>()?,
            Some(_) => return Err(invalid("attributes", "expected an object".into())),
        };
        let item = Self {
            item_id,
            title,
            text: text_of("text")?.unwrap_or_default(),
            tags,
            attributes,
        };
        item.validate()?;
        Ok(item)
    }

    /// Checks the id (non-blank, at most [`MAX_ITEM_ID_BYTES`], no control characters) and that
    /// the record fits the text limit.
    pub fn validate(&self) -> Result<()> {
        if self.item_id.trim().is_empty() {
            return Err(invalid("item_id", "must not be empty".into()));
        }
        if self.item_id.len() > MAX_ITEM_ID_BYTES {
            return Err(invalid(
                "item_id",
                format!("longer than {MAX_ITEM_ID_BYTES} bytes"),
            ));
        }
        if self.item_id.chars().any(char::is_control) {
            return Err(invalid("item_id", "holds control characters".into()));
        }
        if self.title.trim().is_empty() {
            return Err(invalid("title", "must not be empty".into()));
        }
        let size = self.describe().len() + self.item_id.len();
        if size > crate::MAX_TEXT_BYTES {
            return Err(invalid(
                "text",
                format!(
                    "the item holds {size} bytes of text, more than {}",
                    crate::MAX_TEXT_BYTES
                ),
            ));
        }
        Ok(())
    }
}

fn invalid(field: &'static str, reason: String) -> Error {
    Error::InvalidValue { field, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_record() {
        let item = Item::parse(
            r#"{"item_id": 50, "title": "Star Wars", "text": "Space opera", "tags": ["Sci-Fi"], "attributes": {"year": 1977, "studio": "Lucasfilm"}}"#,
        )
        .unwrap();
        assert_eq!(item.item_id, "50");
        assert_eq!(item.attributes["year"], "1977");
        assert_eq!(
            item.describe(),
            "Star Wars. Space opera. Sci-Fi. Lucasfilm. 1977"
        );
    }

    #[test]
    fn rejections_name_the_field() {
        let cases = [
            (r#"{"title": "x"}"#, "item_id"),
            (r#"{"item_id": "a"}"#, "title"),
            (r#"{"item_id": "a", "title": "x", "tags": "drama"}"#, "tags"),
            (r#"{"item_id": "a", "title": "x", "colour": 1}"#, "colour"),
            (r#"{"item_id": " ", "title": "x"}"#, "item_id"),
            ("[1]", "line"),
        ];
        for (line, field) in cases {
            let error = Item::parse(line).unwrap_err().to_string();
            assert!(error.contains(field), "{line}: {error}");
        }
    }
}
