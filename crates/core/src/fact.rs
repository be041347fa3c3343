//! Facts: what Rapport believes about a user, each linked to the events that support it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::EventId;

/// A fact's number, unique within its user and never reused.
pub type FactId = u64;

/// The facets of a profile (see DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// Name, age, location, occupation, education, relationship status, family.
    Identity,
    /// Likes and dislikes, "prefers X over Y", constraints (diet, allergy, budget).
    Preference,
    /// Topics, hobbies, genres.
    Interest,
    /// Goals and plans; they expire.
    Goal,
    /// Schedules, habits, devices, places.
    Routine,
    /// Things the user owns, pets included.
    Possession,
    /// People the user mentions, with their attributes.
    Relationship,
    /// Personality and communication style (estimates).
    Personality,
    /// What else the user said about themselves that no other facet types: experiences,
    /// feelings, opinions ("Went to a pride parade.", "Felt accepted.", "Believes in
    /// community.").
    Other,
}

impl Facet {
    /// All facets, in display order.
    pub const ALL: [Facet; 9] = [
        Self::Identity,
        Self::Preference,
        Self::Interest,
        Self::Goal,
        Self::Routine,
        Self::Possession,
        Self::Relationship,
        Self::Personality,
        Self::Other,
    ];

    /// The facet's name in JSON and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Identity => "identity",
            Self::Preference => "preference",
            Self::Interest => "interest",
            Self::Goal => "goal",
            Self::Routine => "routine",
            Self::Possession => "possession",
            Self::Relationship => "relationship",
            Self::Personality => "personality",
            Self::Other => "other",
        }
    }

    /// A heading for people.
    pub fn title(self) -> &'static str {
        match self {
            Self::Identity => "Identity",
            Self::Preference => "Preferences",
            Self::Interest => "Interests",
            Self::Goal => "Goals and plans",
            Self::Routine => "Routines",
            Self::Possession => "Possessions and pets",
            Self::Relationship => "People in their life",
            Self::Personality => "Personality and style",
            Self::Other => "Other things they said",
        }
    }
}

/// Whether a fact affirms or denies its value ("likes jazz" vs "does not eat meat").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// The value holds.
    Positive,
    /// The value does not hold.
    Negative,
}

/// Where a fact came from. Stated and inferred facts are always told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The user said it.
    Stated,
    /// Rapport inferred it (from statistics, choices, authored text).
    Inferred,
    /// The user (or an admin on their behalf) set it; it always wins over extraction.
    Edited,
}

/// Sensitive categories. Facts in them are only inferred when the tenant enables it and never
/// for a user who opted out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    /// Not sensitive.
    None,
    /// Health, diet for medical reasons, allergies, disabilities.
    Health,
    /// Religion and beliefs.
    Religion,
    /// Sexual orientation and life.
    Sexuality,
    /// Political opinions.
    Politics,
    /// Ethnicity and race.
    Ethnicity,
    /// Addresses and precise places.
    PreciseLocation,
    /// Income, debts, wealth.
    Finances,
}

impl Sensitivity {
    /// The class's name in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Health => "health",
            Self::Religion => "religion",
            Self::Sexuality => "sexuality",
            Self::Politics => "politics",
            Self::Ethnicity => "ethnicity",
            Self::PreciseLocation => "precise_location",
            Self::Finances => "finances",
        }
    }
}

/// One belief about a user. Facts are never overwritten: a change sets `valid_to` and
/// `superseded_by` on the old fact and adds a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Number within the user.
    pub id: FactId,
    /// Which part of the profile.
    pub facet: Facet,
    /// Canonical key, e.g. `location.city`, `pet.dog`, `likes:jazz`.
    pub key: String,
    /// The value, normalized (e.g. `Denver`).
    pub value: String,
    /// Affirmed or denied.
    pub polarity: Polarity,
    /// How strongly (0–1): "love" is stronger than "like".
    pub strength: f32,
    /// How sure Rapport is (0–1); grows with evidence, drops with hedges.
    pub confidence: f32,
    /// Stated, inferred or edited.
    pub source: Source,
    /// Sensitive category, if any.
    pub sensitivity: Sensitivity,
    /// The fact as a short first-person sentence: "I own a Jeep."
    pub statement: String,
    /// The fact as a third-person profile line: "Owns a Jeep."
    pub description: String,
    /// Events that support the fact, oldest first.
    pub evidence: Vec<EventId>,
    /// From when the fact holds.
    pub valid_from: DateTime<Utc>,
    /// Until when it held; `None` while current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<DateTime<Utc>>,
    /// The fact that replaced this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<FactId>,
    /// The event that ended this fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_by: Option<EventId>,
    /// Why it ended, for people: `moved to Denver ("I moved to Denver last month")`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_reason: Option<String>,
    /// Pinned by the user: extraction never ends it.
    #[serde(default)]
    pub pinned: bool,
    /// When the fact was last confirmed by an event.
    pub last_seen: DateTime<Utc>,
}

impl Fact {
    /// Whether the fact holds now (has not ended).
    pub fn is_current(&self) -> bool {
        self.valid_to.is_none()
    }

    /// Whether the fact, though current, tells what held before ("Used to live in Ohio.", key
    /// `past:…`): it holds from when it was said, not since then.
    pub fn tells_of_the_past(&self) -> bool {
        self.key.starts_with("past:")
    }

    /// Whether the fact is a constraint the user lives with: a diet (`diet:vegetarian`), an
    /// allergy or intolerance (`allergy:peanuts`, `intolerant:lactose`), a budget, or a food
    /// or drink they do not take (`eats:pork` denied). An answer must respect these whatever
    /// was asked.
    pub fn is_constraint(&self) -> bool {
        let prefix = self.key.split(':').next().unwrap_or("");
        match prefix {
            "diet" | "allergy" | "intolerant" | "budget" => self.polarity == Polarity::Positive,
            "eats" | "drinks" => self.polarity == Polarity::Negative,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(key: &str, polarity: Polarity) -> Fact {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        Fact {
            id: 1,
            facet: Facet::Preference,
            key: key.to_string(),
            value: String::new(),
            polarity,
            strength: 0.5,
            confidence: 0.8,
            source: Source::Stated,
            sensitivity: Sensitivity::None,
            statement: String::new(),
            description: String::new(),
            evidence: Vec::new(),
            valid_from: at,
            valid_to: None,
            superseded_by: None,
            ended_by: None,
            change_reason: None,
            pinned: false,
            last_seen: at,
        }
    }

    #[test]
    fn constraints_are_diets_allergies_budgets_and_foods_not_taken() {
        use Polarity::{Negative, Positive};
        for (key, polarity) in [
            ("diet:vegetarian", Positive),
            ("allergy:peanuts", Positive),
            ("intolerant:lactose", Positive),
            ("budget", Positive),
            ("eats:pork", Negative),
            ("drinks:alcohol", Negative),
        ] {
            assert!(fact(key, polarity).is_constraint(), "{key}");
        }
        assert!(fact("past:location.city", Positive).tells_of_the_past());
        assert!(!fact("location.city", Positive).tells_of_the_past());
        for (key, polarity) in [
            ("diet:vegetarian", Negative),
            ("eats:pork", Positive),
            ("likes:jazz", Negative),
            ("likes:jazz", Positive),
            ("budgeting:apps", Positive),
            ("location.city", Positive),
        ] {
            assert!(!fact(key, polarity).is_constraint(), "{key}");
        }
    }
}
