//! Street addresses: a house number, one to three capitalized words and a street type, as in
//! "221B Baker Street" or "1600 Pennsylvania Ave".

use super::{PiiKind, PiiSpan};

/// Street types, lowercase, with their common abbreviations.
const STREET_TYPES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "court",
    "ct",
    "way",
    "place",
    "pl",
    "terrace",
    "close",
    "crescent",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "square",
    "sq",
    "strasse",
    "straße",
];

/// Words between the number and the street type.
const MAX_NAME_WORDS: usize = 3;

/// Whitespace-separated words with their byte ranges, trailing punctuation left out.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece
            .trim_end()
            .trim_end_matches([',', ';', ':', '!', '?', ')', '"']);
        if !word.is_empty() {
            out.push((offset, word));
        }
        offset += piece.len();
    }
    out
}

/// `42`, `221B`: one to five digits and at most one letter.
fn is_house_number(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &word[digits..];
    (1..=5).contains(&digits)
        && (rest.is_empty() || (rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_alphabetic())))
}

/// A capitalized word or an ordinal such as `5th`.
fn is_name_word(word: &str) -> bool {
    let first = word.chars().next();
    first.is_some_and(char::is_uppercase)
        || (first.is_some_and(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s)))
}

fn is_street_type(word: &str) -> bool {
    let bare = word.trim_end_matches('.').to_lowercase();
    STREET_TYPES.contains(&bare.as_str())
}

pub(super) fn find(text: &str) -> Vec<PiiSpan> {
    let words = words(text);
    let mut spans = Vec::new();
    for (i, &(start, word)) in words.iter().enumerate() {
        if !is_house_number(word) {
            continue;
        }
        let name_words = words[i + 1..]
            .iter()
            .take(MAX_NAME_WORDS + 1)
            .position(|&(_, w)| !is_name_word(w) || is_street_type(w));
        let Some(names) = name_words.filter(|&n| n >= 1) else {
            continue;
        };
        let Some(&(type_start, street_type)) = words.get(i + 1 + names) else {
            continue;
        };
        if names <= MAX_NAME_WORDS && is_street_type(street_type) {
            spans.push(PiiSpan {
                range: start..type_start + street_type.trim_end_matches('.').len(),
                kind: PiiKind::Address,
            });
        }
    }
    spans
}
