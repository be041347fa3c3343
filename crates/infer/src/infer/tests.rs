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
