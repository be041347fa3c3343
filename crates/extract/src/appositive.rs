//! A relative clause between commas after someone in the user's life: "My sister Ana, who is a
//! nurse, lives in Boston" says two things about Ana; it is read as "My sister Ana is a nurse.
//! My sister Ana lives in Boston.".

use crate::lexicon::{self, has};
use crate::tokenize::{Token, TokenKind};

/// Rewrites each "my <person> [Name], who <…>, <…>" sentence into two sentences about the
/// person; other text is returned as it is.
pub(crate) fn split_who_clauses(tokens: Vec<Token>) -> Vec<Token> {
    let Some((subject, who, comma)) = find(&tokens) else {
        return tokens;
    };
    let end = (comma + 1..tokens.len())
        .find(|&i| is_sentence_end(&tokens[i]))
        .unwrap_or(tokens.len());
    let mut out = Vec::with_capacity(tokens.len() + subject.len() + 2);
    out.extend_from_slice(&tokens[..who - 1]);
    out.extend_from_slice(&tokens[who + 1..comma]);
    out.push(Token::new(".", TokenKind::Punct));
    out.extend(subject.iter().cloned());
    out.extend_from_slice(&tokens[comma + 1..end]);
    out.extend_from_slice(&tokens[end..]);
    out
}

/// The subject ("my sister Ana"), the index of "who" and of the comma that closes its clause.
fn find(tokens: &[Token]) -> Option<(Vec<Token>, usize, usize)> {
    let starts = |i: usize| i == 0 || is_sentence_end(&tokens[i - 1]);
    let my = (0..tokens.len()).find(|&i| starts(i) && tokens[i].lower == "my")?;
    let person = (my + 1..(my + 4).min(tokens.len())).find(|&k| {
        crate::kin::is_person(&tokens[k].lower) || has(lexicon::PETS, &tokens[k].lower)
    })?;
    // An optional name after the person: "my sister Ana".
    let named = tokens
        .get(person + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && t.text.starts_with(char::is_uppercase));
    let last = person + usize::from(named);
    let who = last + 2;
    let opens = tokens.get(last + 1).is_some_and(|t| t.is_punct(','))
        && tokens
            .get(who)
            .is_some_and(|t| matches!(t.lower.as_str(), "who" | "which"));
    if !opens {
        return None;
    }
    let comma = (who + 2..tokens.len())
        .take_while(|&i| !is_sentence_end(&tokens[i]))
        .find(|&i| tokens[i].is_punct(','))?;
    // Something must follow the clause: the main predicate.
    let rest = tokens.get(comma + 1)?;
    if rest.kind != TokenKind::Word {
        return None;
    }
    let mut subject: Vec<Token> = tokens[my..=last].to_vec();
    subject[0] = Token::new("My", TokenKind::Word);
    Some((subject, who, comma))
}

fn is_sentence_end(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text.as_str(), "." | "!" | "?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn rewritten(text: &str) -> String {
        let words: Vec<String> = split_who_clauses(tokenize(text))
            .into_iter()
            .map(|t| t.text.as_str().to_string())
            .collect();
        words.join(" ")
    }

    #[test]
    fn a_who_clause_about_the_users_people_is_a_sentence_of_its_own() {
        assert_eq!(
            rewritten("My sister Ana, who is a nurse, lives in Boston."),
            "My sister Ana is a nurse . My sister Ana lives in Boston ."
        );
        assert_eq!(
            rewritten("Honestly. My dog, which is 5, loves walks!"),
            "Honestly . My dog is 5 . My dog loves walks !"
        );
    }

    #[test]
    fn other_sentences_stay_as_they_are() {
        for text in [
            "My sister Ana is a nurse.",
            "My sister, who is a nurse.",
            "I met a man, who is a nurse, at work.",
        ] {
            assert_eq!(
                rewritten(text),
                tokenize(text)
                    .into_iter()
                    .map(|t| t.text.as_str().to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
    }
}
