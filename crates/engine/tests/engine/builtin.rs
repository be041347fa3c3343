//! The engine with its built-in learner (`rapport-extract`): real facts from real sentences,
//! learned incrementally and rebuilt identically by `reindex`.

use rapport_core::Event;
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

#[test]
fn the_history_dates_what_was_past_when_said_by_when_it_was_said() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::with_data_dir(dir.path())).unwrap();
    engine
        .ingest(&[
            said("ana", "h1", 1, "I live in Portland."),
            said("ana", "h2", 3, "I moved to Seattle."),
            said("ana", "h3", 5, "I used to live in Ohio."),
        ])
        .unwrap();
    let text = engine
        .profile(&tenant(), &user("ana"))
        .unwrap()
        .render_text(true);
    let history = text.split("No longer true").nth(1).expect(&text);
    let line = |what: &str| history.lines().find(|l| l.contains(what)).expect(history);
    assert!(line("Lives in Portland.").contains(" to "), "{history}");
    assert!(
        line("Used to live in Ohio.").contains("[before "),
        "{history}"
    );
}

/// An assistant message on day `day`, in session `s{day}`.
fn asked(who: &str, id: &str, day: u32, text: &str) -> rapport_core::Event {
    let mut event = said(who, id, day, text);
    event.body = rapport_core::EventBody::Message(rapport_core::Message {
        role: rapport_core::Role::Assistant,
        speaker: None,
        text: text.into(),
    });
    event
}

fn statements(engine: &Engine, who: &str) -> Vec<String> {
    let profile = engine.profile(&tenant(), &user(who)).unwrap();
    profile
        .facts
        .iter()
        .map(|f| f.fact.statement.clone())
        .collect()
}

/// A short reply is read with the question before it, also when the question came in the
/// batch before (a chat proxy records each exchange as a batch), in a fresh engine on the same
/// store, and through a rebuild: the same facts as learning the exchange in one batch.
#[test]
fn a_reply_is_read_with_the_question_of_the_batch_before() {
    let question = "What's your favorite band?";
    let expected = "My favorite band is Roxy Music.";
    let one_batch = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::with_data_dir(one_batch.path())).unwrap();
    engine
        .ingest(&[
            said("ana", "u1", 1, "Hi there."),
            asked("ana", "a1", 1, question),
            said("ana", "u2", 2, "Roxy Music."),
        ])
        .unwrap();
    let whole = statements(&engine, "ana");
    assert!(whole.iter().any(|s| s == expected), "{whole:?}");

    let split = tempfile::tempdir().unwrap();
    let config = || EngineConfig::with_data_dir(split.path());
    let engine = Engine::open(config()).unwrap();
    let exchange = [
        said("ana", "u1", 1, "Hi there."),
        asked("ana", "a1", 1, question),
    ];
    engine.ingest(&exchange).unwrap();
    engine
        .ingest(&[said("ana", "u2", 2, "Roxy Music.")])
        .unwrap();
    assert_eq!(statements(&engine, "ana"), whole);
    // Another user, whose question is read from the store by a fresh engine.
    engine
        .ingest(&exchange.map(|e| Event {
            user: user("bo"),
            ..e
        }))
        .unwrap();
    drop(engine);
    let engine = Engine::open(config()).unwrap();
    engine
        .ingest(&[said("bo", "u2", 2, "Roxy Music.")])
        .unwrap();
    assert_eq!(statements(&engine, "bo"), whole);
    engine.reindex(|_, _| {}).unwrap();
    assert_eq!(statements(&engine, "ana"), whole);
    assert_eq!(statements(&engine, "bo"), whole);
}

/// A rebuild keeps the user's decisions and still learns everything else the same turns said.
#[test]
fn a_rebuild_after_an_edit_and_a_pin_relearns_the_rest_of_their_turns() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::with_data_dir(dir.path())).unwrap();
    engine
        .ingest(&[
            said("ana", "m1", 1, "I live in Paris and I love jazz."),
            said("ana", "m2", 2, "I have a dog named Rex and I play chess."),
        ])
        .unwrap();
    let id_of = |key: &str| {
        let profile = engine.profile(&tenant(), &user("ana")).unwrap();
        profile
            .facts
            .iter()
            .find(|f| f.fact.key == key)
            .map(|f| f.fact.id)
            .unwrap()
    };
    let actor = rapport_engine::Actor::cli();
    engine
        .edit_fact(
            &tenant(),
            &user("ana"),
            id_of("location.city"),
            "Lyon",
            &actor,
        )
        .unwrap();
    engine
        .pin_fact(&tenant(), &user("ana"), id_of("pet.dog"), true, &actor)
        .unwrap();
    let before = statements(&engine, "ana");
    assert!(before.iter().any(|s| s.contains("jazz")), "{before:?}");
    assert!(before.iter().any(|s| s.contains("chess")), "{before:?}");
    // Every fact but its id (a rebuild numbers relearned facts after the kept ones), by key.
    let everything = |engine: &Engine| {
        let mut facts: Vec<serde_json::Value> = (engine.facts(&tenant(), &user("ana")).unwrap())
            .iter()
            .map(|f| {
                let mut value = serde_json::to_value(f).unwrap();
                value.as_object_mut().unwrap().remove("id");
                value
            })
            .collect();
        facts.sort_by_key(|f| (f["key"].to_string(), f["valid_to"].is_null()));
        facts
    };
    let all_before = everything(&engine);
    engine.reindex(|_, _| {}).unwrap();
    assert_eq!(statements(&engine, "ana"), before);
    // The same facts, evidence and history included (the pinned dog still cites its turn).
    assert_eq!(everything(&engine), all_before);
}

#[test]
fn constraints_lead_the_context_when_the_query_does_not_name_them() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::with_data_dir(dir.path())).unwrap();
    let turns = [
        "I love hiking in the mountains.",
        "I'm allergic to peanuts.",
        "I have a dog named Rex.",
        "I collect vintage cameras.",
        "I'm vegetarian.",
        "I play chess with my brother.",
    ];
    let events: Vec<Event> = turns
        .iter()
        .enumerate()
        .map(|(i, text)| said("bo", &format!("c{i}"), i as u32 + 1, text))
        .collect();
    engine.ingest(&events).unwrap();
    let request = rapport_engine::ContextRequest::new("What should I cook tonight?");
    let context = engine.context(&tenant(), &user("bo"), &request).unwrap();
    let first_two: Vec<&str> = context
        .facts
        .iter()
        .take(2)
        .map(|f| f.text.as_str())
        .collect();
    assert!(
        first_two.iter().any(|t| t.contains("peanuts"))
            && first_two.iter().any(|t| t.contains("vegetarian")),
        "{:#?}",
        context.facts
    );
}

#[test]
fn what_the_user_used_to_do_is_said_once_and_dated_when_said() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::with_data_dir(dir.path())).unwrap();
    engine
        .ingest(&[
            said("cy", "o1", 2, "I used to live in Ohio."),
            said("cy", "o2", 3, "I live in Denver."),
        ])
        .unwrap();
    let request = rapport_engine::ContextRequest::new("Where have I lived?");
    let context = engine.context(&tenant(), &user("cy"), &request).unwrap();
    assert!(
        context
            .block
            .contains("- Used to live in Ohio. (stated; said 2024-03-02)"),
        "{}",
        context.block
    );
    assert_eq!(context.block.matches("Used to live in Ohio.").count(), 1);
    let profile = engine
        .profile(&tenant(), &user("cy"))
        .unwrap()
        .render_text(true);
    assert!(profile.contains("said 2024-03-02"), "{profile}");
}
