//! Goals and plans ("I want to …", "I'm training for …", with a due time), routines ("I run
//! every morning", "I usually …", "I work nights"), hobbies ("I play guitar") and endings
//! ("I quit smoking").

use crate::lexicon::has;
use rapport_core::{Facet, Polarity};

use super::{Found, Reading, only_anaphors};
use crate::render::{key_text, value_text};
use crate::tokenize::Token;

const FREQUENCY: &[&str] = &[
    "always",
    "normally",
    "often",
    "rarely",
    "regularly",
    "sometimes",
    "typically",
    "usually",
];
const PERIODS: &[&str] = &[
    "daily", "each", "evenings", "every", "mornings", "nightly", "nights", "weekends", "weekly",
];

/// Whether a word says how often ("every", "weekly", "Sundays").
fn is_period(w: &str) -> bool {
    has(PERIODS, w) || crate::fronted::recurs(w)
}

/// Activity patterns on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    if let Some(f) = ending(r) {
        return Some(f);
    }
    if let Some(start) = plan_start(r) {
        // A clause cut after a function word ("I may move back home for a", the rest went to
        // another clause) keeps the plan without it, when a plan is left.
        let cut = dangling_tail(r.clause);
        let mut plan: Vec<Token> = r.rest(start).to_vec();
        plan.truncate(plan.len() - dangling_tail(&plan));
        if cut > 0 && plan.len() < 2 {
            return None;
        }
        let leans_on_context = plan.iter().any(|t| super::generic::is_pointer(&t.lower))
            || plan
                .first()
                .is_some_and(|t| has(super::PHRASE_ENDS, &t.lower));
        if plan.is_empty()
            || only_anaphors(&plan)
            || r.negated
            || leans_on_context
            || is_a_request(&plan)
        {
            return None;
        }
        let mut f = Found::new(
            Facet::Goal,
            format!("goal:{}", key_text(&plan)),
            value_text(&plan),
        );
        f.due = r.time.filter(|t| t.end > r.now).map(|t| t.end);
        let clause = &r.clause[..r.clause.len() - cut];
        f.statement = wish_said_plainly(clause)
            .or_else(|| (cut > 0).then(|| crate::render::sentence(&crate::render::join(clause))));
        if r.is(0, &["might", "may"]) {
            f.confidence = Some(0.5);
        }
        return Some(f);
    }
    if r.w(0) == "play" && !r.rest(1).is_empty() && !only_anaphors(r.rest(1)) {
        let what = r.rest(1);
        return Some(Found::new(
            Facet::Interest,
            format!("plays:{}", key_text(what)),
            value_text(what),
        ));
    }
    let routine = has(FREQUENCY, r.w(0))
        || r.pred.iter().any(|t| is_period(&t.lower))
        || r.pred
            .last()
            .is_some_and(|t| t.lower == "day" || t.lower == "week")
            && r.pred
                .iter()
                .any(|t| t.lower == "a" || t.lower == "per" || t.lower == "times");
    if routine && !r.pred.is_empty() && !super::generic::is_chat(r) {
        return Some(Found::new(
            Facet::Routine,
            format!("routine:{}", key_text(&r.pred)),
            value_text(&r.pred),
        ));
    }
    None
}

/// What a wish to see or hear something of the other party's names ("I'd love to see a
/// photo!", "I'd like to hear more").
const SHOWN: &[&str] = &[
    "it", "more", "one", "photo", "photos", "pic", "pics", "picture", "pictures", "that", "them",
    "this",
];

/// Whether a plan is conversation: asking to be shown or told something ("see a photo", "hear
/// more", "see"), or wanting "more" or "any" of what was just said ("have more", "get any").
pub(crate) fn is_a_request(plan: &[Token]) -> bool {
    if plan.is_empty() {
        return false;
    }
    let vague = |t: &Token| has(SHOWN, &t.lower) || has(crate::lexicon::DETERMINERS, &t.lower);
    let shown = has(&["hear", "know", "see"], &plan[0].lower) && plan[1..].iter().all(vague);
    let light = has(
        &["do", "get", "have", "hear", "know", "see"],
        &plan[0].lower,
    );
    let more = light && plan.len() <= 2 && has(&["any", "more"], &plan[plan.len() - 1].lower);
    shown || more
}

/// Function words a cut clause may end on ("… for a", "… get into").
const CUT_WORDS: &[&str] = &[
    "a", "about", "an", "and", "at", "by", "for", "from", "in", "into", "my", "of", "on", "or",
    "our", "some", "the", "to", "with",
];

/// How many function words end `tokens`.
fn dangling_tail(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .rev()
        .take_while(|t| has(CUT_WORDS, &t.lower))
        .count()
}

/// Verbs of a life plan after "might" / "may" ("I might move to Spain"); not passing moves
/// ("I might go to bed", "I may be late").
const TENTATIVE_PLANS: &[&str] = &[
    "adopt", "apply", "buy", "learn", "move", "open", "quit", "retire", "sell", "start", "study",
    "switch", "travel", "visit",
];

/// "I would love to visit Japan" is the wish "I would like to visit Japan": the wish said the
/// one plain way, whichever verb of longing carried it.
fn wish_said_plainly(clause: &[Token]) -> Option<String> {
    let at = clause
        .windows(2)
        .position(|w| w[0].lower == "would" && w[1].lower == "love")?;
    let mut words = clause.to_vec();
    words[at + 1] = Token::new("like", crate::tokenize::TokenKind::Word);
    Some(crate::render::sentence(&crate::render::join(&words)))
}

/// Where a plan's content starts, when the clause states a plan.
fn plan_start(r: &Reading<'_>) -> Option<usize> {
    let to_after = |i: usize| r.is(i, &["to"]).then_some(i + 1);
    match r.w(0) {
        "want" | "plan" | "hope" | "intend" | "aim" => to_after(1),
        // "I (think I) might learn Italian": a plan held as a possibility.
        "might" | "may" if has(TENTATIVE_PLANS, r.w(1)) => Some(1),
        "would" if r.is(1, &["like", "love"]) => to_after(2),
        "have" if r.is(1, &["always"]) && r.is(2, &["wanted"]) => to_after(3),
        "have" if r.is(1, &["been"]) && r.is(2, &["planning", "thinking"]) => {
            if r.is(3, &["about", "of", "on"]) {
                Some(4)
            } else {
                to_after(3)
            }
        }
        "will" if r.time.is_some() => Some(1),
        // "I have a dentist appointment on Friday": an event to come (possessions said so
        // were read before).
        "have"
            if r.is(1, &["a", "an"])
                && ahead(r)
                && r.rest(2).iter().any(|t| has(EVENTS, &t.lower)) =>
        {
            Some(1)
        }
        "am" => match r.w(1) {
            "planning" | "hoping" | "trying" | "going" if r.w(2) == "to" => Some(3),
            "planning" if r.w(2) == "on" => Some(3),
            "training" | "saving" | "studying" if r.w(2) == "for" => Some(3),
            // "I'm saving up for a new car", "saving up to buy a house".
            "saving" if r.w(2) == "up" && r.is(3, &["for", "to"]) => Some(4),
            "saving" if r.w(2) == "up" => Some(3),
            "learning" => Some(2),
            "looking" if r.w(2) == "forward" && r.w(3) == "to" => Some(4),
            "thinking" if r.w(2) == "about" || r.w(2) == "of" => Some(3),
            // "I'm planning a trip", "I'm flying to Rome on Friday", "I'm getting married next
            // spring": a plan when a time to come says so.
            "planning" if !r.is(2, &["to", "on"]) => Some(2),
            w if w.ends_with("ing") && ahead(r) => Some(1),
            _ => None,
        },
        "would" => None,
        _ => None,
    }
}

/// Things one has on a day to come ("a dentist appointment on Friday"; not "a question about
/// next week").
const EVENTS: &[&str] = &[
    "appointment",
    "checkup",
    "class",
    "concert",
    "date",
    "exam",
    "flight",
    "game",
    "interview",
    "meeting",
    "party",
    "presentation",
    "recital",
    "surgery",
    "test",
    "trip",
    "wedding",
];

/// Whether the clause names a time to come ("next month", "this summer" in spring; not "this
/// week" or "today", which are going on).
fn ahead(r: &Reading<'_>) -> bool {
    r.time.is_some_and(|t| t.start > r.now)
}

/// "I quit smoking", "I stopped eating meat", "I gave up coffee": a habit ends. "I left Ohio",
/// "I left my job at Acme", "I resigned from Acme": a place or a job the user had ends, and the
/// clause is kept as said.
fn ending(r: &Reading<'_>) -> Option<Found> {
    // "We broke up": the user's partner, whoever it was, is no longer theirs.
    if r.clause[0].lower == "we" && r.is(0, &["broke", "split"]) && r.is(1, &["up"]) {
        let mut f = Found::new(Facet::Relationship, "said:broke up", "broke up");
        f.statement = Some(format!("I {} up with my partner.", r.w(0)));
        f.ends = Some("boyfriend fiance fiancee girlfriend partner".to_string());
        return Some(f);
    }
    // "I got laid off", "I was fired": the job ends (as with "I lost my job").
    let dismissed = r.is(0, &["got", "was"])
        && (r.is(1, &["fired"]) || r.is(1, &["laid"]) && r.is(2, &["off"]));
    if dismissed && !r.negated {
        let mut f = super::generic::read(r)?;
        f.facet = Facet::Identity;
        f.ends = Some("job".to_string());
        return Some(f);
    }
    // "I don't smoke anymore", "I no longer eat meat": a habit ends as with "I quit".
    let stopped = r.negated
        && r.ended
        && super::generic::is_activity_verb(r.w(0))
        && !r.pred.iter().any(|t| super::generic::is_pointer(&t.lower));
    let (start, leaving) = match (r.w(0), r.w(1)) {
        _ if stopped => (0, false),
        ("quit", _) | ("stopped", _) => (1, false),
        ("gave", "up") => (2, false),
        ("left", _) => (1, true),
        ("resigned", "from") => (2, true),
        // "I sold my car", "I lost my job at Acme", "I broke up with my boyfriend": what was
        // had ends.
        ("sold", _) | ("lost", "my") => (1, true),
        ("broke", "up") if r.is(2, &["with"]) => (3, true),
        _ => return None,
    };
    let what = r.rest(start);
    if what.is_empty() || only_anaphors(what) || r.negated && !stopped {
        return None;
    }
    let mut f = if leaving {
        super::generic::read(r)?
    } else {
        let mut f = Found::new(
            Facet::Routine,
            format!("does:{}", key_text(what)),
            value_text(what),
        );
        f.polarity = Some(Polarity::Negative);
        f
    };
    f.ends = Some(key_text(what));
    Some(f)
}
