//! Possessions, pets and family: "I own a Jeep", "I have a dog named Biscuit", "I have two kids".

use rapport_core::Facet;

use super::{Found, Reading, noun_phrase};
use crate::lexicon::{self, has};
use crate::render::{key_text, value_text};

/// Head nouns that "have" does not make possessions ("I have a question").
const NOT_OWNED: &[&str] = &[
    "accomplishment",
    "adventure",
    "allergies",
    "allergy",
    "appointment",
    "argument",
    "bit",
    "blast",
    "bunch",
    "busy",
    "chance",
    "chat",
    "class",
    "conversation",
    "couple",
    "crush",
    "date",
    "day",
    "degree",
    "discussion",
    "dream",
    "dreams",
    "enough",
    "exam",
    "experience",
    "favorite",
    "feel",
    "feeling",
    "few",
    "fun",
    "good",
    "great",
    "habit",
    "hard",
    "idea",
    "ideas",
    "interview",
    "issue",
    "job",
    "look",
    "lot",
    "lots",
    "meeting",
    "much",
    "news",
    "night",
    "party",
    "passion",
    "picnic",
    "plan",
    "plans",
    "problem",
    "problems",
    "question",
    "questions",
    "sense",
    "shot",
    "story",
    "talk",
    "test",
    "thing",
    "things",
    "thought",
    "time",
    "ton",
    "tons",
    "tough",
    "trip",
    "try",
    "vacation",
    "visit",
    "way",
    "week",
    "weekend",
];

const OWN_VERBS: &[&str] = &["adopted", "bought", "got", "had", "has", "have", "own"];

/// Whether a head noun is something "have" does not make owned ("a question", "a chance",
/// "diabetes").
pub(crate) fn is_not_owned(word: &str) -> bool {
    has(NOT_OWNED, word) || crate::sensitivity::is_health_word(word)
}

/// Possession patterns on an "I …" clause.
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    if !has(OWN_VERBS, r.w(0)) {
        return None;
    }
    // "I haven't tried that yet": "have" is an auxiliary, nothing is owned.
    if r.w(0) == "have" && lexicon::is_participle(r.w(1)) {
        return None;
    }
    // "I have yoga on Tuesdays": a bare activity that recurs is a routine, not a possession.
    let bare =
        !has(lexicon::DETERMINERS, r.w(1)) && !r.w(1).starts_with(|c: char| c.is_ascii_digit());
    if bare && r.pred.iter().any(|t| crate::fronted::recurs(&t.lower)) {
        return None;
    }
    let mut i = 1;
    let count = lexicon::count_of(r.w(i));
    // "We had our baby" (read from the household's "we"): the speaker's child.
    let our_newborn = r.w(0) == "had" && r.w(i) == "our";
    if count.is_some() || has(&["any", "my", "some"], r.w(i)) || our_newborn {
        i += 1;
    } else if r.w(0) != "own" && !(r.negated && r.w(0) == "have") {
        return None;
    }
    let mut np = noun_phrase(r, i);
    // "a wicked day out": the particle is not the head.
    if np.len() > 1
        && np
            .last()
            .is_some_and(|t| has(&["away", "back", "off", "out", "up"], &t.lower))
    {
        np.pop();
    }
    let head = np.last()?;
    // "I have celiac disease", "I have migraines": a health matter, not a possession.
    let condition = crate::sensitivity::is_health_word(&head.lower);
    if np.len() > 4
        || has(NOT_OWNED, &head.lower)
        || has(lexicon::ANAPHORS, &head.lower)
        || condition
    {
        // "I have a peanut allergy".
        if head.lower.starts_with("allerg") && np.len() >= 2 {
            let what = value_text(&np[..np.len() - 1]);
            return Some(Found::new(
                Facet::Preference,
                format!("allergy:{}", what.to_lowercase()),
                what,
            ));
        }
        return None;
    }
    let singular = head.lower.trim_end_matches('s').to_string();
    let named = name_after(r, i + np.len());
    if has(lexicon::PETS, &head.lower) {
        // "two dogs named Max and Bella": the count, the names in the statement.
        let value = match (count, named.clone()) {
            (Some(n), _) if n > 1 => n.to_string(),
            (_, Some(name)) => name,
            _ => singular.clone(),
        };
        let species = if head.lower == "puppies" {
            "puppy".to_string()
        } else {
            singular
        };
        let mut f = Found::new(Facet::Possession, format!("pet.{species}"), value);
        if r.past || r.w(0) == "had" {
            f.past = true;
        }
        return Some(f);
    }
    if crate::kin::is_person(&head.lower) {
        let key = format!("family.{}", family_key(&head.lower));
        // "two daughters named Emma and Lily": the count, the names in the statement.
        let value = match (count, named) {
            (Some(n), _) if n > 1 => n.to_string(),
            (_, Some(name)) => name,
            (Some(n), _) => n.to_string(),
            (None, None) => "yes".to_string(),
        };
        let value = if r.negated { "0".to_string() } else { value };
        let mut f = Found::new(Facet::Identity, key, value);
        f.polarity = Some(rapport_core::Polarity::Positive);
        // "We just had a baby boy": the household's newborn is the speaker's child now.
        if r.clause[0].lower == "we" && r.w(0) == "had" && count.is_none_or(|n| n == 1) {
            let child: Vec<&str> = np
                .iter()
                .map(|t| t.lower.as_str())
                .filter(|w| !has(&["first", "new", "second", "third"], w))
                .collect();
            let child = child.join(" ");
            f.statement = Some(format!("I have a {child}."));
        }
        return Some(f);
    }
    let mut f = Found::new(
        Facet::Possession,
        format!("owns:{}", key_text(&np)),
        value_text(&np),
    );
    f.past = r.w(0) == "had";
    Some(f)
}

/// "… named Biscuit", "… called Rex".
fn name_after(r: &Reading<'_>, i: usize) -> Option<String> {
    if !r.is(i, &["named", "called"]) {
        return None;
    }
    let name = r.pred.get(i + 1)?;
    name.text
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| name.text.to_string())
}

/// The family key of a person word: plurals and synonyms folded.
pub(crate) fn family_key(word: &str) -> &str {
    match word {
        "kid" | "kids" | "children" | "child" | "baby" => "children",
        "sons" | "boy" | "boys" => "son",
        "daughters" | "girl" | "girls" => "daughter",
        "sisters" => "sister",
        "brothers" => "brother",
        "hubby" => "husband",
        "wifey" => "wife",
        "bf" => "boyfriend",
        "gf" => "girlfriend",
        other => other,
    }
}
