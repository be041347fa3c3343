//! Word lists the grammar consults. All entries are lowercase single tokens unless noted.

/// Words that make a sentence conditional or hypothetical.
pub const CONDITIONS: &[&str] = &["if", "imagine", "suppose", "unless", "whether", "wish"];

/// Words that start a question.
pub const QUESTION_STARTS: &[&str] = &[
    "any", "anything", "are", "aren't", "can", "could", "did", "didn't", "do", "does", "doesn't",
    "don't", "has", "have", "how", "is", "isn't", "may", "shall", "should", "was", "were", "what",
    "what's", "whats", "when", "where", "which", "who", "why", "will", "would",
];

/// Conjunctions that may start a new clause.
pub const JOINERS: &[&str] = &[
    "also", "although", "and", "as", "because", "but", "cause", "cuz", "now", "or", "plus",
    "since", "so", "that", "then", "though", "until", "when", "whereas", "which", "while", "yet",
];

/// Words that start a new subject.
pub const SUBJECTS: &[&str] = &[
    "are", "can", "did", "do", "does", "have", "he", "her", "his", "how", "how's", "i", "is", "it",
    "it's", "mine", "my", "our", "she", "that", "that's", "their", "there", "there's", "they",
    "this", "we", "what", "what's", "whats", "where", "where's", "who", "who's", "why", "will",
    "would", "you", "your",
];

/// Interjections and discourse words dropped at the start of a clause.
pub const LEADING_FILLERS: &[&str] = &[
    "absolutely",
    "actually",
    "ah",
    "alright",
    "also",
    "although",
    "and",
    "anyway",
    "anyways",
    "as",
    "aw",
    "awesome",
    "basically",
    "because",
    "btw",
    "but",
    "cause",
    "cool",
    "cuz",
    "definitely",
    "exactly",
    "fortunately",
    "funny",
    "good",
    "great",
    "ha",
    "haha",
    "hahaha",
    "heh",
    "hehe",
    "hello",
    "hey",
    "hi",
    "hmm",
    "honestly",
    "hopefully",
    "indeed",
    "just",
    "lately",
    "like",
    "literally",
    "lol",
    "luckily",
    "nah",
    "nice",
    "no",
    "nope",
    "now",
    "obviously",
    "oh",
    "ok",
    "okay",
    "omg",
    "ooh",
    "oops",
    "or",
    "personally",
    "plus",
    "really",
    "right",
    "sadly",
    "since",
    "so",
    "speaking",
    "still",
    "sure",
    "thanks",
    "then",
    "though",
    "totally",
    "true",
    "uh",
    "um",
    "unfortunately",
    "well",
    "while",
    "wow",
    "ya",
    "yeah",
    "yep",
    "yes",
    "yet",
    "yup",
];

/// Adverbs and fillers dropped anywhere in a clause.
pub const INNER_FILLERS: &[&str] = &[
    "absolutely",
    "actually",
    "also",
    "anyway",
    "basically",
    "certainly",
    "definitely",
    "haha",
    "hahaha",
    "honestly",
    "just",
    "kinda",
    "literally",
    "lol",
    "personally",
    "really",
    "seriously",
    "sorta",
    "totally",
    "truly",
];

/// Words that, after "I", hedge what follows ("I think I might …").
pub const HEDGE_VERBS: &[&str] = &["believe", "feel", "guess", "reckon", "suppose", "think"];

/// Words that lower confidence anywhere in a clause.
pub const HEDGES: &[&str] = &[
    "hopefully",
    "maybe",
    "might",
    "perhaps",
    "possibly",
    "probably",
];

/// Verbs right after "I" that make the clause talk, not reveal ("I see", "I agree").
pub const CHAT_VERBS: &[&str] = &[
    "agree",
    "apologize",
    "appreciate",
    "asked",
    "believe",
    "bet",
    "can",
    "could",
    "did",
    "enjoy",
    "feel",
    "forgot",
    "guess",
    "hear",
    "heard",
    "hope",
    "imagine",
    "know",
    "like",
    "love",
    "may",
    "mean",
    "meant",
    "might",
    "must",
    "prefer",
    "remember",
    "said",
    "saw",
    "see",
    "shall",
    "should",
    "suppose",
    "thank",
    "think",
    "told",
    "totally",
    "understand",
    "understood",
    "was",
    "wish",
    "wonder",
    "would",
];

/// What may follow "I am" in talk rather than a fact ("I'm sorry", "I'm sure").
pub const CHAT_STATES: &[&str] = &[
    "about",
    "afraid",
    "all",
    "back",
    "certain",
    "curious",
    "definitely",
    "doing",
    "down",
    "envious",
    "excited",
    "fine",
    "glad",
    "going",
    "good",
    "great",
    "happy",
    "here",
    "honored",
    "hoping",
    "impressed",
    "jealous",
    "jk",
    "joking",
    "just",
    "kidding",
    "looking",
    "not",
    "ok",
    "okay",
    "on",
    "planning",
    "pleased",
    "positive",
    "really",
    "relieved",
    "so",
    "sorry",
    "still",
    "sure",
    "there",
    "thinking",
    "thrilled",
    "too",
    "very",
    "well",
    "with",
    "wondering",
];

/// Objects that only point back ("I love it"): nothing to learn on their own.
pub const ANAPHORS: &[&str] = &[
    "it", "one", "same", "so", "that", "the", "them", "there", "these", "this", "those", "too",
    "what", "which", "you", "yours",
];

/// Words whose presence means the clause is about the other speaker.
pub const SECOND_PERSON: &[&str] = &[
    "u",
    "ur",
    "y'all",
    "yall",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Determiners dropped from values.
pub const DETERMINERS: &[&str] = &["a", "an", "any", "my", "our", "some", "the"];

mod nouns;
mod verbs;

pub use nouns::*;
pub use verbs::*;

/// Word classes the clause splitter and cleaner test on every token, looked up once per token
/// (see [`classes_of`]).
pub mod class {
    /// [`super::CONDITIONS`].
    pub const CONDITION: u16 = 1;
    /// Modal verbs of a consequent.
    pub const MODAL: u16 = 1 << 1;
    /// [`super::QUESTION_STARTS`].
    pub const QUESTION_START: u16 = 1 << 2;
    /// Words after which a mid-sentence "I" does not start a clause.
    pub const KEEPS_I: u16 = 1 << 3;
    /// [`super::JOINERS`].
    pub const JOINER: u16 = 1 << 4;
    /// [`super::SUBJECTS`].
    pub const SUBJECT: u16 = 1 << 5;
    /// [`super::SECOND_PERSON`].
    pub const SECOND_PERSON: u16 = 1 << 6;
    /// [`super::HEDGES`].
    pub const HEDGE: u16 = 1 << 7;
    /// Words that end the useful part of a clause.
    pub const TAIL_START: u16 = 1 << 8;
    /// [`super::INNER_FILLERS`].
    pub const INNER_FILLER: u16 = 1 << 9;
    /// [`super::LEADING_FILLERS`].
    pub const LEADING_FILLER: u16 = 1 << 10;
}

/// The classes of a lowercase word (a bit set of [`class`] constants).
pub fn classes_of(lower: &str) -> u16 {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, u16>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&str], u16); 11] = [
            (CONDITIONS, class::CONDITION),
            (crate::clauses::MODALS, class::MODAL),
            (QUESTION_STARTS, class::QUESTION_START),
            (crate::clauses::KEEPS_I, class::KEEPS_I),
            (JOINERS, class::JOINER),
            (SUBJECTS, class::SUBJECT),
            (SECOND_PERSON, class::SECOND_PERSON),
            (HEDGES, class::HEDGE),
            (crate::clean::TAIL_STARTS, class::TAIL_START),
            (INNER_FILLERS, class::INNER_FILLER),
            (LEADING_FILLERS, class::LEADING_FILLER),
        ];
        let mut table = std::collections::HashMap::new();
        for (list, bit) in lists {
            for word in list {
                *table.entry(*word).or_insert(0) |= bit;
            }
        }
        table
    });
    table.get(lower).copied().unwrap_or(0)
}

/// Whether `word` is in `list`. Every word list is kept sorted so this is a binary search.
pub fn has(list: &[&str], word: &str) -> bool {
    debug_assert!(list.is_sorted(), "word list not sorted: {list:?}");
    list.binary_search(&word).is_ok()
}
