//! Learning is deterministic, idempotent and independent of how events are batched.

use proptest::prelude::*;
use rapport_core::{Fact, ProfileLearner, Role, StoredEvent};
use rapport_extract::PatternLearner;

use crate::support::said;

const TURNS: &[&str] = &[
    "I live in Portland.",
    "I moved to Seattle last month.",
    "I love jazz and I have a dog named Rex.",
    "I don't like jazz anymore.",
    "I'm training for a marathon next week.",
    "I used to live in Ohio.",
    "I quit smoking.",
    "I smoke sometimes.",
    "My sister Ana is a nurse.",
    "I'm a teacher.",
    "I work as a nurse at St. Mary's hospital.",
    "I think I might take up yoga.",
    "Do you like hiking?",
    "I love jazz!",
    "I hate jazz.",
    "I own a Jeep.",
];

/// Learns `events` in batches cut at `cuts` (sorted), each batch with the event before it, as
/// the engine learns a log.
fn learn_in_batches(events: &[StoredEvent], cuts: &[usize]) -> Vec<Fact> {
    let mut facts = Vec::new();
    let learner = PatternLearner::new();
    let mut start = 0;
    for &cut in cuts.iter().chain([events.len()].iter()) {
        let cut = cut.clamp(start, events.len());
        let before = start.checked_sub(1).map(|i| &events[i]);
        learner.learn_after(&mut facts, before, &events[start..cut]);
        start = cut;
    }
    facts
}

proptest! {
    #[test]
    fn batches_and_relearning_give_the_same_facts(
        picks in proptest::collection::vec(0..TURNS.len(), 1..12),
        mut cuts in proptest::collection::vec(0usize..12, 0..4),
    ) {
        cuts.sort_unstable();
        let texts: Vec<&str> = picks.iter().map(|i| TURNS[*i]).collect();
        let whole = learn_in_batches(&said(&texts), &[]);
        let split = learn_in_batches(&said(&texts), &cuts);
        prop_assert_eq!(&whole, &split);
        let mut again = whole.clone();
        PatternLearner::new().learn(&mut again, &said(&texts));
        prop_assert_eq!(&whole, &again);
    }
}

/// Questions of the other party and the user's turns, short replies among them.
const EXCHANGES: &[(Role, &str)] = &[
    (Role::Assistant, "Nice! What's your favorite band?"),
    (Role::User, "Roxy music."),
    (Role::Assistant, "Do you have any pets?"),
    (Role::User, "No, not yet."),
    (Role::User, "I live in Portland."),
    (Role::Assistant, "Do you like cats or dogs?"),
    (Role::User, "Yes!"),
    (Role::User, "I love jazz."),
];

proptest! {
    /// Learning in batches, each with the event before it, gives the facts of learning all at
    /// once, wherever the batches split a question from its reply.
    #[test]
    fn replies_split_from_their_question_give_the_same_facts(
        picks in proptest::collection::vec(0..EXCHANGES.len(), 1..14),
        mut cuts in proptest::collection::vec(0usize..14, 0..5),
    ) {
        use crate::support::{day, turn};
        cuts.sort_unstable();
        let events: Vec<_> = (picks.iter().enumerate())
            .map(|(i, p)| {
                let (role, text) = EXCHANGES[*p];
                turn(i as u64 + 1, role, day(i as i64), text)
            })
            .collect();
        let whole = crate::support::learn(&events);
        prop_assert_eq!(whole, learn_in_batches(&events, &cuts));
    }
}

/// A short reply is read with the other party's question before it in the same batch; the
/// question alone teaches nothing about the user.
#[test]
fn replies_are_read_with_the_question_before_them() {
    use crate::support::{day, turn};
    let events = [
        turn(
            1,
            Role::Assistant,
            day(0),
            "Nice! What's your favorite band?",
        ),
        turn(2, Role::User, day(0), "Roxy music."),
        turn(
            3,
            Role::Assistant,
            day(1),
            "I love my dog. Do you have any pets?",
        ),
        turn(4, Role::User, day(1), "No, not yet."),
        turn(5, Role::Assistant, day(2), "Do you like cats or dogs?"),
        turn(6, Role::User, day(2), "Yes!"),
    ];
    let facts = crate::support::learn(&events);
    let statements: Vec<&str> = facts.iter().map(|f| f.statement.as_str()).collect();
    assert_eq!(
        statements,
        ["My favorite band is Roxy music.", "I don't have pets."]
    );
    // Without the question the reply says nothing.
    assert!(crate::support::learn(&events[1..2]).is_empty());
}
