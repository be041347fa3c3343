//! Identity: name, age, home town, city, occupation, employer, education, relationship status,
//! diet ("I am vegetarian") and allergies.

use rapport_core::Facet;

use super::places;
use super::{Found, Reading, noun_phrase};
use crate::lexicon::{self, has};
use crate::render::{key_text, value_text};
use crate::tokenize::Token;

const PLACE_VERBS: &[&str] = &[
    "born",
    "grew",
    "live",
    "lived",
    "moved",
    "relocated",
    "reside",
];

/// Identity patterns on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    if let Some(f) = super::education::read(r) {
        return Some(f);
    }
    match r.w(0) {
        "am" if r.is(1, &["living"]) && r.is(2, &["in"]) && places::names_a_place(r, 3) => {
            places::city(r, 3, "I live in")
        }
        // "I got promoted to senior manager": the occupation now.
        "got" | "was" if r.is(1, &["promoted"]) && r.is(2, &["to"]) && !r.negated => {
            super::job_change::promoted_to(r)
        }
        "am" | "was" => being(r),
        "live" | "lived" | "reside" if r.is(1, &["in"]) => places::city(r, 2, "I live in"),
        // "I've lived in Chicago since 2019", "I have been living in Ohio for years": where
        // the user lives now (as "I'm living in Austin" is).
        "have" => lived_in_until_now(r).and_then(|at| places::city(r, at, "I live in")),
        "moved" | "relocated" if r.is(1, &["to"]) && !r.negated => places::city(r, 2, "I live in"),
        // "I moved here from Chicago", "I moved from Chicago to Denver": the city before is
        // history.
        "moved" if r.is(1, &["here", "away", "over"]) && r.is(2, &["from"]) && !r.negated => {
            places::moved_from(r, 3)
        }
        "moved" if r.is(1, &["from"]) && !r.negated => moved_from_to(r),
        "moved" if r.is(1, &["back"]) && r.is(2, &["to"]) && !r.negated => {
            places::city(r, 3, "I live in")
        }
        "got" | "found" | "landed" | "started" if !r.negated && job_as(r).is_some() => new_job(r),
        "got" | "found" | "landed" | "started"
            if !r.negated && super::job_change::new_job_at(r).is_some() =>
        {
            super::job_change::new_job_at(r)
        }
        "grew" if r.is(1, &["up"]) && r.is(2, &["in"]) => places::hometown(r, 3),
        "come" if r.is(1, &["from"]) => places::hometown(r, 2),
        "work" | "worked" => work(r),
        // "I got married", "we got engaged", "I started dating someone": the status changes.
        "got" if has(lexicon::STATUSES, r.w(1)) && !r.negated => Some(status(r.w(1))),
        "started" if r.is(1, &["dating"]) && !r.negated => Some(status("dating")),
        "retired" if !r.negated && (r.pred.len() == 1 || r.is(1, &["from"])) => Some(retired(r)),
        "became" if !r.negated => became(r),
        // "I just turned 35": the age now.
        "turned" if !r.negated && !r.past => stated_age(r, 1),
        _ => None,
    }
    .filter(|_| !has(PLACE_VERBS, r.w(0)) || !r.negated || r.ended)
}

/// Where the place starts in "have lived in" / "have been living in" said with how long ("since
/// 2019", "for ten years"); without it, having lived somewhere is an experience.
fn lived_in_until_now(r: &Reading<'_>) -> Option<usize> {
    let at = if r.is(1, &["lived"]) {
        2
    } else if r.is(1, &["been"]) && r.is(2, &["living"]) {
        3
    } else {
        return None;
    };
    let dated = r.time.is_some_and(|t| t.start <= r.now)
        || r.pred
            .windows(2)
            .any(|w| w[0].lower == "for" && super::is_span(&w[1].lower))
        || r.pred
            .windows(3)
            .any(|w| w[0].lower == "for" && super::is_span(&w[2].lower));
    (r.is(at, &["in"]) && dated && !r.negated && !r.past).then_some(at + 1)
}

/// Where the occupation starts in "got a (new) job as …", if the clause says so.
fn job_as(r: &Reading<'_>) -> Option<usize> {
    let job = (1..5).find(|&k| r.is(k, &["job", "position"]))?;
    r.is(job + 1, &["as"]).then_some(job + 2)
}

/// "I moved from Chicago (to Denver)": the city left is history, the one moved to current.
fn moved_from_to(r: &Reading<'_>) -> Option<Found> {
    let left = places::moved_from(r, 2);
    let to = (3..r.pred.len()).find(|&k| r.is(k, &["to"]));
    match to.and_then(|k| places::city(r, k + 1, "I live in")) {
        Some(mut now) => {
            now.extra.extend(left);
            Some(now)
        }
        None => left,
    }
}

/// "I got a new job as a software engineer at Shopify": the occupation and the employer now.
fn new_job(r: &Reading<'_>) -> Option<Found> {
    let at = job_as(r)?;
    let np = noun_phrase(r, at);
    let job = value_text(&np);
    if job.is_empty() || super::only_anaphors(&np) {
        return None;
    }
    let mut f = works_as(&job);
    f.extra.extend(employer_after(r, at + np.len()));
    Some(f)
}

/// A relationship status the user now has ("I got married" → "I am married.").
fn status(value: &str) -> Found {
    let mut f = Found::new(Facet::Identity, "relationship.status", value);
    f.statement = Some(format!("I am {value}."));
    f
}

/// "I retired (from teaching)": the occupation is now "retired", which also ends the employer;
/// what the user retired from ends too.
fn retired(r: &Reading<'_>) -> Found {
    let mut f = Found::new(Facet::Identity, "occupation", "retired");
    f.statement = Some("I am retired.".to_string());
    if r.pred.len() > 2 {
        let mut from = Found::new(
            Facet::Identity,
            format!("said:{}", key_text(&r.pred)),
            value_text(&r.pred),
        );
        from.ends = Some(key_text(r.rest(2)));
        f.extra.push(from);
    }
    f
}

/// "I am …" / "I was …".
fn being(r: &Reading<'_>) -> Option<Found> {
    let past = r.w(0) == "was";
    let i = 1;
    if r.is(i, &["from"]) && !past {
        return places::hometown(r, i + 1);
    }
    if r.is(i, &["born"]) && r.is(i + 1, &["in"]) {
        return places::hometown(r, i + 2);
    }
    if r.is(i, &["born"]) && r.pred.len() == i + 1 {
        return born_in_year(r);
    }
    if let Some(f) = stated_age(r, i).filter(|_| !past && !r.negated) {
        return Some(f);
    }
    if r.is(i, &["afraid", "scared", "terrified"]) && r.is(i + 1, &["of"]) && !past {
        let np = noun_phrase(r, i + 2);
        let what = value_text(&np);
        if what.is_empty() || super::only_anaphors(&np) {
            return None;
        }
        let mut f = Found::new(
            Facet::Preference,
            format!("fears:{}", what.to_lowercase()),
            what.clone(),
        );
        f.statement = Some(format!("I am {} of {what}.", r.w(i)));
        return Some(f);
    }
    // "I'm (severely) allergic to bees".
    let degree = usize::from(r.w(i).ends_with("ly") || r.is(i, &["so", "super", "very"]));
    if r.is(i + degree, &["allergic"]) && r.is(i + degree + 1, &["to"]) {
        let what = value_text(r.rest(i + degree + 2));
        return (!what.is_empty()).then(|| {
            Found::new(
                Facet::Preference,
                format!("allergy:{}", what.to_lowercase()),
                what,
            )
        });
    }
    let np_start = if r.is(i, &["a", "an"]) { i + 1 } else { i };
    if let Some((diet, words)) = diet_at(r, np_start)
        && r.pred.len() <= np_start + words
    {
        return Some(Found::new(Facet::Preference, format!("diet:{diet}"), diet));
    }
    if has(lexicon::STATUSES, r.w(i)) && !past && !r.negated {
        return Some(Found::new(
            Facet::Identity,
            "relationship.status",
            r.w(i).to_string(),
        ));
    }
    // "I'm not married": the status is "not married", said positively, so it replaces
    // "married" and a later "I'm married" replaces it.
    if has(lexicon::STATUSES, r.w(i)) && !past && r.negated && r.pred.len() == i + 1 {
        // "I'm not married anymore", "I'm no longer married": the status ends.
        if r.ended {
            return Some(Found::new(
                Facet::Identity,
                "relationship.status",
                r.w(i).to_string(),
            ));
        }
        let mut f = status(&format!("not {}", r.w(i)));
        f.polarity = Some(rapport_core::Polarity::Positive);
        return Some(f);
    }
    if r.is(i, &["retired", "unemployed"]) && !r.negated {
        return Some(Found::new(
            Facet::Identity,
            "occupation",
            r.w(i).to_string(),
        ));
    }
    if np_start > i {
        let mut np = noun_phrase(r, np_start);
        // "a college student studying biology", "a nurse working at a clinic": the participle
        // says more about the occupation, not part of it.
        let doing = (1..np.len()).find(|&k| {
            has(&["majoring", "studying", "working"], &np[k].lower)
                && has(lexicon::OCCUPATIONS, &np[k - 1].lower)
        });
        let mut more = Vec::new();
        if let Some(k) = doing {
            more.extend(doing_as_occupation(r, np_start + k));
            np.truncate(k);
        }
        if np
            .last()
            .is_some_and(|t| has(lexicon::OCCUPATIONS, &t.lower))
            && !r.negated
        {
            let job = value_text(&np);
            let mut f = Found::new(Facet::Identity, "occupation", job.to_lowercase());
            if !past {
                f.statement = Some(format!("I am {} {job}.", a_or_an(&job)));
            }
            f.past = past;
            let after = np_start + np.len();
            f.extra
                .extend(employer_after(r, after).or_else(|| places::work_city(r, after)));
            f.extra.extend(more);
            return Some(f);
        }
    }
    // "I'm Maya": a lone capitalized word that no list knows.
    if r.pred.len() == 2 && !past && !r.negated {
        let t = &r.pred[1];
        let capitalized = t.text.chars().next().is_some_and(char::is_uppercase);
        let nationality = ["an", "ese", "ish", "ch", "i"]
            .iter()
            .any(|s| t.lower.ends_with(s));
        if capitalized && !nationality && !has(lexicon::CHAT_STATES, &t.lower) {
            let mut f = Found::new(Facet::Identity, "name", t.text.clone());
            f.statement = Some(format!("My name is {}.", t.text));
            return Some(f);
        }
    }
    None
}

/// What a participle after an occupation at `at` says: "studying biology" the field of study,
/// "working at a clinic" the employer.
fn doing_as_occupation(r: &Reading<'_>, at: usize) -> Option<Found> {
    if r.w(at) == "working" {
        return employer_after(r, at + 1);
    }
    let from = at + 1 + usize::from(r.is(at + 1, &["in"]));
    let np = noun_phrase(r, from);
    let field = value_text(&np);
    (!field.is_empty() && np.len() <= 3 && !super::only_anaphors(&np))
        .then(|| Found::new(Facet::Identity, "education", field))
}

/// "I became a vet (to begin with)": the occupation holds now, said as "I am a vet".
fn became(r: &Reading<'_>) -> Option<Found> {
    if !r.is(1, &["a", "an"]) {
        return None;
    }
    let np = noun_phrase(r, 2);
    if !np
        .last()
        .is_some_and(|t| has(lexicon::OCCUPATIONS, &t.lower))
    {
        return None;
    }
    let job = value_text(&np);
    let mut f = Found::new(Facet::Identity, "occupation", job.to_lowercase());
    f.statement = Some(format!("I am {} {job}.", a_or_an(&job)));
    Some(f)
}

/// The indefinite article before a word ("an engineer", "a nurse").
fn a_or_an(word: &str) -> &'static str {
    if word
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c))
    {
        "an"
    } else {
        "a"
    }
}

/// The occupation `job`, said "I work as a(n) <job>.".
pub(super) fn works_as(job: &str) -> Found {
    let mut f = Found::new(Facet::Identity, "occupation", job.to_lowercase());
    f.statement = Some(format!("I work as {} {job}.", a_or_an(job)));
    f
}

/// The diet named at `i` and how many words name it: "vegan" (1), "gluten free" written as
/// two words for "gluten-free" (2).
fn diet_at(r: &Reading<'_>, i: usize) -> Option<(String, usize)> {
    if has(lexicon::DIETS, r.w(i)) {
        return Some((r.w(i).to_string(), 1));
    }
    let free = format!("{}-free", r.w(i));
    (r.w(i + 1) == "free" && has(lexicon::DIETS, &free)).then_some((free, 2))
}

/// The age a number at `i` states when it ends the clause or "years (old)" follows it ("I am
/// 34", "I just turned 35 years old"), said "I am 35 years old.".
fn stated_age(r: &Reading<'_>, i: usize) -> Option<Found> {
    let age = r
        .w(i)
        .parse::<u32>()
        .ok()
        .filter(|a| (1..120).contains(a))?;
    if !r.is(i + 1, &["years", "yrs"]) && r.pred.len() != i + 1 {
        return None;
    }
    let mut f = Found::new(Facet::Identity, "age", age.to_string());
    f.statement = Some(format!("I am {age} years old."));
    Some(f)
}

/// "I was born in 1990": the year, which the time expression took out of the predicate
/// (without it the fact read "Was born.").
fn born_in_year(r: &Reading<'_>) -> Option<Found> {
    use chrono::Datelike;
    let year = r.clause.iter().find_map(|t| {
        let y = t.lower.parse::<i32>().ok()?;
        (t.lower.len() == 4 && (1900..=r.now.year()).contains(&y)).then_some(y)
    })?;
    let mut f = Found::new(Facet::Identity, "birth_year", year.to_string());
    f.statement = Some(format!("I was born in {year}."));
    Some(f)
}

/// "I work as a nurse", "I work at Acme", "I work in marketing"; "I don't work at Acme
/// anymore" ends it.
fn work(r: &Reading<'_>) -> Option<Found> {
    if r.negated && !r.ended {
        return None;
    }
    let np = noun_phrase(r, 2);
    let value = value_text(&np);
    if value.is_empty() || super::only_anaphors(&np) {
        return None;
    }
    match r.w(1) {
        "as" => {
            let mut f = works_as(&value);
            let after = 2 + np.len();
            f.extra
                .extend(employer_after(r, after).or_else(|| places::work_city(r, after)));
            Some(f)
        }
        "at" | "for" if !starts_with_number(&np) => {
            let mut f = employer_as(r, &np, value);
            f.extra.extend(places::work_city(r, 2 + np.len()));
            Some(f)
        }
        "in" => Some(Found::new(
            Facet::Identity,
            "work.field",
            value.to_lowercase(),
        )),
        _ => None,
    }
    .map(|mut f| {
        f.past = r.w(0) == "worked";
        for extra in &mut f.extra {
            extra.past = f.past;
        }
        f
    })
}

/// "Acme as a designer" after "I work at": the employer, and the occupation after "as".
fn employer_as(r: &Reading<'_>, np: &[Token], whole: String) -> Found {
    let Some(k) = np.iter().position(|t| t.lower == "as").filter(|&k| k > 0) else {
        return Found::new(Facet::Identity, "employer", whole);
    };
    let employer = value_text(&np[..k]);
    let job = value_text(&np[k + 1..]);
    if employer.is_empty() || job.is_empty() {
        return Found::new(Facet::Identity, "employer", whole);
    }
    let mut f = Found::new(Facet::Identity, "employer", employer.clone());
    f.statement = Some(format!(
        "I work at {}.",
        places::with_article(r, 2, &employer)
    ));
    f.extra.push(works_as(&job));
    f
}

/// Whether a phrase after "at" / "for" starts with a number, which makes it no employer ("I work
/// at 20 hours a week", "a tutor for 3rd graders").
fn starts_with_number(np: &[Token]) -> bool {
    np.first()
        .is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()))
}

/// "… at St. Mary's hospital" after an occupation: the employer.
pub(super) fn employer_after(r: &Reading<'_>, i: usize) -> Option<Found> {
    if !r.is(i, &["at", "for"]) {
        return None;
    }
    let np = noun_phrase(r, i + 1);
    let employer = value_text(&np);
    (!employer.is_empty() && !super::only_anaphors(&np) && !starts_with_number(&np)).then(|| {
        let mut f = Found::new(Facet::Identity, "employer", employer.clone());
        f.statement = Some(format!(
            "I work at {}.",
            places::with_article(r, i + 1, &employer)
        ));
        // "… at a startup in Austin": the city too.
        f.extra.extend(places::work_city(r, i + 1 + np.len()));
        f
    })
}
