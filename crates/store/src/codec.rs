//! Conversions between domain values and column values.

use chrono::{DateTime, Utc};

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
