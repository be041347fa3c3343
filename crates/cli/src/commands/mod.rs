//! One module per subcommand.

mod bench;
mod demo;
mod eval_preference;
mod eval_recommendation;
mod ingest;
mod inspect;
mod items;
mod recall;
mod recommend;

use std::process::ExitCode;

use anyhow::Context;
use rapport_core::{TenantId, UserId};
use rapport_engine::Engine;

use crate::args::{Args, Command, EvalCommand, ItemsCommand};

use crate::settings;

/// Runs the parsed command line.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Command::Bench { what } = args.command {
        return bench::run(what);
    }
    if let Command::Eval { kind } = args.command {
        return match kind {
            EvalCommand::Recommendation { data, out } => {
                eval_recommendation::run(&data, out.as_deref())
            }
            EvalCommand::Preference {
                data,
                distractors,
                out,
            } => eval_preference::run(&data, distractors.as_deref(), out.as_deref()),
        };
    }
    let config = settings::engine_config(&args)?;
    let data_dir = config.data_dir.clone();
    let engine = Engine::open(config)
        .with_context(|| format!("cannot open the store in {}", data_dir.display()))?;
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
        Command::Forget { user, tenant } => inspect::forget(&engine, &ids(&tenant, &user)?),
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
