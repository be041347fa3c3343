//! Sentences and clauses. A sentence ends at `.`, `!`, `?` or `;`; inside it, a clause starts
//! at a conjunction or comma that is followed by a new subject ("…, and I live in Ohio").

use crate::lexicon::{class, has};
use crate::tokenize::{Token, TokenKind};

/// One clause, with whether it asks something.
#[derive(Debug, Clone)]
pub struct Clause<'t> {
    /// The clause's tokens, without the joining conjunction and final punctuation.
    pub tokens: Vec<&'t Token>,
    /// The clause is (part of) a question.
    pub question: bool,
    /// The clause is a condition ("if …", "I wish …") or the consequent of one.
    pub sentence_has_condition: bool,
}

/// Words of a consequent ("… I would buy a boat").
pub(crate) const MODALS: &[&str] = &["could", "might", "should", "will", "would"];

/// Words after which a mid-sentence "I" does not start a new clause ("I think I …").
pub(crate) const KEEPS_I: &[&str] = &[
    "after",
    "although",
    "and",
    "as",
    "because",
    "before",
    "believe",
    "bet",
    "but",
    "cause",
    "cuz",
    "feel",
    "feels",
    "figured",
    "glad",
    "guess",
    "hope",
    "hopefully",
    "how",
    "if",
    "know",
    "like",
    "maybe",
    "mean",
    "means",
    "now",
    "once",
    "or",
    "probably",
    "reckon",
    "said",
    "say",
    "since",
    "so",
    "sorry",
    "suppose",
    "sure",
    "swear",
    "than",
    "that",
    "then",
    "think",
    "though",
    "thought",
    "till",
    "unless",
    "until",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "wish",
];

/// Splits tokens into clauses, keeping those with "I", "my" or "we" in them, or a mention of the
/// speaker's household ("our dog", "the kids") outside a question.
pub fn clauses(tokens: &[Token]) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    for sentence in sentences(tokens) {
        let asks = sentence.last().is_some_and(|t| t.is_punct('?'));
        let ends = sentence.last().is_some_and(|t| {
            t.kind == TokenKind::Punct && matches!(t.text.as_str(), "." | "!" | "?" | ";")
        });
        let body: Vec<&Token> = sentence[..sentence.len() - usize::from(ends)]
            .iter()
            .collect();
        let pieces = split_at_new_subjects(&body);
        let last = pieces.len().saturating_sub(1);
        // A condition taints its own clause and the consequent right after it.
        let mut after_condition = false;
        for (i, piece) in pieces.into_iter().enumerate() {
            if piece.is_empty() {
                continue;
            }
            // A condition before the speaker's subject ("if I were rich …", "I wish …") taints the
            // clause; one after it ("I enjoy the beach, so if …") is cut off by the cleaner.
            let subject = piece
                .iter()
                .position(|t| matches!(t.lower.as_str(), "i" | "my" | "we"))
                .unwrap_or(piece.len());
            let condition = piece.iter().enumerate().any(|(at, t)| {
                t.is(class::CONDITION) && (at < subject || at == subject + 1 && t.lower == "wish")
            });
            let modal = piece.iter().any(|t| t.is(class::MODAL));
            let starts_question = piece[0].is(class::QUESTION_START);
            // Only clauses with "I", "my" or "we", or the speaker's household (below), can say
            // something about the speaker.
            let first_person = piece
                .iter()
                .any(|t| matches!(t.lower.as_str(), "i" | "my" | "we"));
            let question = starts_question || (asks && i == last);
            // "Our dog is sick", "The kids and I went …" (cut before "and I"), "Tough getting
            // the kids to school": the speaker's household without "I" or "my" in the clause.
            // Not in a question ("How are the kids?" asks about the other party's).
            let mentions = !question
                && piece.iter().enumerate().any(|(at, t)| {
                    crate::patterns::opens_mention(
                        &t.lower,
                        piece.get(at + 1).map(|n| n.lower.as_str()),
                    )
                });
            if first_person || mentions {
                out.push(Clause {
                    question,
                    sentence_has_condition: condition || after_condition && modal,
                    tokens: piece,
                });
            }
            after_condition = condition;
        }
    }
    out
}

/// Auxiliaries that start a question after "and" only with a subject of their own ("and
/// have you …?"); without one they continue the clause's subject ("I'm 42 and have three
/// grandkids").
const AUXILIARIES: &[&str] = &["did", "do", "does", "have"];

/// Words that can be an auxiliary's own subject ("have you", "did she", "do the kids").
const OWN_SUBJECTS: &[&str] = &[
    "he", "i", "it", "my", "our", "she", "that", "the", "there", "they", "this", "we", "you",
    "your",
];

/// Whether the words after "and" go on with the clause's subject ("I"): an auxiliary without a
/// subject of its own ("… and have three grandkids").
fn shares_the_subject(after: &[&Token]) -> bool {
    let w = |i: usize| after.get(i).map_or("", |t| t.lower.as_str());
    has(AUXILIARIES, w(0)) && !has(OWN_SUBJECTS, w(1)) && !w(1).is_empty()
}

/// Verbs a casual sentence may start with, its "I" left out ("Love going to the beach.",
/// "Just turned 30.", "Working at my mom's coffee shop.").
pub(crate) const SUBJECTLESS: &[&str] = &[
    "adore", "enjoy", "enjoyed", "going", "hate", "love", "loved", "moved", "started", "turned",
    "working",
];

/// Whether a sentence of the text starts with one of [`SUBJECTLESS`] (a byte scan, before
/// tokenizing).
pub(crate) fn has_subjectless_start(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            let end = bytes[i..]
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .map_or(bytes.len(), |n| i + n);
            if at_start {
                let word = text[i..end].to_ascii_lowercase();
                if has(SUBJECTLESS, &word) {
                    return true;
                }
                // Fillers keep the sentence start open: "Oh, just turned 30".
                at_start = has(
                    &[
                        "also", "and", "just", "oh", "really", "so", "still", "well", "yeah", "yes",
                    ],
                    &word,
                );
            }
            i = end;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?' | b';') {
            at_start = true;
        }
        i += 1;
    }
    false
}

/// Supplies the "I" a casual sentence leaves out ("Love going to the beach." → "I love going to
/// the beach."; "Working at my mom's shop." → "I am working …"), unless it asks something, its
/// object only points back ("Love it!") or the word is a noun of a coordinated subject ("Love
/// and acceptance should be everyone's right.").
pub(crate) fn supply_subjects(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len() + 4);
    for sentence in sentences(&tokens) {
        let asks = sentence.last().is_some_and(|t| t.is_punct('?'));
        let start = sentence
            .iter()
            .position(|t| t.kind != TokenKind::Punct && !t.is(class::LEADING_FILLER))
            .unwrap_or(sentence.len());
        let verb = sentence.get(start);
        let object = sentence.get(start + 1);
        let bare = !asks
            && verb.is_some_and(|v| has(SUBJECTLESS, &v.lower))
            && object.is_some_and(|o| {
                o.kind == TokenKind::Word
                    && !has(&["and", "or"], &o.lower)
                    && !has(crate::lexicon::ANAPHORS, &o.lower)
                    && !o.is(class::SECOND_PERSON)
                    && !has(&["her", "him", "me", "my", "us"], &o.lower)
            });
        for (i, t) in sentence.iter().enumerate() {
            if bare && i == start {
                out.push(Token::new("I", TokenKind::Word));
                if t.lower.ends_with("ing") {
                    out.push(Token::new("am", TokenKind::Word));
                }
            }
            if bare && i == start {
                // "Love" was capitalized as the sentence's first word; after "I" it is not.
                out.push(Token::new(&t.lower, t.kind));
            } else {
                out.push(t.clone());
            }
        }
    }
    out
}

/// Words that a period follows without ending the sentence ("St. Mary's").
const ABBREVIATIONS: &[&str] = &[
    "dr", "ft", "jr", "mr", "mrs", "ms", "mt", "no", "sr", "st", "vs",
];

/// Splits tokens into sentences, each with its final punctuation.
pub(crate) fn sentences(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let ends = t.kind == TokenKind::Punct && matches!(t.text.as_str(), "." | "!" | "?" | ";");
        let abbreviation = t.text == "."
            && i > 0
            && has(ABBREVIATIONS, tokens[i - 1].lower.as_str())
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.text.chars().next().is_some_and(char::is_uppercase));
        if ends && !abbreviation {
            out.push(&tokens[start..=i]);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(&tokens[start..]);
    }
    out
}

/// Cuts a sentence before each joiner (conjunction or comma) that a subject follows, and at
/// dashes and colons; leaves out relative clauses without "that" ([`crate::relative`]).
fn split_at_new_subjects<'t>(body: &[&'t Token]) -> Vec<Vec<&'t Token>> {
    let mut pieces: Vec<Vec<&Token>> = vec![Vec::new()];
    let mut relative: Vec<usize> = Vec::new();
    // "Every morning(,) I run": the subject after a fronted frequency starts no new clause.
    let fronted = crate::fronted::phrase_len(body);
    let mut i = 0;
    while i < body.len() {
        let t = body[i];
        if fronted.is_some_and(|n| i == n || i == n + 1 && body[n].is_punct(',')) {
            pieces.last_mut().expect("one piece at least").push(t);
            i += 1;
            continue;
        }
        if t.kind == TokenKind::Punct && matches!(t.text.as_str(), "-" | ":" | "(" | ")" | "\"") {
            pieces.push(Vec::new());
            i += 1;
            continue;
        }
        // A run-on "… the same I enjoy Beethoven": a new "I" after a content word. When it is
        // a relative clause of that word ("the support I've got from friends"), the piece is
        // cut off too but says nothing of its own.
        if t.lower == "i"
            && i > 1
            && body[i - 1].kind == TokenKind::Word
            && !body[i - 1].is(class::KEEPS_I)
        {
            let relative_clause = crate::relative::is_reduced_relative(&body[i..]);
            // "how far I've come", "how lucky I am" belong to the clause they are in ("you
            // know how much I love Italy" does not).
            let inside_how = body[i - 2].lower == "how"
                && (relative_clause
                    || body
                        .get(i + 1)
                        .is_some_and(|v| has(&["am", "was"], &v.lower)));
            if !inside_how {
                pieces.push(Vec::new());
                if relative_clause {
                    relative.push(pieces.len() - 1);
                }
            }
        }
        let is_joiner = t.is_punct(',') || t.is(class::JOINER);
        if is_joiner {
            // Skip a run of joiners (", and so"), then look at what follows.
            let mut j = i;
            while j < body.len() && (body[j].is_punct(',') || body[j].is(class::JOINER)) {
                j += 1;
            }
            // "…, but rock is my favorite": a favorite named after the joiner is a new subject.
            let starts_subject = body.get(j).is_some_and(|n| n.is(class::SUBJECT))
                && !(body[j - 1].lower == "and"
                    && pieces
                        .last()
                        .is_some_and(|p| p.iter().any(|t| t.lower == "i"))
                    && shares_the_subject(&body[j..]))
                || j < body.len() && crate::clean::names_a_favorite(&body[j..]);
            // "I also have a dog": after a lone subject the joiner is an adverb, not a cut.
            let lone_subject = !t.is_punct(',')
                && pieces
                    .last()
                    .is_some_and(|p| p.len() == 1 && matches!(p[0].lower.as_str(), "i" | "we"));
            if !lone_subject && (starts_subject || t.is_punct(',') && j >= body.len()) {
                pieces.push(Vec::new());
                // "…, which I use for painting", "the car that I bought": a relative clause.
                if has(&["that", "which"], &body[j - 1].lower)
                    && body[j].lower == "i"
                    && crate::relative::is_reduced_relative(&body[j..])
                {
                    relative.push(pieces.len() - 1);
                }
                i = j;
                continue;
            }
        }
        pieces.last_mut().expect("one piece at least").push(t);
        i += 1;
    }
    for &r in relative.iter().rev() {
        pieces.remove(r);
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn texts(text: &str) -> Vec<(String, bool)> {
        clauses(&tokenize(text))
            .into_iter()
            .map(|c| {
                let words: Vec<&str> = c.tokens.iter().map(|t| t.text.as_str()).collect();
                (words.join(" "), c.question)
            })
            .collect()
    }

    #[test]
    fn splits_at_new_subjects_and_marks_questions() {
        assert_eq!(
            texts("I have a jeep and I love it, do you? I enjoy running and walking. Do I?"),
            [
                ("I have a jeep".to_string(), false),
                ("I love it".to_string(), false),
                ("I enjoy running and walking".to_string(), false),
                ("Do I".to_string(), true),
            ]
        );
    }

    #[test]
    fn a_relative_clause_stays_with_its_noun() {
        let words = |text: &str| -> Vec<String> { texts(text).into_iter().map(|c| c.0).collect() };
        assert_eq!(
            words("I'm grateful for all the support I've got from friends."),
            ["I am grateful for all the support"]
        );
        assert_eq!(
            words("I'm proud of how far I've come."),
            ["I am proud of how far I have come"]
        );
        assert_eq!(
            words("I have a dog I take with me. The support I got was great."),
            ["I have a dog"]
        );
        assert_eq!(
            words("I took a break from pottery, which I use for self-expression."),
            ["I took a break from pottery"]
        );
        assert_eq!(words("I think that I love her."), ["I think", "I love her"]);
        // A run-on: the verb after the new "I" has its object.
        assert_eq!(
            words("I love music the same I enjoy Beethoven."),
            ["I love music the same", "I enjoy Beethoven"]
        );
    }

    #[test]
    fn a_subject_is_supplied_only_to_a_verb() {
        let supplied = |text: &str| -> String {
            let words: Vec<String> = supply_subjects(tokenize(text))
                .into_iter()
                .map(|t| t.text.as_str().to_string())
                .collect();
            words.join(" ")
        };
        assert_eq!(supplied("Love hiking."), "I love hiking .");
        assert_eq!(
            supplied("Love and acceptance matter."),
            "Love and acceptance matter ."
        );
    }
}
