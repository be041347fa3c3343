//! What sentences yield, topic by topic: hedges, times, sensitivity, several clauses, rendering,
//! replies, mentions and endings. The one-fact-per-sentence table is in `table.rs`.

use rapport_core::{Facet, Sensitivity};
use rapport_extract::{Tense, extract, extract_reply};

use crate::support::day;

#[test]
fn hedges_lower_confidence() {
    let sure = extract("I want to learn Spanish.", day(0));
    let hedged = extract("I think I probably want to learn Spanish.", day(0));
    assert_eq!(sure[0].key, hedged[0].key);
    assert!(hedged[0].confidence < sure[0].confidence);
    // A plan said as a possibility is a goal held with less confidence.
    let might = extract("I think I might learn Italian.", day(0));
    assert_eq!(might[0].key, "goal:learn italian");
    assert!(might[0].confidence < sure[0].confidence);
    assert!(extract("I might go to bed early.", day(0)).is_empty());
}

#[test]
fn relative_times_resolve_against_the_event() {
    let moved = extract("I moved to Denver last month.", day(0));
    assert_eq!(
        moved[0].since.unwrap().to_rfc3339(),
        "2024-02-01T00:00:00+00:00"
    );
    let plan = extract("I'm running a marathon next month.", day(0));
    let training = extract("I'm training for a marathon in May.", day(0));
    assert!(plan.is_empty() || plan[0].facet != Facet::Goal || plan[0].due.is_some());
    assert_eq!(
        training[0].due.unwrap().to_rfc3339(),
        "2024-06-01T00:00:00+00:00"
    );
}

#[test]
fn sensitive_facts_are_classified() {
    assert_eq!(
        extract("I'm allergic to peanuts.", day(0))[0].sensitivity,
        Sensitivity::Health
    );
    assert_eq!(
        extract("I have celiac disease.", day(0))[0].sensitivity,
        Sensitivity::Health
    );
    // A health word before the head noun leaves the possession be.
    assert_eq!(extract("I have a therapy dog.", day(0))[0].key, "pet.dog");
    assert_eq!(
        extract("I go to church every Sunday.", day(0))[0].sensitivity,
        Sensitivity::Religion
    );
    assert_eq!(
        extract("I have a jeep.", day(0))[0].sensitivity,
        Sensitivity::None
    );
}

#[test]
fn several_clauses_give_several_facts() {
    let found = extract(
        "I'm vegetarian, and I'm allergic to peanuts, so please keep that in mind.",
        day(0),
    );
    let keys: Vec<&str> = found.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["diet:vegetarian", "allergy:peanuts"]);
    // "at Acme as a designer": the employer and the occupation.
    let found = extract("I work at Google as a designer.", day(0));
    let facts: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.key.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(facts, [("employer", "Google"), ("occupation", "designer")]);
}

#[test]
fn descriptions_are_third_person() {
    let found = extract(
        "I don't eat meat. I own a Jeep. I moved to Denver last month.",
        day(0),
    );
    let lines: Vec<&str> = found.iter().map(|c| c.description.as_str()).collect();
    assert_eq!(
        lines,
        ["Doesn't eat meat.", "Owns a Jeep.", "Lives in Denver."]
    );
    let found = extract("I no longer work at Google.", day(0));
    assert_eq!(found[0].description, "No longer works at Google.");
    // A line about someone else speaks of the user in the third person too.
    let found = extract("My sister keeps sending me tofu recipes.", day(0));
    let lines: Vec<&str> = found.iter().map(|c| c.description.as_str()).collect();
    assert!(
        lines.contains(&"Their sister keeps sending them tofu recipes."),
        "{lines:?}"
    );
}

#[test]
fn a_who_clause_about_someone_says_a_second_thing_about_them() {
    let found = extract("My sister Ana, who is a nurse, lives in Boston.", day(0));
    let lines: Vec<&str> = found.iter().map(|c| c.description.as_str()).collect();
    assert!(lines.contains(&"Their sister Ana is a nurse."), "{lines:?}");
    assert!(
        lines.contains(&"Their sister Ana lives in Boston."),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("who")), "{lines:?}");
}

#[test]
fn used_to_is_also_a_current_fact_about_the_past() {
    let found = extract("I used to work at a grocery store.", day(0));
    let history: Vec<(&str, Tense, &str)> = found
        .iter()
        .map(|c| (c.key.as_str(), c.tense, c.statement.as_str()))
        .collect();
    assert_eq!(
        history,
        [
            (
                "employer",
                Tense::Past,
                "I used to work at a grocery store."
            ),
            (
                "past:employer",
                Tense::Current,
                "I used to work at a grocery store."
            ),
        ]
    );
}

#[test]
fn coordinated_predicates_and_family_mentions_give_several_facts() {
    let found = extract(
        "I am retired and live in Florida with my two older boys.",
        day(0),
    );
    let statements: Vec<&str> = found.iter().map(|c| c.statement.as_str()).collect();
    assert_eq!(
        statements,
        ["I am retired.", "I live in Florida.", "I have two boys."]
    );
    // An infinitive or a negation is not split: "see the world" is still wanted, not done.
    let wanted = extract("I want to travel and see the world.", day(0));
    assert_eq!(wanted.len(), 1);
    assert_eq!(wanted[0].statement, "I want to travel and see the world.");
    let denied = extract("I don't smoke and drink.", day(0));
    assert_eq!(denied.len(), 1);
    // "like" after a comma gives an example, not a second predicate.
    let example = extract(
        "Also, I drink way too much coffee, like four cups a day.",
        day(0),
    );
    let statements: Vec<&str> = example.iter().map(|c| c.statement.as_str()).collect();
    assert!(
        !statements.iter().any(|s| s.contains("like")),
        "{statements:?}"
    );
    let liked = extract("I run every morning, and like a good swim too.", day(0));
    let statements: Vec<&str> = liked.iter().map(|c| c.statement.as_str()).collect();
    assert!(
        statements.contains(&"I like a good swim."),
        "{statements:?}"
    );
}

#[test]
fn a_second_predicate_after_a_fronted_day_starts_at_its_verb() {
    // The day moves to the end before the clause is split: the second predicate was read from
    // the unmoved words, one word early ("I and had …", "Ands had …").
    let found = extract(
        "Yesterday I went out with my friends and had a bit too much to drink.",
        day(0),
    );
    let said: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.statement.as_str(), c.description.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (
                "I went out with my friends.",
                "Went out with their friends."
            ),
            (
                "I had a bit too much to drink.",
                "Had a bit too much to drink."
            ),
        ]
    );
    // Too much of something is no possession.
    assert!(found.iter().all(|c| c.facet != Facet::Possession));
}

#[test]
fn an_end_cut_off_from_its_clause_is_dropped() {
    // "like that", "how much I …": the clause after the end was split off.
    assert_eq!(
        statements("Wow, I'd love to visit a retreat like that."),
        ["I would like to visit a retreat."]
    );
    assert_eq!(
        statements("I was surprised at how much I enjoyed it."),
        ["I was surprised."]
    );
    assert_eq!(
        statements("I don't like mystery novels nearly as much."),
        ["I don't like mystery novels."]
    );
    // A long clause cut at ten words leaves no infinitive without its object; "to" before a
    // gerund is a preposition and stays.
    assert!(
        statements("I used to ride and want to get back to riding horses in the hills.")
            .iter()
            .any(|s| s.ends_with("get back to riding."))
    );
    assert!(
        statements("I took my three dogs to a beach outing to have fun and bond with others.")
            .contains(&"I took my three dogs to a beach outing.".to_string())
    );
    assert!(
        !statements("My dogs are like that too.")
            .iter()
            .any(|s| s.ends_with("like."))
    );
}

#[test]
fn requests_episodes_and_clauses_are_not_plans_possessions_or_likes() {
    // Asking to be shown is conversation; a place one would like to see is a wish.
    assert!(statements("I'd love to see a photo!").is_empty());
    assert!(statements("I'd like to hear more.").is_empty());
    assert_eq!(
        statements("I'd love to see Paris."),
        ["I would like to see Paris."]
    );
    assert_eq!(
        statements("I would like to meditate more."),
        ["I would like to meditate more."]
    );
    // A picnic one had is an episode; a dog one had growing up is a pet of the past.
    let picnic = extract("I had a picnic with my girlfriend yesterday.", day(0));
    assert!(
        picnic.iter().all(|c| c.facet != Facet::Possession),
        "{picnic:?}"
    );
    let dog = extract("I had a dog growing up.", day(0));
    assert!(dog.iter().any(|c| c.key == "pet.dog"), "{dog:?}");
    // "I like they got …" likes no thing called "they got …".
    assert!(
        extract("I like they got a new lease of life.", day(0))
            .iter()
            .all(|c| !c.key.starts_with("likes:"))
    );
}

#[test]
fn a_mention_of_the_boss_says_the_speaker_has_a_job() {
    let found = extract("My boss wants a new tax program.", day(0));
    assert!(found.iter().any(|c| c.statement == "I have a job."));
}

/// The statements extracted from one text, in order.
fn statements(text: &str) -> Vec<String> {
    extract(text, day(0))
        .into_iter()
        .map(|c| c.statement)
        .collect()
}

#[test]
fn fronted_adverbs_coordinated_habits_and_wishes_are_said_plainly() {
    assert_eq!(
        statements("Sometimes I fish for extra money."),
        ["I sometimes fish for extra money."]
    );
    // Only a frequency adverb moves: "Today I …" is an episode, not a habit.
    assert!(statements("Maybe I fish for extra money.").is_empty());
    assert_eq!(
        statements("I like horses and always spend time at the stable."),
        ["I like horses.", "I spend time at the stable."]
    );
    assert_eq!(
        statements("I'd love to visit Japan."),
        ["I would like to visit Japan."]
    );
    // Someone else's wish stays theirs.
    assert!(statements("You would love to visit Japan.").is_empty());
}

#[test]
fn mentions_of_homes_vehicles_and_pets_imply_having_them() {
    assert!(statements("My new car broke down again.").contains(&"I have a car.".to_string()));
    assert!(statements("My parrot talks all day.").contains(&"I have a parrot.".to_string()));
    assert!(statements("I run my own business.").contains(&"I have a business.".to_string()));
    // Not the speaker's: someone else's car, or a car that is only wanted.
    assert!(!statements("Your car is nice.").contains(&"I have a car.".to_string()));
    assert!(!statements("I want a car.").contains(&"I have a car.".to_string()));
    // "I became a vet" says the occupation; "my sister became a vet" does not.
    assert_eq!(
        statements("I became a vet to help animals."),
        ["I am a vet."]
    );
    assert!(!statements("My sister became a vet.").contains(&"I am a vet.".to_string()));
    // A person named after the mention is named in what it implies; a shouted word is no name.
    assert!(
        statements("My sister Lena is a teacher.")
            .contains(&"I have a sister named Lena.".to_string())
    );
    assert!(statements("My brother LOVES pizza.").contains(&"I have a brother.".to_string()));
}

#[test]
fn relative_that_is_not_a_pointer_and_interjections_are_skipped() {
    assert_eq!(
        statements("I also donate money to charities that help the poor."),
        ["I donate money to charities that help the poor."]
    );
    // "that" pointing back into the conversation still says nothing by itself.
    assert!(statements("I did that too.").is_empty());
    assert!(statements("I know that he is right.").is_empty());
    assert!(statements("I would love that, we could start a club!").is_empty());
    assert_eq!(statements("Good I work in a mall."), ["I work in a mall."]);
    assert_eq!(
        statements("I am originally from Ohio."),
        ["I am from Ohio."]
    );
    assert_eq!(
        statements("No, I have never seen the ocean."),
        ["I have never seen the ocean."]
    );
}

#[test]
fn mentions_outside_statements_and_reasons_before_the_subject() {
    assert_eq!(
        statements("Just visiting my grandkids!"),
        ["I have grandkids."]
    );
    assert_eq!(
        statements("You should meet my wife."),
        ["I have a wife.", "I am married."]
    );
    // "our …" is the household's, and so are "the kids", also in a clause without "I" or "my".
    assert!(statements("I took the kids to the park.").contains(&"I have kids.".to_string()));
    assert!(statements("I walk our dog every morning.").contains(&"I have a dog.".to_string()));
    assert_eq!(statements("The kids love the park."), ["I have kids."]);
    assert_eq!(statements("Our old cat sleeps all day."), ["I have a cat."]);
    let both = statements("The grandkids and I baked bread yesterday.");
    assert!(both.contains(&"I have grandkids.".to_string()), "{both:?}");
    assert!(
        both.iter().any(|s| s.starts_with("I baked bread")),
        "{both:?}"
    );
    // The household's facts are said in the first person.
    assert_eq!(
        statements("We live on an island."),
        ["I live on an island."]
    );
    let farm = extract("We have our own farm.", day(0));
    assert_eq!(farm[0].statement, "I have my own farm.");
    assert_eq!(
        farm[0].description,
        "With their household: has their own farm."
    );
    // Asked about, "the kids" are the other party's.
    assert!(statements("How are the kids doing?").is_empty());
    assert!(statements("Did the kids like our gift?").is_empty());
    assert!(statements("My band plays on Friday.").contains(&"I have a band.".to_string()));
    // Being at work says there is a job; looking for work does not.
    assert!(statements("I was at work all day.").contains(&"I have a job.".to_string()));
    assert!(!statements("I am looking for work.").contains(&"I have a job.".to_string()));
    // "my pet snake" is a snake; "my blonde hair" how they look.
    assert!(statements("I take my pet snake everywhere.").contains(&"I have a snake.".to_string()));
    assert!(statements("I dyed my blonde hair pink.").contains(&"I have blonde hair.".to_string()));
    // A question still says who the asker has; a hypothetical does not.
    assert_eq!(statements("Have you met my twins?"), ["I have twins."]);
    assert!(statements("If my husband were here he would laugh.").is_empty());
    assert_eq!(
        statements("That's why I work for a small nonprofit."),
        ["I work for a small nonprofit."]
    );
    // "why" elsewhere is not a reason before the subject.
    assert!(statements("Why I left is a long story.").is_empty());
    // A liked thing cut off before its object is no fact.
    assert!(statements("There is a golf course that I really enjoy going to.").is_empty());
}

#[test]
fn right_now_is_dropped_whole() {
    let found = extract("I am working at a bakery right now.", day(0));
    assert_eq!(found[0].statement, "I am working at a bakery.");
}

/// A past time the fact's start holds is left out of its description, which would otherwise go
/// stale ("last week" read months later); the statement keeps the words as said.
#[test]
fn a_resolved_past_time_is_left_out_of_the_description() {
    let found = extract("I quit coffee last week.", day(30));
    let quit = &found[0];
    assert_eq!(quit.statement, "I quit coffee last week.");
    assert_eq!(quit.description, "Quit coffee.");
    // The start of last week (a calendar week), which `since` keeps.
    assert!(
        quit.since.is_some_and(|s| s >= day(16) && s < day(30)),
        "{:?}",
        quit.since
    );
    // A time to come is kept: the fact is a plan, and says when.
    let plan = extract("I start a new job next week.", day(30));
    assert!(plan[0].description.contains("next week"), "{:?}", plan[0]);
}

/// "How is your dog doing?" "Pretty good!": the answer takes the question's "your dog" as given.
#[test]
fn a_question_about_the_answerers_people_and_pets_says_they_have_them() {
    let said = |question: &str, answer: &str| -> Vec<String> {
        extract_reply(answer, Some(question), day(0))
            .into_iter()
            .map(|c| c.statement)
            .collect()
    };
    assert_eq!(
        said("How is your dog doing today?", "Pretty good, thanks!"),
        ["I have a dog."]
    );
    assert_eq!(
        said("Are your two boys excited for summer?", "They can't wait."),
        ["I have two boys."]
    );
    assert_eq!(
        said("How was dinner with your wife?", "Lovely."),
        ["I have a wife.", "I am married."]
    );
    assert_eq!(said("How is your blog going?", "Busy!"), ["I have a blog."]);
    // Denied, not about a person or pet, or advice ("your own …"): nothing.
    assert!(said("How is your dog?", "Nope, wrong person.").is_empty());
    assert!(said("How was your weekend?", "Great.").is_empty());
    assert!(said("You should start your own business.", "Maybe.").is_empty());
    // What the asker says about their own people is not the answerer's.
    assert!(said("My dog loves the snow.", "Cute!").is_empty());
}

/// "My uncle is a baker, he …": a clause's "he", "she" or "they" is the person the speaker
/// named last with "my …", or the question named with "your …".
#[test]
fn a_pronoun_for_the_speakers_person_says_what_that_person_does() {
    assert!(
        statements("I adore my aunt, she runs a bakery in Lima.")
            .contains(&"My aunt runs a bakery in Lima.".to_string())
    );
    assert!(
        statements("My cousins visited. They're twins and they live in Oslo.")
            .contains(&"My cousins live in Oslo.".to_string())
    );
    let said: Vec<String> = extract_reply(
        "He is a dentist now.",
        Some("What does your brother do?"),
        day(0),
    )
    .into_iter()
    .map(|c| c.statement)
    .collect();
    assert!(
        said.contains(&"My brother is a dentist.".to_string()),
        "{said:?}"
    );
    // A pronoun that does not fit the person, or with no one named, says nothing about them.
    assert!(
        statements("My uncle sings, she dances.")
            .iter()
            .all(|s| !s.contains("dances"))
    );
    assert!(statements("He is a dentist.").is_empty());
}

/// "…, but blues is my favorite": a favorite named after a joiner is its own clause.
#[test]
fn a_favorite_named_after_a_joiner_is_its_own_statement() {
    assert_eq!(
        statements("I like jazz, but blues is my favorite music."),
        ["I like jazz.", "Blues is my favorite music."]
    );
    assert_eq!(
        statements("Oh I ski, and snowboarding is one of my favorite sports."),
        ["Snowboarding is one of my favorite sports."]
    );
}

/// What one of the speaker's people said, thinks or might do is theirs, not a fact of the
/// speaker's life; that the speaker has them still is.
#[test]
fn a_persons_words_and_possibilities_are_not_facts() {
    assert_eq!(
        statements("My sister said the lake was cold."),
        ["I have a sister."]
    );
    assert_eq!(
        statements("My brother might move to Denver."),
        ["I have a brother."]
    );
    assert!(
        statements("My brother moved to Denver.")
            .contains(&"My brother moved to Denver.".to_string())
    );
}

/// "I have three kids and two dogs": each counted object of "have" is its own statement.
#[test]
fn counted_objects_of_have_are_separate_statements() {
    assert_eq!(
        statements("I have three kids and two dogs."),
        ["I have three kids.", "I have two dogs."]
    );
    assert_eq!(
        statements("I have a cat, a dog and a hamster."),
        ["I have a cat.", "I have a dog.", "I have a hamster."]
    );
    // Not a counted object: one statement.
    assert_eq!(statements("I have a dog and love it."), ["I have a dog."]);
}

/// "I love hiking and camping": kept as said, and each thing loved is a fact of its own.
#[test]
fn coordinated_objects_are_also_facts_of_their_own() {
    assert_eq!(
        statements("I really love kayaking and bird watching."),
        [
            "I love kayaking and bird watching.",
            "I love kayaking.",
            "I love bird watching."
        ]
    );
    assert_eq!(
        statements("I like to knit and bake."),
        [
            "I like to knit and bake.",
            "I like to knit.",
            "I like to bake."
        ]
    );
    // A shared noun or preposition ("I am good at chess and math") is not split.
    assert_eq!(
        statements("I am good at chess and math."),
        ["I am good at chess and math."]
    );
}

/// Round 7 leftovers: an approximate time, a number after "at" / "for", a denied "my own …",
/// and the article of a kind of place or employer.
#[test]
fn approximate_times_numbers_denied_own_and_articles_render_plainly() {
    assert_eq!(
        statements("I moved to the city around ten years ago."),
        ["I live in the city."]
    );
    assert_eq!(
        statements("I'm a piano teacher for 2nd grade pupils."),
        ["I am a piano teacher."]
    );
    assert_eq!(
        statements("I don't own my own boat."),
        ["I don't own my own boat."]
    );
    assert_eq!(statements("I live in the hills."), ["I live in the hills."]);
    assert_eq!(statements("I live in a trailer."), ["I live in a trailer."]);
    assert_eq!(statements("I live in boston."), ["I live in Boston."]);
    assert_eq!(
        statements("I am a baker at the corner bakery."),
        ["I am a baker.", "I work at the corner bakery."]
    );
}

#[test]
fn states_held_since_fears_and_childhood() {
    let first = |text: &str| {
        extract(text, day(0))
            .into_iter()
            .map(|c| (c.key, c.value))
            .next()
    };
    assert_eq!(
        first("I have been vegan for five years."),
        Some(("diet:vegan".to_string(), "vegan".to_string()))
    );
    assert_eq!(
        first("I've been married for 10 years."),
        Some(("relationship.status".to_string(), "married".to_string()))
    );
    assert_eq!(
        first("I've been a nurse since 2010."),
        Some(("occupation".to_string(), "nurse".to_string()))
    );
    // The statement keeps how long it has held; the description is the state.
    let nurse = &extract("I've been a nurse for the past 14 years.", day(0))[0];
    assert_eq!(
        (nurse.statement.as_str(), nurse.description.as_str()),
        ("I have been a nurse for the past 14 years.", "Is a nurse.")
    );
    assert_eq!(
        first("I'm afraid of spiders."),
        Some(("fears:spiders".to_string(), "spiders".to_string()))
    );
    // Not states: an experience, an activity, a time of life.
    assert_ne!(
        first("I have been to Paris twice.").map(|(k, _)| k),
        Some("location.city".to_string())
    );
    assert_eq!(
        first("When I was a kid, I had a dog.").map(|(k, _)| k),
        Some("pet.dog".to_string())
    );
    assert_eq!(first("I was a kid."), None);
    assert_eq!(first("I'm afraid I can't make it."), None);
}

#[test]
fn a_fronted_day_and_a_relative_clause_before_a_verb() {
    let statements: Vec<String> = extract("Yesterday I went fishing with my brother.", day(0))
        .into_iter()
        .map(|c| c.statement)
        .collect();
    assert!(
        statements.contains(&"I went fishing with my brother yesterday.".to_string()),
        "{statements:?}"
    );
    let keys: Vec<String> = extract("The city I grew up in used to be quiet.", day(0))
        .into_iter()
        .map(|c| c.key)
        .collect();
    assert!(!keys.contains(&"location.hometown".to_string()), "{keys:?}");
}

#[test]
fn would_rather_is_a_preference_over_something() {
    let found = extract("I would rather take the train than fly.", day(0));
    assert_eq!(
        (found[0].key.as_str(), found[0].value.as_str()),
        ("prefers:take train", "take the train over fly")
    );
    assert!(
        extract("I would rather spend my time reading to relax.", day(0))
            .iter()
            .all(|c| !c.key.starts_with("prefers:"))
    );
    assert!(
        extract("I'd rather not say.", day(0))
            .iter()
            .all(|c| !c.key.starts_with("prefers:"))
    );
}

#[test]
fn a_boy_and_a_girl_are_children() {
    let keys: Vec<String> = extract("I have 2 kids, a boy and a girl.", day(0))
        .into_iter()
        .map(|c| c.key)
        .collect();
    assert!(keys.contains(&"family.children".to_string()), "{keys:?}");
    assert!(keys.contains(&"family.son".to_string()), "{keys:?}");
    assert!(keys.contains(&"family.daughter".to_string()), "{keys:?}");
    assert!(keys.iter().all(|k| !k.starts_with("owns:")), "{keys:?}");
}

#[test]
fn a_relative_clause_inside_the_subject_is_no_statement() {
    for text in [
        "The town I grew up in was in Washington state.",
        "The school I went to is closing.",
    ] {
        let statements: Vec<String> = extract(text, day(0))
            .into_iter()
            .map(|c| c.statement)
            .collect();
        assert!(statements.is_empty(), "{text}: {statements:?}");
    }
}

#[test]
fn an_auxiliary_after_and_goes_on_with_the_subject() {
    assert_eq!(
        statements("I'm 42 and have three grandkids."),
        ["I am 42 years old.", "I have three grandkids."]
    );
    assert_eq!(
        statements("I have a cat and do yoga every day."),
        ["I have a cat.", "I do yoga every day."]
    );
    // With a subject of its own it asks the other party.
    assert_eq!(statements("I like jazz, do you?"), ["I like jazz."]);
}

#[test]
fn a_participle_after_an_occupation_says_more_about_it() {
    let found = extract("I'm a college student studying biology.", day(0));
    let facts: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.key.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(
        facts,
        [("occupation", "college student"), ("education", "biology")]
    );
    let found = extract("I am a nurse working at a clinic.", day(0));
    let facts: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.key.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(facts, [("occupation", "nurse"), ("employer", "clinic")]);
}

#[test]
fn the_city_one_works_in_is_read() {
    for (text, city) in [
        ("I'm a software developer at a startup in Austin.", "Austin"),
        ("I work at Google in Seattle.", "Seattle"),
        ("I work as a nurse in Boston.", "Boston"),
        ("I'm a teacher in Denver.", "Denver"),
    ] {
        let found = extract(text, day(0));
        let work = found.iter().find(|c| c.key == "work.city");
        assert_eq!(
            work.map(|c| c.value.as_str()),
            Some(city),
            "{text}: {found:?}"
        );
        assert_eq!(work.unwrap().statement, format!("I work in {city}."));
    }
    // A time, an acronym, or a job held before: no city.
    for text in [
        "I'm a nurse in May.",
        "I work at a bank in IT.",
        "I was a teacher in Ohio.",
    ] {
        let found = extract(text, day(0));
        assert!(
            !found.iter().any(|c| c.key == "work.city"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_rented_home_is_a_possession_but_not_a_car_or_a_plan() {
    for text in [
        "I'm renting a car.",
        "I'm renting a place next month.",
        "I don't rent an apartment.",
    ] {
        let found = extract(text, day(0));
        assert!(
            !found.iter().any(|c| c.key.starts_with("rents:")),
            "{text}: {found:?}"
        );
    }
}
