//! Reading a query: its weighted terms, the speakers it names, the period it asks about, and
//! whether it asks "when", for the latest state, or about the past.

use chrono::{DateTime, TimeZone, Utc};

use crate::doc::Query;
use crate::stem::stem;
use crate::time_query::{TimeRange, parse_range};
use crate::tokenize::{is_stopword, words};
use crate::user_index::UserIndex;

/// What a query asks for, in the terms of one user's index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QueryPlan {
    /// Stemmed terms with their weights.
    pub terms: Vec<(String, f32)>,
    /// Speakers (numbers in the index) the query names; empty when none or all are named.
    pub speakers: Vec<u16>,
    /// The period the query is about.
    pub range: Option<TimeRange>,
    /// "When did ...", "what year ...", "how long ago ...".
    pub asks_when: bool,
    /// "Where does she live now", "latest", "currently".
    pub asks_latest: bool,
    /// "Used to", "before", "previously".
    pub asks_past: bool,
}

const LATEST: [&str; 9] = [
    "latest",
    "current",
    "currently",
    "now",
    "nowadays",
    "recent",
    "recently",
    "still",
    "anymore",
];
const PAST: [&str; 6] = [
    "used",
    "before",
    "previously",
    "formerly",
    "originally",
    "earlier",
];

impl QueryPlan {
    /// Analyses `query` against `index`. `name_weight` is the weight of a term that names a
    /// speaker (such names mostly occur when the *other* speaker addresses them);
    /// `bigram_weight` the weight of a pair of consecutive terms ("support group").
    pub fn new(query: &Query, index: &UserIndex, name_weight: f32, bigram_weight: f32) -> Self {
        let ws = words(&query.text);
        let mut speakers: Vec<u16> = Vec::new();
        let mut terms = Vec::new();
        for w in &ws {
            let named = index.speaker_words.get(w.as_str()).copied();
            if let Some(s) = named
                && !speakers.contains(&s)
            {
                speakers.push(s);
            }
            if !is_stopword(w) {
                let weight = if named.is_some() { name_weight } else { 1.0 };
                terms.push((stem(w), weight));
            }
        }
        let pairs: Vec<(String, f32)> = terms
            .windows(2)
            .map(|p| {
                (
                    format!("{} {}", p[0].0, p[1].0),
                    p[0].1.min(p[1].1) * bigram_weight,
                )
            })
            .collect();
        terms.extend(pairs);
        if index.speakers.len() > 1 && speakers.len() + 1 >= index.speakers.len() {
            speakers.clear();
        }
        let has = |w: &str| ws.iter().any(|x| x == w);
        let pair = |a: &str, bs: &[&str]| {
            ws.windows(2)
                .any(|p| p[0] == a && bs.contains(&p[1].as_str()))
        };
        let asks_when = has("when")
            || pair("what", &["year", "month", "date", "day", "time"])
            || pair("which", &["year", "month", "day"])
            || pair("how", &["long"]);
        let now = query.time.unwrap_or_else(|| latest_time(index));
        Self {
            terms,
            speakers,
            range: parse_range(&ws, now),
            asks_when,
            asks_latest: LATEST.iter().any(|w| has(w)),
            asks_past: PAST.iter().any(|w| has(w)),
        }
    }
}

fn latest_time(index: &UserIndex) -> DateTime<Utc> {
    let (_, secs) = index.time_span();
    Utc.timestamp_opt(secs, 0).single().unwrap_or_default()
}
