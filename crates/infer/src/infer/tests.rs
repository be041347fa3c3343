use super::*;
use crate::Attribute;

#[test]
fn without_priors_only_estimates_resting_on_a_text_remain() {
    let id = EventId::new("t0").unwrap();
    // "stocks": a weak money-talk cue for income; nothing speaks of age.
    let text = "Checked my stocks this morning, nothing new.";
    let texts = [AuthoredText { id: &id, text }];
    let with = infer(&texts, None, true);
    let age = with.iter().find(|i| i.attribute == Attribute::Age).unwrap();
    assert!(age.evidence.is_empty(), "the prior fills in: {age:?}");
    let without = infer(&texts, None, false);
    assert!(without.iter().all(|i| i.attribute != Attribute::Age));
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

fn estimates_of(attribute: Attribute, texts: &[&str]) -> Option<(String, f32)> {
    let ids: Vec<EventId> = (0..texts.len())
        .map(|i| EventId::new(format!("t{i}")).unwrap())
        .collect();
    let authored: Vec<AuthoredText<'_>> = ids
        .iter()
        .zip(texts)
        .map(|(id, text)| AuthoredText { id, text })
        .collect();
    infer(&authored, None, false)
        .into_iter()
        .find(|i| i.attribute == attribute)
        .map(|i| (i.value, i.confidence))
}

#[test]
fn the_length_of_the_words_suggests_an_income_where_nothing_else_does() {
    let plain = [
        "We went to the lake on Sunday and the kids swam until dark.",
        "My car needs new tires again, so that is the next thing to fix.",
        "The new bakery on our street makes good bread but it sells out fast.",
        "I watched the game with friends and we all lost our voices.",
        "Rain all week here, the garden is happy at least.",
    ];
    let (value, confidence) = estimates_of(Attribute::Income, &plain).unwrap();
    assert_eq!(value, "middle");
    // Calibrated with the income cues right about as often, above the middle prior.
    assert!(confidence > calibrate::prior(Attribute::Income).unwrap().1);
    let long = ["Institutional considerations regarding sustainability frameworks require \
         thoughtful interdisciplinary collaboration between organizations."; 5];
    assert_eq!(
        estimates_of(Attribute::Income, &long)
            .map(|(v, _)| v)
            .as_deref(),
        Some("high")
    );
    // Money talk speaks for itself; too few words say nothing.
    let mut broke = plain.to_vec();
    broke.push("Living paycheck to paycheck since the spring.");
    assert_eq!(
        estimates_of(Attribute::Income, &broke)
            .map(|(v, _)| v)
            .as_deref(),
        Some("low")
    );
    assert_eq!(estimates_of(Attribute::Income, &plain[..2]), None);
}

#[test]
fn the_tools_and_routines_of_a_trade_suggest_it() {
    for (text, job) in [
        (
            "Cleaned my brushes twice today and the blue still bleeds.",
            "painter",
        ),
        (
            "I can't stop watching how strangers walk, their gait tells me everything.",
            "physiotherapist",
        ),
        (
            "Our ad campaigns run all weekend, so Monday is numbers day.",
            "marketing specialist",
        ),
        (
            "Two land deals fell through this quarter and the permits are stuck.",
            "real estate developer",
        ),
        (
            "Design critiques on Fridays are brutal but fair.",
            "graphic designer",
        ),
        (
            "Another boardroom full of people who won't commit.",
            "business consultant",
        ),
        (
            "Fundraising season again: calls to donors every evening.",
            "non-profit worker",
        ),
    ] {
        assert_eq!(occupation_of(text).as_deref(), Some(job), "{text}");
    }
}
