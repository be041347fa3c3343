//! The register of a user's writing beyond single words: whether any text starts in lower case
//! or carries an emoji, and how long the words are. Casual typing is a younger writer's habit;
//! a writer who, over many texts, always capitalizes and never uses an emoji writes in a formal
//! register, which is an older and more schooled writer's. Long words are a schooled one's.

use crate::style::is_emoji;
use crate::text::Word;

/// Fewest texts before the absence of casual typing says anything.
const MIN_TEXTS: u32 = 5;
/// Fewest texts before the absence of any age cue says anything.
const MIN_PLAIN_TEXTS: u32 = 3;
/// Fewest words before their mean length says anything.
const MIN_WORDS: u32 = 50;
/// Mean characters a word at or above which a writer's words are long: about the upper third
/// of the tune users (5.2 and 5.4 score the same on them).
const LONG_WORDS: f32 = 5.3;

/// Casual typing in one text, or added up over several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Register {
    texts: u32,
    /// Texts that start with a lower-case letter or carry an emoji.
    casual: u32,
    words: u32,
    /// Characters of the words.
    letters: u32,
}

impl Register {
    /// The register of one text (`w` its words).
    pub fn of(text: &str, w: &[Word]) -> Self {
        let lower_start = text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        Self {
            texts: 1,
            casual: u32::from(lower_start || text.chars().any(is_emoji)),
            words: w.len() as u32,
            letters: w.iter().map(|w| w.lower.chars().count() as u32).sum(),
        }
    }

    /// Adds another text's (or texts') register.
    pub fn add(&mut self, other: &Self) {
        self.texts += other.texts;
        self.casual += other.casual;
        self.words += other.words;
        self.letters += other.letters;
    }

    /// The age a formal register votes for, with its weight: none unless at least
    /// [`MIN_TEXTS`] texts were written and none of them casually. The age and weight are the
    /// formal words' ("indeed", "quite": `lexicon::AGE`); of the 26 tune users with no casual
    /// text, all are 32 or older and 13 within 54 ± 5.
    pub fn formal_age(&self) -> Option<(&'static str, f32)> {
        self.formal().then_some(("53", 0.5))
    }

    /// The age a writer with no age cue at all votes for, with its weight: none unless at
    /// least [`MIN_PLAIN_TEXTS`] texts were written. Such a writer never uses the younger
    /// writers' shorthand ("lol", "tbh": `lexicon::AGE`) nor writes formally; of the 18 tune
    /// users who do neither, all are 31 or older and 11 within 36 ± 5 (the age prior's window
    /// holds 6 of them). Only asked where nothing else speaks of age.
    pub fn plain_age(&self) -> Option<(&'static str, f32)> {
        (self.texts >= MIN_PLAIN_TEXTS).then_some(("36", 0.5))
    }

    /// The education level a formal register or long words vote for when nothing else speaks
    /// of education, with its weight: a graduate degree (the 26 tune users with no casual text
    /// hold a master's 13 times, a PhD 9, a bachelor's 4; the 32 whose words are long a
    /// master's 17 times, a PhD 11; master's is also the most common level).
    pub fn education(&self) -> Option<(&'static str, f32)> {
        (self.formal() || self.long_words()).then_some(("master's", 0.5))
    }

    /// The income level the length of the words votes for when nothing else speaks of income,
    /// with its weight: none under [`MIN_WORDS`] words. Vocabulary goes with schooling and
    /// schooling with pay: long words vote for a high income (of the 32 tune users whose words
    /// are long, 18 earn a high income, 13 a middle one; of all, 22 of 74 a high one), words of
    /// ordinary length for the middle one (of the 11 tune users with no other income cue and at
    /// least 50 words, none of them long, 7 earn a middle income, 3 a low one, 1 a high one).
    /// The middle vote weighs 1.0, so it is calibrated with the income cues that are right about
    /// as often (15 of 22 tune estimates in that strength bin) rather than with the weakest ones
    /// (15 of 37), whose confidence it would otherwise lift above the middle prior's.
    pub fn words_income(&self) -> Option<(&'static str, f32)> {
        (self.words >= MIN_WORDS).then(|| {
            if self.long_words() {
                ("high", 0.5)
            } else {
                ("middle", 1.0)
            }
        })
    }

    fn long_words(&self) -> bool {
        self.words >= MIN_WORDS && self.letters as f32 >= LONG_WORDS * self.words as f32
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
            r.add(&Register::of(t, &crate::text::words(t)));
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
        assert_eq!(of(&formal).education(), Some(("master's", 0.5)));
        assert_eq!(of(&formal).words_income(), None);
        assert_eq!(of(&formal[..4]).formal_age(), None);
        let mut lower = formal.to_vec();
        lower.push("  ok sure");
        assert_eq!(of(&lower).formal_age(), None);
        let mut emoji = formal.to_vec();
        emoji.push("Nice one \u{1F600}");
        assert_eq!(of(&emoji).formal_age(), None);
    }

    #[test]
    fn several_texts_can_speak_for_a_middle_age() {
        assert_eq!(of(&["a", "b", "c"]).plain_age(), Some(("36", 0.5)));
        assert_eq!(of(&["a", "b"]).plain_age(), None);
    }

    #[test]
    fn long_words_read_as_schooled() {
        let long = "Institutional considerations regarding sustainability frameworks require \
                    thoughtful interdisciplinary collaboration between organizations.";
        let long = of(&[long; 10]);
        assert_eq!(long.words_income(), Some(("high", 0.5)));
        assert_eq!(long.education(), Some(("master's", 0.5)));
        let short = of(&["I got a new job and it is fun to do but hard on my back."; 10]);
        assert_eq!(short.words_income(), Some(("middle", 1.0)));
        assert_eq!(of(&["Institutional considerations"]).words_income(), None);
    }
}
