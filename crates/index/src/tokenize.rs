//! Tokenization: lowercase words, stopword removal and stemming, shared by documents and queries.

use crate::stem::stem;

/// Splits text into lowercase word tokens (letters and digits). A possessive or contraction
/// suffix after an apostrophe (`Caroline's`, `I'm`) is dropped.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut after_apostrophe = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if !after_apostrophe {
                current.extend(ch.to_lowercase());
            }
        } else if (ch == '\'' || ch == '’') && !current.is_empty() {
            after_apostrophe = true;
        } else {
            flush(&mut current, &mut out);
            after_apostrophe = false;
        }
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// Index terms of a text: words that are not stopwords, stemmed.
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(&w))
        .collect()
}

/// Whether a lowercase word carries too little meaning to index (function words, question
/// words, chat fillers).
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Sorted, so that [`is_stopword`] can binary-search it.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "d", "did", "do", "does", "doing", "down", "during", "each",
    "else", "ever", "few", "for", "from", "further", "get", "got", "had", "has", "have", "having",
    "he", "her", "here", "hers", "herself", "hey", "hi", "him", "himself", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "itself", "just", "kind", "like", "ll", "m", "may", "me",
    "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "oh", "ok", "okay", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
    "out", "over", "own", "re", "really", "s", "same", "she", "should", "so", "some", "such", "t",
    "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why",
    "will", "with", "would", "wow", "yeah", "yes", "you", "your", "yours", "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_drop_possessives_and_punctuation() {
        assert_eq!(
            words("Caroline's dog, I'm fine!"),
            ["caroline", "dog", "i", "fine"]
        );
        assert_eq!(words("LGBTQ-support 2023"), ["lgbtq", "support", "2023"]);
    }

    #[test]
    fn terms_remove_stopwords_and_stem() {
        assert_eq!(
            terms("When did she paint the sunrises?"),
            ["paint", "sunris"]
        );
    }
}
