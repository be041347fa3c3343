//! Tenant policies (sensitive inference, redaction) and the audit log.

use rapport_core::{Redaction, Sensitivity, TenantPolicy};
use rapport_engine::{Actor, audit_subject};

use crate::scripted::{engine, said, tenant, user};

fn current_keys(engine: &rapport_engine::Engine) -> Vec<String> {
    let mut keys: Vec<String> = engine
        .facts(&tenant(), &user("ana"))
        .unwrap()
        .into_iter()
        .filter(|f| f.is_current())
        .map(|f| f.key)
        .collect();
    keys.sort();
    keys
}

#[test]
fn sensitive_classes_are_inferred_only_when_the_tenant_enables_them() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine
        .ingest(&[
            said("ana", "e1", 1, "I live in Lyon."),
            said("ana", "e2", 1, "Probably earns high."),
        ])
        .unwrap();
    assert_eq!(current_keys(&engine), ["location.city"]);

    let enabled = TenantPolicy {
        infer_sensitive: vec![Sensitivity::Finances],
        ..TenantPolicy::default()
    };
    let report = engine
        .set_tenant_policy(&tenant(), &enabled, &Actor::admin())
        .unwrap();
    assert_eq!(report.removed, 0);
    engine
        .ingest(&[said("ana", "e3", 2, "Probably earns high.")])
        .unwrap();
    assert_eq!(current_keys(&engine), ["income.level", "location.city"]);
    // A rebuild under the same policy keeps it; turning the class off removes it at once.
    engine.reindex(|_, _| {}).unwrap();
    assert_eq!(current_keys(&engine), ["income.level", "location.city"]);
    let report = engine
        .set_tenant_policy(&tenant(), &TenantPolicy::default(), &Actor::admin())
        .unwrap();
    assert_eq!((report.users, report.removed), (1, 1));
    assert_eq!(current_keys(&engine), ["location.city"]);
    // The policy change and the removal it caused are both in the audit log, by the admin.
    let log = engine.audit_log(&tenant(), None, 10).unwrap();
    let actions: Vec<(&str, &str, &str)> = log
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        actions[..2],
        [
            (
                "admin",
                "policy.remove",
                "1 inferred fact(s) the tenant policy disallows"
            ),
            (
                "admin",
                "tenant.policy",
                "infer_sensitive [], redact outbound false storage false"
            ),
        ]
    );
    assert_eq!(
        engine.audit_log(&tenant(), Some(&user("ana")), 10).unwrap()[0].action,
        "policy.remove"
    );
    engine.reindex(|_, _| {}).unwrap();
    assert_eq!(current_keys(&engine), ["location.city"]);
}

#[test]
fn a_user_who_forbids_a_class_is_not_inferred_even_when_the_tenant_allows_it() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    let enabled = TenantPolicy {
        infer_sensitive: vec![Sensitivity::Finances],
        ..TenantPolicy::default()
    };
    engine
        .set_tenant_policy(&tenant(), &enabled, &Actor::admin())
        .unwrap();
    engine
        .ingest(&[said("ana", "e1", 1, "I live in Lyon.")])
        .unwrap();
    let finances = rapport_core::Category::Sensitivity(Sensitivity::Finances);
    engine
        .forbid_category(&tenant(), &user("ana"), finances, &Actor::cli())
        .unwrap();
    engine
        .ingest(&[said("ana", "e2", 2, "Probably earns high.")])
        .unwrap();
    assert_eq!(current_keys(&engine), ["location.city"]);
}

#[test]
fn storage_redaction_keeps_identifiers_out_of_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    let policy = TenantPolicy {
        redact: Redaction {
            outbound: false,
            storage: true,
        },
        ..TenantPolicy::default()
    };
    engine
        .set_tenant_policy(&tenant(), &policy, &Actor::admin())
        .unwrap();
    let marker = "zq.marker.7731@example.org";
    engine
        .ingest(&[said(
            "ana",
            "e1",
            1,
            &format!("Write to {marker} or call +1 555 010 9999."),
        )])
        .unwrap();
    let history = engine.history(&tenant(), &user("ana"), 0, 10).unwrap();
    assert_eq!(
        history[0].event.text(),
        Some("Write to [email] or call [phone].")
    );
    drop(engine);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
            "{} holds the address",
            path.display()
        );
    }
}

#[test]
fn the_audit_log_names_actions_without_content() {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine(dir.path());
    engine
        .ingest(&[said("ana", "e1", 1, "I live in Lyon.")])
        .unwrap();
    let (t, ana) = (tenant(), user("ana"));
    let admin = Actor::api_key("key_0123");
    engine.edit_fact(&t, &ana, 1, "Marseille", &admin).unwrap();
    engine.export_user(&t, &ana, &Actor::cli()).unwrap();
    assert!(engine.forget_user(&t, &ana, &Actor::cli()).unwrap());

    let log = engine.audit_log(&t, Some(&ana), 10).unwrap();
    let actions: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.actor.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("user.forget", "cli"),
            ("user.export", "cli"),
            ("fact.edit", "key:key_0123")
        ]
    );
    assert!(
        log.iter()
            .all(|e| e.subject.as_deref() == Some(audit_subject(&t, &ana).as_str()))
    );
    let written = serde_json::to_string(&log).unwrap();
    for content in ["Lyon", "Marseille", "ana"] {
        assert!(!written.contains(content), "{content} in {written}");
    }
    assert!(
        engine
            .audit_log(&t, Some(&user("bob")), 10)
            .unwrap()
            .is_empty()
    );
}
