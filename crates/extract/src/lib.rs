//! rapport-extract: Rapport's built-in fact extraction and consolidation, with no LLM.
//!
//! Text is tokenized ([`tokenize`]), split into sentences and clauses, and each clause that
//! can reveal something about its speaker (first person, not a question, not hypothetical, not
//! about the other party) is cleaned and read by a small pattern grammar over tokens with word
//! lists ([`lexicon`]). What it finds is a [`Candidate`]; consolidation folds candidates into
//! the user's facts ([`consolidate`]). [`PatternLearner`] puts both behind
//! [`rapport_core::ProfileLearner`].

mod antecedents;
mod appositive;
mod calendar;
mod candidate;
mod clauses;
mod clean;
pub mod consolidate;
mod coordinated;
mod correction;
mod fronted;
mod hedges;
mod joint;
mod kin;
mod learner;
pub mod lexicon;
mod named_list;
mod patterns;
mod people;
mod relative;
mod render;
mod reply;
// Public only for the candidate dump that `scripts/fit_statement_selector.py` fits on
// (`crates/eval/examples/dump_statement_candidates.rs`); not part of the API.
#[doc(hidden)]
pub mod selector;
mod sensitivity;
mod short_answers;
mod time;
pub mod tokenize;

use chrono::{DateTime, Utc};

use antecedents::Antecedents;
pub use candidate::{Candidate, SINGLE_VALUED, Tense, is_single_valued};
pub use learner::{PatternLearner, authored_text};
use tokenize::Token;

/// Finds the facts a reply states about its author, reading it with the other party's
/// `question` before it when there is one: "What's your favorite band?" "Roxy Music." states
/// "My favorite band is Roxy Music."; otherwise as [`extract`].
pub fn extract_reply(text: &str, question: Option<&str>, now: DateTime<Utc>) -> Vec<Candidate> {
    let Some(question) = question else {
        return extract(text, now);
    };
    let question = tokenize::tokenize(question);
    // "How old is your son?" "He is 11.": the answer's "he" is the answerer's son.
    let mut found = extract_with(text, Antecedents::named_in_question(&question), now);
    // "How is your dog?" "Pretty good!": the answer agrees they have a dog.
    for mention in reply::presupposed(&question, text) {
        for mut c in patterns::implied_by_mentions(&mention, now) {
            if !found.iter().any(|f| f.key == c.key && f.value == c.value) {
                c.confidence -= 0.1;
                found.push(c);
            }
        }
    }
    let Some(statement) = reply::statement(&question, text) else {
        return found;
    };
    for mut c in extract(&statement, now) {
        if !found
            .iter()
            .any(|f| f.key == c.key && f.value == c.value && f.polarity == c.polarity)
        {
            // Read from two turns, not said in one: a little less sure.
            c.confidence -= 0.1;
            found.push(c);
        }
    }
    found
}

/// Finds the facts a text its author wrote at `now` states about them, in order, one per
/// clause at most.
pub fn extract(text: &str, now: DateTime<Utc>) -> Vec<Candidate> {
    extract_with(text, Antecedents::default(), now)
}

/// [`extract`], with a "he", "she" or "they" starting a clause read as the person it stands for
/// (`known` from the question, or a "my …" earlier in the text).
fn extract_with(text: &str, known: Antecedents, now: DateTime<Utc>) -> Vec<Candidate> {
    let subjectless = clauses::has_subjectless_start(text);
    if !subjectless && known.is_empty() && !mentions_first_person(text) {
        return Vec::new();
    }
    let mut tokens = tokenize::tokenize(text);
    if subjectless {
        tokens = clauses::supply_subjects(tokens);
    }
    tokens = joint::me_and_my(tokens);
    tokens = appositive::split_who_clauses(tokens);
    tokens = antecedents::resolve_subject_pronouns(tokens, known);
    let mut found: Vec<Candidate> = Vec::new();
    let add = |found: &mut Vec<Candidate>, c: Candidate| {
        if !found
            .iter()
            .any(|f| f.key == c.key && f.value == c.value && f.polarity == c.polarity)
        {
            found.push(c);
        }
    };
    for clause in clauses::clauses(&tokens) {
        let cleaned = clean::clean_all(&clause);
        let my = (0..clause.tokens.len()).find(|&i| {
            patterns::opens_mention(
                &clause.tokens[i].lower,
                clause.tokens.get(i + 1).map(|t| t.lower.as_str()),
            )
        });
        if let Some(my) = my.filter(|_| cleaned.is_empty() && !clause.sentence_has_condition) {
            // Not a statement about the speaker, but "my grandkids" still says they have them.
            let words: Vec<Token> = clause.tokens[my..].iter().map(|t| (*t).clone()).collect();
            for c in patterns::implied_by_mentions(&words, now) {
                add(&mut found, c);
            }
        }
        if cleaned.is_empty() && !clause.question && !clause.sentence_has_condition {
            // Dropped whole by cleaning: the learned selector may still keep it as said.
            if let Some(c) = dropped_clause(&clause, now) {
                add(&mut found, c);
            }
        }
        for cleaned in cleaned {
            for c in patterns::candidates(&cleaned, now) {
                add(&mut found, c);
            }
            // "I love hiking and camping": also "I love hiking", "I love camping".
            for part in coordinated::split_objects(&cleaned).into_iter().flatten() {
                for c in patterns::candidates(&part, now) {
                    add(&mut found, c);
                }
            }
        }
    }
    correction::mark(&mut found, &tokens);
    found
}

/// A clause cleaning dropped whole that starts with "I" (not a question, not a
/// condition), offered to the learned statement selector.
fn dropped_clause(clause: &clauses::Clause<'_>, now: DateTime<Utc>) -> Option<Candidate> {
    // "we could start a club" is a suggestion to the other party: "we" only as cleaning reads it.
    if clause.tokens.first().is_none_or(|t| t.lower != "i") {
        return None;
    }
    let mut tokens: Vec<Token> = clause.tokens.iter().map(|t| (*t).clone()).collect();
    while tokens
        .last()
        .is_some_and(|t| t.kind == tokenize::TokenKind::Punct)
    {
        tokens.pop();
    }
    patterns::selected(tokens, "clean", now)
}

/// Whether one of `words` (lowercase) starts at byte `i`, case aside, as whole words.
fn starts_word_of(bytes: &[u8], i: usize, words: &[&str]) -> bool {
    words.iter().any(|w| {
        bytes
            .get(i..i + w.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
            && bytes
                .get(i + w.len())
                .is_none_or(|n| !n.is_ascii_alphabetic())
    })
}

/// A fast byte scan: whether the text has a word "I", "I'm", "im", "my", "we" … or the household's
/// "our", "the kids" at all. Text without one says nothing about its author that the grammar
/// could read.
fn mentions_first_person(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        starts_word
            && match b {
                b'I' | b'i' => bytes
                    .get(i + 1)
                    .is_none_or(|n| !n.is_ascii_alphabetic() || matches!(n, b'm' | b'v' | b'M')),
                b'M' | b'm' => bytes.get(i + 1).is_some_and(|n| matches!(n, b'y' | b'Y')),
                b'W' | b'w' => {
                    bytes.get(i + 1).is_some_and(|n| matches!(n, b'e' | b'E'))
                        && bytes.get(i + 2).is_none_or(|n| !n.is_ascii_alphabetic())
                }
                // The household: "our dog", "the kids".
                b'O' | b'o' => starts_word_of(bytes, i, &["our"]),
                b'T' | b't' => {
                    starts_word_of(bytes, i, &["the kids", "the grandkids", "the children"])
                }
                _ => false,
            }
    })
}
