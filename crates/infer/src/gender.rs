//! Sex as presented, from word use: the gender lexicon of the World Well-Being Project (Sap et
//! al. 2014, "Developing Age and Gender Predictive Lexica over Social Media", EMNLP), as the npm
//! package `predictgender` 4.0.0 ships it: a weight per word, learned from 75,000 Facebook
//! users, and an intercept; a writer's score is the intercept plus each word's weight times its
//! share of the words written, female above 0 and male below. Licensed CC BY-NC-SA 3.0 like the
//! Big Five lexicon, so not compiled in: `scripts/setup-gender-lexicon` builds it and
//! `RAPPORT_GENDER_LEXICON` points at it; without it there is no lexicon estimate of sex.
//!
//! Nothing in it is fitted to Rapport's development data; only its confidence is measured
//! there: on the 74 tune users of the attribute development set the sign was right for 53
//! ([`TUNE_ACCURACY`]; holdout in docs/EVALUATION.md).

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use crate::error::Error;
use crate::text::Word;

/// The environment variable naming the lexicon file (`scripts/setup-gender-lexicon` prints it).
pub const GENDER_LEXICON_ENV: &str = "RAPPORT_GENDER_LEXICON";

/// Share of the tune users whose sex the lexicon's sign got right (53 of 74), the confidence of
/// an estimate from plenty of text. Its size did not predict being right there (0.70 to 0.85
/// across the quartiles of |score|), so the confidence does not grow with it.
const TUNE_ACCURACY: f32 = 0.716;
/// Fewer matched words than this: no estimate.
const MIN_MATCHES: usize = 20;
/// Matched words at which confidence has risen 63% of the way from a coin toss to
/// [`TUNE_ACCURACY`] (tune users match a few hundred).
const MATCH_SCALE: f32 = 50.0;
/// At most this many texts are cited as evidence: those that pushed most toward the answer.
const EVIDENCE: usize = 3;

/// The gender lexicon: a weight per word and an intercept.
#[derive(Debug, Default)]
pub struct GenderLexicon {
    weights: HashMap<String, f32>,
    intercept: f32,
}

impl GenderLexicon {
    /// Reads the lexicon's text: `#` comment lines, then `term <TAB> weight` lines, one of them
    /// the term `_intercept`.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut lexicon = GenderLexicon::default();
        let mut intercept = None;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |reason: &str| Error::GenderLexicon {
                line: n + 1,
                reason: reason.to_string(),
            };
            let mut fields = line.split('\t');
            let (Some(term), Some(weight), None) = (fields.next(), fields.next(), fields.next())
            else {
                return Err(bad("expected two tab-separated fields"));
            };
            let weight: f32 = weight
                .parse()
                .ok()
                .filter(|w: &f32| w.is_finite())
                .ok_or_else(|| bad("weight is not a number"))?;
            if term == "_intercept" {
                intercept = Some(weight);
            } else if term.is_empty() || term.contains(' ') {
                return Err(bad("a term is one word"));
            } else {
                lexicon.weights.insert(term.to_string(), weight);
            }
        }
        let whole = |reason: &str| Error::GenderLexicon {
            line: 0,
            reason: reason.to_string(),
        };
        lexicon.intercept = intercept.ok_or_else(|| whole("no _intercept"))?;
        if lexicon.weights.is_empty() {
            return Err(whole("no terms"));
        }
        Ok(lexicon)
    }

    /// Reads a lexicon file.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let file = |reason: String| Error::GenderLexiconFile {
            path: path.display().to_string(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| file(e.to_string()))?;
        Self::parse(&text).map_err(|e| file(e.to_string()))
    }

    /// The lexicon `RAPPORT_GENDER_LEXICON` names, read once per process; `None` when the
    /// variable is unset or empty.
    pub fn from_env() -> Result<Option<&'static GenderLexicon>, Error> {
        static LOADED: OnceLock<Result<Option<GenderLexicon>, Error>> = OnceLock::new();
        crate::env_file::named_by_env(&LOADED, GENDER_LEXICON_ENV, Self::load)
    }
}

/// What one text contributes to the lexicon's score: the summed weight of its matched words
/// (added in word order), how many matched, and how many words it has.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct GenderSums {
    weight: f32,
    matched: usize,
    words: usize,
}

impl GenderLexicon {
    /// What the words of one text contribute.
    pub(crate) fn sums(&self, words: &[Word]) -> GenderSums {
        let mut sums = GenderSums {
            words: words.len(),
            ..GenderSums::default()
        };
        for w in words {
            if let Some(weight) = self.weights.get(&w.lower) {
                sums.weight += weight;
                sums.matched += 1;
            }
        }
        sums
    }
}

/// The lexicon's running score over a user's texts, added to one text at a time.
#[derive(Debug)]
pub struct GenderScan<'a> {
    lexicon: &'a GenderLexicon,
    sum: f32,
    words: usize,
    matched: usize,
    /// Per text that matched: its index and its summed weight.
    texts: Vec<(usize, f32)>,
}

impl<'a> GenderScan<'a> {
    /// A scan with nothing read yet.
    pub fn new(lexicon: &'a GenderLexicon) -> Self {
        Self {
            lexicon,
            sum: 0.0,
            words: 0,
            matched: 0,
            texts: Vec::new(),
        }
    }

    /// Adds the words of text `text`.
    pub fn add(&mut self, text: usize, words: &[Word]) {
        self.add_sums(text, self.lexicon.sums(words));
    }

    /// Adds what one text contributed ([`GenderLexicon::sums`]) as text `text`.
    pub(crate) fn add_sums(&mut self, text: usize, sums: GenderSums) {
        self.matched += sums.matched;
        self.words += sums.words;
        self.sum += sums.weight;
        if sums.matched > 0 {
            self.texts.push((text, sums.weight));
        }
    }

    /// `female` or `male`, its confidence and the texts that pushed most toward it; `None`
    /// with too few matched words or a score of exactly 0.
    pub fn estimate(mut self) -> Option<(&'static str, f32, Vec<usize>)> {
        if self.matched < MIN_MATCHES {
            return None;
        }
        let score = self.lexicon.intercept + self.sum / self.words as f32;
        let sign = score.signum();
        if score == 0.0 {
            return None;
        }
        let value = if sign > 0.0 { "female" } else { "male" };
        let confidence =
            0.5 + (TUNE_ACCURACY - 0.5) * (1.0 - (-(self.matched as f32) / MATCH_SCALE).exp());
        self.texts
            .sort_by(|a, b| (b.1 * sign).total_cmp(&(a.1 * sign)).then(a.0.cmp(&b.0)));
        let mut texts: Vec<usize> = self
            .texts
            .iter()
            .take(EVIDENCE)
            .filter(|(_, w)| w * sign > 0.0)
            .map(|(i, _)| *i)
            .collect();
        texts.sort_unstable();
        (!texts.is_empty()).then_some((value, confidence, texts))
    }
}

#[cfg(test)]
mod tests;
