//! "My …" clauses: the user's name, favorites, and the people and pets in their life
//! ("my sister Ana is a nurse" is a fact about the sister, under Relationship).

use rapport_core::Facet;

use super::{Found, Reading, only_anaphors};
use crate::lexicon::{self, has};
use crate::render::{key_text, value_text};
use crate::tokenize::{Token, TokenKind};

/// Patterns on a "My …" clause (the predicate starts after "my").
pub(crate) fn read(r: &Reading<'_>) -> Option<Found> {
    let be = r
        .pred
        .iter()
        .position(|t| matches!(t.lower.as_str(), "is" | "are" | "was" | "'s" | "be"));
    match r.w(0) {
        "name" if be == Some(1) => {
            let name = r.pred.get(2)?;
            let mut f = Found::new(Facet::Identity, "name", name.text.clone());
            f.statement = Some(format!("My name is {}.", name.text));
            Some(f)
        }
        "favorite" | "favourite" => {
            let be = be?;
            // "my favorite would have to be Indian food": the modal is not the category.
            let category_end = r.pred[1..be]
                .iter()
                .position(|t| has(crate::clauses::MODALS, &t.lower) || t.lower == "has")
                .map_or(be, |at| at + 1);
            let category = key_text(&r.pred[1..category_end]);
            let value = value_text(r.rest(be + 1));
            if value.is_empty() || only_anaphors(r.rest(be + 1)) {
                return None;
            }
            if category.is_empty() {
                // "My favorite is Sufjan Stevens": a strong like of no stated kind.
                let mut f = Found::new(
                    Facet::Preference,
                    format!("likes:{}", value.to_lowercase()),
                    value,
                );
                f.statement = Some(crate::render::sentence(&format!(
                    "My favorite is {}",
                    crate::render::join(r.rest(be + 1))
                )));
                return Some(f);
            }
            Some(Found::new(
                Facet::Preference,
                format!("favorite:{category}"),
                value,
            ))
        }
        "birthday" if be == Some(1) && !r.negated => birthday(r),
        "job" | "hobby" | "hobbies" | "goal" | "dream" if be == Some(1) => {
            let value = value_text(r.rest(2));
            let facet = match r.w(0) {
                "job" => Facet::Identity,
                "goal" | "dream" => Facet::Goal,
                _ => Facet::Interest,
            };
            (!value.is_empty() && !only_anaphors(r.rest(2)))
                .then(|| Found::new(facet, format!("{}:{}", r.w(0), key_text(r.rest(2))), value))
        }
        _ => person(r),
    }
}

/// "My birthday is in July", "my birthday is on May 5th": the month (and day) named in the
/// clause (the time reader took "in July" out of the predicate); not "is coming up".
fn birthday(r: &Reading<'_>) -> Option<Found> {
    let at = r.clause.iter().position(|t| t.lower == "is")? + 1;
    let at = at
        + usize::from(
            r.clause
                .get(at)
                .is_some_and(|t| t.lower == "in" || t.lower == "on"),
        );
    let when = r.clause.get(at..)?;
    let named = when
        .first()
        .is_some_and(|t| crate::time::MONTHS.contains(&t.lower.as_str()));
    (named && when.len() <= 3).then(|| Found::new(Facet::Identity, "birthday", value_text(when)))
}

/// Verbs after "my <person>" that report what the person says or thinks, or what they might do
/// ("my mom said …", "my dad would …"): their words and possibilities, not facts of the speaker's
/// life.
const HEARSAY: &[&str] = &[
    "can", "could", "might", "said", "says", "should", "think", "thinks", "told", "would",
];

/// "My dog's name is Max", "my son's name is Leo": said as "I have a dog named Max".
fn name_of(r: &Reading<'_>) -> Option<Found> {
    let who = r.w(0).strip_suffix("'s")?;
    let name = r
        .pred
        .get(3)
        .filter(|t| r.pred.len() == 4 && t.text.starts_with(|c: char| c.is_uppercase()))?;
    if r.w(1) != "name" || r.w(2) != "is" || r.negated || r.past {
        return None;
    }
    let mut f = if has(lexicon::PETS, who) {
        Found::new(
            Facet::Possession,
            format!("pet.{who}"),
            name.text.to_string(),
        )
    } else if crate::kin::is_person(who) {
        let key = super::possession::family_key(who);
        Found::new(
            Facet::Identity,
            format!("family.{key}"),
            name.text.to_string(),
        )
    } else {
        return None;
    };
    f.statement = Some(format!("I have a {who} named {}.", name.text));
    Some(f)
}

/// "my sister (Ana) is a nurse", "my dog loves the beach", "my kids are 5 and 7".
fn person(r: &Reading<'_>) -> Option<Found> {
    if let Some(f) = name_of(r) {
        return Some(f);
    }
    // The person word may follow adjectives: "my older brother", "my best friend".
    let at = r.pred.iter().take(3).position(|t| {
        let w = t.lower.strip_suffix("'s").unwrap_or(&t.lower);
        crate::kin::is_person(w) || has(lexicon::PETS, w)
    })?;
    let who = r.pred[at].lower.trim_end_matches("'s").to_string();
    let rest = r.rest(at + 1);
    let rest = if rest
        .first()
        .is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase))
    {
        &rest[1..]
    } else {
        rest
    };
    // "My dog Max passed away", "my dog died" (a verb alone): the pet is no longer the user's.
    let w = |i: usize| rest.get(i).map_or("", |t| t.lower.as_str());
    let died = w(0) == "died" || w(0) == "passed" && w(1) == "away";
    if !died && (rest.len() < 2 || only_anaphors(&rest[1..])) || has(HEARSAY, w(0)) {
        return None;
    }
    let facet = if has(lexicon::PETS, &who) {
        Facet::Possession
    } else {
        Facet::Relationship
    };
    let relation = key_text(&r.pred[..=at]);
    let mut f = Found::new(facet, format!("person:{relation}"), value_text(rest));
    f.strength = 0.5;
    if died && has(lexicon::PETS, &who) {
        f.ends = Some(who);
    }
    Some(f)
}

/// "Roxy Music is my favorite band" (the clause as cleaned).
pub(crate) fn favorite_named(clause: &[Token]) -> Option<Found> {
    let lower = |i: usize| clause.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let be = (1..5).find(|&i| matches!(lower(i), "is" | "are" | "was"))?;
    let category_at = crate::clean::favorite_after(&lower, be + 1)?;
    let what = &clause[..be];
    let category = clause.get(category_at..).unwrap_or(&[]);
    let key = if category.is_empty() {
        "thing".to_string()
    } else {
        key_text(category)
    };
    let value = value_text(what);
    if value.is_empty() {
        return None;
    }
    // "one of my favorite bands" is one of several: a like, not the favorite.
    let key = if lower(be + 1) == "one" {
        format!("likes:{}", value.to_lowercase())
    } else {
        format!("favorite:{key}")
    };
    Some(Found::new(Facet::Preference, key, value))
}

/// People and pets whose mention as "my …" implies the user has them.
const IMPLIED: &[&str] = &[
    "boyfriend",
    "boys",
    "brother",
    "brothers",
    "cat",
    "cats",
    "children",
    "daughter",
    "daughters",
    "dog",
    "dogs",
    "fiance",
    "fiancee",
    "girlfriend",
    "girls",
    "grandchildren",
    "granddaughter",
    "grandkids",
    "grandson",
    "husband",
    "kids",
    "nephew",
    "nephews",
    "niece",
    "nieces",
    "partner",
    "pets",
    "puppy",
    "roommate",
    "roommates",
    "siblings",
    "sister",
    "sisters",
    "son",
    "sons",
    "twins",
    "wife",
];

/// Words that may stand between "my" and the person ("my two boys", "my older sister").
const KIN_ADJECTIVES: &[&str] = &[
    "baby", "big", "eldest", "little", "new", "old", "older", "oldest", "only", "own", "pet",
    "twin", "young", "younger", "youngest",
];

/// Things whose mention as "my …" implies the user has them: homes, vehicles, a business, a
/// band, a blog, a degree ("my car broke down": "I have a car").
const IMPLIED_THINGS: &[&str] = &[
    "apartment",
    "band",
    "bike",
    "blog",
    "boat",
    "business",
    "car",
    "company",
    "condo",
    "degree",
    "farm",
    "garden",
    "house",
    "houseboat",
    "jeep",
    "laptop",
    "minivan",
    "motorcycle",
    "ranch",
    "restaurant",
    "scooter",
    "shop",
    "truck",
    "van",
    "yard",
];

/// Things whose mention as "my …" implies the user has a job ("my boss", "my coworkers").
const JOB_WORDS: &[&str] = &["boss", "coworker", "coworkers", "job", "manager", "shift"];

/// "My daughter is on spring break" also says "I have a daughter", "my two boys" "I have two
/// boys", "my boss" "I have a job", "my new car" "I have a car": one fact per such mention.
pub(crate) fn implied(clause: &[Token]) -> Vec<Found> {
    let mut out = Vec::new();
    // "I was at work all day", "… after work": being at work says there is a job.
    let at_work = clause.windows(2).any(|w| {
        w[1].lower == "work" && matches!(w[0].lower.as_str(), "after" | "at" | "before" | "from")
    });
    if at_work {
        out.push(has_job());
    }
    for (at, my) in clause.iter().enumerate() {
        if !opens_mention(&my.lower, clause.get(at + 1).map(|t| t.lower.as_str())) {
            continue;
        }
        // "I don't own my own car": a denied "own …" is no mention of one.
        if clause.get(at + 1).is_some_and(|t| t.lower == "own") && denied_before(&clause[..at]) {
            continue;
        }
        // "my two older boys": a count and kin adjectives may come first.
        let mut i = at + 1;
        let mut count: Option<&Token> = None;
        if let Some(t) = clause.get(i).filter(|t| is_count(t)) {
            count = Some(t);
            i += 1;
        }
        while clause.get(i).is_some_and(|t| has(KIN_ADJECTIVES, &t.lower)) {
            i += 1;
        }
        let Some(who) = clause.get(i) else { continue };
        // "my blonde hair": how they look.
        if who.lower != "hair"
            && has(HAIR_COLORS, &who.lower)
            && clause.get(i + 1).is_some_and(|t| t.lower == "hair")
        {
            let hair = format!("{} hair", who.lower);
            let mut f = Found::new(Facet::Identity, format!("has:{hair}"), hair.clone());
            f.statement = Some(format!("I have {hair}."));
            f.strength = 0.5;
            out.push(f);
            continue;
        }
        // "my dog's name is Ginger": the possessive names the dog.
        let who_word = who.lower.strip_suffix("'s").unwrap_or(&who.lower);
        let who = &Token::new(who_word, who.kind);
        if has(JOB_WORDS, &who.lower) && i == at + 1 {
            out.push(has_job());
            continue;
        }
        let thing = has(IMPLIED_THINGS, &who.lower);
        if !has(IMPLIED, &who.lower) && !thing && !has(lexicon::PETS, &who.lower) {
            continue;
        }
        let plural = who.lower.ends_with('s') && !who.lower.ends_with("ss")
            || matches!(who.lower.as_str(), "children" | "grandchildren");
        let how_many = match count {
            Some(n) if plural => format!("{} ", n.text),
            _ if plural => String::new(),
            _ if who.lower.starts_with(['a', 'e', 'i', 'o', 'u']) => "an ".to_string(),
            _ => "a ".to_string(),
        };
        let pet = has(lexicon::PETS, &who.lower);
        let facet = if pet || thing {
            Facet::Possession
        } else {
            Facet::Relationship
        };
        let mut f = Found::new(facet, format!("has:{}", who.lower), who.lower.to_string());
        // "my sister Lena": one person, named ("LOVES" is shouting, not a name).
        let name = clause
            .get(i + 1)
            .filter(|_| !plural && !pet && !thing)
            .filter(|t| t.kind == TokenKind::Word && t.text.starts_with(char::is_uppercase))
            .filter(|t| t.text.chars().skip(1).any(char::is_lowercase))
            .filter(|t| !has(lexicon::PEOPLE, &t.lower));
        f.statement = Some(match name {
            Some(name) => format!("I have {how_many}{} named {}.", who.lower, name.text),
            None => format!("I have {how_many}{}.", who.lower),
        });
        f.strength = 0.5;
        out.push(f);
        if matches!(who.lower.as_str(), "husband" | "wife") {
            let mut married = Found::new(Facet::Identity, "relationship.status", "married");
            married.statement = Some("I am married.".to_string());
            out.push(married);
        }
    }
    out
}

/// Whether a clause denies before a word: "I don't …", "I never …".
fn denied_before(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "don't" | "didn't" | "doesn't" | "never" | "not" | "no" | "haven't"
        )
    })
}

/// "I have a job.", implied by "my boss", "my shift", "at work".
fn has_job() -> Found {
    let mut f = Found::new(Facet::Identity, "has:job", "job");
    f.statement = Some("I have a job.".to_string());
    f.strength = 0.5;
    f
}

/// Whether a mention of the speaker's people, pets or things starts at a word (`next` the word
/// after it): "my …", "our …" (the household: "our kids"), or "the kids" / "the grandkids" /
/// "the children", which in a first-person clause are the speaker's ("the kids and I").
pub(crate) fn opens_mention(word: &str, next: Option<&str>) -> bool {
    matches!(word, "my" | "our")
        || word == "the" && next.is_some_and(|n| matches!(n, "children" | "grandkids" | "kids"))
}

/// Hair colors and kinds ("my blonde hair": "I have blonde hair").
const HAIR_COLORS: &[&str] = &[
    "black", "blond", "blonde", "blue", "brown", "curly", "dark", "gray", "green", "grey", "long",
    "pink", "purple", "red", "short", "straight", "white",
];

/// A count before a noun: "2", "two".
fn is_count(t: &Token) -> bool {
    t.kind == crate::tokenize::TokenKind::Number && t.lower.parse::<u32>().is_ok_and(|n| n < 30)
        || lexicon::COUNTS
            .iter()
            .any(|(w, n)| *w == t.lower.as_str() && *n > 1 && *w != "twins")
}
