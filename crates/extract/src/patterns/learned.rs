//! First-person clauses every rule dropped, offered to the learned statement selector
//! ([`crate::selector`], #3 rounds 8–9): which clauses are offered at all (something said,
//! nothing unnamed, nothing about the other party, no dangling end) and the `said:` fact a kept
//! one becomes, at the selector's probability.

use chrono::{DateTime, Utc};

use super::{Found, Reading, candidate, generic, we_as_i};
use crate::candidate::Candidate;
use crate::clean::Cleaned;
use crate::lexicon::has;
use crate::render;
use crate::tokenize::Token;

/// Clauses longer than this (in tokens) are not offered to the learned selector.
const MAX_SELECTED_TOKENS: usize = 20;

/// Auxiliaries, modals and fillers that carry no content of their own in a predicate.
const EMPTY_WORDS: &[&str] = &[
    "am", "be", "been", "can", "can't", "could", "did", "do", "had", "have", "just", "may",
    "might", "must", "not", "really", "should", "so", "too", "very", "was", "will", "would",
];

/// Whether a predicate has a verb and something more than pronouns, determiners, auxiliaries
/// and fillers ("I would love it", "I can do that" say nothing a profile could keep; the
/// scorer's token overlap would still credit them against any "I love …").
fn says_something(pred: &[Token]) -> bool {
    pred.iter()
        .filter(|t| {
            t.kind != crate::tokenize::TokenKind::Punct
                && !has(EMPTY_WORDS, &t.lower)
                && !generic::is_pointer(&t.lower)
                && !has(crate::lexicon::ANAPHORS, &t.lower)
                && !has(crate::lexicon::DETERMINERS, &t.lower)
        })
        .count()
        >= 2
}

/// Words that, ending a clause, leave its object unnamed: "I want another one", "I love that",
/// "I did not want to ask like this" say nothing a profile could keep.
const UNNAMED_ENDS: &[&str] = &["it", "one", "that", "them", "these", "this", "those"];

/// Pronouns that, anywhere in a clause, stand for something it does not name: "I am scared of
/// them", "I have been on it a couple times", "I have a great one for my friends".
const UNNAMED: &[&str] = &["it", "one", "them", "these", "those"];

/// Whether a clause leaves what it is about unnamed (#3, round 9): it ends on a pointer, or a
/// pronoun after its subject stands for something said before.
fn leaves_unnamed(clause: &[Token]) -> bool {
    clause
        .iter()
        .rev()
        .find(|t| t.kind != crate::tokenize::TokenKind::Punct)
        .is_some_and(|t| has(UNNAMED_ENDS, &t.lower))
        || clause.iter().skip(1).any(|t| has(UNNAMED, &t.lower))
}

/// A first-person clause every rule dropped, kept as said when the learned statement selector
/// finds it likely to be a fact about the speaker ([`crate::selector`]), with the selector's
/// probability as its confidence.
pub(super) fn read(cleaned: &Cleaned, r: &Reading<'_>, why: Option<&'static str>) -> Option<Found> {
    let clause = &cleaned.tokens;
    let we = clause[0].lower == "we";
    if !(we || clause[0].lower == "i") || r.ended || clause.len() < 3 {
        return None;
    }
    // Not too long, something said, nothing about the other party, no word left dangling, no
    // object left unnamed.
    if clause.len() > MAX_SELECTED_TOKENS
        || !says_something(&r.pred)
        || leaves_unnamed(clause)
        || clause
            .iter()
            .any(|t| t.is(crate::lexicon::class::SECOND_PERSON))
        || generic::ends_dangling(clause)
        || generic::asks_to_be_shown(r)
    {
        return None;
    }
    let why = why.unwrap_or_else(|| if we { "we" } else { generic::drop_reason(r) });
    // A relative clause inside another subject ("the town I grew up in was …") says nothing whole.
    if why == "relative" {
        return None;
    }
    if crate::selector::is_recording() {
        let statement = if we {
            render::sentence(&render::join(&we_as_i(clause)))
        } else {
            render::sentence(&render::join(clause))
        };
        crate::selector::record_clause(clause, why, cleaned.hedged, &statement);
        return None;
    }
    let p = crate::selector::keep(clause, why, cleaned.hedged)?;
    let pred = if r.pred.is_empty() {
        &clause[1..]
    } else {
        &r.pred[..]
    };
    let mut f = Found::new(
        generic::facet_of(r),
        format!("said:{}", render::key_text(pred)),
        render::value_text(pred),
    );
    f.strength = 0.5;
    f.confidence = Some(p);
    Some(f)
}

/// A first-person clause that cleaning dropped whole (`why` says so), kept as said if the
/// learned selector finds it likely a fact.
pub(crate) fn selected(
    tokens: Vec<Token>,
    why: &'static str,
    now: DateTime<Utc>,
) -> Option<Candidate> {
    let cleaned = Cleaned {
        tokens,
        hedged: false,
    };
    let reading = super::read(&cleaned.tokens, now);
    let found = read(&cleaned, &reading, Some(why))?;
    Some(candidate(&cleaned, &reading, found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn a_clause_that_leaves_its_object_unnamed_is_not_offered() {
        // Sentences written for this test (#3, round 9).
        for text in [
            "I want another one.",
            "I am scared of them",
            "I have been on it a couple of times",
            "I would never buy those for my kids",
            "I did not want to ask like this",
            "I love that",
        ] {
            assert!(leaves_unnamed(&tokenize(text)), "{text}");
        }
        for text in [
            "I would go to art school in the fall",
            "I met my wife there",
            "I might visit Spain this summer",
            "I have no one to talk to",
        ] {
            let unnamed = leaves_unnamed(&tokenize(text));
            assert_eq!(unnamed, text.contains("no one"), "{text}");
        }
        let now = chrono::Utc::now();
        for text in [
            "I might get another one.",
            "I would never eat them.",
            "I might try it again next year.",
        ] {
            let found = crate::extract(text, now);
            assert!(
                !found.iter().any(|c| c.key.starts_with("said:")),
                "{text}: {found:?}"
            );
        }
    }
}
