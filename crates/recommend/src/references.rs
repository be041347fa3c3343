//! Resolving "option 2" and "the first one" in a user's reply to the numbered list the assistant
//! just offered, so the choice can be read as a preference ("I'll go with option 1" → "I'll go
//! with option 1 [a well-structured online course]").

use crate::terms::words;

const ORDINALS: &[(&str, usize)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
];
const CHOICE_NOUNS: &[&str] = &["option", "one", "choice", "suggestion"];

/// The numbered items of a turn ("1. …", "2) …", "Option 3: …"), by number.
pub fn numbered_items(turn: &str) -> Vec<(usize, String)> {
    turn.lines()
        .filter_map(|line| {
            let line = line.trim().trim_start_matches(['*', '-', '#', ' ']);
            let line = line
                .strip_prefix("Option ")
                .or_else(|| line.strip_prefix("option "))
                .unwrap_or(line);
            let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
            let rest = line[digits.len()..].strip_prefix(['.', ')', ':'])?;
            let n = digits.parse().ok()?;
            Some((
                n,
                rest.trim()
                    .trim_end_matches(['.', '!', '?'])
                    .replace(['.', '!', '?'], ","),
            ))
        })
        .collect()
}

/// `user_text` with each reference to a numbered item of `previous_turn` followed by the item's
/// text in brackets; unchanged when there is nothing to resolve.
pub fn resolve_option_references(user_text: &str, previous_turn: &str) -> String {
    let items = numbered_items(previous_turn);
    if items.is_empty() {
        return user_text.to_string();
    }
    let lookup = |n: usize| items.iter().find(|(k, _)| *k == n).map(|(_, t)| t.clone());
    let mut out = Vec::new();
    let mut chosen: Option<usize> = None;
    let tokens: Vec<&str> = user_text.split_whitespace().collect();
    for (i, token) in tokens.iter().enumerate() {
        let core = token.trim_end_matches(['.', ',', '!', '?', ';', ':']);
        let punctuation = &token[core.len()..];
        let word = words(token).join("");
        let previous = i.checked_sub(1).map(|p| words(tokens[p]).join(""));
        // "option 2" / "option two"
        let after_noun = previous
            .as_deref()
            .is_some_and(|p| p == "option" || p == "choice");
        let number = word
            .parse::<usize>()
            .ok()
            .or_else(|| ORDINALS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n));
        // "the second option" / "the first one"
        let ordinal_before = CHOICE_NOUNS
            .contains(&word.as_str())
            .then(|| {
                previous
                    .as_deref()
                    .and_then(|p| ORDINALS.iter().find(|(w, _)| *w == p && *w != "one"))
                    .map(|(_, n)| *n)
            })
            .flatten();
        let referenced = if after_noun { number } else { ordinal_before };
        // "the other options" / "the others", once a choice was named: the items not chosen.
        let others = chosen.is_some()
            && (word == "others"
                || (previous.as_deref() == Some("other")
                    && CHOICE_NOUNS.iter().any(|n| word.starts_with(n))));
        if others {
            let rest: Vec<&str> = items
                .iter()
                .filter(|(n, _)| Some(*n) != chosen)
                .map(|(_, t)| t.as_str())
                .collect();
            out.push(format!("{core} [{}]{punctuation}", rest.join("; ")));
            continue;
        }
        match referenced.and_then(|n| lookup(n).map(|t| (n, t))) {
            Some((n, text)) => {
                chosen = Some(n);
                out.push(format!("{core} [{text}]{punctuation}"));
            }
            None => out.push(token.to_string()),
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_numbers_resolve_to_the_listed_text() {
        let assistant = "Here are the options:\n\n1. An online course from a reputable source.\n2. Programming forums.";
        let resolved =
            resolve_option_references("I'll go with option 1. Forums are cluttered.", assistant);
        assert_eq!(
            resolved,
            "I'll go with option 1 [An online course from a reputable source]. Forums are cluttered."
        );
        let resolved = resolve_option_references("The second option sounds best", assistant);
        assert!(
            resolved.contains("option [Programming forums]"),
            "{resolved}"
        );
        assert_eq!(
            resolve_option_references("No list here", "plain text"),
            "No list here"
        );
    }
}
