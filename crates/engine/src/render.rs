//! Packs ranked facts and turns under a token budget and renders the context block.

use std::fmt::Write;

use crate::context::{Context, ContextFact, ContextTurn, FACT_BUDGET_SHARE, estimate_tokens};

pub(crate) fn pack(
    name: &str,
    style: Option<String>,
    facts: Vec<ContextFact>,
    past: Vec<ContextFact>,
    turns: Vec<ContextTurn>,
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
        let cost = estimate_tokens(&fact_line(&fact));
        if used + cost <= fact_budget {
            used += cost;
            chosen_facts.push(fact);
        } else {
            rest_facts.push(fact);
        }
    }
    let mut chosen_turns = Vec::new();
    for turn in turns {
        let cost = estimate_tokens(&turn_line(&turn));
        if used + cost <= budget {
            used += cost;
            chosen_turns.push(turn);
        }
    }
    for fact in rest_facts {
        let cost = estimate_tokens(&fact_line(&fact));
        if used + cost <= budget {
            used += cost;
            chosen_facts.push(fact);
        }
    }
    let mut chosen_past = Vec::new();
    for fact in past {
        let cost = estimate_tokens(&past_line(&fact));
        if used + cost <= budget {
            used += cost;
            chosen_past.push(fact);
        }
    }
    chosen_turns.sort_by_key(|t| (t.time, t.seq));
    let block = render(
        &header,
        style.as_deref(),
        &chosen_facts,
        &chosen_past,
        &chosen_turns,
    );
    let tokens = estimate_tokens(&block);
    Context {
        facts: chosen_facts,
        past_facts: chosen_past,
        turns: chosen_turns,
        block,
        tokens,
    }
}

fn render(
    header: &str,
    style: Option<&str>,
    facts: &[ContextFact],
    past: &[ContextFact],
    turns: &[ContextTurn],
) -> String {
    if style.is_none() && facts.is_empty() && past.is_empty() && turns.is_empty() {
        return String::new();
    }
    let mut out = header.to_string();
    if let Some(style) = style {
        out.push('\n');
        out.push_str(style);
    }
    if !facts.is_empty() {
        out.push_str("\nFacts:\n");
        for fact in facts {
            let _ = writeln!(out, "{}", fact_line(fact));
        }
    }
    if !past.is_empty() {
        out.push_str("\nNo longer true:\n");
        for fact in past {
            let _ = writeln!(out, "{}", past_line(fact));
        }
    }
    if !turns.is_empty() {
        out.push_str("\nRelevant past conversation:\n");
        for turn in turns {
            let _ = writeln!(out, "{}", turn_line(turn));
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

fn fact_line(fact: &ContextFact) -> String {
    let source = match fact.source {
        rapport_core::Source::Stated => "stated",
        rapport_core::Source::Inferred => "inferred",
        rapport_core::Source::Edited => "set by the user",
    };
    // `valid_from` is when the fact began to hold, which may precede the message that told
    // it ("I moved to Denver last month").
    format!(
        "- {} ({source}; since {})",
        fact.text,
        fact.valid_from.format("%Y-%m-%d")
    )
}

fn past_line(fact: &ContextFact) -> String {
    let until = fact
        .valid_to
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    format!("- {} (no longer true since {until})", fact.text)
}

fn turn_line(turn: &ContextTurn) -> String {
    format!(
        "- [{}] {}: {}",
        turn.time.format("%Y-%m-%d"),
        turn.speaker,
        turn.text
    )
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use rapport_core::EventId;
    use rapport_infer::{PersonalityEstimate, StyleFacet, Trait, to_facts};

    use super::style_block;

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
