//! Relative clauses without "that": "the support I've got from friends", "how far I've come",
//! "the paths I've taken and the progress I've made". The clause splitter starts a new clause
//! at an "I" after a content word (a run-on "… the same I enjoy Beethoven"); an "I" whose verb
//! leaves its object behind it belongs to the noun before it instead: the clause is cut off
//! there all the same, but what follows is not read as a statement (it made "I have got from
//! friends." and "I have come.").

use crate::lexicon::{has, is_participle};
use crate::tokenize::{Token, TokenKind};

/// Verbs that take an object; without one after them the object is the noun before "I".
const TAKES_AN_OBJECT: &[&str] = &[
    "achieved",
    "bought",
    "built",
    "buy",
    "chose",
    "created",
    "developed",
    "did",
    "do",
    "done",
    "experienced",
    "faced",
    "found",
    "gained",
    "gave",
    "get",
    "got",
    "gotten",
    "had",
    "have",
    "heard",
    "kept",
    "learned",
    "learnt",
    "made",
    "make",
    "met",
    "need",
    "picked",
    "put",
    "read",
    "received",
    "saw",
    "see",
    "seen",
    "sent",
    "shared",
    "spent",
    "take",
    "taken",
    "told",
    "took",
    "tried",
    "use",
    "used",
    "want",
    "written",
    "wrote",
];

/// Words after such a verb that show its object is missing: a preposition, a joiner, a time
/// ("the figurines I bought yesterday remind me …") or the main clause's own verb ("the support
/// I got was helpful"). Not "to": "I tried to …".
const AFTER_A_GAP: &[&str] = &[
    "about",
    "and",
    "are",
    "at",
    "before",
    "being",
    "but",
    "earlier",
    "for",
    "from",
    "has",
    "in",
    "into",
    "is",
    "last",
    "made",
    "means",
    "meant",
    "on",
    "once",
    "recently",
    "since",
    "so",
    "through",
    "today",
    "was",
    "were",
    "with",
    "yesterday",
];

/// Prepositions that can be left at the end of a relative clause ("stuff I'm going through",
/// "the city I grew up in").
pub(crate) const STRANDED: &[&str] = &[
    "about", "at", "for", "from", "in", "into", "of", "on", "through", "to", "with",
];

/// Whether the clause that starts at `rest[0]` ("I") is a relative clause of the word before
/// it: it ends on an object-taking verb or a perfect participle, or such a verb is followed by
/// a preposition, a joiner or another verb, or a preposition ends it.
pub(crate) fn is_reduced_relative(rest: &[&Token]) -> bool {
    // A word or a number; punctuation ends the clause.
    let word = |k: usize| {
        rest.get(k)
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| t.lower.as_str())
    };
    let mut k = 1;
    // Auxiliaries: "I've (been)", "I'm (going)", "I was"; "have" only before a participle.
    while let Some(w) = word(k) {
        let next = word(k + 1);
        // "the drum set I used to play on": the verb is the one after "used to".
        if w == "used" && next == Some("to") {
            k += 2;
            continue;
        }
        let auxiliary = if has(&["am", "been", "was"], w) {
            // "I am short", "I am unemployed" are whole; "as happy as I am" is not.
            match next {
                Some(n) if !n.ends_with("ing") => return false,
                _ => true,
            }
        } else {
            has(&["had", "has", "have"], w) && next.is_some_and(is_participle)
        };
        if !auxiliary {
            break;
        }
        k += 1;
    }
    let Some(verb) = word(k) else {
        return true;
    };
    let takes_an_object = has(TAKES_AN_OBJECT, verb);
    match word(k + 1) {
        // "how far I've come"; "I am painting" is whole.
        None => takes_an_object || k > 1 && is_participle(verb),
        Some(next) if takes_an_object && has(AFTER_A_GAP, next) => true,
        Some(next) => has(STRANDED, next) && (word(k + 2).is_none() || is_a_time(&rest[k + 2..])),
    }
}

/// Whether the rest of a clause is only a time: "yesterday", "last week", "a few weeks ago".
fn is_a_time(rest: &[&Token]) -> bool {
    let words: Vec<&str> = rest
        .iter()
        .take_while(|t| t.kind != TokenKind::Punct)
        .map(|t| t.lower.as_str())
        .collect();
    match words.as_slice() {
        [one] => has(&["earlier", "recently", "today", "yesterday"], one),
        ["last", _] => true,
        [.., "ago"] => words.len() <= 4,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn relative(text: &str) -> bool {
        let tokens = tokenize(text);
        let refs: Vec<&Token> = tokens.iter().collect();
        is_reduced_relative(&refs)
    }

    #[test]
    fn a_verb_without_its_object_is_a_relative_clause() {
        assert!(relative("I've got from friends and mentors"));
        assert!(relative("I've come"));
        assert!(relative("I have seen"));
        assert!(relative("I am"));
        assert!(relative("I had and how much"));
        assert!(relative("I got was really helpful"));
        assert!(relative("I got made a huge difference"));
        assert!(relative("I'm going through"));
        assert!(relative("I bought yesterday remind me of family"));
        assert!(relative("I read last year reminds me"));
        assert!(relative("I went to a few weeks ago"));
        assert!(relative("I went to last week"));
        assert!(relative("I wrote being acted out"));
        assert!(relative("I put into writing pay off"));
        assert!(relative("I used to play on"));
    }

    #[test]
    fn a_verb_with_its_object_starts_a_clause() {
        assert!(!relative("I enjoy Beethoven"));
        assert!(!relative("I have a dog"));
        assert!(!relative("I went fishing"));
        assert!(!relative("I read books"));
        assert!(!relative("I went to a concert"));
        assert!(!relative("I'm going to Paris next week"));
        assert!(!relative("I've been looking into counseling"));
        assert!(!relative("I got married last year"));
        assert!(!relative("I have 2"));
        assert!(!relative("I am unemployed"));
        assert!(!relative("I am painting"));
        assert!(!relative("I tried to pick up guitar"));
        assert!(!relative("I used to play with toys"));
        assert!(!relative("I've decided on going to college"));
    }
}
