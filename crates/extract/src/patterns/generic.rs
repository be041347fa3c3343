//! The fallback: any other informative first-person statement ("I drove 1000 miles to see a
//! band") is kept as said, with a facet chosen by its verb, so nothing the user reveals is lost.

use rapport_core::Facet;

use super::{Found, Reading, only_anaphors};
use crate::lexicon::{self, has};
use crate::render::{key_text, value_text};

/// Verbs of leisure: the clause is an interest.
const LEISURE: &[&str] = &[
    "bake",
    "bike",
    "build",
    "camp",
    "climb",
    "collect",
    "cook",
    "cycle",
    "dance",
    "draw",
    "exercise",
    "fish",
    "garden",
    "go",
    "hike",
    "hunt",
    "knit",
    "listen",
    "make",
    "paint",
    "play",
    "played",
    "practice",
    "read",
    "run",
    "sew",
    "shop",
    "sing",
    "ski",
    "surf",
    "swim",
    "train",
    "travel",
    "traveled",
    "visit",
    "visited",
    "volunteer",
    "watch",
    "went",
    "write",
];
/// Verbs of habit: the clause is a routine.
const HABITS: &[&str] = &[
    "commute", "drink", "drive", "eat", "meditate", "pray", "sleep", "smoke", "spend", "take",
    "use", "wake", "walk", "wear",
];
const OWNING: &[&str] = &["adopted", "bought", "drive", "got", "had", "have", "own"];
const PLANNING: &[&str] = &["hope", "need", "plan", "planned", "want", "wanted", "will"];
const LIKING: &[&str] = &[
    "adore", "enjoy", "enjoyed", "hate", "like", "liked", "love", "loved", "prefer",
];
/// Verbs of who one is (where one lives and comes from, work, study, marriage): the clause
/// belongs with the identity facts ("Moved from their home country."), as does "I am a …"
/// ("Is a reader.").
const BEING: &[&str] = &[
    "born",
    "divorced",
    "graduated",
    "grew",
    "live",
    "lived",
    "living",
    "married",
    "moved",
    "raised",
    "retired",
    "studied",
    "study",
    "studying",
    "work",
    "worked",
    "working",
];

/// Words a statement cannot end with: a cut left them dangling.
const DANGLING: &[&str] = &[
    "a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "by", "far", "for", "from",
    "get", "go", "how", "i", "in", "into", "is", "like", "more", "most", "my", "of", "on", "or",
    "our", "so", "some", "the", "to", "very", "was", "who've", "with",
];

/// Predicates this long say more than a fact; they are cut.
const MAX_WORDS: usize = 10;

/// First words after "I" that start talk, episodes or modal musings rather than facts about
/// the speaker ("I can't complain", "I thought so", "I decided to go").
const EPISODIC: &[&str] = &[
    "bet",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "decided",
    "didn't",
    "find",
    "get",
    "guess",
    "hadn't",
    "haven't",
    "may",
    "mean",
    "might",
    "must",
    "need",
    "once",
    "should",
    "shouldn't",
    "sure",
    "thought",
    "tried",
    "try",
    "wanted",
    "won't",
    "would",
    "wouldn't",
];

/// Object pronouns: the clause leans on the conversation for its meaning.
const POINTERS: &[&str] = &[
    "him", "it", "one", "that", "them", "there", "these", "this", "those",
];

/// Whether a word is an object pronoun that points back into the conversation.
pub(crate) fn is_pointer(word: &str) -> bool {
    has(POINTERS, word)
}

/// Whether the "that" at `i` starts a relative clause after a noun ("charities that help the
/// poor") rather than pointing back ("I love that", "I did that too"): a noun before it, not a
/// verb, a preposition or a determiner, and a verb or subject after it.
fn relative_that(pred: &[crate::tokenize::Token], i: usize) -> bool {
    let (Some(before), Some(after)) = (i.checked_sub(1).and_then(|b| pred.get(b)), pred.get(i + 1))
    else {
        return false;
    };
    let w = before.lower.as_str();
    pred[i].lower == "that"
        && i >= 2
        && before.kind == crate::tokenize::TokenKind::Word
        && !has(lexicon::VERBS, w)
        && !has(lexicon::PAST_VERBS, w)
        && !has(super::PHRASE_ENDS, w)
        && !has(lexicon::DETERMINERS, w)
        && !has(&["am", "be", "is", "like", "of", "was"], w)
        && !w.ends_with("ed")
        && (has(lexicon::VERBS, &after.lower)
            || has(lexicon::PAST_VERBS, &after.lower)
            || matches!(
                after.lower.as_str(),
                "i" | "is" | "are" | "was" | "were" | "we"
            ))
}

/// "I'd love to see a photo!", "I'd like to hear more": asking the other party to show or
/// tell, not a wish.
pub(crate) fn asks_to_be_shown(r: &Reading<'_>) -> bool {
    r.w(0) == "would"
        && r.is(1, &["like", "love"])
        && r.is(2, &["to"])
        && super::activity::is_a_request(r.rest(3))
}

/// Whether the predicate is conversation rather than a fact ("I see", "I'm sorry").
pub(crate) fn is_chat(r: &Reading<'_>) -> bool {
    chat_reason(r).is_some()
}

/// Why the predicate is conversation rather than a fact, if it is.
pub(crate) fn chat_reason(r: &Reading<'_>) -> Option<&'static str> {
    if is_inside_a_noun_phrase(r) {
        return Some("relative");
    }
    let verb = r.w(0);
    let first = r.clause.get(1).map(|t| t.lower.as_str()).unwrap_or("");
    // "I try to eat healthy" is a habit, "I tried to call" an episode.
    let habit = first == "try" && r.is(1, &["to"]);
    if has(EPISODIC, first) && !(first == "would" && r.is(1, &["like", "love"])) && !habit {
        return Some("episodic");
    }
    if first == "will" && r.time.is_none() {
        return Some("will");
    }
    if r.pred
        .iter()
        .enumerate()
        .any(|(i, t)| has(POINTERS, &t.lower) && !relative_that(&r.pred, i))
    {
        return Some("pointer");
    }
    // "I would love." after its object was cut: a wish of nothing.
    if verb == "would" && r.pred.len() <= 2 {
        return Some("would");
    }
    if asks_to_be_shown(r) {
        return Some("request");
    }
    if r.pred.is_empty() || only_anaphors(&r.pred) || only_anaphors(r.rest(1)) {
        return Some("anaphor");
    }
    if verb == "was" && is_childhood(r) {
        return Some("childhood");
    }
    if verb == "am" || verb == "was" {
        if r.pred.len() < 2 {
            return Some("state");
        }
        // "I am very active": the word after the intensifier says whether it is talk.
        let s = if r.pred.len() > 2
            && (r.is(1, &["very"]) || r.is(1, &["pretty", "quite", "really", "so", "super", "too"]))
        {
            2
        } else {
            1
        };
        let fact = match r.w(s) {
            "good" | "great" | "bad" | "terrible" => r.is(s + 1, &["at", "with"]),
            "going" => !r.is(s + 1, &["to"]) && r.pred.len() > s + 1,
            "looking" => r.is(s + 1, &["for", "into", "at"]),
            "on" => r.pred.len() > s + 1,
            "doing" => {
                !r.is(
                    s + 1,
                    &[
                        "well", "good", "great", "fine", "ok", "okay", "alright", "better",
                        "pretty", "so", "very", "much", "nothing", "that", "it", "this", "the",
                        "same",
                    ],
                ) && r.pred.len() > s + 1
            }
            _ => false,
        };
        return (has(lexicon::CHAT_STATES, r.w(s)) && !fact).then_some("state");
    }
    if verb == "can" || verb == "could" {
        return has(
            &[
                "believe",
                "do",
                "get",
                "go",
                "help",
                "imagine",
                "only",
                "relate",
                "say",
                "see",
                "tell",
                "understand",
                "wait",
            ],
            r.w(1),
        )
        .then_some("can");
    }
    if verb == "have"
        && has(
            &["always", "been", "heard", "never", "no", "seen", "to"],
            r.w(1),
        )
    {
        return (r.w(1) == "to" || r.w(1) == "heard" || r.w(1) == "no").then_some("have");
    }
    // "I know how to sew", "I don't know much about fishing" say what the speaker knows.
    let knowing = verb == "know" && has(&["a", "how", "little", "lot", "much", "nothing"], r.w(1));
    let past_state = verb == "was" && r.pred.len() >= 3;
    let wanting = verb == "would" && r.is(1, &["like", "love"]);
    let exception = knowing || past_state || wanting;
    (has(lexicon::CHAT_VERBS, verb) && !exception).then_some("chatverb")
}

/// "The town I grew up in was …", "the school I went to is closing": the "I …" clause is a
/// relative clause inside the sentence's subject; a stranded preposition is followed by the
/// main verb, and what the clause says about the speaker has no object.
fn is_inside_a_noun_phrase(r: &Reading<'_>) -> bool {
    const MAIN_VERBS: &[&str] = &["are", "has", "is", "was", "were"];
    r.pred
        .windows(2)
        .any(|w| has(crate::relative::STRANDED, &w[0].lower) && has(MAIN_VERBS, &w[1].lower))
}

/// Whether a verb names a pastime or a habit ("play", "smoke").
pub(crate) fn is_activity_verb(verb: &str) -> bool {
    has(LEISURE, verb) || has(HABITS, verb)
}

/// "(when) I was a kid / little / younger": a time of life, not a fact.
fn is_childhood(r: &Reading<'_>) -> bool {
    const STAGES: &[&str] = &[
        "baby",
        "boy",
        "child",
        "girl",
        "kid",
        "little",
        "small",
        "teen",
        "teenager",
        "toddler",
        "young",
        "younger",
        "youngster",
    ];
    let stage = if r.is(1, &["a", "an"]) { 2 } else { 1 };
    r.pred.len() == stage + 1 && has(STAGES, r.w(stage))
}

/// Whether a clause ends with a word a cut left dangling ("… in the shop for a").
pub(crate) fn ends_dangling(clause: &[crate::tokenize::Token]) -> bool {
    clause.last().is_some_and(|t| has(DANGLING, &t.lower))
}

/// Why the fallback (or a pattern before it) dropped an "I …" clause: the chat filter's reason,
/// a predicate too short, a dangling last word, or "other".
pub(crate) fn drop_reason(r: &Reading<'_>) -> &'static str {
    if let Some(why) = chat_reason(r) {
        why
    } else if r.pred.len() < 2 {
        "short"
    } else if ends_dangling(r.clause) {
        "dangling"
    } else {
        "other"
    }
}

/// The facet of a statement kept as said, by its verb.
pub(crate) fn facet_of(r: &Reading<'_>) -> Facet {
    // "I have always wanted to …" goes by "wanted"; "I have got a bike" by "got".
    let at = usize::from(
        has(&["had", "has", "have"], r.w(0))
            && lexicon::is_participle(r.w(1))
            && !has(&["got", "gotten"], r.w(1)),
    );
    let verb = r.w(at);
    // "I have to finish a report", "I need to rest": a task, not a possession.
    let obliged = r.is(at + 1, &["to"]) && has(&["got", "had", "have", "need"], verb);
    if has(LIKING, verb) {
        Facet::Preference
    } else if obliged {
        Facet::Goal
    } else if has(OWNING, verb) && names_something_owned(r, at) {
        Facet::Possession
    } else if has(PLANNING, verb) || verb == "am" && r.is(at + 1, &["going", "planning"]) {
        Facet::Goal
    } else if has(LEISURE, verb) {
        Facet::Interest
    } else if has(HABITS, verb) {
        Facet::Routine
    } else if has(BEING, verb)
        || verb == "was" && r.is(at + 1, &["born", "raised"])
        || has(&["am", "was"], verb) && r.is(at + 1, &["a", "an"])
    {
        Facet::Identity
    } else {
        // Experiences, feelings, opinions: "Felt accepted.", "Is grateful for the support."
        Facet::Other
    }
}

/// Whether a statement on an owning verb names something owned ("I got a new bike"), not a
/// perfect tense ("I have been painting"), an episode ("I had a great time", "I got the chance
/// to …") or a change of state ("I got into a bad spot").
fn names_something_owned(r: &Reading<'_>, verb_at: usize) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "at", "back", "from", "in", "into", "on", "out", "over", "to", "up", "with",
    ];
    let next = r.w(verb_at + 1);
    let perfect = lexicon::is_participle(next) && !has(&["got", "gotten"], next);
    !perfect
        && !has(PREPOSITIONS, next)
        && !r
            .rest(verb_at + 1)
            .iter()
            .take(4)
            .any(|t| super::possession::is_not_owned(&t.lower))
}

/// The generic fallback on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    if is_chat(r) || r.pred.len() < 2 && !has(LEISURE, r.w(0)) {
        return None;
    }
    let pred = &r.pred[..r.pred.len().min(MAX_WORDS)];
    let mut f = Found::new(
        facet_of(r),
        format!("said:{}", key_text(pred)),
        value_text(pred),
    );
    f.strength = 0.5;
    if r.pred.len() > MAX_WORDS {
        let mut clause = r.clause.to_vec();
        clause.truncate(MAX_WORDS + 1 + usize::from(r.negated));
        while clause.last().is_some_and(|t| has(DANGLING, &t.lower)) {
            clause.pop();
        }
        // "… a beach outing to have [fun]": an infinitive cut before its object goes too.
        let n = clause.len();
        // Not "… get back to riding": there "to" is a preposition.
        if n > 4 && clause[n - 2].lower == "to" && !clause[n - 1].lower.ends_with("ing") {
            clause.truncate(n - 2);
        }
        f.statement = Some(crate::render::sentence(&crate::render::join(&clause)));
    }
    if ends_dangling(r.clause) && f.statement.is_none() {
        return None;
    }
    Some(f)
}
