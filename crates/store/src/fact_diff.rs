//! What changed between two versions of a user's facts: the rows to delete and to write, and
//! how the tenant's population counts move. Shared by the backends.

use std::collections::{HashMap, HashSet};

use rapport_core::{Fact, FactId};

/// A population count's `(key, lowercase value)` and how it moves.
pub(crate) type PairDelta = ((String, String), i64);

/// The `(key, value)` pairs a set of facts holds as current, each once.
pub(crate) fn current_pairs(facts: &[Fact]) -> HashSet<(String, String)> {
    facts
        .iter()
        .filter(|f| f.is_current())
        .map(|f| (f.key.clone(), f.value.to_lowercase()))
        .collect()
}

/// How the population counts move when a user's facts go from `before` to `after`: +1 for a
/// pair newly held, -1 for a pair no longer held; unchanged pairs are left out. Ordered by pair.
pub(crate) fn population_deltas(before: &[Fact], after: &[Fact]) -> Vec<PairDelta> {
    let (before, after) = (current_pairs(before), current_pairs(after));
    let mut deltas: HashMap<(String, String), i64> = HashMap::new();
    for pair in before.difference(&after) {
        deltas.insert(pair.clone(), -1);
    }
    for pair in after.difference(&before) {
        deltas.insert(pair.clone(), 1);
    }
    let mut deltas: Vec<_> = deltas.into_iter().collect();
    deltas.sort();
    deltas
}

/// The rows to change to go from `previous` to `facts`.
pub(crate) struct FactDiff<'a> {
    /// Fact ids no longer present.
    pub removed: Vec<FactId>,
    /// Facts new or different.
    pub written: Vec<&'a Fact>,
    /// The versions in `previous` of the facts removed or rewritten.
    replaced: Vec<&'a Fact>,
}

/// The rows to change to go from `previous` to `facts`; `changed` is the caller's account of
/// it ([`FactUpdate::changed`](crate::FactUpdate::changed)), taken as is.
pub(crate) fn diff<'a>(
    previous: &'a [Fact],
    facts: &'a [Fact],
    changed: Option<&[usize]>,
) -> FactDiff<'a> {
    if let Some(changed) = changed {
        let changes = FactDiff {
            removed: Vec::new(),
            written: changed.iter().map(|&i| &facts[i]).collect(),
            replaced: changed.iter().filter_map(|&i| previous.get(i)).collect(),
        };
        debug_assert!(
            {
                let found = compare(previous, facts);
                found.removed.is_empty()
                    && found.written.len() == changes.written.len()
                    && found
                        .written
                        .iter()
                        .zip(&changes.written)
                        .all(|(a, b)| a.id == b.id)
            },
            "the caller's account of the changes is wrong"
        );
        return changes;
    }
    compare(previous, facts)
}

fn compare<'a>(previous: &'a [Fact], facts: &'a [Fact]) -> FactDiff<'a> {
    let by_id = |list: &[Fact]| list.is_sorted_by(|a, b| a.id < b.id);
    if by_id(previous) && by_id(facts) {
        return merge(previous, facts);
    }
    let old: HashMap<FactId, &Fact> = previous.iter().map(|f| (f.id, f)).collect();
    let ids: HashSet<FactId> = facts.iter().map(|f| f.id).collect();
    let mut changes = FactDiff {
        removed: Vec::new(),
        written: Vec::new(),
        replaced: Vec::new(),
    };
    for fact in previous.iter().filter(|f| !ids.contains(&f.id)) {
        changes.removed.push(fact.id);
        changes.replaced.push(fact);
    }
    for fact in facts {
        match old.get(&fact.id) {
            Some(&was) if was == fact => {}
            was => {
                changes.written.push(fact);
                changes.replaced.extend(was.copied());
            }
        }
    }
    changes
}

/// [`diff`] of two lists ordered by id, in one walk and without a map.
fn merge<'a>(previous: &'a [Fact], facts: &'a [Fact]) -> FactDiff<'a> {
    let mut changes = FactDiff {
        removed: Vec::new(),
        written: Vec::new(),
        replaced: Vec::new(),
    };
    let (mut old, mut new) = (previous.iter().peekable(), facts.iter().peekable());
    loop {
        match (old.peek(), new.peek()) {
            (Some(was), Some(now)) if was.id == now.id => {
                if was != now {
                    changes.written.push(now);
                    changes.replaced.push(was);
                }
                old.next();
                new.next();
            }
            (Some(was), Some(now)) if was.id < now.id => {
                changes.removed.push(was.id);
                changes.replaced.push(was);
                old.next();
            }
            (Some(was), None) => {
                changes.removed.push(was.id);
                changes.replaced.push(was);
                old.next();
            }
            (_, Some(now)) => {
                changes.written.push(now);
                new.next();
            }
            (None, None) => return changes,
        }
    }
}

impl FactDiff<'_> {
    /// [`population_deltas`] of `previous` and `facts` (the lists this diff was made of),
    /// looking only at the pairs of the facts that changed: a pair that an unchanged fact holds
    /// is held before and after.
    pub(crate) fn population_deltas(&self, previous: &[Fact], facts: &[Fact]) -> Vec<PairDelta> {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for fact in self.replaced.iter().chain(&self.written) {
            if fact.is_current() {
                let pair = (fact.key.as_str(), fact.value.to_lowercase());
                if !pairs.contains(&pair) {
                    pairs.push(pair);
                }
            }
        }
        let holds = |list: &[Fact], (key, value): &(&str, String)| {
            list.iter()
                .any(|f| f.is_current() && f.key == *key && lowercase_is(&f.value, value))
        };
        let mut deltas: Vec<PairDelta> = pairs
            .into_iter()
            .filter_map(|pair| {
                let delta = i64::from(holds(facts, &pair)) - i64::from(holds(previous, &pair));
                (delta != 0).then(|| ((pair.0.to_string(), pair.1), delta))
            })
            .collect();
        deltas.sort();
        deltas
    }
}

/// Whether `value.to_lowercase() == lowered`, without allocating for ASCII values.
fn lowercase_is(value: &str, lowered: &str) -> bool {
    if value.is_ascii() {
        value.len() == lowered.len()
            && value
                .bytes()
                .zip(lowered.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        value.to_lowercase() == lowered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::fact;
    use proptest::prelude::*;

    /// Facts drawn from a few keys and values (some differing only in case), some ended.
    fn facts() -> impl Strategy<Value = Vec<Fact>> {
        let one = (0u64..12, 0usize..3, 0usize..4, any::<bool>(), 0u8..3);
        proptest::collection::vec(one, 0..10).prop_map(|drawn| {
            let mut facts: Vec<Fact> = drawn
                .into_iter()
                .map(|(id, key, value, ended, confidence)| {
                    let key = ["city", "likes:jazz", "pet"][key];
                    let value = ["Paris", "paris", "Lyon", "Ünïcode"][value];
                    let mut f = fact(id, key, value);
                    if ended {
                        f.valid_to = Some(f.valid_from);
                    }
                    f.confidence = f32::from(confidence) / 2.0;
                    f
                })
                .collect();
            facts.sort_by_key(|f| f.id);
            facts.dedup_by_key(|f| f.id);
            facts
        })
    }

    fn check(previous: &[Fact], facts: &[Fact]) {
        let changes = diff(previous, facts, None);
        assert_eq!(
            changes.population_deltas(previous, facts),
            population_deltas(previous, facts)
        );
        // Applying the diff to `previous` gives `facts`.
        let mut rows: HashMap<FactId, &Fact> = previous.iter().map(|f| (f.id, f)).collect();
        for id in &changes.removed {
            rows.remove(id);
        }
        for f in &changes.written {
            rows.insert(f.id, f);
        }
        let mut rebuilt: Vec<&Fact> = rows.into_values().collect();
        rebuilt.sort_by_key(|f| f.id);
        let mut expected: Vec<&Fact> = facts.iter().collect();
        expected.sort_by_key(|f| f.id);
        assert_eq!(rebuilt, expected);
    }

    proptest! {
        #[test]
        fn changes_alone_give_the_full_deltas(previous in facts(), facts in facts()) {
            check(&previous, &facts);
            // Out of id order: the map-based walk.
            let (mut p, mut f) = (previous.clone(), facts.clone());
            p.reverse();
            f.reverse();
            check(&p, &f);
        }
    }

    #[test]
    fn lowercase_comparison_matches_to_lowercase() {
        for (value, lowered) in [
            ("Paris", "paris"),
            ("PARIS", "paris"),
            ("Ünïcode", "ünïcode"),
        ] {
            assert!(lowercase_is(value, lowered));
            assert!(!lowercase_is(value, "lyon"));
        }
        assert!(!lowercase_is("Paris", "Paris"));
    }
}
