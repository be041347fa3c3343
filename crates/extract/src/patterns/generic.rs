//! The fallback: any other informative first-person statement ("I drove 1000 miles to see a
//! band") is kept as said, with a facet chosen by its verb, so nothing the user reveals is lost.

use rapport_core::Facet;

use super::{Found, Reading, only_anaphors};
use crate::lexicon::{self, has};
use crate::render::{key_text, value_text};

/// Verbs of leisure: the clause is an interest.
const LEISURE: &[&str] = &[
    "play", "played", "read", "watch", "listen", "collect", "paint", "draw", "write", "cook",
    "bake", "sing", "dance", "hike", "run", "swim", "travel", "go", "fish", "knit", "sew",
    "garden", "surf", "ski", "bike", "camp", "hunt", "volunteer", "visit", "visited", "went",
    "traveled", "make", "build", "practice", "train", "exercise", "shop", "cycle", "climb",
];
const OWNING: &[&str] = &["have", "own", "bought", "got", "drive", "had", "adopted"];
const PLANNING: &[&str] = &["want", "plan", "will", "hope", "need", "wanted", "planned"];
const LIKING: &[&str] = &["love", "like", "enjoy", "prefer", "hate", "adore", "loved", "liked", "enjoyed"];

/// Predicates this long say more than a fact; they are cut.
const MAX_WORDS: usize = 10;

/// Whether the predicate is conversation rather than a fact ("I see", "I'm sorry").
pub(crate) fn is_chat(r: &Reading<'_>) -> bool {
    let verb = r.w(0);
    if r.pred.is_empty() || only_anaphors(&r.pred) || only_anaphors(r.rest(1)) {
        return true;
    }
    if verb == "am" || verb == "was" {
        return has(lexicon::CHAT_STATES, r.w(1)) || r.pred.len() < 2;
    }
    if verb == "can" || verb == "could" {
        return has(
            &["imagine", "see", "tell", "believe", "wait", "understand", "relate", "say", "help", "do", "only", "go", "get"],
            r.w(1),
        );
    }
    if verb == "was" && has(&["just", "going", "thinking", "wondering", "kidding", "joking", "like"], r.w(1)) {
        return true;
    }
    if verb == "have" && has(&["to", "been", "no", "heard", "seen", "never", "always"], r.w(1)) {
        return r.w(1) == "to" || r.w(1) == "heard" || r.w(1) == "seen" || r.w(1) == "no";
    }
    has(lexicon::CHAT_VERBS, verb)
        && !(verb == "was" && r.pred.len() >= 3)
        && !(verb == "would" && r.is(1, &["like", "love"]))
}

/// The generic fallback on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    if is_chat(r) || r.pred.len() < 2 && !has(LEISURE, r.w(0)) {
        return None;
    }
    let pred = &r.pred[..r.pred.len().min(MAX_WORDS)];
    let verb = r.w(0);
    let facet = if has(LIKING, verb) {
        Facet::Preference
    } else if has(OWNING, verb) {
        Facet::Possession
    } else if has(PLANNING, verb) || verb == "am" && r.is(1, &["going", "planning"]) {
        Facet::Goal
    } else if has(LEISURE, verb) {
        Facet::Interest
    } else {
        Facet::Identity
    };
    let mut f = Found::new(facet, format!("said:{}", key_text(pred)), value_text(pred));
    f.strength = 0.5;
    if r.pred.len() > MAX_WORDS {
        let mut clause = r.clause.to_vec();
        clause.truncate(MAX_WORDS + 1 + usize::from(r.negated));
        f.statement = Some(crate::render::sentence(&crate::render::join(&clause)));
    }
    Some(f)
}
