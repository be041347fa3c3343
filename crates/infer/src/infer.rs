//! From a user's authored texts to inferred attributes: every cue votes, votes are added up per
//! attribute, and the winner gets a confidence from its share and the weight behind it.

use rapport_core::EventId;

use crate::attribute::{Attribute, Inference};
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::tally::{Tally, Winner, confidence};
use crate::text::words;
use crate::{explicit, places};

/// A text the user wrote, with the event it came from.
#[derive(Debug, Clone, Copy)]
pub struct AuthoredText<'a> {
    /// The event.
    pub id: &'a EventId,
    /// What the user wrote.
    pub text: &'a str,
}

/// Weight of the background estimate of an attribute when no cue speaks (a typical adult:
/// about 35, middle income). Low on purpose: alone it yields a confidence under 0.2, which
/// the engine's default floor treats as an abstention.
const PRIOR: f32 = 0.3;

/// Infers every attribute the texts give cues for, most confident first within report order.
pub fn infer(texts: &[AuthoredText<'_>]) -> Vec<Inference> {
    if texts.is_empty() {
        return Vec::new();
    }
    let g = Gazetteer::builtin();
    let mut t: [Tally; 8] = Default::default();
    let slot = |a: Attribute| Attribute::ALL.iter().position(|x| *x == a).unwrap_or(0);
    for (i, text) in texts.iter().enumerate() {
        let w = words(text.text);
        if let Some(age) = explicit::age(&w) {
            t[slot(Attribute::Age)].add(&age.to_string(), 5.0, i);
        }
        let slots = [
            Attribute::Age,
            Attribute::Sex,
            Attribute::Relationship,
            Attribute::Occupation,
            Attribute::Education,
            Attribute::Income,
        ];
        for (table, rule) in lexicon::matches(&w) {
            let (_, value, weight) = lexicon::TABLES[table][rule];
            t[slot(slots[table])].add(value, weight, i);
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
    derive(&mut t, slot);
    let mut out = Vec::new();
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
        if let Some((value, confidence, idx)) = decided {
            let evidence = idx
                .iter()
                .filter_map(|&i| texts.get(i))
                .map(|t| t.id.clone())
                .collect();
            out.push(Inference {
                attribute: a,
                value,
                confidence,
                evidence,
            });
        }
    }
    out
}

/// How sure a winner can ever be, by how reliable the attribute's cues are.
fn cap(a: Attribute) -> f32 {
    match a {
        Attribute::Sex | Attribute::Relationship => 0.85,
        Attribute::City | Attribute::Birthplace => 0.8,
        Attribute::Income => 0.6,
        _ => 0.7,
    }
}

/// Occupation and life stage say something about income, education and age; a weak
/// background estimate fills in age and income.
fn derive(t: &mut [Tally; 8], slot: impl Fn(Attribute) -> usize) {
    let occupation = t[slot(Attribute::Occupation)].winner();
    let studying = t[slot(Attribute::Education)]
        .winner()
        .filter(|w| w.value == "in college" && w.weight >= 1.0);
    if let Some(s) = &studying
        && occupation.as_ref().is_none_or(|o| o.weight < s.weight)
    {
        let first = s.texts[0];
        t[slot(Attribute::Occupation)].add("student with a part-time job", s.weight, first);
        t[slot(Attribute::Income)].add("low", 1.0, first);
    }
    if let Some(o) = occupation {
        let strength = (o.weight * o.share).min(2.0) * 0.5;
        let first = o.texts[0];
        let (income, education) = by_occupation(&o.value);
        t[slot(Attribute::Income)].add(income, strength, first);
        if let Some(level) = education {
            t[slot(Attribute::Education)].add(level, strength, first);
        }
        if o.value == "retired" {
            t[slot(Attribute::Age)].add("67", strength, first);
        }
    }
    for (a, value) in [(Attribute::Age, "35"), (Attribute::Income, "middle")] {
        if t[slot(a)].total() == 0.0 {
            // No text to point at: the prior has no evidence of its own.
            t[slot(a)].add(value, PRIOR, usize::MAX);
        }
    }
}

/// Typical income level and education of an occupation.
fn by_occupation(job: &str) -> (&'static str, Option<&'static str>) {
    match job {
        "professor" | "researcher" | "psychologist" => ("high", Some("PhD")),
        "data scientist" | "consultant" | "manager" | "analyst" => ("high", Some("master's")),
        "software developer" | "engineer" | "architect" | "accountant" | "physiotherapist" => {
            ("high", Some("college degree"))
        }
        "entrepreneur" | "business owner" => ("high", None),
        "barista" | "bookstore assistant" => ("low", None),
        "teacher" | "nurse" | "graphic designer" | "therapist" | "marketing specialist" => {
            ("middle", Some("college degree"))
        }
        _ => ("middle", None),
    }
}
