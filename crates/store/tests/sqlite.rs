//! The embedded backend: the conformance suite plus what only a file-backed store can show.

use rapport_store::conformance::message;
use rapport_store::{SqliteStore, Store};

fn fresh() -> SqliteStore {
    // The directory must outlive the store; leak it for the duration of the test process.
    let dir = tempfile::tempdir().unwrap().keep();
    SqliteStore::open(dir.join("rapport.db")).unwrap()
}

rapport_store::conformance_tests!(conformance, fresh);

#[test]
fn reopening_keeps_every_accepted_event() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.db");
    {
        let store = SqliteStore::open(&path).unwrap();
        store
            .append(&[message("t", "ana", "e1", 1, "kept")])
            .unwrap();
        // Dropped without a checkpoint: the data lives only in the WAL now.
    }
    let store = SqliteStore::open(&path).unwrap();
    let events = store
        .events(&"t".parse_tenant(), &"ana".parse_user(), 0, 10)
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.text(), Some("kept"));
}

#[test]
fn refuses_a_file_that_is_not_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let err = SqliteStore::open(&path)
        .err()
        .expect("must refuse")
        .to_string();
    assert!(err.contains("is not a Rapport store"), "{err}");
}

#[test]
fn refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.db");
    drop(SqliteStore::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = SqliteStore::open(&path)
        .err()
        .expect("must refuse")
        .to_string();
    assert!(err.contains("schema version 99"), "{err}");
}

trait ParseIds {
    fn parse_tenant(&self) -> rapport_core::TenantId;
    fn parse_user(&self) -> rapport_core::UserId;
}

impl ParseIds for str {
    fn parse_tenant(&self) -> rapport_core::TenantId {
        rapport_core::TenantId::new(self).unwrap()
    }
    fn parse_user(&self) -> rapport_core::UserId {
        rapport_core::UserId::new(self).unwrap()
    }
}

/// See issue #2: a batch reported as accepted survives a crash. The test re-runs its own binary
/// as a child that appends a batch, reports the acknowledgement, and aborts without any cleanup;
/// the parent then reopens the file and finds every acknowledged event.
#[test]
fn acknowledged_batches_survive_a_crash() {
    const CHILD: &str = "RAPPORT_CRASH_TEST_DB";
    if let Ok(path) = std::env::var(CHILD) {
        let store = SqliteStore::open(&path).unwrap();
        for batch in 0..20 {
            let events: Vec<_> = (0..50)
                .map(|i| message("t", "ana", &format!("b{batch}-{i}"), 1, "crash-safe text"))
                .collect();
            store.append(&events).unwrap();
            println!("acked {batch}");
        }
        std::process::abort();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.db");
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "acknowledged_batches_survive_a_crash",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, &path)
        .output()
        .unwrap();
    assert!(!output.status.success(), "the child must have crashed");
    let acked = String::from_utf8_lossy(&output.stdout)
        .matches("acked ")
        .count();
    assert_eq!(
        acked,
        20,
        "child output: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let store = SqliteStore::open(&path).unwrap();
    let events = store
        .events(&"t".parse_tenant(), &"ana".parse_user(), 0, 10_000)
        .unwrap();
    assert_eq!(events.len(), acked * 50);
}

mod delta_saves {
    use std::collections::BTreeMap;

    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;
    use rapport_core::Fact;
    use rapport_store::conformance::{apply_versions_both_ways, fact};

    /// One version of a user's facts: up to six ids, each with one of a few keys and values,
    /// current or ended.
    fn version() -> impl Strategy<Value = Vec<Fact>> {
        proptest::collection::btree_map(1u64..7, (0usize..3, 0usize..3, any::<bool>()), 0..6)
            .prop_map(|chosen: BTreeMap<u64, (usize, usize, bool)>| {
                chosen
                    .into_iter()
                    .map(|(id, (key, value, ended))| {
                        let mut f = fact(
                            id,
                            ["city", "likes:tea", "pet"][key],
                            ["a", "B", "b"][value],
                        );
                        if ended {
                            f.valid_to = Some(Utc.with_ymd_and_hms(2024, 3, 2, 0, 0, 0).unwrap());
                        }
                        f
                    })
                    .collect()
            })
    }

    /// Versions as learning makes them: each keeps the previous one's facts in order, some
    /// changed (ended, or another value), and adds new facts after them.
    fn evolving() -> impl Strategy<Value = Vec<Vec<Fact>>> {
        let step = proptest::collection::vec((0usize..4, 0usize..3, any::<bool>()), 0..4);
        (version(), proptest::collection::vec(step, 1..5)).prop_map(|(first, steps)| {
            let mut versions = vec![first];
            for step in steps {
                let mut next = versions.last().unwrap().clone();
                for (what, value, ended) in step {
                    let id = next.iter().map(|f| f.id).max().unwrap_or(0) + 1;
                    match next.get_mut(what) {
                        Some(f) if ended => {
                            f.valid_to = Some(Utc.with_ymd_and_hms(2024, 3, 3, 0, 0, 0).unwrap())
                        }
                        Some(f) => f.value = ["a", "B", "c"][value].into(),
                        None => next.push(fact(id, "likes:tea", ["a", "B", "c"][value])),
                    }
                }
                versions.push(next);
            }
            versions
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The same when the caller says which facts changed.
        #[test]
        fn saving_told_changes_equals_saving_everything(versions in evolving()) {
            let store = super::fresh();
            apply_versions_both_ways(&store, &versions);
        }

        /// Writing only the changed rows ends in the same facts and counts as rewriting all.
        #[test]
        fn saving_changes_equals_saving_everything(
            versions in proptest::collection::vec(version(), 1..6)
        ) {
            let store = super::fresh();
            apply_versions_both_ways(&store, &versions);
        }
    }
}
