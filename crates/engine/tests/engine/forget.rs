//! Forget means gone: after forgetting a user, no file of the data directory holds any byte of
//! what they said or what was learned from it, and no read returns it.

use rapport_engine::{Actor, ContextRequest};

use crate::scripted::{engine, said, tenant, user};

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &std::path::Path, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_containing(&path, needle));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

#[test]
fn forgetting_a_user_leaves_no_trace_in_any_file() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    // One marker in a turn's text, another only in a learned fact's value (and population).
    let said_marker = "Zqxwv-said-7731";
    let fact_marker = "Qjmpk7731";
    let mut events = vec![said(
        "ana",
        "e1",
        1,
        &format!("My secret word is {said_marker}."),
    )];
    events.push(said("ana", "e2", 2, &format!("I live in {fact_marker}.")));
    events.push(said("bob", "e1", 1, "I live in Lisbon."));
    for i in 0..200 {
        // Enough other writes that pages move around and the WAL grows.
        events.push(said(
            "bob",
            &format!("x{i}"),
            3,
            &format!("filler turn number {i}"),
        ));
    }
    engine.ingest(&events).unwrap();
    // Warm the caches too.
    engine
        .context(&tenant(), &user("ana"), &ContextRequest::new(said_marker))
        .unwrap();
    for marker in [said_marker, fact_marker] {
        assert!(
            !files_containing(dir.path(), marker.as_bytes()).is_empty(),
            "the test must see {marker} on disk before forgetting"
        );
    }

    assert!(
        engine
            .forget_user(&tenant(), &user("ana"), &Actor::cli())
            .unwrap()
    );

    for marker in [said_marker, fact_marker] {
        assert_eq!(
            files_containing(dir.path(), marker.as_bytes()),
            Vec::<String>::new(),
            "{marker} is still on disk"
        );
    }
    assert!(engine.user(&tenant(), &user("ana")).is_err());
    assert!(
        engine
            .context(&tenant(), &user("ana"), &ContextRequest::new("secret"))
            .is_err()
    );
    // Bob is untouched.
    assert_eq!(engine.user(&tenant(), &user("bob")).unwrap().events, 201);
    drop(engine);
    for marker in [said_marker, fact_marker] {
        assert!(files_containing(dir.path(), marker.as_bytes()).is_empty());
    }
}
