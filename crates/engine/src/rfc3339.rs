//! Times in JSON exactly as chrono's `Serialize` writes them (RFC 3339, `Z`, fractional seconds
//! only when present), without its formatting machinery for the common case: a context
//! response carries a hundred of them.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Serialize, Serializer};

/// Serializes `time` as chrono does (`serialize_with` for a `DateTime<Utc>` field).
pub(crate) fn serialize<S: Serializer>(
    time: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match whole_seconds(time) {
        Some(text) => serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
        None => time.serialize(serializer),
    }
}

/// [`serialize`] for an optional time (`null` when absent).
pub(crate) fn serialize_option<S: Serializer>(
    time: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => serialize(time, serializer),
        None => serializer.serialize_none(),
    }
}

/// `YYYY-MM-DDThh:mm:ssZ` for a time of a four-digit year without fractional seconds (nor a
/// leap second); `None` for the others, which chrono writes itself.
fn whole_seconds(time: &DateTime<Utc>) -> Option<[u8; 20]> {
    let year = time.year();
    if !(0..=9999).contains(&year) || time.nanosecond() != 0 {
        return None;
    }
    let mut out = *b"0000-00-00T00:00:00Z";
    let mut put = |at: usize, value: u32| {
        out[at] = b'0' + (value / 10 % 10) as u8;
        out[at + 1] = b'0' + (value % 10) as u8;
    };
    put(0, year as u32 / 100);
    put(2, year as u32 % 100);
    put(5, time.month());
    put(8, time.day());
    put(11, time.hour());
    put(14, time.minute());
    put(17, time.second());
    Some(out)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    #[derive(Serialize)]
    struct Fast {
        #[serde(serialize_with = "serialize")]
        time: DateTime<Utc>,
        #[serde(serialize_with = "serialize_option")]
        maybe: Option<DateTime<Utc>>,
    }

    #[derive(Serialize)]
    struct Chrono {
        time: DateTime<Utc>,
        maybe: Option<DateTime<Utc>>,
    }

    fn both(time: DateTime<Utc>, maybe: Option<DateTime<Utc>>) -> (String, String) {
        (
            serde_json::to_string(&Fast { time, maybe }).unwrap(),
            serde_json::to_string(&Chrono { time, maybe }).unwrap(),
        )
    }

    proptest! {
        #[test]
        fn times_are_written_as_chrono_writes_them(
            secs in -400_000_000_000i64..400_000_000_000,
            nanos in prop_oneof![Just(0u32), 0u32..2_000_000_000, Just(5_000_000), Just(7_000)],
            absent in any::<bool>(),
        ) {
            // Nanoseconds of a second and above: chrono's leap-second representation.
            let Some(time) = Utc.timestamp_opt(secs, nanos).single() else {
                return Ok(());
            };
            let (fast, chrono) = both(time, (!absent).then_some(time));
            prop_assert_eq!(fast, chrono);
        }
    }

    #[test]
    fn the_common_case_is_the_fast_one() {
        let time = Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap();
        assert_eq!(whole_seconds(&time), Some(*b"2024-01-02T03:04:05Z"));
        let (fast, chrono) = both(time, None);
        assert_eq!(fast, r#"{"time":"2024-01-02T03:04:05Z","maybe":null}"#);
        assert_eq!(fast, chrono);
    }
}
