//! `rapport serve`, and bootstrapping tenants and keys without HTTP.

use std::process::ExitCode;
use std::sync::Arc;

use rapport_core::TenantId;
use rapport_engine::Engine;
use rapport_server::{Server, ServerConfig};

use crate::args::{KeysCommand, TenantsCommand};

pub fn serve(engine: Engine, config: ServerConfig) -> anyhow::Result<ExitCode> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    if config.admin_key.is_none() {
        eprintln!(
            "note: no admin key (RAPPORT_ADMIN_KEY or `admin_key` in rapport.toml): \
             /v1/admin/* is closed; use `rapport tenants create` and `rapport keys create`"
        );
    }
    eprintln!(
        "rapport serve: listening on http://{0}; dashboard at http://{0}/dashboard",
        config.listen
    );
    Server::new(Arc::new(engine), config).run()?;
    Ok(ExitCode::SUCCESS)
}

pub fn tenants(engine: &Engine, what: TenantsCommand) -> anyhow::Result<ExitCode> {
    match what {
        TenantsCommand::Create { name } => {
            let tenant = TenantId::new(name)?;
            if engine.create_tenant(&tenant)? {
                println!("Created tenant {tenant}.");
            } else {
                println!("Tenant {tenant} already exists.");
            }
        }
        TenantsCommand::List => {
            for tenant in engine.registered_tenants()? {
                println!("{tenant}");
            }
        }
        TenantsCommand::Policy {
            name,
            infer_sensitive,
            redact_outbound,
            redact_storage,
        } => {
            let change = crate::commands::control::PolicyChange {
                infer_sensitive,
                redact_outbound,
                redact_storage,
            };
            return crate::commands::control::policy(engine, &TenantId::new(name)?, change);
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn keys(engine: &Engine, what: KeysCommand) -> anyhow::Result<ExitCode> {
    match what {
        KeysCommand::Create { tenant, user } => {
            let tenant = TenantId::new(tenant)?;
            let key = match user {
                Some(user) => engine.create_user_key(&tenant, &rapport_core::UserId::new(user)?)?,
                None => engine.create_api_key(&tenant)?,
            };
            let scope = match &key.user {
                Some(user) => format!("user {user} of tenant {}", key.tenant),
                None => format!("tenant {}", key.tenant),
            };
            eprintln!(
                "Created key {} for {scope}. The secret below is shown only now:",
                key.id
            );
            println!("{}", key.key);
        }
        KeysCommand::Revoke { id } => {
            if !engine.revoke_api_key(&id)? {
                eprintln!("error: no API key `{id}`");
                return Ok(ExitCode::FAILURE);
            }
            println!("Revoked key {id}.");
        }
    }
    Ok(ExitCode::SUCCESS)
}
