//! `rapport eval`: the harnesses of EVAL.md on small files written here (the full public sets
//! run the same commands; docs/EVALUATION.md).

use serde_json::json;

use crate::harness::Dir;

#[test]
fn eval_extraction_prints_scores_and_writes_one_record_per_speaker() {
    let dir = Dir::new();
    let dialogue = json!({"dialogue_id": "d1", "turns": [
        {"turn_id": "0", "speaker": "a", "text": "I have a dog named Rex. Do you like dogs?",
         "gold_facts": ["I have a dog."]},
        {"turn_id": "1", "speaker": "b", "text": "I work as a nurse in Denver.",
         "gold_facts": ["I am a nurse.", "I live in Denver."]}]});
    let data = dir.write("x.extraction.jsonl", format!("{dialogue}\n"));
    let out = dir.path().join("pred.jsonl");
    let table = dir
        .rapport(&[
            "eval",
            "extraction",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .ok();
    assert!(table.contains("F1"), "{table}");
    let predictions = std::fs::read_to_string(&out).unwrap();
    let records: Vec<serde_json::Value> = predictions
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{predictions}");
    let of_a = records.iter().find(|r| r["speaker"] == "a").unwrap();
    let facts = of_a["facts"].as_array().unwrap();
    assert!(
        facts.iter().any(|f| f.as_str().unwrap().contains("dog")),
        "{of_a}"
    );
}

#[test]
fn eval_attributes_prints_accuracy_and_calibration_and_writes_one_record_per_user() {
    let dir = Dir::new();
    let teacher = json!({"user_id": "t1", "texts": [
        "Grading essays all weekend, my students are brilliant.",
        "The lesson plans for next term are finally done.",
        "I grew up in Porto and still miss the river.",
        "My wife thinks I work too much."],
        "labels": {"occupation": "high school teacher", "relationship_status": "married",
                   "birth_city_country": "Porto, Portugal", "sex": "male"}});
    let quiet = json!({"user_id": "q2", "texts": ["Nice weather today."],
        "labels": {"occupation": "nurse"}});
    let data = dir.write("x.attributes.jsonl", format!("{teacher}\n{quiet}\n"));
    let out = dir.path().join("pred.jsonl");
    let table = dir
        .rapport(&[
            "eval",
            "attributes",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .ok();
    assert!(table.contains("occupation"), "{table}");
    assert!(table.contains("calibration"), "{table}");
    // occupation 1/2, relationship 1/1, birthplace 1/1, sex 0/1 (abstained).
    assert!(table.contains("1/2"), "{table}");
    let predictions = std::fs::read_to_string(&out).unwrap();
    let records: Vec<serde_json::Value> = predictions
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{predictions}");
    let t1 = &records[0]["attributes"];
    assert_eq!(t1["occupation"]["value"], "teacher", "{t1}");
    assert_eq!(t1["birth_city_country"]["value"], "Porto, Portugal", "{t1}");
    assert!(
        t1["occupation"]["confidence"].as_f64().unwrap() > 0.3,
        "{t1}"
    );
}

#[test]
fn eval_retrieval_prints_recall_and_context_tokens() {
    let dir = Dir::new();
    let scope = json!({"scope": "s", "users": ["Ana"], "sessions": [{"session_id": "S1",
        "time": "2023-05-08T13:56:00", "turns": [
            {"turn_id": "D1:1", "speaker": "Ana", "text": "I adopted a grey cat named Pepper."},
            {"turn_id": "D1:2", "speaker": "Ana", "text": "The weather is awful today."}]}],
        "questions": [{"qid": "q1", "question": "What is the name of Ana's cat?",
                       "category": "single-hop", "evidence_turns": ["D1:1"]}]});
    let data = dir.write("x.retrieval.jsonl", format!("{scope}\n"));
    let table = dir
        .rapport(&["eval", "retrieval", "--data", data.to_str().unwrap()])
        .ok();
    assert!(table.contains("overall"), "{table}");
    assert!(table.contains("mean context tokens"), "{table}");
    let bad = dir.rapport(&["eval", "retrieval", "--data", "missing.jsonl"]);
    assert_eq!(bad.code(), 1);
    assert!(bad.stderr().contains("missing.jsonl"), "{}", bad.stderr());
}
