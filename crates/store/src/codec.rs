//! Conversions between domain values and column values.

use chrono::{DateTime, Utc};
use rapport_core::Item;

use crate::{Error, Result};

pub(crate) fn to_micros(time: DateTime<Utc>) -> i64 {
    time.timestamp_micros()
}

pub(crate) fn from_micros(table: &'static str, micros: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_micros(micros)
        .ok_or_else(|| Error::corrupt(table, format!("time {micros} out of range")))
}

pub(crate) fn to_seq(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// An item's columns as read: item_id, title, text, tags (JSON), attributes (JSON).
pub(crate) type RawItem = (String, String, String, String, String);

/// Tags and attributes as the JSON text stored in their columns.
pub(crate) fn encode_item(item: &Item) -> Result<(String, String)> {
    let json = |v: serde_json::Result<String>| v.map_err(|e| Error::corrupt("items", e));
    Ok((
        json(serde_json::to_string(&item.tags))?,
        json(serde_json::to_string(&item.attributes))?,
    ))
}

/// An item from its columns.
pub(crate) fn decode_item((item_id, title, text, tags, attributes): RawItem) -> Result<Item> {
    Ok(Item {
        item_id,
        title,
        text,
        tags: serde_json::from_str(&tags).map_err(|e| Error::corrupt("items", e))?,
        attributes: serde_json::from_str(&attributes).map_err(|e| Error::corrupt("items", e))?,
    })
}
