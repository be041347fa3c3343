//! How often, said before the subject: "Every morning I run 5k", "On Sundays I call my mom",
//! "Twice a week I swim". The phrase stays with its clause and goes after the predicate ("I run
//! 5k every morning"), where routines are read.

use crate::lexicon::has;
use crate::tokenize::{Token, TokenKind};

/// Days and parts of days a routine recurs on ("on Sundays", "most evenings").
pub(crate) const RECURRING: &[&str] = &[
    "afternoons",
    "days",
    "evenings",
    "fridays",
    "mondays",
    "mornings",
    "nights",
    "saturdays",
    "sundays",
    "thursdays",
    "tuesdays",
    "wednesdays",
    "weekdays",
    "weekends",
];

/// What "every" may recur on ("every morning", "every Sunday"; not "every time").
const TIMES: &[&str] = &[
    "afternoon",
    "day",
    "evening",
    "fall",
    "friday",
    "monday",
    "month",
    "morning",
    "night",
    "saturday",
    "spring",
    "summer",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
    "week",
    "weekday",
    "weekend",
    "winter",
    "year",
];

/// Whether a word makes what is done recur ("every", "Sundays", "weekends"; not "days", as in
/// "these days").
pub(crate) fn recurs(w: &str) -> bool {
    w == "every" || has(RECURRING, w) && w != "days"
}

/// Units after "once a", "twice a", "three times a".
const UNITS: &[&str] = &["day", "month", "week", "year"];

/// How many words of `tokens` are a fronted phrase of how often, when a subject ("I", "we")
/// follows it, perhaps after a comma.
pub(crate) fn phrase_len(tokens: &[&Token]) -> Option<usize> {
    let w = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_str());
    let n = frequency_len(tokens)?;
    let comma = usize::from(tokens.get(n).is_some_and(|t| t.is_punct(',')));
    (n < tokens.len() && tokens[..n].iter().all(|t| t.kind != TokenKind::Punct))
        .then_some(n)
        .filter(|_| matches!(w(n + comma), "i" | "we"))
}

/// How many words of `tokens` say how often ("every night", "on Sundays", "twice a week").
pub(crate) fn frequency_len(tokens: &[&Token]) -> Option<usize> {
    let w = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_str());
    let n = match w(0) {
        // "every morning", "every single day", "every other week", "each Sunday".
        "every" | "each" => {
            let n = if matches!(w(1), "single" | "other") {
                3
            } else {
                2
            };
            if !has(TIMES, w(n - 1)) {
                return None;
            }
            n
        }
        "on" | "most" if has(RECURRING, w(1)) => 2,
        "once" | "twice" if matches!(w(1), "a" | "per") && has(UNITS, w(2)) => 3,
        _ if w(1) == "times" && matches!(w(2), "a" | "per") && has(UNITS, w(3)) => 4,
        _ => return None,
    };
    (n <= tokens.len()).then_some(n)
}

/// "Every morning I run 5k." → "I run 5k every morning." (final punctuation kept last).
pub(crate) fn to_the_end(tokens: &[&Token]) -> Option<Vec<Token>> {
    let n = phrase_len(tokens)?;
    let comma = usize::from(tokens[n].is_punct(','));
    let end = crate::clean::end_of_words(tokens);
    let lead = Token::new(&tokens[0].lower, tokens[0].kind);
    (n + comma < end).then(|| {
        tokens[n + comma..end]
            .iter()
            .copied()
            .chain([&lead])
            .chain(tokens[1..n].iter().copied())
            .chain(tokens[end..].iter().copied())
            .cloned()
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn moved(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let refs: Vec<&Token> = tokens.iter().collect();
        to_the_end(&refs).map(|t| {
            t.iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    #[test]
    fn a_fronted_frequency_goes_after_the_predicate() {
        assert_eq!(
            moved("Every morning I run 5k.").as_deref(),
            Some("I run 5k every morning .")
        );
        assert_eq!(
            moved("On Sundays, I call my mom").as_deref(),
            Some("I call my mom on Sundays")
        );
        assert_eq!(
            moved("Twice a week I swim").as_deref(),
            Some("I swim twice a week")
        );
        assert_eq!(
            moved("3 times a week we hike").as_deref(),
            Some("we hike 3 times a week")
        );
        assert_eq!(moved("On Sunday I went out"), None);
        assert_eq!(moved("Every time I try it fails"), None);
    }
}
