//! Inference split in two so it can run incrementally: [`TextScan::new`] reads one text once
//! (one tokenization for every estimator) and keeps what it contributes — its cue votes, the
//! age it states, its style counts and its gender- and Big Five-lexicon sums — and
//! [`estimate`] combines the scans of a window of texts into exactly what [`infer`](crate::infer),
//! [`style`](crate::style) and [`personality`](crate::personality) give for those texts. What
//! looks across texts (home ↔ birthplace, derived attributes, the latest stated age, winners,
//! calibration) happens only when combining; votes and sums are replayed in text order, so
//! the floating-point sums are the very same numbers. A caller can keep the scans of a user's
//! window and scan only new texts.

use rapport_core::EventId;

use crate::attribute::{Attribute, Inference};
use crate::gazetteer::Gazetteer;
use crate::gender::{GenderLexicon, GenderScan, GenderSums};
use crate::infer::{TABLE_ATTRIBUTES, choose, decide, slot};
use crate::personality::{Lexicon, LexiconHits, LexiconSums, PersonalityEstimate, estimates};
use crate::register::Register;
use crate::style::{StyleCounts, StyleFacet, facets};
use crate::tally::{Tally, Votes};
use crate::text::words;
use crate::{explicit, lexicon, places};

/// What one text contributes to every estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct TextScan {
    /// Cue votes in the order they were cast: the tally's slot, the value, the weight.
    votes: Vec<(usize, String, f32)>,
    /// The age the text states.
    stated_age: Option<u32>,
    style: StyleCounts,
    register: Register,
    /// Present when scanned with a gender lexicon.
    gender: Option<GenderSums>,
    /// Present when scanned with a Big Five lexicon.
    big_five: Option<LexiconHits>,
}

/// The votes of one text for one tally.
struct Recorder<'a> {
    slot: usize,
    votes: &'a mut Vec<(usize, String, f32)>,
}

impl Votes for Recorder<'_> {
    fn add(&mut self, value: &str, weight: f32, _text: usize) {
        self.votes.push((self.slot, value.to_string(), weight));
    }
}

impl TextScan {
    /// Reads one text. Scans combined by [`estimate`] must all be made with the lexicons given
    /// to it.
    pub fn new(text: &str, gender: Option<&GenderLexicon>, big_five: Option<&Lexicon>) -> Self {
        let w = words(text);
        let mut votes = Vec::new();
        for (table, rule) in lexicon::matches(&w) {
            let (_, value, weight) = lexicon::TABLES[table][rule];
            votes.push((slot(TABLE_ATTRIBUTES[table]), value.to_string(), weight));
        }
        // City and birthplace votes interleave: record them in one list, in the order cast.
        let mut place_votes = Vec::new();
        let mut birth_votes = Vec::new();
        let mut city = Recorder {
            slot: slot(Attribute::City),
            votes: &mut place_votes,
        };
        let mut birth = Recorder {
            slot: slot(Attribute::Birthplace),
            votes: &mut birth_votes,
        };
        places::cues(Gazetteer::builtin(), &w, text, 0, &mut city, &mut birth);
        // Different tallies do not interact, so only the order within each tally matters.
        votes.extend(place_votes);
        votes.extend(birth_votes);
        Self {
            votes,
            stated_age: explicit::age(&w),
            style: StyleCounts::of(text, &w),
            register: Register::of(text, &w),
            gender: gender.map(|g| g.sums(&w)),
            big_five: big_five.map(|l| l.hits(&w)),
        }
    }
}

/// A scanned text of a user's window, with the event it came from.
#[derive(Debug, Clone, Copy)]
pub struct ScannedText<'a> {
    /// The event.
    pub id: &'a EventId,
    /// Its scan.
    pub scan: &'a TextScan,
}

/// Everything inferred from a window of texts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Estimates {
    /// As [`infer`](crate::infer) gives them.
    pub attributes: Vec<Inference>,
    /// As [`style`](crate::style) gives them.
    pub style: Vec<StyleFacet>,
    /// As [`personality`](crate::personality) gives them (empty without a Big Five lexicon).
    pub personality: Vec<PersonalityEstimate>,
}

/// Combines the scans of a user's texts, oldest first, into the estimates the whole-window
/// functions give for those texts with the same lexicons; `priors` as for
/// [`infer`](crate::infer).
pub fn estimate(
    texts: &[ScannedText<'_>],
    gender: Option<&GenderLexicon>,
    big_five: Option<&Lexicon>,
    priors: bool,
) -> Estimates {
    if texts.is_empty() {
        return Estimates::default();
    }
    let mut t: [Tally; 8] = Default::default();
    let mut stated = None;
    let mut gender_scan = gender.map(GenderScan::new);
    let mut style = StyleCounts::default();
    let mut register = Register::default();
    let mut lexicon_sums = LexiconSums::default();
    for (i, text) in texts.iter().enumerate() {
        let scan = text.scan;
        if let (Some(g), Some(sums)) = (&mut gender_scan, scan.gender) {
            g.add_sums(i, sums);
        }
        if let Some(age) = scan.stated_age {
            stated = Some((age, i));
        }
        for (slot, value, weight) in &scan.votes {
            t[*slot].add(value, *weight, i);
        }
        style.add(&scan.style);
        register.add(&scan.register);
        if let Some(hits) = &scan.big_five {
            lexicon_sums.add(i, hits);
        }
    }
    let (raw, lexical) = decide(
        t,
        stated,
        register,
        gender_scan.and_then(GenderScan::estimate),
    );
    let ids: Vec<&EventId> = texts.iter().map(|t| t.id).collect();
    Estimates {
        attributes: choose(&ids, &raw, lexical, priors),
        style: facets(&style),
        personality: big_five
            .map(|_| estimates(lexicon_sums.scores()))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
