//! Whole-store export and import: a JSON-lines dump that moves everything from one backend to
//! another (the embedded store to PostgreSQL and back) without losing anything.
//!
//! The format, one JSON object per line, each with exactly one key naming the record:
//!
//! ```text
//! {"header": {"format": "rapport-dump", "version": 1}}
//! {"event": {"seq": 1, "tenant": "t", "user": "ana", "id": "e1", "time": "…", "body": {…}}}
//! …every event of the user, in log order…
//! {"facts": {"tenant": "t", "user": "ana", "learned_seq": 7, "facts": [ … ]}}
//! ```
//!
//! Events keep their sequence numbers; facts (current and past, with user edits) are carried
//! as they are rather than learned again, so the target holds exactly what the source held.

use std::io::{BufRead, Write};

use rapport_core::{Fact, StoredEvent, TenantId, UserId};
use rapport_store::FactUpdate;
use serde::{Deserialize, Serialize};

use crate::{Engine, Error, InternalError, Result, UserError};

/// The format name in the header.
pub const DUMP_FORMAT: &str = "rapport-dump";
/// The version this build writes and reads.
pub const DUMP_VERSION: u32 = 1;
/// Events per page read from the source and per batch appended to the target.
const PAGE: usize = 2_000;

/// One line of a dump.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Record {
    Header { format: String, version: u32 },
    Event(StoredEvent),
    Facts(UserFacts),
}

/// A user's facts and how far they reflect the log.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserFacts {
    tenant: TenantId,
    user: UserId,
    learned_seq: u64,
    facts: Vec<Fact>,
}

/// What an export or import moved.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct DumpReport {
    /// Users moved.
    pub users: usize,
    /// Events moved.
    pub events: u64,
    /// Facts moved, current and past.
    pub facts: usize,
}

fn io(e: std::io::Error) -> Error {
    Error::Internal(InternalError::Io(e))
}

fn write_record(out: &mut impl Write, record: &Record) -> Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(|e| io(e.into()))?;
    out.write_all(b"\n").map_err(io)
}

impl Engine {
    /// Writes every tenant's users, events and facts to `out`. `progress` is told (users done,
    /// users in all) after each user.
    pub fn export(
        &self,
        out: &mut impl Write,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<DumpReport> {
        let mut everyone = Vec::new();
        for tenant in self.store.tenants()? {
            everyone.extend(self.store.users(&tenant)?);
        }
        let header = Record::Header {
            format: DUMP_FORMAT.into(),
            version: DUMP_VERSION,
        };
        write_record(out, &header)?;
        let mut report = DumpReport::default();
        for (done, summary) in everyone.iter().enumerate() {
            let (tenant, user) = (&summary.tenant, &summary.user);
            // Facts are read first: events appended meanwhile are learned on import.
            let facts = self.store.facts(tenant, user)?;
            let learned_seq = self.store.user(tenant, user)?.map_or(0, |u| u.learned_seq);
            let mut after = 0;
            loop {
                let page = self.store.events(tenant, user, after, PAGE)?;
                let Some(last) = page.last() else { break };
                after = last.seq;
                report.events += page.len() as u64;
                for event in page {
                    write_record(out, &Record::Event(event))?;
                }
            }
            report.facts += facts.len();
            let facts = UserFacts {
                tenant: tenant.clone(),
                user: user.clone(),
                learned_seq: learned_seq.min(after),
                facts,
            };
            write_record(out, &Record::Facts(facts))?;
            report.users += 1;
            progress(done + 1, everyone.len());
        }
        out.flush().map_err(io)?;
        Ok(report)
    }

    /// Reads a dump written by [`export`](Self::export) into this engine's store, which must
    /// not hold any of the dump's users yet. `progress` is told the events imported so far.
    /// Afterwards, profiles are brought up to date with any events their facts did not reflect.
    pub fn import(&self, input: impl BufRead, mut progress: impl FnMut(u64)) -> Result<DumpReport> {
        let mut import = Import::new(self);
        for (index, line) in input.lines().enumerate() {
            let line = line.map_err(io)?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record = serde_json::from_str(&line).map_err(|e| invalid(index, e))?;
            import.record(index, record)?;
            progress(import.report.events);
        }
        import.finish()
    }
}

fn invalid(index: usize, reason: impl ToString) -> Error {
    Error::User(UserError::InvalidDump {
        line: index + 1,
        reason: reason.to_string(),
    })
}

/// The state of an import in progress.
struct Import<'e> {
    engine: &'e Engine,
    header_seen: bool,
    /// Events waiting to be appended, all of `current`.
    pending: Vec<StoredEvent>,
    /// The user whose events are being read, and the last seq seen.
    current: Option<(TenantId, UserId, u64)>,
    report: DumpReport,
}

impl<'e> Import<'e> {
    fn new(engine: &'e Engine) -> Self {
        Self {
            engine,
            header_seen: false,
            pending: Vec::new(),
            current: None,
            report: DumpReport::default(),
        }
    }

    fn record(&mut self, index: usize, record: Record) -> Result<()> {
        match record {
            Record::Header { format, version } => {
                if format != DUMP_FORMAT || version != DUMP_VERSION {
                    return Err(invalid(
                        index,
                        format!(
                            "this build reads {DUMP_FORMAT} version {DUMP_VERSION}, not {format} version {version}"
                        ),
                    ));
                }
                self.header_seen = true;
            }
            _ if !self.header_seen => {
                return Err(invalid(index, "the dump does not start with a header"));
            }
            Record::Event(event) => self.event(index, event)?,
            Record::Facts(facts) => self.facts(index, facts)?,
        }
        Ok(())
    }

    fn event(&mut self, index: usize, event: StoredEvent) -> Result<()> {
        let (tenant, user) = (&event.event.tenant, &event.event.user);
        let same_user = matches!(&self.current, Some((t, u, _)) if t == tenant && u == user);
        if !same_user {
            self.flush()?;
            if self.engine.store.user(tenant, user)?.is_some() {
                return Err(Error::User(UserError::ImportTargetNotEmpty {
                    tenant: tenant.to_string(),
                    user: user.to_string(),
                }));
            }
            self.current = Some((tenant.clone(), user.clone(), 0));
            self.report.users += 1;
        }
        let Some((_, _, last)) = &mut self.current else {
            unreachable!("set above")
        };
        if event.seq != *last + 1 {
            return Err(invalid(
                index,
                format!("event seq {} does not follow {last}", event.seq),
            ));
        }
        *last = event.seq;
        self.pending.push(event);
        if self.pending.len() >= PAGE {
            self.flush()?;
        }
        Ok(())
    }

    /// Appends the pending events; the store must give them the dump's sequence numbers.
    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let events: Vec<_> = self.pending.iter().map(|e| e.event.clone()).collect();
        let outcome = self.engine.store.append(&events)?;
        let kept = outcome
            .stored
            .iter()
            .zip(&self.pending)
            .all(|(stored, dumped)| stored.seq == dumped.seq);
        if outcome.stored.len() != self.pending.len() || !kept {
            let first = &self.pending[0].event;
            return Err(Error::User(UserError::ImportTargetNotEmpty {
                tenant: first.tenant.to_string(),
                user: first.user.to_string(),
            }));
        }
        self.report.events += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }

    fn facts(&mut self, index: usize, facts: UserFacts) -> Result<()> {
        self.flush()?;
        let matches =
            matches!(&self.current, Some((t, u, _)) if *t == facts.tenant && *u == facts.user);
        let last = self.current.as_ref().map_or(0, |(_, _, last)| *last);
        if !matches || facts.learned_seq > last {
            return Err(invalid(
                index,
                "a facts record must follow its user's events and reflect no more of them",
            ));
        }
        self.engine.store.save_facts(&[FactUpdate {
            tenant: &facts.tenant,
            user: &facts.user,
            facts: Some(&facts.facts),
            previous: None,
            changed: None,
            learned_seq: facts.learned_seq,
            expected_revision: 0,
        }])?;
        self.engine.evict_memory(&facts.tenant, &facts.user);
        self.report.facts += facts.facts.len();
        self.current = None;
        Ok(())
    }

    fn finish(mut self) -> Result<DumpReport> {
        self.flush()?;
        if !self.header_seen {
            return Err(invalid(0, "the dump is empty"));
        }
        if let Some((tenant, user, _)) = self.current.take() {
            return Err(Error::User(UserError::InvalidDump {
                line: 0,
                reason: format!(
                    "the dump ends before the facts of user `{user}` in tenant `{tenant}`: it is truncated"
                ),
            }));
        }
        // Learn what the facts did not reflect yet (events appended during the export).
        self.engine.catch_up_all()?;
        Ok(self.report)
    }
}
