//! Location cues: places named in the text (from the gazetteer), the words around them
//! ("grew up in", "moved to"), and currencies.

use crate::gazetteer::{Gazetteer, Place};
use crate::tally::Votes;
use crate::text::{Word, find};

/// Words before a place that make it where the user grew up.
const ORIGIN: &[&str] = &[
    "born",
    "grew up",
    "hometown",
    "childhood",
    "growing up",
    "raised",
    "native",
    "originally",
    "back home",
    "as a kid",
    "home town",
];
/// Words before a place that make it where the user lives now.
const HOME: &[&str] = &[
    "live in",
    "living in",
    "here in",
    "based in",
    "moved to",
    "settled in",
    "round here",
    "around here",
    "my city",
    "our city",
    "locals",
];
/// Words before a place that make it somewhere the user only went.
const AWAY: &[&str] = &[
    "visit*", "trip", "vacation", "travel*", "holiday", "tour*", "flight",
];

/// Currency words and the ISO 4217 code they name.
const CURRENCIES: &[(&str, &str)] = &[
    ("£", "GBP"),
    ("quid", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rmb", "CNY"),
    ("rupee*", "INR"),
    ("loonie*", "CAD"),
    ("toonie*", "CAD"),
    ("reais", "BRL"),
    ("rand", "ZAR"),
    ("kronor", "SEK"),
    ("kroner", "NOK"),
    ("francs", "CHF"),
    ("baht", "THB"),
    ("zloty", "PLN"),
    ("lira", "TRY"),
    ("ringgit", "MYR"),
    ("dirhams", "AED"),
    ("pesos", "MXN"),
];

/// Adds the location cues of one text (index `text`) to the city and birthplace tallies.
pub fn cues(
    g: &Gazetteer,
    words: &[Word],
    raw: &str,
    text: usize,
    city: &mut impl Votes,
    birth: &mut impl Votes,
) {
    for (at, place) in g.places_in(words) {
        // A country (or its people) points at its capital for where one lives, and at its
        // largest other city, weakly, for where one grew up.
        let (label, weight) = match place {
            Place::City(c) => (g.city_label(c), 1.0),
            Place::Country(c) | Place::People(c) => {
                let weight = if matches!(place, Place::Country(_)) {
                    0.4
                } else {
                    0.3
                };
                let Some(capital) = g.capital_city(c) else {
                    continue;
                };
                if let Some(other) = g.other_city(c, Some(capital)) {
                    birth.add(&g.city_label(other), weight * 0.4, text);
                }
                (g.city_label(capital), weight)
            }
        };
        let before = &words[at.saturating_sub(6)..at];
        if near(before, ORIGIN) {
            birth.add(&label, 2.0 * weight, text);
        } else if near(before, HOME) {
            city.add(&label, 2.5 * weight, text);
        } else if near(before, AWAY) {
            city.add(&label, 0.2 * weight, text);
        } else {
            city.add(&label, weight, text);
            birth.add(&label, 0.3 * weight, text);
        }
    }
    let mut found = Vec::new();
    for (word, code) in CURRENCIES {
        let hit = if word.is_ascii() {
            !find(words, word).is_empty()
        } else {
            raw.contains(word)
        };
        if hit && !found.contains(code) {
            found.push(code);
        }
    }
    for code in found {
        if let Some(c) = g.country_of_currency(code).and_then(|c| g.capital_city(c)) {
            city.add(&g.city_label(c), 0.8, text);
        }
    }
}

fn near(before: &[Word], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| !find(before, p).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tally::Tally;
    use crate::text::words;

    #[test]
    fn origin_home_and_currency() {
        let g = Gazetteer::builtin();
        let (mut city, mut birth) = (Tally::default(), Tally::default());
        let t = "I grew up in Porto but these days I live in Oslo.";
        cues(g, &words(t), t, 0, &mut city, &mut birth);
        let t = "Paid 200 kroner for a coffee, unbelievable.";
        cues(g, &words(t), t, 1, &mut city, &mut birth);
        assert_eq!(birth.winner().unwrap().value, "Porto, Portugal");
        let home = city.winner().unwrap();
        assert_eq!(
            (home.value.as_str(), home.texts),
            ("Oslo, Norway", vec![0, 1])
        );
    }
}
