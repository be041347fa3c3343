//! Behaviour of `UserIndex::search`: each ranking signal on a small, hand-made history.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rapport_core::Embedder;
use rapport_index::{Doc, DocKind, Query, UserIndex};

/// A deterministic hashed bag-of-words embedder, standing in for a real model.
struct HashEmbedder;

impl Embedder for HashEmbedder {
    fn model_id(&self) -> &str {
        "test-hash-64"
    }
    fn dim(&self) -> usize {
        64
    }
    fn embed(&self, text: &str) -> Vec<f32> {
        let mut v = vec![0.0f32; 64];
        for w in rapport_index::terms(text) {
            let h = w.bytes().fold(0xcbf29ce484222325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
            });
            v[(h % 64) as usize] += 1.0;
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        v.into_iter().map(|x| x / norm).collect()
    }
}

fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
}

fn turn(id: &str, speaker: &str, session: &str, time: DateTime<Utc>, seq: u64, text: &str) -> Doc {
    let mut doc = Doc::turn(id, text, time, seq);
    doc.speaker = Some(speaker.into());
    doc.session = Some(session.into());
    doc
}

fn ids(index: &UserIndex, text: &str, embedder: Option<&dyn Embedder>) -> Vec<String> {
    index
        .search(&Query::new(text, 10), embedder)
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// Two people talking over two sessions a year apart.
fn history() -> UserIndex {
    let mut index = UserIndex::new();
    let s1 = day(2022, 5, 8);
    let s2 = day(2023, 6, 1);
    let turns = [
        (
            "D1:1",
            "Ana",
            "S1",
            s1,
            "Hey Ben! I went hiking in the mountains yesterday with my sister.",
        ),
        (
            "D1:2",
            "Ben",
            "S1",
            s1,
            "Nice, Ana! What do you do for fun?",
        ),
        ("D1:3", "Ana", "S1", s1, "Pottery! I made a bowl last week."),
        (
            "D1:4",
            "Ben",
            "S1",
            s1,
            "I went hiking too, up the coast trail.",
        ),
        ("D2:1", "Ana", "S2", s2, "I adopted a puppy named Biscuit."),
        (
            "D2:2",
            "Ben",
            "S2",
            s2,
            "Congrats Ana! My guitar lessons started this month.",
        ),
    ];
    for (i, (id, who, session, time, text)) in turns.into_iter().enumerate() {
        index.add_embedded(turn(id, who, session, time, i as u64, text), &HashEmbedder);
    }
    index
}

#[test]
fn lexical_and_vector_find_the_turn() {
    let index = history();
    assert_eq!(ids(&index, "puppy adoption", None)[0], "D2:1");
    assert_eq!(
        ids(&index, "puppy adoption", Some(&HashEmbedder))[0],
        "D2:1"
    );
    assert!(
        index
            .search(&Query::new("zebra xylophone", 10), None)
            .is_empty()
    );
}

#[test]
fn a_named_speaker_prefers_their_turns() {
    let index = history();
    assert_eq!(ids(&index, "Where did Ana go hiking?", None)[0], "D1:1");
    assert_eq!(ids(&index, "Where did Ben go hiking?", None)[0], "D1:4");
}

#[test]
fn the_answer_after_a_question_is_found_through_its_neighbour() {
    let index = history();
    let ranked = ids(&index, "What does Ana do for fun?", None);
    let answer = ranked
        .iter()
        .position(|id| id == "D1:3")
        .expect("answer turn ranked");
    assert!(answer <= 1, "{ranked:?}");
}

#[test]
fn time_expressions_prefer_the_period() {
    let mut index = UserIndex::new();
    index.add(
        turn(
            "old",
            "Ana",
            "S1",
            day(2022, 5, 8),
            1,
            "I started a new job",
        ),
        None,
    );
    index.add(
        turn(
            "new",
            "Ana",
            "S2",
            day(2023, 5, 8),
            2,
            "I started a new job",
        ),
        None,
    );
    assert_eq!(
        ids(&index, "What job did Ana start in May 2022?", None)[0],
        "old"
    );
    let now = Query {
        text: "Which job did she start last year?".into(),
        time: Some(day(2023, 8, 1)),
        limit: 5,
    };
    assert_eq!(index.search(&now, None)[0].id, "old");
    assert_eq!(ids(&index, "What is her current job?", None)[0], "new");
}

#[test]
fn when_questions_prefer_turns_that_mention_a_time() {
    let mut index = UserIndex::new();
    let t = day(2023, 1, 1);
    index.add(
        turn(
            "a",
            "Ana",
            "S1",
            t,
            1,
            "The support group was powerful and moving.",
        ),
        None,
    );
    index.add(
        turn(
            "b",
            "Ana",
            "S1",
            t,
            2,
            "I went to the support group yesterday.",
        ),
        None,
    );
    index.add(
        turn(
            "c",
            "Ana",
            "S1",
            t,
            3,
            "Unrelated chatter about the weather.",
        ),
        None,
    );
    assert_eq!(
        ids(&index, "When did Ana go to the support group?", None)[0],
        "b"
    );
}

#[test]
fn keys_make_a_turn_findable_by_its_facts_and_captions() {
    let mut index = UserIndex::new();
    let mut doc = Doc::turn("t1", "Look at this!", day(2023, 1, 1), 1);
    doc.keys = vec!["a photo of a golden retriever on a beach".into()];
    index.add(doc, None);
    index.add(
        Doc::turn("t2", "Work was busy today.", day(2023, 1, 1), 2),
        None,
    );
    assert_eq!(ids(&index, "retriever beach", None), ["t1"]);
}

#[test]
fn superseded_facts_rank_below_current_ones() {
    let mut index = UserIndex::new();
    let fact = |id: &str, text: &str, current: bool, time| Doc {
        kind: DocKind::Fact,
        current,
        ..Doc::turn(id, text, time, 0)
    };
    index.add(fact("f1", "Lives in Denver", false, day(2022, 1, 1)), None);
    index.add(fact("f2", "Lives in Boston", true, day(2023, 1, 1)), None);
    let hits = index.search(&Query::new("where does she live", 5), None);
    assert_eq!(hits[0].id, "f2");
    assert_eq!(hits[0].kind, DocKind::Fact);
    let past = index.search(&Query::new("where did she live before", 5), None);
    assert!(past.iter().any(|h| h.id == "f1"));
    assert!(index.set_current("f1", true) && index.set_current("f2", false));
    assert_eq!(
        index.search(&Query::new("where does she live", 5), None)[0].id,
        "f1"
    );
    assert!(!index.set_current("nope", true));
}

#[test]
fn hits_are_sorted_limited_and_explained() {
    let mut index = UserIndex::new();
    let start = day(2023, 1, 1);
    for i in 0..40u64 {
        let text = format!(
            "note {i} about gardening and tomatoes {}",
            "filler ".repeat(i as usize % 5)
        );
        index.add_embedded(
            Doc::turn(format!("n{i}"), text, start + Duration::days(i as i64), i),
            &HashEmbedder,
        );
    }
    let hits = index.search(&Query::new("gardening tomatoes", 7), Some(&HashEmbedder));
    assert_eq!(hits.len(), 7);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(
        hits.iter()
            .all(|h| h.components.bm25 > 0.0 && h.components.boost >= 1.0)
    );
    assert!(index.memory_bytes() > 0);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any history and any query: no panic, at most `limit` hits, sorted, known ids.
    #[test]
    fn search_is_total(
        texts in proptest::collection::vec("[a-zA-Z0-9 '’.,?éß🙂-]{0,40}", 0..30),
        query in "[a-zA-Z0-9 '’.,?éß🙂-]{0,40}",
        limit in 0usize..15,
        with_vectors in proptest::prelude::any::<bool>(),
    ) {
        let mut index = UserIndex::new();
        for (i, text) in texts.iter().enumerate() {
            let mut doc = turn(&format!("t{i}"), ["Ana", "Ben"][i % 2], &format!("S{}", i / 7), day(2023, 1, 1 + (i / 7) as u32), i as u64, text);
            doc.keys = vec![text.chars().rev().collect()];
            if with_vectors { index.add_embedded(doc, &HashEmbedder) } else { index.add(doc, None) }
        }
        let embedder: Option<&dyn Embedder> = if with_vectors { Some(&HashEmbedder) } else { None };
        let hits = index.search(&Query::new(query, limit), embedder);
        proptest::prop_assert!(hits.len() <= limit);
        proptest::prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        proptest::prop_assert!(hits.iter().all(|h| h.id.starts_with('t') && h.score.is_finite()));
    }
}
