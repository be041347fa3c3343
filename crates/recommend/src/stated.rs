//! Preference statements in a user's own words: which terms a sentence says the user wants
//! (`+`) and which it says they reject (`−`). "I have a strong dislike for graphic tees and much
//! prefer solid-colored tops" gives `graphic −, tee −, solid +, color +, top +`; "the paid
//! options are not really my preference" gives `paid −, option −`; "I'm vegetarian" expands to
//! the foods it excludes.

use crate::cues::{
    CONSUME, CONTRAST, FILLER, FIRST_PERSON, IMPLIED_REJECTIONS, NEEDS_OF, NEGATIVE, NEGATORS,
    POSITIVE, RELATIVE, WEAK_NEGATIVE, WEAK_POSITIVE,
};
use crate::kinds::kinds_of;
use crate::terms::{NEGATE_NEXT, NEGATE_ONE, NEGATE_PREVIOUS, is_stopword, stem, words};

/// One sentence that states a preference, with the polarity of each of its terms.
#[derive(Debug, Clone, PartialEq)]
pub struct PreferenceStatement {
    /// The sentence as written.
    pub sentence: String,
    /// (stemmed term, +1 wanted / −1 rejected), in sentence order.
    pub terms: Vec<(String, f32)>,
    /// The words the user wants, joined (for embedding).
    pub wanted: String,
    /// The words the user rejects, joined (for embedding).
    pub rejected: String,
    /// How clearly the sentence is a preference (1 for a first-person statement with a strong
    /// cue such as "I avoid", less for evaluative or impersonal ones).
    pub confidence: f32,
}

impl PreferenceStatement {
    /// The summed polarity of a term in this statement (0 when absent).
    pub fn polarity_of(&self, term: &str) -> f32 {
        self.terms
            .iter()
            .filter(|(t, _)| t == term)
            .map(|(_, p)| p)
            .sum::<f32>()
            .clamp(-1.0, 1.0)
    }

    /// Whether the statement rejects more than it wants.
    pub fn mostly_rejects(&self) -> bool {
        self.terms.iter().map(|(_, p)| p).sum::<f32>() < 0.0
    }
}

/// Sentences longer than this (in words) are instructions or pasted text, not statements.
const MAX_STATEMENT_WORDS: usize = 45;
/// Statements without a first-person word ("the other options seem too passive") must be
/// shorter than this.
const MAX_IMPERSONAL_WORDS: usize = 25;
/// Content words that "without" or "no" reaches ("without any formal certification").
const LOCAL_NEGATION_REACH: usize = 3;
/// Weight of a kind relative to the general word the user said ("cheese" for "dairy").
const KIND_WEIGHT: f32 = 0.8;
/// Weight of category terms relative to property terms.
const CATEGORY_WEIGHT: f32 = 0.25;

/// Splits text into sentences.
pub fn sentences(text: &str) -> Vec<&str> {
    text.split(['.', '!', '?', '\n', ';'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 2)
        .collect()
}

/// Parses every sentence of `text` that states a preference.
pub fn preference_statements(text: &str) -> Vec<PreferenceStatement> {
    let pasted = text.split_whitespace().count() > MAX_CHAT_TURN_WORDS;
    sentences(text)
        .into_iter()
        .filter_map(parse_sentence)
        .map(|mut s| {
            if pasted {
                s.confidence *= PASTED_CONFIDENCE;
            }
            s
        })
        .collect()
}

/// Turns longer than this (in words) are documents or pasted material more than chat.
const MAX_CHAT_TURN_WORDS: usize = 150;
/// Confidence factor of statements found in such turns.
const PASTED_CONFIDENCE: f32 = 0.3;

/// Parses one sentence; `None` when it states no preference.
pub fn parse_sentence(sentence: &str) -> Option<PreferenceStatement> {
    // Options resolved into brackets ("the others [A / B]") are not the user's own words: they
    // do not count toward the length limits, and no clause split happens inside them.
    let all_words = words(&without_brackets(sentence));
    let protected = protect_brackets(sentence);
    let sentence_text = sentence;
    let sentence = protected.as_str();
    let first_person = speaks_for_self(&all_words);
    let strong_cue = all_words.iter().any(|w| {
        [POSITIVE, NEGATIVE, WEAK_NEGATIVE]
            .iter()
            .any(|list| list.contains(&w.as_str()))
    });
    let impersonal_ok = all_words.len() <= MAX_IMPERSONAL_WORDS && strong_cue;
    if all_words.len() > MAX_STATEMENT_WORDS || !(first_person || impersonal_ok) {
        return None;
    }
    let mut terms: Vec<(String, f32)> = Vec::new();
    let mut any_cue = false;
    let segments = sentence
        .split([':', '(', ')'])
        .flat_map(|s| s.split(" but "))
        .flat_map(|s| s.split(", and "))
        .flat_map(|s| s.split(", while "))
        .flat_map(|s| s.split(", so "))
        .flat_map(|s| s.split(" because "))
        .flat_map(|s| s.split(" as "))
        .flat_map(|s| s.split(" since "))
        .flat_map(|s| s.split(" due to "));
    for segment in segments {
        any_cue |= parse_segment(segment, &mut terms);
    }
    let plant_based = all_words
        .windows(2)
        .any(|w| w[0] == "plant" && w[1] == "based");
    let implied: Vec<(String, f32)> = words(sentence)
        .iter()
        .map(|w| {
            if plant_based && w == "plant" {
                "vegan".to_string()
            } else {
                w.clone()
            }
        })
        .filter_map(|w| IMPLIED_REJECTIONS.iter().find(|(k, _)| *k == w))
        .flat_map(|(_, foods)| foods.iter().map(|f| (stem(f), -1.0)))
        .collect();
    if !any_cue && implied.is_empty() {
        return None;
    }
    let implies_rejections = !implied.is_empty();
    terms.extend(implied);
    let covered: Vec<(String, f32)> = terms
        .iter()
        .flat_map(|(t, p)| kinds_of(t).into_iter().map(move |k| (k, p * KIND_WEIGHT)))
        .filter(|(k, _)| !terms.iter().any(|(t, _)| t == k))
        .collect();
    terms.extend(covered);
    terms.retain(|(_, p)| *p != 0.0);
    if terms.is_empty() {
        return None;
    }
    let join = |positive: bool| {
        terms
            .iter()
            .filter(|(_, p)| (*p > 0.0) == positive)
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let confidence = match (first_person, strong_cue || implies_rejections) {
        (true, true) => 1.0,
        (true, false) => 0.6,
        (false, true) if about_options(&all_words) => 0.6,
        (false, true) => IMPERSONAL_CONFIDENCE,
        (false, false) => IMPERSONAL_CONFIDENCE * 0.7,
    } * if quoted(sentence_text) {
        QUOTED_CONFIDENCE
    } else {
        1.0
    } * if asks(&all_words) {
        QUESTION_CONFIDENCE
    } else {
        1.0
    };
    Some(PreferenceStatement {
        sentence: sentence_text.to_string(),
        wanted: join(true),
        rejected: join(false),
        terms,
        confidence,
    })
}

/// Confidence of a statement with a strong cue but no first-person word that is not about the
/// options at hand either ("if the story is too large, break it down"): rarely a preference.
const IMPERSONAL_CONFIDENCE: f32 = 0.25;

/// Whether the words hold a first-person word used as one: "I" after an article or at the end
/// is a letter ("which of the I…"), not the speaker.
fn speaks_for_self(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        FIRST_PERSON.contains(&w.as_str())
            && (w != "i"
                || (i + 1 < words.len()
                    && !i
                        .checked_sub(1)
                        .is_some_and(|p| matches!(words[p].as_str(), "the" | "a" | "an"))))
    })
}

/// Whether the words talk about the options just offered ("the others seem too spicy").
fn about_options(words: &[String]) -> bool {
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "other" | "others" | "option" | "options" | "ones" | "choices" | "alternatives"
        )
    })
}
/// Confidence factor of a sentence holding quotation marks or fill-in blanks: quoted or
/// pasted words ("As a pet owner, I want to ___"), not the user's own.
const QUOTED_CONFIDENCE: f32 = 0.3;

/// Confidence factor of a sentence that asks something ("How can I make layouts limit their
/// size"): it names a task, rarely a taste.
const QUESTION_CONFIDENCE: f32 = 0.5;

/// Whether the words open with a question word.
fn asks(words: &[String]) -> bool {
    words.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "how" | "what" | "why" | "where" | "when" | "which" | "who"
        )
    })
}

/// Whether the sentence quotes someone or is a fill-in exercise.
fn quoted(sentence: &str) -> bool {
    sentence.contains(['"', '“', '”']) || sentence.contains("__")
}

/// The sentence without its bracketed parts.
fn without_brackets(sentence: &str) -> String {
    let mut depth = 0usize;
    sentence
        .chars()
        .filter(|c| {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// The sentence with the separators inside brackets (spaces, colons, parentheses) turned into
/// no-break spaces, so clause splitting leaves bracketed options whole.
fn protect_brackets(sentence: &str) -> String {
    let mut depth = 0usize;
    sentence
        .chars()
        .map(|c| {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                ' ' | ':' | '(' | ')' | ',' if depth > 0 => return '\u{a0}',
                _ => {}
            }
            c
        })
        .collect()
}

/// Adds the segment's terms with polarity; returns whether it held a cue.
fn parse_segment(segment: &str, terms: &mut Vec<(String, f32)>) -> bool {
    let ws = words(segment);
    let mut polarity: Option<f32> = None;
    let mut pending: Vec<(String, f32)> = Vec::new();
    let mut negated_for = 0usize;
    let mut local_sign = 1.0f32;
    let mut local_reach = 0usize;
    let mut cue = false;
    // Terms between the cue and a relative clause name the category ("resources" in "I avoid
    // resources that require a subscription"), not the property the preference is about.
    let mut category_from: Option<usize> = None;
    let mut category_to: Option<usize> = None;
    for (i, w) in ws.iter().enumerate() {
        let w = w.as_str();
        if cue && category_to.is_none() && RELATIVE.contains(&w) {
            category_to = Some(terms.len());
            continue;
        }
        let after_pronoun = i > 0
            && matches!(
                ws[i - 1].as_str(),
                "i" | "really"
                    | "dont"
                    | "do"
                    | "didnt"
                    | "would"
                    | "also"
                    | "we"
                    | "definitely"
                    | "generally"
                    | "usually"
                    | "typically"
                    | "always"
                    | "much"
                    | "actually"
                    | "not"
                    | "doesnt"
                    | "never"
                    | "particularly"
                    | "especially"
                    | "truly"
            );
        // "I only eat", "I exclusively watch": a restriction to what follows.
        let only_this = i > 0
            && matches!(ws[i - 1].as_str(), "only" | "exclusively" | "solely")
            && CONSUME.contains(&w);
        // "I'm into", "not really into": a taste for what follows.
        let into = w == "into" && i > 0 && INTO_AFTER.contains(&ws[i - 1].as_str());
        // "too much", "too many" only intensify ("without too many effects").
        let intensifier = w == "too"
            && ws
                .get(i + 1)
                .is_some_and(|n| matches!(n.as_str(), "much" | "many"));
        if intensifier {
            continue;
        }
        let is_positive = POSITIVE.contains(&w)
            || only_this
            || into
            || (w == "like" && after_pronoun)
            || (!cue && WEAK_POSITIVE.contains(&w));
        let cue_polarity = if is_positive {
            Some(if negated_for > 0 { -1.0 } else { 1.0 })
        } else if negated_for > 0 && CONSUME.contains(&w) {
            // "I don't eat meat", "I can't consume gluten".
            Some(-1.0)
        } else if NEEDS_OF.contains(&w)
            && !ws
                .get(i + 1)
                .is_some_and(|n| matches!(n.as_str(), "of" | "with" | "by"))
        {
            None
        } else if NEGATIVE.contains(&w) || (!cue && WEAK_NEGATIVE.contains(&w)) {
            Some(if negated_for > 0 && w != "stand" {
                1.0
            } else {
                -1.0
            })
        } else {
            None
        };
        let go_with = w == "go" && ws.get(i + 1).is_some_and(|n| n == "with");
        let cue_polarity = if go_with { Some(1.0) } else { cue_polarity };
        negated_for = negated_for.saturating_sub(1);
        if let Some(p) = cue_polarity {
            local_sign = 1.0;
            local_reach = 0;
            if !cue {
                terms.extend(pending.drain(..).map(|(t, s)| (t, s * p)));
            }
            category_from = Some(terms.len());
            category_to = None;
            cue = true;
            polarity = Some(p);
            continue;
        }
        if NEGATORS.contains(&w) {
            // After a cue, a negation inside its object flips it: "I avoid workshops that do
            // not offer hands-on practice" wants hands-on practice.
            if cue {
                polarity = polarity.map(|p| -p);
            }
            negated_for = 5;
            continue;
        }
        let paired = i > 0
            && matches!(
                (ws[i - 1].as_str(), w),
                ("rather", "than") | ("instead", "of")
            );
        // "more than two hours" compares a quantity; it does not contrast two things.
        let quantity = w == "than" && ws.get(i + 1).is_some_and(|n| is_number(n));
        if CONTRAST.contains(&w) && !paired && !quantity {
            polarity = polarity.map(|p| -p);
            continue;
        }
        if NEGATE_ONE.contains(&w) {
            local_sign = -1.0;
            local_reach = 1;
            continue;
        }
        if NEGATE_NEXT.contains(&w) {
            local_sign = -1.0;
            local_reach = LOCAL_NEGATION_REACH;
            negated_for = 2;
            continue;
        }
        if NEGATE_PREVIOUS.contains(&w) {
            if let Some(last) = terms.last_mut().filter(|_| polarity.is_some()) {
                last.1 = -last.1;
            } else if let Some(last) = pending.last_mut() {
                last.1 = -last.1;
            }
            continue;
        }
        if is_stopword(w) || FILLER.contains(&w) {
            continue;
        }
        let sign = local_sign;
        local_reach = local_reach.saturating_sub(1);
        if local_reach == 0 {
            local_sign = 1.0;
        }
        match polarity {
            Some(p) => terms.push((stem(w), p * sign)),
            None => pending.push((stem(w), sign)),
        }
    }
    if let (Some(from), Some(to)) = (category_from, category_to) {
        terms[from..to]
            .iter_mut()
            .for_each(|(_, p)| *p *= CATEGORY_WEIGHT);
    }
    cue
}

/// Words after which "into" states a taste ("I'm into jazz", "not really into sci-fi").
const INTO_AFTER: &[&str] = &[
    "im", "really", "not", "am", "big", "very", "totally", "more",
];

/// Whether a word is a number, in digits or spelled out.
fn is_number(word: &str) -> bool {
    word.parse::<f32>().is_ok()
        || matches!(
            word,
            "a" | "an"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "twenty"
                | "thirty"
                | "fifty"
                | "hundred"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polarity(sentence: &str, term: &str) -> f32 {
        parse_sentence(sentence).map_or(0.0, |s| s.polarity_of(&stem(term)))
    }

    #[test]
    fn dislike_then_prefer() {
        let s = "I have a strong dislike for graphic tees and much prefer solid-colored tops.";
        assert_eq!(polarity(s, "graphic"), -1.0);
        assert_eq!(polarity(s, "solid"), 1.0);
    }

    #[test]
    fn cue_after_the_object() {
        let s = "The paid options are not really my preference at the moment";
        assert_eq!(polarity(s, "paid"), -1.0);
    }

    #[test]
    fn prefer_over_flips() {
        let s = "I prefer animated shows over live-action ones";
        assert_eq!(polarity(s, "animated"), 1.0);
        assert_eq!(polarity(s, "live"), -1.0);
    }

    #[test]
    fn gluten_free_is_wanted_absence() {
        assert_eq!(polarity("I strictly avoid gluten", "gluten"), -1.0);
        assert_eq!(
            polarity("I always choose gluten-free dishes", "gluten"),
            -1.0
        );
    }

    #[test]
    fn vegetarian_rejects_meat() {
        assert_eq!(polarity("I'm vegetarian", "steak"), -1.0);
        assert!(parse_sentence("What time is it in Rome").is_none());
    }
}
