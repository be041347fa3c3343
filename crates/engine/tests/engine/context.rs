use rapport_engine::{ContextRequest, estimate_tokens};

use crate::scripted::{engine, said, tenant, user};

fn conversation() -> Vec<rapport_core::Event> {
    vec![
        said("ana", "e1", 1, "I live in Ohio."),
        said(
            "ana",
            "e2",
            2,
            "My favourite band is Radiohead and I saw them live in 2019.",
        ),
        said(
            "ana",
            "e3",
            3,
            "I adopted a greyhound called Pixel last spring.",
        ),
        said(
            "ana",
            "e4",
            4,
            "Work has been busy; I'm a nurse on night shifts.",
        ),
        said("ana", "e5", 9, "I live in Denver."),
    ]
}

#[test]
fn the_context_block_is_stable() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine.ingest(&conversation()).unwrap();
    let context = engine
        .context(
            &tenant(),
            &user("ana"),
            &ContextRequest::new("What did I call my greyhound?"),
        )
        .unwrap();
    assert!(
        context.turns.iter().any(|t| t.id == "e3"),
        "{:#?}",
        context.turns
    );
    insta::assert_snapshot!(context.block);
}

#[test]
fn the_block_respects_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine.ingest(&conversation()).unwrap();
    for budget in [0, 20, 40, 60, 100, 400] {
        let request = ContextRequest {
            budget,
            ..ContextRequest::new("tell me about my dog")
        };
        let context = engine.context(&tenant(), &user("ana"), &request).unwrap();
        assert!(
            context.tokens <= budget,
            "budget {budget}: {} tokens",
            context.tokens
        );
        assert_eq!(context.tokens, estimate_tokens(&context.block));
    }
}

#[test]
fn new_turns_are_searchable_right_after_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine.ingest(&conversation()).unwrap();
    // Warm the cache, then add a turn: the cached memory must see it.
    engine
        .search(&tenant(), &user("ana"), "anything", None, 5)
        .unwrap();
    engine
        .ingest(&[said("ana", "e6", 10, "I started learning the cello.")])
        .unwrap();
    let hits = engine
        .search(&tenant(), &user("ana"), "cello lessons", None, 3)
        .unwrap();
    assert_eq!(hits[0].id, "e6");
    let context = engine
        .context(
            &tenant(),
            &user("ana"),
            &ContextRequest::new("where do I live?"),
        )
        .unwrap();
    let texts: Vec<&str> = context.facts.iter().map(|f| f.text.as_str()).collect();
    assert!(texts.contains(&"Lives in Denver."), "{texts:?}");
    assert!(
        !texts.contains(&"Lives in Ohio."),
        "past facts are not current: {texts:?}"
    );
}
