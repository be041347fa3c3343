use rapport_engine::{Actor, Engine};

use crate::scripted::{engine, said, tenant, user};

/// Every fact of ana, current and past, as JSON.
fn all_facts(engine: &Engine) -> serde_json::Value {
    let profile = engine.profile(&tenant(), &user("ana")).unwrap();
    let current: Vec<_> = profile.facts.iter().map(|f| &f.fact).collect();
    serde_json::json!({ "current": current, "past": profile.past })
}

#[test]
fn a_change_supersedes_and_keeps_history() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine
        .ingest(&[said("ana", "e1", 1, "I live in Ohio.")])
        .unwrap();
    engine
        .ingest(&[said("ana", "e2", 5, "I live in Denver.")])
        .unwrap();
    let profile = engine.profile(&tenant(), &user("ana")).unwrap();
    assert_eq!(profile.facts.len(), 1);
    assert_eq!(profile.facts[0].fact.value, "Denver");
    assert_eq!(profile.past.len(), 1);
    let past = &profile.past[0];
    assert_eq!(past.value, "Ohio");
    assert_eq!(past.ended_by.as_ref().unwrap().as_str(), "e2");
    assert_eq!(past.superseded_by, Some(profile.facts[0].fact.id));
}

#[test]
fn reindex_rebuilds_the_same_profile_as_incremental_learning() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    for (i, city) in ["Ohio", "Denver", "Denver", "Lisbon"].iter().enumerate() {
        let id = format!("e{i}");
        engine
            .ingest(&[said(
                "ana",
                &id,
                i as u32 + 1,
                &format!("I live in {city}."),
            )])
            .unwrap();
    }
    let before = all_facts(&engine);
    let report = engine.reindex(|_, _| {}).unwrap();
    assert_eq!((report.users, report.events, report.facts), (1, 4, 1));
    assert_eq!(all_facts(&engine), before);
}

#[test]
fn duplicates_do_not_strengthen_facts_twice() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    let batch = [
        said("ana", "e1", 1, "I live in Ohio."),
        said("ana", "e2", 2, "I live in Ohio."),
    ];
    engine.ingest(&batch).unwrap();
    let report = engine.ingest(&batch).unwrap();
    assert_eq!(
        (report.accepted, report.duplicates, report.users),
        (0, 2, 0)
    );
    let profile = engine.profile(&tenant(), &user("ana")).unwrap();
    assert_eq!(profile.facts[0].fact.evidence.len(), 2);
}

#[test]
fn population_counts_make_rare_facts_more_distinctive() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    let mut batch = Vec::new();
    for i in 0..9 {
        batch.push(said(&format!("u{i}"), "e1", 1, "I live in Denver."));
    }
    batch.push(said("rare", "e1", 1, "I live in Reykjavik."));
    engine.ingest(&batch).unwrap();
    let common = engine.profile(&tenant(), &user("u0")).unwrap().facts[0].distinctiveness;
    let rare = engine.profile(&tenant(), &user("rare")).unwrap().facts[0].distinctiveness;
    assert!(rare > common, "rare {rare} vs common {common}");
}

#[test]
fn forgetting_a_user_removes_them_from_every_read() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine
        .ingest(&[said("ana", "e1", 1, "I live in Ohio.")])
        .unwrap();
    engine
        .context(
            &tenant(),
            &user("ana"),
            &rapport_engine::ContextRequest::new("where"),
        )
        .unwrap();
    assert!(
        engine
            .forget_user(&tenant(), &user("ana"), &Actor::cli())
            .unwrap()
    );
    let err = engine
        .profile(&tenant(), &user("ana"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown user `ana`"), "{err}");
    let err = engine
        .search(&tenant(), &user("ana"), "Ohio", None, 5)
        .unwrap_err();
    assert!(
        err.to_string().contains("unknown user"),
        "cached memory must be gone: {err}"
    );
}
