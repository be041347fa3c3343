use super::*;
use crate::Attribute;

#[test]
fn without_priors_only_estimates_resting_on_a_text_remain() {
    let id = EventId::new("t0").unwrap();
    // "ramen": a weak cue for a low income, less probable than the income prior.
    let text = "Living on ramen again this week.";
    let texts = [AuthoredText { id: &id, text }];
    let with = infer(&texts, None, true);
    let income = with
        .iter()
        .find(|i| i.attribute == Attribute::Income)
        .unwrap();
    assert!(income.evidence.is_empty(), "the prior wins: {income:?}");
    let without = infer(&texts, None, false);
    let income = without
        .iter()
        .find(|i| i.attribute == Attribute::Income)
        .unwrap();
    assert_eq!(
        (income.value.as_str(), income.evidence.clone()),
        ("low", vec![id])
    );
    assert!(without.iter().all(|i| !i.evidence.is_empty()));
}

#[test]
fn a_life_stage_cue_outranks_the_age_prior() {
    let id = EventId::new("t0").unwrap();
    let text = "Chasing a toddler all weekend, no time for anything.";
    let texts = [AuthoredText { id: &id, text }];
    let age = infer(&texts, None, true)
        .into_iter()
        .find(|i| i.attribute == Attribute::Age)
        .unwrap();
    assert_eq!((age.value.as_str(), age.evidence), ("33", vec![id]));
}
