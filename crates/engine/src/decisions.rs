//! A user's own decisions about their profile: edit, pin and delete facts, forbid categories.
//!
//! Decisions are not derived from the event log, so they are saved durably and a rebuild
//! (`reindex`) keeps them: edited and pinned facts are the starting point of the replay, and
//! [`enforce`] drops whatever the learner produces that a decision rules out.

use std::collections::HashSet;

use chrono::Utc;
use rapport_core::{
    Category, EventId, Fact, FactId, Source, TenantId, TenantPolicy, UserId, UserSettings,
};
use rapport_store::AuditEntry;
use sha2::{Digest, Sha256};

use crate::audit::audit_entry;
use crate::{Actor, Engine, Error, Result, UserError};

/// Why a fact ended when the user edited it.
pub const EDITED_REASON: &str = "edited by the user";

/// The longest fact value accepted from an edit, in bytes.
const MAX_VALUE_BYTES: usize = 1024;

/// A fact's `(key, value)` as a fingerprint: what a deletion suppresses, without keeping text.
pub(crate) fn fingerprint(key: &str, value: &str) -> String {
    let digest = Sha256::new()
        .chain_update(key.as_bytes())
        .chain_update([0])
        .chain_update(value.to_lowercase().as_bytes())
        .finalize();
    crate::access::hex(&digest)
}

/// Whether a decision rules the fact out: the tenant's policy, a forbidden category, or a
/// deleted or edited-away `(key, value)` the user did not set again themselves. The fact an
/// edit ended stays, as the edit's history.
fn ruled_out(policy: &TenantPolicy, settings: &UserSettings, fact: &Fact) -> bool {
    !policy.allows(fact)
        || settings.forbids(fact)
        || (fact.source != Source::Edited
            && !ended_by_edit(fact)
            && !settings.suppressed.is_empty()
            && fingerprints(fact).any(|f| settings.suppressed.contains(&f)))
}

/// Whether the fact is the old value a user's edit replaced (kept as history, also by a
/// rebuild).
pub(crate) fn ended_by_edit(fact: &Fact) -> bool {
    !fact.is_current()
        && fact.superseded_by.is_some()
        && fact.change_reason.as_deref() == Some(EDITED_REASON)
}

/// The fingerprints that suppress a fact: its own `(key, value)` and, for an inferred
/// attribute (`inferred.location.city`), the stated fact it mirrors (`location.city`), with
/// the value as stated or without what follows a comma ("Oslo, Norway" mirrors "Oslo"):
/// deleting "lives in Oslo" also stops Rapport from inferring it.
fn fingerprints(fact: &Fact) -> impl Iterator<Item = String> + '_ {
    let mirrored = fact.key.strip_prefix(INFERRED_PREFIX).map(|key| {
        let place = fact.value.split(',').next().unwrap_or_default().trim();
        let shortened = (place != fact.value).then(|| fingerprint(key, place));
        std::iter::once(fingerprint(key, &fact.value)).chain(shortened)
    });
    std::iter::once(fingerprint(&fact.key, &fact.value)).chain(mirrored.into_iter().flatten())
}

/// Where inferred attributes' keys start (`rapport-infer` names them so).
const INFERRED_PREFIX: &str = "inferred.";

/// Drops from freshly learned `facts` what the tenant's policy and the user's decisions rule
/// out, whatever the learner was. A fact the learner ended in favour of a dropped one is
/// restored as it was `before`.
pub(crate) fn enforce(
    policy: &TenantPolicy,
    settings: &UserSettings,
    before: &[Fact],
    facts: &mut Vec<Fact>,
) {
    let dropped: HashSet<FactId> = facts
        .iter()
        .filter(|f| ruled_out(policy, settings, f))
        .map(|f| f.id)
        .collect();
    if dropped.is_empty() {
        return;
    }
    facts.retain(|f| !dropped.contains(&f.id));
    for fact in facts.iter_mut() {
        if fact.superseded_by.is_some_and(|id| dropped.contains(&id)) {
            match before.iter().find(|b| b.id == fact.id && b.is_current()) {
                Some(previous) => *fact = previous.clone(),
                None => detach(fact),
            }
        }
    }
}

/// The evidence of the facts a rebuild keeps (the user's decisions), set aside while the log is
/// replayed: a learner skips events a fact cites, and those events may say more than the kept
/// fact.
pub(crate) struct SetAsideEvidence(Vec<(FactId, Vec<EventId>)>);

impl SetAsideEvidence {
    /// Takes every fact's evidence.
    pub fn take(facts: &mut [Fact]) -> Self {
        Self(
            facts
                .iter_mut()
                .map(|f| (f.id, std::mem::take(&mut f.evidence)))
                .collect(),
        )
    }

    /// Gives each fact its evidence back, first, followed by what the replay added to it.
    pub fn give_back(self, facts: &mut [Fact]) {
        for (id, mut evidence) in self.0 {
            if let Some(fact) = facts.iter_mut().find(|f| f.id == id) {
                for added in std::mem::take(&mut fact.evidence) {
                    if !evidence.contains(&added) {
                        evidence.push(added);
                    }
                }
                fact.evidence = evidence;
            }
        }
    }
}

/// Removes what pointed from `fact` to a fact that no longer exists.
fn detach(fact: &mut Fact) {
    fact.superseded_by = None;
    fact.change_reason = Some("replaced by a fact the user deleted".into());
}

/// Removes the facts matching `gone` for good, and the links and reasons pointing at them.
fn remove(facts: &mut Vec<Fact>, gone: impl Fn(&Fact) -> bool) -> usize {
    let removed: HashSet<FactId> = facts.iter().filter(|f| gone(f)).map(|f| f.id).collect();
    facts.retain(|f| !removed.contains(&f.id));
    for fact in facts.iter_mut() {
        if fact.superseded_by.is_some_and(|id| removed.contains(&id)) {
            detach(fact);
        }
    }
    removed.len()
}

impl Engine {
    /// Replaces a current fact's value on the user's word: the old fact ends ("edited by the
    /// user") and a new, pinned fact with `source: edited` takes its place. The old value is
    /// suppressed so extraction does not bring it back. Returns the new fact.
    pub fn edit_fact(
        &self,
        tenant: &TenantId,
        user: &UserId,
        id: FactId,
        value: &str,
        actor: &Actor,
    ) -> Result<Fact> {
        let value = value.trim();
        if value.is_empty() || value.len() > MAX_VALUE_BYTES {
            return Err(rapport_core::Error::InvalidValue {
                field: "value",
                reason: format!("must be 1 to {MAX_VALUE_BYTES} bytes of text"),
            }
            .into());
        }
        self.decide(
            tenant,
            user,
            |facts, settings| {
                let old = current_fact(facts, user, id)?.clone();
                let now = Utc::now();
                let new_id = facts.iter().map(|f| f.id).max().unwrap_or(0) + 1;
                let mut edited = old.clone();
                edited.id = new_id;
                edited.value = value.to_string();
                edited.statement = replace_value(&old.statement, &old.value, value);
                edited.description = replace_value(&old.description, &old.value, value);
                edited.source = Source::Edited;
                edited.pinned = true;
                edited.confidence = 1.0;
                edited.evidence = Vec::new();
                edited.valid_from = now;
                edited.last_seen = now;
                let ended = facts.iter_mut().find(|f| f.id == id).expect("found above");
                ended.valid_to = Some(now);
                ended.superseded_by = Some(new_id);
                ended.ended_by = None;
                ended.change_reason = Some(EDITED_REASON.to_string());
                let suppressed = fingerprint(&old.key, &old.value);
                if !old.value.eq_ignore_ascii_case(value) {
                    // The attribute inferred with the old value goes at once, as with a
                    // deletion ("Oslo, Norway" for an edited "Oslo").
                    remove(facts, |f| {
                        f.key.starts_with(INFERRED_PREFIX)
                            && fingerprints(f).any(|print| print == suppressed)
                    });
                    if !settings.suppressed.contains(&suppressed) {
                        settings.suppressed.push(suppressed);
                    }
                }
                facts.push(edited.clone());
                Ok(edited)
            },
            |edited| {
                let detail = format!(
                    "fact {id} ({}) replaced by fact {}",
                    edited.facet.as_str(),
                    edited.id
                );
                Some(audit_entry(actor, tenant, Some(user), "fact.edit", detail))
            },
        )
    }

    /// Pins or unpins a current fact. A pinned fact is never ended by extraction and is kept
    /// by a rebuild. Returns the fact.
    pub fn pin_fact(
        &self,
        tenant: &TenantId,
        user: &UserId,
        id: FactId,
        pinned: bool,
        actor: &Actor,
    ) -> Result<Fact> {
        self.decide(
            tenant,
            user,
            |facts, _| {
                current_fact(facts, user, id)?;
                let fact = facts.iter_mut().find(|f| f.id == id).expect("found above");
                fact.pinned = pinned;
                Ok(fact.clone())
            },
            |fact| {
                let action = if pinned { "fact.pin" } else { "fact.unpin" };
                let detail = format!("fact {id} ({})", fact.facet.as_str());
                Some(audit_entry(actor, tenant, Some(user), action, detail))
            },
        )
    }

    /// Deletes a fact (current or past) for good, with every other version of the same value,
    /// and suppresses its `(key, value)` so extraction does not learn it again.
    pub fn delete_fact(
        &self,
        tenant: &TenantId,
        user: &UserId,
        id: FactId,
        actor: &Actor,
    ) -> Result<()> {
        self.decide(
            tenant,
            user,
            |facts, settings| {
                let fact = facts
                    .iter()
                    .find(|f| f.id == id)
                    .ok_or_else(|| unknown_fact(user, id))?;
                let facet = fact.facet.as_str();
                let suppressed = fingerprint(&fact.key, &fact.value);
                let removed = remove(facts, |f| {
                    f.id == id || fingerprints(f).any(|print| print == suppressed)
                });
                if !settings.suppressed.contains(&suppressed) {
                    settings.suppressed.push(suppressed);
                }
                Ok((facet, removed))
            },
            |(facet, removed)| {
                let detail = format!("fact {id} ({facet}); {removed} version(s) removed");
                Some(audit_entry(
                    actor,
                    tenant,
                    Some(user),
                    "fact.delete",
                    detail,
                ))
            },
        )
        .map(|_| ())
    }

    /// Forbids a category for the user: purges its current and past facts and keeps it from
    /// ever being learned again. Returns how many facts were removed.
    pub fn forbid_category(
        &self,
        tenant: &TenantId,
        user: &UserId,
        category: Category,
        actor: &Actor,
    ) -> Result<usize> {
        self.decide(
            tenant,
            user,
            |facts, settings| {
                if !settings.forbidden.contains(&category) {
                    settings.forbidden.push(category);
                }
                Ok(remove(facts, |f| category.covers(f)))
            },
            |removed| {
                let detail = format!("category {}; {removed} fact(s) removed", category.as_str());
                Some(audit_entry(
                    actor,
                    tenant,
                    Some(user),
                    "category.forbid",
                    detail,
                ))
            },
        )
    }

    /// The user's decisions about their profile.
    pub fn settings(&self, tenant: &TenantId, user: &UserId) -> Result<UserSettings> {
        self.user(tenant, user)?;
        Ok(self.store.settings(tenant, user)?)
    }

    /// Removes the user's inferred facts that `policy` does not allow, recorded as done by
    /// `actor` (who changed the policy). Returns how many.
    pub(crate) fn remove_disallowed(
        &self,
        tenant: &TenantId,
        user: &UserId,
        policy: &TenantPolicy,
        actor: &Actor,
    ) -> Result<usize> {
        let facts = self.store.facts(tenant, user)?;
        if facts.iter().all(|f| policy.allows(f)) {
            return Ok(0);
        }
        self.decide(
            tenant,
            user,
            |facts, _| Ok(remove(facts, |f| !policy.allows(f))),
            |removed| {
                let detail = format!("{removed} inferred fact(s) the tenant policy disallows");
                Some(audit_entry(
                    actor,
                    tenant,
                    Some(user),
                    "policy.remove",
                    detail,
                ))
            },
        )
    }

    /// Applies one decision under the learning lock and saves it durably, in one transaction
    /// with the audit entry `record` makes of its outcome.
    fn decide<T>(
        &self,
        tenant: &TenantId,
        user: &UserId,
        mut change: impl FnMut(&mut Vec<Fact>, &mut UserSettings) -> Result<T>,
        record: impl Fn(&T) -> Option<AuditEntry>,
    ) -> Result<T> {
        let _guard = self.lock_learning();
        // Another process may save the same user's facts meanwhile: then the decision is
        // applied again to what it saved.
        let mut attempts = 0;
        loop {
            let revision = self.user(tenant, user)?.facts_revision;
            let mut facts = self.store.facts(tenant, user)?;
            let mut settings = self.store.settings(tenant, user)?;
            let outcome = change(&mut facts, &mut settings)?;
            let entry = record(&outcome);
            match self
                .store
                .save_decisions(tenant, user, &facts, &settings, revision, entry.as_ref())
                .map_err(Error::from)
            {
                Err(e) if e.is_conflict() && attempts < crate::engine::MAX_CONFLICT_RETRIES => {
                    attempts += 1;
                }
                result => {
                    result?;
                    self.evict_memory(tenant, user);
                    return Ok(outcome);
                }
            }
        }
    }
}

fn current_fact<'a>(facts: &'a [Fact], user: &UserId, id: FactId) -> Result<&'a Fact> {
    let fact = facts
        .iter()
        .find(|f| f.id == id)
        .ok_or_else(|| unknown_fact(user, id))?;
    if !fact.is_current() {
        return Err(Error::User(UserError::FactEnded { id }));
    }
    Ok(fact)
}

fn unknown_fact(user: &UserId, id: FactId) -> Error {
    Error::User(UserError::UnknownFact {
        user: user.to_string(),
        id,
    })
}

/// The sentence with the old value replaced by the new one, or a plain `key: value` line when
/// the old value does not appear in it.
fn replace_value(sentence: &str, old: &str, new: &str) -> String {
    let (lower, needle) = (sentence.to_lowercase(), old.to_lowercase());
    match lower.find(&needle) {
        Some(start)
            if lower.len() == sentence.len()
                && sentence.is_char_boundary(start)
                && sentence.is_char_boundary(start + needle.len()) =>
        {
            let end = start + needle.len();
            format!("{}{new}{}", &sentence[..start], &sentence[end..])
        }
        _ => new.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_value_inside_sentences() {
        assert_eq!(
            replace_value("I live in Paris.", "paris", "Lyon"),
            "I live in Lyon."
        );
        assert_eq!(replace_value("Owns a dog.", "cat", "parrot"), "parrot");
    }

    #[test]
    fn fingerprints_ignore_value_case_but_not_key() {
        assert_eq!(fingerprint("k", "Jazz"), fingerprint("k", "jazz"));
        assert_ne!(fingerprint("k", "jazz"), fingerprint("j", "jazz"));
        assert_eq!(fingerprint("k", "v").len(), 64);
    }
}
