//! A fact found in one clause, before consolidation decides what it means for the profile.

use crate::lexicon::has;
use chrono::{DateTime, Utc};
use rapport_core::{Facet, Polarity, Sensitivity};

/// Whether a found fact holds now, held only in the past, or ends what held until now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Holds now ("I live in Denver").
    Current,
    /// Held before and no longer ("I used to live in Ohio").
    Past,
    /// Stops now ("I quit smoking", "I don't like jazz anymore"): ends matching facts.
    Ended,
}

/// A fact found in one clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Profile facet.
    pub facet: Facet,
    /// Canonical key (`location.city`, `likes:jazz`, …).
    pub key: String,
    /// Normalized value.
    pub value: String,
    /// Affirmed or denied.
    pub polarity: Polarity,
    /// How strongly (0–1).
    pub strength: f32,
    /// How sure (0–1); hedges lower it.
    pub confidence: f32,
    /// Sensitive category.
    pub sensitivity: Sensitivity,
    /// First-person sentence.
    pub statement: String,
    /// Third-person line.
    pub description: String,
    /// Current, past or ending.
    pub tense: Tense,
    /// When it started, when the clause says so ("last month").
    pub since: Option<DateTime<Utc>>,
    /// When a plan is due; it expires after.
    pub due: Option<DateTime<Utc>>,
    /// The words of what ends, for [`Tense::Ended`] ("smoking").
    pub ends: Option<String>,
    /// The cleaned clause it was read from, quoted in change reasons.
    pub quote: String,
    /// Said as a correction ("…, not Denver"): the words of what it corrects ("denver"), or ""
    /// when it names nothing.
    pub corrects: Option<String>,
}

/// Keys that hold one value at a time: a new value supersedes the old.
pub const SINGLE_VALUED: &[&str] = &[
    "age",
    "birth_year",
    "birthday",
    "budget",
    "education",
    "employer",
    "home",
    "location.city",
    "location.hometown",
    "name",
    "occupation",
    "relationship.status",
    "work.city",
];

/// Whether a key holds one value at a time.
pub fn is_single_valued(key: &str) -> bool {
    has(SINGLE_VALUED, key) || key.starts_with("family.") || key.starts_with("favorite:")
}
