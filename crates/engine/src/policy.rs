//! Tenant policies: which sensitive classes may be inferred, and where personal identifiers
//! are masked (see [`TenantPolicy`]).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::Utc;
use rapport_core::redact::redact_pii;
use rapport_core::{Event, EventBody, Fact, TenantId, TenantPolicy};
use serde::Serialize;

use crate::{Actor, Engine, Result};

/// What [`Engine::set_tenant_policy`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PolicyReport {
    /// Users whose profile lost inferred facts the new policy no longer allows.
    pub users: usize,
    /// Facts removed.
    pub removed: usize,
}

/// The policies of the tenants a batch names, each read once.
pub(crate) fn policies_of(
    engine: &Engine,
    events: &[Event],
) -> Result<HashMap<TenantId, TenantPolicy>> {
    let mut policies = HashMap::new();
    for event in events {
        if !policies.contains_key(&event.tenant) {
            let policy = engine.store.tenant_policy(&event.tenant)?;
            policies.insert(event.tenant.clone(), policy);
        }
    }
    Ok(policies)
}

/// The batch with identifiers masked in the text of every event whose tenant redacts before
/// storage; borrowed when nothing changes.
pub(crate) fn redact_for_storage<'a>(
    events: &'a [Event],
    policies: &HashMap<TenantId, TenantPolicy>,
) -> Cow<'a, [Event]> {
    if !policies.values().any(|p| p.redact.storage) {
        return Cow::Borrowed(events);
    }
    let redacted = events
        .iter()
        .map(|event| {
            let mut event = event.clone();
            if policies
                .get(&event.tenant)
                .is_some_and(|p| p.redact.storage)
            {
                match &mut event.body {
                    EventBody::Message(m) => m.text = redact_pii(&m.text).into_owned(),
                    EventBody::Document(d) => d.text = redact_pii(&d.text).into_owned(),
                    EventBody::Action(_) => {}
                }
            }
            event
        })
        .collect();
    Cow::Owned(redacted)
}

/// Whether the policy rules the fact out: an inferred fact of a class the tenant does not
/// allow inferring.
pub(crate) fn disallowed(policy: &TenantPolicy, fact: &Fact) -> bool {
    !policy.allows(fact)
}

impl Engine {
    /// The tenant's policy (the default when none was set).
    pub fn tenant_policy(&self, tenant: &TenantId) -> Result<TenantPolicy> {
        Ok(self.store.tenant_policy(tenant)?)
    }

    /// Sets the tenant's policy and removes, from every user of the tenant, inferred facts of
    /// the classes it no longer allows. Recorded in the audit log.
    pub fn set_tenant_policy(
        &self,
        tenant: &TenantId,
        policy: &TenantPolicy,
        actor: &Actor,
    ) -> Result<PolicyReport> {
        self.store.set_tenant_policy(tenant, policy, Utc::now())?;
        let mut report = PolicyReport::default();
        for summary in self.store.users(tenant)? {
            let removed = self.remove_disallowed(tenant, &summary.user, policy)?;
            if removed > 0 {
                report.users += 1;
                report.removed += removed;
            }
        }
        let classes: Vec<&str> = policy.infer_sensitive.iter().map(|s| s.as_str()).collect();
        let detail = format!(
            "infer_sensitive [{}], redact outbound {} storage {}; {} inferred fact(s) removed",
            classes.join(", "),
            policy.redact.outbound,
            policy.redact.storage,
            report.removed
        );
        self.audit(actor, tenant, None, "tenant.policy", detail)?;
        Ok(report)
    }
}
