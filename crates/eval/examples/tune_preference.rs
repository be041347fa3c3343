//! `cargo run --release -p rapport-eval --example tune_preference -- [--data FILE] [--fail TOPIC,...] [--only tuning|held-out] [--engine]`:
//! the PrefEval ranking without the store (statements parsed straight from the turns, exactly
//! what `Engine::rank` reads when no facts are learned), per topic and form, in seconds.
//! `--engine` learns facts first, as the engine does (slower, closer to `rapport eval`).

mod args;
use args::Args;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Duration, TimeZone, Utc};
use rapport_core::{
    Event, EventBody, EventId, Fact, Message, ProfileLearner, Role, StoredEvent, TenantId, UserId,
};
use rapport_eval::preference::{ChatTurn, PreferenceCase};
use rapport_eval::recommendation::read_jsonl;
use rapport_extract::PatternLearner;
use rapport_models::StaticEmbedder;
use rapport_recommend::{
    PreferenceStatement, ResponseRanking, UserTurn, preference_statements, rank_responses,
    resolve_option_references, select_evidence, user_statements,
};

fn statements_of(turns: &[ChatTurn]) -> Vec<PreferenceStatement> {
    let mut out = Vec::new();
    for (i, t) in turns.iter().enumerate() {
        if t.role != "user" {
            continue;
        }
        let text = match i.checked_sub(1).map(|j| &turns[j]) {
            Some(prev) if prev.role == "assistant" => {
                resolve_option_references(&t.text, &prev.text)
            }
            _ => t.text.clone(),
        };
        out.extend(preference_statements(&text));
    }
    out
}

/// What `Engine::rank` reads, without the store: the turns learned by the built-in learner and
/// merged with their sentences (`user_statements`); facts only the shared distractor turns
/// support weigh 0.7, as a fact every user holds does.
fn engine_statements(turns: &[ChatTurn], distractors_from: usize) -> Vec<PreferenceStatement> {
    let user = UserId::new("u").expect("valid id");
    let start = Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap();
    let events: Vec<StoredEvent> = turns
        .iter()
        .enumerate()
        .map(|(i, t)| StoredEvent {
            seq: i as u64 + 1,
            event: Event {
                tenant: TenantId::default_tenant(),
                user: user.clone(),
                id: EventId::new(format!("t{i}")).expect("valid id"),
                time: start + Duration::minutes(i as i64),
                session: None,
                body: EventBody::Message(Message {
                    role: if t.role == "user" {
                        Role::User
                    } else {
                        Role::Assistant
                    },
                    speaker: None,
                    text: t.text.clone(),
                }),
            },
        })
        .collect();
    let mut facts: Vec<Fact> = Vec::new();
    PatternLearner::new().learn(&mut facts, &events);
    let ids: Vec<String> = (0..turns.len()).map(|i| format!("t{i}")).collect();
    let user_turns: Vec<UserTurn<'_>> = turns
        .iter()
        .enumerate()
        .filter(|(_, t)| t.role == "user")
        .map(|(i, t)| UserTurn {
            id: &ids[i],
            text: match i.checked_sub(1).map(|j| &turns[j]) {
                Some(prev) if prev.role == "assistant" => {
                    resolve_option_references(&t.text, &prev.text)
                }
                _ => t.text.clone(),
            },
        })
        .collect();
    let turn_of = |id: &str| id[1..].parse::<usize>().unwrap_or(0);
    let weight = |f: &Fact| {
        if f.evidence
            .iter()
            .all(|e| turn_of(e.as_str()) >= distractors_from)
        {
            0.7
        } else {
            1.0
        }
    };
    user_statements(&user_turns, &facts, weight)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::from_env();
    let data = PathBuf::from(
        args.value("--data")
            .unwrap_or_else(|| "../../shared/data/eval/prefeval-dev.preference.jsonl".into()),
    );
    let cases: Vec<PreferenceCase> = read_jsonl(&data)?;
    let distractors: Vec<ChatTurn> =
        read_jsonl(&data.parent().unwrap().join("prefeval.distractors.jsonl"))?;
    let embedder = StaticEmbedder::builtin();
    let fail = args.value("--fail");
    let mut acc: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut grid = vec![ResponseRanking::default()];
    if args.has("--grid") {
        for semantic in [0.25, 1.0] {
            for propagation in [0.0, 0.5, 2.0] {
                for wanted_weight in [0.5, 2.0] {
                    grid.push(ResponseRanking {
                        semantic,
                        propagation,
                        wanted_weight,
                        ..ResponseRanking::default()
                    });
                }
            }
        }
    }
    let tuning = [
        "education_resources",
        "entertain_shows",
        "lifestyle_dietary",
    ];
    let mut per_config = vec![(0usize, 0usize, 0usize, 0usize); grid.len()];
    let config = ResponseRanking::default();
    // `--only tuning|held-out`: score one side of the split (read the held-out side once, at
    // the end). The distractors are parsed once; only their first turn depends on the history.
    let only = args.value("--only");
    let engine = args.has("--engine");
    let later_distractors = statements_of(&distractors[1.min(distractors.len())..]);
    for case in &cases {
        let tuned = tuning.contains(&case.topic.as_str());
        match only.as_deref() {
            Some("tuning") if !tuned => continue,
            Some("held-out") if tuned => continue,
            _ => {}
        }
        let statements = if engine {
            let mut turns = case.history.clone();
            turns.extend(distractors.iter().cloned());
            engine_statements(&turns, case.history.len())
        } else {
            let mut turns = case.history.clone();
            turns.extend(distractors.iter().take(1).cloned());
            let mut statements = statements_of(&turns);
            statements.extend(later_distractors.iter().cloned());
            statements
        };
        let evidence = select_evidence(statements, &case.question, &case.options, &embedder);
        for (g, c) in grid.iter().enumerate() {
            let top =
                rank_responses(&evidence, &case.question, &case.options, &embedder, c)[0].index;
            let hit = usize::from(top == case.answer_index);
            if tuning.contains(&case.topic.as_str()) {
                per_config[g].0 += hit;
                per_config[g].1 += 1;
            } else {
                per_config[g].2 += hit;
                per_config[g].3 += 1;
            }
        }
        let ranked = rank_responses(&evidence, &case.question, &case.options, &embedder, &config);
        let ok = ranked[0].index == case.answer_index;
        for key in [
            (case.topic.clone(), case.form.clone()),
            (case.topic.clone(), "all".into()),
            ("all".into(), case.form.clone()),
            ("all".into(), "all".into()),
        ] {
            let e = acc.entry(key).or_default();
            e.0 += usize::from(ok);
            e.1 += 1;
        }
        if !ok
            && fail
                .as_deref()
                .is_some_and(|f| f.split(',').any(|f| case.case_id.starts_with(f)))
        {
            println!(
                "--- {} answer {} got {:?}",
                case.case_id,
                case.answer_index,
                ranked
                    .iter()
                    .map(|r| (r.index, r.score))
                    .collect::<Vec<_>>()
            );
            for t in case.history.iter().filter(|t| t.role == "user") {
                println!("  U: {}", t.text.chars().take(300).collect::<String>());
            }
            for e in &evidence {
                println!(
                    "  E {:.2}: {} | +[{}] -[{}]",
                    e.relevance,
                    e.statement.sentence.chars().take(150).collect::<String>(),
                    e.statement.wanted,
                    e.statement.rejected.chars().take(150).collect::<String>()
                );
            }
            println!("  Q: {}", case.question);
            for (i, o) in case.options.iter().enumerate() {
                println!("  {i}: {}", o.chars().take(160).collect::<String>());
            }
        }
    }
    if grid.len() > 1 {
        let mut order: Vec<usize> = (0..grid.len()).collect();
        order.sort_by_key(|&g| std::cmp::Reverse(per_config[g].0));
        for g in order.into_iter().take(12) {
            let (a, b, c, d) = per_config[g];
            println!(
                "tune {:.3} held-out {:.3} | {:?}",
                a as f64 / b as f64,
                c as f64 / d as f64,
                grid[g]
            );
        }
    }
    for ((topic, form), (ok, n)) in &acc {
        println!(
            "{topic:24} {form:18} {:.3} ({ok}/{n})",
            *ok as f64 / *n as f64
        );
    }
    Ok(())
}
