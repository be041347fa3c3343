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

/// The options a turn offers: its numbered items (one a line, or inline "1. … 2. …"), else the
/// alternatives of a sentence listing them ("you could have a BLT, a pasta dish, or a salad").
pub fn listed_options(turn: &str) -> Vec<(usize, String)> {
    let lines = numbered_items(turn);
    if lines.len() >= 2 {
        return lines;
    }
    let inline = inline_numbered_items(turn);
    if inline.len() >= 2 {
        return inline;
    }
    prose_alternatives(turn)
}

/// "… could be: 1. Trail mix. 2. Beef jerky. 3. …" on one line.
fn inline_numbered_items(turn: &str) -> Vec<(usize, String)> {
    let mut items: Vec<(usize, String)> = Vec::new();
    let mut expected = 1;
    let mut rest = turn;
    while let Some(at) = rest.find(&format!("{expected}. ")) {
        let preceded = rest[..at]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &rest[at + format!("{expected}. ").len()..];
        if !preceded {
            break;
        }
        if let Some(last) = items.last_mut() {
            last.1 = clean(&rest[..at]);
        }
        items.push((expected, clean(after)));
        expected += 1;
        rest = after;
    }
    if let Some(last) = items.last_mut() {
        last.1 = clean(rest.split(['\n']).next().unwrap_or(rest));
    }
    items
}

/// Words after which a sentence starts listing alternatives.
const LIST_LEADS: &[&str] = &[
    " consider ",
    " try ",
    " such as ",
    " include ",
    " includes ",
    " like ",
    " could be ",
    " could have ",
    " could go with ",
    " recommend ",
    " suggest ",
    " options are ",
];

/// The alternatives of the first sentence with "A, B, or C" in it.
fn prose_alternatives(turn: &str) -> Vec<(usize, String)> {
    for sentence in turn.split(['.', '!', '?', '\n']) {
        let sentence = sentence.rsplit(':').next().unwrap_or(sentence);
        if !sentence.contains(" or ") || sentence.matches(", ").count() < 2 {
            continue;
        }
        let lowered = sentence.to_lowercase();
        let start = LIST_LEADS
            .iter()
            .filter_map(|lead| lowered.find(lead).map(|at| at + lead.len()))
            .min()
            .unwrap_or(0);
        let parts: Vec<&str> = sentence[start..]
            .split(", ")
            .flat_map(|s| s.split(" or "))
            .map(|s| s.trim().trim_start_matches("or ").trim())
            .filter(|s| !s.is_empty())
            .collect();
        // When items start with an article, a part without one continues the item before
        // ("a salad with mixed greens, grilled chicken, and vinaigrette").
        let headed = |p: &str| {
            ["a ", "an ", "the ", "some "]
                .iter()
                .any(|a| p.to_lowercase().starts_with(a))
        };
        let by_article = parts.iter().filter(|p| headed(p)).count() >= 2;
        let mut merged: Vec<String> = Vec::new();
        for part in parts {
            match merged.last_mut() {
                Some(last) if by_article && !headed(part) => {
                    last.push_str(", ");
                    last.push_str(part);
                }
                _ => merged.push(part.to_string()),
            }
        }
        let items: Vec<(usize, String)> = merged
            .iter()
            .filter(|s| s.split_whitespace().count() >= 2)
            .enumerate()
            .map(|(i, s)| (i + 1, clean(s)))
            .collect();
        if items.len() >= 3 {
            return items;
        }
    }
    Vec::new()
}

fn clean(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', '!', '?', ','])
        .replace(['.', '!', '?', ';', '[', ']'], ",")
}

/// The option the user's text names by its words (most of the option's words occur in it).
fn chosen_by_words(user_text: &str, items: &[(usize, String)]) -> Option<usize> {
    let said: std::collections::HashSet<String> = words(user_text).into_iter().collect();
    items
        .iter()
        .map(|(n, text)| {
            let ws: Vec<String> = words(text).into_iter().filter(|w| w.len() > 3).collect();
            let share =
                ws.iter().filter(|w| said.contains(*w)).count() as f32 / ws.len().max(1) as f32;
            (*n, share)
        })
        .filter(|(_, share)| *share >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(n, _)| n)
}

/// `user_text` with each reference to an option of `previous_turn` ("option 2", "the first
/// one", "the other options") followed by the option's text in brackets; unchanged when there
/// is nothing to resolve.
pub fn resolve_option_references(user_text: &str, previous_turn: &str) -> String {
    let items = listed_options(previous_turn);
    if items.is_empty() {
        return user_text.to_string();
    }
    let lookup = |n: usize| items.iter().find(|(k, _)| *k == n).map(|(_, t)| t.clone());
    let mut out = Vec::new();
    let mut chosen: Option<usize> = chosen_by_words(user_text, &items);
    // The choice against the rest, as one statement of its own.
    let mut contrast: Option<String> = None;
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
                || word == "alternatives"
                || (previous.as_deref() == Some("the") && word == "rest")
                || (previous.as_deref() == Some("other")
                    && CHOICE_NOUNS.iter().any(|n| word.starts_with(n))));
        if others {
            let rest: Vec<&str> = items
                .iter()
                .filter(|(n, _)| Some(*n) != chosen)
                .map(|(_, t)| t.as_str())
                .collect();
            out.push(format!("{core} [{}]{punctuation}", rest.join(" / ")));
            if let Some(picked) = chosen.and_then(lookup) {
                contrast = Some(format!("I prefer [{picked}] over [{}].", rest.join(" / ")));
            }
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
    out.extend(contrast);
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
