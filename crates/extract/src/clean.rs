//! From a clause to a clean first-person statement: drops questions, conditionals and talk
//! about the other speaker, strips interjections, fillers and hedging prefixes ("I think …"),
//! and cuts subordinate tails ("… because it's cheap").

use crate::clauses::Clause;
use crate::lexicon::{self, class, has};
use crate::tokenize::{Token, TokenKind};

/// A clause that may reveal something about its speaker, starting with "I" or "My".
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The cleaned words.
    pub tokens: Vec<Token>,
    /// The speaker hedged ("I think", "maybe", "probably").
    pub hedged: bool,
}

/// Words that end the useful part of a clause.
pub(crate) const TAIL_STARTS: &[&str] = &[
    "although",
    "because",
    "but",
    "cause",
    "cuz",
    "especially",
    "except",
    "haha",
    "hahaha",
    "if",
    "lol",
    "since",
    "though",
    "unless",
    "until",
    "when",
    "whenever",
    "whereas",
    "which",
    "while",
];

/// Punctuation kept inside a clause (a period inside a sentence follows an abbreviation).
const KEPT_PUNCT: &[&str] = &["$", "%", "&", "'", "."];

/// Words dropped at the end of a clause.
const TRAILING: &[&str] = &[
    "also", "anyway", "either", "haha", "lately", "lol", "now", "though", "too",
];

/// What "we" may do in a clause that tells about the speaker's household ("we have two kids").
const WE_VERBS: &[&str] = &["got", "have", "live", "moved", "own"];

/// "Roxy Music is my favorite band": a short subject, a copula, then "my favorite".
fn names_a_favorite(tokens: &[&Token]) -> bool {
    let lower = |i: usize| tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    (1..5).any(|i| {
        matches!(lower(i), "is" | "are" | "was")
            && lower(i + 1) == "my"
            && matches!(lower(i + 2), "favorite" | "fave" | "fav" | "favourite")
            && !tokens[..i]
                .iter()
                .any(|t| has(lexicon::ANAPHORS, &t.lower) || t.lower == "i")
    })
}

/// Whether a finite "be" or "have" comes within the next few words, after a noun phrase.
fn new_predicate_follows(rest: &[&Token]) -> bool {
    rest.iter().take(5).skip(1).any(|t| {
        matches!(
            t.lower.as_str(),
            "is" | "are" | "was" | "were" | "has" | "seems"
        )
    })
}

/// Cleans a clause, or `None` when it cannot be a fact about its speaker.
pub fn clean(clause: &Clause<'_>) -> Option<Cleaned> {
    if clause.question || clause.sentence_has_condition {
        return None;
    }
    let mut tokens: &[&Token] = &clause.tokens;
    while let Some(first) = tokens.first() {
        if first.kind == TokenKind::Punct || first.is(class::LEADING_FILLER) {
            tokens = &tokens[1..];
        } else {
            break;
        }
    }
    let mut hedged = false;
    // "I think (that) I …", "I feel like my …", "I mean I …", "I know I …".
    loop {
        let lower = |i: usize| tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("");
        if lower(0) != "i" {
            break;
        }
        let prefix = match lower(1) {
            v if has(lexicon::HEDGE_VERBS, v) => {
                hedged = true;
                if matches!(lower(2), "like" | "that") {
                    3
                } else {
                    2
                }
            }
            "mean" | "know" => 2,
            "would" if lower(2) == "say" => 3,
            _ => 0,
        };
        if prefix > 0 && matches!(lower(prefix), "i" | "my") {
            tokens = &tokens[prefix..];
        } else {
            break;
        }
    }
    let first = tokens.first()?;
    let we_state = first.lower == "we" && tokens.get(1).is_some_and(|t| has(WE_VERBS, &t.lower));
    if first.lower != "i" && first.lower != "my" && !we_state && !names_a_favorite(tokens) {
        return None;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len() + 2);
    for (i, t) in tokens.iter().enumerate() {
        if t.is(class::SECOND_PERSON) {
            return None;
        }
        if t.is(class::HEDGE) {
            hedged = true;
        }
        if i > 1 && (t.is_punct(',') || t.is(class::TAIL_START)) {
            break;
        }
        // "I like nature and the area has woods": a new subject without a pronoun.
        if i > 1 && t.lower == "and" && new_predicate_follows(&tokens[i + 1..]) {
            break;
        }
        if i > 1 && t.lower == "who" && out.last().is_none_or(|p: &Token| p.lower != "i") {
            break;
        }
        if i > 0
            && (t.is(class::INNER_FILLER)
                || t.kind == TokenKind::Punct && !has(KEPT_PUNCT, t.text.as_str()))
        {
            continue;
        }
        match t.lower.as_str() {
            "gonna" => push_words(&mut out, &["going", "to"]),
            "wanna" => push_words(&mut out, &["want", "to"]),
            "gotta" => push_words(&mut out, &["have", "to"]),
            _ => out.push((*t).clone()),
        }
    }
    while out.len() > 2 && out.last().is_some_and(|t| has(TRAILING, &t.lower)) {
        out.pop();
    }
    if out.len() >= 2 && out[out.len() - 2].lower == "as" && out[out.len() - 1].lower == "well" {
        out.truncate(out.len() - 2);
    }
    (out.len() >= 2).then_some(Cleaned {
        tokens: out,
        hedged,
    })
}

fn push_words(out: &mut Vec<Token>, words: &[&str]) {
    for w in words {
        out.push(Token::new(w, TokenKind::Word));
    }
}
