//! Inference kept incremental (the scans of each user's window kept between batches) gives
//! exactly the inferred facts of re-reading the window: in one batch or many, with the kept
//! scans warm or lost (a new engine on the same store), and after a reindex.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rapport_core::{Document, Event, EventBody, EventId, Fact, Message, Role, Source};
use rapport_engine::Engine;

use crate::scripted::{inferring_engine_with_window as engine, tenant, user};

/// Events for the window to slide over: the user's turns and documents carry cues, the
/// assistant's turns carry cues that must not count (and move the window without a refresh).
const SCRIPT: &[(&str, &str)] = &[
    ("user", "I'm 34 and my kids keep me busy."),
    ("assistant", "As a dad you must love the school run!"),
    (
        "document",
        "Grading fifty essays tonight, my students never stop surprising me.",
    ),
    (
        "user",
        "I grew up in Porto, the bakeries there are unmatched.",
    ),
    ("user", "My wife and I finally repainted the kitchen lol"),
    ("assistant", "I live in Oslo, by the way?"),
    ("document", "Since moving to Oslo the winters feel endless."),
    (
        "user",
        "Living paycheck to paycheck on a tight budget again!",
    ),
    ("user", "Just turned 40, midlife is real 😀"),
    ("user", "Debugging all night, coding is what I do now."),
    ("assistant", "Paid 200 kroner for a coffee?"),
    ("user", "Finishing my PhD dissertation this semester."),
    (
        "document",
        "here in Lyon the food is great, what time is dinner?",
    ),
];

fn event(n: usize) -> Event {
    let (kind, text) = SCRIPT[n % SCRIPT.len()];
    let body = match kind {
        "document" => EventBody::Document(Document { text: text.into() }),
        role => EventBody::Message(Message {
            role: if role == "user" {
                Role::User
            } else {
                Role::Assistant
            },
            speaker: None,
            text: text.into(),
        }),
    };
    Event {
        tenant: tenant(),
        user: user("kim"),
        id: EventId::new(format!("e{n}")).unwrap(),
        time: Utc.with_ymd_and_hms(2024, 3, 1, 0, 0, 0).unwrap()
            + chrono::Duration::hours(n as i64),
        session: Some("s".into()),
        body,
    }
}

/// The user's inferred facts, whole but for their ids.
fn inferred(engine: &Engine) -> Vec<Fact> {
    let profile = engine.profile(&tenant(), &user("kim")).unwrap();
    let mut facts: Vec<Fact> = profile
        .facts
        .iter()
        .map(|p| p.fact.clone())
        .filter(|f| f.source == Source::Inferred)
        .map(|mut f| {
            f.id = 0;
            f
        })
        .collect();
    facts.sort_by(|a, b| a.key.cmp(&b.key));
    facts
}

const WINDOW: u64 = 5;

/// Ingests `events` in batches of the given sizes (cycled); after each batch `n` for which
/// `reopen(n)`, the engine is dropped and a new one opened on the same store, so its kept scans
/// are lost and the next refresh reads the window from the log.
fn ingest_in_batches(
    dir: &std::path::Path,
    events: &[Event],
    sizes: &[usize],
    reopen: impl Fn(usize) -> bool,
) -> Engine {
    let mut engine = engine(dir, WINDOW);
    let mut at = 0;
    for (n, size) in sizes.iter().cycle().enumerate() {
        if at >= events.len() {
            break;
        }
        let end = (at + size.max(&1)).min(events.len());
        engine.ingest(&events[at..end]).unwrap();
        at = end;
        if reopen(n) {
            drop(engine);
            engine = self::engine(dir, WINDOW);
        }
    }
    engine
}

/// Whether the last batch of `len` events split by `sizes` holds a text the user wrote.
fn last_batch_authored(len: usize, sizes: &[usize]) -> bool {
    let mut at = 0;
    let mut start = 0;
    for size in sizes.iter().cycle() {
        if at >= len {
            break;
        }
        start = at;
        at = (at + size.max(&1)).min(len);
    }
    (start..len).any(|n| SCRIPT[n % SCRIPT.len()].0 != "assistant")
}

#[test]
fn one_event_at_a_time_slides_the_window_as_one_batch_does() {
    let events: Vec<Event> = (0..2 * SCRIPT.len()).map(event).collect();
    let (one, many) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let whole = engine(one.path(), WINDOW);
    whole.ingest(&events).unwrap();
    let expected = inferred(&whole);
    assert!(
        expected.iter().any(|f| f.key == "inferred.occupation"),
        "{expected:?}"
    );
    // The window is the last five events (e21..e25): earlier texts are never cited.
    let first = 2 * SCRIPT.len() - WINDOW as usize;
    for f in &expected {
        for e in &f.evidence {
            assert!(e.as_str()[1..].parse::<usize>().unwrap() >= first, "{f:?}");
        }
    }
    let stepped = ingest_in_batches(many.path(), &events, &[1], |_| false);
    assert_eq!(inferred(&stepped), expected);
    stepped.reindex(|_, _| {}).unwrap();
    assert_eq!(inferred(&stepped), expected);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Any split into batches infers the same with the kept scans warm, lost midway, or lost
    /// after every batch (the window read from the log each time, as before they were kept);
    /// the same as one batch when the last batch holds a text the user wrote (a batch without
    /// one does not refresh), and always after a reindex.
    #[test]
    fn any_batching_warm_or_cold_infers_the_same(
        len in 1..3 * SCRIPT.len(),
        sizes in proptest::collection::vec(1..7usize, 1..6),
        reopen_after in 0..8usize,
    ) {
        let events: Vec<Event> = (0..len).map(event).collect();
        let dirs: Vec<_> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
        let whole = engine(dirs[0].path(), WINDOW);
        whole.ingest(&events).unwrap();
        let one_batch = inferred(&whole);
        let cold = inferred(&ingest_in_batches(dirs[1].path(), &events, &sizes, |_| true));
        let warm = ingest_in_batches(dirs[2].path(), &events, &sizes, |_| false);
        prop_assert_eq!(inferred(&warm), cold.clone());
        let lost = ingest_in_batches(dirs[3].path(), &events, &sizes, |n| n == reopen_after);
        prop_assert_eq!(inferred(&lost), cold.clone());
        if last_batch_authored(len, &sizes) {
            prop_assert_eq!(cold, one_batch.clone());
        }
        warm.reindex(|_, _| {}).unwrap();
        prop_assert_eq!(inferred(&warm), one_batch);
    }
}

#[test]
fn forgetting_the_user_drops_the_kept_scans() {
    let (before, after) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let forgotten = engine(before.path(), WINDOW);
    let old: Vec<Event> = (0..SCRIPT.len()).map(event).collect();
    forgotten.ingest(&old[..4]).unwrap();
    forgotten.ingest(&old[4..8]).unwrap();
    assert!(
        forgotten
            .forget_user(&tenant(), &user("kim"), &rapport_engine::Actor::cli())
            .unwrap()
    );
    // A new log for the same user: what is inferred rests on it alone, as for a new user.
    let new: Vec<Event> = (8..SCRIPT.len()).map(event).collect();
    for chunk in new.chunks(2) {
        forgotten.ingest(chunk).unwrap();
    }
    let fresh = engine(after.path(), WINDOW);
    for chunk in new.chunks(2) {
        fresh.ingest(chunk).unwrap();
    }
    let expected = inferred(&fresh);
    assert!(!expected.is_empty());
    assert_eq!(inferred(&forgotten), expected);
}
