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

#[test]
fn a_label_names_its_city() {
    let g = Gazetteer::builtin();
    let lyon = g.city_of_label("Lyon, France").unwrap();
    assert_eq!(g.city_label(lyon), "Lyon, France");
    assert_eq!(g.city_of_label("Lyon, Canada"), None);
    assert_eq!(g.city_of_label("Lyon"), None);
}

#[test]
fn a_first_name_or_word_is_a_city_only_after_a_place_word() {
    let g = Gazetteer::builtin();
    let cities = |t: &str| -> Vec<String> {
        g.places_in(&words(t))
            .into_iter()
            .filter_map(|(_, p)| match p {
                Place::City(c) => Some(g.city_label(c)),
                _ => None,
            })
            .collect()
    };
    assert!(cities("Threw a hail Mary at the exam and it worked.").is_empty());
    assert!(cities("My friend Austin says Sydney is coming over.").is_empty());
    assert_eq!(
        cities("We moved from Austin last year."),
        ["Austin, United States"]
    );
    assert_eq!(cities("Summers in Sydney are long."), ["Sydney, Australia"]);
    assert!(cities("What a lovely Surprise that was.").is_empty());
    assert_eq!(
        cities("They retired near Surprise."),
        ["Surprise, United States"]
    );
    // "Hollywood" is the film industry.
    assert!(cities("Another Hollywood remake nobody asked for.").is_empty());
    // Names that are not first names need no place word.
    assert_eq!(cities("Munich traffic again."), ["Munich, Germany"]);
}

#[test]
fn a_first_name_is_a_country_only_after_a_place_word() {
    let g = Gazetteer::builtin();
    let countries = |t: &str| -> Vec<String> {
        g.places_in(&words(t))
            .into_iter()
            .filter_map(|(_, p)| match p {
                Place::Country(c) => Some(g.countries[c].name.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(countries("Watched Jordan dunk in the old finals footage.").is_empty());
    assert!(countries("My coworker Chad keeps microwaving fish.").is_empty());
    assert_eq!(countries("We spent a week in Jordan."), ["Jordan"]);
    // Populous countries whose names are also words stay countries.
    assert_eq!(
        countries("The food in Turkey and China."),
        ["Turkey", "China"]
    );
    assert_eq!(countries("Turkey was wonderful."), ["Turkey"]);
}
