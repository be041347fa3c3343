//! Education: what the user studies ("I'm studying nursing", "I majored in history"), schools
//! graduated from and degrees held, which stay whatever one studies next.

use rapport_core::Facet;

use super::{Found, Reading, noun_phrase};
use crate::render::value_text;

/// Degrees one holds in a field ("a master's in biology").
const DEGREES: &[&str] = &[
    "bachelor's",
    "bachelors",
    "degree",
    "diploma",
    "doctorate",
    "master's",
    "masters",
    "phd",
];

/// Education patterns on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    match r.w(0) {
        "am" if r.is(1, &["studying", "majoring"]) => studying(r),
        "have" if r.is(1, &["a", "an"]) && r.is(2, DEGREES) && r.is(3, &["in"]) => {
            let field = value_text(&noun_phrase(r, 4));
            (!field.is_empty() && !r.negated).then(|| {
                let key = format!("degree:{}", field.to_lowercase());
                let mut f = Found::new(Facet::Identity, key, field);
                f.statement = Some(crate::render::sentence(&crate::render::join(r.clause)));
                f
            })
        }
        // Not "I study in the UK", "I studied abroad": where, not what.
        "study" | "studied" | "major" | "majored"
            if !(r.is(1, &["abroad"]) || r.is(1, &["in"]) && r.is(2, &["the"])) =>
        {
            let skip = if r.is(1, &["in"]) { 2 } else { 1 };
            let field = value_text(&noun_phrase(r, skip));
            (!field.is_empty() && !r.negated)
                .then(|| Found::new(Facet::Identity, "education", field))
        }
        // A degree earned stays earned whatever one studies next: one fact per school.
        "graduated" if r.is(1, &["from"]) => {
            let school = value_text(&noun_phrase(r, 2));
            (!school.is_empty()).then(|| {
                let key = format!("graduated:{}", school.to_lowercase());
                ends_studies(r, Found::new(Facet::Identity, key, school))
            })
        }
        // "I graduated (last month)".
        "graduated" if r.pred.len() == 1 && !r.negated => {
            let mut f = Found::new(Facet::Identity, "graduated", "yes");
            f.statement = Some("I graduated.".to_string());
            Some(ends_studies(r, f))
        }
        _ => None,
    }
}

/// A graduation said without a time or within the last year ends being a student ("I'm a
/// student", then "I graduated last month"); one long ago does not.
fn ends_studies(r: &Reading<'_>, mut f: Found) -> Found {
    let recent = r
        .time
        .is_none_or(|t| r.now - t.start < chrono::Duration::days(366));
    if recent && !r.negated {
        f.ends = Some("student".to_string());
    }
    f
}

/// "I'm studying nursing", "I'm majoring in history", "I'm studying at Harvard": the field of
/// study or the school (not "studying for an exam", "studying to be a nurse").
fn studying(r: &Reading<'_>) -> Option<Found> {
    let skip = if r.is(2, &["in", "at"]) { 3 } else { 2 };
    if r.negated || r.is(skip, &["a", "abroad", "for", "hard", "now", "the", "to"]) {
        return None;
    }
    let np = noun_phrase(r, skip);
    let field = value_text(&np);
    (!field.is_empty() && !super::only_anaphors(&np) && np.len() <= 4)
        .then(|| Found::new(Facet::Identity, "education", field))
}
