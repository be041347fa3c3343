//! Relative time expressions ("last month", "next week", "in May", "two years ago") resolved
//! against the time of the event that contains them.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};

use crate::calendar::{self, day_start};
use crate::tokenize::Token;

/// A resolved time span and where it was written in the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRef {
    /// First token of the expression.
    pub first: usize,
    /// One past its last token.
    pub end_token: usize,
    /// When the span starts.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
}

/// Month names in calendar order (position + 1 is the month number).
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const UNITS: &[(&str, u32)] = &[
    ("day", 0),
    ("days", 0),
    ("week", 1),
    ("weeks", 1),
    ("month", 2),
    ("months", 2),
    ("year", 3),
    ("years", 3),
];

fn number(word: &str) -> Option<u32> {
    word.parse().ok().or_else(|| {
        crate::lexicon::COUNTS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, n)| *n)
    })
}

fn month_span(year: i32, month: u32) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
    let next = first + Months::new(1);
    (day_start(first), day_start(next))
}

/// Shifts `now` by `n` units (0 day, 1 week, 2 month, 3 year) forward or back.
fn shift(now: DateTime<Utc>, unit: u32, n: u32, forward: bool) -> DateTime<Utc> {
    let result = match (unit, forward) {
        (0, true) => now.checked_add_days(Days::new(n.into())),
        (0, false) => now.checked_sub_days(Days::new(n.into())),
        (1, true) => now.checked_add_days(Days::new(7 * u64::from(n))),
        (1, false) => now.checked_sub_days(Days::new(7 * u64::from(n))),
        (2, true) => now.checked_add_months(Months::new(n)),
        (2, false) => now.checked_sub_months(Months::new(n)),
        (_, true) => now.checked_add_months(Months::new(12 * n)),
        (_, false) => now.checked_sub_months(Months::new(12 * n)),
    };
    result.unwrap_or(now)
}

/// The span of the calendar unit containing `t`.
fn unit_span(t: DateTime<Utc>, unit: u32) -> (DateTime<Utc>, DateTime<Utc>) {
    let date = t.date_naive();
    match unit {
        0 => (day_start(date), day_start(date + Days::new(1))),
        1 => {
            let monday = date - Days::new(date.weekday().num_days_from_monday().into());
            (day_start(monday), day_start(monday + Days::new(7)))
        }
        2 => month_span(date.year(), date.month()),
        _ => (
            month_span(date.year(), 1).0,
            month_span(date.year() + 1, 1).0,
        ),
    }
}

/// Finds the first time expression in `words` and resolves it against `now`.
pub fn find_time(words: &[Token], now: DateTime<Utc>) -> Option<TimeRef> {
    let w = |i: usize| words.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let unit = |s: &str| UNITS.iter().find(|(u, _)| *u == s).map(|(_, n)| *n);
    for i in 0..words.len() {
        // A year, a day of the week or a season ("in 2015", "on Friday", "this summer").
        let named = match w(i) {
            "in" | "since" | "from" => calendar::a_year(w(i), w(i + 1)),
            "on" => calendar::a_weekday(w(i), w(i + 1), now),
            "last" | "next" | "this" => calendar::a_weekday(w(i), w(i + 1), now)
                .or_else(|| calendar::a_season(w(i), w(i + 1), now)),
            _ => None,
        };
        let found = named.or_else(|| match w(i) {
            "today" | "tonight" => Some((1, unit_span(now, 0))),
            "yesterday" => Some((1, unit_span(shift(now, 0, 1, false), 0))),
            "tomorrow" => Some((1, unit_span(shift(now, 0, 1, true), 0))),
            // "next June" is the coming June, "last June" the one before now.
            "last" | "next" if MONTHS.contains(&w(i + 1)) => {
                let month = MONTHS.iter().position(|m| *m == w(i + 1)).unwrap_or(0) as u32 + 1;
                let year = match w(i) {
                    "next" if month > now.month() => now.year(),
                    "next" => now.year() + 1,
                    _ if month < now.month() => now.year(),
                    _ => now.year() - 1,
                };
                Some((2, month_span(year, month)))
            }
            "last" | "next" | "this" => unit(w(i + 1)).map(|u| {
                let forward = w(i) == "next";
                let moved = if w(i) == "this" {
                    now
                } else {
                    shift(now, u, 1, forward)
                };
                (2, unit_span(moved, u))
            }),
            "in" | "since" if MONTHS.contains(&w(i + 1)) => {
                let month = MONTHS.iter().position(|m| *m == w(i + 1)).unwrap_or(0) as u32 + 1;
                // "in May" is the coming May, "since May" the last; "in May 2019" says which.
                let (year, len) = match calendar::year(w(i + 2)) {
                    Some(y) => (y, 3),
                    None if w(i) == "since" && month > now.month() => (now.year() - 1, 2),
                    None if w(i) == "in" && month < now.month() => (now.year() + 1, 2),
                    None => (now.year(), 2),
                };
                Some((len, month_span(year, month)))
            }
            "in" => number(w(i + 1))
                .zip(unit(w(i + 2)))
                .map(|(n, u)| (3, unit_span(shift(now, u, n, true), u))),
            word => number(word)
                .zip(unit(w(i + 1)))
                .filter(|_| w(i + 2) == "ago")
                .map(|(n, u)| (3, unit_span(shift(now, u, n, false), u))),
        });
        if let Some((len, (start, end))) = found {
            // "since last year": the "since" goes with the time it leads.
            let since = i > 0 && w(i - 1) == "since";
            return Some(TimeRef {
                first: i - usize::from(since),
                end_token: i + len,
                start,
                end,
            });
        }
    }
    None
}

/// "I started a new job on Monday", "I went hiking on Saturday": a day of the week after a verb
/// in the past is the last one, not the coming one.
pub(crate) fn past_weekday(t: TimeRef, words: &[Token], now: DateTime<Utc>) -> TimeRef {
    let verb = words.first().map_or("", |w| w.lower.as_str());
    let past = crate::lexicon::has(crate::lexicon::PAST_VERBS, verb)
        || verb.ends_with("ed") && verb.len() > 3;
    let on_a_day = t.end_token == t.first + 2 && words[t.first].lower == "on";
    if !(past && on_a_day && t.start > now) {
        return t;
    }
    let week = Days::new(7);
    TimeRef {
        start: t.start.checked_sub_days(week).unwrap_or(t.start),
        end: t.end.checked_sub_days(week).unwrap_or(t.end),
        ..t
    }
}

/// Whether `words` start with a time expression ("since 2019", "since last year").
pub(crate) fn starts_with_time(words: &[&Token]) -> bool {
    let next: Vec<Token> = words.iter().take(3).map(|t| (*t).clone()).collect();
    let any_time = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
    find_time(&next, any_time).is_some_and(|t| t.first == 0)
}

/// Whether `words` name a time anywhere ("… next year").
pub(crate) fn names_a_time(words: &[&Token]) -> bool {
    let owned: Vec<Token> = words.iter().map(|t| (*t).clone()).collect();
    let any_time = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
    find_time(&owned, any_time).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn resolves_relative_expressions() {
        let now = Utc.with_ymd_and_hms(2024, 4, 28, 12, 0, 0).unwrap();
        let t = find_time(&tokenize("I moved to Seattle last month"), now).unwrap();
        assert_eq!((t.first, t.end_token), (4, 6));
        assert_eq!(t.start, Utc.with_ymd_and_hms(2024, 3, 1, 0, 0, 0).unwrap());
        let t = find_time(&tokenize("a half marathon in October"), now).unwrap();
        assert_eq!(t.end, Utc.with_ymd_and_hms(2024, 11, 1, 0, 0, 0).unwrap());
        let t = find_time(&tokenize("I graduated from MIT in May 2015"), now).unwrap();
        assert_eq!((t.first, t.end_token), (4, 7));
        assert_eq!(t.start, Utc.with_ymd_and_hms(2015, 5, 1, 0, 0, 0).unwrap());
        let t = find_time(&tokenize("I have lived here since 2019"), now).unwrap();
        assert_eq!(t.start, Utc.with_ymd_and_hms(2019, 1, 1, 0, 0, 0).unwrap());
        let t = find_time(&tokenize("a dentist appointment on Friday"), now).unwrap();
        assert_eq!(t.start, Utc.with_ymd_and_hms(2024, 5, 3, 0, 0, 0).unwrap());
        let t = find_time(&tokenize("a trip this summer"), now).unwrap();
        assert_eq!(t.end, Utc.with_ymd_and_hms(2024, 9, 1, 0, 0, 0).unwrap());
        let t = find_time(&tokenize("I started a year ago"), now).unwrap();
        assert_eq!(t.start, Utc.with_ymd_and_hms(2023, 1, 1, 0, 0, 0).unwrap());
        let t = find_time(&tokenize("two years ago"), now).unwrap();
        assert_eq!(t.start, Utc.with_ymd_and_hms(2022, 1, 1, 0, 0, 0).unwrap());
    }
}
