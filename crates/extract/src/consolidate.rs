//! Consolidation: folds one event's candidates into a user's facts. The same fact again
//! strengthens it; a near-duplicate merges; a new value of a single-valued key supersedes the
//! old fact; a denial or an ending ends what it contradicts; plans expire when their time has
//! passed. Facts are never deleted, and pinned or user-edited facts are never changed.

use chrono::{DateTime, NaiveDate, Utc};
use rapport_core::{EventId, Facet, Fact, FactId, Polarity, Source};

use crate::candidate::{Candidate, Tense, is_single_valued};

/// How similar (Jaccard over key words) two free-form facts must be to merge.
const NEAR_DUPLICATE: f32 = 0.8;

/// Why a plan ended when its time passed.
const PLAN_PASSED: &str = "the planned time passed";

/// One event as consolidation sees it.
pub struct Evidence<'a> {
    /// The event's id.
    pub id: &'a EventId,
    /// When it happened.
    pub time: DateTime<Utc>,
}

fn protected(f: &Fact) -> bool {
    f.pinned || f.source == Source::Edited
}

fn next_id(facts: &[Fact]) -> FactId {
    facts.iter().map(|f| f.id).max().unwrap_or(0) + 1
}

/// Whether any fact already cites the event.
pub fn already_learned(facts: &[Fact], id: &EventId) -> bool {
    facts.iter().any(|f| f.evidence.contains(id))
}

/// Ends current plans whose due time is before `now`.
pub fn expire_plans(facts: &mut [Fact], now: DateTime<Utc>) {
    for f in facts.iter_mut() {
        if !f.is_current() || f.facet != Facet::Goal || protected(f) {
            continue;
        }
        if let Some(due) = due_of(f).filter(|due| *due <= now) {
            f.valid_to = Some(due);
            f.change_reason = Some(PLAN_PASSED.to_string());
        }
    }
}

/// The suffix a plan's description carries: ` (by YYYY-MM-DD)`, the last day of the time it
/// names ("in October" → by October 31); the plan expires at the end of that day.
pub fn due_suffix(due: DateTime<Utc>) -> String {
    let last_day = due - chrono::Days::new(1);
    format!(" (by {})", last_day.format("%Y-%m-%d"))
}

/// When a plan expires: the day after its ` (by …)` date, or the date of a ` (due …)` suffix
/// that facts learned before session 18 carry.
fn due_of(f: &Fact) -> Option<DateTime<Utc>> {
    let (at, days_after) = match f.description.rfind(" (by ") {
        Some(at) => (at + 5, 1),
        None => (f.description.rfind(" (due ")? + 6, 0),
    };
    let date = f.description.get(at..at + 10)?;
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()? + chrono::Days::new(days_after);
    Some(day.and_hms_opt(0, 0, 0)?.and_utc())
}

/// Folds one candidate into the facts.
pub fn apply(facts: &mut Vec<Fact>, c: Candidate, ev: &Evidence<'_>) {
    match c.tense {
        Tense::Ended => {
            let reason = format!("no longer: \"{}\"", c.quote);
            let ends = c.ends.clone().unwrap_or_default();
            let id = match find_same(facts, &c) {
                Some(i) => facts[i].id,
                None => next_id(facts),
            };
            for f in facts.iter_mut() {
                if f.is_current()
                    && !protected(f)
                    && f.polarity == Polarity::Positive
                    && ended_by(f, &c, &ends)
                {
                    // "I quit teaching last year" ends "teacher" then, not when it was said.
                    let when = c.since.filter(|s| *s >= f.valid_from).unwrap_or(ev.time);
                    end(f, ev, Some(id), &reason, when);
                }
            }
            add_or_strengthen(facts, c, ev);
        }
        Tense::Past => {
            let same = |f: &Fact| f.key == c.key && f.value.eq_ignore_ascii_case(&c.value);
            if let Some(f) = facts.iter_mut().find(|f| f.is_current() && same(f)) {
                if !protected(f) {
                    end(
                        f,
                        ev,
                        None,
                        &format!("in the past: \"{}\"", c.quote),
                        ev.time,
                    );
                    f.evidence.push(ev.id.clone());
                }
                return;
            }
            if let Some(f) = facts.iter_mut().find(|f| !f.is_current() && same(f)) {
                strengthen(f, &c, ev);
                return;
            }
            let mut fact = new_fact(facts, c, ev);
            fact.valid_to = Some(ev.time);
            facts.push(fact);
        }
        Tense::Current => {
            if let Some(i) = find_same(facts, &c) {
                strengthen(&mut facts[i], &c, ev);
                return;
            }
            let id = next_id(facts);
            let mut blocked = false;
            let reason = change_reason(&c);
            for f in facts.iter_mut().filter(|f| f.is_current()) {
                let contradicts = contradicts(f, &c);
                let eats = breaks_diet(f, &c);
                let diet = eats.is_some();
                let replaced = is_single_valued(&c.key)
                    && f.key == c.key
                    && !same_value(f, &c)
                    && !two_named_people(f, &c)
                    || f.key == "employer" && c.key == "occupation" && is_jobless(&c.value)
                    || corrected_away(f, &c)
                    || f.key == c.key && crate::people::replaces(&c.key, &f.value, &c.value)
                    || is_single(f) && crate::people::partner_of(&c).is_some()
                    || crate::people::is_birth(&c)
                        && crate::people::expects_a_child(&f.key, &f.value);
                if contradicts || replaced || diet {
                    if protected(f) {
                        blocked = true;
                    } else {
                        let when = c.since.filter(|s| *s >= f.valid_from).unwrap_or(ev.time);
                        let eats_meat = format!("eats {}: \"{}\"", eats.unwrap_or("meat"), c.quote);
                        end(
                            f,
                            ev,
                            Some(id),
                            if diet { &eats_meat } else { &reason },
                            when,
                        );
                    }
                }
            }
            if !blocked {
                add_or_strengthen(facts, c, ev);
            }
        }
    }
}

/// Whether `f` says the user is single.
fn is_single(f: &Fact) -> bool {
    f.key == "relationship.status" && f.value.eq_ignore_ascii_case("single")
}

fn same_value(f: &Fact, c: &Candidate) -> bool {
    f.value.to_lowercase() == c.value.to_lowercase()
}

/// Whether `f` says the opposite of `c`: same key and value with the other polarity, or
/// `likes:X` against `dislikes:X`.
fn contradicts(f: &Fact, c: &Candidate) -> bool {
    if f.key == c.key && same_value(f, c) && f.polarity != c.polarity {
        return true;
    }
    let object = |k: &str| {
        k.split_once(':')
            .map(|(p, o)| (p.to_string(), o.to_string()))
    };
    match (object(&f.key), object(&c.key)) {
        (Some((pf, of)), Some((pc, oc))) => {
            of == oc
                && f.polarity == c.polarity
                && matches!(
                    (pf.as_str(), pc.as_str()),
                    ("likes", "dislikes") | ("dislikes", "likes")
                )
        }
        _ => false,
    }
}

/// Two people of the same kind, each named ("a sister named Ana", "a sister named Maria"): both
/// are kept, where a count ("2") or a plain "yes" is replaced by what is said later.
fn two_named_people(f: &Fact, c: &Candidate) -> bool {
    let named = |v: &str| v.chars().next().is_some_and(char::is_uppercase);
    f.key.starts_with("family.") && named(&f.value) && named(&c.value)
}

/// Whether an ending ("I quit coffee") ends `f`.
fn ended_by(f: &Fact, c: &Candidate, ends: &str) -> bool {
    // "I don't live in Ohio anymore" ends the city Ohio, not whichever city is current.
    let same_slot = f.key == c.key && (!is_single_valued(&c.key) || same_value(f, c));
    if same_slot || contradicts(f, c) {
        return true;
    }
    if let Some(ended) = ended_identity(f, ends) {
        return ended;
    }
    // "I sold my car" ends having a car, "I broke up with my boyfriend" having a boyfriend.
    if let Some(had) = ["owns:", "has:", "pet.", "family."]
        .iter()
        .find_map(|p| f.key.strip_prefix(p))
        .filter(|_| !c.key.starts_with("person:"))
    {
        return plain_words(ends).iter().any(|w| stem(w) == stem(had));
    }
    // "My dog passed away" ends having a dog, and nothing else.
    if c.key.starts_with("person:") {
        return f.key.strip_prefix("pet.") == Some(ends);
    }
    // "I gave up on Spanish" ends "learning Spanish": the preposition names nothing.
    let words: Vec<&str> = ends
        .split(' ')
        .filter(|w| !w.is_empty() && !matches!(*w, "at" | "for" | "of" | "on" | "with"))
        .map(stem)
        .collect();
    let fact_words: Vec<&str> = key_words(&f.key).into_iter().map(stem).collect();
    (f.key.starts_with("said:")
        || matches!(
            f.facet,
            Facet::Preference | Facet::Interest | Facet::Routine | Facet::Goal
        ))
        && !words.is_empty()
        && words.iter().all(|w| fact_words.contains(w))
}

/// Words that name one's work as such: leaving it ends the employer whatever its name.
const JOB_WORDS: &[&str] = &["career", "company", "employer", "job", "position"];

/// Whether leaving what `ends` names ("I left Ohio", "I quit my job at Acme", "I left my job")
/// ends an identity fact: the employer, occupation or city whose value it names (all of the one's
/// words are in the other), or any employer for one's job as such. `None` for facts of other keys.
fn ended_identity(f: &Fact, ends: &str) -> Option<bool> {
    if !matches!(f.key.as_str(), "employer" | "occupation" | "location.city") {
        return None;
    }
    let left = plain_words(ends);
    let value = plain_words(&f.value);
    // "St. Mary's" names "St. Mary's hospital"; "my job at Google" names "Google".
    let covers = |a: &[String], b: &[String]| !a.is_empty() && a.iter().all(|w| b.contains(w));
    let named = covers(&value, &left) || covers(&left, &value);
    let job = f.key == "employer" && left.iter().any(|w| JOB_WORDS.contains(&w.as_str()));
    // "I quit teaching" ends "teacher", "I stopped nursing" "nurse".
    let work_of = |w: &String| work_stem(w).to_string();
    let craft = f.key == "occupation"
        && value.last().is_some_and(|v| {
            left.len() == 1 && work_of(v) == work_of(&left[0]) && work_of(v).len() >= 4
        });
    Some(named || job || craft)
}

/// The stem an occupation shares with its work ("teacher", "teaching": "teach"; "nurse",
/// "nursing": "nurs").
fn work_stem(word: &str) -> &str {
    ["ing", "er", "e"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word)
}

/// Lowercase alphanumeric words without articles or "my", for comparing names.
fn plain_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "a" | "an" | "the" | "my" | "our"))
        .collect()
}

/// A crude stem so "smoking" meets "smoke" and "dogs" meets "dog".
fn stem(word: &str) -> &str {
    let w = word
        .strip_suffix("ing")
        .filter(|w| w.len() >= 3)
        .unwrap_or(word);
    let w = w.strip_suffix('s').filter(|w| w.len() >= 3).unwrap_or(w);
    w.strip_suffix('e').filter(|w| w.len() >= 3).unwrap_or(w)
}

fn key_words(key: &str) -> Vec<&str> {
    key.split_once(':')
        .map_or(key, |(_, rest)| rest)
        .split([' ', ':'])
        .filter(|w| !w.is_empty())
        .collect()
}

fn jaccard(a: &[&str], b: &[&str]) -> f32 {
    let common = a.iter().filter(|w| b.contains(w)).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        1.0
    } else {
        common as f32 / union as f32
    }
}

/// Whether a correction ("I meant my cat, not my dog") names `f` as what was wrong: a fact of
/// the same facet about what follows "not".
fn corrected_away(f: &Fact, c: &Candidate) -> bool {
    let Some(wrong) = c.corrects.as_deref().filter(|w| !w.is_empty()) else {
        return false;
    };
    let object = f.key.rsplit([':', '.']).next().unwrap_or("");
    f.facet == c.facet
        && !f.key.starts_with("said:")
        && (object == wrong || f.value.eq_ignore_ascii_case(wrong))
}

fn change_reason(c: &Candidate) -> String {
    if c.corrects.is_some() {
        return format!("corrected: \"{}\"", c.quote);
    }
    if let Some(age) = crate::people::age_of(&c.key, &c.value) {
        return format!("now {age}: \"{}\"", c.quote);
    }
    if let Some(city) = crate::people::city_of(&c.key, &c.value) {
        return format!("now in {city}: \"{}\"", c.quote);
    }
    if let Some(partner) = crate::people::partner_of(c) {
        return format!("has a {partner}: \"{}\"", c.quote);
    }
    if crate::people::is_birth(c) {
        return format!("had the baby: \"{}\"", c.quote);
    }
    let what = match c.key.as_str() {
        "location.city" => format!("moved to {}", c.value),
        "occupation" if is_jobless(&c.value) => format!("now {}", c.value),
        "occupation" => format!("now works as {}", c.value),
        "employer" => format!("now works at {}", c.value),
        "relationship.status" => format!("now {}", c.value),
        _ if c.polarity == Polarity::Negative => "no longer".to_string(),
        // "I hate coffee now" after "I love coffee": said in words, not as the key.
        key if key.starts_with("likes:") => format!("now likes {}", c.value),
        key if key.starts_with("dislikes:") => format!("now dislikes {}", c.value),
        _ => "changed".to_string(),
    };
    format!("{what}: \"{}\"", c.quote)
}

/// "I eat meat again", "I'm eating chicken now", "I started eating fish again": the speaker
/// eating meat or fish ends a vegetarian or vegan diet; what they eat ("meat", "fish") if so.
fn breaks_diet(f: &Fact, c: &Candidate) -> Option<&'static str> {
    const EATING: &[&str] = &["ate", "eat", "eating"];
    const MEATS: &[&str] = &[
        "bacon", "beef", "burger", "burgers", "chicken", "ham", "meat", "pork", "steak", "turkey",
    ];
    const FISH: &[&str] = &["fish", "salmon", "seafood", "shrimp", "sushi", "tuna"];
    if !matches!(f.key.as_str(), "diet:vegetarian" | "diet:vegan")
        || c.polarity != Polarity::Positive
        || !c.statement.starts_with("I ")
    {
        return None;
    }
    let words = plain_words(&c.statement);
    let has_any = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if !has_any(EATING) {
        return None;
    }
    if has_any(MEATS) {
        Some("meat")
    } else if has_any(FISH) {
        Some("fish")
    } else {
        None
    }
}

/// An occupation that is no work: it also ends the employer ("I retired").
fn is_jobless(occupation: &str) -> bool {
    matches!(occupation, "retired" | "unemployed")
}

fn end(f: &mut Fact, ev: &Evidence<'_>, by: Option<FactId>, reason: &str, when: DateTime<Utc>) {
    f.valid_to = Some(when.max(f.valid_from));
    f.superseded_by = by;
    f.ended_by = Some(ev.id.clone());
    f.change_reason = Some(reason.to_string());
}

fn strengthen(f: &mut Fact, c: &Candidate, ev: &Evidence<'_>) {
    if protected(f) || f.evidence.contains(ev.id) {
        return;
    }
    f.evidence.push(ev.id.clone());
    f.confidence = (1.0 - (1.0 - f.confidence) * (1.0 - 0.5 * c.confidence)).min(0.99);
    f.strength = f.strength.max(c.strength);
    f.last_seen = f.last_seen.max(ev.time);
}

/// The current fact that says the same as `c`: same key and value, for free-form facts
/// (`said:`, `person:`) a near-duplicate, and for a statement kept as said a fact that is stated
/// in the same words ("I have kids." beside `family.kids`).
fn find_same(facts: &[Fact], c: &Candidate) -> Option<usize> {
    let said = c.key.starts_with("said:");
    let free_form = said || c.key.starts_with("person:");
    facts.iter().position(|f| {
        f.is_current()
            && f.polarity == c.polarity
            && (f.key == c.key && same_value(f, c)
                || said && f.statement.eq_ignore_ascii_case(&c.statement)
                || free_form
                    && f.facet == c.facet
                    && (f.key == c.key || f.key.starts_with("said:") && c.key.starts_with("said:"))
                    && value_overlap(f, c) >= NEAR_DUPLICATE)
    })
}

fn add_or_strengthen(facts: &mut Vec<Fact>, c: Candidate, ev: &Evidence<'_>) {
    match find_same(facts, &c) {
        Some(i) => strengthen(&mut facts[i], &c, ev),
        None => {
            let fact = new_fact(facts, c, ev);
            facts.push(fact);
        }
    }
}

fn value_overlap(f: &Fact, c: &Candidate) -> f32 {
    let a: Vec<String> = f
        .value
        .to_lowercase()
        .split(' ')
        .map(str::to_string)
        .collect();
    let b: Vec<String> = c
        .value
        .to_lowercase()
        .split(' ')
        .map(str::to_string)
        .collect();
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    jaccard(&a, &b)
}

fn new_fact(facts: &[Fact], c: Candidate, ev: &Evidence<'_>) -> Fact {
    let description = match c.due {
        Some(due) => format!(
            "{}{}.",
            c.description.trim_end_matches('.'),
            due_suffix(due)
        ),
        None => c.description,
    };
    Fact {
        id: next_id(facts),
        facet: c.facet,
        key: c.key,
        value: c.value,
        polarity: c.polarity,
        strength: c.strength,
        confidence: c.confidence,
        source: Source::Stated,
        sensitivity: c.sensitivity,
        statement: c.statement,
        description,
        evidence: vec![ev.id.clone()],
        valid_from: c.since.unwrap_or(ev.time),
        valid_to: None,
        superseded_by: None,
        ended_by: None,
        change_reason: None,
        pinned: false,
        last_seen: ev.time,
    }
}
