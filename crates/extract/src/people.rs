//! Facts about the user's people that replace each other: a new age ("My daughter is 6 now"
//! after "… is 5") or a new city ("My sister moved to Chicago" after "My sister lives in
//! Boston"), where other facts about a person accumulate; a partner of the user's own, who
//! ends "single"; and a birth, which ends a child on the way.

use rapport_core::Polarity;

use crate::candidate::{Candidate, Tense};
use crate::lexicon::has;

/// Words for the user's own partner (sorted: [`has`] searches them).
const PARTNERS: &[&str] = &[
    "boyfriend",
    "fiance",
    "fiancee",
    "fiancé",
    "fiancée",
    "girlfriend",
    "husband",
    "partner",
    "wife",
];

/// The partner `c` says the user has now ("I have a girlfriend now": "girlfriend"; "my wife
/// …": "wife"), which ends the relationship status "single". Not "I don't have a girlfriend"
/// (a count of 0) nor one the user used to have.
pub(crate) fn partner_of(c: &Candidate) -> Option<&str> {
    let who = ["family.", "has:", "owns:"]
        .iter()
        .find_map(|p| c.key.strip_prefix(p))?;
    let now = c.polarity == Polarity::Positive && c.tense == Tense::Current && c.value != "0";
    (now && has(PARTNERS, who)).then_some(who)
}

/// A child born to the user ("I had a baby boy", "we had our baby last week"): a child of theirs
/// now, said with "had" or "born", which ends a plan of expecting one.
pub(crate) fn is_birth(c: &Candidate) -> bool {
    let child = matches!(
        c.key.as_str(),
        "family.children" | "family.daughter" | "family.son"
    );
    let born = c
        .quote
        .split(' ')
        .any(|w| w.eq_ignore_ascii_case("had") || w.eq_ignore_ascii_case("born"));
    child && born && c.polarity == Polarity::Positive && c.tense == Tense::Current && c.value != "0"
}

/// Words for a child on the way after "expecting" ("expecting our first child", "expecting a
/// baby"), sorted; "expecting a package" is no child.
const EXPECTED: &[&str] = &[
    "baby", "boy", "child", "daughter", "first", "girl", "second", "son", "twins",
];

/// Whether a fact says a child is on the way: "we're expecting our first child in August"
/// (`goal:`), "I'm expecting a baby", "I'm pregnant" (`said:`), "my wife is expecting"
/// (`person:wife`). A birth ends it.
pub(crate) fn expects_a_child(key: &str, value: &str) -> bool {
    // A sister's pregnancy is hers: only the user's own and their partner's count.
    let partner = key
        .strip_prefix("person:")
        .is_some_and(|p| has(PARTNERS, p));
    if !partner && !key.starts_with("goal:") && !key.starts_with("said:") {
        return false;
    }
    let words: Vec<&str> = key
        .split([':', ' '])
        .chain(value.split(' '))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let Some(at) = words
        .iter()
        .position(|w| *w == "expecting" || *w == "pregnant")
    else {
        return false;
    };
    let after = &words[at + 1..];
    words[at] == "pregnant"
        || after
            .iter()
            .all(|w| w.is_empty() || has(&["am", "are", "is"], w))
        || after.iter().any(|w| has(EXPECTED, w))
}

/// The age a fact about someone in the user's life gives them ("My daughter is 5": 5).
pub(crate) fn age_of(key: &str, value: &str) -> Option<u32> {
    if !key.starts_with("person:") {
        return None;
    }
    let words: Vec<&str> = value.split(' ').collect();
    match words.as_slice() {
        ["is" | "turned", n] | ["is" | "turned", n, "years", "old"] => n.parse().ok(),
        _ => None,
    }
}

/// The city a fact about someone in the user's life places them in ("lives in Boston", "moved
/// to New York last year": the capitalized name after "in"/"to").
pub(crate) fn city_of<'a>(key: &str, value: &'a str) -> Option<&'a str> {
    if !key.starts_with("person:") {
        return None;
    }
    let rest = ["lives in ", "moved to ", "just moved to ", "now lives in "]
        .iter()
        .find_map(|p| value.strip_prefix(p))?;
    let end = rest
        .split(' ')
        .take_while(|w| w.starts_with(char::is_uppercase))
        .map(|w| w.len() + 1)
        .sum::<usize>();
    (end > 0).then(|| &rest[..end - 1])
}

/// Whether a new fact about a person (`key`, `new`) replaces an old one (`old`, same key): an
/// other age, or an other city.
pub(crate) fn replaces(key: &str, old: &str, new: &str) -> bool {
    let differ = |a: Option<&str>, b: Option<&str>| a.zip(b).is_some_and(|(a, b)| a != b);
    age_of(key, old)
        .zip(age_of(key, new))
        .is_some_and(|(a, b)| a != b)
        || differ(city_of(key, old), city_of(key, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persons_new_age_or_city_replaces_the_old() {
        let k = "person:sister";
        assert_eq!(
            city_of(k, "lives in New York with her kids"),
            Some("New York")
        );
        assert!(replaces(k, "lives in Boston", "moved to Chicago"));
        assert!(!replaces(k, "lives in Boston", "loves golf"));
        assert!(!replaces(k, "lives in Boston", "moved to Boston last year"));
        assert!(replaces("person:daughter", "is 5", "is 6"));
        assert!(!replaces("owns:car", "lives in Boston", "moved to Chicago"));
    }
}
