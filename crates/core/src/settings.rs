//! A user's own decisions about their profile: what must not be learned again. Unlike facts,
//! these are not derived from the event log, so they survive a rebuild of the profile.

use serde::{Deserialize, Serialize};

use crate::{Error, Facet, Fact, Result, Sensitivity};

/// A category of facts a user can forbid: a sensitive class ("never infer my health") or a
/// whole facet. In JSON it is the class or facet name, e.g. `"health"` or `"personality"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Category {
    /// Facts of a sensitive class.
    Sensitivity(Sensitivity),
    /// Facts of a facet.
    Facet(Facet),
}

impl Category {
    /// Parses a category name; `none` is not a category.
    pub fn parse(name: &str) -> Result<Self> {
        let quoted = serde_json::Value::String(name.to_string());
        match serde_json::from_value::<Category>(quoted) {
            Ok(Category::Sensitivity(Sensitivity::None)) | Err(_) => Err(Error::InvalidValue {
                field: "category",
                reason: format!(
                    "`{name}` is not a sensitive class (health, religion, sexuality, politics, \
                     ethnicity, precise_location, finances) or a facet (identity, preference, \
                     interest, goal, routine, possession, relationship, personality, other)"
                ),
            }),
            Ok(category) => Ok(category),
        }
    }

    /// The category's name, as [`parse`](Self::parse) reads it.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Sensitivity(s) => s.as_str(),
            Category::Facet(f) => f.as_str(),
        }
    }

    /// Whether the fact falls in this category.
    pub fn covers(self, fact: &Fact) -> bool {
        match self {
            Category::Sensitivity(s) => fact.sensitivity == s,
            Category::Facet(f) => fact.facet == f,
        }
    }
}

/// What a user decided about their profile. Stored next to the facts, kept by a rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserSettings {
    /// Fingerprints of `(key, value)` pairs the user deleted: extraction must not learn them
    /// again. Fingerprints rather than text, so a deleted fact's text is kept nowhere.
    pub suppressed: Vec<String>,
    /// Categories that must never be learned or kept for this user.
    pub forbidden: Vec<Category>,
}

impl UserSettings {
    /// Whether nothing was decided.
    pub fn is_empty(&self) -> bool {
        self.suppressed.is_empty() && self.forbidden.is_empty()
    }

    /// Whether the fact falls in a forbidden category.
    pub fn forbids(&self, fact: &Fact) -> bool {
        self.forbidden.iter().any(|c| c.covers(fact))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_parse_by_name() {
        assert_eq!(
            Category::parse("health").unwrap(),
            Category::Sensitivity(Sensitivity::Health)
        );
        assert_eq!(
            Category::parse("personality").unwrap(),
            Category::Facet(Facet::Personality)
        );
        assert!(Category::parse("none").is_err());
        assert!(Category::parse("weather").is_err());
    }
}
