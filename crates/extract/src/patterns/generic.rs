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
/// Verbs of habit: the clause is a routine.
const HABITS: &[&str] = &[
    "drink", "eat", "smoke", "sleep", "wake", "walk", "commute", "drive", "wear", "use", "take",
    "spend", "meditate", "pray",
];
const OWNING: &[&str] = &["have", "own", "bought", "got", "drive", "had", "adopted"];
const PLANNING: &[&str] = &["want", "plan", "will", "hope", "need", "wanted", "planned"];
const LIKING: &[&str] = &["love", "like", "enjoy", "prefer", "hate", "adore", "loved", "liked", "enjoyed"];

/// Words a statement cannot end with: a cut left them dangling.
const DANGLING: &[&str] = &[
    "the", "a", "an", "to", "my", "of", "and", "in", "for", "with", "on", "at", "from", "by",
    "about", "or", "as", "into", "our", "some", "very", "so", "more", "most", "be", "been", "is",
    "am", "was", "are", "get", "go", "i",
];

/// Predicates this long say more than a fact; they are cut.
const MAX_WORDS: usize = 10;

/// First words after "I" that start talk, episodes or modal musings rather than facts about
/// the speaker ("I can't complain", "I thought so", "I decided to go").
const EPISODIC: &[&str] = &[
    "can", "could", "cannot", "can't", "couldn't", "didn't", "wouldn't", "thought", "find",
    "decided", "get", "once", "sure", "need", "haven't", "hadn't", "should", "shouldn't", "must",
    "won't", "wanted", "tried", "try", "might", "may", "would", "guess", "bet", "mean",
];

/// Object pronouns: the clause leans on the conversation for its meaning.
const POINTERS: &[&str] = &["it", "them", "him", "this", "that", "those", "these", "one", "there"];

/// Whether the predicate is conversation rather than a fact ("I see", "I'm sorry").
pub(crate) fn is_chat(r: &Reading<'_>) -> bool {
    let verb = r.w(0);
    let first = r.clause.get(1).map(|t| t.lower.as_str()).unwrap_or("");
    if has(EPISODIC, first) && !(first == "would" && r.is(1, &["like", "love"])) {
        return true;
    }
    if first == "will" && r.time.is_none() {
        return true;
    }
    if r.pred.iter().any(|t| has(POINTERS, &t.lower)) {
        return true;
    }
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
    } else if has(HABITS, verb) {
        Facet::Routine
    } else {
        Facet::Identity
    };
    let mut f = Found::new(facet, format!("said:{}", key_text(pred)), value_text(pred));
    f.strength = 0.5;
    if r.pred.len() > MAX_WORDS {
        let mut clause = r.clause.to_vec();
        clause.truncate(MAX_WORDS + 1 + usize::from(r.negated));
        while clause.last().is_some_and(|t| has(DANGLING, &t.lower)) {
            clause.pop();
        }
        f.statement = Some(crate::render::sentence(&crate::render::join(&clause)));
    }
    if r.clause.last().is_some_and(|t| has(DANGLING, &t.lower)) && f.statement.is_none() {
        return None;
    }
    Some(f)
}
