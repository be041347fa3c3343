//! A parent counting their children: "I'm a mom of three", "I'm a proud dad of two boys" have
//! three kids, two boys.

use rapport_core::Facet;

use super::{Found, Reading};
use crate::lexicon::{self, has};

/// Words for a parent ("a mom of three").
const PARENTS: &[&str] = &["dad", "father", "mom", "mother", "mum", "parent"];

/// "I'm a (proud, single) mom of three (kids)": the children's count, keyed as "I have three
/// kids" is (`family.children` = 3).
pub(super) fn read(r: &Reading<'_>) -> Option<Found> {
    if r.w(0) != "am" || !r.is(1, &["a"]) || r.negated || r.past {
        return None;
    }
    let parent = (2..5).find(|&i| has(PARENTS, r.w(i)))?;
    if !r.is(parent + 1, &["of"]) {
        return None;
    }
    let count = lexicon::count_of(r.w(parent + 2)).filter(|n| *n > 1)?;
    let key = match r.w(parent + 3) {
        "" | "kids" | "children" => "children",
        "boys" | "sons" => "son",
        "girls" | "daughters" => "daughter",
        _ => return None,
    };
    if r.pred.len() > parent + 4 {
        return None;
    }
    // The statement keeps the user's words ("I am a mom of three").
    Some(Found::new(
        Facet::Identity,
        format!("family.{key}"),
        count.to_string(),
    ))
}
