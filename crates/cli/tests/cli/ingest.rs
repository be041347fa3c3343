use crate::harness::{Dir, message};

#[test]
fn ingest_reports_accepted_duplicates_and_rejections_by_line() {
    let dir = Dir::new();
    let mut lines = vec![
        message("ana", "e1", "I have a dog."),
        r#"{"user":"ana","type":"message","text":"#.to_string(),
        message("ana", "e2", "I live in Denver."),
        r#"{"user":"ana","type":"poke","text":"x"}"#.to_string(),
        r#"{"user":"ana","type":"message","text":"   "}"#.to_string(),
        message("ana", "e1", "same id again"),
        String::new(),
        format!(
            r#"{{"user":"ana","type":"document","text":"{}"}}"#,
            "x".repeat(200_000)
        ),
    ];
    lines.push(
        r#"{"user":"bob","id":"r1","type":"action","verb":"rate","item":"m1","value":4}"#
            .to_string(),
    );
    let mut bytes = lines.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n{\"user\":\"ana\",\"type\":\"message\",\"text\":\"\xff\xfe\"}\n");
    let file = dir.write("events.jsonl", bytes);

    let run = dir.rapport(&["ingest", file.to_str().unwrap()]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    let out = run.stdout();
    assert!(
        out.contains("3 accepted, 1 duplicates skipped, 5 rejected"),
        "{out}"
    );
    assert!(
        out.contains("events.jsonl:2: invalid line: not valid JSON"),
        "{out}"
    );
    assert!(
        out.contains("events.jsonl:4: invalid type: `poke` is not one of"),
        "{out}"
    );
    assert!(
        out.contains("events.jsonl:5: invalid text: must not be empty"),
        "{out}"
    );
    assert!(
        out.contains("events.jsonl:8: line is 200042 bytes, longer than the limit"),
        "{out}"
    );
    assert!(out.contains("events.jsonl:10: not valid UTF-8"), "{out}");

    // Accepted events are stored; running the same file again stores nothing new.
    let again = dir.rapport(&["ingest", file.to_str().unwrap()]);
    assert!(
        again.stdout().contains("0 accepted, 4 duplicates skipped"),
        "{}",
        again.stdout()
    );
    let history = dir.rapport(&["history", "ana", "--json"]).ok();
    assert_eq!(history.lines().count(), 2, "{history}");
}

#[test]
fn ingest_reads_standard_input_and_several_files() {
    let dir = Dir::new();
    let a = dir.write("a.jsonl", message("ana", "a1", "Hello there") + "\n");
    let mut command = dir.bare_rapport();
    command
        .arg("--data-dir")
        .arg(dir.data_dir())
        .args(["ingest", a.to_str().unwrap(), "-"]);
    command.stdin(std::fs::File::open(dir.write("b.jsonl", message("bob", "b1", "Hi"))).unwrap());
    let run = crate::harness::Run::of(command);
    assert!(run.ok().contains("2 accepted"), "{}", run.stdout());
    let users = dir.rapport(&["users"]).ok();
    assert!(
        users.contains("default\tana\t1 events") && users.contains("default\tbob\t1 events"),
        "{users}"
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = Dir::new();
    let run = dir.rapport(&["ingest", "no-such-file.jsonl"]);
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr().contains("cannot open no-such-file.jsonl"),
        "{}",
        run.stderr()
    );
}
