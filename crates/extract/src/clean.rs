//! From a clause to a clean first-person statement: drops questions, conditionals and talk
//! about the other speaker, strips interjections, fillers and hedging prefixes ("I think …"),
//! and cuts subordinate tails ("… because it's cheap").

use crate::clauses::Clause;
use crate::lexicon::{self, class, has};
use crate::tokenize::{Token, TokenKind};

/// A clause that may reveal something about its speaker, starting with "I" or "My".
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The cleaned words.
    pub tokens: Vec<Token>,
    /// The speaker hedged ("I think", "maybe", "probably").
    pub hedged: bool,
}

/// Words that end the useful part of a clause.
pub(crate) const TAIL_STARTS: &[&str] = &[
    "although",
    "because",
    "but",
    "cause",
    "cuz",
    "especially",
    "except",
    "haha",
    "hahaha",
    "if",
    "lol",
    "since",
    "though",
    "unless",
    "until",
    "when",
    "whenever",
    "whereas",
    "which",
    "while",
];

/// Words after which "so" starts a consequence, not a degree ("so no cheese for me", "so
/// please …"; not "so much", "so tired").
const AFTER_SO: &[&str] = &["it's", "no", "please", "that's", "there's"];

/// Punctuation kept inside a clause (a period inside a sentence follows an abbreviation).
const KEPT_PUNCT: &[&str] = &["$", "%", "&", "'", "."];

/// Words dropped at the end of a clause.
const TRAILING: &[&str] = &[
    "also", "anyway", "either", "haha", "lately", "lol", "now", "nowadays", "still", "though",
    "too",
];

/// What "we" may do in a clause that tells about the speaker's household ("we have two kids").
const WE_VERBS: &[&str] = &["adopted", "bought", "got", "have", "live", "moved", "own"];

/// Adverbs between "we" and such a verb ("we just bought a house", "we finally got a dog").
const WE_ADVERBS: &[&str] = &["also", "finally", "just", "recently"];

/// "Roxy Music is my favorite band", "FFDP is one of my all time favorite bands": a short
/// subject, a copula, then "my favorite".
pub(crate) fn names_a_favorite(tokens: &[&Token]) -> bool {
    let lower = |i: usize| tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    (1..5).any(|i| {
        matches!(lower(i), "is" | "are" | "was")
            && favorite_after(&|j| lower(j), i + 1).is_some()
            && !tokens[..i]
                .iter()
                .any(|t| has(lexicon::ANAPHORS, &t.lower) || t.lower == "i")
    })
}

/// Where the category starts when "my favorite" (or "one of my favorite", "my all time
/// favorite") begins at `at`.
pub(crate) fn favorite_after<'a>(lower: &dyn Fn(usize) -> &'a str, at: usize) -> Option<usize> {
    let mut i = at;
    if lower(i) == "one" && lower(i + 1) == "of" {
        i += 2;
    }
    if lower(i) != "my" {
        return None;
    }
    i += 1;
    while matches!(
        lower(i),
        "all" | "time" | "all-time" | "absolute" | "personal" | "very"
    ) {
        i += 1;
    }
    matches!(
        lower(i),
        "favorite" | "favorites" | "fave" | "fav" | "favourite"
    )
    .then_some(i + 1)
}

/// Whether a finite "be" or "have" comes within the next few words, after a noun phrase.
fn new_predicate_follows(rest: &[&Token]) -> bool {
    rest.iter().take(5).skip(1).any(|t| {
        matches!(
            t.lower.as_str(),
            "is" | "are" | "was" | "were" | "has" | "seems"
        )
    })
}

/// Cleans a clause into the statements it makes about its speaker: none when it cannot be a fact
/// about them, two or more when one subject has several predicates ("I'm a reader and go
/// through a novel a week": "I am a reader", "I go through a novel a week").
pub fn clean_all(clause: &Clause<'_>) -> Vec<Cleaned> {
    if clause.question || clause.sentence_has_condition {
        return Vec::new();
    }
    let mut out = Vec::new();
    let (first, mut rest) = clean_tokens(&clause.tokens);
    out.extend(first);
    let subject = Token::new("I", TokenKind::Word);
    let have = Token::new("have", TokenKind::Word);
    while let Some(start) = rest {
        // The second predicate, with the subject it shares: "I" + "go through a novel …".
        let mut tokens: Vec<&Token> = Vec::with_capacity(clause.tokens.len() - start + 2);
        tokens.push(&subject);
        if is_counted(clause.tokens[start]) {
            // "… and two dogs": the object of the first predicate's "have".
            tokens.push(&have);
        }
        let supplied = tokens.len();
        tokens.extend(clause.tokens[start..].iter().copied());
        let (next, after) = clean_tokens(&tokens);
        out.extend(next);
        rest = after.map(|at| start + at - supplied);
    }
    out
}

/// Verbs after which "you" starts a run-on clause ("… you would love it").
const YOU_VERBS: &[&str] = &[
    "are", "can", "could", "do", "have", "know", "might", "must", "need", "should", "were", "will",
    "would",
];

/// Words after which "you" is an object or a subordinate subject, not a run-on ("tell you",
/// "hope you", "than you").
const BEFORE_YOU: &[&str] = &[
    "about", "and", "as", "ask", "asked", "at", "bet", "but", "by", "for", "from", "give", "guess",
    "help", "hope", "how", "if", "know", "let", "like", "love", "make", "miss", "of", "or", "see",
    "show", "so", "tell", "than", "thank", "that", "think", "to", "told", "unless", "want", "what",
    "when", "where", "whether", "which", "while", "who", "wish", "with",
];

/// Adverbs of frequency that may come before the subject ("Usually I run at night").
const FRONTED_ADVERBS: &[&str] = &[
    "generally",
    "mainly",
    "mostly",
    "normally",
    "occasionally",
    "often",
    "sometimes",
    "typically",
    "usually",
];

/// Adverbs of time that may come before the subject ("Recently I started running").
const FRONTED_TIMES: &[&str] = &["currently", "finally", "now", "recently"];

/// Times that may come before the subject and read best after the predicate ("Yesterday I
/// went fishing" → "I went fishing yesterday").
const DAY_TIMES: &[&str] = &["lately", "nowadays", "today", "tonight", "yesterday"];

/// Words that may stand between a joiner and the verb it coordinates ("and then went").
const BEFORE_COORDINATED_VERB: &[&str] = &[
    "actually",
    "also",
    "always",
    "even",
    "just",
    "now",
    "often",
    "really",
    "recently",
    "sometimes",
    "still",
    "then",
    "usually",
];

/// Whether a token counts what follows: "a", "two", "3".
pub(crate) fn is_counted(t: &Token) -> bool {
    t.kind == TokenKind::Number || lexicon::COUNTS.iter().any(|(w, _)| *w == t.lower.as_str())
}

/// "I've got a dog", "I have got two kids": "got" after "have" before what is had says "have"
/// ("I have a dog"); not "I've got to go", "I have got into knitting".
fn is_possessive_got(tokens: &[&Token], i: usize, so_far: &[Token]) -> bool {
    tokens[i].lower == "got"
        && so_far.last().is_some_and(|t| t.lower == "have")
        && tokens.get(i + 1).is_some_and(|n| {
            n.lower != "the" && has(lexicon::DETERMINERS, &n.lower) || is_counted(n)
        })
}

/// Where a second predicate of the clause's subject starts, when the joiner at `at` (",",
/// "and", "but") is followed by a verb: "I'm a reader and go through a novel a week".
fn coordinated_verb(tokens: &[&Token], at: usize, so_far: &[Token]) -> Option<usize> {
    // Infinitives, modals and negations would not carry over ("I want to travel and see …").
    let blocked = so_far.iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "to" | "not" | "never" | "don't" | "didn't" | "can't" | "won't"
        ) || t.is(class::MODAL)
    });
    if blocked || so_far.first().is_none_or(|t| t.lower != "i") {
        return None;
    }
    // "I have three kids and two dogs": a second counted object of "have" is a second statement
    // ("I have two dogs"; `clean_all` supplies the verb).
    let counted = |t: Option<&Token>| t.is_some_and(is_counted);
    if so_far.get(1).is_some_and(|t| t.lower == "have")
        && counted(so_far.get(2))
        && counted(tokens.get(at + 1).copied())
        && tokens
            .get(at + 2)
            .is_some_and(|t| t.kind == TokenKind::Word)
    {
        return Some(at + 1);
    }
    let mut j = at + 1;
    while tokens
        .get(j)
        .is_some_and(|t| has(BEFORE_COORDINATED_VERB, &t.lower) || t.lower == "and")
    {
        j += 1;
    }
    let verb = tokens.get(j)?;
    // Right after a comma "like" gives an example: "I drink too much coffee, like four cups a
    // day".
    if verb.lower == "like" && j == at + 1 && tokens[at].is_punct(',') {
        return None;
    }
    // The verb must take something: "I love food and travel" coordinates nouns.
    let object = tokens
        .get(j + 1)
        .is_some_and(|t| t.kind != TokenKind::Punct);
    let past_first = so_far.get(1).is_some_and(|t| {
        has(lexicon::PAST_VERBS, &t.lower) || t.lower.ends_with("ed") && t.lower.len() > 4
    });
    let is_verb = has(lexicon::VERBS, &verb.lower)
        || has(lexicon::PAST_VERBS, &verb.lower)
        || past_first && verb.lower.ends_with("ed") && verb.lower.len() > 4;
    (is_verb && object && verb.lower != "be").then_some(j)
}

/// Prepositions that never end a statement: their object was in the clause cut off after them
/// ("I was surprised at how much I enjoyed it").
const BARE_PREPOSITIONS: &[&str] = &["about", "at", "for", "from", "into", "of", "with"];

/// Drops an end that lost what it introduced to a clause cut after it: "like" before "that"
/// ("a retreat like that" → "a retreat"), "how much" or "as much" before a clause and the
/// preposition before them ("I was surprised at how much I enjoyed it" → "I was surprised").
fn trim_cut_off_end(out: &mut Vec<Token>) {
    let n = out.len();
    if n <= 3 {
        return;
    }
    let (before, last) = (out[n - 2].lower.as_str(), out[n - 1].lower.as_str());
    // "something like that" says nothing without "that": left for the dangling filter.
    let vague = has(
        &["anything", "one", "someone", "something", "stuff"],
        before,
    );
    if last == "like" && !vague {
        out.pop();
    } else if n > 4 && matches!(before, "how" | "as") && matches!(last, "much" | "many") {
        out.truncate(n - 2);
        // "… nearly as much", "… at how much".
        let left = |t: &Token| {
            has(BARE_PREPOSITIONS, &t.lower) || has(&["just", "nearly", "quite"], &t.lower)
        };
        if out.len() > 3 && out.last().is_some_and(left) {
            out.pop();
        }
    }
}

/// Where `tokens[at]` stands in `all`, of which `tokens` is a rearrangement: leading words
/// dropped, a fronted day or frequency moved to the end ("Yesterday I went out and had …"). The
/// same token when it is one, else the same word after the same word.
fn position_in(all: &[&Token], tokens: &[&Token], at: usize) -> Option<usize> {
    let word = tokens.get(at)?;
    if let Some(k) = all.iter().position(|t| std::ptr::eq(*t, *word)) {
        return Some(k);
    }
    let before = tokens.get(at.checked_sub(1)?)?;
    (1..all.len()).find(|&k| all[k].lower == word.lower && all[k - 1].lower == before.lower)
}

/// Cleans the tokens of a clause: the cleaned statement, if any, and where a coordinated
/// predicate of the same subject starts, if one does.
fn clean_tokens(all: &[&Token]) -> (Option<Cleaned>, Option<usize>) {
    let none = (None, None);
    let mut tokens: &[&Token] = all;
    while let Some(first) = tokens.first() {
        if first.kind == TokenKind::Punct || first.is(class::LEADING_FILLER) {
            tokens = &tokens[1..];
        } else {
            break;
        }
    }
    // "That's why I work for a nonprofit", "which is why I moved": the reason is talk, the
    // clause after it a statement.
    if let Some(why) = tokens.iter().take(4).position(|t| t.lower == "why")
        && tokens.get(why + 1).is_some_and(|t| t.lower == "i")
        && tokens[..why].iter().all(|t| {
            has(
                &["is", "maybe", "that", "that's", "thats", "this", "which"],
                &t.lower,
            )
        })
        && why > 0
    {
        tokens = &tokens[why + 1..];
    }
    // "Every morning I run 5k": how often goes after the predicate.
    let routine_tokens: Vec<Token>;
    let routine_refs: Vec<&Token>;
    if let Some(moved) = crate::fronted::to_the_end(tokens) {
        routine_tokens = moved;
        routine_refs = routine_tokens.iter().collect();
        tokens = &routine_refs;
    }
    // "Sometimes I fish for extra money", "Recently I started running": the adverb goes after
    // the subject; "Yesterday I went fishing": a day goes at the end.
    let fronted: Vec<&Token>;
    let adverb: Token;
    let first = tokens.first().map_or("", |t| t.lower.as_str());
    let at_end = has(DAY_TIMES, first);
    let after_subject = has(FRONTED_ADVERBS, first) || has(FRONTED_TIMES, first);
    if tokens.len() > 2 && (at_end || after_subject) && tokens[1].lower == "i" {
        adverb = Token::new(first, TokenKind::Word);
        fronted = if at_end {
            let end = end_of_words(tokens);
            tokens[1..end]
                .iter()
                .copied()
                .chain([&adverb])
                .chain(tokens[end..].iter().copied())
                .collect()
        } else {
            [tokens[1], &adverb]
                .into_iter()
                .chain(tokens[2..].iter().copied())
                .collect()
        };
        tokens = &fronted;
    }
    let mut hedged = false;
    // "I think (that) I …", "I feel like my …", "I mean I …", "I know I …", "I'm pretty sure I …".
    loop {
        let lower = |i: usize| tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("");
        if crate::hedges::before_a_plan(tokens) {
            hedged = true;
            tokens = &tokens[1..];
            continue;
        }
        if lower(0) != "i" {
            break;
        }
        let prefix = match lower(1) {
            v if has(lexicon::HEDGE_VERBS, v) => {
                hedged = true;
                if matches!(lower(2), "like" | "that") {
                    3
                } else {
                    2
                }
            }
            // "I meant my son is 7": the correction's statement (the turn is marked corrected).
            "mean" | "meant" | "know" => 2,
            "am" if crate::hedges::pretty_sure(tokens).is_some() => {
                hedged = true;
                4
            }
            "would" if lower(2) == "say" => 3,
            _ => 0,
        };
        if prefix > 0 && matches!(lower(prefix), "i" | "my") {
            tokens = &tokens[prefix..];
        } else {
            break;
        }
    }
    let Some(first) = tokens.first() else {
        return none;
    };
    // "We just bought a house": an adverb may stand before the household's verb.
    let we_verb = 1 + tokens
        .iter()
        .skip(1)
        .take_while(|t| has(WE_ADVERBS, &t.lower))
        .count();
    let we_state = first.lower == "we"
        && (tokens.get(we_verb).is_some_and(|t| has(WE_VERBS, &t.lower))
            || crate::joint::household_plan(tokens)
            || crate::joint::household_routine(tokens)
            || crate::joint::household_breakup(tokens)
            || crate::joint::household_birth(tokens)
            || crate::patterns::housing::household_rents(tokens));
    if first.lower != "i" && first.lower != "my" && !we_state && !names_a_favorite(tokens) {
        return none;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len() + 2);
    let mut rest = None;
    let mut skip_to = 0;
    for (i, t) in tokens.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        // A run-on "I live near the beach you would love it": "you" starts a new clause.
        if i > 2
            && t.lower == "you"
            && tokens.get(i + 1).is_some_and(|n| has(YOU_VERBS, &n.lower))
            && !has(BEFORE_YOU, &tokens[i - 1].lower)
            && tokens[i - 1].kind == TokenKind::Word
        {
            break;
        }
        if t.is(class::SECOND_PERSON) {
            return none;
        }
        if t.is(class::HEDGE) {
            hedged = true;
        }
        if i > 1
            && (t.is_punct(',') || matches!(t.lower.as_str(), "and" | "but"))
            && let Some(verb) = coordinated_verb(tokens, i, &out)
        {
            rest = position_in(all, tokens, verb);
            break;
        }
        // "… since 2019" dates the clause; "… since I was a kid" is a tail.
        let dates = t.lower == "since" && crate::time::starts_with_time(&tokens[i..]);
        // "I'm lactose intolerant so no cheese for me": "so" before what follows from it.
        let so_then = t.lower == "so" && tokens.get(i + 1).is_some_and(|n| has(AFTER_SO, &n.lower));
        // "I have two daughters, Emma and Lily": the names are theirs ("… named Emma and Lily").
        if i > 1
            && t.is_punct(',')
            && crate::named_list::names_follow(tokens[i - 1], &tokens[i + 1..])
        {
            out.push(Token::new("named", TokenKind::Word));
            let names = crate::named_list::list_len(&tokens[i + 1..]);
            out.extend(tokens[i + 1..i + 1 + names].iter().map(|t| (*t).clone()));
            skip_to = i + 1 + names;
            continue;
        }
        if i > 1
            && (t.is_punct(',')
                || t.is(class::TAIL_START) && !dates
                || t.lower == "where"
                || so_then)
        {
            break;
        }
        // "I like nature and the area has woods": a new subject without a pronoun.
        if i > 1 && t.lower == "and" && new_predicate_follows(&tokens[i + 1..]) {
            break;
        }
        if i > 1 && t.lower == "who" && out.last().is_none_or(|p: &Token| p.lower != "i") {
            break;
        }
        if i > 0
            && (t.is(class::INNER_FILLER)
                || t.kind == TokenKind::Punct && !has(KEPT_PUNCT, t.text.as_str())
                || is_degree_word(tokens, i)
                || is_emphatic_do(tokens, i, &out)
                || is_plain_some(tokens, i)
                || is_possessive_got(tokens, i, &out))
        {
            continue;
        }
        if i > 0 && is_hedging_kind_of(tokens, i) {
            skip_to = i + 2;
            continue;
        }
        match t.lower.as_str() {
            "gonna" => push_words(&mut out, &["going", "to"]),
            "wanna" => push_words(&mut out, &["want", "to"]),
            "gotta" => push_words(&mut out, &["have", "to"]),
            _ => out.push((*t).clone()),
        }
    }
    while out.len() > 2
        && out
            .last()
            .is_some_and(|t| has(TRAILING, &t.lower) || t.is(class::JOINER))
    {
        let popped = out.pop();
        // "… right now": the "right" goes with the "now".
        if popped.is_some_and(|t| t.lower == "now")
            && out.len() > 2
            && out.last().is_some_and(|t| t.lower == "right")
        {
            out.pop();
        }
    }
    // "… as well", "I love it so much", "… so far", "… these days": the end adds nothing to
    // what is stated.
    if out.len() > 3
        && matches!(
            (
                out[out.len() - 2].lower.as_str(),
                out[out.len() - 1].lower.as_str()
            ),
            ("as", "well") | ("so" | "very", "much") | ("so", "far") | ("these", "days")
        )
    {
        out.truncate(out.len() - 2);
    }
    trim_cut_off_end(&mut out);
    crate::joint::agree_with_i(&mut out);
    let cleaned = (out.len() >= 2).then_some(Cleaned {
        tokens: out,
        hedged,
    });
    (cleaned, rest)
}

/// Adverbs of degree and frequency that a profile states without ("I am still in school",
/// "I am very active", "I have always loved jazz", "I'm so excited about it"): dropped inside a
/// clause. "so" only as a degree word, not before "that", "much", "far", a subject or the end.
const DEGREE_WORDS: &[&str] = &[
    "always",
    "currently",
    "even",
    "mostly",
    "recently",
    "so",
    "still",
    "very",
];

fn is_degree_word(tokens: &[&Token], i: usize) -> bool {
    let t = &tokens[i];
    if !has(DEGREE_WORDS, &t.lower) {
        return false;
    }
    t.lower != "so"
        || tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !n.is(class::SUBJECT)
                && !matches!(n.lower.as_str(), "that" | "much" | "many" | "far")
        })
}

/// An emphatic "do" between "I" and a verb ("I do like jazz" states "I like jazz").
fn is_emphatic_do(tokens: &[&Token], i: usize, kept: &[Token]) -> bool {
    tokens[i].lower == "do"
        && kept.last().is_some_and(|p| p.lower == "i")
        && tokens
            .get(i + 1)
            .is_some_and(|n| has(lexicon::VERBS, &n.lower) && n.lower != "do")
}

/// "some" as a determiner ("I like some grilled veggies" states "I like grilled veggies"), not
/// "some of", "some time", "some more" or a pronoun at the end.
fn is_plain_some(tokens: &[&Token], i: usize) -> bool {
    tokens[i].lower == "some"
        && tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !has(&["days", "more", "of", "other", "point", "time"], &n.lower)
        })
}

/// A hedging "kind of" / "sort of" ("I kind of want to move"), not the noun after a determiner
/// ("a kind of tea").
fn is_hedging_kind_of(tokens: &[&Token], i: usize) -> bool {
    matches!(tokens[i].lower.as_str(), "kind" | "sort")
        && tokens.get(i + 1).is_some_and(|n| n.lower == "of")
        && tokens.get(i + 2).is_some_and(|n| n.kind == TokenKind::Word)
        && !has(
            &[
                "a", "any", "every", "my", "some", "that", "the", "this", "what", "which",
            ],
            &tokens[i - 1].lower,
        )
}

fn push_words(out: &mut Vec<Token>, words: &[&str]) {
    for w in words {
        out.push(Token::new(w, TokenKind::Word));
    }
}

/// Where a clause's words end: before its closing punctuation.
pub(crate) fn end_of_words(tokens: &[&Token]) -> usize {
    tokens.len()
        - tokens
            .iter()
            .rev()
            .take_while(|t| t.kind == TokenKind::Punct)
            .count()
}
