//! The attributes Rapport infers, and what an inference of one is.

use rapport_core::{EventId, Sensitivity};

/// An attribute of a person that authored text can reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attribute {
    /// Age in years (an estimate; the value is a whole number).
    Age,
    /// Sex or gender as the user presents it: `male` or `female`.
    Sex,
    /// Current city, as "City, Country".
    City,
    /// Where they were born or grew up, as "City, Country".
    Birthplace,
    /// Highest level: high school, in college, college degree, master's, PhD.
    Education,
    /// Occupation, a short noun phrase.
    Occupation,
    /// low, middle, high, very high.
    Income,
    /// single, in a relationship, engaged, married, divorced, widowed.
    Relationship,
}

impl Attribute {
    /// Every attribute, in report order.
    pub const ALL: [Attribute; 8] = [
        Self::Age,
        Self::Sex,
        Self::City,
        Self::Birthplace,
        Self::Education,
        Self::Occupation,
        Self::Income,
        Self::Relationship,
    ];

    /// The attribute's name in evaluation records (SynthPAI's names).
    pub fn name(self) -> &'static str {
        match self {
            Self::Age => "age",
            Self::Sex => "sex",
            Self::City => "city_country",
            Self::Birthplace => "birth_city_country",
            Self::Education => "education",
            Self::Occupation => "occupation",
            Self::Income => "income_level",
            Self::Relationship => "relationship_status",
        }
    }

    /// The key of the inferred fact (`inferred.` keys never collide with stated ones).
    pub fn key(self) -> &'static str {
        match self {
            Self::Age => "inferred.age",
            Self::Sex => "inferred.sex",
            Self::City => "inferred.location.city",
            Self::Birthplace => "inferred.location.birthplace",
            Self::Education => "inferred.education",
            Self::Occupation => "inferred.occupation",
            Self::Income => "inferred.income",
            Self::Relationship => "inferred.relationship.status",
        }
    }

    /// The attribute of a fact key, if it is one of ours.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The sensitive class of an inferred value: income is finances; a city is not a precise
    /// location (an address would be).
    pub fn sensitivity(self) -> Sensitivity {
        match self {
            Self::Income => Sensitivity::Finances,
            _ => Sensitivity::None,
        }
    }

    /// A profile line for people: "Probably about 34 years old (inferred)."
    pub fn describe(self, value: &str) -> String {
        let what = match self {
            Self::Age => format!("about {value} years old"),
            Self::Sex => format!("presents as {value}"),
            Self::City => format!("lives in {value}"),
            Self::Birthplace => format!("grew up in {value}"),
            Self::Education => format!("education: {value}"),
            Self::Occupation => format!("works as: {value}"),
            Self::Income => format!("income level: {value}"),
            Self::Relationship => format!("relationship status: {value}"),
        };
        format!("Probably {what} (inferred from their writing).")
    }
}

/// One inferred attribute.
#[derive(Debug, Clone, PartialEq)]
pub struct Inference {
    /// What was inferred.
    pub attribute: Attribute,
    /// The value.
    pub value: String,
    /// Estimated probability that the value is right, in [0, 1].
    pub confidence: f32,
    /// The texts the cues came from, in the order given.
    pub evidence: Vec<EventId>,
}
