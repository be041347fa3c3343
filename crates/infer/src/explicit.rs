//! Explicit statements of age: "I'm 34", "I am 34 years old", "turned 40", "in my thirties".

use crate::text::{Word, number};

/// Words after "I'm N" that make N something other than an age.
const NOT_AGE: &[&str] = &[
    "minutes", "hours", "days", "weeks", "months", "miles", "km", "percent", "times", "feet",
    "pounds", "kg", "dollars", "euros", "bucks", "k", "hrs", "mins", "steps", "pages",
];

/// The age stated in these words, if any.
pub fn age(words: &[Word]) -> Option<u32> {
    let w = |i: usize| words.get(i).map(|w| w.lower.as_str()).unwrap_or("");
    for i in 0..words.len() {
        let plausible = |n: u32| (14..=95).contains(&n);
        // "in my thirties", "in my 30s", "in my early 40s"
        if w(i) == "in" && w(i + 1) == "my" {
            let at = if matches!(w(i + 2), "early" | "mid" | "late") {
                i + 3
            } else {
                i + 2
            };
            let shift = match w(i + 2) {
                "early" => 2,
                "late" => 8,
                _ => 5,
            };
            let decade = w(at).strip_suffix('s').map(decade_word).unwrap_or(None);
            if let Some(d) = decade.filter(|d| (20..=90).contains(d)) {
                return Some(d + shift);
            }
        }
        let Some(n) = number(w(i)).filter(|&n| plausible(n)) else {
            continue;
        };
        let after = w(i + 1);
        let stated = (matches!(w(i.wrapping_sub(1)), "i'm" | "turned" | "turning")
            || (w(i.wrapping_sub(2)) == "i" && w(i.wrapping_sub(1)) == "am"))
            && !NOT_AGE.contains(&after);
        let years_old = matches!(after, "years" | "year" | "yo")
            && (after == "yo" || w(i + 2) == "old")
            && !matches!(
                w(i.wrapping_sub(1)),
                "my" | "a" | "the" | "our" | "her" | "his"
            );
        if stated || years_old {
            return Some(n);
        }
    }
    None
}

fn decade_word(stem: &str) -> Option<u32> {
    // "30" from "30s"; "thirtie" from "thirties"
    match stem.strip_suffix("ie") {
        Some(s) => number(&format!("{s}y")),
        None => number(stem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn stated_ages() {
        let a = |t: &str| age(&words(t));
        assert_eq!(a("Well, I'm 34 and still learning."), Some(34));
        assert_eq!(a("I am 52 years old"), Some(52));
        assert_eq!(a("Just turned 40 last week"), Some(40));
        assert_eq!(a("being in my late thirties"), Some(38));
        assert_eq!(a("I'm 15 minutes away"), None);
        assert_eq!(a("my 16 year old son"), None);
    }
}
