//! Sensitive categories, told by the words of a fact.

use rapport_core::Sensitivity;

use crate::tokenize::Token;

const HEALTH: &[&str] = &[
    "allergic",
    "allergy",
    "allergies",
    "diabetes",
    "diabetic",
    "asthma",
    "cancer",
    "depression",
    "depressed",
    "anxiety",
    "adhd",
    "autism",
    "autistic",
    "celiac",
    "pregnant",
    "disabled",
    "disability",
    "wheelchair",
    "blind",
    "deaf",
    "illness",
    "disease",
    "surgery",
    "medication",
    "therapy",
    "chemo",
    "arthritis",
    "migraines",
    "migraine",
    "insomnia",
    "ptsd",
    "bipolar",
    "sober",
    "rehab",
    "alcoholic",
    "injury",
    "injured",
    "hospitalized",
    "lactose",
    "intolerant",
];
const RELIGION: &[&str] = &[
    "christian",
    "catholic",
    "muslim",
    "jewish",
    "hindu",
    "buddhist",
    "atheist",
    "agnostic",
    "church",
    "mosque",
    "synagogue",
    "pray",
    "bible",
    "religious",
    "faith",
    "god",
    "jesus",
    "mormon",
    "protestant",
    "religion",
];
const SEXUALITY: &[&str] = &[
    "gay",
    "lesbian",
    "bisexual",
    "queer",
    "transgender",
    "asexual",
    "homosexual",
    "pansexual",
];
const POLITICS: &[&str] = &[
    "democrat",
    "republican",
    "liberal",
    "conservative",
    "voted",
    "vote",
    "election",
    "politics",
    "political",
    "socialist",
    "libertarian",
    "progressive",
];
const ETHNICITY: &[&str] = &[
    "hispanic",
    "latino",
    "latina",
    "caucasian",
    "biracial",
    "ethnicity",
    "race",
];
const FINANCES: &[&str] = &[
    "salary",
    "debt",
    "debts",
    "income",
    "broke",
    "loan",
    "loans",
    "mortgage",
    "bankrupt",
    "savings",
    "paycheck",
    "wealthy",
    "millionaire",
    "rent",
    "bills",
];
const PRECISE_LOCATION: &[&str] = &["address", "street", "avenue", "apartment", "zip", "zipcode"];

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
