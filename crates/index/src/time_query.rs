//! Time expressions: what period a query is about ("last year", "in May 2023", "two weeks ago")
//! and whether a text mentions a time at all (a hint for "when" questions).

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

/// A half-open period of time `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    /// First instant inside the period.
    pub start: DateTime<Utc>,
    /// First instant after the period.
    pub end: DateTime<Utc>,
}

impl TimeRange {
    /// Whether `t` lies inside the period.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end
    }
}

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
#[rustfmt::skip]
const WEEKDAYS: [&str; 7] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
/// Words that place an event in time when they occur in a text.
#[rustfmt::skip]
const TIME_WORDS: [&str; 16] = [
    "yesterday", "today", "tonight", "tomorrow", "ago", "weekend", "recently", "lately",
    "anniversary", "birthday", "summer", "winter", "spring", "autumn", "christmas", "holiday",
];

fn month_of(word: &str) -> Option<u32> {
    let full = MONTHS.iter().position(|m| *m == word);
    let short = MONTHS
        .iter()
        .position(|m| word.len() == 3 && m.starts_with(word) && word != "may");
    full.or(short).map(|i| i as u32 + 1)
}

fn year_of(word: &str) -> Option<i32> {
    let year: i32 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2100).contains(&year)).then_some(year)
}

fn number_of(word: &str) -> Option<i64> {
    #[rustfmt::skip]
    const SMALL: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match word {
        "a" | "an" => Some(1),
        "couple" => Some(2),
        "few" | "several" => Some(3),
        _ => word
            .parse()
            .ok()
            .or_else(|| SMALL.iter().position(|w| *w == word).map(|i| i as i64 + 1)),
    }
}

/// The length of a unit of time named by a word ("weeks" → 7 days).
fn duration_unit(word: &str) -> Option<Duration> {
    match word.trim_end_matches('s') {
        "day" => Some(Duration::days(1)),
        "week" => Some(Duration::days(7)),
        "month" => Some(Duration::days(30)),
        "year" => Some(Duration::days(365)),
        _ => None,
    }
}

fn day_start(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
}

fn month_range(year: i32, month: u32) -> Option<TimeRange> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some(TimeRange {
        start: day_start(start),
        end: day_start(end),
    })
}

/// "7 May 2023" or "May 7, 2023": from that day to a week after it, when people tell of it.
fn day_range(before: &str, month: u32, after: &str, after2: &str) -> Option<TimeRange> {
    let day_of = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let (day, year) = match (day_of(before), year_of(after)) {
        (Some(day), Some(year)) => (day, year),
        _ => (day_of(after)?, year_of(after2)?),
    };
    let start = day_start(NaiveDate::from_ymd_opt(year, month, day)?);
    Some(TimeRange {
        start,
        end: start + Duration::days(8),
    })
}

fn year_range(year: i32) -> Option<TimeRange> {
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let end = NaiveDate::from_ymd_opt(year + 1, 1, 1)?;
    Some(TimeRange {
        start: day_start(start),
        end: day_start(end),
    })
}

/// The period of length `width` centred `back` before `now` (`None` if out of range).
fn around(now: DateTime<Utc>, back: Duration, width: Duration) -> Option<TimeRange> {
    let centre = now.checked_sub_signed(back)?;
    Some(TimeRange {
        start: centre.checked_sub_signed(width / 2)?,
        end: centre.checked_add_signed(width / 2)?,
    })
}

/// The period a query asks about, relative to `now`, from its lowercase words. `None` when the
/// query names no period.
pub fn parse_range(words: &[String], now: DateTime<Utc>) -> Option<TimeRange> {
    let word = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    for i in 0..words.len() {
        let (w, next) = (word(i), word(i + 1));
        if let Some(month) = month_of(w)
            && let Some(range) = day_range(word(i.wrapping_sub(1)), month, next, word(i + 2))
        {
            return Some(range);
        }
        if let Some(month) = month_of(w) {
            // "May" alone is too often the verb; require a year or "in"/"of" before it.
            if let Some(year) = year_of(next) {
                return month_range(year, month);
            }
            if matches!(word(i.wrapping_sub(1)), "in" | "of" | "during" | "since") {
                let year = if month > now.month() {
                    now.year() - 1
                } else {
                    now.year()
                };
                return month_range(year, month);
            }
        }
        if let Some(year) = year_of(w) {
            return year_range(year);
        }
        match (w, next) {
            ("last" | "past", "year") => return year_range(now.year() - 1),
            ("this", "year") => return year_range(now.year()),
            ("last" | "past", "month") => {
                return around(now, Duration::days(30), Duration::days(40));
            }
            ("last" | "past", "week") => {
                return around(now, Duration::days(7), Duration::days(10));
            }
            ("yesterday", _) => return around(now, Duration::days(1), Duration::days(2)),
            _ => {}
        }
        if word(i + 2) == "ago"
            && let (Some(n), Some(unit)) = (number_of(w), duration_unit(next))
            && (1..=200).contains(&n)
        {
            return around(now, unit * n as i32, unit * 2);
        }
    }
    None
}

/// Whether lowercase words mention a time (a date, a weekday, "yesterday", "last week", "two
/// years ago", ...), which answers "when" questions.
pub fn mentions_time(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let w = w.as_str();
        let next = words.get(i + 1).map(String::as_str).unwrap_or("");
        TIME_WORDS.contains(&w)
            || WEEKDAYS.contains(&w)
            || year_of(w).is_some()
            || (month_of(w).is_some() && w != "may")
            || (matches!(w, "last" | "next" | "this" | "past")
                && matches!(
                    next,
                    "week"
                        | "month"
                        | "year"
                        | "night"
                        | "weekend"
                        | "time"
                        | "summer"
                        | "friday"
                        | "saturday"
                        | "sunday"
                ))
            || (number_of(w).is_some() && duration_unit(next).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::words;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2023, 8, 15, 12, 0, 0).unwrap()
    }

    #[test]
    fn explicit_month_and_year() {
        let r = parse_range(&words("What did she do in May 2023?"), now()).unwrap();
        assert!(r.contains(Utc.with_ymd_and_hms(2023, 5, 20, 0, 0, 0).unwrap()));
        assert!(!r.contains(Utc.with_ymd_and_hms(2023, 6, 1, 0, 0, 0).unwrap()));
    }

    #[test]
    fn explicit_day() {
        let r = parse_range(&words("What did she watch on 1 May, 2022?"), now()).unwrap();
        assert!(r.contains(Utc.with_ymd_and_hms(2022, 5, 2, 9, 0, 0).unwrap()));
        assert!(!r.contains(Utc.with_ymd_and_hms(2022, 5, 20, 0, 0, 0).unwrap()));
        let r = parse_range(&words("on May 3rd 2022"), now()).unwrap();
        assert!(r.contains(Utc.with_ymd_and_hms(2022, 5, 4, 0, 0, 0).unwrap()));
    }

    #[test]
    fn relative_expressions() {
        let r = parse_range(&words("what happened last year"), now()).unwrap();
        assert!(r.contains(Utc.with_ymd_and_hms(2022, 3, 1, 0, 0, 0).unwrap()));
        let r = parse_range(&words("in september"), now()).unwrap();
        assert!(r.contains(Utc.with_ymd_and_hms(2022, 9, 3, 0, 0, 0).unwrap()));
        let r = parse_range(&words("two weeks ago"), now()).unwrap();
        assert!(r.contains(Utc.with_ymd_and_hms(2023, 8, 1, 0, 0, 0).unwrap()));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(
            picks in proptest::collection::vec(0usize..16, 0..8),
            n in proptest::prelude::any::<i64>(),
            secs in -10_000_000_000i64..10_000_000_000,
        ) {
            let vocab = ["last", "year", "in", "may", "ago", "weeks", "31", "2023", "yesterday",
                "this", "month", "march", "1st", "of", "days", "week"];
            let mut ws: Vec<String> = picks.iter().map(|i| vocab[*i].to_string()).collect();
            ws.push(n.to_string());
            ws.push("years".into());
            ws.push("ago".into());
            let now = DateTime::from_timestamp(secs, 0).unwrap_or_default();
            let _ = parse_range(&ws, now);
            let _ = parse_range(&ws, DateTime::<Utc>::MAX_UTC);
            let _ = parse_range(&ws, DateTime::<Utc>::MIN_UTC);
            let _ = mentions_time(&ws);
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert_eq!(parse_range(&words("may I ask what you like"), now()), None);
        assert!(!mentions_time(&words("may I ask")));
        assert!(mentions_time(&words("I went there yesterday")));
        assert!(mentions_time(&words("see you last Friday")));
        assert!(mentions_time(&words("I've had them for 3 years now")));
    }
}
