//! The binary on PostgreSQL (`--database-url` / `RAPPORT_DATABASE_URL`), against the real server
//! that scripts/test starts. Each test uses a schema of its own inside the test database.

use crate::harness::{Dir, message};

fn fresh_schema_url() -> String {
    rapport_store::conformance::fresh_postgres_schema_url("cli")
}

#[test]
fn database_url_keeps_the_data_in_postgresql_not_the_data_dir() {
    let dir = Dir::new();
    let url = fresh_schema_url();
    let events = dir.write(
        "events.jsonl",
        [
            message("ana", "e1", "I live in Lisbon."),
            message("ana", "e2", "I adopted a cat named Pepper."),
        ]
        .join("\n"),
    );
    let ingest = dir.rapport(&["--database-url", &url, "ingest", events.to_str().unwrap()]);
    assert!(ingest.ok().contains("2 accepted"), "{}", ingest.stdout());
    assert!(
        !dir.data_dir().exists(),
        "the embedded store must not be created when a database URL is given"
    );

    // The environment variable selects the same database.
    let mut command = dir.bare_rapport();
    command
        .env("RAPPORT_DATABASE_URL", &url)
        .args(["history", "ana", "--json"]);
    let history = crate::harness::Run::of(command).ok();
    assert_eq!(history.lines().count(), 2, "{history}");
    assert!(history.contains("Pepper"), "{history}");

    // The embedded store knows nothing of it.
    let embedded = dir.rapport(&["history", "ana"]);
    assert_eq!(embedded.code(), 1, "{}", embedded.stdout());
}

#[test]
fn a_bad_database_url_fails_with_a_clear_message_and_no_password() {
    let dir = Dir::new();
    let run = dir.rapport(&[
        "--database-url",
        "postgres://someone:hunter2@127.0.0.1:1/nothing",
        "users",
    ]);
    assert_eq!(run.code(), 1);
    let err = run.stderr();
    assert!(
        err.contains("cannot open the store in postgres://someone:***@127.0.0.1:1/nothing"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn export_and_import_move_a_store_to_postgresql_and_back_losing_nothing() {
    let dir = Dir::new();
    let url = fresh_schema_url();
    dir.rapport(&["demo"]).ok();
    let extra = dir.write(
        "extra.jsonl",
        [
            message("ana", "e1", "I live in Lisbon."),
            message("ana", "e2", "I moved to Porto last month."),
            message("bob", "e1", "I have two cats."),
        ]
        .join("\n"),
    );
    dir.rapport(&["ingest", extra.to_str().unwrap()]).ok();
    let from_sqlite = dir.path().join("sqlite.dump");
    dir.rapport(&["export", "--out", from_sqlite.to_str().unwrap()])
        .ok();

    let imported = dir.rapport(&[
        "--database-url",
        &url,
        "import",
        from_sqlite.to_str().unwrap(),
    ]);
    assert!(
        imported.ok().contains("Imported 3 users, 30 events"),
        "{}",
        imported.stdout()
    );
    let from_postgres = dir.path().join("postgres.dump");
    dir.rapport(&[
        "--database-url",
        &url,
        "export",
        "--out",
        from_postgres.to_str().unwrap(),
    ])
    .ok();

    let back = dir.path().join("back");
    let mut command = dir.bare_rapport();
    command
        .arg("--data-dir")
        .arg(&back)
        .args(["import", from_postgres.to_str().unwrap()]);
    crate::harness::Run::of(command).ok();
    let mut command = dir.bare_rapport();
    command.arg("--data-dir").arg(&back).arg("export");
    let from_back = crate::harness::Run::of(command).ok();

    let first = std::fs::read_to_string(&from_sqlite).unwrap();
    assert_eq!(
        first.lines().count(),
        1 + 30 + 3,
        "header, events, one facts line per user"
    );
    assert_eq!(std::fs::read_to_string(&from_postgres).unwrap(), first);
    assert_eq!(from_back, first);
    // The imported store answers like the original.
    let profile = |extra: &[&str]| {
        let mut args = extra.to_vec();
        args.extend(["profile", "maya", "--tenant", "demo", "--history"]);
        dir.rapport(&args).ok()
    };
    assert_eq!(profile(&["--database-url", &url]), profile(&[]));
}

#[test]
fn bench_scale_runs_on_postgresql_and_refuses_a_database_with_users() {
    let dir = Dir::new();
    let url = fresh_schema_url();
    let args = [
        "--database-url",
        url.as_str(),
        "bench",
        "scale",
        "--users",
        "30",
        "--events-per-user",
        "4",
        "--stages",
        "2",
        "--sampled-users",
        "5",
    ];
    let table = dir.rapport(&args).ok();
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(rows[0].trim_start().starts_with("60 "), "{table}");
    assert!(rows[1].trim_start().starts_with("120 "), "{table}");
    let again = dir.rapport(&args);
    assert_eq!(again.code(), 1);
    assert!(
        again.stderr().contains("already holds users"),
        "{}",
        again.stderr()
    );
}
