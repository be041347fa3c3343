//! Words of a text for cue matching: lowercase forms, with whether each was capitalized in the
//! middle of a sentence (a hint that it names a place).

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercase form; apostrophes kept ("i'm"), curly ones straightened.
    pub lower: String,
    /// Starts with an uppercase letter and is not the first word of a sentence.
    pub proper: bool,
    /// Starts with an uppercase letter.
    pub capital: bool,
}

/// Splits a text into words. Sentence ends (`.`, `!`, `?`) reset the capitalization hint.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut first_upper = false;
    let mut sentence_start = true;
    let flush = |current: &mut String, first_upper: bool, start: &mut bool, out: &mut Vec<Word>| {
        if !current.is_empty() {
            out.push(Word {
                lower: current.to_lowercase().chars().map(fold).collect(),
                proper: first_upper && !*start,
                capital: first_upper,
            });
            current.clear();
            *start = false;
        }
    };
    for c in text.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_alphanumeric() || (c == '\'' && !current.is_empty()) {
            if current.is_empty() {
                first_upper = c.is_uppercase();
            }
            current.push(c);
        } else {
            flush(&mut current, first_upper, &mut sentence_start, &mut out);
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | '"' | '(') {
                sentence_start = true;
            }
        }
    }
    flush(&mut current, first_upper, &mut sentence_start, &mut out);
    out
}

/// A lowercase letter without its accent ("é" → "e"), for the Latin letters that carry one.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    const FROM: &str = "àáâãäåāăąçćčďèéêëēėęěìíîïīįıñńňòóôõöøōőùúûüūůűųýÿźżžśšşřłğ";
    const TO: &str = "aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooouuuuuuuuyyzzzsssrlg";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i).unwrap_or(c),
        None => c,
    }
}

/// Positions where the phrase (space-separated lowercase words) starts in `words`. A final `*`
/// on a phrase word matches any word with that prefix.
pub fn find(words: &[Word], phrase: &str) -> Vec<usize> {
    let parts: Vec<&str> = phrase.split(' ').collect();
    if parts.is_empty() || words.len() < parts.len() {
        return Vec::new();
    }
    (0..=words.len() - parts.len())
        .filter(|&i| {
            parts
                .iter()
                .enumerate()
                .all(|(k, p)| matches(&words[i + k].lower, p))
        })
        .collect()
}

/// Whether a word matches a phrase word (a final `*` matches a prefix).
pub fn matches(word: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

/// The number written as digits or as an English word below 100, if `word` is one.
pub fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|t| *t == word)
        .map(|i| 20 + 10 * i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_mark_mid_sentence_capitals() {
        let w = words("Moved to Lisbon. Berlin was cold, I’m told");
        let proper: Vec<&str> = w
            .iter()
            .filter(|w| w.proper)
            .map(|w| w.lower.as_str())
            .collect();
        assert_eq!(proper, ["lisbon", "i'm"]);
        assert_eq!(find(&w, "i'm told"), vec![6]);
        assert_eq!(find(&w, "col*"), vec![5]);
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(number("34"), Some(34));
        assert_eq!(number("forty"), Some(40));
        assert_eq!(number("many"), None);
    }
}
