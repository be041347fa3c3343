//! The cue lists indexed by their first word, so a text is scanned once instead of once per
//! phrase.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use super::{AGE, EDUCATION, INCOME, OCCUPATION, RELATIONSHIP, Rule, SEX};
use crate::text::Word;

/// The cue tables, in the order [`matches`] names them.
pub const TABLES: [&[Rule]; 6] = [AGE, SEX, RELATIONSHIP, OCCUPATION, EDUCATION, INCOME];

struct Compiled {
    /// Words of each rule's phrase, by table.
    parts: Vec<Vec<Vec<&'static str>>>,
    /// (table, rule) by exact first word.
    by_first: HashMap<&'static str, Vec<(usize, usize)>>,
    /// (first-word prefix, table, rule) for phrases whose first word ends in `*`.
    prefixed: Vec<(&'static str, usize, usize)>,
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let mut c = Compiled {
            parts: Vec::new(),
            by_first: HashMap::new(),
            prefixed: Vec::new(),
        };
        for (t, table) in TABLES.iter().enumerate() {
            let parts: Vec<Vec<&'static str>> = table
                .iter()
                .map(|(phrase, _, _)| phrase.split(' ').collect())
                .collect();
            for (r, p) in parts.iter().enumerate() {
                match p[0].strip_suffix('*') {
                    Some(prefix) => c.prefixed.push((prefix, t, r)),
                    None => c.by_first.entry(p[0]).or_default().push((t, r)),
                }
            }
            c.parts.push(parts);
        }
        c
    })
}

/// Every (table, rule) whose phrase occurs in `words`, in table and rule order.
pub fn matches(words: &[Word]) -> BTreeSet<(usize, usize)> {
    let c = compiled();
    let mut found = BTreeSet::new();
    for (i, w) in words.iter().enumerate() {
        let rest = |t: usize, r: usize| {
            let p = &c.parts[t][r];
            i + p.len() <= words.len()
                && p[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, part)| crate::text::matches(&words[i + 1 + k].lower, part))
        };
        if let Some(rules) = c.by_first.get(w.lower.as_str()) {
            found.extend(rules.iter().copied().filter(|&(t, r)| rest(t, r)));
        }
        for &(prefix, t, r) in &c.prefixed {
            if w.lower.starts_with(prefix) && rest(t, r) {
                found.insert((t, r));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{find, words};

    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let text = "Divorced dad of two, grading papers; my students and my kids laugh at my \
                    spreadsheets. Paycheck to paycheck since retiring, grandkids visit.";
        let w = words(text);
        let scanned: BTreeSet<(usize, usize)> = TABLES
            .iter()
            .enumerate()
            .flat_map(|(t, table)| {
                let w = &w;
                table
                    .iter()
                    .enumerate()
                    .filter(move |(_, (phrase, _, _))| !find(w, phrase).is_empty())
                    .map(move |(r, _)| (t, r))
            })
            .collect();
        assert!(scanned.len() >= 8, "{scanned:?}");
        assert_eq!(matches(&w), scanned);
    }
}
