//! Home and birthplace lean on each other: most people live in the country they were born in,
//! but seldom in the very city (on the tune users: 71 of 74 the same country, 4 of 74 the same
//! city). So a home city with no birthplace beside it suggests, weakly, the largest other city of
//! its country as the birthplace, and a birthplace with no home the largest other city of its
//! country as the home.

use crate::gazetteer::Gazetteer;
use crate::tally::Tally;

/// How much of the known place's weight the suggested one gets.
const LEAN: f32 = 0.5;

/// Fills an empty home or birthplace tally from the other one's winner.
pub fn settle(g: &Gazetteer, city: &mut Tally, birth: &mut Tally) {
    match (city.winner(), birth.winner()) {
        (Some(home), None) => suggest(g, &home.value, home.weight, home.texts[0], birth),
        (None, Some(born)) => suggest(g, &born.value, born.weight, born.texts[0], city),
        _ => {}
    }
}

/// Votes in `into` for the largest city of `label`'s country other than `label` itself.
fn suggest(g: &Gazetteer, label: &str, weight: f32, text: usize, into: &mut Tally) {
    let Some(known) = g.city_of_label(label) else {
        return;
    };
    if let Some(other) = g.other_city(g.cities[known].country, Some(known)) {
        into.add(&g.city_label(other), LEAN * weight, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_home_suggests_a_birthplace_in_its_country_and_back() {
        let g = Gazetteer::builtin();
        let (mut city, mut birth) = (Tally::default(), Tally::default());
        city.add("Berlin, Germany", 2.0, 3);
        settle(g, &mut city, &mut birth);
        let born = birth.winner().unwrap();
        assert_eq!(born.value, "Hamburg, Germany");
        assert_eq!((born.weight, born.texts), (1.0, vec![3]));

        let (mut city, mut birth) = (Tally::default(), Tally::default());
        birth.add("Hamburg, Germany", 1.0, 0);
        settle(g, &mut city, &mut birth);
        assert_eq!(city.winner().unwrap().value, "Berlin, Germany");
    }

    #[test]
    fn both_known_or_neither_changes_nothing() {
        let g = Gazetteer::builtin();
        let (mut city, mut birth) = (Tally::default(), Tally::default());
        settle(g, &mut city, &mut birth);
        assert!(city.winner().is_none() && birth.winner().is_none());
        city.add("Lyon, France", 1.0, 0);
        birth.add("Lyon, France", 1.0, 0);
        settle(g, &mut city, &mut birth);
        assert_eq!(birth.total(), 1.0);
        assert_eq!(city.total(), 1.0);
    }
}
