//! Consolidation: strengthen, supersede with a reason, accumulate, end, and let edits win.

use chrono::{DateTime, TimeZone, Utc};
use rapport_core::{Polarity, ProfileLearner, Role, Source};
use rapport_extract::PatternLearner;

use crate::support::{current, day, keys, learn, said, turn};

#[test]
fn the_same_fact_again_strengthens_it() {
    let facts = learn(&said(&["I own a Jeep.", "I own a jeep!"]));
    let jeep: Vec<_> = facts.iter().filter(|f| f.key == "owns:jeep").collect();
    assert_eq!(jeep.len(), 1, "{:?}", keys(&facts));
    assert_eq!(jeep[0].evidence.len(), 2);
    assert!(jeep[0].confidence > 0.8);
    assert_eq!(jeep[0].last_seen, day(1));
}

#[test]
fn a_statement_said_in_a_facts_own_words_strengthens_it() {
    let facts = learn(&said(&["My kids love the beach.", "I have kids."]));
    let kids: Vec<_> = facts
        .iter()
        .filter(|f| f.is_current() && f.statement == "I have kids.")
        .collect();
    assert_eq!(kids.len(), 1, "{:?}", keys(&facts));
    assert!(!kids[0].key.starts_with("said:"), "{}", kids[0].key);
    assert_eq!(kids[0].evidence.len(), 2);
}

#[test]
fn two_sisters_named_are_both_kept() {
    let facts = learn(&said(&[
        "I have a sister named Ana.",
        "I have a sister named Maria.",
    ]));
    let sisters: Vec<&str> = facts
        .iter()
        .filter(|f| f.is_current() && f.key == "family.sister")
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(sisters, ["Ana", "Maria"], "{:?}", keys(&facts));
}

#[test]
fn a_new_city_supersedes_the_old_with_a_reason() {
    let events = said(&[
        "I live in Portland.",
        "Big news: I moved to Seattle last month.",
    ]);
    let facts = learn(&events);
    let portland = facts.iter().find(|f| f.value == "Portland").unwrap();
    let seattle = current(&facts, "location.city");
    assert_eq!(seattle.value, "Seattle");
    assert!(!portland.is_current());
    assert_eq!(portland.superseded_by, Some(seattle.id));
    assert_eq!(portland.ended_by.as_ref(), Some(&events[1].event.id));
    assert_eq!(
        portland.change_reason.as_deref(),
        Some("moved to Seattle: \"I moved to Seattle last month\"")
    );
    assert_eq!(seattle.statement, "I live in Seattle.");
}

#[test]
fn multi_valued_keys_accumulate() {
    let facts = learn(&said(&["I love jazz.", "I love hiking.", "I have a cat."]));
    let current: Vec<&str> = facts
        .iter()
        .filter(|f| f.is_current())
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(current, ["likes:jazz", "likes:hiking", "pet.cat"]);
}

#[test]
fn a_denial_ends_the_like_and_quitting_ends_the_habit() {
    let facts = learn(&said(&[
        "I love jazz.",
        "I smoke a pack a day.",
        "I don't like jazz anymore.",
        "I quit smoking.",
    ]));
    let jazz = facts
        .iter()
        .find(|f| f.key == "likes:jazz" && f.polarity == Polarity::Positive)
        .unwrap();
    assert!(!jazz.is_current());
    assert!(
        jazz.change_reason
            .as_deref()
            .unwrap()
            .starts_with("no longer")
    );
    assert_eq!(current(&facts, "likes:jazz").polarity, Polarity::Negative);
    let smoking = facts.iter().find(|f| f.statement.contains("pack")).unwrap();
    assert!(!smoking.is_current(), "{:?}", keys(&facts));
}

#[test]
fn plans_expire_when_their_time_passes() {
    let mut events = said(&["I'm training for a marathon next week."]);
    events.push(turn(2, Role::User, day(30), "Hello again."));
    let facts = learn(&events);
    let plan = facts.iter().find(|f| f.key.starts_with("goal:")).unwrap();
    assert!(!plan.is_current());
    assert_eq!(
        plan.change_reason.as_deref(),
        Some("the planned time passed")
    );
}

#[test]
fn a_plan_shows_its_last_day_and_holds_through_it() {
    // Said on 2024-03-01: tomorrow is 2024-03-02, the whole day.
    let plan_on = |later: DateTime<Utc>| {
        let mut events = said(&["I'm flying to Rome tomorrow."]);
        events.push(turn(2, Role::User, later, "Hello again."));
        let facts = learn(&events);
        facts
            .into_iter()
            .find(|f| f.facet == rapport_core::Facet::Goal)
            .unwrap()
    };
    let late_that_day = Utc.with_ymd_and_hms(2024, 3, 2, 23, 0, 0).unwrap();
    let plan = plan_on(late_that_day);
    assert!(
        plan.description.ends_with(" (by 2024-03-02)."),
        "{}",
        plan.description
    );
    assert!(plan.is_current());
    let next_morning = Utc.with_ymd_and_hms(2024, 3, 3, 8, 0, 0).unwrap();
    let plan = plan_on(next_morning);
    assert!(!plan.is_current());
    assert_eq!(
        plan.valid_to,
        Some(Utc.with_ymd_and_hms(2024, 3, 3, 0, 0, 0).unwrap())
    );
}

#[test]
fn assistant_turns_teach_nothing() {
    let facts = learn(&[turn(
        1,
        Role::Assistant,
        day(0),
        "I love jazz and I live in Paris.",
    )]);
    assert!(facts.is_empty());
}

#[test]
fn pinned_and_edited_facts_win() {
    let mut facts = learn(&said(&["I live in Portland."]));
    facts[0].source = Source::Edited;
    let mut likes = learn(&said(&["I love jazz."]));
    likes[0].id = 2;
    likes[0].pinned = true;
    facts.extend(likes);
    let before = facts.clone();
    let later = [
        turn(10, Role::User, day(10), "I moved to Seattle."),
        turn(11, Role::User, day(11), "I hate jazz."),
    ];
    PatternLearner::new().learn(&mut facts, &later);
    assert_eq!(
        &facts[..2],
        &before[..],
        "edited and pinned facts are untouched"
    );
    assert_eq!(current(&facts, "location.city").value, "Portland");
    assert!(
        facts
            .iter()
            .all(|f| f.key != "dislikes:jazz" || !f.is_current())
    );
}

#[test]
fn new_ids_follow_the_largest() {
    let mut facts = learn(&said(&["I love jazz."]));
    facts[0].id = 41;
    PatternLearner::new().learn(&mut facts, &[turn(5, Role::User, day(5), "I have a cat.")]);
    assert_eq!(facts[1].id, 42);
}

#[test]
fn leaving_a_job_or_a_city_ends_it() {
    let cases = [
        ("I work at Google.", "I quit my job at Google.", "employer"),
        (
            "I work at Google.",
            "I don't work at Google anymore.",
            "employer",
        ),
        (
            "I work at Google.",
            "I no longer work at Google.",
            "employer",
        ),
        ("I work at Google.", "I left my job last week.", "employer"),
        ("I work at Google.", "I left Google last year.", "employer"),
        (
            "I work at St. Mary's hospital.",
            "I resigned from St. Mary's.",
            "employer",
        ),
        ("I live in Ohio.", "I left Ohio last year.", "location.city"),
        (
            "I live in Ohio.",
            "I don't live in Ohio anymore.",
            "location.city",
        ),
        ("I work as a nurse.", "I retired last year.", "occupation"),
        ("I work at Google.", "I retired from Google.", "employer"),
    ];
    for (before, after, key) in cases {
        let events = said(&[before, after]);
        let facts = learn(&events);
        let old = facts
            .iter()
            .find(|f| f.key == key && f.evidence.contains(&events[0].event.id))
            .unwrap_or_else(|| panic!("{before:?}: {:?}", keys(&facts)));
        assert!(!old.is_current(), "{after:?} left {:?}", keys(&facts));
        assert_eq!(
            old.ended_by.as_ref(),
            Some(&events[1].event.id),
            "{after:?}"
        );
    }
}

#[test]
fn leaving_something_else_keeps_what_is_current() {
    let cases = [
        (
            "I work at Google.",
            "I don't work at Amazon anymore.",
            "employer",
        ),
        ("I work at Google.", "I left my keys at home.", "employer"),
        (
            "I live in Denver.",
            "I left Ohio years ago.",
            "location.city",
        ),
        (
            "I live in Denver.",
            "I don't live in Ohio anymore.",
            "location.city",
        ),
    ];
    for (before, after, key) in cases {
        let facts = learn(&said(&[before, after]));
        let kept = current(&facts, key);
        assert_eq!(kept.polarity, Polarity::Positive, "{after:?}");
        assert!(
            before.contains(&kept.value),
            "{after:?}: {:?}",
            keys(&facts)
        );
    }
}

#[test]
fn retiring_ends_the_job_and_quitting_it_implies_none() {
    let events = said(&["I'm a teacher at Lincoln High.", "I retired last year."]);
    let facts = learn(&events);
    assert_eq!(current(&facts, "occupation").value, "retired");
    let teacher = facts.iter().find(|f| f.value == "teacher").unwrap();
    assert_eq!(
        teacher.change_reason.as_deref(),
        Some("now retired: \"I retired last year\"")
    );
    assert!(
        facts.iter().all(|f| f.key != "employer" || !f.is_current()),
        "{:?}",
        keys(&facts)
    );
    let facts = learn(&said(&["I quit my job."]));
    assert!(
        facts.iter().all(|f| f.key != "has:job"),
        "{:?}",
        keys(&facts)
    );
}

#[test]
fn not_anymore_to_do_you_still_ends_the_habit() {
    let events = vec![
        turn(1, Role::User, day(0), "I smoke a pack a day."),
        turn(2, Role::Assistant, day(1), "Do you still smoke?"),
        turn(3, Role::User, day(1), "Not anymore."),
    ];
    let facts = learn(&events);
    let smoking = facts.iter().find(|f| f.statement.contains("pack")).unwrap();
    assert!(!smoking.is_current(), "{:?}", keys(&facts));
}

#[test]
fn a_new_status_supersedes_and_giving_up_on_ends_a_goal() {
    let facts = learn(&said(&[
        "I'm single.",
        "I started dating someone new.",
        "We got engaged last week!",
        "We got married in August.",
    ]));
    assert_eq!(current(&facts, "relationship.status").value, "married");
    let single = facts.iter().find(|f| f.value == "single").unwrap();
    assert!(!single.is_current());
    let facts = learn(&said(&[
        "I'm learning Spanish.",
        "I gave up on Spanish, too hard.",
    ]));
    let learning = facts
        .iter()
        .find(|f| f.statement.contains("learning"))
        .unwrap();
    assert!(!learning.is_current(), "{:?}", keys(&facts));
}

#[test]
fn eating_meat_again_ends_a_vegetarian_diet() {
    let facts = learn(&said(&["I'm vegetarian.", "I eat meat again now."]));
    let vegetarian = facts.iter().find(|f| f.key == "diet:vegetarian").unwrap();
    assert!(!vegetarian.is_current(), "{:?}", keys(&facts));
    assert_eq!(
        vegetarian.change_reason.as_deref(),
        Some("eats meat: \"I eat meat again\"")
    );
    // Not eating it keeps the diet.
    let facts = learn(&said(&["I'm vegetarian.", "I don't eat meat at all."]));
    assert!(current(&facts, "diet:vegetarian").is_current());
}

#[test]
fn a_new_job_moving_back_and_a_household_pet_update_the_profile() {
    let facts = learn(&said(&[
        "I work as a barista.",
        "I got a new job as a software engineer at Shopify.",
        "I live in Vancouver.",
        "I moved back to Toronto.",
        "We adopted a kitten named Mochi.",
    ]));
    assert_eq!(current(&facts, "occupation").value, "software engineer");
    assert_eq!(current(&facts, "employer").value, "Shopify");
    assert_eq!(current(&facts, "location.city").value, "Toronto");
    assert!(
        facts
            .iter()
            .any(|f| f.key.starts_with("pet.") && f.is_current()),
        "{:?}",
        keys(&facts)
    );
}

#[test]
fn a_pet_that_died_is_no_longer_had() {
    let events = said(&[
        "I have a dog named Max.",
        "My dog Max passed away last week.",
    ]);
    let facts = learn(&events);
    assert!(
        facts.iter().all(|f| f.key != "pet.dog" || !f.is_current()),
        "{:?}",
        keys(&facts)
    );
    // Another pet stays.
    let facts = learn(&said(&["I have a cat.", "My dog died."]));
    assert!(current(&facts, "pet.cat").is_current());
}

#[test]
fn a_new_budget_supersedes_the_old_and_a_hedged_allergy_is_less_sure() {
    let facts = learn(&said(&[
        "My budget is under $500.",
        "I'm on a budget of $800 now.",
        "I'm pretty sure I'm allergic to cats.",
    ]));
    let budget = current(&facts, "budget");
    assert_eq!(budget.value, "$800");
    assert_eq!(budget.description, "Is on a budget of $800.");
    let old = facts.iter().find(|f| f.value == "under $500").unwrap();
    assert_eq!(old.superseded_by, Some(budget.id));
    assert!(current(&facts, "allergy:cats").confidence < 0.6);
}

#[test]
fn a_correction_replaces_what_it_corrects_with_that_reason() {
    let facts = learn(&said(&[
        "I live in Denver.",
        "I have a dog named Max.",
        "I'm 34.",
        "Actually I live in Boston, not Denver.",
        "Sorry, I meant my cat, not my dog.",
        "Oops, I'm 35.",
    ]));
    let denver = facts.iter().find(|f| f.value == "Denver").unwrap();
    assert_eq!(current(&facts, "location.city").value, "Boston");
    assert_eq!(
        denver.change_reason.as_deref(),
        Some("corrected: \"I live in Boston\"")
    );
    let dog = facts.iter().find(|f| f.key == "pet.dog").unwrap();
    assert!(!dog.is_current(), "{:?}", keys(&facts));
    assert!(
        dog.change_reason
            .as_deref()
            .unwrap()
            .starts_with("corrected")
    );
    assert!(
        facts
            .iter()
            .any(|f| f.is_current() && f.key.ends_with("cat")),
        "{:?}",
        keys(&facts)
    );
    assert!(!facts.iter().any(|f| f.key.starts_with("said:meant")));
    let age = facts.iter().find(|f| f.value == "34").unwrap();
    assert_eq!(age.change_reason.as_deref(), Some("corrected: \"I am 35\""));
}

#[test]
fn a_new_age_of_someone_in_the_users_life_supersedes_the_old() {
    let facts = learn(&said(&[
        "My daughter is 5.",
        "My daughter loves ponies.",
        "My daughter is 6 now.",
    ]));
    let five = facts.iter().find(|f| f.value == "is 5").unwrap();
    let six = facts
        .iter()
        .find(|f| f.is_current() && f.value == "is 6")
        .unwrap();
    assert_eq!(five.superseded_by, Some(six.id));
    assert_eq!(
        five.change_reason.as_deref(),
        Some("now 6: \"My daughter is 6\"")
    );
    assert!(
        facts
            .iter()
            .any(|f| f.is_current() && f.value == "loves ponies")
    );
}

#[test]
fn moving_with_someone_moves_the_user_too() {
    let facts = learn(&said(&[
        "I live in Denver.",
        "Me and my wife moved to Texas last year.",
    ]));
    assert_eq!(current(&facts, "location.city").value, "Texas");
    assert_eq!(current(&facts, "relationship.status").value, "married");
    let saving = learn(&said(&["My husband and I are saving money for a house."]));
    assert!(
        saving
            .iter()
            .any(|f| f.statement == "I am saving money for a house."),
        "{:?}",
        keys(&saving)
    );
}

#[test]
fn selling_losing_and_breaking_up_end_what_was_had() {
    let facts = learn(&said(&[
        "I have a car.",
        "I have a boyfriend.",
        "I work at Acme.",
        "I have a cat.",
        "I sold my car last week.",
        "I broke up with my boyfriend.",
        "I lost my job at Acme.",
    ]));
    let current: Vec<&str> = facts
        .iter()
        .filter(|f| f.is_current())
        .map(|f| f.key.as_str())
        .collect();
    for gone in [
        "owns:car",
        "has:car",
        "family.boyfriend",
        "has:boyfriend",
        "employer",
        "has:job",
    ] {
        assert!(!current.contains(&gone), "{gone} in {:?}", keys(&facts));
    }
    assert!(current.contains(&"pet.cat"));
    let broke = facts
        .iter()
        .find(|f| f.statement.starts_with("I broke up"))
        .unwrap();
    assert_eq!(broke.description, "Broke up with their boyfriend.");
}

#[test]
fn a_degree_earned_stays_when_the_user_studies_something_else() {
    let facts = learn(&said(&[
        "I graduated from MIT in 2015.",
        "I have a master's in biology.",
        "I'm studying nursing.",
        "I study in the UK.",
        "I studied abroad.",
    ]));
    assert_eq!(current(&facts, "graduated:mit").value, "MIT");
    assert_eq!(current(&facts, "degree:biology").value, "biology");
    assert_eq!(current(&facts, "education").value, "nursing");
}

#[test]
fn each_allergy_and_each_food_not_eaten_is_a_fact() {
    let facts = learn(&said(&[
        "I'm allergic to peanuts and shellfish.",
        "I don't eat pork or beef.",
    ]));
    for key in [
        "allergy:peanuts",
        "allergy:shellfish",
        "eats:pork",
        "eats:beef",
    ] {
        current(&facts, key);
    }
    assert_eq!(current(&facts, "eats:beef").polarity, Polarity::Negative);
}

#[test]
fn short_answers_about_allergies_budget_and_habits_are_facts() {
    let exchange = [
        (Role::Assistant, "Sure! Any allergies?"),
        (Role::User, "Peanuts."),
        (Role::Assistant, "What's your budget for groceries?"),
        (Role::User, "About $100 a week."),
        (Role::Assistant, "Do you cook often?"),
        (Role::User, "Every night."),
    ];
    let events: Vec<_> = exchange
        .iter()
        .enumerate()
        .map(|(i, (role, text))| turn(i as u64 + 1, *role, day(0), text))
        .collect();
    let facts = learn(&events);
    current(&facts, "allergy:peanuts");
    assert_eq!(current(&facts, "budget").value, "about $100 a week");
    assert!(
        facts
            .iter()
            .any(|f| f.is_current() && f.statement == "I cook every night."),
        "{:?}",
        keys(&facts)
    );
}

#[test]
fn a_denied_status_replaces_the_status() {
    let facts = learn(&said(&["I am married.", "I'm not married."]));
    let status = current(&facts, "relationship.status");
    assert_eq!(status.value, "not married");
    assert_eq!(status.polarity, Polarity::Positive);
    assert_eq!(status.description, "Is not married.");
    let married = facts.iter().find(|f| f.value == "married").unwrap();
    assert!(!married.is_current(), "{:?}", keys(&facts));
}

#[test]
fn a_named_child_stands_beside_the_count_of_children() {
    let facts = learn(&said(&["I have two kids.", "My son Max is 5."]));
    let now: Vec<&str> = facts
        .iter()
        .filter(|f| f.is_current())
        .map(|f| f.description.as_str())
        .collect();
    assert!(now.contains(&"Has two kids."), "{now:?}");
    assert!(now.contains(&"Their son Max is 5."), "{now:?}");
    assert!(facts.iter().all(|f| f.is_current()), "{:?}", keys(&facts));
}

#[test]
fn a_past_home_is_history_not_the_current_city() {
    let facts = learn(&said(&["I live in Portland.", "I used to live in Ohio."]));
    assert_eq!(current(&facts, "location.city").value, "Portland");
    let ohio: Vec<_> = facts.iter().filter(|f| f.value == "Ohio").collect();
    // The history record ends when said; the current fact is about the past, in its words.
    let history = ohio.iter().find(|f| f.key == "location.city").unwrap();
    assert!(!history.is_current());
    let about_the_past = ohio.iter().find(|f| f.is_current()).unwrap();
    assert_eq!(about_the_past.key, "past:location.city");
    assert_eq!(about_the_past.description, "Used to live in Ohio.");
}

#[test]
fn a_status_no_longer_held_ends() {
    for ending in ["I'm not married anymore.", "I'm no longer married."] {
        let facts = learn(&said(&["I am married.", ending]));
        let married: Vec<_> = facts
            .iter()
            .filter(|f| f.key == "relationship.status" && f.value == "married")
            .collect();
        assert!(
            married
                .iter()
                .all(|f| !f.is_current() || f.polarity == Polarity::Negative),
            "{ending}: {:?}",
            keys(&facts)
        );
        assert!(married.iter().any(|f| !f.is_current()), "{ending}");
    }
}

#[test]
fn a_like_turned_dislike_says_so_in_words() {
    let facts = learn(&said(&["I love coffee.", "I hate coffee now."]));
    let loved = facts.iter().find(|f| f.key == "likes:coffee").unwrap();
    assert!(!loved.is_current());
    assert_eq!(
        loved.change_reason.as_deref(),
        Some("now dislikes coffee: \"I hate coffee\""),
    );
}

#[test]
fn a_pet_that_died_unnamed_is_no_longer_had() {
    for died in ["My dog died last week.", "My dog died."] {
        let facts = learn(&said(&["I have a dog.", died]));
        assert!(
            !facts.iter().any(|f| f.is_current() && f.key == "pet.dog"),
            "{died}: {:?}",
            keys(&facts)
        );
    }
}

#[test]
fn turning_an_age_replaces_the_age() {
    let facts = learn(&said(&["I'm 34.", "I just turned 35."]));
    assert_eq!(current(&facts, "age").value, "35");
    assert_eq!(facts.iter().filter(|f| f.is_current()).count(), 1);
}

#[test]
fn being_laid_off_or_fired_ends_the_employer() {
    for ending in ["I got laid off.", "I was fired last week."] {
        let facts = learn(&said(&["I work at Google.", ending]));
        assert!(
            !facts.iter().any(|f| f.is_current() && f.key == "employer"),
            "{ending}: {:?}",
            keys(&facts)
        );
    }
}

#[test]
fn graduating_ends_being_a_student() {
    for graduated in ["I graduated last month.", "I just graduated from college."] {
        let facts = learn(&said(&["I'm a student.", graduated]));
        assert!(
            !facts
                .iter()
                .any(|f| f.is_current() && f.key == "occupation" && f.value == "student"),
            "{graduated}: {:?}",
            keys(&facts)
        );
        assert!(
            facts
                .iter()
                .any(|f| f.is_current() && f.key.starts_with("graduated"))
        );
    }
    // Long ago: still a student now.
    let facts = learn(&said(&["I'm a student.", "I graduated from MIT in 2015."]));
    assert_eq!(current(&facts, "occupation").value, "student");
}

#[test]
fn we_broke_up_ends_the_partner() {
    let facts = learn(&said(&["I have a boyfriend.", "We broke up last month."]));
    assert!(
        !facts
            .iter()
            .any(|f| f.is_current() && f.key.ends_with("boyfriend")),
        "{:?}",
        keys(&facts)
    );
}

#[test]
fn eating_fish_again_ends_a_vegetarian_diet() {
    let facts = learn(&said(&[
        "I'm a vegetarian.",
        "I started eating fish again.",
    ]));
    let diet = facts.iter().find(|f| f.key == "diet:vegetarian").unwrap();
    assert!(!diet.is_current(), "{:?}", keys(&facts));
    assert!(
        diet.change_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("eats fish: ")),
        "{:?}",
        diet.change_reason
    );
}

#[test]
fn quitting_the_work_ends_the_occupation() {
    for (job, quit) in [
        ("I'm a teacher.", "I quit teaching last year."),
        ("I am a nurse.", "I stopped nursing."),
    ] {
        let facts = learn(&said(&[job, quit]));
        assert!(
            !facts
                .iter()
                .any(|f| f.is_current() && f.key == "occupation"),
            "{quit}: {:?}",
            keys(&facts)
        );
    }
    // Another habit leaves the occupation alone.
    let facts = learn(&said(&["I'm a teacher.", "I quit smoking."]));
    assert_eq!(current(&facts, "occupation").value, "teacher");
}

#[test]
fn i_meant_corrects_a_persons_age() {
    let facts = learn(&said(&[
        "My son is 8.",
        "Sorry, I meant my son is 7, not 8.",
    ]));
    let now: Vec<&str> = facts
        .iter()
        .filter(|f| f.is_current() && f.key == "person:son")
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(now, ["is 7"], "{:?}", keys(&facts));
}

#[test]
fn the_city_moved_from_is_history() {
    let facts = learn(&said(&[
        "I live in Chicago.",
        "I moved here from Chicago two years ago.",
    ]));
    assert!(
        !facts
            .iter()
            .any(|f| f.is_current() && f.key == "location.city"),
        "{:?}",
        keys(&facts)
    );
    let facts = learn(&said(&["I moved from Chicago to Denver."]));
    assert_eq!(current(&facts, "location.city").value, "Denver");
    let chicago = facts
        .iter()
        .find(|f| f.key == "location.city" && f.value == "Chicago")
        .unwrap();
    assert!(!chicago.is_current());
}

#[test]
fn a_person_who_moved_lives_in_the_new_city() {
    let facts = learn(&said(&[
        "My sister lives in Boston.",
        "My sister moved to Chicago.",
    ]));
    let sister: Vec<(&str, bool)> = facts
        .iter()
        .filter(|f| f.key == "person:sister")
        .map(|f| (f.value.as_str(), f.is_current()))
        .collect();
    assert_eq!(
        sister,
        [("lives in Boston", false), ("moved to Chicago", true)]
    );
}

#[test]
fn an_ending_with_a_stated_time_ends_the_fact_then() {
    let events = [
        turn(1, Role::User, day(-1000), "I'm a teacher."),
        turn(2, Role::User, day(0), "I quit teaching last year."),
    ];
    let facts = learn(&events);
    let teacher = facts.iter().find(|f| f.value == "teacher").unwrap();
    let ended = teacher.valid_to.expect("teacher ended");
    assert!(ended < day(-30), "ended {ended}, said {}", day(0));
    assert!(ended > teacher.valid_from, "ended {ended}");
    // Without a time, the ending is when it was said.
    let events = [
        turn(1, Role::User, day(-1000), "I'm a teacher."),
        turn(2, Role::User, day(0), "I quit teaching."),
    ];
    let facts = learn(&events);
    let teacher = facts.iter().find(|f| f.value == "teacher").unwrap();
    assert_eq!(teacher.valid_to, Some(day(0)));
}

#[test]
fn a_partner_of_ones_own_ends_single() {
    for partner in [
        "I have a girlfriend now.",
        "My boyfriend and I went hiking.",
        "I have a wife.",
        "I have a fiancée now.",
    ] {
        let facts = learn(&said(&["I'm single.", partner]));
        let single = facts.iter().find(|f| f.value == "single").unwrap();
        assert!(!single.is_current(), "{partner}: {:?}", keys(&facts));
        assert!(
            single
                .change_reason
                .as_deref()
                .is_some_and(|r| r.starts_with("has a ")),
            "{:?}",
            single.change_reason
        );
    }
    // Not having one, or having had one, leaves "single" current.
    for not_now in ["I don't have a girlfriend.", "I used to have a girlfriend."] {
        let facts = learn(&said(&["I'm single.", not_now]));
        assert_eq!(
            current(&facts, "relationship.status").value,
            "single",
            "{not_now}"
        );
    }
}

#[test]
fn a_birth_gives_a_child_and_ends_expecting_one() {
    for (birth, key) in [
        ("We just had a baby boy.", "family.son"),
        ("We had our baby last week.", "family.children"),
        ("I had a baby girl.", "family.daughter"),
    ] {
        let facts = learn(&said(&[
            "We're expecting our first child in August.",
            birth,
        ]));
        current(&facts, key);
        let plan = facts
            .iter()
            .find(|f| f.key.starts_with("goal:expecting"))
            .unwrap();
        assert!(!plan.is_current(), "{birth}: {:?}", keys(&facts));
        assert!(
            plan.change_reason
                .as_deref()
                .is_some_and(|r| r.starts_with("had the baby: ")),
            "{:?}",
            plan.change_reason
        );
    }
    // Said as a state, the user's or their partner's, it ends too; a sister's or a parcel's
    // does not.
    for (expecting, ends) in [
        ("I'm expecting a baby.", true),
        ("I'm pregnant.", true),
        ("My wife is expecting.", true),
        ("My sister is pregnant.", false),
        ("I'm expecting a package.", false),
    ] {
        let facts = learn(&said(&[expecting, "We just had a baby boy."]));
        let before = facts
            .iter()
            .find(|f| f.evidence[0].as_str() == "e1" && !f.key.starts_with("has:"))
            .unwrap();
        assert_eq!(
            before.is_current(),
            !ends,
            "{expecting}: {:?}",
            keys(&facts)
        );
    }
    // Another child already born leaves the plan.
    let facts = learn(&said(&[
        "We're expecting our second child in August.",
        "I have a son.",
    ]));
    let plan = facts
        .iter()
        .find(|f| f.key.starts_with("goal:expecting"))
        .unwrap();
    assert!(plan.is_current(), "{:?}", keys(&facts));
    // Not a birth: nothing about a child.
    let facts = learn(&said(&["We had a baby shower.", "We had our dinner."]));
    assert!(
        !facts.iter().any(|f| f.key.starts_with("family.")),
        "{:?}",
        keys(&facts)
    );
}

#[test]
fn a_kind_of_home_leaves_the_city() {
    let facts = learn(&said(&[
        "I live in Denver.",
        "I live in an apartment downtown.",
    ]));
    assert_eq!(current(&facts, "location.city").value, "Denver");
    assert_eq!(current(&facts, "home").value, "apartment downtown");
    // A new home replaces the old one.
    let facts = learn(&said(&["I live in a condo.", "I moved to a new house."]));
    assert_eq!(current(&facts, "home").value, "new house");
}
