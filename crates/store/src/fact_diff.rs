//! What changed between two versions of a user's facts: the rows to delete and to write, and
//! how the tenant's population counts move. Shared by the backends.

use std::collections::{HashMap, HashSet};

use rapport_core::{Fact, FactId};

/// The `(key, value)` pairs a set of facts holds as current, each once.
pub(crate) fn current_pairs(facts: &[Fact]) -> HashSet<(String, String)> {
    facts
        .iter()
        .filter(|f| f.is_current())
        .map(|f| (f.key.clone(), f.value.to_lowercase()))
        .collect()
}

/// How the population counts move when a user's facts go from `before` to `after`: +1 for a
/// pair newly held, -1 for a pair no longer held; unchanged pairs are left out.
pub(crate) fn population_deltas(before: &[Fact], after: &[Fact]) -> Vec<((String, String), i64)> {
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
}

pub(crate) fn diff<'a>(previous: &[Fact], facts: &'a [Fact]) -> FactDiff<'a> {
    let old: HashMap<FactId, &Fact> = previous.iter().map(|f| (f.id, f)).collect();
    let ids: HashSet<FactId> = facts.iter().map(|f| f.id).collect();
    FactDiff {
        removed: previous
            .iter()
            .map(|f| f.id)
            .filter(|id| !ids.contains(id))
            .collect(),
        written: facts.iter().filter(|f| old.get(&f.id) != Some(f)).collect(),
    }
}
