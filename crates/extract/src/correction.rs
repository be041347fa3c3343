//! Corrections of what the user said before: "Actually I live in Boston, not Denver", "Sorry, I
//! meant my cat, not my dog", "Oops, I'm 35, not 34". The facts of a correcting turn replace
//! what they correct with the reason "corrected", and what it names after "not" ends.

use crate::candidate::Candidate;
use crate::lexicon::has;
use crate::render::key_text;
use crate::tokenize::{Token, TokenKind};

/// Words that open a correction ("Oops, …"); not "sorry", mostly sympathy ("Sorry to hear
/// that"): "Sorry, I meant …" is a correction by its "I meant".
const OPENERS: &[&str] = &["correction", "oops", "whoops"];

/// What a correcting text says was wrong: the words after ", not" ("denver", "dog"), or ""
/// when it names nothing; `None` when the text corrects nothing.
pub(crate) fn corrected(tokens: &[Token]) -> Option<String> {
    let w = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_str());
    // ", not Denver" closing a sentence.
    let not = (1..tokens.len()).find(|&i| {
        tokens[i - 1].is_punct(',')
            && w(i) == "not"
            && (i + 2..tokens.len().min(i + 5))
                .any(|end| tokens.get(end).is_none_or(|t| t.kind == TokenKind::Punct))
    });
    if let Some(i) = not {
        let words: Vec<Token> = tokens[i + 1..]
            .iter()
            .take_while(|t| t.kind != TokenKind::Punct)
            .cloned()
            .collect();
        return Some(key_text(&words));
    }
    let opens = has(OPENERS, w(0)) || w(0) == "no" && w(1) == "wait";
    let meant = (0..tokens.len().min(4)).any(|i| w(i) == "i" && w(i + 1) == "meant");
    (opens || meant).then(String::new)
}

/// Marks the facts of a correcting text, and drops its talk ("I meant my cat" says nothing
/// beside "I have a cat").
pub(crate) fn mark(found: &mut Vec<Candidate>, tokens: &[Token]) {
    let Some(what) = corrected(tokens) else {
        return;
    };
    found.retain(|c| !c.key.starts_with("said:meant") && !c.key.starts_with("said:mean "));
    for c in found.iter_mut() {
        c.corrects = Some(what.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn finds_what_a_correction_replaces() {
        let of = |text: &str| corrected(&tokenize(text));
        assert_eq!(
            of("Actually I live in Boston, not Denver.").as_deref(),
            Some("denver")
        );
        assert_eq!(
            of("Sorry, I meant my cat, not my dog.").as_deref(),
            Some("dog")
        );
        assert_eq!(of("Oops, I'm 35.").as_deref(), Some(""));
        assert_eq!(of("I live in Boston."), None);
        assert_eq!(of("Actually I love it."), None);
        assert_eq!(of("Sorry to hear that. I moved to Denver."), None);
        assert_eq!(
            of("I like it, not that it matters much to anyone here."),
            None
        );
    }
}
