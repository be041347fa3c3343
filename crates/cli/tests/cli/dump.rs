//! `rapport export` / `rapport import` on the embedded store, and how bad dumps fail.

use crate::harness::{Dir, message};

fn export_demo(dir: &Dir) -> String {
    dir.rapport(&["demo"]).ok();
    let dump = dir.path().join("demo.dump");
    let run = dir.rapport(&["export", "--out", dump.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stderr().contains("Exported 1 users, 27 events"),
        "{}",
        run.stderr()
    );
    assert!(!dir.path().join("demo.partial").exists());
    std::fs::read_to_string(dump).unwrap()
}

fn import_into_fresh(dir: &Dir, name: &str, text: &str) -> crate::harness::Run {
    let file = dir.write(name, text);
    let mut command = dir.bare_rapport();
    command
        .arg("--data-dir")
        .arg(dir.path().join(format!("{name}.store")))
        .args(["import", file.to_str().unwrap()]);
    crate::harness::Run::of(command)
}

#[test]
fn a_dump_imports_into_an_empty_store_and_exports_identically() {
    let dir = Dir::new();
    let dump = export_demo(&dir);
    assert!(dump.starts_with(r#"{"header":{"format":"rapport-dump","version":1}}"#));
    import_into_fresh(&dir, "copy", &dump).ok();
    let mut command = dir.bare_rapport();
    command
        .arg("--data-dir")
        .arg(dir.path().join("copy.store"))
        .arg("export");
    assert_eq!(crate::harness::Run::of(command).ok(), dump);
}

#[test]
fn importing_users_the_store_already_holds_is_refused() {
    let dir = Dir::new();
    let dump = export_demo(&dir);
    let file = dir.write("again.dump", &dump);
    let run = dir.rapport(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr()
            .contains("the target store already holds user `maya` in tenant `demo`"),
        "{}",
        run.stderr()
    );
}

#[test]
fn malformed_and_truncated_dumps_fail_with_the_line() {
    let dir = Dir::new();
    let dump = export_demo(&dir);
    let no_header: String = dump.lines().skip(1).collect::<Vec<_>>().join("\n");
    let run = import_into_fresh(&dir, "no_header", &no_header);
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr()
            .contains("invalid dump at line 1: the dump does not start with a header"),
        "{}",
        run.stderr()
    );

    let truncated: String = dump.lines().take(10).collect::<Vec<_>>().join("\n");
    let run = import_into_fresh(&dir, "truncated", &truncated);
    assert!(run.stderr().contains("it is truncated"), "{}", run.stderr());

    let garbage = format!("{}\n{{\"event\": 3}}\n", dump.lines().next().unwrap());
    let run = import_into_fresh(&dir, "garbage", &garbage);
    assert!(
        run.stderr().contains("invalid dump at line 2"),
        "{}",
        run.stderr()
    );

    let future = r#"{"header":{"format":"rapport-dump","version":99}}"#;
    let run = import_into_fresh(&dir, "future", future);
    assert!(
        run.stderr()
            .contains("this build reads rapport-dump version 1, not rapport-dump version 99"),
        "{}",
        run.stderr()
    );
}

#[test]
fn events_added_after_the_facts_were_read_are_learned_on_import() {
    let dir = Dir::new();
    let events = dir.write("e.jsonl", message("ana", "e1", "I live in Lisbon."));
    dir.rapport(&["ingest", events.to_str().unwrap()]).ok();
    let dump = dir.rapport(&["export"]).ok();
    // A facts record that reflects none of the events: the import learns them.
    let stale = dump.replace(r#""learned_seq":1"#, r#""learned_seq":0"#);
    assert_ne!(stale, dump);
    import_into_fresh(&dir, "stale", &stale).ok();
    let mut command = dir.bare_rapport();
    command
        .arg("--data-dir")
        .arg(dir.path().join("stale.store"))
        .args(["users", "--json"]);
    let users = crate::harness::Run::of(command).ok();
    assert!(users.contains(r#""learned_seq":1"#), "{users}");
}
