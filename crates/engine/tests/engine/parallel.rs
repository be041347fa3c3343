//! Ingest learns the users of a batch on several threads, overlaps learning with the append's
//! fsync, and indexes turns beside the facts' save: none of it may change what is learned or
//! found. These tests compare against learning one user at a time, with the built-in learner.

use chrono::{Duration, TimeZone, Utc};
use rapport_core::{Category, Event, EventBody, EventId, Facet, Message, Role, TenantId, UserId};
use rapport_engine::{Actor, ContextRequest, Engine, EngineConfig};

/// What the users say: facts that strengthen, supersede, end, plans that expire, small talk.
const SAID: &[&str] = &[
    "I live in Denver now.",
    "I moved to Lisbon last month.",
    "I work as a nurse.",
    "I work as a software engineer.",
    "I have a dog named Rex.",
    "I have a cat named Luna.",
    "I really love jazz.",
    "I love hiking.",
    "I don't like jazz anymore.",
    "I quit coffee.",
    "I'm vegetarian.",
    "My sister Ana lives in Porto.",
    "I'm flying to Osaka next week.",
    "What do you think about that?",
    "That sounds great, thanks for the help.",
    "Honestly it was a long day at work and I am tired.",
];

/// `turns` turns of each of `users` users (ids `t{n}`), a few minutes apart, interleaved by
/// time; every seventh turn is the assistant's. Deterministic.
fn traffic(tenants: &[&str], users: usize, turns: usize) -> Vec<Event> {
    let start = Utc.with_ymd_and_hms(2024, 3, 1, 8, 0, 0).unwrap();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut events = Vec::new();
    for tenant in tenants {
        for u in 0..users {
            for t in 0..turns {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let role = if t % 7 == 6 {
                    Role::Assistant
                } else {
                    Role::User
                };
                events.push(Event {
                    tenant: TenantId::new(*tenant).unwrap(),
                    user: UserId::new(format!("u{u}")).unwrap(),
                    id: EventId::new(format!("t{t}")).unwrap(),
                    // Days apart, so plans come due while the users keep talking.
                    time: start + Duration::hours(t as i64 * 20 + u as i64),
                    session: Some(format!("s{}", t / 10)),
                    body: EventBody::Message(Message {
                        role,
                        speaker: None,
                        text: SAID[(seed % SAID.len() as u64) as usize].to_string(),
                    }),
                });
            }
        }
    }
    events.sort_by_key(|e| e.time);
    events
}

fn open(dir: &std::path::Path, threads: usize) -> Engine {
    Engine::open(EngineConfig {
        ingest_threads: threads,
        ..EngineConfig::with_data_dir(dir)
    })
    .unwrap()
}

/// Every user's facts (current and past, with their ids) and profile, whose distinctiveness
/// scores come from the tenant's population counts, as JSON.
fn everything(engine: &Engine) -> serde_json::Value {
    let mut all = serde_json::Map::new();
    for tenant in engine.tenants().unwrap() {
        for summary in engine.users(&tenant).unwrap() {
            let facts = engine.facts(&tenant, &summary.user).unwrap();
            let profile = engine.profile(&tenant, &summary.user).unwrap();
            let key = format!("{tenant}/{}", summary.user);
            all.insert(
                key,
                serde_json::json!({ "facts": facts, "profile": profile }),
            );
        }
    }
    serde_json::Value::Object(all)
}

/// Fails naming the first place where `a` and `b` differ (the values are large).
fn assert_same(a: &serde_json::Value, b: &serde_json::Value, path: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<_> = x.keys().chain(y.keys()).collect();
            for k in keys {
                let missing = Value::Null;
                let (l, r) = (x.get(k).unwrap_or(&missing), y.get(k).unwrap_or(&missing));
                assert_same(l, r, &format!("{path}/{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (l, r)) in x.iter().zip(y).enumerate() {
                assert_same(l, r, &format!("{path}/{i}"));
            }
        }
        _ => assert_eq!(a, b, "at {path}"),
    }
}

/// Without the users' facts revisions, which count saves (one per batch of the user's).
fn without_revisions(mut all: serde_json::Value) -> serde_json::Value {
    for user in all.as_object_mut().unwrap().values_mut() {
        user["profile"]
            .as_object_mut()
            .unwrap()
            .remove("facts_revision");
    }
    all
}

/// What the users' retrieval memories find for a few queries.
fn found(engine: &Engine, tenants: &[&str], users: usize) -> serde_json::Value {
    let at = Utc.with_ymd_and_hms(2024, 6, 1, 0, 0, 0).unwrap();
    let mut all = Vec::new();
    for tenant in tenants {
        let tenant = TenantId::new(*tenant).unwrap();
        for u in 0..users {
            let user = UserId::new(format!("u{u}")).unwrap();
            for query in ["where do I live", "my pets", "music", "trip"] {
                let hits = engine.search(&tenant, &user, query, Some(at), 5).unwrap();
                let request = ContextRequest {
                    time: Some(at),
                    ..ContextRequest::new(query)
                };
                let context = engine.context(&tenant, &user, &request).unwrap();
                all.push(serde_json::json!({ "hits": hits, "context": context.block }));
            }
        }
    }
    serde_json::Value::Array(all)
}

#[test]
fn parallel_ingest_learns_what_learning_one_user_at_a_time_learns() {
    let tenants = ["acme", "globex"];
    let events = traffic(&tenants, 12, 40);
    // Batches spread over every user, learned on four threads.
    let parallel_dir = tempfile::tempdir().unwrap();
    let parallel = open(parallel_dir.path(), 4);
    for batch in events.chunks(37) {
        parallel.ingest(batch).unwrap();
    }
    // The same batches, on one thread.
    let sequential_dir = tempfile::tempdir().unwrap();
    let sequential = open(sequential_dir.path(), 1);
    for batch in events.chunks(37) {
        sequential.ingest(batch).unwrap();
    }
    // Each user's whole history in one batch of their own, one user after another.
    let alone_dir = tempfile::tempdir().unwrap();
    let alone = open(alone_dir.path(), 1);
    for tenant in tenants {
        for u in 0..12 {
            let user = UserId::new(format!("u{u}")).unwrap();
            let theirs: Vec<Event> = events
                .iter()
                .filter(|e| e.tenant.as_str() == tenant && e.user == user)
                .cloned()
                .collect();
            alone.ingest(&theirs).unwrap();
        }
    }
    let learned = everything(&parallel);
    assert!(learned.to_string().contains("location.city"));
    assert_same(&learned, &everything(&sequential), "");
    assert_same(
        &without_revisions(learned),
        &without_revisions(everything(&alone)),
        "",
    );

    // The memories the ingest kept up to date find what memories built from the store find.
    let warm = found(&parallel, &tenants, 12);
    let cold = found(&open(parallel_dir.path(), 1), &tenants, 12);
    assert_same(&warm, &cold, "");
    assert_same(&warm, &found(&sequential, &tenants, 12), "");
}

#[test]
fn decisions_and_duplicates_between_parallel_batches_are_kept_the_same() {
    let tenants = ["acme"];
    let events = traffic(&tenants, 10, 30);
    let (half, rest) = events.split_at(events.len() / 2);
    let run = |threads: usize| {
        let dir = tempfile::tempdir().unwrap();
        let engine = open(dir.path(), threads);
        for batch in half.chunks(23) {
            engine.ingest(batch).unwrap();
        }
        let tenant = TenantId::new("acme").unwrap();
        // A user deletes a fact, another forbids a category, a third pins one.
        let actor = Actor::cli();
        for (u, decide) in [(1, 0), (2, 1), (3, 2)] {
            let user = UserId::new(format!("u{u}")).unwrap();
            let facts = engine.facts(&tenant, &user).unwrap();
            let Some(fact) = facts.iter().find(|f| f.is_current()) else {
                continue;
            };
            match decide {
                0 => engine.delete_fact(&tenant, &user, fact.id, &actor).unwrap(),
                1 => {
                    engine
                        .forbid_category(&tenant, &user, Category::Facet(Facet::Identity), &actor)
                        .unwrap();
                }
                _ => {
                    engine
                        .pin_fact(&tenant, &user, fact.id, true, &actor)
                        .unwrap();
                }
            }
        }
        // The rest, with each batch sent twice (a client retrying).
        for batch in rest.chunks(23) {
            engine.ingest(batch).unwrap();
            let again = engine.ingest(batch).unwrap();
            assert_eq!(again.accepted, 0);
        }
        (everything(&engine), found(&engine, &tenants, 10), dir)
    };
    let (parallel, parallel_found, _a) = run(4);
    let (sequential, sequential_found, _b) = run(1);
    assert_same(&parallel, &sequential, "");
    assert_same(&parallel_found, &sequential_found, "");
}
