//! The PostgreSQL backend against a real server: the conformance suite plus multi-writer
//! behaviour. Needs `RAPPORT_TEST_DATABASE_URL` (scripts/test starts a local server and sets it).
//! Each test works in a schema of its own inside that database.
#![cfg(feature = "postgres")]

use rapport_store::conformance::message;
use rapport_store::{PostgresStore, Store};

fn fresh_schema_url() -> String {
    rapport_store::conformance::fresh_postgres_schema_url("t")
}

fn fresh() -> PostgresStore {
    PostgresStore::connect(&fresh_schema_url()).unwrap()
}

rapport_store::conformance_tests!(conformance, fresh);

#[test]
fn two_writers_keep_sequences_dense() {
    let url = fresh_schema_url();
    let a = PostgresStore::connect(&url).unwrap();
    let b = PostgresStore::connect(&url).unwrap();
    std::thread::scope(|scope| {
        for (name, store) in [("a", &a), ("b", &b)] {
            scope.spawn(move || {
                for i in 0..50 {
                    let id = format!("{name}{i}");
                    store
                        .append(&[message("t", "ana", &id, 1, "text")])
                        .unwrap();
                }
            });
        }
    });
    let tenant = rapport_core::TenantId::new("t").unwrap();
    let user = rapport_core::UserId::new("ana").unwrap();
    let seqs: Vec<u64> = a
        .events(&tenant, &user, 0, 1000)
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, (1..=100).collect::<Vec<u64>>());
    assert_eq!(b.user(&tenant, &user).unwrap().unwrap().events, 100);
}

#[test]
fn reconnecting_migrates_nothing_twice() {
    let url = fresh_schema_url();
    let store = PostgresStore::connect(&url).unwrap();
    store
        .append(&[message("t", "ana", "e1", 1, "kept")])
        .unwrap();
    drop(store);
    let store = PostgresStore::connect(&url).unwrap();
    let tenant = rapport_core::TenantId::new("t").unwrap();
    let user = rapport_core::UserId::new("ana").unwrap();
    assert_eq!(store.events(&tenant, &user, 0, 10).unwrap().len(), 1);
}

/// Forget on PostgreSQL: no row of any table of the schema holds the user's text afterwards
/// (checked over every text column, so tables added later are covered too).
#[test]
fn forgetting_leaves_the_text_in_no_table() {
    use rapport_store::FactUpdate;
    use rapport_store::conformance::fact;

    let url = fresh_schema_url();
    let store = PostgresStore::connect(&url).unwrap();
    let marker = "Zqxwv7731";
    store
        .append(&[
            message("t", "ana", "e1", 1, &format!("my word is {marker}")),
            message("t", "bob", "e1", 1, "nothing to see"),
        ])
        .unwrap();
    let (tenant, ana) = (
        rapport_core::TenantId::new("t").unwrap(),
        rapport_core::UserId::new("ana").unwrap(),
    );
    store
        .save_facts(&[FactUpdate {
            tenant: &tenant,
            user: &ana,
            facts: Some(&[fact(1, "word", marker)]),
            previous: None,
            changed: None,
            learned_seq: 1,
            expected_revision: 0,
        }])
        .unwrap();
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let rows_with_marker = |client: &mut postgres::Client| -> Vec<String> {
        let columns = client
            .query(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')",
                &[],
            )
            .unwrap();
        assert!(columns.len() >= 8, "the schema's text columns are listed");
        let mut found = Vec::new();
        for column in columns {
            let (table, name): (String, String) = (column.get(0), column.get(1));
            let sql = format!("SELECT count(*) FROM {table} WHERE lower({name}) LIKE $1");
            let pattern = format!("%{}%", marker.to_lowercase());
            let count: i64 = client.query_one(&sql, &[&pattern]).unwrap().get(0);
            if count > 0 {
                found.push(format!("{table}.{name}"));
            }
        }
        found
    };
    assert!(
        !rows_with_marker(&mut client).is_empty(),
        "the marker is stored first"
    );
    assert!(store.forget_user(&tenant, &ana, None).unwrap());
    assert_eq!(rows_with_marker(&mut client), Vec::<String>::new());
}
