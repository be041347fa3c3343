//! Places in identity statements: where the user lives ("I live in Austin", "I moved to a
//! small town in Texas"), works ("a developer at a startup in Austin") and comes from ("I grew up
//! in Ohio"), with the article kept as said.

use rapport_core::Facet;

use super::{Found, Reading, noun_phrase};
use crate::lexicon::has;
use crate::render::{title_case, value_text};
use crate::tokenize::Token;

/// Words that start no place name after "in" / "from" (a relative clause's verb follows).
const NOT_PLACES: &[&str] = &[
    "are", "be", "been", "can", "could", "did", "does", "got", "had", "has", "have", "is", "used",
    "was", "were", "will", "would",
];

/// Whether a place's name starts at `i` ("Austin"; not "the moment", "a maze of boxes").
pub(super) fn names_a_place(r: &Reading<'_>, i: usize) -> bool {
    r.pred
        .get(i)
        .is_some_and(|t| t.text.starts_with(|c: char| c.is_uppercase()))
}

/// The place named from `i` on, as written ("Austin", "a small town in Texas"), or title
/// cased when typed all in lower case ("boston" → "Boston").
fn place(r: &Reading<'_>, i: usize) -> Option<String> {
    let mut np = noun_phrase(r, i);
    // "Illinois right now": the time is not part of the name.
    if let Some(k) = (0..np.len()).find(|&k| {
        np[k].lower == "now"
            || np[k].lower == "right" && np.get(k + 1).is_none_or(|n| n.lower == "now")
    }) {
        np.truncate(k);
    }
    let text = value_text(&np) + &where_it_is(r, i + np.len(), &np);
    // "the city I grew up in used to be quiet": a verb after "in" starts no place name.
    let verb_first = np
        .first()
        .is_some_and(|t| t.text == t.lower && has(NOT_PLACES, &t.lower));
    (!text.is_empty() && np.len() <= 5 && !super::only_anaphors(&np) && !verb_first).then(|| {
        // "in the country", "in a condo" name a kind of place, not a place's name.
        let after_article = r.is(i, &["a", "an", "the"]);
        if !after_article
            && np.iter().all(|t| t.text == t.lower)
            && !np.iter().any(|t| t.lower == "town" || t.lower == "city")
        {
            title_case(&text)
        } else {
            text
        }
    })
}

/// Kinds of places that a name of where they are may follow ("a small town in Texas").
const PLACE_KINDS: &[&str] = &["city", "neighborhood", "suburb", "town", "village"];

/// " in Texas" when a kind of place (`np`, ending before `end`) is followed by where it is:
/// "a small town in Texas", "a suburb outside Boston"; "" otherwise.
fn where_it_is(r: &Reading<'_>, end: usize, np: &[Token]) -> String {
    let kind = np.last().is_some_and(|t| has(PLACE_KINDS, &t.lower));
    if !kind || !r.is(end, &["in", "near", "outside"]) {
        return String::new();
    }
    let named: Vec<Token> = r
        .rest(end + 1)
        .iter()
        .take_while(|t| t.text.starts_with(char::is_uppercase))
        .cloned()
        .collect();
    if named.is_empty() {
        return String::new();
    }
    format!(" {} {}", r.w(end), crate::render::join(&named))
}

/// "… in Austin" after where or as what the user works ("a developer at a startup in Austin",
/// "a teacher in Denver"): the city they work in (`work.city`), said "I work in Austin."; a
/// capitalized name from `i + 1`, not a time ("in May") nor an acronym ("in IT"); not of a job
/// held before.
pub(super) fn work_city(r: &Reading<'_>, i: usize) -> Option<Found> {
    let named = r.pred.get(i + 1).is_some_and(|t| {
        t.text.starts_with(char::is_uppercase) && t.text.chars().skip(1).any(char::is_lowercase)
    });
    let from_in: Vec<&Token> = r.rest(i).iter().collect();
    // "I was a teacher in Ohio": where they worked then is left to the statement.
    let held_before = r.past || has(&["was", "worked"], r.w(0));
    if !r.is(i, &["in"]) || !named || held_before || crate::time::starts_with_time(&from_in) {
        return None;
    }
    let city = place(r, i + 1)?;
    let mut f = Found::new(Facet::Identity, "work.city", city.clone());
    f.statement = Some(format!("I work in {}.", with_article(r, i + 1, &city)));
    Some(f)
}

/// The city the user lives in, named from `i` on, said "{lead} <place>." ("I lived in …" is
/// a past city).
pub(super) fn city(r: &Reading<'_>, i: usize, lead: &str) -> Option<Found> {
    let city = place(r, i)?;
    // "I live in an apartment downtown": the kind of home, not a city (it leaves the city be).
    let home = city.split(' ').all(|w| !w.starts_with(char::is_uppercase))
        && city.split(' ').any(super::housing::is_home);
    let key = if home { "home" } else { "location.city" };
    let mut f = Found::new(Facet::Identity, key, city.clone());
    f.past = r.w(0) == "lived";
    if !r.past && !f.past {
        f.statement = Some(format!("{lead} {}.", with_article(r, i, &city)));
    }
    Some(f)
}

/// Keeps "a small town" but not "the Denver".
pub(super) fn with_article(r: &Reading<'_>, i: usize, value: &str) -> String {
    if r.is(i, &["a", "an", "the"]) && value.chars().next().is_some_and(char::is_lowercase) {
        format!("{} {value}", r.w(i))
    } else {
        value.to_string()
    }
}

/// Where the user comes from, named from `i` on, said "I am from <place>.".
pub(super) fn hometown(r: &Reading<'_>, i: usize) -> Option<Found> {
    let town = place(r, i)?;
    let mut f = Found::new(Facet::Identity, "location.hometown", town.clone());
    f.statement = Some(format!("I am from {}.", with_article(r, i, &town)));
    Some(f)
}

/// "(I moved here) from Chicago": the city the user lived in before, held in the past.
pub(super) fn moved_from(r: &Reading<'_>, i: usize) -> Option<Found> {
    let city = place(r, i)?;
    let mut f = Found::new(Facet::Identity, "location.city", city);
    f.past = true;
    Some(f)
}
