//! Rows of the tricky-sentence table about what a life holds: constraints, routines, where one
//! lives and works, the people and pets in it, the household, family and homes. Checked by
//! `table::tricky_sentences_yield_the_expected_first_fact`.

use rapport_core::{Facet, Polarity};
use rapport_extract::Tense;

use crate::table::Row;

pub(crate) const TABLE: &[Row] = &[
    (
        "We just had a baby boy.",
        Some((
            Facet::Identity,
            "family.son",
            "1",
            Polarity::Positive,
            Tense::Current,
            "I have a baby boy.",
        )),
    ),
    (
        "We had our first child in May.",
        Some((
            Facet::Identity,
            "family.children",
            "yes",
            Polarity::Positive,
            Tense::Current,
            "I have a child.",
        )),
    ),
    (
        "We're renting an apartment downtown.",
        Some((
            Facet::Possession,
            "rents:apartment",
            "apartment",
            Polarity::Positive,
            Tense::Current,
            "I rent an apartment downtown.",
        )),
    ),
    (
        "I rent a house.",
        Some((
            Facet::Possession,
            "rents:house",
            "house",
            Polarity::Positive,
            Tense::Current,
            "I rent a house.",
        )),
    ),
    ("We're renting a cabin next week.", None),
    (
        "I work at a startup in Austin.",
        Some((
            Facet::Identity,
            "employer",
            "startup",
            Polarity::Positive,
            Tense::Current,
            "I work at a startup in Austin.",
        )),
    ),
    (
        "I have two daughters, Emma and Lily.",
        Some((
            Facet::Identity,
            "family.daughter",
            "2",
            Polarity::Positive,
            Tense::Current,
            "I have two daughters named Emma and Lily.",
        )),
    ),
    (
        "I have three kids, Emma, Lily and Jack.",
        Some((
            Facet::Identity,
            "family.children",
            "3",
            Polarity::Positive,
            Tense::Current,
            "I have three kids named Emma, Lily and Jack.",
        )),
    ),
    (
        "I have two dogs, Max and Bella.",
        Some((
            Facet::Possession,
            "pet.dog",
            "2",
            Polarity::Positive,
            Tense::Current,
            "I have two dogs named Max and Bella.",
        )),
    ),
    (
        "I have two sons, both in college.",
        Some((
            Facet::Identity,
            "family.son",
            "2",
            Polarity::Positive,
            Tense::Current,
            "I have two sons.",
        )),
    ),
    // Constraints: what the user can't eat or have, intolerances, budgets, allergies with a
    // degree or a hedge.
    (
        "I can't have gluten.",
        Some((
            Facet::Preference,
            "eats:gluten",
            "gluten",
            Polarity::Negative,
            Tense::Current,
            "I can't have gluten.",
        )),
    ),
    (
        "I cannot eat shellfish.",
        Some((
            Facet::Preference,
            "eats:shellfish",
            "shellfish",
            Polarity::Negative,
            Tense::Current,
            "I cannot eat shellfish.",
        )),
    ),
    ("I can't have kids.", None),
    ("I can't eat much.", None),
    (
        "My budget is under $500.",
        Some((
            Facet::Preference,
            "budget",
            "under $500",
            Polarity::Positive,
            Tense::Current,
            "I have a budget of under $500.",
        )),
    ),
    (
        "I'm on a tight budget.",
        Some((
            Facet::Preference,
            "budget",
            "tight",
            Polarity::Positive,
            Tense::Current,
            "I am on a tight budget.",
        )),
    ),
    (
        "I'm lactose intolerant.",
        Some((
            Facet::Preference,
            "intolerant:lactose",
            "lactose",
            Polarity::Positive,
            Tense::Current,
            "I am lactose intolerant.",
        )),
    ),
    (
        "I'm severely allergic to bees.",
        Some((
            Facet::Preference,
            "allergy:bees",
            "bees",
            Polarity::Positive,
            Tense::Current,
            "I am severely allergic to bees.",
        )),
    ),
    (
        "I'm pretty sure I'm allergic to cats.",
        Some((
            Facet::Preference,
            "allergy:cats",
            "cats",
            Polarity::Positive,
            Tense::Current,
            "I am allergic to cats.",
        )),
    ),
    // How often, said before the subject, makes a routine; so does a recurring day.
    (
        "Every morning I run 5k.",
        Some((
            Facet::Routine,
            "routine:run 5k every morning",
            "run 5k every morning",
            Polarity::Positive,
            Tense::Current,
            "I run 5k every morning.",
        )),
    ),
    (
        "On Sundays, I call my mom.",
        Some((
            Facet::Routine,
            "routine:call mom on sundays",
            "call my mom on Sundays",
            Polarity::Positive,
            Tense::Current,
            "I call my mom on Sundays.",
        )),
    ),
    (
        "Twice a week I swim.",
        Some((
            Facet::Routine,
            "routine:swim twice week",
            "swim twice a week",
            Polarity::Positive,
            Tense::Current,
            "I swim twice a week.",
        )),
    ),
    (
        "I have yoga on Tuesdays.",
        Some((
            Facet::Routine,
            "routine:have yoga on tuesdays",
            "have yoga on Tuesdays",
            Polarity::Positive,
            Tense::Current,
            "I have yoga on Tuesdays.",
        )),
    ),
    ("Every time I go there I get lost.", None),
    // Where one lives now and what one studies, said in the progressive or perfect.
    (
        "I've lived in Chicago since 2019.",
        Some((
            Facet::Identity,
            "location.city",
            "Chicago",
            Polarity::Positive,
            Tense::Current,
            "I live in Chicago.",
        )),
    ),
    (
        "I've been living in Ohio for 5 years.",
        Some((
            Facet::Identity,
            "location.city",
            "Ohio",
            Polarity::Positive,
            Tense::Current,
            "I live in Ohio.",
        )),
    ),
    (
        "I'm living in Austin now.",
        Some((
            Facet::Identity,
            "location.city",
            "Austin",
            Polarity::Positive,
            Tense::Current,
            "I live in Austin.",
        )),
    ),
    (
        "I'm studying nursing.",
        Some((
            Facet::Identity,
            "education",
            "nursing",
            Polarity::Positive,
            Tense::Current,
            "I am studying nursing.",
        )),
    ),
    (
        "I'm majoring in history.",
        Some((
            Facet::Identity,
            "education",
            "history",
            Polarity::Positive,
            Tense::Current,
            "I am majoring in history.",
        )),
    ),
    (
        "I have a master's in biology.",
        Some((
            Facet::Identity,
            "degree:biology",
            "biology",
            Polarity::Positive,
            Tense::Current,
            "I have a master's in biology.",
        )),
    ),
    (
        "I live in Illinois right now with my parents.",
        Some((
            Facet::Identity,
            "location.city",
            "Illinois",
            Polarity::Positive,
            Tense::Current,
            "I live in Illinois.",
        )),
    ),
    (
        "I'm living in the moment.",
        Some((
            Facet::Other,
            "said:am living in moment",
            "am living in the moment",
            Polarity::Positive,
            Tense::Current,
            "I am living in the moment.",
        )),
    ),
    // How much is not what is liked.
    (
        "I like coffee a lot.",
        Some((
            Facet::Preference,
            "likes:coffee",
            "coffee",
            Polarity::Positive,
            Tense::Current,
            "I like coffee a lot.",
        )),
    ),
    // Naming someone in one's life, and a subject shared with them.
    (
        "My son's name is Leo.",
        Some((
            Facet::Identity,
            "family.son",
            "Leo",
            Polarity::Positive,
            Tense::Current,
            "I have a son named Leo.",
        )),
    ),
    (
        "My dog's name is Max.",
        Some((
            Facet::Possession,
            "pet.dog",
            "Max",
            Polarity::Positive,
            Tense::Current,
            "I have a dog named Max.",
        )),
    ),
    (
        "Me and my best friend love hiking.",
        Some((
            Facet::Interest,
            "likes:hiking",
            "hiking",
            Polarity::Positive,
            Tense::Current,
            "I love hiking.",
        )),
    ),
    (
        "My husband and I are saving money for a house.",
        Some((
            Facet::Relationship,
            "has:husband",
            "husband",
            Polarity::Positive,
            Tense::Current,
            "I have a husband.",
        )),
    ),
    (
        "I have lived in Paris.",
        Some((
            Facet::Identity,
            "said:have lived in paris",
            "have lived in Paris",
            Polarity::Positive,
            Tense::Current,
            "I have lived in Paris.",
        )),
    ),
    // Music heard playing is what is liked; "role playing" is an activity of its own.
    (
        "I really like jazz playing while I cook.",
        Some((
            Facet::Preference,
            "likes:jazz",
            "jazz",
            Polarity::Positive,
            Tense::Current,
            "I like jazz.",
        )),
    ),
    (
        "I like role playing.",
        Some((
            Facet::Preference,
            "likes:role playing",
            "role playing",
            Polarity::Positive,
            Tense::Current,
            "I like role playing.",
        )),
    ),
    (
        "I like bird watching.",
        Some((
            Facet::Preference,
            "likes:bird watching",
            "bird watching",
            Polarity::Positive,
            Tense::Current,
            "I like bird watching.",
        )),
    ),
    // In-laws and step-relatives are people in the user's life like a plain brother.
    (
        "My brother-in-law works at Google.",
        Some((
            Facet::Relationship,
            "person:brother-in-law",
            "works at Google",
            Polarity::Positive,
            Tense::Current,
            "My brother-in-law works at Google.",
        )),
    ),
    (
        "My mother-in-law lives with us, she is a retired nurse.",
        Some((
            Facet::Relationship,
            "person:mother-in-law",
            "lives with us",
            Polarity::Positive,
            Tense::Current,
            "My mother-in-law lives with us.",
        )),
    ),
    // The household's habit is the speaker's routine.
    (
        "Every Friday we order pizza.",
        Some((
            Facet::Routine,
            "routine:order pizza every friday",
            "order pizza every Friday",
            Polarity::Positive,
            Tense::Current,
            "I order pizza every Friday.",
        )),
    ),
    (
        "We usually eat out on weekends.",
        Some((
            Facet::Routine,
            "routine:usually eat out on weekends",
            "usually eat out on weekends",
            Polarity::Positive,
            Tense::Current,
            "I usually eat out on weekends.",
        )),
    ),
    ("We should meet every week.", None),
    // A denied status is the status "not married", not a bare statement.
    (
        "I'm not married.",
        Some((
            Facet::Identity,
            "relationship.status",
            "not married",
            Polarity::Positive,
            Tense::Current,
            "I am not married.",
        )),
    ),
    // An adverb before the household's verb.
    (
        "We just adopted a rescue puppy named Luna.",
        Some((
            Facet::Possession,
            "pet.puppy",
            "Luna",
            Polarity::Positive,
            Tense::Current,
            "I adopted a rescue puppy named Luna.",
        )),
    ),
    (
        "We recently moved to Ohio.",
        Some((
            Facet::Identity,
            "location.city",
            "Ohio",
            Polarity::Positive,
            Tense::Current,
            "I live in Ohio.",
        )),
    ),
    // Saving up for something is a goal.
    (
        "I'm saving up for a new car.",
        Some((
            Facet::Goal,
            "goal:new car",
            "new car",
            Polarity::Positive,
            Tense::Current,
            "I am saving up for a new car.",
        )),
    ),
    // A kind of place keeps the name of where it is.
    (
        "I grew up in a small town in Texas.",
        Some((
            Facet::Identity,
            "location.hometown",
            "small town in Texas",
            Polarity::Positive,
            Tense::Current,
            "I am from a small town in Texas.",
        )),
    ),
    // A new job at a place is the employer now.
    (
        "I just started a new job at Amazon.",
        Some((
            Facet::Identity,
            "employer",
            "Amazon",
            Polarity::Positive,
            Tense::Current,
            "I work at Amazon.",
        )),
    ),
    // A promotion says the occupation now.
    (
        "I got promoted to senior manager last month.",
        Some((
            Facet::Identity,
            "occupation",
            "senior manager",
            Polarity::Positive,
            Tense::Current,
            "I work as a senior manager.",
        )),
    ),
    // "so" before what follows from the clause ends it.
    (
        "I'm lactose intolerant so no cheese for me.",
        Some((
            Facet::Preference,
            "intolerant:lactose",
            "lactose",
            Polarity::Positive,
            Tense::Current,
            "I am lactose intolerant.",
        )),
    ),
    // "these days" is when, not what.
    (
        "I'm really into photography these days.",
        Some((
            Facet::Preference,
            "likes:photography",
            "photography",
            Polarity::Positive,
            Tense::Current,
            "I like photography.",
        )),
    ),
    // A diet written as two words.
    (
        "I'm gluten free.",
        Some((
            Facet::Preference,
            "diet:gluten-free",
            "gluten-free",
            Polarity::Positive,
            Tense::Current,
            "I am gluten free.",
        )),
    ),
    // Turning an age is having it now.
    (
        "I just turned 35.",
        Some((
            Facet::Identity,
            "age",
            "35",
            Polarity::Positive,
            Tense::Current,
            "I am 35 years old.",
        )),
    ),
    // A number that is no age stays a statement.
    (
        "I turned 35 pages of my book.",
        Some((
            Facet::Other,
            "said:turned 35 pages of book",
            "turned 35 pages of my book",
            Polarity::Positive,
            Tense::Current,
            "I turned 35 pages of my book.",
        )),
    ),
    // "have got" is "have".
    (
        "I've got a dog.",
        Some((
            Facet::Possession,
            "pet.dog",
            "dog",
            Polarity::Positive,
            Tense::Current,
            "I have a dog.",
        )),
    ),
    // A fan named before "fan" likes it.
    (
        "I'm a huge Lakers fan.",
        Some((
            Facet::Preference,
            "likes:lakers",
            "Lakers",
            Polarity::Positive,
            Tense::Current,
            "I am a huge Lakers fan.",
        )),
    ),
    // A parent counting their children has them.
    (
        "I'm a mom of three.",
        Some((
            Facet::Identity,
            "family.children",
            "3",
            Polarity::Positive,
            Tense::Current,
            "I am a mom of three.",
        )),
    ),
    (
        "I'm a proud dad of two boys.",
        Some((
            Facet::Identity,
            "family.son",
            "2",
            Polarity::Positive,
            Tense::Current,
            "I am a proud dad of two boys.",
        )),
    ),
    // The household's coming child or wedding is the user's plan.
    (
        "We're expecting our first child in August.",
        Some((
            Facet::Goal,
            "goal:expecting first child",
            "expecting our first child",
            Polarity::Positive,
            Tense::Current,
            "I am expecting my first child in August.",
        )),
    ),
    // The year one was born in is kept.
    (
        "I was born in 1990.",
        Some((
            Facet::Identity,
            "birth_year",
            "1990",
            Polarity::Positive,
            Tense::Current,
            "I was born in 1990.",
        )),
    ),
    // A compound occupation whose last word is an occupation.
    (
        "Actually I'm a nurse practitioner.",
        Some((
            Facet::Identity,
            "occupation",
            "nurse practitioner",
            Polarity::Positive,
            Tense::Current,
            "I am a nurse practitioner.",
        )),
    ),
    // The user's birthday.
    (
        "My birthday is in July.",
        Some((
            Facet::Identity,
            "birthday",
            "July",
            Polarity::Positive,
            Tense::Current,
            "My birthday is in July.",
        )),
    ),
];
