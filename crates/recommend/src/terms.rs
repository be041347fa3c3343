//! Words for matching: lowercase tokens, stopwords, a light stemmer, and local negation
//! ("gluten-free", "no meat", "without dairy" mark the word as absent, not wanted).

/// A content term of a text and whether the text says it is absent (`-1.0`) or present (`1.0`).
#[derive(Debug, Clone, PartialEq)]
pub struct SignedTerm {
    /// The stemmed term.
    pub term: String,
    /// `1.0` when present, `-1.0` when negated in place ("no X", "X-free", "without X").
    pub sign: f32,
}

/// Lowercase words; apostrophes inside a word are dropped (`don't` → `dont`), every other
/// non-alphanumeric character splits.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let text = mark_absence_suffixes(text);
    let mut current = String::new();
    for ch in text.chars() {
        if ch.is_alphanumeric() || ch == '_' {
            current.extend(ch.to_lowercase());
        } else if (ch == '\'' || ch == '’') && !current.is_empty() {
            continue;
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The token that "-free" becomes ("gluten-free" → `gluten _free`): it negates the word before.
pub(crate) const ABSENT_SUFFIX: &str = "_free";

/// Rewrites "X-free" so that the absence marker is its own token, and "free from X" as
/// "without X"; a standalone "free" (as in "free courses") stays a word.
fn mark_absence_suffixes(text: &str) -> String {
    text.replace("-free", " _free")
        .replace("‑free", " _free")
        .replace(" free from ", " without ")
        .replace(" free of ", " without ")
}

/// A crude suffix stemmer, applied the same way to every text.
pub fn stem(word: &str) -> String {
    let w = word.trim_end_matches("s'");
    let n = w.len();
    let stripped = if n > 4 && w.ends_with("ies") {
        format!("{}y", &w[..n - 3])
    } else if n > 5 && w.ends_with("ing") {
        w[..n - 3].to_string()
    } else if n > 4 && w.ends_with("ed") {
        w[..n - 2].to_string()
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..n - 1].to_string()
    } else {
        w.to_string()
    };
    stripped
        .strip_suffix('e')
        .map_or(stripped.clone(), str::to_string)
}

/// Whether a word carries too little meaning to match on.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok() || word.len() < 2
}

/// Words that negate the next content word ("no meat", "without dairy", "non-alcoholic").
pub(crate) const NEGATE_NEXT: &[&str] = &["no", "non", "without", "zero", "minus"];
/// Words that, in a candidate's text, negate the few content words after them ("avoid group
/// discussions", "lacking certification").
const NEGATE_SCOPE: &[&str] = &[
    "avoid", "avoids", "avoiding", "skip", "skipping", "lack", "lacking", "limited", "minimal",
    "fewer", "less", "never", "not", "dont", "away", "instead",
];
/// Modifiers that negate only the word after them ("faux leather", "low-carb").
pub(crate) const NEGATE_ONE: &[&str] =
    &["faux", "fake", "imitation", "vegan", "mock", "low", "decaf"];
/// Content words a negation reaches.
const NEGATION_SCOPE: usize = 3;
/// Words that end a negation's reach.
const SCOPE_ENDS: &[&str] = &["but", "while", "with", "yet", "and"];
/// Words that negate the previous content word ("gluten-free", "alcohol-free").
pub(crate) const NEGATE_PREVIOUS: &[&str] = &[ABSENT_SUFFIX];

/// Content terms with their local sign.
pub fn signed_terms(text: &str) -> Vec<SignedTerm> {
    let ws = words(text);
    let mut out: Vec<SignedTerm> = Vec::new();
    let mut negated_terms = 0usize;
    for (i, w) in ws.iter().enumerate() {
        if NEGATE_NEXT.contains(&w.as_str()) || NEGATE_SCOPE.contains(&w.as_str()) {
            negated_terms = NEGATION_SCOPE;
            continue;
        }
        if NEGATE_ONE.contains(&w.as_str()) {
            negated_terms = negated_terms.max(1);
            continue;
        }
        if SCOPE_ENDS.contains(&w.as_str()) {
            negated_terms = 0;
        }
        if NEGATE_PREVIOUS.contains(&w.as_str()) && i > 0 {
            if let Some(last) = out.last_mut() {
                last.sign = -1.0;
            }
            continue;
        }
        if is_stopword(w) {
            continue;
        }
        out.push(SignedTerm {
            term: stem(w),
            sign: if negated_terms > 0 { -1.0 } else { 1.0 },
        });
        negated_terms = negated_terms.saturating_sub(1);
    }
    out
}

/// Sorted for binary search.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "based", "be", "been",
    "being", "both", "but", "by", "can", "could", "did", "do", "does", "dont", "each", "even",
    "for", "from", "get", "go", "going", "had", "has", "have", "he", "her", "here", "him", "his",
    "how", "i", "id", "if", "ill", "im", "in", "into", "is", "it", "its", "ive", "just", "let",
    "lets", "make", "many", "may", "me", "might", "more", "most", "much", "my", "of", "on", "one",
    "or", "other", "our", "out", "over", "really", "recommend", "she", "should", "so", "some",
    "such", "suggest", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "thing", "things", "this", "those", "to", "too", "up", "us", "very", "want", "was", "we",
    "well", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
    "would", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn free_and_without_negate_in_place() {
        let terms = signed_terms("Gluten-free pasta without dairy, with meat");
        let sign = |t: &str| terms.iter().find(|s| s.term == t).map(|s| s.sign);
        assert_eq!(sign("gluten"), Some(-1.0));
        assert_eq!(sign("dairy"), Some(-1.0));
        assert_eq!(sign("meat"), Some(1.0));
        assert_eq!(sign("pasta"), Some(1.0));
    }
}
