//! Kin named with more than a plain word: in-laws ("my brother-in-law", "my in-laws"), step-,
//! half- and god- relatives ("my stepmom", "my half-sister", "my godson"), beside the plain
//! words of [`crate::lexicon::PEOPLE`].

use crate::lexicon::{PEOPLE, has};

/// Prefixes that make a kin word of a plain one ("stepmom", "half-brother", "godmother").
const KIN_PREFIXES: &[&str] = &["god", "half-", "step", "step-"];

/// Whether a lowercase word names someone in the speaker's life: a word of
/// [`PEOPLE`], or one made from it ("brother-in-law", "sisters-in-law", "in-laws", "stepdad").
pub(crate) fn is_person(w: &str) -> bool {
    has(PEOPLE, w) || w == "in-laws" || base(w).is_some_and(|b| has(PEOPLE, b))
}

/// The plain kin word a made one is built on ("brother-in-law" → "brother", "stepmom" →
/// "mom"), or the word itself.
pub(crate) fn plain(w: &str) -> &str {
    base(w).filter(|b| has(PEOPLE, b)).unwrap_or(w)
}

/// The word inside an in-law, step-, half- or god- word, if it is one.
fn base(w: &str) -> Option<&str> {
    if let Some(b) = w
        .strip_suffix("-in-law")
        .or_else(|| w.strip_suffix("-in-laws"))
    {
        return Some(b);
    }
    KIN_PREFIXES
        .iter()
        .rev()
        .find_map(|p| w.strip_prefix(p))
        .filter(|b| !b.is_empty())
}

#[cfg(test)]
mod tests {
    use super::{is_person, plain};

    #[test]
    fn in_laws_and_step_relatives_are_people() {
        for w in [
            "brother-in-law",
            "sisters-in-law",
            "mother-in-law",
            "in-laws",
            "stepmom",
            "step-dad",
            "half-brother",
            "godson",
            "sister",
        ] {
            assert!(is_person(w), "{w}");
        }
        for w in ["law", "stepping", "goddess", "half-time", "in-law-ish"] {
            assert!(!is_person(w), "{w}");
        }
        assert_eq!(plain("brother-in-law"), "brother");
        assert_eq!(plain("stepmom"), "mom");
        assert_eq!(plain("aunt"), "aunt");
    }
}
