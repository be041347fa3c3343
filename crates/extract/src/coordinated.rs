//! Coordinated objects. "I love hiking and camping" is kept as said, and also says "I love
//! hiking" and "I love camping": each thing liked, played or owned is a fact of its own; so is
//! each allergy ("allergic to peanuts and shellfish") and each food not eaten ("I don't eat pork
//! or beef").

use crate::clean::Cleaned;
use crate::lexicon::has;
use crate::tokenize::{Token, TokenKind};

/// Verbs whose two coordinated objects are two facts. Not "am": "I am a corn and bean farmer"
/// shares its noun, "I am good at English and math" its preposition.
const SPLIT_VERBS: &[&str] = &[
    "adore", "eat", "enjoy", "hate", "have", "like", "love", "own", "play", "read", "speak",
    "watch",
];

/// Longest object, in words, on either side of the "and".
const MAX_OBJECT_WORDS: usize = 3;

/// "I love hiking and camping" → "I love hiking", "I love camping"; "I like to swim and run" →
/// "I like to swim", "I like to run". Only a plain clause: "I", one of [`SPLIT_VERBS`], then
/// two short objects joined by one "and" (a comma before it allowed).
pub(crate) fn split_objects(cleaned: &Cleaned) -> Option<[Cleaned; 2]> {
    let t = &cleaned.tokens;
    if t.len() < 5 || t[0].lower != "i" {
        return None;
    }
    let w = |i: usize| t.get(i).map_or("", |w| w.lower.as_str());
    // What the two objects share, and the word that joins them: "I love … and …", "I am
    // allergic to … and …", "I don't eat … or …", "I can't have … or …".
    let (head, joiner) = if has(SPLIT_VERBS, w(1)) {
        (2, "and")
    } else if w(1) == "am" && w(2) == "allergic" && w(3) == "to" {
        (4, "and")
    } else if has(&["can't", "cannot", "don't", "never"], w(1))
        && has(&["drink", "eat", "have"], w(2))
        && (w(2) != "have" || w(1) != "don't")
    {
        (3, "or")
    } else {
        return None;
    };
    let and = t.iter().position(|w| w.lower == joiner)?;
    if and <= head {
        return None;
    }
    let first_end = if t[and - 1].is_punct(',') {
        and - 1
    } else {
        and
    };
    let first = &t[head..first_end];
    let second = &t[and + 1..];
    let plain = |words: &[Token]| {
        (1..=MAX_OBJECT_WORDS).contains(&words.len())
            && words
                .iter()
                .all(|w| w.kind != TokenKind::Punct && w.lower != joiner)
    };
    if !plain(first) || !plain(second) {
        return None;
    }
    // "I have seen Rome and Paris": "have" is an auxiliary, its participle no object.
    if t[1].lower == "have" && crate::lexicon::is_participle(&first[0].lower) {
        return None;
    }
    let clause = |object: &[Token], to: bool| Cleaned {
        tokens: t[..head]
            .iter()
            .cloned()
            .chain(to.then(|| Token::new("to", TokenKind::Word)))
            .chain(object.iter().cloned())
            .collect(),
        hedged: cleaned.hedged,
    };
    // "to swim and run": the infinitive carries over.
    let to = head == 2 && first[0].lower == "to" && second[0].lower != "to";
    Some([clause(first, false), clause(second, to)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn split(text: &str) -> Option<[String; 2]> {
        let cleaned = Cleaned {
            tokens: tokenize(text),
            hedged: false,
        };
        let words = |c: &Cleaned| {
            let w: Vec<&str> = c.tokens.iter().map(|t| t.text.as_str()).collect();
            w.join(" ")
        };
        split_objects(&cleaned).map(|[a, b]| [words(&a), words(&b)])
    }

    #[test]
    fn two_short_objects_are_two_clauses() {
        assert_eq!(
            split("I love hiking and camping"),
            Some(["I love hiking".into(), "I love camping".into()])
        );
        assert_eq!(
            split("I like to swim , and run"),
            Some(["I like to swim".into(), "I like to run".into()])
        );
    }

    #[test]
    fn other_clauses_stay_whole() {
        assert_eq!(split("I love hiking"), None);
        assert_eq!(split("I went to Rome and Paris"), None);
        assert_eq!(split("I love the old red barn and the lake"), None);
        assert_eq!(split("I don't like tea and coffee"), None);
        assert_eq!(split("I have seen Rome and Paris"), None);
        assert_eq!(split("I am tall and blond"), None);
        assert_eq!(split("I don't eat pork and beef"), None);
    }

    #[test]
    fn two_allergies_or_two_foods_not_eaten_are_two_clauses() {
        assert_eq!(
            split("I am allergic to peanuts and shellfish"),
            Some([
                "I am allergic to peanuts".into(),
                "I am allergic to shellfish".into()
            ])
        );
        assert_eq!(
            split("I don't eat pork or beef"),
            Some(["I don't eat pork".into(), "I don't eat beef".into()])
        );
        assert_eq!(
            split("I can't have gluten or dairy"),
            Some(["I can't have gluten".into(), "I can't have dairy".into()])
        );
    }
}
