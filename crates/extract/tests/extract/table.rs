//! The table of tricky sentences (negation, questions, others' facts, changes, hedges, times,
//! and how a clause is cleaned: fillers, stance, run-ons, degree words, cut-off ends) and the
//! first fact each yields; the rows about what a life holds (constraints, routines, places,
//! people, household, work, family) are in `table_life.rs`.

use rapport_core::{Facet, Polarity};
use rapport_extract::{Tense, extract};

use crate::support::day;

/// (sentence, expected first fact: facet, key, value, polarity, tense, statement), or `None`
/// when the sentence states nothing about its speaker.
pub(crate) type Row = (
    &'static str,
    Option<(
        Facet,
        &'static str,
        &'static str,
        Polarity,
        Tense,
        &'static str,
    )>,
);

const TABLE: &[Row] = &[
    (
        "I have a jeep.",
        Some((
            Facet::Possession,
            "owns:jeep",
            "jeep",
            Polarity::Positive,
            Tense::Current,
            "I have a jeep.",
        )),
    ),
    (
        "I don't eat meat.",
        Some((
            Facet::Preference,
            "eats:meat",
            "meat",
            Polarity::Negative,
            Tense::Current,
            "I don't eat meat.",
        )),
    ),
    (
        "I'm vegetarian.",
        Some((
            Facet::Preference,
            "diet:vegetarian",
            "vegetarian",
            Polarity::Positive,
            Tense::Current,
            "I am vegetarian.",
        )),
    ),
    ("Do you like jazz?", None),
    ("Would you ever go skydiving?", None),
    ("If I were rich I would buy a boat.", None),
    ("I wish I had a cat.", None),
    ("I see, I agree with you.", None),
    (
        "My friend loves golf.",
        Some((
            Facet::Relationship,
            "person:friend",
            "loves golf",
            Polarity::Positive,
            Tense::Current,
            "My friend loves golf.",
        )),
    ),
    (
        "My sister Ana is a nurse.",
        Some((
            Facet::Relationship,
            "person:sister",
            "is a nurse",
            Polarity::Positive,
            Tense::Current,
            "My sister Ana is a nurse.",
        )),
    ),
    (
        "I used to live in Ohio.",
        Some((
            Facet::Identity,
            "location.city",
            "Ohio",
            Polarity::Positive,
            Tense::Past,
            "I used to live in Ohio.",
        )),
    ),
    (
        "I quit smoking.",
        Some((
            Facet::Routine,
            "does:smoking",
            "smoking",
            Polarity::Negative,
            Tense::Ended,
            "I quit smoking.",
        )),
    ),
    (
        "I moved to Denver last month.",
        Some((
            Facet::Identity,
            "location.city",
            "Denver",
            Polarity::Positive,
            Tense::Current,
            "I live in Denver.",
        )),
    ),
    (
        "I don't like jazz anymore.",
        Some((
            Facet::Preference,
            "likes:jazz",
            "jazz",
            Polarity::Negative,
            Tense::Ended,
            "I don't like jazz anymore.",
        )),
    ),
    (
        "I prefer tea over coffee.",
        Some((
            Facet::Preference,
            "prefers:tea",
            "tea over coffee",
            Polarity::Positive,
            Tense::Current,
            "I prefer tea over coffee.",
        )),
    ),
    (
        "I hate mushrooms.",
        Some((
            Facet::Preference,
            "dislikes:mushrooms",
            "mushrooms",
            Polarity::Positive,
            Tense::Current,
            "I hate mushrooms.",
        )),
    ),
    (
        "I have a strong aversion to seafood.",
        Some((
            Facet::Preference,
            "dislikes:seafood",
            "seafood",
            Polarity::Positive,
            Tense::Current,
            "I have a strong aversion to seafood.",
        )),
    ),
    (
        "I have a real passion for baking.",
        Some((
            Facet::Preference,
            "likes:baking",
            "baking",
            Polarity::Positive,
            Tense::Current,
            "I have a real passion for baking.",
        )),
    ),
    (
        "I'm allergic to peanuts.",
        Some((
            Facet::Preference,
            "allergy:peanuts",
            "peanuts",
            Polarity::Positive,
            Tense::Current,
            "I am allergic to peanuts.",
        )),
    ),
    (
        "Well, I actually enjoy hiking, haha.",
        Some((
            Facet::Interest,
            "likes:hiking",
            "hiking",
            Polarity::Positive,
            Tense::Current,
            "I enjoy hiking.",
        )),
    ),
    (
        "I'm a computer programmer.",
        Some((
            Facet::Identity,
            "occupation",
            "computer programmer",
            Polarity::Positive,
            Tense::Current,
            "I am a computer programmer.",
        )),
    ),
    (
        "I'm from new england.",
        Some((
            Facet::Identity,
            "location.hometown",
            "New England",
            Polarity::Positive,
            Tense::Current,
            "I am from New England.",
        )),
    ),
    (
        "I'm 34 years old.",
        Some((
            Facet::Identity,
            "age",
            "34",
            Polarity::Positive,
            Tense::Current,
            "I am 34 years old.",
        )),
    ),
    (
        "I have two kids.",
        Some((
            Facet::Identity,
            "family.children",
            "2",
            Polarity::Positive,
            Tense::Current,
            "I have two kids.",
        )),
    ),
    (
        "I have a dog named Rex.",
        Some((
            Facet::Possession,
            "pet.dog",
            "Rex",
            Polarity::Positive,
            Tense::Current,
            "I have a dog named Rex.",
        )),
    ),
    (
        "I play guitar.",
        Some((
            Facet::Interest,
            "plays:guitar",
            "guitar",
            Polarity::Positive,
            Tense::Current,
            "I play guitar.",
        )),
    ),
    (
        "I run every morning.",
        Some((
            Facet::Routine,
            "routine:run every morning",
            "run every morning",
            Polarity::Positive,
            Tense::Current,
            "I run every morning.",
        )),
    ),
    (
        "I want to learn Spanish.",
        Some((
            Facet::Goal,
            "goal:learn spanish",
            "learn Spanish",
            Polarity::Positive,
            Tense::Current,
            "I want to learn Spanish.",
        )),
    ),
    (
        "I drove 1,000 miles to see a band!",
        Some((
            Facet::Other,
            "said:drove 1000 miles to see band",
            "drove 1000 miles to see a band",
            Polarity::Positive,
            Tense::Current,
            "I drove 1000 miles to see a band.",
        )),
    ),
    // One subject, two predicates: the second is read as its own clause.
    (
        "I'm a reader and go through a novel each week.",
        Some((
            Facet::Identity,
            "said:am reader",
            "am a reader",
            Polarity::Positive,
            Tense::Current,
            "I am a reader.",
        )),
    ),
    // "I haven't tried …" is a perfect tense, not a possession; "that" leans on the talk.
    ("I haven't tried that yet.", None),
    // An emphatic "do" needs a verb after it: "I do karate" is not "I karate".
    (
        "I do karate.",
        Some((
            Facet::Other,
            "said:do karate",
            "do karate",
            Polarity::Positive,
            Tense::Current,
            "I do karate.",
        )),
    ),
    // Intensified states: "very active" is a trait, "so sorry" is talk.
    (
        "I am very active.",
        Some((
            Facet::Other,
            "said:am active",
            "am active",
            Polarity::Positive,
            Tense::Current,
            "I am active.",
        )),
    ),
    ("I am so sorry.", None),
    ("I'm doing well.", None),
    // The speaker's stance in the conversation, not a fact about them.
    ("Honestly I have no idea.", None),
    ("I love the idea of a road trip.", None),
    ("I am the same way with coffee.", None),
    ("I got pretty lucky.", None),
    ("I am waiting to see what the vet says.", None),
    (
        "I'm good at math.",
        Some((
            Facet::Other,
            "said:am good at math",
            "am good at math",
            Polarity::Positive,
            Tense::Current,
            "I am good at math.",
        )),
    ),
    // A favorite with no stated kind, and one of several favorites.
    (
        "My favorite would have to be Indian food.",
        Some((
            Facet::Preference,
            "likes:indian food",
            "Indian food",
            Polarity::Positive,
            Tense::Current,
            "My favorite is Indian food.",
        )),
    ),
    (
        "FFDP is one of my all time favorite bands!",
        Some((
            Facet::Preference,
            "likes:ffdp",
            "FFDP",
            Polarity::Positive,
            Tense::Current,
            "FFDP is one of my all time favorite bands.",
        )),
    ),
    // A casual sentence without its "I"; not when it asks or only points back.
    (
        "Love going to the beach still though.",
        Some((
            Facet::Interest,
            "likes:going to beach",
            "going to the beach",
            Polarity::Positive,
            Tense::Current,
            "I love going to the beach.",
        )),
    ),
    ("Love it!", None),
    ("Love going to the beach?", None),
    // A run-on clause about the other speaker is cut off, not the whole sentence dropped.
    (
        "I live near the beach you would love it.",
        Some((
            Facet::Identity,
            "said:live near beach",
            "live near the beach",
            Polarity::Positive,
            Tense::Current,
            "I live near the beach.",
        )),
    ),
    ("I think you would love it.", None),
    // A clause cut before "so" does not keep the dangling joiner.
    (
        "I'm a car salesman so if he ever needs a new vehicle let me know!",
        Some((
            Facet::Identity,
            "occupation",
            "car salesman",
            Polarity::Positive,
            Tense::Current,
            "I am a car salesman.",
        )),
    ),
    // Degree and frequency adverbs and an emphatic "do" are left out of the statement.
    (
        "I am very passionate about baking bread.",
        Some((
            Facet::Interest,
            "likes:baking bread",
            "baking bread",
            Polarity::Positive,
            Tense::Current,
            "I like baking bread.",
        )),
    ),
    (
        "I'm a big fan of the Lakers.",
        Some((
            Facet::Preference,
            "likes:lakers",
            "Lakers",
            Polarity::Positive,
            Tense::Current,
            "I like the Lakers.",
        )),
    ),
    (
        "I do like spicy ramen.",
        Some((
            Facet::Preference,
            "likes:spicy ramen",
            "spicy ramen",
            Polarity::Positive,
            Tense::Current,
            "I like spicy ramen.",
        )),
    ),
    (
        "I have always wanted to visit Japan.",
        Some((
            Facet::Goal,
            "said:have wanted to visit japan",
            "have wanted to visit Japan",
            Polarity::Positive,
            Tense::Current,
            "I have wanted to visit Japan.",
        )),
    ),
    // "so far" and a dangling "like" add nothing.
    (
        "I have had three motorcycles so far.",
        Some((
            Facet::Possession,
            "said:have had three motorcycles",
            "have had three motorcycles",
            Polarity::Positive,
            Tense::Current,
            "I have had three motorcycles.",
        )),
    ),
    ("I want something like that.", None),
    // A health matter is not a possession (and is sensitive).
    (
        "I have celiac disease.",
        Some((
            Facet::Other,
            "said:have celiac disease",
            "have celiac disease",
            Polarity::Positive,
            Tense::Current,
            "I have celiac disease.",
        )),
    ),
    // A perfect tense, an episode or a change of state is not a possession.
    (
        "I had a wicked day out with the gang.",
        Some((
            Facet::Other,
            "said:had wicked day out with gang",
            "had a wicked day out with the gang",
            Polarity::Positive,
            Tense::Current,
            "I had a wicked day out with the gang.",
        )),
    ),
    (
        "I have been busy painting.",
        Some((
            Facet::Other,
            "said:have been busy painting",
            "have been busy painting",
            Polarity::Positive,
            Tense::Current,
            "I have been busy painting.",
        )),
    ),
    (
        "I got into a bad spot with some people.",
        Some((
            Facet::Other,
            "said:got into bad spot with people",
            "got into a bad spot with people",
            Polarity::Positive,
            Tense::Current,
            "I got into a bad spot with people.",
        )),
    ),
    (
        "I'm so tired of winter!",
        Some((
            Facet::Other,
            "said:am tired of winter",
            "am tired of winter",
            Polarity::Positive,
            Tense::Current,
            "I am tired of winter.",
        )),
    ),
    // A determiner "some" and a hedging "kind of" are left out; "a kind of" is a noun.
    (
        "I grow some tomatoes in my backyard.",
        Some((
            Facet::Other,
            "said:grow tomatoes in backyard",
            "grow tomatoes in my backyard",
            Polarity::Positive,
            Tense::Current,
            "I grow tomatoes in my backyard.",
        )),
    ),
    (
        "I kind of want to learn the cello.",
        Some((
            Facet::Goal,
            "goal:learn cello",
            "learn the cello",
            Polarity::Positive,
            Tense::Current,
            "I want to learn the cello.",
        )),
    ),
    (
        "I play a kind of jazz called bebop.",
        Some((
            Facet::Interest,
            "plays:kind of jazz called bebop",
            "kind of jazz called bebop",
            Polarity::Positive,
            Tense::Current,
            "I play a kind of jazz called bebop.",
        )),
    ),
    // "… so much" at the end adds nothing to the like.
    (
        "I love my garden so much.",
        Some((
            Facet::Preference,
            "likes:garden",
            "garden",
            Polarity::Positive,
            Tense::Current,
            "I love my garden.",
        )),
    ),
];

#[test]
fn tricky_sentences_yield_the_expected_first_fact() {
    let mut failures = Vec::new();
    for (sentence, expected) in TABLE.iter().chain(super::table_life::TABLE) {
        let found = extract(sentence, day(0));
        let got = found.first().map(|c| {
            (
                c.facet,
                c.key.as_str(),
                c.value.as_str(),
                c.polarity,
                c.tense,
                c.statement.as_str(),
            )
        });
        if got != *expected {
            failures.push(format!(
                "{sentence}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
