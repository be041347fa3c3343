//! One module per subcommand.

mod bench;
mod bench_http;
pub(crate) mod control;
mod demo;
mod dump;
mod eval;
mod eval_preference;
mod eval_recommendation;
mod ingest;
mod inspect;
mod items;
mod mcp;
mod recall;
mod recommend;
mod serve;

use std::process::ExitCode;

use anyhow::Context;
use rapport_core::{TenantId, UserId};
use rapport_engine::Engine;

use crate::args::{Args, Command, ItemsCommand};

use crate::settings;

/// Runs the parsed command line.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Bench { what } => return bench::run(what, args.database_url),
        Command::Eval { what } => return eval::run(what),
        _ => {}
    }
    let mut config = settings::engine_config(&args)?;
    // An import answers no search before it exits: indexing its users' turns would be wasted.
    if matches!(args.command, Command::Ingest { .. }) {
        config.index_on_ingest = false;
    }
    let location = config.location();
    let engine =
        Engine::open(config).with_context(|| format!("cannot open the store in {location}"))?;
    match args.command {
        Command::Demo => demo::run(&engine),
        Command::Ingest { files, batch_size } => ingest::run(&engine, &files, batch_size as usize),
        Command::Profile {
            user,
            tenant,
            history,
            json,
        } => inspect::profile(&engine, &ids(&tenant, &user)?, history, json),
        Command::History {
            user,
            tenant,
            limit,
            after,
            json,
        } => inspect::history(&engine, &ids(&tenant, &user)?, after, limit, json),
        Command::Users { tenant, json } => inspect::users(&engine, tenant.as_deref(), json),
        Command::Context {
            user,
            query,
            tenant,
            budget,
            time,
            json,
        } => recall::context(&engine, &ids(&tenant, &user)?, &query, budget, time, json),
        Command::Search {
            user,
            query,
            tenant,
            limit,
            time,
            json,
        } => recall::search(&engine, &ids(&tenant, &user)?, &query, limit, time, json),
        Command::Bench { .. } | Command::Eval { .. } => {
            unreachable!("handled before the store is opened")
        }
        Command::Mcp { tenant } => mcp::run(&engine, TenantId::new(tenant)?),
        Command::Items {
            what: ItemsCommand::Import { files, tenant },
        } => items::import(&engine, &TenantId::new(&tenant)?, &files),
        Command::Recommend {
            user,
            tenant,
            k,
            tags,
            include_consumed,
            json,
        } => {
            let filters = rapport_engine::Filters {
                exclude_consumed: !include_consumed,
                tags_any: tags,
            };
            recommend::recommend(&engine, &ids(&tenant, &user)?, k, &filters, json)
        }
        Command::Rank {
            user,
            candidates,
            context,
            tenant,
            json,
        } => recommend::rank(
            &engine,
            &ids(&tenant, &user)?,
            &candidates,
            context.as_deref(),
            json,
        ),
        Command::Reindex => inspect::reindex(&engine),
        Command::Export {
            user: None, out, ..
        } => dump::export(&engine, out.as_deref()),
        Command::Export {
            user: Some(user),
            tenant,
            out,
        } => control::export_user(&engine, &ids(&tenant, &user)?, out.as_deref()),
        Command::Import { file } => dump::import(&engine, &file),
        Command::Serve {
            listen,
            max_body_bytes,
            request_timeout,
        } => {
            let config = settings::server_config(
                args.config.as_deref(),
                listen,
                max_body_bytes,
                request_timeout,
            )?;
            serve::serve(engine, config)
        }
        Command::Tenants { what } => serve::tenants(&engine, what),
        Command::Keys { what } => serve::keys(&engine, what),
        Command::Forget {
            user,
            tenant,
            fact,
            category,
        } => control::forget(&engine, &ids(&tenant, &user)?, fact, category.as_deref()),
        Command::Audit {
            tenant,
            user,
            limit,
            json,
        } => control::audit(&engine, &tenant, user.as_deref(), limit, json),
    }
}

/// A tenant and user named on the command line.
pub struct Who {
    /// The tenant.
    pub tenant: TenantId,
    /// The user.
    pub user: UserId,
}

fn ids(tenant: &str, user: &str) -> anyhow::Result<Who> {
    Ok(Who {
        tenant: TenantId::new(tenant)?,
        user: UserId::new(user)?,
    })
}
