use crate::harness::{Dir, message};

#[test]
fn demo_runs_twice_and_prints_a_profile() {
    let dir = Dir::new();
    let first = dir.rapport(&["demo"]).ok();
    assert!(first.contains("27 new events, 0 already there"), "{first}");
    assert!(
        first.contains("Profile of maya (tenant demo): 27 events"),
        "{first}"
    );
    let second = dir.rapport(&["demo"]).ok();
    assert!(
        second.contains("0 new events, 27 already there"),
        "{second}"
    );
}

#[test]
fn profile_and_history_of_an_unknown_user_fail_clearly() {
    let dir = Dir::new();
    for command in [["profile", "nobody"], ["history", "nobody"]] {
        let run = dir.rapport(&command);
        assert_eq!(run.code(), 1);
        assert!(
            run.stderr()
                .contains("unknown user `nobody` in tenant `default`"),
            "{}",
            run.stderr()
        );
    }
}

#[test]
fn history_lists_events_in_order_as_text_and_json() {
    let dir = Dir::new();
    let lines = [
        message("ana", "e1", "first words"),
        message("ana", "e2", "second words"),
    ];
    let file = dir.write("e.jsonl", lines.join("\n"));
    dir.rapport(&["ingest", file.to_str().unwrap()]).ok();
    let text = dir.rapport(&["history", "ana"]).ok();
    let first = text.find("first words").unwrap();
    assert!(text.find("second words").unwrap() > first, "{text}");
    let json = dir
        .rapport(&["history", "ana", "--json", "--after", "1"])
        .ok();
    let event: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(event["seq"], 2);
    assert_eq!(event["id"], "e2");
    assert_eq!(event["body"]["text"], "second words");
}

#[test]
fn reindex_and_forget() {
    let dir = Dir::new();
    let file = dir.write("e.jsonl", message("ana", "e1", "I have a cat."));
    dir.rapport(&["ingest", file.to_str().unwrap()]).ok();
    assert!(
        dir.rapport(&["reindex"])
            .ok()
            .contains("Rebuilt 1 users from 1 events")
    );
    assert!(
        dir.rapport(&["forget", "ana"])
            .ok()
            .contains("Forgot user ana")
    );
    assert_eq!(dir.rapport(&["forget", "ana"]).code(), 1);
    assert_eq!(dir.rapport(&["users"]).ok(), "");
}
