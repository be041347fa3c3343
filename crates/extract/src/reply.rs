//! Replies: what a short answer says about its speaker, read with the other party's question
//! ("What's your favorite band?" "Roxy Music." → "My favorite band is Roxy Music."; "Do you
//! have any pets?" "No, not yet." → "I don't have pets."). The question only frames the
//! answer: nothing is learned from what the other party says about themselves.

use crate::clauses::sentences;
use crate::lexicon::{self, has};
use crate::render;
use crate::tokenize::{Token, TokenKind, tokenize};

/// Words that open an answer agreeing with a yes/no question.
const YES: &[&str] = &[
    "absolutely",
    "certainly",
    "definitely",
    "indeed",
    "sure",
    "totally",
    "ya",
    "yea",
    "yeah",
    "yep",
    "yes",
    "yup",
];

/// Words that open an answer denying a yes/no question.
const NO: &[&str] = &["nah", "never", "no", "nope"];

/// Verbs a "do you …?" question may ask about, whose answer is a fact about the speaker.
const ASKED_VERBS: &[&str] = &[
    "bake",
    "camp",
    "collect",
    "cook",
    "draw",
    "drink",
    "drive",
    "eat",
    "enjoy",
    "exercise",
    "fish",
    "garden",
    "go",
    "have",
    "hike",
    "hunt",
    "like",
    "listen",
    "live",
    "love",
    "own",
    "paint",
    "play",
    "practice",
    "read",
    "run",
    "sing",
    "smoke",
    "speak",
    "swim",
    "travel",
    "use",
    "volunteer",
    "watch",
    "work",
    "write",
];

/// Participles a "have you (ever) …?" question may ask about.
const ASKED_PARTICIPLES: &[&str] = &[
    "been",
    "considered",
    "done",
    "eaten",
    "gone",
    "had",
    "heard",
    "learned",
    "lived",
    "made",
    "met",
    "owned",
    "played",
    "read",
    "seen",
    "taken",
    "thought",
    "traveled",
    "travelled",
    "tried",
    "used",
    "visited",
    "watched",
    "worked",
];

/// What may follow "are you" without making a fact of the answer ("are you okay?").
const PASSING_STATES: &[&str] = &[
    "able", "allowed", "asking", "busy", "doing", "excited", "feeling", "free", "going", "happy",
    "joking", "kidding", "looking", "nervous", "ok", "okay", "planning", "ready", "sad", "saying",
    "scared", "serious", "still", "sure", "talking", "there", "thinking", "tired", "worried",
];

/// Words dropped from the question's predicate when it becomes the answerer's statement.
const QUESTION_ONLY: &[&str] = &[
    "any",
    "before",
    "currently",
    "else",
    "ever",
    "lately",
    "recently",
    "still",
    "too",
    "usually",
    "yet",
];

/// Words a short noun-phrase answer may start with before its content ("Oh, Roxy Music").
const ANSWER_FILLERS: &[&str] = &[
    "definitely",
    "hmm",
    "hmmm",
    "oh",
    "ooh",
    "probably",
    "um",
    "umm",
    "well",
];

/// The first-person statement a reply makes, read with the question before it, if the question
/// is one whose short answer is a fact about the one answering.
pub(crate) fn statement(question: &[Token], answer: &str) -> Option<String> {
    if let Some(said) = crate::short_answers::statement(question, answer) {
        return Some(said);
    }
    let asked = last_question(question)?;
    let answer_tokens = tokenize(answer);
    let first = sentences(&answer_tokens).into_iter().next()?;
    let q = |i: usize| asked.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let verdict = verdict(first);
    // "What's your favorite band?" "Roxy Music."
    if let Some(category) = favorite_asked(&asked) {
        let np = noun_phrase_answer(first)?;
        let category = render::join(category);
        let space = if category.is_empty() { "" } else { " " };
        return Some(format!("My favorite{space}{category} is {np}."));
    }
    match (q(0), q(1), q(2), q(3)) {
        ("where", "are", "you", "from") if asked.len() == 4 => {
            Some(format!("I am from {}.", place_answer(first)?))
        }
        ("where", "do", "you", "live")
            if asked.len() == 4 || has(NOW, q(4)) && asked.len() == 5 =>
        {
            Some(format!("I live in {}.", place_answer(first)?))
        }
        ("how", "many", ..) => {
            // "How many kids do you have?" "3, and a full time job." → "I have 3 kids."
            let you = asked.iter().position(|t| t.lower == "you")?;
            let thing = &asked[2..you.checked_sub(1)?];
            let verb = q(you + 1);
            let ok = q(you - 1) == "do"
                && matches!(verb, "have" | "own")
                && asked.len() == you + 2
                && (1..=2).contains(&thing.len())
                && thing
                    .iter()
                    .all(|t| t.kind == TokenKind::Word && t.lower != "of");
            ok.then_some(())?;
            let count = first.iter().find(|t| {
                t.kind == TokenKind::Number && t.lower.parse::<u32>().is_ok()
                    || lexicon::COUNTS
                        .iter()
                        .any(|(w, n)| *n > 1 && *w == t.lower.as_str() && *w != "twins")
            })?;
            Some(format!(
                "I {verb} {} {}.",
                count.lower,
                render::join(thing).to_lowercase()
            ))
        }
        ("how", "long", "have", "you") if verdict != Some(false) => {
            // "How long have you been playing the violin?" "Since I was six." → "I have been
            // playing the violin."
            if !has(HOW_LONG_VERBS, q(4)) {
                return None;
            }
            let mut end = asked.len();
            while end > 5 && has(STRANDED, &asked[end - 1].lower) {
                end -= 1;
            }
            let pointer = asked[4..end]
                .iter()
                .any(|t| has(&["it", "that", "them", "there", "this"], &t.lower));
            (!pointer && end > 5).then(|| format!("I have {}.", predicate(&asked[4..end])))
        }
        ("how", "old", "are", "you") if asked.len() == 4 => {
            let age = first.iter().find(|t| t.kind == TokenKind::Number)?;
            let years: u32 = age.lower.parse().ok()?;
            (1..120)
                .contains(&years)
                .then(|| format!("I am {years} years old."))
        }
        ("what", "kind" | "type" | "sort", "of", _) => {
            // "What kind of music do you like?" "Jazz."
            let you = asked.iter().position(|t| t.lower == "you")?;
            let verb = q(you + 1);
            let ok = q(you - 1) == "do"
                && has(ASKED_VERBS, verb)
                && asked.len() == you + 2
                && verb != "go";
            ok.then_some(())?;
            Some(format!("I {verb} {}.", noun_phrase_answer(first)?))
        }
        ("what", "do", "you", verb) if has(ASKED_VERBS, verb) && verb != "go" => {
            // "What do you fish for?" "Tuna." → "I fish for Tuna."
            let rest = object_slot(&asked[3..])?;
            Some(format!("I {rest} {}.", noun_phrase_answer(first)?))
        }
        ("what", "are", "you", verb) if verb.ends_with("ing") && !has(PASSING_STATES, verb) => {
            // "What are you studying?" "Sports medicine." → "I am studying sports medicine."
            let rest = object_slot(&asked[3..])?;
            Some(format!("I am {rest} {}.", noun_phrase_answer(first)?))
        }
        ("do", "you", ..) => {
            let mut at = 2;
            while has(&["also", "ever", "still", "usually"], q(at)) {
                at += 1;
            }
            if !has(ASKED_VERBS, q(at)) {
                return None;
            }
            let rest = predicate(&asked[at..]);
            // "Do you cook often?" "Every night." → "I cook every night."
            if verdict.is_none() {
                let how = asked[at..]
                    .iter()
                    .filter(|t| !has(crate::short_answers::HOW_OFTEN, &t.lower));
                let how: Vec<Token> = how.cloned().collect();
                return crate::short_answers::how_often(&predicate(&how), answer);
            }
            // "Do you still smoke?" "Not anymore." ends the habit.
            let still = asked[2..at].iter().any(|t| t.lower == "still");
            let no_more = first
                .iter()
                .any(|t| t.lower == "anymore" || t.lower == "longer");
            match verdict? {
                true => Some(format!("I {rest}.")),
                false if still || no_more => Some(format!("I don't {rest} anymore.")),
                false => Some(format!("I don't {rest}.")),
            }
        }
        ("are", "you", ..) if !has(PASSING_STATES, q(2)) && asked.len() > 2 => {
            let rest = predicate(&asked[2..]);
            match verdict? {
                true => Some(format!("I am {rest}.")),
                false => Some(format!("I am not {rest}.")),
            }
        }
        ("have", "you", ..) => {
            let at = if q(2) == "ever" { 3 } else { 2 };
            if !has(ASKED_PARTICIPLES, q(at)) || asked.len() <= at + 1 {
                return None;
            }
            let rest = predicate(&asked[at..]);
            match verdict? {
                true => Some(format!("I have {rest}.")),
                false => Some(format!("I have never {rest}.")),
            }
        }
        _ => None,
    }
}

/// What the other party takes for granted about the one answering: "How is your dog doing?"
/// asks after the answerer's dog, and an answer that does not deny it agrees they have one.
/// Each mention comes back as the answerer would say it ("my dog", "my two boys"), for the
/// reading of "my …" mentions; "your own …" (often advice: "start your own business") is not
/// taken for granted.
pub(crate) fn presupposed(question: &[Token], answer: &str) -> Vec<Vec<Token>> {
    if !question.iter().any(|t| t.lower == "your") {
        return Vec::new();
    }
    let answer_tokens = tokenize(answer);
    let denies = sentences(&answer_tokens)
        .into_iter()
        .next()
        .is_some_and(|first| verdict(first) == Some(false));
    if denies {
        return Vec::new();
    }
    let tokens = question;
    let mut out = Vec::new();
    for (at, t) in tokens.iter().enumerate() {
        if t.lower != "your" || tokens.get(at + 1).is_none_or(|n| n.lower == "own") {
            continue;
        }
        let mut mention = vec![Token::new("my", TokenKind::Word)];
        mention.extend(
            tokens[at + 1..]
                .iter()
                .take(4)
                .take_while(|n| {
                    n.kind != TokenKind::Punct && !matches!(n.lower.as_str(), "my" | "your")
                })
                .cloned(),
        );
        out.push(mention);
    }
    out
}

/// Participles a "how long have you …?" question may ask about: the answer says since when.
const HOW_LONG_VERBS: &[&str] = &["been", "had", "lived", "owned", "played", "worked"];

/// Prepositions a "what do you … ?" question may end with ("what do you fish for?").
const STRANDED: &[&str] = &["about", "at", "for", "in", "on", "to", "with"];

/// The verb of a "what do you <verb> (prep)?" question, with its stranded preposition, when
/// the answer fills its object and nothing else follows.
fn object_slot(tokens: &[Token]) -> Option<String> {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| !has(QUESTION_ONLY, &t.lower) && !has(&["days", "now", "these"], &t.lower))
        .collect();
    match words.as_slice() {
        [verb] => Some(verb.lower.to_string()),
        [verb, prep] if has(STRANDED, &prep.lower) => {
            Some(format!("{} {}", verb.lower, prep.lower))
        }
        _ => None,
    }
}

/// The question a turn ends with, from its last sentence ending in "?", without what comes
/// before a comma ("By the way, have you …"), when it asks about the one addressed only.
fn last_question(tokens: &[Token]) -> Option<Vec<Token>> {
    let sentence = sentences(tokens)
        .into_iter()
        .rev()
        .find(|s| s.last().is_some_and(|t| t.is_punct('?')))?;
    let body = &sentence[..sentence.len() - 1];
    let start = body
        .iter()
        .rposition(|t| t.is_punct(','))
        .map_or(0, |at| at + 1);
    let mut asked: Vec<Token> = Vec::with_capacity(body.len() - start);
    for t in &body[start..] {
        if asked.is_empty() && has(&["also", "and", "but", "so", "then", "well"], &t.lower) {
            continue;
        }
        match t.lower.as_str() {
            "what's" | "whats" => {
                asked.push(Token::new("what", TokenKind::Word));
                asked.push(Token::new("is", TokenKind::Word));
            }
            // Someone else's life or a choice between two: the answer says too little.
            "i" | "me" | "my" | "we" | "us" | "our" | "or" => return None,
            _ if t.kind == TokenKind::Punct => return None,
            _ => asked.push(t.clone()),
        }
    }
    // "you guys", "you and your wife": more than the one answering.
    let group = asked
        .windows(2)
        .any(|w| w[0].lower == "you" && has(&["all", "and", "both", "guys", "two"], &w[1].lower));
    // "Do you have anything in mind?": an answer to that names nothing.
    let vague = asked.iter().any(|t| has(VAGUE, &t.lower));
    let addressed = asked.iter().any(|t| t.lower == "you" || t.lower == "your");
    (addressed && !group && !vague).then_some(asked)
}

/// Indefinite pronouns: a yes to a question with one says nothing in particular.
const VAGUE: &[&str] = &[
    "anybody",
    "anyone",
    "anything",
    "anywhere",
    "somebody",
    "someone",
    "something",
    "somewhere",
];

/// "what is your (all time) favorite X": the category X.
fn favorite_asked(asked: &[Token]) -> Option<&[Token]> {
    let q = |i: usize| asked.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    if !matches!(q(0), "what" | "which") || !matches!(q(1), "is" | "are" | "was") || q(2) != "your"
    {
        return None;
    }
    let mut at = 3;
    while has(&["absolute", "all", "time", "very"], q(at)) {
        at += 1;
    }
    if !matches!(q(at), "favorite" | "fav" | "fave") {
        return None;
    }
    let category = &asked[at + 1..];
    (category.len() <= 3).then_some(category)
}

/// Whether the answer agrees (`Some(true)`), denies (`Some(false)`) or neither.
fn verdict(answer: &[Token]) -> Option<bool> {
    let w = |i: usize| answer.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    if has(YES, w(0)) || w(0) == "of" && w(1) == "course" {
        return Some(true);
    }
    if has(NO, w(0)) || w(0) == "not" && has(&["anymore", "really", "yet"], w(1)) {
        return Some(false);
    }
    if w(0) == "i" {
        // "I do!", "I have, but …", "I did too": the auxiliary alone answers.
        let ends = answer.get(2).is_none_or(|t| t.kind == TokenKind::Punct)
            || has(&["but", "though", "too"], w(2));
        return match (w(1), w(2)) {
            ("don't" | "haven't" | "didn't", _) | ("do" | "have" | "am", "not") => Some(false),
            ("do" | "have" | "am" | "did", _) if ends => Some(true),
            _ => None,
        };
    }
    None
}

/// The question's predicate as the answerer would say it: "have any pets" → "have pets", "like
/// your job" → "like my job".
fn predicate(tokens: &[Token]) -> String {
    let words: Vec<Token> = tokens
        .iter()
        .filter(|t| !has(QUESTION_ONLY, &t.lower))
        .map(|t| match t.lower.as_str() {
            "your" => Token::new("my", TokenKind::Word),
            "yours" => Token::new("mine", TokenKind::Word),
            "you" => Token::new("me", TokenKind::Word),
            "yourself" => Token::new("myself", TokenKind::Word),
            _ => t.clone(),
        })
        .collect();
    render::join(&words)
}

/// Words that ask about the present ("Where do you live now?").
const NOW: &[&str] = &["currently", "now", "today"];

/// A short answer that names a place: "Down in Florida." names Florida.
fn place_answer(sentence: &[Token]) -> Option<String> {
    let w = |i: usize| sentence.get(i).map_or("", |t| t.lower.as_str());
    // "Boston, but I'm moving to Denver": the place comes before the next clause.
    let cut = (1..sentence.len())
        .find(|&i| sentence[i].is_punct(',') && has(&["and", "but", "i", "though"], w(i + 1)));
    let sentence = &sentence[..cut.unwrap_or(sentence.len())];
    let lead = has(&["back", "down", "out", "over", "right", "up"], w(0))
        && has(&["by", "in", "near"], w(1));
    noun_phrase_answer(&sentence[if lead { 2 } else { 0 }..])
}

/// `words` without leading punctuation and `openers` ("Oh, jazz!" → "jazz !") and without
/// final punctuation.
pub(crate) fn trim_answer<'a>(mut words: &'a [Token], openers: &[&str]) -> &'a [Token] {
    while words
        .first()
        .is_some_and(|t| t.kind == TokenKind::Punct || has(openers, &t.lower))
    {
        words = &words[1..];
    }
    while words.last().is_some_and(|t| t.kind == TokenKind::Punct) {
        words = &words[..words.len() - 1];
    }
    words
}

/// A short answer that names something ("Roxy Music.", "Oh, jazz!"): up to five words, no
/// verb of its own, nothing about the speaker or the asker.
fn noun_phrase_answer(sentence: &[Token]) -> Option<String> {
    let words = trim_answer(sentence, ANSWER_FILLERS);
    let first = words.first()?;
    let refuses = has(YES, &first.lower)
        || has(NO, &first.lower)
        || has(
            &[
                "it", "it's", "not", "nothing", "thanks", "that", "that's", "the", "this", "what",
            ],
            &first.lower,
        );
    let about_someone = words.iter().any(|t| {
        t.is(lexicon::class::SUBJECT) && !has(&["her", "his", "their"], &t.lower)
            || t.is(lexicon::class::SECOND_PERSON)
            || t.kind == TokenKind::Punct && !matches!(t.text.as_str(), "'" | "&" | "-")
    });
    let verb = words.iter().any(|t| {
        has(lexicon::VERBS, &t.lower) && !has(&["dance", "fish", "garden", "rock"], &t.lower)
    });
    (!refuses && !about_someone && !verb && words.len() <= 5).then(|| render::join(words))
}

#[cfg(test)]
mod tests {
    use super::statement;

    #[test]
    fn answers_end_habits_and_name_places() {
        let said = |q: &str, a: &str| statement(&crate::tokenize::tokenize(q), a);
        assert_eq!(
            said("Do you still smoke?", "Not anymore."),
            Some("I don't smoke anymore.".to_string())
        );
        assert_eq!(
            said("Do you still smoke?", "No, I quit."),
            Some("I don't smoke anymore.".to_string())
        );
        assert_eq!(
            said("Where do you live now?", "Down in Florida."),
            Some("I live in Florida.".to_string())
        );
        assert_eq!(
            said(
                "Where do you live?",
                "Boston, but I'm moving to Denver next month."
            ),
            Some("I live in Boston.".to_string())
        );
    }

    #[test]
    fn short_answers_read_with_their_question() {
        let said = |q: &str, a: &str| statement(&crate::tokenize::tokenize(q), a);
        assert_eq!(
            said("Wow, so cool. What's your favorite band?", "Roxy music."),
            Some("My favorite band is Roxy music.".to_string())
        );
        assert_eq!(
            said("Do you have any pets?", "No, not yet."),
            Some("I don't have pets.".to_string())
        );
        assert_eq!(
            said("Do you like your job?", "Yes, very much!"),
            Some("I like my job.".to_string())
        );
        assert_eq!(
            said("Have you ever been to Paris?", "Nope."),
            Some("I have never been to Paris.".to_string())
        );
        assert_eq!(
            said("How old are you?", "I just turned 34."),
            Some("I am 34 years old.".to_string())
        );
        assert_eq!(
            said(
                "Have you ever thought about getting a dog?",
                "I have, but I rent."
            ),
            Some("I have thought about getting a dog.".to_string())
        );
        assert_eq!(
            said("Do you ever go fishing?", "I do! I throw a line out."),
            Some("I go fishing.".to_string())
        );
        // An answer that goes on with its own predicate is read as said, not as a yes.
        assert_eq!(said("Do you ever go fishing?", "I do like boats."), None);
        assert_eq!(
            said("What do you fish for?", "Tuna."),
            Some("I fish for Tuna.".to_string())
        );
        assert_eq!(
            said("Cool! What are you studying?", "Sports medicine."),
            Some("I am studying Sports medicine.".to_string())
        );
        // The answer must fill the object: not a sentence, not a question with more after it.
        assert_eq!(said("What are you studying?", "It is hard to say."), None);
        assert_eq!(said("What do you play on weekends?", "Golf."), None);
        assert_eq!(said("What are you doing?", "Cooking."), None);
        // Not a question about the one answering, a choice, or an answer that says nothing.
        assert_eq!(said("Have I told you about my dog?", "No."), None);
        assert_eq!(said("Do you like cats or dogs?", "Yes."), None);
        assert_eq!(
            said("What's your favorite band?", "That's a hard one."),
            None
        );
        assert_eq!(said("Are you okay?", "Yes."), None);
        assert_eq!(
            said("How many kids do you have?", "3, and a full time job."),
            Some("I have 3 kids.".to_string())
        );
        assert_eq!(
            said("Wow! How many horses do you own?", "Eight at the moment."),
            Some("I own eight horses.".to_string())
        );
        assert_eq!(said("How many of them do you have?", "About 80."), None);
        assert_eq!(
            said(
                "How long have you been playing the violin?",
                "Since I was six."
            ),
            Some("I have been playing the violin.".to_string())
        );
        assert_eq!(
            said("How long have you been a vegan for?", "Seven years."),
            Some("I have been a vegan.".to_string())
        );
        assert_eq!(said("How long have you been doing that?", "Years."), None);
        assert_eq!(
            said("How long have you been married?", "No, I'm single."),
            None
        );
        assert_eq!(said("How many kids do you have?", "None yet."), None);
        assert_eq!(said("I love jazz.", "Me too."), None);
    }
}
