//! Two engines on one store, as two `rapport serve` processes on one database: each sees what
//! the other wrote at once, and concurrent learning for the same user loses nothing.

use rapport_engine::{Actor, ContextRequest, Engine};

use crate::scripted::{engine, said, tenant, user};

fn searched_ids(engine: &Engine, query: &str) -> Vec<String> {
    engine
        .search(&tenant(), &user("ana"), query, None, 10)
        .unwrap()
        .into_iter()
        .map(|hit| hit.id)
        .collect()
}

#[test]
fn a_cached_memory_sees_turns_and_facts_written_by_another_engine() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (engine(dir.path()), engine(dir.path()));
    a.ingest(&[said("ana", "e1", 1, "I live in Ohio.")])
        .unwrap();
    // A caches ana's memory.
    assert_eq!(searched_ids(&a, "Ohio"), ["e1"]);
    b.ingest(&[
        said("ana", "e2", 2, "My cat Pepper sleeps all day."),
        said("ana", "e3", 3, "I live in Denver."),
    ])
    .unwrap();
    assert_eq!(searched_ids(&a, "Pepper the cat"), ["e2"]);
    let context = a
        .context(
            &tenant(),
            &user("ana"),
            &ContextRequest::new("Where do I live?"),
        )
        .unwrap();
    let current: Vec<&str> = context.facts.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(current, ["Lives in Denver."], "{}", context.block);
}

#[test]
fn concurrent_ingest_for_one_user_through_two_engines_learns_everything() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (engine(dir.path()), engine(dir.path()));
    a.ingest(&[said("ana", "e0", 1, "hello")]).unwrap();
    std::thread::scope(|scope| {
        for (name, engine) in [("a", &a), ("b", &b)] {
            scope.spawn(move || {
                for i in 0..20 {
                    let text = format!("I live in City{name}{i}.");
                    engine
                        .ingest(&[said("ana", &format!("{name}{i}"), 2, &text)])
                        .unwrap();
                }
            });
        }
    });
    let from_a = a.profile(&tenant(), &user("ana")).unwrap();
    let from_b = b.profile(&tenant(), &user("ana")).unwrap();
    assert_eq!(from_a.facts.len(), 1);
    assert_eq!(
        serde_json::to_value(&from_a.facts[0].fact).unwrap(),
        serde_json::to_value(&from_b.facts[0].fact).unwrap()
    );
    // Every statement was learned exactly once: 40 cities, one current and 39 past.
    assert_eq!(from_a.past.len(), 39);
    let summary = a.user(&tenant(), &user("ana")).unwrap();
    assert_eq!(summary.learned_seq, summary.last_seq);
    // And the profile equals the one a replay of the log gives.
    let before = serde_json::to_value(&from_a.past).unwrap();
    a.reindex(|_, _| {}).unwrap();
    let after = a.profile(&tenant(), &user("ana")).unwrap();
    assert_eq!(serde_json::to_value(&after.past).unwrap(), before);
}

#[test]
fn an_edit_made_through_another_engine_is_seen_at_once_and_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (engine(dir.path()), engine(dir.path()));
    a.ingest(&[said("ana", "e1", 1, "I live in Ohio.")])
        .unwrap();
    let ask = ContextRequest::new("Where do I live?");
    let before = a.context(&tenant(), &user("ana"), &ask).unwrap();
    assert_eq!(before.facts[0].text, "Lives in Ohio.");
    let id = b.profile(&tenant(), &user("ana")).unwrap().facts[0].fact.id;
    b.edit_fact(&tenant(), &user("ana"), id, "Denver", &Actor::cli())
        .unwrap();
    let after = a.context(&tenant(), &user("ana"), &ask).unwrap();
    let current: Vec<&str> = after.facts.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(current, ["Lives in Denver."], "{}", after.block);
    // A learns more afterwards from its own ingest; the edit survives.
    a.ingest(&[said("ana", "e2", 2, "Nice weather today.")])
        .unwrap();
    let profile = b.profile(&tenant(), &user("ana")).unwrap();
    assert_eq!(profile.facts[0].fact.value, "Denver");
    assert_eq!(profile.facts[0].fact.source, rapport_core::Source::Edited);
}
