//! Tokens: words (with their surface form and a lowercase form), numbers and punctuation.
//! Contractions of "I" are expanded ("I'm" → "I am") so patterns see one spelling; negative
//! contractions ("don't") stay one token, with casual spellings ("dont") repaired.

use std::rc::Rc;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and inner apostrophes or hyphens).
    Word,
    /// Digits (with inner commas or dots: `1,000`, `3.5`).
    Number,
    /// One punctuation character.
    Punct,
}

/// A shared, immutable piece of text: cloning a token is two reference-count bumps, not two
/// allocations.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Word(Rc<str>);

impl Word {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Word> for String {
    fn from(w: Word) -> String {
        w.0.to_string()
    }
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// As written (apostrophes normalized to `'`).
    pub text: Word,
    /// Lowercase form, used by the grammar.
    pub lower: Word,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Word classes ([`crate::lexicon::class`]) of the lowercase form.
    pub classes: u16,
}

impl Token {
    /// A token; its classes are looked up from its lowercase form.
    pub fn new(text: &str, kind: TokenKind) -> Self {
        let lower = text.to_lowercase();
        let classes = crate::lexicon::classes_of(&lower);
        let lower: Rc<str> = lower.into();
        let text = if *lower == *text {
            lower.clone()
        } else {
            text.into()
        };
        Self {
            text: Word(text),
            lower: Word(lower),
            classes,
            kind,
        }
    }

    /// Whether the word is in the class `bit` ([`crate::lexicon::class`]).
    pub fn is(&self, bit: u16) -> bool {
        self.classes & bit != 0
    }

    /// Whether the token is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| {
            if matches!(c, '’' | '‘' | '`') {
                '\''
            } else {
                c
            }
        })
        .collect();
    let mut tokens = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    let mut word = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            word.clear();
            let numeric = c.is_ascii_digit();
            while i < chars.len() {
                let c = chars[i];
                let joins_next = i + 1 < chars.len() && chars[i + 1].is_alphanumeric();
                if c.is_alphanumeric()
                    || (joins_next && matches!(c, '\'' | '-') && !numeric)
                    || (joins_next
                        && numeric
                        && matches!(c, ',' | '.')
                        && chars[i + 1].is_ascii_digit())
                {
                    if !(numeric && c == ',') {
                        word.push(c);
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            let kind = if numeric && word.chars().all(|c| c.is_ascii_digit() || c == '.') {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            push_word(&mut tokens, &word, kind);
        } else {
            if !c.is_whitespace() && (c.is_ascii_punctuation() || matches!(c, '…' | '—' | '–'))
            {
                // An ellipsis ends like a period; a dash between words ("faces—even") is a
                // break as " - " is, not a hyphen.
                let c = match c {
                    '…' => '.',
                    '—' | '–' => '-',
                    c => c,
                };
                tokens.push(Token::new(&c.to_string(), TokenKind::Punct));
            }
            i += 1;
        }
    }
    tokens
}

/// Pushes a word, expanding "I" contractions and repairing casual spellings.
fn push_word(tokens: &mut Vec<Token>, word: &str, kind: TokenKind) {
    let lower = word.to_lowercase();
    let expansion: Option<&[&str]> = match lower.as_str() {
        "i'm" | "im" => Some(&["I", "am"]),
        "i've" | "ive" => Some(&["I", "have"]),
        "i'd" => Some(&["I", "would"]),
        "i'll" => Some(&["I", "will"]),
        "we're" => Some(&["we", "are"]),
        "i" => Some(&["I"]),
        _ => None,
    };
    if let Some(parts) = expansion {
        tokens.extend(parts.iter().map(|p| Token::new(p, TokenKind::Word)));
        return;
    }
    let repaired = match lower.as_str() {
        "dont" => "don't",
        "didnt" => "didn't",
        "doesnt" => "doesn't",
        "cant" => "can't",
        "isnt" => "isn't",
        "havent" => "haven't",
        "wasnt" => "wasn't",
        "arent" => "aren't",
        "thats" => "that's",
        "favourite" => "favorite",
        _ => "",
    };
    if repaired.is_empty() {
        tokens.push(Token::new(word, kind));
    } else {
        tokens.push(Token::new(repaired, kind));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.lower.to_string())
            .collect()
    }

    #[test]
    fn expands_first_person_contractions_and_keeps_negations() {
        assert_eq!(
            lowers("I'm sure I don’t, im 1,000 miles-away."),
            [
                "i",
                "am",
                "sure",
                "i",
                "don't",
                ",",
                "i",
                "am",
                "1000",
                "miles-away",
                "."
            ]
        );
    }

    #[test]
    fn a_dash_between_words_is_a_break_not_a_hyphen() {
        assert_eq!(
            lowers("faces—even hiking–fun well-known"),
            ["faces", "-", "even", "hiking", "-", "fun", "well-known"]
        );
    }
}
