//! Reasons a person can read, attached to every ranked item.

use std::fmt;

/// Why an item was ranked where it was.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Items the user liked that raise this one most ("because you liked Heat and Ronin").
    BecauseYouLiked(Vec<String>),
    /// A statement of the user the item agrees with.
    YouSaidYouWant(String),
    /// A statement of the user the item goes against (it was pushed down).
    YouSaidYouAvoid(String),
    /// No personal signal: the item is well liked by everyone.
    PopularWithEveryone,
    /// A free-text candidate nothing the user said or did bears on.
    NoPersonalSignal,
}

impl Reason {
    /// Whether the reason pushed the item down.
    pub fn is_against(&self) -> bool {
        matches!(self, Self::YouSaidYouAvoid(_))
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BecauseYouLiked(titles) => write!(f, "because you liked {}", join_and(titles)),
            Self::YouSaidYouWant(s) => write!(f, "you said {}", second_person(s)),
            Self::YouSaidYouAvoid(s) => write!(f, "ranked lower: you said {}", second_person(s)),
            Self::PopularWithEveryone => write!(f, "popular with people overall"),
            Self::NoPersonalSignal => write!(f, "nothing you said bears on it"),
        }
    }
}

/// "A", "A and B", "A, B and C".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Rewrites a first-person sentence for the user to read: "I'm vegetarian." → "you're
/// vegetarian".
pub fn second_person(sentence: &str) -> String {
    let words: Vec<String> = sentence
        .trim()
        .trim_end_matches(['.', '!'])
        .split_whitespace()
        .map(|w| {
            let swapped = match w.to_lowercase().replace('’', "'").as_str() {
                "i" => "you",
                "i'm" => "you're",
                "i've" => "you've",
                "i'd" => "you'd",
                "i'll" => "you'll",
                "am" => "are",
                "my" => "your",
                "me" => "you",
                "myself" => "yourself",
                "mine" => "yours",
                _ => return w.to_string(),
            };
            swapped.to_string()
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_sentences() {
        let liked = Reason::BecauseYouLiked(vec!["Heat".into(), "Ronin".into()]);
        assert_eq!(liked.to_string(), "because you liked Heat and Ronin");
        let avoid = Reason::YouSaidYouAvoid("I avoid gluten.".into());
        assert_eq!(avoid.to_string(), "ranked lower: you said you avoid gluten");
        let want = Reason::YouSaidYouWant("I'm vegetarian".into());
        assert_eq!(want.to_string(), "you said you're vegetarian");
        assert!(avoid.is_against() && !want.is_against());
    }
}
