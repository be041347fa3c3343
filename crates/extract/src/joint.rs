//! A subject the user shares with someone: "Me and my wife moved to Texas" is said as "My wife
//! and I moved to Texas", so the user's own clause ("I moved to Texas") is read as theirs.

use crate::lexicon::{self, has};
use crate::tokenize::{Token, TokenKind};

/// Rewrites each "me and my <person>" opening a sentence or clause to "my <person> and I".
pub(crate) fn me_and_my(tokens: Vec<Token>) -> Vec<Token> {
    let opens = |i: usize| {
        i == 0
            || tokens[i - 1].kind == TokenKind::Punct
                && matches!(tokens[i - 1].text.as_str(), "." | "!" | "?" | ",")
    };
    let at = (0..tokens.len()).find(|&i| {
        opens(i)
            && tokens[i].lower == "me"
            && tokens.get(i + 1).is_some_and(|t| t.lower == "and")
            && tokens.get(i + 2).is_some_and(|t| t.lower == "my")
    });
    let Some(at) = at else {
        return tokens;
    };
    // The person ends the phrase: "my wife", "my best friend", "my two kids".
    let Some(person) = (at + 3..(at + 6).min(tokens.len()))
        .find(|&k| crate::kin::is_person(&tokens[k].lower) || has(lexicon::PETS, &tokens[k].lower))
    else {
        return tokens;
    };
    let mut out = Vec::with_capacity(tokens.len() + 1);
    out.extend_from_slice(&tokens[..at]);
    let my = &tokens[at + 2];
    let my = if at == 0 || tokens[at - 1].text != "," {
        Token::new("My", my.kind)
    } else {
        my.clone()
    };
    out.push(my);
    out.extend_from_slice(&tokens[at + 3..=person]);
    out.push(Token::new("and", TokenKind::Word));
    out.push(Token::new("I", TokenKind::Word));
    out.extend_from_slice(&tokens[person + 1..]);
    me_and_my(out)
}

/// "We're planning a trip to Italy this summer", "we are moving to Ohio next month", "we're
/// expecting our first child in August", "we're getting married next June": the household's
/// plan with a time is the speaker's.
pub(crate) fn household_plan(clause: &[&Token]) -> bool {
    let w = |i: usize| clause.get(i).map_or("", |t| t.lower.as_str());
    w(0) == "we"
        && w(1) == "are"
        && has(
            &["expecting", "getting", "going", "moving", "planning"],
            w(2),
        )
        && crate::time::names_a_time(clause)
}

/// "We broke up", "we split up" (the user and their partner): the household's ending is the
/// user's.
pub(crate) fn household_breakup(clause: &[&Token]) -> bool {
    let w = |i: usize| clause.get(i).map_or("", |t| t.lower.as_str());
    w(0) == "we" && has(&["broke", "split"], w(1)) && w(2) == "up"
}

/// Words for a newborn child after "we had" ("we had a baby boy", "we had our baby", "we had
/// twins"), sorted.
const NEWBORNS: &[&str] = &["baby", "boy", "child", "daughter", "girl", "son", "twins"];

/// Words that may follow the newborn in a birth: a time, a name or the end of the clause ("we
/// had our baby last week", "we had a girl in May", "we had a son named Leo"), where "we had a
/// baby shower" goes on with a noun. Sorted.
const AFTER_NEWBORN: &[&str] = &[
    "",
    "!",
    ".",
    "and",
    "at",
    "called",
    "in",
    "last",
    "named",
    "on",
    "this",
    "today",
    "yesterday",
];

/// "We (just) had a baby boy", "we had our baby last week": the household's newborn is the
/// speaker's child.
pub(crate) fn household_birth(clause: &[&Token]) -> bool {
    let w = |i: usize| clause.get(i).map_or("", |t| t.lower.as_str());
    let had = 1 + usize::from(has(&["finally", "just", "recently"], w(1)));
    let newborn = (had + 1..had + 5)
        .take_while(|&i| has(NEWBORNS, w(i)) || has(&["a", "first", "little", "new", "our"], w(i)))
        .filter(|&i| has(NEWBORNS, w(i)))
        .last();
    w(0) == "we" && w(had) == "had" && newborn.is_some_and(|i| has(AFTER_NEWBORN, w(i + 1)))
}

/// Adverbs of a habit right after "we" ("we usually eat out").
const HABITUALLY: &[&str] = &["always", "normally", "often", "usually"];

/// Words after "we" that make the clause no habit of the household: a suggestion, a state, a
/// single past event ("we should meet every week", "we were there every day").
const NOT_HABITS: &[&str] = &[
    "are", "can", "could", "did", "didn't", "might", "should", "was", "were", "will", "would",
];

/// "Every Friday we order pizza" (read as "we order pizza every Friday"), "we usually eat out on
/// weekends": the household's routine is the speaker's.
pub(crate) fn household_routine(clause: &[&Token]) -> bool {
    let w = |i: usize| clause.get(i).map_or("", |t| t.lower.as_str());
    let recurs = (2..clause.len()).any(|i| crate::fronted::frequency_len(&clause[i..]).is_some());
    let adverb = has(HABITUALLY, w(1));
    // "We always had people stopping by" was a habit of the past.
    let verb = w(1 + usize::from(adverb));
    let past = has(crate::lexicon::PAST_VERBS, verb) || verb.ends_with("ed");
    w(0) == "we" && !has(NOT_HABITS, w(1)) && !past && (adverb || recurs)
}

/// "My husband and I are saving" read as "I are saving": the verb agrees with "I" alone.
pub(crate) fn agree_with_i(clause: &mut [Token]) {
    if clause.len() < 2 || clause[0].lower != "i" {
        return;
    }
    let agreed = match &*clause[1].lower {
        "are" => "am",
        "were" => "was",
        _ => return,
    };
    clause[1] = Token::new(agreed, TokenKind::Word);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn said(text: &str) -> String {
        let words: Vec<String> = me_and_my(tokenize(text))
            .into_iter()
            .map(|t| t.text.to_string())
            .collect();
        words.join(" ")
    }

    #[test]
    fn me_and_my_person_is_my_person_and_i() {
        assert_eq!(
            said("Me and my wife moved to Texas."),
            "My wife and I moved to Texas ."
        );
        assert_eq!(
            said("me and my best friend went hiking"),
            "My best friend and I went hiking"
        );
        assert_eq!(
            said("She likes me and my dog."),
            "She likes me and my dog ."
        );
    }

    #[test]
    fn the_households_habit_is_a_routine_a_suggestion_is_not() {
        let routine = |text: &str| {
            let tokens = tokenize(text);
            let refs: Vec<&Token> = tokens.iter().collect();
            household_routine(&refs)
        };
        assert!(routine("we order pizza every Friday"));
        assert!(routine("we usually eat out on weekends"));
        assert!(!routine("we should meet every week"));
        assert!(!routine("we ate pizza"));
        assert!(!routine("we always had people stopping by"));
    }
}
