//! Sensitive categories, told by the words of a fact.

use rapport_core::Sensitivity;

use crate::tokenize::Token;

const HEALTH: &[&str] = &[
    "adhd",
    "alcoholic",
    "allergic",
    "allergies",
    "allergy",
    "anxiety",
    "arthritis",
    "asthma",
    "autism",
    "autistic",
    "bipolar",
    "blind",
    "cancer",
    "celiac",
    "chemo",
    "deaf",
    "depressed",
    "depression",
    "diabetes",
    "diabetic",
    "disability",
    "disabled",
    "disease",
    "hospitalized",
    "illness",
    "injured",
    "injury",
    "insomnia",
    "intolerant",
    "lactose",
    "medication",
    "migraine",
    "migraines",
    "pregnant",
    "ptsd",
    "rehab",
    "sober",
    "surgery",
    "therapy",
    "wheelchair",
];
const RELIGION: &[&str] = &[
    "agnostic",
    "atheist",
    "bible",
    "buddhist",
    "catholic",
    "christian",
    "church",
    "faith",
    "god",
    "hindu",
    "jesus",
    "jewish",
    "mormon",
    "mosque",
    "muslim",
    "pray",
    "protestant",
    "religion",
    "religious",
    "synagogue",
];
const SEXUALITY: &[&str] = &[
    "asexual",
    "bisexual",
    "gay",
    "homosexual",
    "lesbian",
    "pansexual",
    "queer",
    "transgender",
];
const POLITICS: &[&str] = &[
    "conservative",
    "democrat",
    "election",
    "liberal",
    "libertarian",
    "political",
    "politics",
    "progressive",
    "republican",
    "socialist",
    "vote",
    "voted",
];
const ETHNICITY: &[&str] = &[
    "biracial",
    "caucasian",
    "ethnicity",
    "hispanic",
    "latina",
    "latino",
    "race",
];
const FINANCES: &[&str] = &[
    "bankrupt",
    "bills",
    "broke",
    "debt",
    "debts",
    "income",
    "loan",
    "loans",
    "millionaire",
    "mortgage",
    "paycheck",
    "rent",
    "salary",
    "savings",
    "wealthy",
];
const PRECISE_LOCATION: &[&str] = &["address", "apartment", "avenue", "street", "zip", "zipcode"];

/// Whether a word names a health matter ("diabetes", "disease", "migraines").
pub(crate) fn is_health_word(word: &str) -> bool {
    HEALTH.contains(&word)
}

/// The sensitive category the words of a fact fall in, if any (first match in the order
/// health, religion, sexuality, politics, ethnicity, finances, precise location).
pub fn classify(tokens: &[Token]) -> Sensitivity {
    let lists: [(&[&str], Sensitivity); 7] = [
        (HEALTH, Sensitivity::Health),
        (RELIGION, Sensitivity::Religion),
        (SEXUALITY, Sensitivity::Sexuality),
        (POLITICS, Sensitivity::Politics),
        (ETHNICITY, Sensitivity::Ethnicity),
        (FINANCES, Sensitivity::Finances),
        (PRECISE_LOCATION, Sensitivity::PreciseLocation),
    ];
    for (list, class) in lists {
        if tokens.iter().any(|t| list.contains(&t.lower.as_str())) {
            return class;
        }
    }
    Sensitivity::None
}
