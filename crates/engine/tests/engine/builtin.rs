//! The engine with its built-in learner (`rapport-extract`): real facts from real sentences,
//! learned incrementally and rebuilt identically by `reindex`.

use rapport_engine::{Engine, EngineConfig};

use crate::scripted::{said, tenant, user};

#[test]
fn the_default_learner_learns_supersedes_and_reindexes_identically() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::with_data_dir(dir.path())).unwrap();
    let turns = [
        "Hi! I'm vegetarian and I live in Portland.",
        "Do you like jazz? I love jazz.",
        "I have a dog named Biscuit.",
        "Big news: I moved to Seattle last month.",
        "I don't like jazz anymore.",
    ];
    for (i, text) in turns.iter().enumerate() {
        let id = format!("b{i}");
        engine
            .ingest(&[said("ana", &id, i as u32 + 1, text)])
            .unwrap();
    }
    let profile = engine.profile(&tenant(), &user("ana")).unwrap();
    let current: Vec<(&str, &str)> = profile
        .facts
        .iter()
        .map(|f| (f.fact.key.as_str(), f.fact.statement.as_str()))
        .collect();
    assert!(
        current.contains(&("location.city", "I live in Seattle.")),
        "{current:?}"
    );
    assert!(
        current.contains(&("diet:vegetarian", "I am vegetarian.")),
        "{current:?}"
    );
    assert!(
        current.contains(&("pet.dog", "I have a dog named Biscuit.")),
        "{current:?}"
    );
    assert!(
        current.contains(&("likes:jazz", "I don't like jazz anymore.")),
        "{current:?}"
    );
    let past: Vec<&str> = profile.past.iter().map(|f| f.statement.as_str()).collect();
    assert!(past.contains(&"I live in Portland."), "{past:?}");
    assert!(past.contains(&"I love jazz."), "{past:?}");

    let before = serde_json::to_value(&profile.facts).unwrap();
    engine.reindex(|_, _| {}).unwrap();
    let after = engine.profile(&tenant(), &user("ana")).unwrap();
    assert_eq!(serde_json::to_value(&after.facts).unwrap(), before);
}
