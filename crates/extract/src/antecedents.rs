//! Subject pronouns that stand for one of the speaker's people. "My dad is a pilot, he flies to
//! Tokyo." says "my dad flies to Tokyo"; "How old is your son?" "He is 11." says "My son is
//! 11.". A "he", "she" or "they" starting a clause is read as the person the speaker last
//! named with "my …" or "I have a …" in the same turn (or the other party named with "your …"
//! in the question), when that person fits the pronoun.

use crate::kin;
use crate::lexicon::{class, has};
use crate::tokenize::{Token, TokenKind};

/// People "he" stands for.
const MEN: &[&str] = &[
    "bf",
    "boyfriend",
    "brother",
    "dad",
    "father",
    "fiance",
    "grandfather",
    "grandpa",
    "grandson",
    "hubby",
    "husband",
    "nephew",
    "son",
    "stepson",
    "uncle",
];

/// People "she" stands for.
const WOMEN: &[&str] = &[
    "aunt",
    "daughter",
    "fiancee",
    "gf",
    "girlfriend",
    "granddaughter",
    "grandma",
    "grandmother",
    "mom",
    "mother",
    "mum",
    "niece",
    "sister",
    "stepdaughter",
    "wife",
    "wifey",
];

/// People "they" stands for.
const GROUPS: &[&str] = &[
    "brothers",
    "children",
    "cousins",
    "coworkers",
    "daughters",
    "friends",
    "grandchildren",
    "grandkids",
    "kids",
    "neighbors",
    "parents",
    "siblings",
    "sisters",
    "sons",
];

/// A person named with "my …": who they are to the speaker ("sister") and their name, if it
/// followed ("my sister Lena").
#[derive(Debug, Clone)]
struct Person {
    word: Token,
    name: Option<Token>,
}

/// The person each subject pronoun would stand for now.
#[derive(Debug, Clone, Default)]
pub(crate) struct Antecedents {
    he: Option<Person>,
    she: Option<Person>,
    they: Option<Person>,
}

impl Antecedents {
    /// The people the other party's turn names with "your …" ("How old is your son?"): the
    /// answerer's own, for a "he" that answers.
    pub(crate) fn named_in_question(question: &[Token]) -> Self {
        let mut known = Self::default();
        known.note_mentions(question, "your");
        known
    }

    /// Whether no pronoun has anyone to stand for.
    pub(crate) fn is_empty(&self) -> bool {
        self.he.is_none() && self.she.is_none() && self.they.is_none()
    }

    /// Notes every person named by `owner` ("my" or "your") and one word at most ("my little
    /// brother") in `tokens`, the last one winning.
    fn note_mentions(&mut self, tokens: &[Token], owner: &str) {
        for at in 0..tokens.len() {
            if tokens[at].lower == owner {
                self.note_mention(tokens, at);
            }
        }
    }

    /// Notes the person a possessive at `at` names, if any.
    fn note_mention(&mut self, tokens: &[Token], at: usize) {
        let found = tokens[at + 1..]
            .iter()
            .take(2)
            .take_while(|t| t.kind == TokenKind::Word)
            .position(|t| kin::is_person(&t.lower));
        let Some(offset) = found else { return };
        let word = tokens[at + 1 + offset].lower.as_str();
        // "my sister Lena": a capitalized word right after is the person's name.
        let name = tokens
            .get(at + 2 + offset)
            .filter(|t| is_a_name(t))
            .cloned();
        let person = Some(Person {
            word: Token::new(word, TokenKind::Word),
            name,
        });
        // "my mother-in-law" is a "she" as "my mother" is; "my in-laws" are a "they".
        let kind = kin::plain(word);
        if has(GROUPS, kind) || word == "in-laws" {
            self.they = person;
        } else if has(WOMEN, kind) {
            self.she = person;
        } else if has(MEN, kind) {
            self.he = person;
        } else if word != "family" {
            // "my friend", "my boss": either.
            self.he = person.clone();
            self.she = person;
        }
    }

    /// The person a subject pronoun (maybe contracted: "he's") stands for, and the verb its
    /// contraction stood for.
    fn stands_for(&self, pronoun: &str, next: &str) -> Option<(&Person, Option<&'static str>)> {
        let (who, verb) = match pronoun {
            "he" | "she" | "they" => (pronoun, None),
            "he's" | "she's" => (
                &pronoun[..pronoun.len() - 2],
                // "he's been …", "she's got …": has.
                Some(if matches!(next, "been" | "got" | "gotten") {
                    "has"
                } else {
                    "is"
                }),
            ),
            "they're" => ("they", Some("are")),
            "they've" => ("they", Some("have")),
            "he'll" | "she'll" | "they'll" => (pronoun.split('\'').next()?, Some("will")),
            _ => return None,
        };
        let person = match who {
            "he" => self.he.as_ref(),
            "she" => self.she.as_ref(),
            _ => self.they.as_ref(),
        }?;
        Some((person, verb))
    }
}

/// Whether a token is a name: a capitalized word that is not "I" or another person word.
fn is_a_name(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && t.text.starts_with(char::is_uppercase)
        && t.lower != "i"
        && !kin::is_person(&t.lower)
}

/// Conjunctions a clause with its own subject may follow ("…, and she works nights"); not
/// relatives ("games that they play").
const CLAUSE_JOINERS: &[&str] = &[
    "also", "although", "and", "because", "but", "cause", "cuz", "plus", "since", "so", "though",
];

/// Whether the token before a pronoun lets it start a clause: the text's start, a sentence's
/// end, a comma, a conjunction or an interjection ("Yeah she …").
fn starts_clause(before: Option<&Token>) -> bool {
    before.is_none_or(|b| {
        b.kind == TokenKind::Punct && matches!(b.text.as_str(), "." | "!" | ";" | ",")
            || has(CLAUSE_JOINERS, &b.lower)
            || b.is(class::LEADING_FILLER)
    })
}

/// `tokens` with each clause-starting "he", "she" or "they" that stands for one of the speaker's
/// people replaced by "my <person>" ("he's" by "my dad is"), starting from the people `known`
/// (from the question) and noting each "my <person>" on the way. Returned as given when nothing
/// is replaced.
pub(crate) fn resolve_subject_pronouns(tokens: Vec<Token>, mut known: Antecedents) -> Vec<Token> {
    let mut replaced: Option<Vec<Token>> = None;
    for at in 0..tokens.len() {
        let t = &tokens[at];
        // "my sister", or "I have a sister" / "I have two sons".
        let introduces = t.lower == "my"
            || at > 0
                && matches!(tokens[at - 1].lower.as_str(), "have" | "has" | "got")
                && crate::clean::is_counted(t);
        if introduces {
            known.note_mention(&tokens, at);
            if let Some(out) = replaced.as_mut() {
                out.push(t.clone());
            }
            continue;
        }
        let next = tokens.get(at + 1);
        let resolved = next
            .filter(|n| n.kind == TokenKind::Word && !n.is(class::SECOND_PERSON))
            .filter(|_| starts_clause(at.checked_sub(1).map(|b| &tokens[b])))
            .and_then(|n| known.stands_for(&t.lower, &n.lower));
        match resolved {
            Some((person, verb)) => {
                let out = replaced.get_or_insert_with(|| tokens[..at].to_vec());
                let sentence_start = at == 0 || tokens[at - 1].kind == TokenKind::Punct;
                let my = if sentence_start && t.text.starts_with(char::is_uppercase) {
                    "My"
                } else {
                    "my"
                };
                out.push(Token::new(my, TokenKind::Word));
                out.push(person.word.clone());
                out.extend(person.name.clone());
                if let Some(verb) = verb {
                    out.push(Token::new(verb, TokenKind::Word));
                }
            }
            None => {
                if let Some(out) = replaced.as_mut() {
                    out.push(t.clone());
                }
            }
        }
    }
    replaced.unwrap_or(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn resolved(text: &str, question: &str) -> String {
        let known = Antecedents::named_in_question(&tokenize(question));
        let tokens = resolve_subject_pronouns(tokenize(text), known);
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        words.join(" ")
    }

    #[test]
    fn a_pronoun_after_my_person_is_that_person() {
        assert_eq!(
            resolved("My uncle is a baker, he's up at four.", ""),
            "My uncle is a baker , my uncle is up at four ."
        );
        assert_eq!(
            resolved("I miss my parents. They live in Peru.", ""),
            "I miss my parents . My parents live in Peru ."
        );
        assert_eq!(
            resolved(
                "My sister Lena is a teacher and she keeps sending me recipes.",
                ""
            ),
            "My sister Lena is a teacher and my sister Lena keeps sending me recipes ."
        );
        assert_eq!(
            resolved("I have a niece, she paints.", ""),
            "I have a niece , my niece paints ."
        );
        assert_eq!(
            resolved("He is only 11.", "How old is your nephew?"),
            "My nephew is only 11 ."
        );
    }

    #[test]
    fn a_pronoun_that_does_not_fit_or_has_no_person_stays() {
        // "she" cannot be the uncle; no one named before "he"; "they" as an object.
        assert_eq!(
            resolved("My uncle is a baker, she said so.", ""),
            "My uncle is a baker , she said so ."
        );
        assert_eq!(resolved("He is a baker.", "Is he nice?"), "He is a baker .");
        assert_eq!(
            resolved("My kids love games that they play.", ""),
            "My kids love games that they play ."
        );
    }
}
