//! Tuning aid: the raw (uncalibrated) cue estimates and the final inferences of every user of
//! an `*.attributes.jsonl` file, as JSON lines, without the engine:
//! `cargo run --release -p rapport-infer --example attributes_raw -- DATA > raw.jsonl`.

use std::io::{BufRead, Write};

use rapport_core::EventId;
use rapport_infer::{
    AuthoredText, GenderLexicon, Lexicon, infer, lexicon_scores, personality, raw_estimates,
};
use serde_json::{Value, json};

fn main() {
    let path = std::env::args().nth(1).expect("usage: attributes_raw DATA");
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("readable data"));
    let mut out = std::io::stdout().lock();
    for line in file.lines() {
        let line = line.expect("a line");
        if line.trim().is_empty() {
            continue;
        }
        let user: Value = serde_json::from_str(&line).expect("json");
        let texts: Vec<String> = user["texts"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let ids: Vec<EventId> = (0..texts.len())
            .map(|i| EventId::new(format!("c{i}")).expect("id"))
            .collect();
        let authored: Vec<AuthoredText<'_>> = texts
            .iter()
            .zip(&ids)
            .filter(|(t, _)| !t.trim().is_empty())
            .map(|(text, id)| AuthoredText { id, text })
            .collect();
        let raw: Vec<Value> = raw_estimates(&authored)
            .into_iter()
            .map(|r| json!({"attribute": r.attribute.name(), "value": r.value, "raw": r.raw, "texts": r.texts.len()}))
            .collect();
        let attributes: serde_json::Map<String, Value> = infer(
            &authored,
            GenderLexicon::from_env().expect("a readable gender lexicon"),
            true,
        )
        .into_iter()
        .map(|i| {
            let value = if i.attribute.name() == "age" {
                i.value.parse::<u32>().map_or(Value::Null, Value::from)
            } else {
                Value::from(i.value)
            };
            (
                i.attribute.name().to_string(),
                json!({"value": value, "confidence": i.confidence, "evidence": i.evidence.len()}),
            )
        })
        .collect();
        // With RAPPORT_PERSONALITY_LEXICON set, the Big Five estimates too.
        let lexicon = Lexicon::from_env().expect("a readable lexicon");
        let scores: Vec<Value> = lexicon
            .map(|l| {
                lexicon_scores(&authored, l)
                    .into_iter()
                    .map(|(s, n, _)| json!([s, n]))
                    .collect()
            })
            .unwrap_or_default();
        let traits: Vec<Value> = lexicon
            .map(|l| personality(&authored, l))
            .unwrap_or_default()
            .into_iter()
            .map(|p| json!({"trait": p.domain.name(), "score": p.score, "level": p.level, "confidence": p.confidence, "matched": p.matched}))
            .collect();
        let record = json!({"user_id": user["user_id"], "attributes": attributes, "raw": raw, "personality": traits, "lexicon_scores": scores});
        writeln!(out, "{record}").expect("stdout");
    }
}
