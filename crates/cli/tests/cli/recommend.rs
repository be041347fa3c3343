//! `rapport items import`, `rapport recommend`, `rapport rank` and the eval smoke tests.

use std::path::PathBuf;

use crate::harness::{Dir, message};

fn action(user: &str, id: &str, verb: &str, item: &str) -> String {
    serde_json::json!({"user": user, "id": id, "type": "action", "verb": verb, "item": item})
        .to_string()
}

fn item(id: &str, title: &str, genre: &str) -> String {
    serde_json::json!({"item_id": id, "title": title, "tags": [genre]}).to_string()
}

/// A catalog, four people with one taste, and ana who liked two of their films.
fn populated() -> Dir {
    let dir = Dir::new();
    let items = [
        item("heat", "Heat", "Crime"),
        item("ronin", "Ronin", "Crime"),
        item("collateral", "Collateral", "Crime"),
        item("scream", "Scream", "Horror"),
        item("amelie", "Amelie", "Romance"),
    ];
    let file = dir.write("items.jsonl", items.join("\n"));
    dir.rapport(&["items", "import", file.to_str().unwrap()])
        .ok();
    let mut events = Vec::new();
    for who in ["bob", "carl", "dina"] {
        for film in ["heat", "ronin", "collateral", "scream"] {
            events.push(action(who, film, "like", film));
        }
    }
    events.push(action("ana", "a1", "like", "heat"));
    events.push(action("ana", "a2", "purchase", "ronin"));
    let file = dir.write("events.jsonl", events.join("\n"));
    dir.rapport(&["ingest", file.to_str().unwrap()]).ok();
    dir
}

#[test]
fn items_import_counts_new_and_updated_and_names_rejected_lines() {
    let dir = Dir::new();
    let lines = [
        item("heat", "Heat", "Crime"),
        r#"{"item_id": "x"}"#.to_string(),
        "not json".to_string(),
        String::new(),
        item("heat", "Heat (1995)", "Crime"),
        r#"{"item_id": "y", "title": "Y", "tags": "drama"}"#.to_string(),
    ];
    let file = dir.write("items.jsonl", lines.join("\n"));
    let run = dir.rapport(&["items", "import", file.to_str().unwrap()]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    let out = run.stdout();
    assert!(out.contains("1 new items, 1 updated, 3 rejected"), "{out}");
    assert!(
        out.contains("items.jsonl:2: invalid title: is required"),
        "{out}"
    );
    assert!(
        out.contains("items.jsonl:3: invalid line: not valid JSON"),
        "{out}"
    );
    assert!(out.contains("items.jsonl:6: invalid tags"), "{out}");
}

#[test]
fn recommend_prints_items_with_reasons_and_leaves_out_consumed_ones() {
    let dir = populated();
    let out = dir.rapport(&["recommend", "ana", "-k", "2"]).ok();
    assert!(out.contains("[collateral]"), "{out}");
    assert!(out.contains("because you liked Heat and Ronin"), "{out}");
    assert!(!out.contains("[heat]") && !out.contains("[ronin]"), "{out}");
    let json = dir.rapport(&["recommend", "ana", "-k", "3", "--json"]).ok();
    let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert!(first["reasons"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(json.lines().count(), 3);
}

#[test]
fn rank_orders_candidates_and_a_stated_dislike_pushes_one_down() {
    let dir = populated();
    let candidates = dir.write("candidates.txt", "amelie\nscream\ncollateral\n");
    let rank = || {
        dir.rapport(&["rank", "ana", "--candidates", candidates.to_str().unwrap()])
            .ok()
    };
    let before = rank();
    assert!(
        before.find("[scream]") < before.find("[amelie]"),
        "{before}"
    );
    let said = dir.write("said.jsonl", message("ana", "m1", "I avoid horror films."));
    dir.rapport(&["ingest", said.to_str().unwrap()]).ok();
    let after = rank();
    assert!(after.find("[scream]") > after.find("[amelie]"), "{after}");
    assert!(
        after.contains("ranked lower: you said you avoid horror films"),
        "{after}"
    );
}

#[test]
fn rank_takes_free_text_candidates_with_a_context() {
    let dir = Dir::new();
    let said = dir.write(
        "said.jsonl",
        message("ana", "m1", "I have a strong aversion to seafood."),
    );
    dir.rapport(&["ingest", said.to_str().unwrap()]).ok();
    let candidates = dir.write(
        "answers.jsonl",
        [
            r#"{"text": "Sushi and sashimi platters"}"#,
            r#"{"text": "A vegetable curry house"}"#,
            r#"{"text": "Fresh oysters and crab"}"#,
        ]
        .join("\n"),
    );
    let out = dir
        .rapport(&[
            "rank",
            "ana",
            "--candidates",
            candidates.to_str().unwrap(),
            "--context",
            "Where should I eat tonight?",
            "--json",
        ])
        .ok();
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["index"], 1, "{out}");
    let bad = dir.write("bad.jsonl", r#"{"item_id": "a", "text": "b"}"#);
    let run = dir.rapport(&["rank", "ana", "--candidates", bad.to_str().unwrap()]);
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr()
            .contains("bad.jsonl:1: expected exactly one of"),
        "{}",
        run.stderr()
    );
}

/// `../shared/data/eval` beside the workspace (or beside the directory of worktrees).
fn shared_data() -> Option<PathBuf> {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let found = ["../shared/data/eval", "../../shared/data/eval"]
        .iter()
        .map(|p| workspace.join(p))
        .find(|root| root.join("movielens/items.jsonl").is_file());
    if found.is_none() {
        eprintln!("skipped: ../shared/data/eval is absent");
    }
    found
}

/// `rapport eval recommendation` on a slice of MovieLens: the table and the prediction file.
#[test]
fn eval_recommendation_smoke() {
    let Some(data) = shared_data() else { return };
    let dir = Dir::new();
    let slice = dir.path().join("movielens");
    std::fs::create_dir(&slice).unwrap();
    let head = |name: &str, lines: usize| {
        let text = std::fs::read_to_string(data.join("movielens").join(name)).unwrap();
        let kept: Vec<&str> = text.lines().take(lines).collect();
        std::fs::write(slice.join(name), kept.join("\n")).unwrap();
    };
    head("items.jsonl", 300);
    head("train.jsonl", 3_000);
    head("test.jsonl", 300);
    let out = dir.path().join("predictions.jsonl");
    let printed = dir
        .rapport(&[
            "eval",
            "recommendation",
            "--data",
            slice.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .ok();
    assert!(
        printed.contains("| users | NDCG@10 | Recall@10 | HR@10 |"),
        "{printed}"
    );
    let first = std::fs::read_to_string(&out).unwrap();
    let record: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert!(
        record["ranked_items"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
}

/// `rapport eval preference` on the first cases of the development set.
#[test]
fn eval_preference_smoke() {
    let Some(data) = shared_data() else { return };
    let dir = Dir::new();
    let text = std::fs::read_to_string(data.join("prefeval-dev.preference.jsonl")).unwrap();
    let kept: Vec<&str> = text.lines().take(6).collect();
    let cases = dir.write("cases.jsonl", kept.join("\n"));
    let distractors = std::fs::read_to_string(data.join("prefeval.distractors.jsonl")).unwrap();
    let few: Vec<&str> = distractors.lines().take(20).collect();
    let distractors = dir.write("distractors.jsonl", few.join("\n"));
    let out = dir.path().join("predictions.jsonl");
    let printed = dir
        .rapport(&[
            "eval",
            "preference",
            "--data",
            cases.to_str().unwrap(),
            "--distractors",
            distractors.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .ok();
    assert!(printed.contains("**overall** | 6 |"), "{printed}");
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 6);
}
