//! Preference-following evaluation (EVAL.md §5) on `*.preference.jsonl`.
//!
//! For each case a fresh user gets the case's history and then every distractor turn; the four
//! options are ranked for that user by [`Engine::rank`] (free-text candidates, the question as
//! context): the user's statements and preference facts that bear on them, with polarity-aware
//! scoring ([`rapport_recommend::rank_responses`]). [`score`] is pure, so a
//! prediction file can be re-scored independently.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use rapport_core::{Embedder, Event, EventBody, EventId, Message, Role, TenantId, UserId};
use rapport_engine::{Candidate, Engine};
use rapport_recommend::{
    PreferenceStatement, ResponseRanking, preference_statements, rank_responses, select_evidence,
};
use serde::{Deserialize, Serialize};

use crate::recommendation::{RecommendationError, read_jsonl, write_predictions};

/// A chat turn of a case's history or of the distractors file.
#[derive(Debug, Clone, Deserialize)]
pub struct ChatTurn {
    /// `user` or `assistant`.
    pub role: String,
    /// What was said.
    pub text: String,
}

/// One case of the data set.
#[derive(Debug, Clone, Deserialize)]
pub struct PreferenceCase {
    /// Case id.
    pub case_id: String,
    /// Topic (reported, never used for ranking).
    #[serde(default)]
    pub topic: String,
    /// `explicit`, `implicit-choice` or `implicit-persona`.
    pub form: String,
    /// Turns before the question.
    pub history: Vec<ChatTurn>,
    /// The user's question.
    pub question: String,
    /// Candidate responses.
    pub options: Vec<String>,
    /// The option that follows the preference.
    pub answer_index: usize,
}

/// A prediction record: option indexes, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// Case id.
    pub case_id: String,
    /// Option indexes, best first.
    pub ranked_options: Vec<usize>,
}

/// Correct top choices out of cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Cases whose top option is the answer.
    pub correct: usize,
    /// Cases scored.
    pub total: usize,
}

impl Accuracy {
    /// `correct / total` (0 when empty).
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// Accuracy per form and overall.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PreferenceReport {
    /// By form.
    pub by_form: BTreeMap<String, Accuracy>,
    /// All cases.
    pub overall: Accuracy,
}

impl fmt::Display for PreferenceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| form | cases | accuracy |")?;
        writeln!(f, "|---|---|---|")?;
        for (form, a) in &self.by_form {
            writeln!(f, "| {form} | {} | {:.3} |", a.total, a.value())?;
        }
        writeln!(
            f,
            "| **overall** | {} | **{:.3}** |",
            self.overall.total,
            self.overall.value()
        )
    }
}

/// Scores predictions: a case is correct when its first ranked option is the answer; a case
/// without a prediction is wrong.
pub fn score(
    cases: &[PreferenceCase],
    predictions: &HashMap<String, Vec<usize>>,
) -> PreferenceReport {
    let mut report = PreferenceReport::default();
    for case in cases {
        let correct =
            predictions.get(&case.case_id).and_then(|r| r.first()) == Some(&case.answer_index);
        for acc in [
            report.by_form.entry(case.form.clone()).or_default(),
            &mut report.overall,
        ] {
            acc.total += 1;
            acc.correct += usize::from(correct);
        }
    }
    report
}

/// The events of one case for `user`: its history, then every distractor turn, one minute apart.
pub fn case_events(
    tenant: &TenantId,
    user: &UserId,
    case: &PreferenceCase,
    distractors: &[ChatTurn],
    start: DateTime<Utc>,
) -> Vec<Event> {
    let history = case.history.iter().map(|t| ("history", t));
    let rest = distractors.iter().map(|t| ("distractors", t));
    history
        .chain(rest)
        .enumerate()
        .map(|(i, (session, turn))| Event {
            tenant: tenant.clone(),
            user: user.clone(),
            id: EventId::new(format!("{session}-{i:05}")).expect("a valid id"),
            time: start + Duration::minutes(i as i64),
            session: Some(session.to_string()),
            body: EventBody::Message(Message {
                role: if turn.role == "assistant" {
                    Role::Assistant
                } else {
                    Role::User
                },
                speaker: None,
                text: turn.text.clone(),
            }),
        })
        .collect()
}

/// Ranks options from what the user said (texts of their own turns) and their learned
/// statements: pure, shared by the engine driver and any other data path.
pub fn rank_options(
    user_texts: &[String],
    mut statements: Vec<PreferenceStatement>,
    question: &str,
    options: &[String],
    embedder: &dyn Embedder,
) -> Vec<usize> {
    statements.extend(user_texts.iter().flat_map(|t| preference_statements(t)));
    let evidence = select_evidence(statements, question, options, embedder);
    rank_responses(
        &evidence,
        question,
        options,
        embedder,
        &ResponseRanking::default(),
    )
    .into_iter()
    .map(|r| r.index)
    .collect()
}

/// Ranks one case's options for a user the engine already holds, through
/// [`Engine::rank`](rapport_engine::Engine::rank) with the options as free-text candidates and
/// the question as context.
pub fn rank_with_engine(
    engine: &Engine,
    tenant: &TenantId,
    user: &UserId,
    case: &PreferenceCase,
) -> Result<Vec<usize>, rapport_engine::Error> {
    let candidates: Vec<Candidate> = case.options.iter().cloned().map(Candidate::Text).collect();
    let ranked = engine.rank(tenant, user, &candidates, Some(&case.question))?;
    Ok(ranked.into_iter().map(|r| r.index).collect())
}

/// Errors of the preference harness.
#[derive(Debug, thiserror::Error)]
pub enum PreferenceError {
    /// Reading or writing a file failed.
    #[error(transparent)]
    Data(#[from] RecommendationError),
    /// The engine failed.
    #[error(transparent)]
    Engine(#[from] rapport_engine::Error),
}

/// Runs the protocol: one engine in `engine_dir`, a distinct user per case; writes predictions
/// to `out` when given.
pub fn run_preference_eval(
    data: &Path,
    distractors: &Path,
    out: Option<&Path>,
    engine: &Engine,
) -> Result<PreferenceReport, PreferenceError> {
    let cases: Vec<PreferenceCase> = read_jsonl(data)?;
    let distractors: Vec<ChatTurn> = read_jsonl(distractors)?;
    let tenant = TenantId::new("prefeval").expect("a valid tenant");
    let start = DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z")
        .expect("a valid time")
        .to_utc();
    let mut predictions = Vec::with_capacity(cases.len());
    for (i, case) in cases.iter().enumerate() {
        let user = UserId::new(format!("case-{i:04}")).expect("a valid user");
        engine.ingest(&case_events(&tenant, &user, case, &distractors, start))?;
        let ranked = rank_with_engine(engine, &tenant, &user, case)?;
        predictions.push(Prediction {
            case_id: case.case_id.clone(),
            ranked_options: ranked,
        });
    }
    if let Some(path) = out {
        write_predictions(path, &predictions)?;
    }
    let map = predictions
        .into_iter()
        .map(|p| (p.case_id, p.ranked_options))
        .collect();
    Ok(score(&cases, &map))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: &str, form: &str, answer: usize) -> PreferenceCase {
        PreferenceCase {
            case_id: id.into(),
            topic: String::new(),
            form: form.into(),
            history: Vec::new(),
            question: String::new(),
            options: vec!["a".into(), "b".into()],
            answer_index: answer,
        }
    }

    #[test]
    fn accuracy_per_form_and_overall() {
        let cases = [
            case("1", "explicit", 0),
            case("2", "explicit", 1),
            case("3", "implicit-choice", 1),
        ];
        let predictions =
            HashMap::from([("1".to_string(), vec![0, 1]), ("2".to_string(), vec![0, 1])]);
        let report = score(&cases, &predictions);
        assert_eq!(
            report.by_form["explicit"],
            Accuracy {
                correct: 1,
                total: 2
            }
        );
        assert_eq!(
            report.by_form["implicit-choice"],
            Accuracy {
                correct: 0,
                total: 1
            }
        );
        assert_eq!(
            report.overall,
            Accuracy {
                correct: 1,
                total: 3
            }
        );
    }

    #[test]
    fn the_option_that_respects_a_rejection_wins() {
        let embedder = rapport_models::StaticEmbedder::builtin();
        let options: Vec<String> = [
            "Sushi and sashimi platters",
            "A vegetable curry house",
            "Fresh oysters and crab",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let said = vec!["I have a strong aversion to seafood.".to_string()];
        let ranked = rank_options(
            &said,
            Vec::new(),
            "Where should I eat tonight?",
            &options,
            &embedder,
        );
        assert_eq!(ranked[0], 1, "{ranked:?}");
    }
}
