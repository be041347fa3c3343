use super::*;
use crate::Attribute;

#[test]
fn without_priors_only_estimates_resting_on_a_text_remain() {
    let id = EventId::new("t0").unwrap();
    // "stocks": a weak money-talk cue for income, less probable than the income prior.
    let text = "Checked my stocks this morning, nothing new.";
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
        ("high", vec![id])
    );
    assert!(without.iter().all(|i| !i.evidence.is_empty()));
}

fn estimate_of(attribute: Attribute, text: &str) -> Option<String> {
    let id = EventId::new("t0").unwrap();
    let texts = [AuthoredText { id: &id, text }];
    infer(&texts, None, false)
        .into_iter()
        .find(|i| i.attribute == attribute)
        .map(|i| i.value)
}

fn occupation_of(text: &str) -> Option<String> {
    estimate_of(Attribute::Occupation, text)
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

#[test]
fn part_time_work_suggests_a_student_on_a_low_income() {
    let text = "Between classes I'm working part-time, so the weekends are short.";
    assert_eq!(occupation_of(text).as_deref(), Some("part-time worker"));
    assert_eq!(
        estimate_of(Attribute::Education, text).as_deref(),
        Some("in college")
    );
    assert_eq!(estimate_of(Attribute::Income, text).as_deref(), Some("low"));
}

#[test]
fn the_register_of_the_writing_suggests_an_age() {
    let casual = "lol that bus was late again, tbh I don't even mind anymore";
    assert_eq!(estimate_of(Attribute::Age, casual).as_deref(), Some("25"));
    // A young writer with no education cue: the most common level at that age.
    assert_eq!(
        estimate_of(Attribute::Education, casual).as_deref(),
        Some("college degree")
    );
    let formal = "The garden was quite lovely this spring, indeed.";
    assert_eq!(estimate_of(Attribute::Age, formal).as_deref(), Some("53"));
    assert_eq!(estimate_of(Attribute::Education, formal), None);
}
