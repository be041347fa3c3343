//! Consistency between attributes: an occupation says something about income and education, a
//! student's life stage about occupation and income, an education level (when nothing else
//! does) about age, and an age (without a partner cue) about relationship status.

use crate::Attribute;
use crate::tally::Tally;

/// Occupation and life stage say something about income, education and age.
pub fn derive(t: &mut [Tally; 8], slot: impl Fn(Attribute) -> usize) {
    let occupation = t[slot(Attribute::Occupation)].winner();
    let studying = t[slot(Attribute::Education)]
        .winner()
        .filter(|w| w.value == "in college" && w.weight >= 1.0);
    if let Some(s) = &studying
        && occupation.as_ref().is_none_or(|o| o.weight < s.weight)
    {
        let first = s.texts[0];
        t[slot(Attribute::Occupation)].add("part-time worker", s.weight, first);
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
    // Without a life-stage cue, the education level says roughly how old one is.
    if t[slot(Attribute::Age)].total() == 0.0
        && let Some(e) = t[slot(Attribute::Education)].winner()
        && let Some(age) = typical_age(&e.value)
    {
        let strength = (e.weight * e.share).min(2.0) * 0.5;
        t[slot(Attribute::Age)].add(age, strength, e.texts[0]);
    }
    // Without an education cue, a young writer's age estimate says which level is most common.
    if t[slot(Attribute::Education)].total() == 0.0
        && let Some((age, weight, texts)) = t[slot(Attribute::Age)].mean()
        && let Some(level) = typical_education(age)
    {
        let strength = weight.min(2.0) * 0.25;
        t[slot(Attribute::Education)].add(level, strength, texts[0]);
    }
    // Without a partner cue, the age estimate says which status is most common at that age.
    if t[slot(Attribute::Relationship)].total() == 0.0
        && let Some((age, weight, texts)) = t[slot(Attribute::Age)].mean()
    {
        let strength = weight.min(2.0) * 0.25;
        t[slot(Attribute::Relationship)].add(typical_relationship(age), strength, texts[0]);
    }
}

/// The age whose ±5-year window holds the most tune users of an education level, and the most
/// common relationship status of tune users by age band: fitted on the tune half like the
/// priors, by `scripts/fit_attribute_calibration.py` (right / users: in college 9/9, college
/// degree 15/21, master's 12/31, PhD 8/13; high school has too few users for an age).
fn typical_age(level: &str) -> Option<&'static str> {
    match level {
        "in college" => Some("23"),
        "college degree" => Some("30"),
        "master's" => Some("33"),
        "PhD" => Some("53"),
        _ => None,
    }
}

/// The education level most common among tune users whose age estimate (not their age) falls
/// in a band, where a band has at least 5 such users without an education estimate: 25 or
/// younger, a college degree (7 of 13; in college 3, master's 3). The bands above have too few.
fn typical_education(age: f32) -> Option<&'static str> {
    (age.round() <= 25.0).then_some("college degree")
}

/// See [`typical_age`] (users of the status / users of the band: 8/15, 7/22, 7/20, 7/17).
fn typical_relationship(age: f32) -> &'static str {
    match age.round() as u32 {
        0..=25 => "single",
        26..=35 => "single",
        36..=50 => "divorced",
        _ => "widowed",
    }
}

/// Typical income level and education of an occupation (education: the US BLS Occupational
/// Outlook Handbook's typical entry-level education; teachers, nurses: a bachelor's).
fn by_occupation(job: &str) -> (&'static str, Option<&'static str>) {
    match job {
        "professor" | "researcher" | "psychologist" => ("high", Some("PhD")),
        "data scientist"
        | "consultant"
        | "business consultant"
        | "manager"
        | "analyst"
        | "financial analyst" => ("high", Some("master's")),
        "software developer" | "engineer" | "architect" | "accountant" => {
            ("high", Some("college degree"))
        }
        // US BLS typical entry-level education of physical therapists: a doctoral or
        // professional degree (the DPT).
        "physiotherapist" => ("high", Some("PhD")),
        "entrepreneur" | "business owner" | "real estate developer" => ("high", None),
        "barista" | "bookstore assistant" => ("low", None),
        // Most part-time workers are students working beside their studies.
        "part-time worker" => ("low", Some("in college")),
        "historian" | "museum curator" | "diplomat" => ("middle", Some("master's")),
        "geologist" | "marine biologist" | "lab technician" | "translator" | "theatre director" => {
            ("middle", Some("college degree"))
        }
        "teacher" | "nurse" | "graphic designer" | "therapist" | "marketing specialist" => {
            ("middle", Some("college degree"))
        }
        _ => ("middle", None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(a: Attribute) -> usize {
        Attribute::ALL.iter().position(|x| *x == a).unwrap()
    }

    #[test]
    fn a_professor_is_taken_for_a_phd_and_an_age_follows() {
        let mut t: [Tally; 8] = Default::default();
        t[slot(Attribute::Occupation)].add("professor", 2.0, 4);
        derive(&mut t, slot);
        assert_eq!(t[slot(Attribute::Education)].winner().unwrap().value, "PhD");
        assert_eq!(t[slot(Attribute::Income)].winner().unwrap().value, "high");
        let (age, _, texts) = t[slot(Attribute::Age)].mean().unwrap();
        assert_eq!((age, texts), (53.0, vec![4]));
        let status = t[slot(Attribute::Relationship)].winner().unwrap();
        assert_eq!((status.value.as_str(), status.texts), ("widowed", vec![4]));
    }

    #[test]
    fn typical_levels_follow_the_published_table() {
        assert_eq!(by_occupation("physiotherapist"), ("high", Some("PhD")));
        assert_eq!(by_occupation("teacher"), ("middle", Some("college degree")));
    }

    #[test]
    fn a_partner_cue_keeps_its_own_status() {
        let mut t: [Tally; 8] = Default::default();
        t[slot(Attribute::Age)].add("21", 1.5, 0);
        derive(&mut t, slot);
        assert_eq!(
            t[slot(Attribute::Relationship)].winner().unwrap().value,
            "single"
        );
        let mut t: [Tally; 8] = Default::default();
        t[slot(Attribute::Age)].add("21", 1.5, 0);
        t[slot(Attribute::Relationship)].add("married", 0.5, 1);
        derive(&mut t, slot);
        assert_eq!(t[slot(Attribute::Relationship)].total(), 0.5);
    }

    #[test]
    fn a_life_stage_cue_keeps_its_own_age() {
        let mut t: [Tally; 8] = Default::default();
        t[slot(Attribute::Education)].add("master's", 1.5, 0);
        t[slot(Attribute::Age)].add("66", 2.0, 1);
        derive(&mut t, slot);
        assert_eq!(t[slot(Attribute::Age)].mean().unwrap().0, 66.0);
        let mut t: [Tally; 8] = Default::default();
        t[slot(Attribute::Education)].add("high school", 1.5, 0);
        derive(&mut t, slot);
        assert!(t[slot(Attribute::Age)].mean().is_none());
    }
}
