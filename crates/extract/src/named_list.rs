//! Names listed after the user's people or pets: "I have two daughters, Emma and Lily", "I have
//! a dog, Max". The names are kept as if said with "named" ("two daughters named Emma and
//! Lily"), where a comma would otherwise end the clause before them.

use crate::lexicon::{self, has};
use crate::tokenize::{Token, TokenKind};

/// Whether the tokens after a comma that follows `before` are only names of the people or pets
/// `before` names: one name, or several joined by commas and "and", to the end of the clause.
pub(crate) fn names_follow(before: &Token, after: &[&Token]) -> bool {
    let who = before.lower.as_str();
    if !crate::kin::is_person(who) && !has(lexicon::PETS, who) && !is_pets(who) {
        return false;
    }
    let mut names = 0;
    let mut joined = true;
    for t in after {
        if t.kind == TokenKind::Punct && t.text != "," {
            break;
        }
        if t.text == "," || t.lower == "and" {
            joined = true;
        } else if joined && is_name(t) {
            names += 1;
            joined = false;
        } else {
            return false;
        }
    }
    names > 0 && !joined
}

/// How many tokens the list of names at the start of `after` takes (names, commas and "and"),
/// as [`names_follow`] accepted it.
pub(crate) fn list_len(after: &[&Token]) -> usize {
    after
        .iter()
        .take_while(|t| t.text == "," || t.lower == "and" || is_name(t))
        .count()
}

/// A plural of a pet word ("dogs", "cats").
fn is_pets(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|w| has(lexicon::PETS, w))
}

/// A capitalized word that is not "I" nor a kin word ("Mom").
fn is_name(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && t.text.starts_with(char::is_uppercase)
        && t.text.chars().skip(1).any(char::is_lowercase)
        && !has(lexicon::PEOPLE, &t.lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn follow(text: &str) -> bool {
        let tokens = tokenize(text);
        let comma = tokens.iter().position(|t| t.text == ",").unwrap();
        let after: Vec<&Token> = tokens[comma + 1..].iter().collect();
        names_follow(&tokens[comma - 1], &after)
    }

    #[test]
    fn names_after_people_or_pets_follow() {
        assert!(follow("I have two daughters, Emma and Lily."));
        assert!(follow("I have three kids, Emma, Lily and Jack"));
        assert!(follow("I have two dogs, Max and Bella."));
        assert!(!follow("I have two sons, both in college."));
        assert!(!follow("I have two cars, Honda and Ford."));
        assert!(!follow("I have two daughters, Emma and"));
    }
}
