//! Commands that read or maintain what is stored: profile, history, users, reindex, forget.

use std::io::{self, Write};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use rapport_core::{EventBody, TenantId};
use rapport_engine::Engine;

use super::Who;

pub fn profile(engine: &Engine, who: &Who, history: bool, json: bool) -> anyhow::Result<ExitCode> {
    let profile = engine.profile(&who.tenant, &who.user)?;
    let mut out = io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &profile)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", profile.render_text(history))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn history(
    engine: &Engine,
    who: &Who,
    after: u64,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let events = engine.history(&who.tenant, &who.user, after, limit)?;
    let mut out = io::stdout().lock();
    for stored in events {
        if json {
            serde_json::to_writer(&mut out, &stored)?;
            writeln!(out)?;
            continue;
        }
        let e = &stored.event;
        let what = match &e.body {
            EventBody::Message(m) => {
                let who = m
                    .speaker
                    .clone()
                    .unwrap_or_else(|| format!("{:?}", m.role).to_lowercase());
                format!("{who}: {}", m.text)
            }
            EventBody::Document(d) => format!("document: {}", d.text),
            EventBody::Action(a) => match a.value {
                Some(v) => format!("{} {} ({v})", a.verb.as_str(), a.item),
                None => format!("{} {}", a.verb.as_str(), a.item),
            },
        };
        writeln!(
            out,
            "#{:<5} {}  {what}",
            stored.seq,
            e.time.format("%Y-%m-%d %H:%M")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn users(engine: &Engine, tenant: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let tenants = match tenant {
        Some(t) => vec![TenantId::new(t)?],
        None => engine.tenants()?,
    };
    let mut out = io::stdout().lock();
    for tenant in tenants {
        for user in engine.users(&tenant)? {
            if json {
                serde_json::to_writer(&mut out, &user)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{}\t{}\t{} events\tlast seen {}",
                    user.tenant,
                    user.user,
                    user.events,
                    user.last_time.format("%Y-%m-%d %H:%M")
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn reindex(engine: &Engine) -> anyhow::Result<ExitCode> {
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} users")
            .expect("valid template"),
    );
    let report = engine.reindex(|done, all| {
        bar.set_length(all as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    println!(
        "Rebuilt {} users from {} events: {} current facts.",
        report.users, report.events, report.facts
    );
    Ok(ExitCode::SUCCESS)
}
