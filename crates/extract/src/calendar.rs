//! Time expressions that name the calendar: a year ("in 2015", "since 2019", "in May 2019"),
//! a day of the week ("on Friday", "next Tuesday") and a season ("this summer", "last winter"),
//! resolved against the time of the event.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};

/// A span and how many words named it.
pub(crate) type Named = (usize, (DateTime<Utc>, DateTime<Utc>));

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Seasons (northern, meteorological) and the month each starts in.
const SEASONS: &[(&str, u32)] = &[
    ("spring", 3),
    ("summer", 6),
    ("fall", 9),
    ("autumn", 9),
    ("winter", 12),
];

/// Midnight (UTC) at the start of `date`.
pub(crate) fn day_start(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// A plausible year of one's life ("2015"; not "500" or "12000").
pub(crate) fn year(word: &str) -> Option<i32> {
    let y: i32 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2100).contains(&y)).then_some(y)
}

/// The span of calendar year `y`.
pub(crate) fn year_span(y: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = NaiveDate::from_ymd_opt(y, 1, 1).expect("valid year");
    (day_start(first), day_start(first + Months::new(12)))
}

/// "in 2015", "since 2019", "from 2010".
pub(crate) fn a_year(word: &str, next: &str) -> Option<Named> {
    matches!(word, "in" | "since" | "from" | "until")
        .then(|| year(next))
        .flatten()
        .map(|y| (2, year_span(y)))
}

/// "on Friday", "this Friday", "next Friday", "last Friday" (not "on Fridays", a routine).
/// "on Friday" is the coming one (today included); "next" the one after this week's.
pub(crate) fn a_weekday(word: &str, next: &str, now: DateTime<Utc>) -> Option<Named> {
    let day = WEEKDAYS.iter().position(|d| *d == next)? as i64;
    let today = i64::from(now.weekday().num_days_from_monday());
    let date = now.date_naive();
    let ahead = (day - today).rem_euclid(7);
    let offset = match word {
        "on" | "this" => ahead,
        "next" => ahead + if ahead == 0 { 7 } else { 0 },
        "last" => ahead - 7,
        _ => return None,
    };
    let date = if offset >= 0 {
        date + Days::new(offset as u64)
    } else {
        date - Days::new(offset.unsigned_abs())
    };
    Some((2, (day_start(date), day_start(date + Days::new(1)))))
}

/// "this summer", "next winter", "last spring".
pub(crate) fn a_season(word: &str, next: &str, now: DateTime<Utc>) -> Option<Named> {
    let &(_, month) = SEASONS.iter().find(|(s, _)| *s == next)?;
    // This year's season; a winter begun last December is this winter in January.
    let year = if month == 12 && now.month() <= 2 {
        now.year() - 1
    } else {
        now.year()
    };
    let span = |y: i32| {
        let first = NaiveDate::from_ymd_opt(y, month, 1).expect("valid month");
        (day_start(first), day_start(first + Months::new(3)))
    };
    let this = span(year);
    let resolved = match word {
        "this" => this,
        "next" if this.0 > now => this,
        "next" => span(year + 1),
        "last" if this.1 <= now => this,
        "last" => span(year - 1),
        _ => return None,
    };
    Some((2, resolved))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(t: DateTime<Utc>) -> String {
        t.format("%Y-%m-%d").to_string()
    }

    #[test]
    fn names_of_the_calendar_resolve() {
        // A Friday.
        let now = Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap();
        let (_, (start, end)) = a_year("since", "2019").unwrap();
        assert_eq!(
            (date(start), date(end)),
            ("2019-01-01".into(), "2020-01-01".into())
        );
        assert!(a_year("in", "500").is_none());
        let on = |w: &str, d: &str| date(a_weekday(w, d, now).unwrap().1.0);
        assert_eq!(on("on", "friday"), "2024-03-01");
        assert_eq!(on("on", "monday"), "2024-03-04");
        assert_eq!(on("next", "friday"), "2024-03-08");
        assert_eq!(on("last", "tuesday"), "2024-02-27");
        assert!(a_weekday("on", "fridays", now).is_none());
        let season = |w: &str, s: &str| {
            let (_, (start, end)) = a_season(w, s, now).unwrap();
            (date(start), date(end))
        };
        assert_eq!(
            season("this", "summer"),
            ("2024-06-01".into(), "2024-09-01".into())
        );
        assert_eq!(
            season("this", "winter"),
            ("2024-12-01".into(), "2025-03-01".into())
        );
        assert_eq!(season("last", "winter").0, "2023-12-01");
        assert_eq!(season("last", "summer").0, "2023-06-01");
        assert_eq!(season("next", "winter").0, "2024-12-01");
        let january = Utc.with_ymd_and_hms(2024, 1, 15, 0, 0, 0).unwrap();
        assert_eq!(
            date(a_season("this", "winter", january).unwrap().1.0),
            "2023-12-01"
        );
        assert_eq!(season("next", "fall").0, "2024-09-01");
    }
}
