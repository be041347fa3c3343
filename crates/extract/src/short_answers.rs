//! Short answers to questions about what a user must avoid, can spend, or how often they do
//! something: "Any allergies?" "Peanuts." → "I am allergic to peanuts."; "What's your budget?"
//! "About $100 a week." → "My budget is about $100 a week."; "Do you cook often?" "Every
//! night." → "I cook every night.".

use crate::clauses::sentences;
use crate::lexicon::has;
use crate::render;
use crate::tokenize::{Token, TokenKind, tokenize};

/// Words that open a yes or a no before what the answer names.
const OPENERS: &[&str] = &["oh", "um", "well", "yeah", "yep", "yes"];

/// Words asking how often, dropped from the statement ("Do you cook often?").
pub(crate) const HOW_OFTEN: &[&str] = &["much", "often", "regularly"];

/// The answer's first sentence, without opening words, commas after them and final punctuation.
fn answered(answer: &str) -> Vec<Token> {
    let tokens = tokenize(answer);
    let first = sentences(&tokens).into_iter().next().unwrap_or(&[]);
    crate::reply::trim_answer(first, OPENERS).to_vec()
}

/// The words of the last sentence of `question` that asks something, lowercase.
fn asked(question: &[Token]) -> Vec<&str> {
    sentences(question)
        .into_iter()
        .rev()
        .find(|s| s.last().is_some_and(|t| t.is_punct('?')))
        .map(|s| s.iter().map(|t| t.lower.as_str()).collect())
        .unwrap_or_default()
}

/// "Any allergies?" "Peanuts and shellfish." / "What's your budget?" "Under $500.".
pub(crate) fn statement(question: &[Token], answer: &str) -> Option<String> {
    let asked = asked(question);
    let about_asker = asked
        .iter()
        .any(|w| matches!(*w, "i" | "me" | "my" | "we" | "our"));
    if asked.is_empty() || about_asker {
        return None;
    }
    let words = answered(answer);
    let first = words.first()?;
    let denies = has(
        &["never", "no", "none", "nope", "not", "nothing"],
        &first.lower,
    );
    let plain = words.len() <= 5
        && !denies
        && words.iter().all(|t| {
            !t.is(crate::lexicon::class::SUBJECT) && !has(crate::lexicon::VERBS, &t.lower)
        });
    if asked
        .iter()
        .any(|w| matches!(*w, "allergies" | "allergic" | "allergy"))
    {
        let names = words
            .iter()
            .all(|t| t.kind == TokenKind::Word || t.is_punct(','));
        return (plain && names).then(|| format!("I am allergic to {}.", lowered(&words)));
    }
    let money = words
        .iter()
        .any(|t| t.text == "$" || t.lower.starts_with(|c: char| c.is_ascii_digit()));
    if asked.contains(&"budget") && asked.contains(&"your") && money && plain {
        return Some(format!("My budget is {}.", lowered(&words)));
    }
    None
}

/// "Do you cook often?" "Every night.": the predicate asked about, done that often.
pub(crate) fn how_often(predicate: &str, answer: &str) -> Option<String> {
    let words = answered(answer);
    let refs: Vec<&Token> = words.iter().collect();
    let n = crate::fronted::frequency_len(&refs)?;
    (n == words.len()).then(|| format!("I {predicate} {}.", lowered(&words)))
}

/// The words as said inside a sentence: a capital of the first word's lowered ("About $100").
fn lowered(words: &[Token]) -> String {
    let mut words = words.to_vec();
    if let Some(first) = words.first_mut()
        && first.text.chars().skip(1).all(|c| c.is_lowercase())
    {
        *first = Token::new(&first.lower, first.kind);
    }
    render::join(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(q: &str, a: &str) -> Option<String> {
        statement(&tokenize(q), a)
    }

    #[test]
    fn allergies_and_budgets_are_read_from_short_answers() {
        assert_eq!(
            said("Any allergies?", "Peanuts.").as_deref(),
            Some("I am allergic to peanuts.")
        );
        assert_eq!(
            said(
                "Sure! Are you allergic to anything?",
                "Yes, shellfish and eggs."
            )
            .as_deref(),
            Some("I am allergic to shellfish and eggs.")
        );
        assert_eq!(said("Any allergies?", "None."), None);
        assert_eq!(said("Any allergies?", "I don't think so."), None);
        assert_eq!(
            said("What's your budget for groceries?", "About $100 a week.").as_deref(),
            Some("My budget is about $100 a week.")
        );
        assert_eq!(said("What's your budget?", "Not sure yet."), None);
        assert_eq!(said("My budget is $50, what's yours?", "$80."), None);
        assert_eq!(
            how_often("cook", "Every night!").as_deref(),
            Some("I cook every night.")
        );
        assert_eq!(how_often("cook", "Every night, when I can."), None);
    }
}
