//! Preferences: likes and dislikes with strength, "prefer X over Y", diet ("I don't eat meat"),
//! and "I am a fan of / into / interested in X".

use rapport_core::{Facet, Polarity};

use super::{Found, Reading, only_anaphors};
use crate::lexicon::has;
use crate::render::{key_text, value_text};
use crate::tokenize::Token;

/// Verbs of liking and their strength; `true` marks dislike.
const LIKING: &[(&str, f32, bool)] = &[
    ("love", 1.0, false),
    ("adore", 1.0, false),
    ("like", 0.7, false),
    ("enjoy", 0.7, false),
    ("prefer", 0.8, false),
    ("hate", 1.0, true),
    ("loathe", 1.0, true),
    ("detest", 1.0, true),
    ("dislike", 0.7, true),
];

/// Preference patterns on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    let mut i = 0;
    if r.is(0, &["do", "really", "absolutely", "also", "especially"]) {
        i = 1;
    }
    if let Some(&(_, strength, dislike)) = LIKING.iter().find(|(v, _, _)| r.w(i) == *v) {
        return liking(r, i + 1, strength, dislike);
    }
    if let Some(f) = feeling_toward(r) {
        return Some(f);
    }
    match (r.w(0), r.w(1)) {
        ("can", "stand") if r.negated => liking(r, 2, 1.0, true).map(positive),
        // "I would rather take the train than fly": a preference, only with what it is over.
        ("would", "rather") if !r.negated => {
            liking(r, 2, 0.8, false).filter(|f| f.key.starts_with("prefers:"))
        }
        ("mind", _) if r.negated => liking(r, 1, 0.3, false).map(positive),
        ("am", "a") | ("am", "an") if r.is(2, &["fan"]) || r.is(3, &["fan"]) => {
            let of = r.pred.iter().position(|t| t.lower == "of")?;
            liking(r, of + 1, 0.8, false)
        }
        // "I'm a huge Lakers fan": what comes before "fan".
        ("am", "a") | ("am", "an") if r.pred.last().is_some_and(|t| t.lower == "fan") => fan_of(r),
        ("am", "into") | ("am", "obsessed") | ("am", "addicted") | ("am", "passionate") => {
            let skip = if r.w(1) == "into" { 2 } else { 3 };
            liking(r, skip, 0.9, false)
        }
        ("am", "interested") if r.is(2, &["in"]) => {
            let what = object(r.rest(3))?;
            Some(Found::new(
                Facet::Interest,
                format!("interest:{}", key_text(&what)),
                value_text(&what),
            ))
        }
        ("eat", _) | ("drink", _) if r.negated => {
            let what = object(r.rest(1))?;
            let key = format!("{}s:{}", r.w(0), key_text(&what));
            Some(Found::new(Facet::Preference, key, value_text(&what)))
        }
        _ => None,
    }
}

/// Nouns of feeling toward something, with strength; `true` marks dislike.
const FEELINGS: &[(&str, f32, bool)] = &[
    ("aversion", 1.0, true),
    ("dislike", 0.8, true),
    ("distaste", 0.8, true),
    ("hatred", 1.0, true),
    ("phobia", 1.0, true),
    ("fear", 0.8, true),
    ("love", 1.0, false),
    ("passion", 1.0, false),
    ("fondness", 0.8, false),
    ("weakness", 0.8, false),
    ("soft", 0.8, false),
    ("appreciation", 0.7, false),
    ("interest", 0.7, false),
];

/// "I have a strong aversion to seafood", "I have a real passion for baking": the feeling's
/// noun is not a possession, its object is what is liked or disliked.
fn feeling_toward(r: &Reading<'_>) -> Option<Found> {
    if !matches!(r.w(0), "have" | "had" | "got") || r.negated {
        return None;
    }
    let at = (1..=4).find(|&i| FEELINGS.iter().any(|(n, _, _)| r.w(i) == *n))?;
    let &(_, strength, dislike) = FEELINGS.iter().find(|(n, _, _)| r.w(at) == *n)?;
    let mut next = at + 1;
    if r.w(at) == "soft" && r.w(next) == "spot" {
        next += 1;
    }
    if !matches!(r.w(next), "to" | "for" | "of" | "in") {
        return None;
    }
    let what = object(r.rest(next + 1))?;
    let prefix = if dislike { "dislikes" } else { "likes" };
    let mut f = Found::new(
        Facet::Preference,
        format!("{prefix}:{}", key_text(&what)),
        value_text(&what),
    );
    f.strength = strength;
    Some(f)
}

/// Words of degree before the name in "a huge Lakers fan".
const FAN_DEGREES: &[&str] = &[
    "big", "die-hard", "diehard", "great", "huge", "lifelong", "massive", "real", "true",
];

/// "I'm a huge Lakers fan", "I am a Taylor Swift fan": likes what is named before "fan" (the
/// statement keeps the user's words: "a horror movie fan" is no "I like horror movie").
fn fan_of(r: &Reading<'_>) -> Option<Found> {
    let start = 2 + r
        .rest(2)
        .iter()
        .take_while(|t| has(FAN_DEGREES, &t.lower))
        .count();
    let what = &r.pred[start..r.pred.len() - 1];
    if what.is_empty() || what.len() > 3 || only_anaphors(what) || r.negated {
        return None;
    }
    let mut f = Found::new(
        Facet::Preference,
        format!("likes:{}", key_text(what)),
        value_text(what),
    );
    f.strength = 0.8;
    Some(f)
}

fn positive(mut f: Found) -> Found {
    f.polarity = Some(Polarity::Positive);
    f
}

/// The object of a liking verb, without "to" ("love to grill" → "grill").
fn object(tokens: &[Token]) -> Option<Vec<Token>> {
    let start = usize::from(tokens.first().is_some_and(|t| t.lower == "to"));
    let what: Vec<Token> = tokens[start.min(tokens.len())..].to_vec();
    // "I like they got a new lease of life": a clause, not a thing liked.
    if what
        .first()
        .is_some_and(|t| has(&["he", "i", "she", "they", "we"], &t.lower))
    {
        return None;
    }
    // "… a golf course that I really enjoy going to": the object was cut off.
    let dangling = what
        .last()
        .is_some_and(|t| crate::lexicon::has(super::PHRASE_ENDS, &t.lower));
    (!what.is_empty() && !only_anaphors(&what) && what.len() <= 8 && !dangling).then_some(what)
}

fn liking(r: &Reading<'_>, from: usize, strength: f32, dislike: bool) -> Option<Found> {
    let mut what = object(r.rest(from))?;
    // "I like coffee a lot": the end says how much, not what.
    let n = what.len();
    let a_lot = n > 2 && what[n - 2].lower == "a" && what[n - 1].lower == "lot";
    let strength = if a_lot {
        what.truncate(n - 2);
        strength.max(0.9)
    } else {
        strength
    };
    // "I like jazz playing while I cook": jazz is liked, heard playing.
    let heard = super::background::heard_playing_at(&what);
    if let Some(at) = heard {
        what.truncate(at);
    }
    // "prefer X over/to/than Y".
    let before = r.w(from.saturating_sub(1));
    let preferring = before.starts_with("prefer") || before == "rather";
    let than = what
        .iter()
        .position(|t| t.lower == "than" || before != "rather" && has(&["over", "to"], &t.lower))
        .filter(|at| preferring && *at > 0 && at + 1 < what.len());
    if let Some(at) = than {
        let (x, y) = (&what[..at], &what[at + 1..]);
        let mut f = Found::new(
            Facet::Preference,
            format!("prefers:{}", key_text(x)),
            format!("{} over {}", value_text(x), value_text(y)),
        );
        f.strength = strength;
        return Some(f);
    }
    let activity = what[0].lower.ends_with("ing") || r.w(from) == "to";
    let facet = if activity {
        Facet::Interest
    } else {
        Facet::Preference
    };
    let prefix = if dislike { "dislikes" } else { "likes" };
    let mut f = Found::new(
        facet,
        format!("{prefix}:{}", key_text(&what)),
        value_text(&what),
    );
    f.strength = strength;
    if heard.is_some() {
        let said =
            super::background::heard_playing_at(r.clause).map_or(r.clause, |at| &r.clause[..at]);
        f.statement = Some(crate::render::sentence(&crate::render::join(said)));
    }
    // "I'm a big fan of X", "I'm into X", "I'm obsessed with X": said plainly, "I like X".
    if !dislike && !r.negated && r.w(0) == "am" {
        let to = if r.w(from) == "to" { "to " } else { "" };
        // "a big fan of the Lakers" → "I like the Lakers" (the article kept as said).
        let the = if what[0].lower == "the" { "the " } else { "" };
        f.statement = Some(format!("I like {to}{the}{}.", value_text(&what)));
    }
    Some(f)
}
