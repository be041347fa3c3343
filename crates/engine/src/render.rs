//! Packs ranked facts and turns under a token budget and renders the context block.

use std::fmt::Write;

use chrono::{DateTime, Datelike, Utc};
use rapport_core::Fact;

use crate::context::{Context, ContextFact, ContextTurn, FACT_BUDGET_SHARE, estimate_tokens};
use crate::memory::{MemoryFact, TurnRecord};

/// A fact ranked for a query: its position in the memory's facts and its score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RankedFact {
    pub index: usize,
    pub score: f32,
}

/// A turn retrieved for a query, with its line in the block.
pub(crate) struct TurnCandidate<'a> {
    pub turn: &'a TurnRecord,
    pub speaker: String,
    pub score: f32,
    pub line: String,
    pub tokens: usize,
}

impl<'a> TurnCandidate<'a> {
    pub fn new(turn: &'a TurnRecord, speaker: String, score: f32) -> Self {
        let line = turn_line(turn.time, &speaker, &turn.text);
        Self {
            turn,
            speaker,
            score,
            tokens: estimate_tokens(&line),
            line,
        }
    }
}

pub(crate) fn pack(
    name: &str,
    style: Option<String>,
    all_facts: &[MemoryFact],
    facts: &[RankedFact],
    past: &[RankedFact],
    turns: Vec<TurnCandidate<'_>>,
    budget: usize,
) -> Context {
    let header = format!(
        "## What you know about {name}\nUse this to personalize your answer; don't recite it. Lines marked (no longer true) are history.\n"
    );
    let mut used = estimate_tokens(&header) + 8; // section headings
    // The style block goes first when it fits: it bears on every answer.
    let style = style.filter(|s| used + estimate_tokens(s) <= budget);
    used += style.as_deref().map_or(0, estimate_tokens);
    if used > budget {
        return Context {
            facts: Vec::new(),
            past_facts: Vec::new(),
            turns: Vec::new(),
            block: String::new(),
            tokens: 0,
        };
    }
    let fact_budget = used + ((budget - used) as f32 * FACT_BUDGET_SHARE) as usize;
    let mut chosen_facts = Vec::new();
    let mut rest_facts = Vec::new();
    for fact in facts {
        let cost = all_facts[fact.index].line_tokens;
        if used + cost <= fact_budget {
            used += cost;
            chosen_facts.push(*fact);
        } else {
            rest_facts.push(*fact);
        }
    }
    let mut chosen_turns = Vec::new();
    for turn in turns {
        if used + turn.tokens <= budget {
            used += turn.tokens;
            chosen_turns.push(turn);
        }
    }
    for fact in rest_facts {
        let cost = all_facts[fact.index].line_tokens;
        if used + cost <= budget {
            used += cost;
            chosen_facts.push(fact);
        }
    }
    let mut chosen_past = Vec::new();
    for fact in past {
        let cost = all_facts[fact.index].past_tokens;
        // "Used to live in Ohio." is said once: by the current fact, not again as history.
        let description = &all_facts[fact.index].fact.description;
        let said_now = chosen_facts
            .iter()
            .any(|c| all_facts[c.index].fact.description == *description);
        if used + cost <= budget && !said_now {
            used += cost;
            chosen_past.push(*fact);
        }
    }
    chosen_turns.sort_by_key(|t| (t.turn.time, t.turn.seq));
    let block = render(
        &header,
        style.as_deref(),
        chosen_facts.iter().map(|f| &*all_facts[f.index].line),
        chosen_past.iter().map(|f| &*all_facts[f.index].past_line),
        chosen_turns.iter().map(|t| t.line.as_str()),
    );
    let tokens = estimate_tokens(&block);
    let context_fact = |f: &RankedFact| {
        let fact = &all_facts[f.index].fact;
        ContextFact {
            id: fact.id,
            facet: fact.facet,
            text: fact.description.clone(),
            source: fact.source,
            confidence: fact.confidence,
            valid_from: fact.valid_from,
            valid_to: fact.valid_to,
            score: f.score,
        }
    };
    Context {
        facts: chosen_facts.iter().map(context_fact).collect(),
        past_facts: chosen_past.iter().map(context_fact).collect(),
        turns: chosen_turns
            .into_iter()
            .map(|t| ContextTurn {
                id: t.turn.id.to_string(),
                seq: t.turn.seq,
                time: t.turn.time,
                speaker: t.speaker,
                text: t.turn.text.to_string(),
                score: t.score,
            })
            .collect(),
        block,
        tokens,
    }
}

fn render<'a>(
    header: &str,
    style: Option<&str>,
    facts: impl ExactSizeIterator<Item = &'a str>,
    past: impl ExactSizeIterator<Item = &'a str>,
    turns: impl ExactSizeIterator<Item = &'a str>,
) -> String {
    if style.is_none() && facts.len() == 0 && past.len() == 0 && turns.len() == 0 {
        return String::new();
    }
    let mut out = header.to_string();
    if let Some(style) = style {
        out.push('\n');
        out.push_str(style);
    }
    for (heading, lines) in [
        ("\nFacts:\n", facts.collect::<Vec<_>>()),
        ("\nNo longer true:\n", past.collect()),
        ("\nRelevant past conversation:\n", turns.collect()),
    ] {
        if !lines.is_empty() {
            out.push_str(heading);
            for line in lines {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// "How to answer" lines from the user's current style facts (`style.*`) and Big Five
/// estimates (`personality.*`), all inferred.
pub(crate) fn style_block(name: &str, style: &[&rapport_core::Fact]) -> Option<String> {
    let get = |key: &str| {
        style
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.as_str())
    };
    let mut lines = Vec::new();
    if let Some(length) = get("style.answer_length") {
        let wrote = get("style.verbosity")
            .and_then(|v| v.split_once(" ("))
            .map(|(_, w)| w);
        let how = wrote
            .map(|w| format!(" (they write {w}"))
            .unwrap_or_default();
        lines.push(format!("- Answer length: {length}{how}"));
    }
    if let Some(tone) = get("style.formality") {
        lines.push(format!("- Tone: {tone}"));
    }
    if let Some(emoji) = get("style.emoji") {
        let advice = if emoji == "uses emoji" {
            "welcome (they use them)"
        } else {
            "avoid (they rarely use them)"
        };
        lines.push(format!("- Emoji: {advice}"));
    }
    if let Some(language) = get("style.language") {
        lines.push(format!("- Language: {language}"));
    }
    let traits: Vec<String> = rapport_infer::Trait::ALL
        .into_iter()
        .filter_map(|t| get(t.key()).map(|level| format!("{} {level}", t.name())))
        .collect();
    if !traits.is_empty() {
        lines.push(format!(
            "- Personality (Big Five estimate from word use, not a test): {}",
            traits.join(", ")
        ));
    }
    if lines.is_empty() {
        return None;
    }
    Some(format!(
        "How to answer {name} (estimated from their writing):\n{}\n",
        lines.join("\n")
    ))
}

/// A current fact's line in the block.
pub(crate) fn fact_line(fact: &Fact) -> String {
    let source = match fact.source {
        rapport_core::Source::Stated => "stated",
        rapport_core::Source::Inferred => "inferred",
        rapport_core::Source::Edited => "set by the user",
    };
    // `valid_from` is when the fact began to hold, which may precede the message that told
    // it ("I moved to Denver last month"); "Used to live in Ohio." holds from when it was said.
    let since = if fact.tells_of_the_past() {
        "said"
    } else {
        "since"
    };
    format!(
        "- {} ({source}; {since} {})",
        fact.description,
        fact.valid_from.format("%Y-%m-%d")
    )
}

/// A fact's line under "No longer true": since when, or, for what was already past when said
/// ("I used to live in Ohio"), when it was said.
pub(crate) fn past_line(fact: &Fact) -> String {
    let until = fact
        .valid_to
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    if fact.valid_to.is_some_and(|to| to <= fact.valid_from) {
        format!("- {} (already past when said on {until})", fact.description)
    } else {
        format!("- {} (no longer true since {until})", fact.description)
    }
}

/// A past turn's line in the block.
fn turn_line(time: DateTime<Utc>, speaker: &str, text: &str) -> String {
    let mut line = String::with_capacity(speaker.len() + text.len() + 18);
    line.push_str("- [");
    push_date(&mut line, time);
    line.push_str("] ");
    line.push_str(speaker);
    line.push_str(": ");
    line.push_str(text);
    line
}

/// Appends `time`'s date as `%Y-%m-%d` would, without parsing a format string.
fn push_date(out: &mut String, time: DateTime<Utc>) {
    let date = time.date_naive();
    if (0..=9999).contains(&date.year()) {
        let _ = write!(
            out,
            "{:04}-{:02}-{:02}",
            date.year(),
            date.month(),
            date.day()
        );
    } else {
        // chrono signs years outside 0..=9999.
        let _ = write!(out, "{}", time.format("%Y-%m-%d"));
    }
}

#[cfg(test)]
mod fast_rendering_tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn dates_are_written_as_chrono_formats_them(secs in -400_000_000_000i64..400_000_000_000) {
            let time = Utc.timestamp_opt(secs, 0).single().expect("in range");
            let mut fast = String::new();
            push_date(&mut fast, time);
            prop_assert_eq!(fast, time.format("%Y-%m-%d").to_string());
        }

        #[test]
        fn turn_lines_are_the_formatted_lines(secs in 0i64..4_000_000_000, speaker in ".{0,12}", text in ".{0,40}") {
            let time = Utc.timestamp_opt(secs, 0).single().expect("in range");
            prop_assert_eq!(
                turn_line(time, &speaker, &text),
                format!("- [{}] {}: {}", time.format("%Y-%m-%d"), speaker, text)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use rapport_core::{EventId, Fact};
    use rapport_infer::{PersonalityEstimate, StyleFacet, Trait, to_facts};

    use super::{past_line, style_block};

    #[test]
    fn a_fact_already_past_when_said_is_not_dated_as_ending_then() {
        let said = Utc.with_ymd_and_hms(2024, 3, 1, 10, 0, 0).unwrap();
        let mut fact: Fact = rapport_store::conformance::fact(1, "location.city", "Ohio");
        fact.description = "Used to live in Ohio.".into();
        fact.valid_from = said;
        fact.valid_to = Some(said);
        assert_eq!(
            past_line(&fact),
            "- Used to live in Ohio. (already past when said on 2024-03-01)"
        );
        fact.valid_from = Utc.with_ymd_and_hms(2023, 5, 1, 10, 0, 0).unwrap();
        assert_eq!(
            past_line(&fact),
            "- Used to live in Ohio. (no longer true since 2024-03-01)"
        );
    }

    /// The block with a Big Five estimate beside the style facets (estimates built by hand:
    /// the lexicon is optional and not in the repository; `rapport-infer` tests the scoring).
    #[test]
    fn the_how_to_answer_block_labels_the_big_five_estimate() {
        let style = [
            ("style.answer_length", "detailed"),
            ("style.verbosity", "verbose (about 52 words a message)"),
            ("style.formality", "formal"),
            ("style.emoji", "rarely uses emoji"),
            ("style.language", "English"),
        ]
        .map(|(key, value)| StyleFacet {
            key,
            value: value.into(),
            confidence: 0.8,
        });
        let estimate = |domain, score, level, matched| PersonalityEstimate {
            domain,
            score,
            level,
            confidence: 0.45,
            matched,
            texts: vec![0, 1],
        };
        let traits = [
            estimate(Trait::Openness, 0.81, "high", 64),
            estimate(Trait::Conscientiousness, 0.52, "average", 41),
            estimate(Trait::Neuroticism, 0.24, "low", 37),
        ];
        let texts = [EventId::new("d1").unwrap(), EventId::new("d2").unwrap()];
        let time = Utc.with_ymd_and_hms(2024, 3, 1, 9, 0, 0).unwrap();
        let facts = to_facts(&[], &style, &traits, &texts, time, 1);
        let neuroticism = facts.iter().find(|f| f.key == "personality.neuroticism");
        insta::assert_snapshot!(neuroticism.unwrap().description, @"Big Five estimate from word use, not a personality test: low neuroticism (word use at about the 24th percentile of reference writers, from 37 matched words; WWBP lexicon, Schwartz et al. 2013).");
        let facts: Vec<&rapport_core::Fact> = facts.iter().collect();
        insta::assert_snapshot!(
            "how_to_answer_with_big_five",
            style_block("Kim", &facts).unwrap()
        );
    }
}
