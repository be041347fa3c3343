//! "My …" clauses: the user's name, favorites, and the people and pets in their life
//! ("my sister Ana is a nurse" is a fact about the sister, under Relationship).

use rapport_core::Facet;

use super::{Found, Reading, only_anaphors};
use crate::lexicon::{self, has};
use crate::render::{key_text, value_text};
use crate::tokenize::Token;

/// Patterns on a "My …" clause (the predicate starts after "my").
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    let be = r
        .pred
        .iter()
        .position(|t| matches!(t.lower.as_str(), "is" | "are" | "was" | "'s"));
    match r.w(0) {
        "name" if be == Some(1) => {
            let name = r.pred.get(2)?;
            let mut f = Found::new(Facet::Identity, "name", name.text.clone());
            f.statement = Some(format!("My name is {}.", name.text));
            Some(f)
        }
        "favorite" | "favourite" => {
            let be = be?;
            let category = key_text(&r.pred[1..be]);
            let value = value_text(r.rest(be + 1));
            if category.is_empty() || value.is_empty() || only_anaphors(r.rest(be + 1)) {
                return None;
            }
            Some(Found::new(
                Facet::Preference,
                format!("favorite:{category}"),
                value,
            ))
        }
        "job" | "hobby" | "hobbies" | "goal" | "dream" if be == Some(1) => {
            let value = value_text(r.rest(2));
            let facet = match r.w(0) {
                "job" => Facet::Identity,
                "goal" | "dream" => Facet::Goal,
                _ => Facet::Interest,
            };
            (!value.is_empty() && !only_anaphors(r.rest(2)))
                .then(|| Found::new(facet, format!("{}:{}", r.w(0), key_text(r.rest(2))), value))
        }
        _ => person(r),
    }
}

/// "my sister (Ana) is a nurse", "my dog loves the beach", "my kids are 5 and 7".
fn person(r: &Reading<'_>) -> Option<Found> {
    // The person word may follow adjectives: "my older brother", "my best friend".
    let at = r
        .pred
        .iter()
        .take(3)
        .position(|t| has(lexicon::PEOPLE, &t.lower) || has(lexicon::PETS, &t.lower))?;
    let who = r.pred[at].lower.clone();
    let rest = r.rest(at + 1);
    let rest = if rest
        .first()
        .is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase))
    {
        &rest[1..]
    } else {
        rest
    };
    if rest.len() < 2 || only_anaphors(&rest[1..]) {
        return None;
    }
    let facet = if has(lexicon::PETS, &who) {
        Facet::Possession
    } else {
        Facet::Relationship
    };
    let relation = key_text(&r.pred[..=at]);
    let mut f = Found::new(facet, format!("person:{relation}"), value_text(rest));
    f.strength = 0.5;
    Some(f)
}

/// "Roxy Music is my favorite band" (the clause as cleaned).
pub(crate) fn favorite_named(clause: &[Token]) -> Option<Found> {
    let my = clause.iter().position(|t| t.lower == "my")?;
    let what = &clause[..my.checked_sub(1)?];
    let category = clause.get(my + 2..).unwrap_or(&[]);
    let key = if category.is_empty() {
        "thing".to_string()
    } else {
        key_text(category)
    };
    let value = value_text(what);
    (!value.is_empty()).then(|| Found::new(Facet::Preference, format!("favorite:{key}"), value))
}

/// People and pets whose mention as "my …" implies the user has them.
const IMPLIED: &[&str] = &[
    "boyfriend",
    "brother",
    "brothers",
    "cat",
    "cats",
    "children",
    "daughter",
    "daughters",
    "dog",
    "dogs",
    "girlfriend",
    "grandchildren",
    "grandkids",
    "husband",
    "kids",
    "puppy",
    "sister",
    "sisters",
    "son",
    "sons",
    "wife",
];

/// "My daughter is on spring break" also says "I have a daughter": one fact per such mention.
pub(crate) fn implied(clause: &[Token]) -> Vec<Found> {
    let mut out = Vec::new();
    for pair in clause.windows(2) {
        let (my, who) = (&pair[0], &pair[1]);
        if my.lower != "my" || !has(IMPLIED, &who.lower) {
            continue;
        }
        let plural =
            who.lower.ends_with('s') || matches!(who.lower.as_str(), "children" | "grandchildren");
        let article = if plural { "" } else { "a " };
        let pet = has(lexicon::PETS, &who.lower);
        let facet = if pet {
            Facet::Possession
        } else {
            Facet::Relationship
        };
        let mut f = Found::new(facet, format!("has:{}", who.lower), who.lower.to_string());
        f.statement = Some(format!("I have {article}{}.", who.lower));
        f.strength = 0.5;
        out.push(f);
        if matches!(who.lower.as_str(), "husband" | "wife") {
            let mut married = Found::new(Facet::Identity, "relationship.status", "married");
            married.statement = Some("I am married.".to_string());
            out.push(married);
        }
    }
    out
}
