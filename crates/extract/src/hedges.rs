//! Hedges said around the subject, which lower a statement's confidence: "Maybe I'll learn
//! Spanish next year", "I'm pretty sure I'm allergic to cats".

use crate::lexicon::has;
use crate::tokenize::Token;

/// "Maybe I'll learn Spanish next year": a hedge before the subject of a plan with a time (not
/// "Maybe I am wrong", talk).
pub(crate) fn before_a_plan(tokens: &[&Token]) -> bool {
    let lower = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_str());
    has(&["maybe", "perhaps", "possibly", "probably"], lower(0))
        && lower(1) == "i"
        && has(&["may", "might", "will"], lower(2))
        && crate::time::names_a_time(tokens)
}

/// "I'm pretty sure I …": how many words the hedge takes before the second "I".
pub(crate) fn pretty_sure(tokens: &[&Token]) -> Option<usize> {
    let lower = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_str());
    (lower(1) == "am" && matches!(lower(2), "fairly" | "pretty") && lower(3) == "sure").then_some(4)
}
