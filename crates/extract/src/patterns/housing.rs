//! Housing: a home the user rents ("I rent an apartment", "we're renting a house downtown"), kept
//! as `rents:<home>` (a possession, as `owns:house` is); a household's home is the speaker's.
//! Living in one ("I live in a condo") is the `home`, read with the places.

use rapport_core::Facet;

use super::{Found, Reading};
use crate::lexicon::has;
use crate::render::join;
use crate::tokenize::{Token, TokenKind};

/// Words for a home one rents (sorted), where "renting a car" or "a cabin next week" is no home.
const HOMES: &[&str] = &[
    "apartment",
    "condo",
    "flat",
    "home",
    "house",
    "loft",
    "place",
    "room",
    "studio",
    "townhouse",
];

/// Whether a word names a kind of home ("apartment", "condo").
pub(super) fn is_home(word: &str) -> bool {
    has(HOMES, word)
}

/// Where the home's determiner is after the words of renting at the start of `words` ("rent an
/// apartment": 1; "am renting a house": 2), if what is rented is a home within three words.
fn rented_home_at(words: &[&str]) -> Option<usize> {
    let w = |i: usize| words.get(i).copied().unwrap_or("");
    let det = match (w(0), w(1)) {
        ("rent", _) => 1,
        ("am" | "are", "renting") => 2,
        _ => return None,
    };
    let home =
        has(&["a", "an", "my", "our"], w(det)) && (det + 1..det + 4).any(|i| has(HOMES, w(i)));
    home.then_some(det)
}

/// Whether a clause of the household's states a rented home ("we're renting an apartment
/// downtown", "we rent a house"), which cleaning keeps as the speaker's.
pub(crate) fn household_rents(clause: &[&Token]) -> bool {
    let words: Vec<&str> = clause.iter().skip(1).map(|t| t.lower.as_str()).collect();
    clause.first().is_some_and(|t| t.lower == "we") && rented_home_at(&words).is_some()
}

/// "I rent an apartment downtown", "I'm renting a house in Austin": the home, said "I rent …";
/// not denied, not held before, not a plan ("renting a place next month").
pub(super) fn read(r: &Reading<'_>) -> Option<Found> {
    let words: Vec<&str> = r.pred.iter().map(|t| t.lower.as_str()).collect();
    let det = rented_home_at(&words)?;
    let planned = r.time.is_some_and(|t| t.start > r.now);
    if r.negated || r.past || planned {
        return None;
    }
    let home = (det + 1..det + 4).find(|&i| has(HOMES, r.w(i)))?;
    // "our apartment" is the speaker's: "my apartment".
    let rented: Vec<Token> = r.pred[det..]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| match t.lower.as_str() {
            "our" => Token::new("my", TokenKind::Word),
            _ => t.clone(),
        })
        .collect();
    let mut f = Found::new(Facet::Possession, format!("rents:{}", r.w(home)), r.w(home));
    f.statement = Some(format!("I rent {}.", join(&rented)));
    Some(f)
}
