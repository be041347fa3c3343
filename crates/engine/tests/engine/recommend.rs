//! Recommendation and ranking through the engine, on a real SQLite store: the catalog, everyone's
//! actions, and what the user said or what the profile holds.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use rapport_core::{
    Action, Event, EventBody, EventId, Facet, Fact, Item, Polarity, ProfileLearner, Sensitivity,
    Source, StoredEvent, Verb,
};
use rapport_engine::{Candidate, Engine, EngineConfig, Filters, Parts};
use rapport_store::SqliteStore;

use crate::scripted::{said, tenant, user};

/// Learns `dislikes:GENRE` from "Not GENRE any more." and ends it on "GENRE is fine again.".
struct GenreLearner;

impl ProfileLearner for GenreLearner {
    fn learn(&self, facts: &mut Vec<Fact>, events: &[StoredEvent]) {
        for stored in events {
            let Some(text) = stored.event.text() else {
                continue;
            };
            if let Some(genre) = text.strip_suffix(" is fine again.") {
                for fact in facts.iter_mut().filter(|f| f.value == genre) {
                    fact.valid_to = Some(stored.event.time);
                    fact.ended_by = Some(stored.event.id.clone());
                }
            } else if let Some(genre) = text
                .strip_prefix("Not ")
                .and_then(|t| t.strip_suffix(" any more."))
            {
                facts.push(dislike(facts.len() as u64 + 1, genre, stored));
            }
        }
    }
}

fn dislike(id: u64, genre: &str, stored: &StoredEvent) -> Fact {
    Fact {
        id,
        facet: Facet::Preference,
        key: format!("dislikes:{genre}"),
        value: genre.into(),
        polarity: Polarity::Positive,
        strength: 0.9,
        confidence: 0.9,
        source: Source::Stated,
        sensitivity: Sensitivity::None,
        statement: format!("Dislikes {genre}."),
        description: String::new(),
        evidence: vec![stored.event.id.clone()],
        valid_from: stored.event.time,
        valid_to: None,
        superseded_by: None,
        ended_by: None,
        change_reason: None,
        pinned: false,
        last_seen: stored.event.time,
    }
}

fn engine(dir: &std::path::Path) -> Engine {
    let config = EngineConfig {
        recommend_refit_secs: 0,
        ..EngineConfig::with_data_dir(dir)
    };
    let store = Arc::new(SqliteStore::open(config.database_path()).unwrap());
    let embedder = Arc::new(rapport_models::StaticEmbedder::builtin());
    let learner = Arc::new(GenreLearner);
    Engine::with_parts(
        config,
        Parts {
            store,
            learner,
            embedder,
        },
    )
}

fn movie(id: &str, title: &str, genre: &str) -> Item {
    let mut item = Item::new(id, title);
    item.tags = vec![genre.into()];
    item
}

fn catalog() -> Vec<Item> {
    vec![
        movie("heat", "Heat", "Crime"),
        movie("ronin", "Ronin", "Crime"),
        movie("collateral", "Collateral", "Crime"),
        movie("scream", "Scream", "Horror"),
        movie("alien", "Alien", "Horror"),
        movie("notting", "Notting Hill", "Romance"),
        movie("amelie", "Amelie", "Romance"),
    ]
}

fn acted(who: &str, n: usize, verb: Verb, item: &str) -> Event {
    Event {
        tenant: tenant(),
        user: user(who),
        id: EventId::new(format!("{who}-{n}")).unwrap(),
        time: Utc.with_ymd_and_hms(2024, 3, 1, 9, n as u32, 0).unwrap(),
        session: None,
        body: EventBody::Action(Action {
            verb,
            item: item.into(),
            value: None,
        }),
    }
}

/// Everyone who likes Heat and Ronin also likes Collateral and Scream; romance fans stay apart.
fn populate(engine: &Engine) {
    engine.import_items(&tenant(), &catalog()).unwrap();
    let mut events = Vec::new();
    for who in ["bob", "carl", "dina", "ed"] {
        for (n, item) in ["heat", "ronin", "collateral", "scream"].iter().enumerate() {
            events.push(acted(who, n, Verb::Like, item));
        }
    }
    for who in ["fay", "gus"] {
        for (n, item) in ["notting", "amelie", "alien"].iter().enumerate() {
            events.push(acted(who, n, Verb::Like, item));
        }
    }
    events.push(acted("ana", 0, Verb::Like, "heat"));
    events.push(acted("ana", 1, Verb::Purchase, "ronin"));
    engine.ingest(&events).unwrap();
}

fn ids(ranked: &[rapport_engine::RankedCandidate]) -> Vec<&str> {
    ranked.iter().filter_map(|r| r.item_id.as_deref()).collect()
}

#[test]
fn recommends_what_people_like_you_liked_and_leaves_out_what_you_had() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    populate(&engine);
    let top = engine
        .recommend(&tenant(), &user("ana"), 3, &Filters::default())
        .unwrap();
    assert_eq!(ids(&top)[..2], ["collateral", "scream"], "{top:?}");
    assert!(!ids(&top).contains(&"heat") && !ids(&top).contains(&"ronin"));
    assert_eq!(top[0].reasons[0], "because you liked Heat and Ronin");
    assert!(top.iter().all(|r| !r.reasons.is_empty()));
}

#[test]
fn a_stated_dislike_pushes_a_genre_down_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    populate(&engine);
    engine
        .ingest(&[said("ana", "m1", 2, "I avoid horror films.")])
        .unwrap();
    let top = engine
        .recommend(&tenant(), &user("ana"), 5, &Filters::default())
        .unwrap();
    let scream = top.iter().find(|r| r.title == "Scream").unwrap();
    assert_eq!(ids(&top)[0], "collateral");
    assert!(
        ids(&top).iter().position(|i| *i == "scream") > Some(1),
        "{top:?}"
    );
    assert_eq!(
        scream.reasons[0],
        "ranked lower: you said you avoid horror films"
    );
}

#[test]
fn a_profile_fact_moves_the_ranking_and_ending_it_moves_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    populate(&engine);
    let candidates: Vec<Candidate> = ["scream", "notting", "collateral"]
        .iter()
        .map(|i| Candidate::Item(i.to_string()))
        .collect();
    let rank = || {
        ids(&engine
            .rank(&tenant(), &user("ana"), &candidates, None)
            .unwrap())
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
    };
    let before = |order: Vec<String>, a: &str, b: &str| {
        order.iter().position(|i| i == a) < order.iter().position(|i| i == b)
    };
    assert!(before(rank(), "scream", "notting"));
    engine
        .ingest(&[said("ana", "m1", 2, "Not Horror any more.")])
        .unwrap();
    assert_eq!(rank().last().map(String::as_str), Some("scream"));
    engine
        .ingest(&[said("ana", "m2", 3, "Horror is fine again.")])
        .unwrap();
    assert!(before(rank(), "scream", "notting"), "{:?}", rank());
}

#[test]
fn new_actions_refit_the_model_and_count_for_the_user_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    populate(&engine);
    let before = engine
        .recommend(&tenant(), &user("ana"), 10, &Filters::default())
        .unwrap();
    assert!(ids(&before).contains(&"collateral"));
    engine
        .ingest(&[acted("ana", 2, Verb::View, "collateral")])
        .unwrap();
    let after = engine
        .recommend(&tenant(), &user("ana"), 10, &Filters::default())
        .unwrap();
    assert!(
        !ids(&after).contains(&"collateral"),
        "consumed now: {after:?}"
    );
    let romance = Filters {
        tags_any: vec!["romance".into()],
        ..Filters::default()
    };
    let only = engine
        .recommend(&tenant(), &user("ana"), 10, &romance)
        .unwrap();
    assert_eq!(ids(&only).len(), 2);
}

#[test]
fn free_text_candidates_are_ranked_against_what_the_user_said() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine
        .ingest(&[said("ana", "m1", 1, "I'm vegetarian, so no meat for me.")])
        .unwrap();
    let candidates: Vec<Candidate> = [
        "Bull & Bear Steakhouse: dry-aged steaks and ribs",
        "Green Garden: seasonal vegetables and grains",
    ]
    .iter()
    .map(|t| Candidate::Text(t.to_string()))
    .collect();
    let ranked = engine
        .rank(
            &tenant(),
            &user("ana"),
            &candidates,
            Some("Where should I eat tonight?"),
        )
        .unwrap();
    assert_eq!(ranked[0].index, 1, "{ranked:#?}");
    assert!(ranked.iter().all(|r| !r.reasons.is_empty()));
}

#[test]
fn a_user_without_events_gets_a_cold_start_list_and_invalid_items_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    populate(&engine);
    let top = engine
        .recommend(&tenant(), &user("newcomer"), 3, &Filters::default())
        .unwrap();
    assert_eq!(top.len(), 3);
    let report = engine
        .import_items(&tenant(), &[movie("heat", "Heat (1995)", "Crime")])
        .unwrap();
    assert_eq!((report.new, report.updated), (0, 1));
    let blank = Item::new(" ", "No id");
    assert!(engine.import_items(&tenant(), &[blank]).is_err());
    assert_eq!(engine.items(&tenant()).unwrap().len(), 7);
}
