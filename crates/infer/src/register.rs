//! The register of a user's writing as a cue of age, beyond single words: whether any text
//! starts in lower case or carries an emoji. Casual typing is a younger writer's habit; a
//! writer who, over many texts, always capitalizes and never uses an emoji writes in a formal
//! register, which is an older and more schooled writer's.

use crate::style::is_emoji;

/// Fewest texts before the absence of casual typing says anything.
const MIN_TEXTS: u32 = 5;

/// Casual typing in one text, or added up over several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Register {
    texts: u32,
    /// Texts that start with a lower-case letter or carry an emoji.
    casual: u32,
}

impl Register {
    /// The register of one text.
    pub fn of(text: &str) -> Self {
        let lower_start = text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        Self {
            texts: 1,
            casual: u32::from(lower_start || text.chars().any(is_emoji)),
        }
    }

    /// Adds another text's (or texts') register.
    pub fn add(&mut self, other: &Self) {
        self.texts += other.texts;
        self.casual += other.casual;
    }

    /// The age a formal register votes for, with its weight: none unless at least
    /// [`MIN_TEXTS`] texts were written and none of them casually. The age and weight are the
    /// formal words' ("indeed", "quite": `lexicon::AGE`); of the 26 tune users with no casual
    /// text, all are 32 or older and 13 within 54 ± 5.
    pub fn formal_age(&self) -> Option<(&'static str, f32)> {
        self.formal().then_some(("53", 0.5))
    }

    /// The education level a formal register votes for when nothing else speaks of education,
    /// with its weight: a graduate degree (the 26 tune users with no casual text hold a
    /// master's 13 times, a PhD 9, a bachelor's 4; master's is also the most common level).
    pub fn formal_education(&self) -> Option<(&'static str, f32)> {
        self.formal().then_some(("master's", 0.5))
    }

    fn formal(&self) -> bool {
        self.texts >= MIN_TEXTS && self.casual == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(texts: &[&str]) -> Register {
        let mut r = Register::default();
        for t in texts {
            r.add(&Register::of(t));
        }
        r
    }

    #[test]
    fn only_many_carefully_typed_texts_read_as_formal() {
        let formal = [
            "Indeed.",
            "A fine point.",
            "Agreed!",
            "Well put.",
            "Quite so.",
        ];
        assert_eq!(of(&formal).formal_age(), Some(("53", 0.5)));
        assert_eq!(of(&formal).formal_education(), Some(("master's", 0.5)));
        assert_eq!(of(&formal[..4]).formal_age(), None);
        let mut lower = formal.to_vec();
        lower.push("  ok sure");
        assert_eq!(of(&lower).formal_age(), None);
        let mut emoji = formal.to_vec();
        emoji.push("Nice one \u{1F600}");
        assert_eq!(of(&emoji).formal_age(), None);
    }
}
