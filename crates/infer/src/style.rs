//! Communication style from the user's own turns: how long they write, how formally, how often
//! they ask, whether they use emoji, in which language, and so how long an answer suits them.
//! Counts only; the Big Five estimate from a word lexicon is in `personality.rs`.

use crate::AuthoredText;
use crate::text::{Word, words};

/// One style facet: key (`style.*`), value, confidence, and the texts it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct StyleFacet {
    /// `style.verbosity`, `style.formality`, `style.questions`, `style.emoji`,
    /// `style.language`, `style.answer_length`.
    pub key: &'static str,
    /// The value, a word or two.
    pub value: String,
    /// More texts, more confidence.
    pub confidence: f32,
}

/// English function words: when few of a text's words are among them, it is not English.
const ENGLISH: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "is", "are",
    "was", "it", "that", "this", "i", "you", "we", "my", "be", "not", "at", "as", "so", "just",
];
/// Casual register markers.
const CASUAL: &[&str] = &[
    "lol", "haha", "gonna", "wanna", "gotta", "kinda", "yeah", "yep", "nope", "omg", "tbh", "imo",
    "btw", "dude", "lmao", "totally", "super", "awesome", "cool", "stuff",
];

/// Style facets of these texts; none for fewer than three texts.
pub fn style(texts: &[AuthoredText<'_>]) -> Vec<StyleFacet> {
    let mut counts = StyleCounts::default();
    for t in texts {
        counts.add(&StyleCounts::of(t.text, &words(t.text)));
    }
    facets(&counts)
}

/// Counts behind the style facets, of one text or added up over several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct StyleCounts {
    texts: usize,
    words: usize,
    english: usize,
    casual: usize,
    contractions: usize,
    questions: usize,
    exclaims: usize,
    emoji: usize,
}

impl StyleCounts {
    /// The counts of one text (`w` its words).
    pub fn of(text: &str, w: &[Word]) -> Self {
        Self {
            texts: 1,
            words: w.len(),
            english: w
                .iter()
                .filter(|w| ENGLISH.contains(&w.lower.as_str()))
                .count(),
            casual: w
                .iter()
                .filter(|w| CASUAL.contains(&w.lower.as_str()))
                .count(),
            contractions: w.iter().filter(|w| w.lower.contains('\'')).count(),
            questions: usize::from(text.contains('?')),
            exclaims: usize::from(text.contains('!')),
            emoji: usize::from(text.chars().any(is_emoji)),
        }
    }

    /// Adds another text's (or texts') counts.
    pub fn add(&mut self, other: &Self) {
        self.texts += other.texts;
        self.words += other.words;
        self.english += other.english;
        self.casual += other.casual;
        self.contractions += other.contractions;
        self.questions += other.questions;
        self.exclaims += other.exclaims;
        self.emoji += other.emoji;
    }
}

/// The facets of the counts of a user's texts; none for fewer than three texts.
pub(crate) fn facets(c: &StyleCounts) -> Vec<StyleFacet> {
    if c.texts < 3 {
        return Vec::new();
    }
    let n = c.texts as f32;
    let StyleCounts {
        words: words_total,
        english,
        casual,
        contractions,
        questions,
        exclaims,
        emoji,
        ..
    } = *c;
    let mean_words = words_total as f32 / n;
    let per_word = |c: usize| c as f32 / words_total.max(1) as f32;
    let verbosity = match mean_words {
        m if m < 12.0 => "terse",
        m if m < 40.0 => "moderate",
        _ => "verbose",
    };
    let informal = per_word(casual) * 20.0 + per_word(contractions) * 5.0 + exclaims as f32 / n;
    let formality = match informal {
        x if x < 0.35 => "formal",
        x if x < 0.9 => "neutral",
        _ => "casual",
    };
    let question_rate = questions as f32 / n;
    let emoji_rate = emoji as f32 / n;
    let language = if per_word(english) >= 0.12 {
        "English"
    } else {
        "not English"
    };
    let answer_length = match verbosity {
        "terse" => "short",
        "verbose" => "detailed",
        _ => "medium",
    };
    let confidence = (1.0 - (-n / 10.0).exp()) * 0.9;
    [
        (
            "style.verbosity",
            format!("{verbosity} (about {mean_words:.0} words a message)"),
        ),
        ("style.formality", formality.to_string()),
        (
            "style.questions",
            format!("asks in {:.0}% of messages", question_rate * 100.0),
        ),
        (
            "style.emoji",
            if emoji_rate >= 0.1 {
                "uses emoji"
            } else {
                "rarely uses emoji"
            }
            .into(),
        ),
        ("style.language", language.to_string()),
        ("style.answer_length", answer_length.to_string()),
    ]
    .into_iter()
    .map(|(key, value)| StyleFacet {
        key,
        value,
        confidence,
    })
    .collect()
}

pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::EventId;

    #[test]
    fn terse_casual_emoji() {
        let id = EventId::new("e").unwrap();
        let texts = [
            "lol yeah gonna try it 😀",
            "haha totally!",
            "cool, what time?",
        ];
        let texts: Vec<AuthoredText<'_>> = texts
            .iter()
            .map(|t| AuthoredText { id: &id, text: t })
            .collect();
        let s = style(&texts);
        let get = |k: &str| s.iter().find(|f| f.key == k).unwrap().value.clone();
        assert!(get("style.verbosity").starts_with("terse"));
        assert_eq!(get("style.formality"), "casual");
        assert_eq!(get("style.emoji"), "uses emoji");
        assert_eq!(get("style.answer_length"), "short");
        assert!(style(&texts[..2]).is_empty());
    }
}
