//! Conformance checks for users' decisions, tenants and API keys.

use chrono::{TimeZone, Utc};
use rapport_core::{
    Category, Facet, Redaction, Sensitivity, TenantId, TenantPolicy, UserId, UserSettings,
};

use super::{fact, message, save};
use crate::{ApiKey, AuditEntry, Store};

fn ids(tenant: &str, user: &str) -> (TenantId, UserId) {
    (TenantId::new(tenant).unwrap(), UserId::new(user).unwrap())
}

fn audit_entry(tenant: &TenantId, action: &str, subject: Option<&str>) -> AuditEntry {
    AuditEntry {
        tenant: tenant.clone(),
        time: Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap(),
        actor: "cli".into(),
        action: action.into(),
        subject: subject.map(str::to_string),
        detail: "fact 1 (identity)".into(),
    }
}

/// Settings round-trip per user, default when absent, and `save_decisions` replaces the facts
/// (moving population counts) without touching `learned_seq`; its audit entry is written with
/// the change, and not at all when the change is refused.
pub fn decisions_round_trip(store: &dyn Store) {
    store
        .append(&[
            message("t", "ana", "e1", 1, "I live in Paris."),
            message("t", "bob", "e2", 1, "I live in Paris."),
        ])
        .unwrap();
    save(store, "t", "ana", &[fact(1, "location.city", "Paris")], 1);
    save(store, "t", "bob", &[fact(1, "location.city", "Paris")], 1);
    let (tenant, ana) = ids("t", "ana");
    assert_eq!(
        store.settings(&tenant, &ana).unwrap(),
        UserSettings::default()
    );
    let settings = UserSettings {
        suppressed: vec!["abc".into()],
        forbidden: vec![
            Category::Sensitivity(Sensitivity::Health),
            Category::Facet(Facet::Personality),
        ],
    };
    let mut edited = fact(2, "location.city", "Lyon");
    edited.pinned = true;
    let revision = store.user(&tenant, &ana).unwrap().unwrap().facts_revision;
    // A decision based on an old revision is refused and changes nothing.
    let edit = audit_entry(&tenant, "fact.edit", Some("ana-fingerprint"));
    let stale = store
        .save_decisions(
            &tenant,
            &ana,
            &[],
            &settings,
            revision.wrapping_sub(1),
            Some(&edit),
        )
        .unwrap_err();
    assert!(stale.is_conflict(), "{stale}");
    assert_eq!(store.facts(&tenant, &ana).unwrap().len(), 1);
    assert!(store.audit_log(&tenant, None, 10).unwrap().is_empty());
    store
        .save_decisions(
            &tenant,
            &ana,
            std::slice::from_ref(&edited),
            &settings,
            revision,
            Some(&edit),
        )
        .unwrap();
    assert_eq!(
        store.audit_log(&tenant, None, 10).unwrap(),
        vec![edit.clone()]
    );
    assert_eq!(
        store.user(&tenant, &ana).unwrap().unwrap().facts_revision,
        revision + 1
    );
    assert_eq!(store.settings(&tenant, &ana).unwrap(), settings);
    assert_eq!(store.facts(&tenant, &ana).unwrap(), vec![edited]);
    let (_, bob) = ids("t", "bob");
    assert_eq!(
        store.settings(&tenant, &bob).unwrap(),
        UserSettings::default()
    );
    let population = store.population(&tenant).unwrap();
    let holders = |v: &str| {
        population
            .holders
            .get(&("location.city".into(), v.into()))
            .copied()
    };
    assert_eq!((holders("paris"), holders("lyon")), (Some(1), Some(1)));
    assert_eq!(store.user(&tenant, &ana).unwrap().unwrap().learned_seq, 1);
    let forget = audit_entry(&tenant, "user.forget", Some("ana-fingerprint"));
    assert!(store.forget_user(&tenant, &ana, Some(&forget)).unwrap());
    assert_eq!(
        store.settings(&tenant, &ana).unwrap(),
        UserSettings::default()
    );
    // Forgetting someone unknown changes nothing and records nothing.
    assert!(!store.forget_user(&tenant, &ana, Some(&forget)).unwrap());
    assert_eq!(
        store.audit_log(&tenant, None, 10).unwrap(),
        vec![forget, edit]
    );
}

fn key(id: &str, tenant: &str, hash: &str) -> ApiKey {
    ApiKey {
        id: id.into(),
        tenant: TenantId::new(tenant).unwrap(),
        user: None,
        hash: hash.into(),
        created: Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap(),
    }
}

/// Tenants register once; keys are found by hash only, scoped to their tenant, and revoked
/// by id.
pub fn tenants_and_api_keys(store: &dyn Store) {
    let (acme, _) = ids("acme", "x");
    let (globex, _) = ids("globex", "x");
    let now = Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap();
    assert!(store.create_tenant(&globex, now).unwrap());
    assert!(store.create_tenant(&acme, now).unwrap());
    assert!(!store.create_tenant(&acme, now).unwrap());
    assert_eq!(
        store.registered_tenants().unwrap(),
        vec![acme.clone(), globex]
    );
    store
        .create_api_key(&key("key_a", "acme", "hash-a"))
        .unwrap();
    store
        .create_api_key(&key("key_b", "globex", "hash-b"))
        .unwrap();
    assert_eq!(
        store.api_key("hash-a").unwrap(),
        Some(key("key_a", "acme", "hash-a"))
    );
    assert_eq!(store.api_key("key_a").unwrap(), None);
    assert_eq!(store.api_key("hash-c").unwrap(), None);
    assert!(store.revoke_api_key("key_a").unwrap());
    assert!(!store.revoke_api_key("key_a").unwrap());
    assert_eq!(store.api_key("hash-a").unwrap(), None);
    assert_eq!(
        store.api_key("hash-b").unwrap().unwrap().tenant.as_str(),
        "globex"
    );
    let mut own = key("key_u", "acme", "hash-u");
    own.user = Some(UserId::new("ana").unwrap());
    store.create_api_key(&own).unwrap();
    assert_eq!(store.api_key("hash-u").unwrap(), Some(own));
}

/// A tenant's policy defaults until set, is replaced as a whole, and is the tenant's own; an
/// unregistered tenant gets registered by setting one.
pub fn tenant_policies(store: &dyn Store) {
    let (acme, _) = ids("acme", "x");
    let (globex, _) = ids("globex", "x");
    let now = Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap();
    assert_eq!(store.tenant_policy(&acme).unwrap(), TenantPolicy::default());
    let policy = TenantPolicy {
        infer_sensitive: vec![Sensitivity::Finances, Sensitivity::Health],
        redact: Redaction {
            outbound: true,
            storage: false,
        },
    };
    let change = audit_entry(&acme, "tenant.policy", None);
    store
        .set_tenant_policy(&acme, &policy, now, Some(&change))
        .unwrap();
    assert_eq!(store.tenant_policy(&acme).unwrap(), policy);
    assert_eq!(store.audit_log(&acme, None, 10).unwrap(), vec![change]);
    assert_eq!(
        store.tenant_policy(&globex).unwrap(),
        TenantPolicy::default()
    );
    assert_eq!(store.registered_tenants().unwrap(), vec![acme.clone()]);
    store
        .set_tenant_policy(&acme, &TenantPolicy::default(), now, None)
        .unwrap();
    assert_eq!(store.tenant_policy(&acme).unwrap(), TenantPolicy::default());
}

/// The audit log is per tenant, newest first, limited, and filtered by subject.
pub fn audit_log_per_tenant(store: &dyn Store) {
    let (acme, _) = ids("acme", "x");
    let (globex, _) = ids("globex", "x");
    let entry = |tenant: &TenantId, minute: u32, action: &str, subject: Option<&str>| AuditEntry {
        tenant: tenant.clone(),
        time: Utc.with_ymd_and_hms(2024, 3, 1, 12, minute, 0).unwrap(),
        actor: "cli".into(),
        action: action.into(),
        subject: subject.map(str::to_string),
        detail: format!("fact {minute}"),
    };
    let entries = [
        entry(&acme, 1, "fact.edit", Some("s1")),
        entry(&globex, 2, "fact.edit", Some("s1")),
        entry(&acme, 3, "user.export", Some("s2")),
        entry(&acme, 4, "tenant.policy", None),
    ];
    for e in &entries {
        store.record_audit(e).unwrap();
    }
    assert_eq!(
        store.audit_log(&acme, None, 10).unwrap(),
        vec![entries[3].clone(), entries[2].clone(), entries[0].clone()]
    );
    assert_eq!(
        store.audit_log(&acme, None, 1).unwrap(),
        vec![entries[3].clone()]
    );
    assert_eq!(
        store.audit_log(&acme, Some("s1"), 10).unwrap(),
        vec![entries[0].clone()]
    );
    assert_eq!(
        store.audit_log(&globex, None, 10).unwrap(),
        vec![entries[1].clone()]
    );
}
