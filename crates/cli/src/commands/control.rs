//! The user in control, from the command line: export one user, forget a user, a fact or a
//! category, a tenant's policy, and the audit log.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use rapport_core::{Category, Sensitivity, TenantId, TenantPolicy, UserId};
use rapport_engine::{Actor, Engine};

use super::Who;

/// `rapport export USER`: everything held about the user, as one JSON document.
pub fn export_user(engine: &Engine, who: &Who, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let export = engine.export_user(&who.tenant, &who.user, &Actor::cli())?;
    let mut json = serde_json::to_string_pretty(&export)?;
    json.push('\n');
    match out {
        Some(path) => {
            std::fs::write(path, json)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "Exported {} events and {} facts of {} to {}.",
                export.events.len(),
                export.facts.len(),
                who.user,
                path.display()
            );
        }
        None => std::io::stdout().lock().write_all(json.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `rapport forget USER [--fact ID | --category C]`.
pub fn forget(
    engine: &Engine,
    who: &Who,
    fact: Option<u64>,
    category: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let actor = Actor::cli();
    let (tenant, user) = (&who.tenant, &who.user);
    if let Some(id) = fact {
        engine.delete_fact(tenant, user, id, &actor)?;
        println!("Deleted fact {id} of {user}; it will not be learned again.");
    } else if let Some(name) = category {
        let removed = engine.forbid_category(tenant, user, Category::parse(name)?, &actor)?;
        println!("Removed {removed} fact(s) of {user} in `{name}`; it will not be learned again.");
    } else if engine.forget_user(tenant, user, &actor)? {
        println!("Forgot user {user} of tenant {tenant}.");
    } else {
        eprintln!("error: unknown user `{user}` in tenant `{tenant}`");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// What `rapport tenants policy` changes; nothing given shows the policy.
pub struct PolicyChange {
    /// Comma-separated sensitive classes.
    pub infer_sensitive: Option<String>,
    /// Mask identifiers before text leaves the machine.
    pub redact_outbound: Option<bool>,
    /// Mask identifiers before storage.
    pub redact_storage: Option<bool>,
}

fn parse_classes(list: &str) -> anyhow::Result<Vec<Sensitivity>> {
    let mut classes = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Category::parse(name)? {
            Category::Sensitivity(class) if !classes.contains(&class) => classes.push(class),
            Category::Sensitivity(_) => {}
            Category::Facet(_) => anyhow::bail!("`{name}` is a facet, not a sensitive class"),
        }
    }
    Ok(classes)
}

/// `rapport tenants policy NAME [...]`.
pub fn policy(
    engine: &Engine,
    tenant: &TenantId,
    change: PolicyChange,
) -> anyhow::Result<ExitCode> {
    let mut policy: TenantPolicy = engine.tenant_policy(tenant)?;
    let changing = change.infer_sensitive.is_some()
        || change.redact_outbound.is_some()
        || change.redact_storage.is_some();
    if changing {
        if let Some(list) = &change.infer_sensitive {
            policy.infer_sensitive = parse_classes(list)?;
        }
        if let Some(on) = change.redact_outbound {
            policy.redact.outbound = on;
        }
        if let Some(on) = change.redact_storage {
            policy.redact.storage = on;
        }
        let report = engine.set_tenant_policy(tenant, &policy, &Actor::cli())?;
        if report.removed > 0 {
            eprintln!(
                "Removed {} inferred fact(s) of {} user(s) that the policy no longer allows.",
                report.removed, report.users
            );
        }
    }
    println!("{}", serde_json::to_string_pretty(&policy)?);
    Ok(ExitCode::SUCCESS)
}

/// `rapport audit [--user U]`.
pub fn audit(
    engine: &Engine,
    tenant: &str,
    user: Option<&str>,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let tenant = TenantId::new(tenant)?;
    let user = user.map(UserId::new).transpose()?;
    let entries = engine.audit_log(&tenant, user.as_ref(), limit)?;
    let mut out = std::io::stdout().lock();
    for entry in &entries {
        if json {
            writeln!(out, "{}", serde_json::to_string(entry)?)?;
        } else {
            writeln!(
                out,
                "{}  {:<16} {:<18} {:<34} {}",
                entry.time.format("%Y-%m-%d %H:%M:%S"),
                entry.action,
                entry.actor,
                entry.subject.as_deref().unwrap_or("-"),
                entry.detail
            )?;
        }
    }
    if entries.is_empty() && !json {
        eprintln!("No audit entries.");
    }
    Ok(ExitCode::SUCCESS)
}
