//! Constraints: what the user cannot eat, drink or have ("I can't have gluten"), intolerances
//! ("I'm lactose intolerant") and budgets ("My budget is under $500", "I'm on a tight budget").

use rapport_core::Facet;

use super::{Found, Reading, only_anaphors};
use crate::lexicon::{self, has};
use crate::render::{join, key_text, value_text};
use crate::tokenize::Token;

/// Adjectives of a budget ("a tight budget").
const BUDGET_KINDS: &[&str] = &["limited", "small", "strict", "tight"];

/// Words that start no food after "I can't have" ("a dog", "much", "anything").
const NOT_FOOD: &[&str] = &[
    "a",
    "an",
    "anything",
    "away",
    "enough",
    "everything",
    "many",
    "more",
    "much",
    "my",
    "that",
    "the",
    "this",
    "too",
];

/// Constraint patterns on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    match (r.w(0), r.w(1)) {
        ("can", "eat" | "drink" | "have") if r.negated && !r.past => cannot_have(r),
        ("am", "on") => on_a_budget(r),
        ("am", what) if r.is(2, &["intolerant"]) && r.pred.len() == 3 && !r.negated => {
            Some(Found::new(
                Facet::Preference,
                format!("intolerant:{what}"),
                what.to_string(),
            ))
        }
        _ => None,
    }
}

/// "My budget is under $500": the user's budget (the predicate starts after "my").
pub(crate) fn read_my(r: &Reading<'_>) -> Option<Found> {
    if r.w(0) != "budget" || !r.is(1, &["is"]) || r.negated {
        return None;
    }
    let amount = r.rest(2);
    let names_money = amount
        .iter()
        .any(|t| t.text == "$" || t.lower.starts_with(|c: char| c.is_ascii_digit()));
    names_money.then(|| {
        let mut f = Found::new(Facet::Preference, "budget", join(amount));
        f.statement = Some(format!("I have a budget of {}.", f.value));
        f
    })
}

/// "I can't eat dairy", "I can't have gluten": a food or drink the user avoids, as "I don't eat
/// …" is; not "I can't have kids" or "I can't have a dog here".
fn cannot_have(r: &Reading<'_>) -> Option<Found> {
    let what: &[Token] = r.rest(2);
    let first = what.first()?;
    let not_food = has(NOT_FOOD, &first.lower)
        || what
            .iter()
            .any(|t| has(lexicon::PEOPLE, &t.lower) || has(lexicon::PETS, &t.lower))
        || what.len() > 3
        || only_anaphors(what);
    if not_food {
        return None;
    }
    let verb = if r.w(1) == "drink" { "drinks" } else { "eats" };
    Some(Found::new(
        Facet::Preference,
        format!("{verb}:{}", key_text(what)),
        value_text(what),
    ))
}

/// "I'm on a tight budget", "I'm on a budget of $50 a week".
fn on_a_budget(r: &Reading<'_>) -> Option<Found> {
    let at = (2..5).find(|&i| r.is(i, &["budget"]))?;
    if r.negated
        || !r.pred[2..at]
            .iter()
            .all(|t| t.lower == "a" || has(BUDGET_KINDS, &t.lower))
    {
        return None;
    }
    let value = if r.is(at + 1, &["of"]) && at + 2 < r.pred.len() {
        join(r.rest(at + 2))
    } else {
        r.pred[2..at]
            .iter()
            .find(|t| has(BUDGET_KINDS, &t.lower))
            .map_or_else(|| "limited".to_string(), |t| t.lower.to_string())
    };
    Some(Found::new(Facet::Preference, "budget", value))
}
