//! Rendering: tokens back to text, a fact as a first-person sentence ("I own a Jeep.") and as a
//! third-person profile line ("Owns a Jeep."), and normalized key text.

use crate::lexicon::{self, has};
use crate::tokenize::{Token, TokenKind};

/// Joins tokens with spaces, without a space before punctuation.
pub fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        let glue = t.kind == TokenKind::Punct && !matches!(t.text.as_str(), "(" | "&" | "$");
        if !out.is_empty() && !glue && !out.ends_with(['(', '$']) {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

/// Upper-cases the first letter and ends with a period.
pub fn sentence(text: &str) -> String {
    let mut chars = text.trim().trim_end_matches([',', '.', ':']).chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().collect();
    out.push_str(chars.as_str());
    out.push('.');
    out
}

/// Capitalizes every word longer than two letters ("new england" → "New England").
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if w.len() > 2 || !w.chars().all(|c| c.is_lowercase()) => {
                    f.to_uppercase().chain(c).collect()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase words without determiners or punctuation: the normalized part of a key.
pub fn key_text(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        if t.kind == TokenKind::Punct || lexicon::has(lexicon::DETERMINERS, &t.lower) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.lower);
    }
    out
}

/// A value as written, without leading determiners or punctuation.
pub fn value_text(tokens: &[Token]) -> String {
    let start = tokens
        .iter()
        .position(|t| !lexicon::has(lexicon::DETERMINERS, &t.lower))
        .unwrap_or(tokens.len());
    let words: Vec<Token> = tokens[start..]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct || matches!(t.text.as_str(), "'" | "&" | "."))
        .cloned()
        .collect();
    join(&words)
}

/// A first-person clause ("I don't eat meat") as a third-person line ("Doesn't eat meat.").
pub fn third_person(tokens: &[Token]) -> String {
    let mut words: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut conjugated = false;
    for (i, t) in tokens.iter().enumerate() {
        if i == 0 && t.lower == "i" {
            continue;
        }
        let word = match speaker_in_third_person(tokens, i) {
            Some(word) => word.to_string(),
            None if !conjugated && t.kind == TokenKind::Word => {
                if is_adverb(&t.lower) {
                    t.text.to_string()
                } else {
                    conjugated = true;
                    conjugate(&t.text, &t.lower)
                }
            }
            None => t.text.to_string(),
        };
        words.push(Token::new(&word, t.kind));
    }
    sentence(&join(&words))
}

/// A clause about someone or something else ("My sister keeps sending me recipes") as a profile
/// line: the speaker's own pronouns become the third person ("Their sister keeps sending them
/// recipes."); the clause's verb already agrees with its subject.
pub fn others_line(tokens: &[Token]) -> String {
    let words: Vec<Token> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| match speaker_in_third_person(tokens, i) {
            Some(word) => Token::new(word, t.kind),
            None => t.clone(),
        })
        .collect();
    sentence(&join(&words))
}

/// The speaker's own word at `i` in the third person ("my" → "their", "… I am" → "… they
/// are"), or `None` for any other word. A clause's leading "I" and the verb right after it are
/// the caller's (a profile line leaves the subject out and conjugates the verb).
fn speaker_in_third_person(tokens: &[Token], i: usize) -> Option<&'static str> {
    let after_i = i > 1 && tokens[i - 1].lower == "i";
    Some(match tokens[i].lower.as_str() {
        "i" => "they",
        "am" if after_i => "are",
        "was" if after_i => "were",
        "me" => "them",
        "my" => "their",
        "mine" => "theirs",
        "myself" => "themselves",
        // The household the speaker is part of: "lives with us" → "lives with them" (not "US").
        "our" => "their",
        "ours" => "theirs",
        "ourselves" => "themselves",
        "us" if tokens[i].text == "us" => "them",
        _ => return None,
    })
}

/// Verbs that end like an adverb.
const LY_VERBS: &[&str] = &[
    "apply", "comply", "fly", "imply", "multiply", "rely", "reply", "supply",
];

/// Whether a word before the verb is an adverb ("really", "honestly"): listed, or ending in
/// "-ly" without being one of [`LY_VERBS`].
fn is_adverb(lower: &str) -> bool {
    has(ADVERBS, lower) || lower.len() > 4 && lower.ends_with("ly") && !has(LY_VERBS, lower)
}

/// Adverbs that may stand between "I" and the verb.
const ADVERBS: &[&str] = &[
    "absolutely",
    "actually",
    "almost",
    "already",
    "also",
    "always",
    "currently",
    "definitely",
    "especially",
    "even",
    "finally",
    "first",
    "generally",
    "honestly",
    "just",
    "kinda",
    "longer",
    "maybe",
    "mostly",
    "never",
    "no",
    "now",
    "often",
    "only",
    "personally",
    "probably",
    "rarely",
    "really",
    "recently",
    "seriously",
    "sometimes",
    "still",
    "totally",
    "usually",
];

/// Verbs in "-eed" that are not past tenses ("I need" → "needs").
const PRESENT_EED: &[&str] = &[
    "bleed", "breed", "exceed", "feed", "heed", "need", "proceed", "seed", "speed", "succeed",
    "weed",
];

/// Words a third-person subject leaves as they are besides past forms
/// ([`crate::lexicon::PAST_VERBS`]): modals, "never", "used (to)".
const UNCHANGED: &[&str] = &[
    "can", "could", "may", "might", "must", "never", "no", "read", "shall", "should", "used",
    "was", "will", "would",
];

/// Verbs whose past is their plain form ("I hurt my knee"): a profile line leaves them as said,
/// which reads right whether the user meant the past or a habit ("Hurt their knee.", not
/// "Hurts their knee.").
const SAME_IN_THE_PAST: &[&str] = &["cut", "hit", "hurt", "put", "set", "shut", "split"];

/// The third-person singular of a first-person verb.
fn conjugate(text: &str, lower: &str) -> String {
    let irregular = match lower {
        "am" => "is",
        "have" => "has",
        "do" => "does",
        "don't" => "doesn't",
        "haven't" => "hasn't",
        "go" => "goes",
        "aren't" => "isn't",
        _ => "",
    };
    if !irregular.is_empty() {
        return irregular.to_string();
    }
    // "'t": "wouldn't" and its misspelling "would't".
    let unchanged = lower.ends_with("ed") && !has(PRESENT_EED, lower)
        || lower.ends_with("'t")
        || has(UNCHANGED, lower)
        || has(SAME_IN_THE_PAST, lower)
        || has(crate::lexicon::PAST_VERBS, lower)
        // "retook", "rebuilt", "outgrew".
        || ["re", "out", "over"].iter().any(|prefix| {
            lower
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.len() > 2 && has(crate::lexicon::PAST_VERBS, rest))
        });
    if unchanged {
        return text.to_string();
    }
    if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        return format!("{}ies", &text[..text.len() - 1]);
    }
    if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return format!("{text}es");
    }
    format!("{text}s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn renders_third_person_lines() {
        let line = |s: &str| third_person(&tokenize(s));
        assert_eq!(line("I don't eat meat"), "Doesn't eat meat.");
        assert_eq!(line("I own a Jeep"), "Owns a Jeep.");
        assert_eq!(line("I am from Alaska"), "Is from Alaska.");
        assert_eq!(
            line("I really enjoy hiking with my dog"),
            "Really enjoys hiking with their dog."
        );
        assert_eq!(line("I study biology"), "Studies biology.");
        assert_eq!(line("I need a break"), "Needs a break.");
        assert_eq!(
            line("I never knew turtles could be fun"),
            "Never knew turtles could be fun."
        );
        assert_eq!(line("I honestly love DIY"), "Honestly loves DIY.");
        assert_eq!(line("I rely on coffee"), "Relies on coffee.");
        assert_eq!(line("I almost forgot"), "Almost forgot.");
        assert_eq!(line("I first started yoga"), "First started yoga.");
        assert_eq!(line("I retook the test"), "Retook the test.");
        assert_eq!(
            line("I would't want to be punished"),
            "Would't want to be punished."
        );
        assert_eq!(
            line("I am on a budget of $50 a week"),
            "Is on a budget of $50 a week."
        );
        assert_eq!(line("I hurt my knee running"), "Hurt their knee running.");
        assert_eq!(
            line("I am pregnant with our second child"),
            "Is pregnant with their second child."
        );
    }

    #[test]
    fn renders_others_lines_without_the_speakers_pronouns() {
        let line = |s: &str| others_line(&tokenize(s));
        assert_eq!(
            line("My sister keeps sending me tofu recipes"),
            "Their sister keeps sending them tofu recipes."
        );
        assert_eq!(
            line("my mom and I were close to my aunt"),
            "Their mom and they were close to their aunt."
        );
        assert_eq!(
            line("the dog I adopted sleeps on my bed"),
            "The dog they adopted sleeps on their bed."
        );
        assert_eq!(
            line("Our cat is older than I am"),
            "Their cat is older than they are."
        );
        assert_eq!(line("My mom lives with us"), "Their mom lives with them.");
        assert_eq!(line("My son moved to the US"), "Their son moved to the US.");
    }
}
