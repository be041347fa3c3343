//! The pattern grammar. A cleaned clause is read once into a [`Reading`] (negation, "used to",
//! "anymore", hedges and a time expression taken out of the predicate); then each pattern family
//! tries to type it, most specific first; a generic fallback keeps any other informative
//! first-person statement.

mod activity;
mod background;
mod constraint;
mod education;
mod generic;
pub(crate) mod housing;
mod identity;
mod job_change;
mod learned;
mod others;
mod parenthood;
mod places;
mod possession;
mod preference;

pub(crate) use learned::selected;
pub(crate) use others::opens_mention;

use chrono::{DateTime, Utc};
use rapport_core::{Facet, Polarity};

use crate::candidate::{Candidate, Tense};
use crate::clean::Cleaned;
use crate::lexicon::has;
use crate::render;
use crate::sensitivity;
use crate::time::{TimeRef, find_time};
use crate::tokenize::Token;

/// A cleaned first-person clause, read.
pub(crate) struct Reading<'a> {
    /// The whole cleaned clause, "I …" or "My …".
    pub clause: &'a [Token],
    /// The predicate after the subject, without negation, "used to", "anymore" or time words.
    pub pred: Vec<Token>,
    /// "don't", "never", "not", "no longer".
    pub negated: bool,
    /// "anymore", "no longer".
    pub ended: bool,
    /// "have been" read as "am" ("I have been vegan for years"): the statement keeps the words.
    pub held_since: bool,
    /// "used to".
    pub past: bool,
    /// A time expression, resolved.
    pub time: Option<TimeRef>,
    /// When the event happened.
    pub now: DateTime<Utc>,
}

impl Reading<'_> {
    /// The lowercase predicate word at `i`, or "".
    pub fn w(&self, i: usize) -> &str {
        self.pred.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    /// Whether the predicate word at `i` is one of `alts`.
    pub fn is(&self, i: usize, alts: &[&str]) -> bool {
        alts.contains(&self.w(i))
    }

    /// The predicate from `i` on.
    pub fn rest(&self, i: usize) -> &[Token] {
        self.pred.get(i..).unwrap_or(&[])
    }
}

/// What a pattern recognized.
pub(crate) struct Found {
    pub facet: Facet,
    pub key: String,
    pub value: String,
    pub strength: f32,
    /// A canonical first-person sentence; the cleaned clause otherwise.
    pub statement: Option<String>,
    /// Overrides the reading's polarity (e.g. "hate" is a positive `dislikes:`).
    pub polarity: Option<Polarity>,
    /// The clause ends something ("I quit smoking"): the words of what ends.
    pub ends: Option<String>,
    /// A plan's due time.
    pub due: Option<DateTime<Utc>>,
    /// Held only in the past ("I was a nurse", "I lived in Ohio").
    pub past: bool,
    /// More facts the same clause states ("a nurse at Harborview": also the employer).
    pub extra: Vec<Found>,
    /// How sure, when less than the clause's usual confidence (the learned selector's
    /// probability; a hedge's 0.5 for a plan said as a possibility, "I might learn Italian").
    pub confidence: Option<f32>,
}

impl Found {
    /// A found fact with default strength and nothing special.
    pub fn new(facet: Facet, key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            facet,
            key: key.into(),
            value: value.into(),
            strength: 1.0,
            statement: None,
            polarity: None,
            ends: None,
            due: None,
            past: false,
            extra: Vec::new(),
            confidence: None,
        }
    }
}

/// Adverbs left out of the predicate (kept in the statement).
const SKIPPED_ADVERBS: &[&str] = &[
    "actually",
    "already",
    "also",
    "currently",
    "definitely",
    "even",
    "finally",
    "maybe",
    "mostly",
    "now",
    "originally",
    "perhaps",
    "possibly",
    "probably",
    "really",
    "recently",
    "still",
];

/// Words that make a time expression approximate ("about two years ago").
const APPROXIMATIONS: &[&str] = &["about", "almost", "around", "nearly", "over", "roughly"];

const NEGATIONS: &[&str] = &[
    "can't", "cannot", "didn't", "doesn't", "don't", "haven't", "isn't", "never", "no", "not",
    "wasn't", "won't",
];

/// Reads a cleaned clause and types it: the facts it states, most specific first.
pub(crate) fn candidates(cleaned: &Cleaned, now: DateTime<Utc>) -> Vec<Candidate> {
    let clause = &cleaned.tokens;
    let reading = read(clause, now);
    let stance = is_stance(clause);
    let found = if stance {
        None
    } else if clause[0].lower == "my" {
        constraint::read_my(&reading).or_else(|| others::read(&reading))
    } else if clause[0].lower != "i" && clause[0].lower != "we" {
        others::favorite_named(clause)
    } else {
        constraint::read(&reading)
            .or_else(|| parenthood::read(&reading))
            .or_else(|| identity::read(&reading))
            .or_else(|| preference::read(&reading))
            .or_else(|| housing::read(&reading))
            .or_else(|| possession::read(&reading))
            .or_else(|| activity::read(&reading))
            .or_else(|| generic::read(&reading))
    };
    let found = found.or_else(|| learned::read(cleaned, &reading, stance.then_some("stance")));
    let mut out = Vec::new();
    if let Some(mut found) = found {
        let extra = std::mem::take(&mut found.extra);
        out.push(candidate(cleaned, &reading, found));
        // An extra's own extras ("an engineer at a startup in Austin": the employer's city) are
        // found by the clause too, held in the past when it is.
        let extra = extra.into_iter().flat_map(|mut f| {
            let mut nested = std::mem::take(&mut f.extra);
            for n in &mut nested {
                n.past |= f.past;
            }
            std::iter::once(f).chain(nested)
        });
        out.extend(extra.map(|f| candidate(cleaned, &reading, f)));
    }
    {
        let hist: Vec<Candidate> = out
            .iter()
            .filter(|c| c.tense == Tense::Past)
            .map(|c| {
                let mut h = c.clone();
                h.key = format!("past:{}", c.key);
                h.tense = Tense::Current;
                h
            })
            .collect();
        out.extend(hist);
    }
    // "I quit my job": what the clause ends is not implied to be had.
    let ended: Vec<&str> = out.iter().filter_map(|c| c.ends.as_deref()).collect();
    let implied: Vec<Candidate> = others::implied(clause)
        .into_iter()
        .filter(|f| {
            !ended.iter().any(|e| {
                e.split(' ').any(|w| w == f.value.to_lowercase())
                    || f.key.strip_prefix("pet.") == Some(*e)
            })
        })
        .map(|f| implied_candidate(cleaned, &reading, f))
        .collect();
    out.extend(implied);
    out
}

/// Whether a clause is the speaker's stance in the conversation rather than a fact about them:
/// "I have no idea", "I like the idea of it", "I am the same way", "I got lucky", or a clause
/// around an indirect question ("I am waiting to see what they say").
fn is_stance(clause: &[Token]) -> bool {
    let w = |i: usize| clause.get(i).map_or("", |t| t.lower.as_str());
    let pair = |a: &str, b: &[&str]| (0..clause.len()).any(|i| w(i) == a && has(b, w(i + 1)));
    let lucky = w(0) == "i"
        && has(&["am", "got", "was"], w(1))
        && (w(2) == "lucky" || has(&["pretty", "really", "so", "very"], w(2)) && w(3) == "lucky");
    clause.iter().any(|t| t.lower == "what")
        || pair("no", &["clue", "idea"])
        || pair("the", &["idea"])
        || (0..clause.len())
            .any(|i| w(i) == "the" && w(i + 1) == "same" && has(&["thing", "way"], w(i + 2)))
        || lucky
}

/// The people, pets and things a clause that is not itself a statement mentions as "my …"
/// ("Just visiting my grandkids!": "I have grandkids").
pub(crate) fn implied_by_mentions(tokens: &[Token], now: DateTime<Utc>) -> Vec<Candidate> {
    let Some(my) = (0..tokens.len()).find(|&i| {
        others::opens_mention(
            &tokens[i].lower,
            tokens.get(i + 1).map(|t| t.lower.as_str()),
        )
    }) else {
        return Vec::new();
    };
    let cleaned = Cleaned {
        tokens: tokens[my..].to_vec(),
        hedged: false,
    };
    let reading = read(&cleaned.tokens, now);
    others::implied(&cleaned.tokens)
        .into_iter()
        .map(|f| implied_candidate(&cleaned, &reading, f))
        .collect()
}

/// A clause of the household's ("we have our own farm") said by the speaker: "I have my own farm".
fn we_as_i(clause: &[Token]) -> Vec<Token> {
    let mut said: Vec<Token> = clause
        .iter()
        .enumerate()
        .map(|(i, t)| match t.lower.as_str() {
            "we" if i == 0 => Token::new("I", t.kind),
            "our" => Token::new("my", t.kind),
            _ => t.clone(),
        })
        .collect();
    crate::joint::agree_with_i(&mut said);
    said
}

/// An implied fact holds whatever the clause's tense or polarity ("my dog doesn't bark").
fn implied_candidate(cleaned: &Cleaned, reading: &Reading<'_>, found: Found) -> Candidate {
    let mut c = candidate(cleaned, reading, found);
    c.polarity = Polarity::Positive;
    c.tense = Tense::Current;
    c.ends = None;
    c.since = None;
    c.confidence -= 0.1;
    c
}

fn candidate(cleaned: &Cleaned, reading: &Reading<'_>, found: Found) -> Candidate {
    let clause = &cleaned.tokens;
    let now = reading.now;
    let polarity = found.polarity.unwrap_or(if reading.negated {
        Polarity::Negative
    } else {
        Polarity::Positive
    });
    let tense = if found.ends.is_some() || reading.ended {
        Tense::Ended
    } else if reading.past || found.past {
        Tense::Past
    } else {
        Tense::Current
    };
    let mut confidence: f32 = if cleaned.hedged { 0.5 } else { 0.8 };
    if found.key.starts_with("said:") {
        confidence -= 0.1;
    }
    if let Some(p) = found.confidence {
        confidence = confidence.min(p);
    }
    // A plan's time is when it is due, not when it started: its description keeps the words.
    let since = reading
        .time
        .filter(|t| t.start <= now && found.due.is_none())
        .map(|t| t.start);
    let description = match (&found.statement, clause[0].lower.as_str()) {
        _ if found.key == "name" => format!("Is named {}.", found.value),
        (Some(canonical), _) if canonical.starts_with("I ") => {
            render::third_person(&crate::tokenize::tokenize(canonical))
        }
        (Some(canonical), _) => canonical.clone(),
        // "I have been sober since January" is "Is sober." from then.
        (None, "i") if reading.held_since => {
            let state: Vec<Token> = clause[..1].iter().chain(&reading.pred).cloned().collect();
            render::third_person(&state)
        }
        // A past time the fact's `since` holds ("quit coffee last week") would read wrong
        // later: the description leaves it out.
        (None, "i") => match (since, reading.time) {
            (Some(_), Some(t)) if t.end_token < clause.len() => {
                let mut undated = clause.to_vec();
                undated.drain(t.first + 1..t.end_token + 1);
                render::third_person(&undated)
            }
            _ => render::third_person(clause),
        },
        (None, "we") => {
            let line = render::third_person(&we_as_i(clause));
            format!(
                "With their household: {}{}",
                line[..1].to_lowercase(),
                &line[1..]
            )
        }
        (None, _) => render::others_line(clause),
    };
    let said = reading
        .held_since
        .then(|| render::sentence(&render::join(clause)));
    let statement = said.or(found.statement).unwrap_or_else(|| {
        if clause[0].lower == "we" {
            // The household's fact is the speaker's, said in the first person: "We live on an
            // island" → "I live on an island", "we have our own farm" → "I have my own farm".
            render::sentence(&render::join(&we_as_i(clause)))
        } else {
            render::sentence(&render::join(clause))
        }
    });
    let ends = found
        .ends
        .or_else(|| (tense == Tense::Ended).then(|| found.value.to_lowercase()));
    Candidate {
        facet: found.facet,
        sensitivity: sensitivity::classify(clause),
        key: found.key,
        value: found.value,
        polarity,
        strength: found.strength,
        confidence,
        statement,
        description,
        tense,
        since,
        due: found.due,
        ends,
        quote: render::join(clause),
        corrects: None,
    }
}

/// Takes negation, "used to", "anymore" and a time expression out of the predicate.
fn read(clause: &[Token], now: DateTime<Utc>) -> Reading<'_> {
    let mut pred: Vec<Token> = clause[1..].to_vec();
    // "we are planning …" is read as the speaker's "am planning …".
    if clause[0].lower == "we" && pred.first().is_some_and(|t| t.lower == "are") {
        pred[0] = word("am");
    }
    let (mut negated, mut ended, mut past, mut held_since) = (false, false, false, false);
    let time = find_time(&pred, now).map(|t| crate::time::past_weekday(t, &pred, now));
    if let Some(t) = time {
        // "around 12 years ago": an approximation goes with the time expression.
        let approximate = t.first > 0 && has(APPROXIMATIONS, &pred[t.first - 1].lower);
        pred.drain(t.first - usize::from(approximate)..t.end_token.min(pred.len()));
    }
    let mut i = 0;
    while i < pred.len() && i < 3 {
        let w = pred[i].lower.as_str();
        if has(SKIPPED_ADVERBS, w) && pred.len() > i + 1 {
            pred.remove(i);
        } else if w == "no" && pred.get(i + 1).is_some_and(|n| n.lower == "longer") {
            negated = true;
            ended = true;
            pred.drain(i..i + 2);
        } else if w == "used" && pred.get(i + 1).is_some_and(|n| n.lower == "to") {
            past = true;
            pred.drain(i..i + 2);
        } else if has(NEGATIONS, w) {
            negated = true;
            // Keep the auxiliary's meaning: "don't have" → "have", "am not" → "am".
            match w {
                "haven't"
                    if !pred
                        .get(i + 1)
                        .is_some_and(|n| n.lower == "got" || n.lower == "been") =>
                {
                    pred[i] = word("have");
                }
                "wasn't" => pred[i] = word("was"),
                "isn't" => pred[i] = word("is"),
                "won't" => pred[i] = word("will"),
                "can't" | "cannot" => pred[i] = word("can"),
                _ => {
                    pred.remove(i);
                }
            }
        } else if (w == "do" || w == "did") && pred.get(i + 1).is_some_and(|n| n.lower == "not") {
            pred.remove(i);
        } else if matches!(w, "do" | "did" | "does")
            && pred.get(i + 1).is_some_and(|n| plain_verb(&n.lower))
        {
            // Emphatic "I did go to an art school": the verb after the auxiliary carries it.
            past |= w == "did";
            pred.remove(i);
        } else {
            i += 1;
        }
    }
    // "I have been vegan for years", "I've been a nurse since 2010": a state held since then,
    // read as "I am vegan" (not "have been to Paris", "have been working").
    // "I've been sober since March": a state word alone, dated from then.
    let dated_state = pred.len() == 3
        && time.is_some_and(|t| t.start <= now)
        && pred[2].kind == crate::tokenize::TokenKind::Word
        && !pred[2].lower.ends_with("ing")
        && !has(PHRASE_ENDS, &pred[2].lower)
        && !has(&["here", "there", "through"], &pred[2].lower);
    if pred.len() > 2 && pred[0].lower == "have" && pred[1].lower == "been" && {
        let w = pred[2].lower.as_str();
        matches!(w, "a" | "an" | "retired")
            || has(crate::lexicon::DIETS, w)
            || has(crate::lexicon::STATUSES, w)
            || dated_state
    } {
        pred.splice(0..2, [word("am")]);
        held_since = true;
        // How long it has held ("for five years", "since 2010") is not part of the state.
        if let Some(k) = (2..pred.len()).find(|&k| {
            let w = pred[k].lower.as_str();
            w == "since" || w == "for" && pred[k + 1..].iter().take(4).any(|t| is_span(&t.lower))
        }) {
            pred.truncate(k);
        }
    }
    let n = pred.len();
    if n >= 1 && pred[n - 1].lower == "anymore" {
        ended = true;
        pred.pop();
    } else if n >= 2 && pred[n - 2].lower == "any" && pred[n - 1].lower == "more" {
        ended = true;
        pred.truncate(n - 2);
    }
    Reading {
        clause,
        pred,
        negated,
        ended,
        held_since,
        past,
        time,
        now,
    }
}

/// A unit of time ("years", "a decade").
pub(crate) fn is_span(w: &str) -> bool {
    has(
        &[
            "day", "days", "decade", "decades", "month", "months", "week", "weeks", "while",
            "year", "years",
        ],
        w,
    )
}

/// Whether a word can follow an emphatic "do" as its verb ("did go", "do speak"; not "I do
/// karate").
fn plain_verb(w: &str) -> bool {
    has(crate::lexicon::VERBS, w)
}

fn word(w: &str) -> Token {
    Token::new(w, crate::tokenize::TokenKind::Word)
}

/// Noun-phrase ends: prepositions and relatives after which a value stops.
pub(crate) const PHRASE_ENDS: &[&str] = &[
    "about", "and", "at", "by", "called", "for", "from", "growing", "in", "into", "named", "near",
    "on", "over", "than", "that", "to", "which", "who", "with",
];

/// The noun phrase starting at `i`, up to a phrase end.
pub(crate) fn noun_phrase(r: &Reading<'_>, i: usize) -> Vec<Token> {
    r.rest(i)
        .iter()
        .take_while(|t| !has(PHRASE_ENDS, t.lower.as_str()))
        .cloned()
        .collect()
}

/// Whether every word of `tokens` only points back ("it", "that") or there are none.
pub(crate) fn only_anaphors(tokens: &[Token]) -> bool {
    tokens.iter().all(|t| {
        crate::lexicon::has(crate::lexicon::ANAPHORS, &t.lower)
            || crate::lexicon::has(crate::lexicon::DETERMINERS, &t.lower)
    })
}
