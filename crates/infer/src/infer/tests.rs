use super::*;
use crate::Attribute;

#[test]
fn without_priors_only_estimates_resting_on_a_text_remain() {
    let id = EventId::new("t0").unwrap();
    // "toddler": a life-stage cue for age, weaker than the age prior.
    let text = "Chasing a toddler all weekend, no time for anything.";
    let texts = [AuthoredText { id: &id, text }];
    let with = infer(&texts, None, true);
    let age = with.iter().find(|i| i.attribute == Attribute::Age).unwrap();
    assert!(age.evidence.is_empty(), "the prior wins: {age:?}");
    let without = infer(&texts, None, false);
    let age = without
        .iter()
        .find(|i| i.attribute == Attribute::Age)
        .unwrap();
    assert_eq!((age.value.as_str(), age.evidence.clone()), ("33", vec![id]));
    assert!(without.iter().all(|i| !i.evidence.is_empty()));
}

fn occupation_of(text: &str) -> Option<String> {
    let id = EventId::new("t0").unwrap();
    let texts = [AuthoredText { id: &id, text }];
    infer(&texts, None, false)
        .into_iter()
        .find(|i| i.attribute == Attribute::Occupation)
        .map(|i| i.value)
}

#[test]
fn the_name_of_a_field_or_a_side_job_suggests_an_occupation() {
    assert_eq!(
        occupation_of("Data science meetups are the only networking I enjoy.").as_deref(),
        Some("data scientist")
    );
    assert_eq!(
        occupation_of("Most software engineers I know bake bread on weekends.").as_deref(),
        Some("software developer")
    );
    assert_eq!(
        occupation_of("Tutoring two kids in algebra pays for my groceries.").as_deref(),
        Some("tutor")
    );
    assert_eq!(occupation_of("The weather turned cold again."), None);
}

#[test]
fn a_trade_named_as_a_group_suggests_it() {
    assert_eq!(
        occupation_of("Analysts get called boring, but we argue about everything.").as_deref(),
        Some("analyst")
    );
    assert_eq!(
        occupation_of("Us designers never agree on a color for long.").as_deref(),
        Some("graphic designer")
    );
    assert_eq!(
        occupation_of("Consultants are not all slide decks and jargon.").as_deref(),
        Some("consultant")
    );
}
