//! Tenant policies: which sensitive classes may be inferred, and where personal identifiers
//! are masked (see [`TenantPolicy`]).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::Utc;
use rapport_core::redact::redact_pii;
use rapport_core::{Event, EventBody, TenantId, TenantPolicy};
use rapport_store::Store;
use serde::Serialize;

use crate::audit::audit_entry;
use crate::{Actor, Engine, Result};

/// What [`Engine::set_tenant_policy`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PolicyReport {
    /// Users whose profile lost inferred facts the new policy no longer allows.
    pub users: usize,
    /// Facts removed.
    pub removed: usize,
}

/// Tenants' policies, each read from the store once per batch (or rebuild).
#[derive(Default)]
pub(crate) struct Policies(HashMap<TenantId, TenantPolicy>);

impl Policies {
    /// The tenant's policy, read on first use.
    pub fn get(&mut self, store: &dyn Store, tenant: &TenantId) -> Result<&TenantPolicy> {
        if !self.0.contains_key(tenant) {
            let policy = store.tenant_policy(tenant)?;
            self.0.insert(tenant.clone(), policy);
        }
        Ok(&self.0[tenant])
    }

    /// The tenant's policy, if read already.
    pub fn loaded(&self, tenant: &TenantId) -> Option<&TenantPolicy> {
        self.0.get(tenant)
    }

    /// The batch with identifiers masked in the text of every event whose tenant (read
    /// already) redacts before storage; borrowed when nothing changes.
    pub fn redact_for_storage<'a>(&self, events: &'a [Event]) -> Cow<'a, [Event]> {
        let redacts = |tenant: &TenantId| self.0.get(tenant).is_some_and(|p| p.redact.storage);
        if !events.iter().any(|e| redacts(&e.tenant)) {
            return Cow::Borrowed(events);
        }
        let redacted = events
            .iter()
            .map(|event| {
                let mut event = event.clone();
                if redacts(&event.tenant) {
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
        let classes: Vec<&str> = policy.infer_sensitive.iter().map(|s| s.as_str()).collect();
        let detail = format!(
            "infer_sensitive [{}], redact outbound {} storage {}",
            classes.join(", "),
            policy.redact.outbound,
            policy.redact.storage,
        );
        let entry = audit_entry(actor, tenant, None, "tenant.policy", detail);
        self.store
            .set_tenant_policy(tenant, policy, Utc::now(), Some(&entry))?;
        // Each user's inferred facts the policy no longer allows go in that user's own
        // transaction, with an entry of their own.
        let mut report = PolicyReport::default();
        for summary in self.store.users(tenant)? {
            let removed = self.remove_disallowed(tenant, &summary.user, policy, actor)?;
            if removed > 0 {
                report.users += 1;
                report.removed += removed;
            }
        }
        Ok(report)
    }
}
