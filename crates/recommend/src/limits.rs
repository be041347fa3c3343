//! Numeric limits a user states ("no movies over two hours", "shows with more than three
//! seasons") checked against the quantities a candidate gives ("201 minutes", "(3h 12m)",
//! "(5 seasons)").

use crate::terms::words;

/// A measure with its unit family: durations in minutes, or a count of seasons, episodes, ...
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The unit family ("minutes", "season", "episode", "dollar").
    pub unit: &'static str,
    /// The amount in the family's base unit.
    pub amount: f32,
}

/// The limit a statement names: the quantity, and whether it was named as what is too much
/// ("more than N", rejected) rather than as a ceiling ("under N", wanted).
pub fn stated_limit(sentence: &str) -> Option<(Quantity, bool)> {
    let ws = words(sentence);
    let rejects_above = [
        "more", "over", "longer", "beyond", "above", "exceed", "exceeds", "than",
    ];
    let accepts_below = [
        "under", "less", "shorter", "within", "most", "below", "maximum",
    ];
    for (i, w) in ws.iter().enumerate() {
        let above = rejects_above.contains(&w.as_str());
        let below = accepts_below.contains(&w.as_str());
        if !(above || below) {
            continue;
        }
        let Some(quantity) = quantity_at(&ws, i + 1) else {
            continue;
        };
        return Some((quantity, above));
    }
    None
}

/// Every quantity a text gives.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // "3h 12m", "2h"
        if let Some(hours) = ws[i].strip_suffix('h').and_then(|n| n.parse::<f32>().ok()) {
            let minutes = ws
                .get(i + 1)
                .and_then(|m| m.strip_suffix('m'))
                .and_then(|n| n.parse::<f32>().ok())
                .unwrap_or(0.0);
            out.push(Quantity {
                unit: "minutes",
                amount: hours * 60.0 + minutes,
            });
        } else if let Some(q) = quantity_at(&ws, i) {
            out.push(q);
        }
        i += 1;
    }
    out
}

/// How far `candidate` goes over the statement's maximum, as a share of it (`Some(0.25)` for
/// 150 minutes against two hours; `Some(0.0)` within it), or `None` when it says nothing
/// comparable.
pub fn overshoot(maximum: &Quantity, candidate: &str) -> Option<f32> {
    let found: Vec<f32> = quantities(candidate)
        .into_iter()
        .filter(|q| q.unit == maximum.unit)
        .map(|q| q.amount)
        .collect();
    let largest = found.into_iter().reduce(f32::max)?;
    Some(((largest - maximum.amount) / maximum.amount.max(1.0)).max(0.0))
}

/// A number then a unit starting at word `at` ("two and a half hours", "195 minutes").
fn quantity_at(ws: &[String], at: usize) -> Option<Quantity> {
    let mut amount = number(ws.get(at)?)?;
    let mut next = at + 1;
    if ws.get(next).map(String::as_str) == Some("and")
        && ws.get(next + 1).map(String::as_str) == Some("a")
        && ws.get(next + 2).map(String::as_str) == Some("half")
    {
        amount += 0.5;
        next += 3;
    }
    let (unit, factor) = unit(ws.get(next)?)?;
    Some(Quantity {
        unit,
        amount: amount * factor,
    })
}

fn number(word: &str) -> Option<f32> {
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    word.parse::<f32>()
        .ok()
        .or_else(|| WORDS.iter().position(|w| *w == word).map(|n| n as f32))
}

fn unit(word: &str) -> Option<(&'static str, f32)> {
    Some(match word {
        "hour" | "hours" | "hr" | "hrs" => ("minutes", 60.0),
        "minute" | "minutes" | "min" | "mins" => ("minutes", 1.0),
        "season" | "seasons" => ("season", 1.0),
        "episode" | "episodes" => ("episode", 1.0),
        "page" | "pages" => ("page", 1.0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_quantities_compare_across_units() {
        let (max, above) =
            stated_limit("I prefer not to watch movies that are over two hours long").unwrap();
        assert!(above);
        assert_eq!(max.amount, 120.0);
        assert_eq!(
            overshoot(&max, "Schindler's List (1993) - 195 minutes").map(|o| o > 0.0),
            Some(true)
        );
        assert_eq!(
            overshoot(&max, "The Banshees of Inisherin (1h 54m)"),
            Some(0.0)
        );
        assert_eq!(overshoot(&max, "A dark comedy"), None);
        assert_eq!(overshoot(&max, "Heat (1995) - 180 minutes"), Some(0.5));
        let (half, _) = stated_limit("I dislike movies over two and a half hours long").unwrap();
        assert_eq!(half.amount, 150.0);
        let (seasons, _) = stated_limit("no TV shows with more than three seasons").unwrap();
        assert!(overshoot(&seasons, "Friends (10 seasons)").unwrap() > 0.0);
    }
}
