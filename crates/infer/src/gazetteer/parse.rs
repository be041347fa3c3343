//! Reading the gazetteer file and indexing its names.

use std::collections::HashMap;

use super::{City, Country, Gazetteer, Place, key};
use crate::Error;

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
    // The film industry far more often than the district of Los Angeles (or the Florida city).
    "hollywood",
];

impl Gazetteer {
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
}
