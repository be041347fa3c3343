//! All of a user's preference statements: their own turns and the facts learned from them,
//! merged so each thing said counts once and in full.
//!
//! A learned fact often keeps only the head of a sentence ("I only eat meals." from "I only eat
//! meals that are free from any animal-derived ingredients"), and a long turn that yields one
//! fact ("I like the sports idea") may state its real preference in another sentence. So every
//! sentence of every user turn is parsed; a sentence a current fact was learned from stands for
//! that fact (with the fact's weight), one whose fact has ended or was superseded is dropped
//! (the user changed their mind), and a fact no sentence stands for (edited, or worded apart
//! from its turn) keeps its own statement.

use std::collections::HashSet;

use rapport_core::{Facet, Fact};

use crate::profile_statements::statement_from_fact;
use crate::stated::{PreferenceStatement, preference_statements};
use crate::terms::{is_stopword, stem, words};

/// Share of a fact's content words a sentence must hold to be the sentence it was learned from.
const SAME_SENTENCE: f32 = 0.6;

/// One user turn: its event id and its text (with references to offered options resolved).
pub struct UserTurn<'a> {
    /// The event id facts cite as evidence.
    pub id: &'a str,
    /// The text.
    pub text: String,
}

/// The statements of `turns` and `facts`; `weight` scales a fact's statement (distinctiveness).
pub fn user_statements(
    turns: &[UserTurn<'_>],
    facts: &[Fact],
    weight: impl Fn(&Fact) -> f32,
) -> Vec<PreferenceStatement> {
    let bearing = |f: &Fact| {
        matches!(
            f.facet,
            Facet::Preference | Facet::Interest | Facet::Identity | Facet::Other
        )
    };
    let mut stood_for: HashSet<usize> = HashSet::new();
    let mut out = Vec::new();
    for turn in turns {
        let learned: Vec<(usize, &Fact, HashSet<String>)> = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| bearing(f) && f.evidence.iter().any(|e| e.as_str() == turn.id))
            .map(|(i, f)| (i, f, content(&f.statement)))
            .collect();
        for mut statement in preference_statements(&turn.text) {
            let said = content(&statement.sentence);
            let source = learned.iter().find(|(_, _, w)| {
                !w.is_empty()
                    && w.iter().filter(|t| said.contains(*t)).count() as f32
                        >= SAME_SENTENCE * w.len() as f32
            });
            match source {
                Some((_, f, _)) if !f.is_current() => continue,
                Some((i, f, _)) => {
                    stood_for.insert(*i);
                    statement.confidence =
                        statement.confidence.max(f.confidence.clamp(0.3, 1.0)) * weight(f);
                }
                None => {}
            }
            out.push(statement);
        }
    }
    out.extend(
        facts
            .iter()
            .enumerate()
            .filter(|(i, _)| !stood_for.contains(i))
            .filter_map(|(_, f)| {
                let mut s = statement_from_fact(f)?;
                s.confidence *= weight(f);
                Some(s)
            }),
    );
    out
}

/// The stemmed content words of a text.
fn content(text: &str) -> HashSet<String> {
    words(text)
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use rapport_core::{EventId, Polarity, Sensitivity, Source};

    use super::*;

    fn fact(statement: &str, turn: &str, ended: bool) -> Fact {
        Fact {
            id: 1,
            facet: Facet::Preference,
            key: "likes:meals".into(),
            value: "meals".into(),
            polarity: Polarity::Positive,
            strength: 0.8,
            confidence: 0.9,
            source: Source::Stated,
            sensitivity: Sensitivity::None,
            statement: statement.into(),
            description: String::new(),
            evidence: vec![EventId::new(turn).unwrap()],
            valid_from: Utc::now(),
            valid_to: ended.then(Utc::now),
            superseded_by: None,
            ended_by: None,
            change_reason: None,
            pinned: false,
            last_seen: Utc::now(),
        }
    }

    fn turn(text: &str) -> UserTurn<'static> {
        UserTurn {
            id: "t0",
            text: text.into(),
        }
    }

    #[test]
    fn the_full_sentence_stands_for_a_truncated_fact() {
        let said = "I only eat meals that are free from animal-derived ingredients.";
        let all = user_statements(
            &[turn(said)],
            &[fact("I only eat meals.", "t0", false)],
            |_| 1.0,
        );
        assert_eq!(all.len(), 1);
        assert!(all[0].polarity_of(&stem("animal")) < 0.0);
    }

    #[test]
    fn a_sentence_whose_fact_ended_is_dropped() {
        let all = user_statements(
            &[turn("I love spicy food.")],
            &[fact("I love spicy food.", "t0", true)],
            |_| 1.0,
        );
        assert!(all.is_empty());
    }
}
