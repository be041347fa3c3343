//! A change of job said as an event: "I just started a new job at Amazon" (the employer now),
//! "I got promoted to senior manager" (the occupation now).

use super::identity::{employer_after, works_as};
use super::{Found, Reading, noun_phrase};
use crate::lexicon::{self, has};
use crate::render::value_text;

/// "I just started a new job at Amazon", "I got a job at the bank": the employer now (the
/// occupation unsaid). Not someone else's job ("I got my son a job at …").
pub(super) fn new_job_at(r: &Reading<'_>) -> Option<Found> {
    let job = (1..4).find(|&k| r.is(k, &["job", "position"]))?;
    if (1..job).any(|k| crate::kin::is_person(r.w(k))) {
        return None;
    }
    employer_after(r, job + 1)
}

/// "I got promoted to senior manager (at Acme)": the occupation, and the employer if said.
pub(super) fn promoted_to(r: &Reading<'_>) -> Option<Found> {
    let np = noun_phrase(r, 3);
    let job = value_text(&np);
    // "promoted to a new role" names no job.
    let article = np
        .first()
        .is_some_and(|t| has(lexicon::DETERMINERS, &t.lower));
    if job.is_empty() || np.len() > 4 || article || super::only_anaphors(&np) {
        return None;
    }
    let mut f = works_as(&job);
    f.extra.extend(employer_after(r, 3 + np.len()));
    Some(f)
}
