//! Times a user names, resolved against the event: when a fact started, when a plan is due.

use chrono::{TimeZone, Utc};

use crate::support::{current, learn, said};

fn date(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
}

/// A year, a month with its year, "since …": the fact holds from then (day(0) is Friday
/// 2024-03-01).
#[test]
fn a_named_year_or_month_dates_the_fact() {
    let facts = learn(&said(&[
        "I graduated from MIT in 2015.",
        "I've been a nurse since 2010.",
        "I've been vegan since last year.",
    ]));
    assert_eq!(
        current(&facts, "graduated:mit").valid_from,
        date(2015, 1, 1)
    );
    let nurse = current(&facts, "occupation");
    assert_eq!(nurse.valid_from, date(2010, 1, 1));
    assert_eq!(nurse.statement, "I have been a nurse since 2010.");
    assert_eq!(current(&facts, "diet:vegan").valid_from, date(2023, 1, 1));
}

/// A season or a day of the week gives a plan its due date.
#[test]
fn a_season_or_a_weekday_gives_a_plan_its_due_date() {
    let facts = learn(&said(&[
        "I'm going to Italy this summer.",
        "I'm planning to visit my parents next Friday.",
    ]));
    assert_eq!(
        current(&facts, "goal:italy").description,
        "Is going to Italy this summer (by 2024-08-31)."
    );
    let visit = facts
        .iter()
        .find(|f| f.key.starts_with("goal:visit"))
        .unwrap();
    assert!(
        visit.description.ends_with("(by 2024-03-08)."),
        "{}",
        visit.description
    );
}

/// Things to come said in the progressive or as an appointment are plans with a due date, and
/// expire after it; a hedge before the subject lowers the plan's confidence.
#[test]
fn appointments_and_trips_to_come_are_plans_that_expire() {
    use crate::support::{day, turn};
    use rapport_core::Role;
    let mut events = said(&[
        "Maybe I'll learn Spanish next year.",
        "I'm flying to Rome next Friday.",
        "I have a dentist appointment on Tuesday.",
    ]);
    let spanish = &learn(&events)[0];
    assert_eq!(spanish.key, "goal:learn spanish");
    assert!(spanish.confidence < 0.6);
    let facts = learn(&events);
    let rome = current(&facts, "goal:flying to rome");
    assert_eq!(
        rome.description,
        "Is flying to Rome next Friday (by 2024-03-08)."
    );
    let dentist = current(&facts, "goal:dentist appointment");
    assert!(dentist.description.ends_with("(by 2024-03-05)."));
    let chat = learn(&said(&["I have a question about next week."]));
    assert!(!chat.iter().any(|f| f.key.starts_with("goal:")));
    events.push(turn(4, Role::User, day(10), "Hello again."));
    let later = learn(&events);
    assert!(
        later
            .iter()
            .filter(|f| f.key == "goal:flying to rome" || f.key == "goal:dentist appointment")
            .all(|f| !f.is_current())
    );
}

/// A weekday after a verb in the past is the last one; a state held since a time starts then.
#[test]
fn a_past_weekday_and_a_state_held_since_date_the_fact() {
    let facts = learn(&said(&[
        "I went hiking on Tuesday.",
        "I've been sober since January.",
    ]));
    let hiking = facts.iter().find(|f| f.key.contains("hiking")).unwrap();
    assert_eq!(hiking.valid_from, date(2024, 2, 27));
    let sober = facts.iter().find(|f| f.key.contains("sober")).unwrap();
    assert_eq!(sober.valid_from, date(2024, 1, 1));
    assert_eq!(sober.description, "Is sober.");
    assert_eq!(sober.statement, "I have been sober since January.");
}

/// The household's plan with a time is the speaker's ("We're planning a trip …").
#[test]
fn the_households_plan_with_a_time_is_the_users() {
    let facts = learn(&said(&[
        "We're planning a trip to Italy this summer.",
        "We are going to be late.",
    ]));
    let trip = current(&facts, "goal:trip to italy");
    assert_eq!(trip.statement, "I am planning a trip to Italy this summer.");
    assert!(
        trip.description.ends_with("(by 2024-08-31)."),
        "{}",
        trip.description
    );
    assert_eq!(facts.len(), 1);
}

/// "next June" is the coming June, "last June" the one before (day(0) is 2024-03-01).
#[test]
fn next_or_last_with_a_month_names_that_month() {
    let facts = learn(&said(&[
        "I'm getting married next June.",
        "I moved to Denver last June.",
    ]));
    assert_eq!(
        current(&facts, "goal:getting married").description,
        "Is getting married next June (by 2024-06-30)."
    );
    assert_eq!(
        current(&facts, "location.city").valid_from,
        date(2023, 6, 1)
    );
}
