//! From a user's authored texts to inferred attributes: every cue votes, votes are added up per
//! attribute, the winner gets a raw strength from its share and the weight behind it, and
//! `calibrate` turns that into a probability of being right, or prefers the population prior
//! when that is more probable.

use rapport_core::EventId;

use crate::attribute::{Attribute, Inference};
use crate::gazetteer::Gazetteer;
use crate::gender::{GenderLexicon, GenderScan};
use crate::lexicon;
use crate::register::Register;
use crate::tally::{Tally, Winner, confidence};
use crate::text::words;
use crate::{calibrate, derive, explicit, places, residence};

/// A text the user wrote, with the event it came from.
#[derive(Debug, Clone, Copy)]
pub struct AuthoredText<'a> {
    /// The event.
    pub id: &'a EventId,
    /// What the user wrote.
    pub text: &'a str,
}

/// The cue-based estimate of one attribute before calibration: its value, the raw confidence
/// from the weight and agreement of its cues, and the texts they came from.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    /// The attribute.
    pub attribute: Attribute,
    /// The winning value.
    pub value: String,
    /// Share and weight of the cues, mapped to (0, cap]: orders estimates, is not a probability.
    pub raw: f32,
    /// Indices of the texts behind it.
    pub texts: Vec<usize>,
    /// An age the user stated ("I'm 34") rather than one read from life-stage cues.
    pub stated: bool,
}

/// Infers every attribute the texts give cues for, in report order, with calibrated
/// confidences. Per attribute the most probable estimate is kept: the cues', for sex the
/// gender lexicon's when one is given (it cites the texts that pushed most toward it), and the
/// population prior's, which has no evidence ([`Inference::evidence`] empty). With `priors`
/// false the priors do not compete: a caller that keeps only estimates resting on a text (the
/// engine at a floor above 0) then gets the best of those rather than a prior it would drop.
pub fn infer(
    texts: &[AuthoredText<'_>],
    gender: Option<&GenderLexicon>,
    priors: bool,
) -> Vec<Inference> {
    if texts.is_empty() {
        return Vec::new();
    }
    let (raw, lexical) = estimates(texts, gender);
    let ids: Vec<&EventId> = texts.iter().map(|t| t.id).collect();
    choose(&ids, &raw, lexical, priors)
}

/// Per attribute the most probable of the cue estimate, the gender lexicon's (sex only) and,
/// with `priors`, the population prior; `ids` are the texts' events.
pub(crate) fn choose(
    ids: &[&EventId],
    raw: &[Raw],
    lexical: Lexical,
    priors: bool,
) -> Vec<Inference> {
    Attribute::ALL
        .into_iter()
        .filter_map(|a| {
            let cue = raw.iter().find(|r| r.attribute == a).map(|r| {
                let evidence = r
                    .texts
                    .iter()
                    .filter_map(|&i| ids.get(i))
                    .map(|&id| id.clone())
                    .collect();
                Inference {
                    attribute: a,
                    value: r.value.clone(),
                    confidence: if r.stated {
                        calibrate::STATED_AGE
                    } else {
                        calibrate::cue(a, r.raw)
                    },
                    evidence,
                }
            });
            let lexical =
                lexical
                    .as_ref()
                    .filter(|_| a == Attribute::Sex)
                    .map(|(value, confidence, ts)| Inference {
                        attribute: a,
                        value: value.to_string(),
                        confidence: *confidence,
                        evidence: ts
                            .iter()
                            .filter_map(|&i| ids.get(i))
                            .map(|&id| id.clone())
                            .collect(),
                    });
            let prior = calibrate::prior(a)
                .filter(|_| priors)
                .map(|(value, confidence)| Inference {
                    attribute: a,
                    value: value.to_string(),
                    confidence,
                    evidence: Vec::new(),
                });
            // The most probable estimate; on a tie the one with the more direct evidence.
            [cue, lexical, prior]
                .into_iter()
                .flatten()
                .reduce(|best, next| {
                    if next.confidence > best.confidence {
                        next
                    } else {
                        best
                    }
                })
        })
        .collect()
}

/// The uncalibrated cue-based estimates of the attributes the texts give cues for.
#[doc(hidden)]
pub fn raw_estimates(texts: &[AuthoredText<'_>]) -> Vec<Raw> {
    estimates(texts, None).0
}

/// A gender-lexicon estimate: the value, its confidence and the texts behind it.
pub(crate) type Lexical = Option<(&'static str, f32, Vec<usize>)>;

/// The cue-based estimates and, with a gender lexicon, its estimate of sex, from one pass over
/// the texts.
fn estimates(texts: &[AuthoredText<'_>], gender: Option<&GenderLexicon>) -> (Vec<Raw>, Lexical) {
    let g = Gazetteer::builtin();
    let mut scan = gender.map(GenderScan::new);
    let mut t: [Tally; 8] = Default::default();
    let mut stated = None;
    let mut register = Register::default();
    for (i, text) in texts.iter().enumerate() {
        let w = words(text.text);
        register.add(&Register::of(text.text, &w));
        if let Some(scan) = &mut scan {
            scan.add(i, &w);
        }
        if let Some(age) = explicit::age(&w) {
            // The latest statement wins: people age.
            stated = Some((age, i));
        }
        for (table, rule) in lexicon::matches(&w) {
            let (_, value, weight) = lexicon::TABLES[table][rule];
            t[slot(TABLE_ATTRIBUTES[table])].add(value, weight, i);
        }
        let (city, rest) = t.split_at_mut(slot(Attribute::Birthplace));
        places::cues(
            g,
            &w,
            text.text,
            i,
            &mut city[slot(Attribute::City)],
            &mut rest[0],
        );
    }
    decide(t, stated, register, scan.and_then(GenderScan::estimate))
}

/// The slot of an attribute's tally: its place in [`Attribute::ALL`].
pub(crate) fn slot(a: Attribute) -> usize {
    Attribute::ALL.iter().position(|x| *x == a).unwrap_or(0)
}

/// The estimates from the cue tallies of a user's texts, the age they stated last (with the
/// text's index), the register of their texts and the gender lexicon's estimate: everything
/// that looks across texts.
pub(crate) fn decide(
    mut t: [Tally; 8],
    stated: Option<(u32, usize)>,
    register: Register,
    lexical: Lexical,
) -> (Vec<Raw>, Lexical) {
    let g = Gazetteer::builtin();
    let (city, rest) = t.split_at_mut(slot(Attribute::Birthplace));
    residence::settle(g, &mut city[slot(Attribute::City)], &mut rest[0]);
    // A register holds across texts, so it cites the first; it votes before the derived
    // attributes, which may then follow the age it moves.
    if let Some((age, weight)) = register.formal_age() {
        t[slot(Attribute::Age)].add(age, weight, 0);
    }
    derive::derive(&mut t, slot);
    // Only where nothing else speaks of the attribute.
    for (attribute, vote) in [
        (Attribute::Age, register.plain_age()),
        (Attribute::Education, register.education()),
        (Attribute::Income, register.words_income()),
    ] {
        let tally = &mut t[slot(attribute)];
        if tally.total() == 0.0
            && let Some((value, weight)) = vote
        {
            tally.add(value, weight, 0);
        }
    }
    let mut out = Vec::new();
    if let Some((age, i)) = stated {
        out.push(Raw {
            attribute: Attribute::Age,
            value: age.to_string(),
            raw: 1.0,
            texts: vec![i],
            stated: true,
        });
        t[slot(Attribute::Age)] = Tally::default();
    }
    for (a, tally) in Attribute::ALL.into_iter().zip(&t) {
        let decided = if a == Attribute::Age {
            tally.mean().map(|(mean, weight, texts)| {
                let value = mean.round().to_string();
                (
                    value,
                    (0.75 * (1.0 - (-weight / 3.0).exp())).min(0.75),
                    texts,
                )
            })
        } else {
            tally.winner().map(
                |Winner {
                     value,
                     share,
                     weight,
                     texts,
                 }| { (value, confidence(share, weight, cap(a)), texts) },
            )
        };
        if let Some((value, raw, texts)) = decided {
            out.push(Raw {
                attribute: a,
                value,
                raw,
                texts,
                stated: false,
            });
        }
    }
    (out, lexical)
}

/// The attribute each of [`lexicon::TABLES`] votes for.
pub(crate) const TABLE_ATTRIBUTES: [Attribute; 6] = [
    Attribute::Age,
    Attribute::Sex,
    Attribute::Relationship,
    Attribute::Occupation,
    Attribute::Education,
    Attribute::Income,
];

/// How sure a winner can ever be, by how reliable the attribute's cues are.
fn cap(a: Attribute) -> f32 {
    match a {
        Attribute::Sex | Attribute::Relationship => 0.85,
        Attribute::City | Attribute::Birthplace => 0.8,
        Attribute::Income => 0.6,
        _ => 0.7,
    }
}

#[cfg(test)]
mod tests;
