//! The retrieval harness end to end through the engine: a small scope written here, and the
//! first conversation of the LoCoMo development set when `../shared/data` is present.

use std::path::PathBuf;

use rapport_eval::retrieval::{
    EngineRetriever, MIN_RANKED, Question, Scope, Session, Turn, evaluate, read_predictions,
    read_scopes, score,
};

fn turn(id: &str, speaker: &str, text: &str) -> Turn {
    Turn {
        turn_id: id.into(),
        speaker: Some(speaker.into()),
        role: Some("user".into()),
        text: text.into(),
        image_caption: None,
    }
}

fn question(qid: &str, text: &str, evidence: &[&str]) -> Question {
    Question {
        qid: qid.into(),
        question: text.into(),
        answer: None,
        category: "single-hop".into(),
        time: None,
        evidence_turns: evidence.iter().map(|e| e.to_string()).collect(),
        evidence_sessions: None,
    }
}

fn small_scope() -> Scope {
    let chat = [
        (
            "D1:1",
            "Ana",
            "Hi Ben! I just got back from a pottery class.",
        ),
        (
            "D1:2",
            "Ben",
            "Nice. I spent the weekend fixing my old bicycle.",
        ),
        (
            "D1:3",
            "Ana",
            "My sister Lucia is visiting from Lisbon next week.",
        ),
        (
            "D1:4",
            "Ben",
            "I adopted a grey cat named Pepper yesterday.",
        ),
        ("D1:5", "Ana", "The weather has been awful, rain all day."),
    ];
    Scope {
        scope: "small".into(),
        users: vec!["Ana".into(), "Ben".into()],
        sessions: vec![Session {
            session_id: "S1".into(),
            time: Some("2023-05-08T13:56:00".into()),
            turns: chat.iter().map(|(i, s, t)| turn(i, s, t)).collect(),
        }],
        questions: vec![
            question("q-cat", "What is the name of Ben's cat?", &["D1:4"]),
            question("q-sister", "Where does Ana's sister live?", &["D1:3"]),
        ],
    }
}

#[test]
fn engine_retriever_finds_the_evidence_and_predictions_rescore_identically() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("predictions.jsonl");
    let mut retriever = EngineRetriever::open(&work.path().join("store")).unwrap();
    let scopes = [small_scope()];
    let mut seen = Vec::new();
    let report = evaluate(&scopes, Some(&out), &mut retriever, |d, t| {
        seen.push((d, t))
    })
    .unwrap();
    assert!(
        retriever.rejected().is_empty(),
        "{:?}",
        retriever.rejected()
    );
    assert_eq!(seen, [(0, 1), (1, 1)]);
    assert_eq!(report.overall.questions, 2);
    assert_eq!(report.overall.hit[0], 1.0, "{report}");
    let tokens = report
        .mean_context_tokens
        .expect("context tokens are measured");
    assert!(tokens > 0.0 && tokens <= 800.0, "{tokens}");

    let predictions = read_predictions(&out).unwrap();
    assert_eq!(predictions.len(), 2);
    // Short scopes are padded to the minimum length the format asks for.
    assert!(predictions.values().all(|r| r.len() >= 5.min(MIN_RANKED)));
    let rescored = score(scopes.iter().flat_map(|s| &s.questions), &predictions);
    assert_eq!(rescored.overall, report.overall);
}

fn locomo() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/eval/locomo.retrieval.jsonl");
    path.exists().then_some(path)
}

/// One LoCoMo conversation through the engine. The full set runs with `rapport eval retrieval`
/// (docs/EVALUATION.md); this guards against regressions on the default path.
#[test]
fn first_locomo_conversation_recall_at_10() {
    let Some(path) = locomo() else {
        eprintln!("skipped: ../shared/data/eval/locomo.retrieval.jsonl is not present");
        return;
    };
    let scopes = read_scopes(&path).unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut retriever = EngineRetriever::open(work.path()).unwrap();
    let report = evaluate(&scopes[..1], None, &mut retriever, |_, _| {}).unwrap();
    println!("{report}");
    assert!(
        retriever.rejected().is_empty(),
        "{:?}",
        retriever.rejected()
    );
    assert!(report.overall.questions > 100);
    assert!(report.overall.recall_at(10) >= 0.70, "{report}");
}
