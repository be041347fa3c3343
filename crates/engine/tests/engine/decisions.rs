//! Users' decisions: edits, pins, deletions and forbidden categories win over extraction, on
//! ingest and on a rebuild.

use rapport_core::{Category, Facet, Fact, Sensitivity, Source};
use rapport_engine::{Actor, EDITED_REASON, Engine, Error, UserError};

use crate::scripted::{engine, said, tenant, user};

fn facts(engine: &Engine) -> Vec<Fact> {
    engine
        .export_user(&tenant(), &user("ana"), &Actor::cli())
        .unwrap()
        .facts
}

fn current(engine: &Engine) -> Vec<(String, Source, bool)> {
    facts(engine)
        .into_iter()
        .filter(Fact::is_current)
        .map(|f| (f.value, f.source, f.pinned))
        .collect()
}

fn living_in_paris() -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine
        .ingest(&[said("ana", "e1", 1, "I live in Paris.")])
        .unwrap();
    (dir, engine)
}

#[test]
fn an_edit_ends_the_old_fact_and_survives_reingest_and_reindex() {
    let (_dir, engine) = living_in_paris();
    let edited = engine
        .edit_fact(&tenant(), &user("ana"), 1, "Lyon", &Actor::cli())
        .unwrap();
    assert_eq!(
        (edited.id, edited.source, edited.pinned),
        (2, Source::Edited, true)
    );
    assert_eq!(edited.statement, "I live in Lyon.");
    let old = facts(&engine).into_iter().find(|f| f.id == 1).unwrap();
    assert_eq!(old.superseded_by, Some(2));
    assert_eq!(old.change_reason.as_deref(), Some(EDITED_REASON));
    engine
        .ingest(&[said("ana", "e2", 2, "I live in Paris.")])
        .unwrap();
    let lyon = vec![("Lyon".to_string(), Source::Edited, true)];
    assert_eq!(current(&engine), lyon);
    // The edit's history stays: the old value, ended by the user's edit.
    let history = |engine: &Engine| {
        facts(engine)
            .into_iter()
            .filter(|f| !f.is_current())
            .map(|f| (f.value, f.change_reason))
            .collect::<Vec<_>>()
    };
    let ended = vec![("Paris".to_string(), Some(EDITED_REASON.to_string()))];
    assert_eq!(history(&engine), ended);
    engine.reindex(|_, _| {}).unwrap();
    assert_eq!(current(&engine), lyon);
    assert_eq!(history(&engine), ended);
}

#[test]
fn a_pin_survives_reindex() {
    let (_dir, engine) = living_in_paris();
    let pinned = engine
        .pin_fact(&tenant(), &user("ana"), 1, true, &Actor::cli())
        .unwrap();
    assert!(pinned.pinned);
    engine.reindex(|_, _| {}).unwrap();
    assert_eq!(
        current(&engine),
        vec![("Paris".to_string(), Source::Stated, true)]
    );
}

#[test]
fn a_deleted_fact_does_not_come_back() {
    let (_dir, engine) = living_in_paris();
    engine
        .delete_fact(&tenant(), &user("ana"), 1, &Actor::cli())
        .unwrap();
    assert!(facts(&engine).is_empty());
    let settings = engine.settings(&tenant(), &user("ana")).unwrap();
    assert_eq!(settings.suppressed.len(), 1);
    assert!(!settings.suppressed[0].contains("Paris"));
    engine
        .ingest(&[said("ana", "e2", 2, "I live in Paris.")])
        .unwrap();
    assert!(facts(&engine).is_empty());
    engine.reindex(|_, _| {}).unwrap();
    assert!(facts(&engine).is_empty());
    engine
        .ingest(&[said("ana", "e3", 3, "I live in Rome.")])
        .unwrap();
    assert_eq!(current(&engine).len(), 1);
}

#[test]
fn a_forbidden_category_is_purged_and_never_learned_again() {
    let (_dir, engine) = living_in_paris();
    engine
        .ingest(&[said("ana", "e2", 2, "I live in Rome.")])
        .unwrap();
    assert_eq!(facts(&engine).len(), 2);
    let ruled_out = Category::Sensitivity(Sensitivity::Health);
    assert_eq!(
        engine
            .forbid_category(&tenant(), &user("ana"), ruled_out, &Actor::cli())
            .unwrap(),
        0
    );
    let identity = Category::Facet(Facet::Identity);
    assert_eq!(
        engine
            .forbid_category(&tenant(), &user("ana"), identity, &Actor::cli())
            .unwrap(),
        2
    );
    engine
        .ingest(&[said("ana", "e3", 3, "I live in Oslo.")])
        .unwrap();
    assert!(facts(&engine).is_empty());
    engine.reindex(|_, _| {}).unwrap();
    assert!(facts(&engine).is_empty());
    let settings = engine.settings(&tenant(), &user("ana")).unwrap();
    assert_eq!(settings.forbidden, vec![ruled_out, identity]);
}

#[test]
fn decisions_name_what_is_wrong() {
    let (_dir, engine) = living_in_paris();
    let err = engine
        .edit_fact(&tenant(), &user("ana"), 9, "x", &Actor::cli())
        .unwrap_err();
    assert!(
        matches!(err, Error::User(UserError::UnknownFact { id: 9, .. })),
        "{err}"
    );
    engine
        .edit_fact(&tenant(), &user("ana"), 1, "Lyon", &Actor::cli())
        .unwrap();
    let err = engine
        .pin_fact(&tenant(), &user("ana"), 1, true, &Actor::cli())
        .unwrap_err();
    assert!(
        matches!(err, Error::User(UserError::FactEnded { id: 1 })),
        "{err}"
    );
    let err = engine
        .edit_fact(&tenant(), &user("ana"), 2, "  ", &Actor::cli())
        .unwrap_err();
    assert!(matches!(err, Error::User(UserError::Invalid(_))), "{err}");
    let err = engine
        .delete_fact(&tenant(), &user("bob"), 1, &Actor::cli())
        .unwrap_err();
    assert!(
        matches!(err, Error::User(UserError::UnknownUser { .. })),
        "{err}"
    );
}

#[test]
fn export_holds_everything() {
    let (_dir, engine) = living_in_paris();
    engine
        .edit_fact(&tenant(), &user("ana"), 1, "Lyon", &Actor::cli())
        .unwrap();
    let export = engine
        .export_user(&tenant(), &user("ana"), &Actor::cli())
        .unwrap();
    assert_eq!(export.events.len(), 1);
    assert_eq!(export.facts.len(), 2);
    assert_eq!(export.settings.suppressed.len(), 1);
    assert_eq!(export.summary.events, 1);
}

#[test]
fn api_keys_authenticate_their_tenant_until_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    let acme = rapport_core::TenantId::new("acme").unwrap();
    let err = engine.create_api_key(&acme).unwrap_err();
    assert!(
        matches!(err, Error::User(UserError::UnknownTenant { .. })),
        "{err}"
    );
    assert!(engine.create_tenant(&acme).unwrap());
    assert!(!engine.create_tenant(&acme).unwrap());
    let key = engine.create_api_key(&acme).unwrap();
    assert!(key.key.starts_with("rpk_") && key.key.len() == 68);
    let access = engine.authenticate(&key.key).unwrap().unwrap();
    assert_eq!((&access.tenant, &access.user), (&acme, &None));
    assert_eq!(access.key_id, key.id);
    assert_eq!(engine.authenticate("rpk_nope").unwrap(), None);
    let ana = user("ana");
    let own = engine.create_user_key(&acme, &ana).unwrap();
    assert_eq!(own.user.as_ref(), Some(&ana));
    let access = engine.authenticate(&own.key).unwrap().unwrap();
    assert_eq!((access.tenant, access.user), (acme.clone(), Some(ana)));
    assert!(engine.revoke_api_key(&key.id).unwrap());
    assert_eq!(engine.authenticate(&key.key).unwrap(), None);
    assert!(engine.authenticate(&own.key).unwrap().is_some());
}

/// Forget means gone: after a deletion the fact's text is in no file of the data directory
/// (the event that stated it is still in the log, in its own words).
#[test]
fn a_deleted_facts_text_is_in_no_file() {
    let (dir, engine) = living_in_paris();
    let files = || -> Vec<u8> {
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
        }
        bytes
    };
    let contains =
        |hay: &[u8], needle: &str| hay.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(contains(&files(), "Lives in Paris."));
    engine
        .delete_fact(&tenant(), &user("ana"), 1, &Actor::cli())
        .unwrap();
    let after = files();
    assert!(!contains(&after, "Lives in Paris."));
    assert!(contains(&after, "I live in Paris."));
}
