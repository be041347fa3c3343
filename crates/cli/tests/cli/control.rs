use serde_json::Value;

use crate::harness::{Dir, message};

fn ingest(dir: &Dir, lines: &[String]) {
    let file = dir.write("e.jsonl", lines.join("\n"));
    dir.rapport(&["ingest", file.to_str().unwrap()]).ok();
}

#[test]
fn export_one_user_as_one_json_document() {
    let dir = Dir::new();
    ingest(
        &dir,
        &[
            message("ana", "e1", "I live in Denver."),
            message("bob", "e2", "I have a cat."),
        ],
    );
    let printed: Value = serde_json::from_str(&dir.rapport(&["export", "ana"]).ok()).unwrap();
    assert_eq!(printed["summary"]["user"], "ana");
    assert_eq!(printed["events"].as_array().unwrap().len(), 1);
    assert_eq!(printed["events"][0]["body"]["text"], "I live in Denver.");
    assert!(
        printed["facts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["value"] == "Denver"),
        "{printed}"
    );
    let out = dir.path().join("ana.json");
    dir.rapport(&["export", "ana", "--out", out.to_str().unwrap()])
        .ok();
    let written: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["events"], printed["events"]);
    let unknown = dir.rapport(&["export", "nobody"]);
    assert_eq!(unknown.code(), 1);
    assert!(
        unknown.stderr().contains("unknown user `nobody`"),
        "{}",
        unknown.stderr()
    );
}

#[test]
fn forget_a_fact_or_a_category_and_see_it_in_the_audit_log() {
    let dir = Dir::new();
    ingest(
        &dir,
        &[
            message("ana", "e1", "I live in Denver."),
            message("ana", "e2", "I have a cat named Tom."),
        ],
    );
    let export: Value = serde_json::from_str(&dir.rapport(&["export", "ana"]).ok()).unwrap();
    let facts = export["facts"].as_array().unwrap();
    let city = facts.iter().find(|f| f["value"] == "Denver").unwrap();
    let id = city["id"].to_string();
    assert!(
        dir.rapport(&["forget", "ana", "--fact", &id])
            .ok()
            .contains(&format!("Deleted fact {id} of ana"))
    );
    let removed = dir
        .rapport(&["forget", "ana", "--category", "possession"])
        .ok();
    assert!(removed.contains("in `possession`"), "{removed}");
    let after: Value = serde_json::from_str(&dir.rapport(&["export", "ana"]).ok()).unwrap();
    let kept: Vec<&Value> = after["facts"].as_array().unwrap().iter().collect();
    assert!(
        kept.iter()
            .all(|f| f["value"] != "Denver" && f["facet"] != "possession"),
        "{after}"
    );
    let bad = dir.rapport(&["forget", "ana", "--category", "weather"]);
    assert_eq!(bad.code(), 1);

    let log = dir.rapport(&["audit", "--user", "ana", "--json"]).ok();
    let actions: Vec<String> = log
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["action"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        actions,
        [
            "user.export",
            "category.forbid",
            "fact.delete",
            "user.export"
        ]
    );
    assert!(
        !log.contains("Denver") && !log.contains("Tom") && !log.contains("ana"),
        "{log}"
    );
}

#[test]
fn tenant_policy_is_shown_and_changed() {
    let dir = Dir::new();
    let shown: Value =
        serde_json::from_str(&dir.rapport(&["tenants", "policy", "acme"]).ok()).unwrap();
    assert_eq!(shown["infer_sensitive"], serde_json::json!([]));
    let set: Value = serde_json::from_str(
        &dir.rapport(&[
            "tenants",
            "policy",
            "acme",
            "--infer-sensitive",
            "finances,health",
            "--redact-storage",
            "true",
        ])
        .ok(),
    )
    .unwrap();
    assert_eq!(
        set["infer_sensitive"],
        serde_json::json!(["finances", "health"])
    );
    assert_eq!(set["redact"]["storage"], true);
    let again: Value =
        serde_json::from_str(&dir.rapport(&["tenants", "policy", "acme"]).ok()).unwrap();
    assert_eq!(again, set);
    let bad = dir.rapport(&["tenants", "policy", "acme", "--infer-sensitive", "identity"]);
    assert_eq!(bad.code(), 1);
    assert!(bad.stderr().contains("is a facet"), "{}", bad.stderr());
    let audit = dir.rapport(&["audit", "--tenant", "acme"]).ok();
    assert!(
        audit.contains("tenant.policy") && audit.contains("cli"),
        "{audit}"
    );
}

#[test]
fn a_key_limited_to_one_user() {
    let dir = Dir::new();
    dir.rapport(&["tenants", "create", "acme"]).ok();
    let run = dir.rapport(&["keys", "create", "acme", "--user", "ana"]);
    assert!(run.ok().starts_with("rpk_"));
    assert!(
        run.stderr().contains("for user ana of tenant acme"),
        "{}",
        run.stderr()
    );
}
