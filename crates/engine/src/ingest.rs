//! The write path: append a batch, learn its users' profiles, save them, and bring the users'
//! retrieval memories up to date.
//!
//! One batch goes through these steps, all under the engine's learning lock:
//!
//! 1. The store inserts the batch in a transaction; meanwhile the users whose facts the learned
//!    cache holds are learned from the sequence numbers their events will get if the store is
//!    as the cache saw it ([`learn_ahead`](crate::learn_ahead)). The store then commits the
//!    batch (the fsync) on a second thread; meanwhile the other users whose batch follows what
//!    their facts reflect are learned, on the ingest threads (one user per thread at a time),
//!    the calling thread then helps with the users learned ahead, and each user's turns are
//!    embedded for their retrieval memory. What was learned ahead is kept only for users whose
//!    row and stored events turn out as guessed. Nothing learned is saved or shown before the
//!    append is durable.
//! 2. The facts are saved in one transaction; meanwhile the other ingest threads add the
//!    batch's turns to the users' cached retrieval memories (the turns are durable by now, and
//!    the memories keep the facts they held, so they stay consistent with the store).
//! 3. Once saved, the memories take the new facts, and the learned cache keeps them.
//!
//! Users learn independently of each other, so the facts are those learning one user after
//! another gives, whatever the threads' timing.

use std::collections::{BTreeMap, HashMap, HashSet};

use rapport_core::{Event, StoredEvent, TenantId, UserId};
use rapport_store::{FactUpdate, UserSummary};

use crate::engine::{IngestReport, MAX_CONFLICT_RETRIES};
use crate::learn_ahead::{Ahead, Guess};
use crate::learned::Kept;
use crate::memory::{PreparedTurns, UserMemory};
use crate::policy::Policies;
use crate::retrieval::SharedMemory;
use crate::{Engine, Result};

/// A batch's newly stored events by user, each user's in log order.
type ByUser = BTreeMap<(TenantId, UserId), Vec<StoredEvent>>;

fn by_user(stored: &[StoredEvent]) -> ByUser {
    let mut by_user = ByUser::new();
    for stored in stored {
        let key = (stored.event.tenant.clone(), stored.event.user.clone());
        by_user.entry(key).or_default().push(stored.clone());
    }
    by_user
}

/// The user's events of the batch (none when the batch holds none).
fn events_of<'a>(batch: &'a ByUser, tenant: &TenantId, user: &UserId) -> &'a [StoredEvent] {
    batch
        .get(&(tenant.clone(), user.clone()))
        .map_or(&[], Vec::as_slice)
}

/// Whether `events` are exactly what the user's facts do not reflect yet.
fn follows(summary: &UserSummary, events: &[StoredEvent]) -> bool {
    events
        .first()
        .is_some_and(|e| e.seq == summary.learned_seq + 1)
        && events.last().is_some_and(|e| e.seq == summary.last_seq)
}

/// A user to learn, with what is needed to start.
struct Job<'a> {
    summary: UserSummary,
    /// The user's events of the batch, in log order (empty when there is no batch).
    batch: &'a [StoredEvent],
    /// The user's facts and decisions as the learned cache held them for `summary`.
    kept: Option<Kept>,
}

/// A user's facts after learning.
struct Learned {
    /// The user's row when the facts were read (its `facts_revision` is the one the save
    /// names).
    summary: UserSummary,
    /// The facts learned into, next to the facts as read.
    kept: Kept,
    /// Which facts changed ([`Kept::changes`]).
    changes: Option<Vec<usize>>,
    /// The sequence number the facts reflect.
    learned_seq: u64,
    /// Whether the facts were learned from the batch's events (else the log was replayed).
    from_batch: bool,
    /// The batch's turns made ready for the user's retrieval memory, when it may take them.
    prepared: Option<PreparedTurns>,
}

impl Learned {
    /// Whether the facts differ from what was read.
    fn changed(&self) -> bool {
        self.changes.as_ref().is_none_or(|c| !c.is_empty())
    }

    /// The revision the save moves the user's facts to: every save moves it by exactly one
    /// (the stores' contract).
    fn saved_at(&self) -> u64 {
        self.summary.facts_revision + 1
    }
}

/// What became of a user's retrieval memory while the facts were saved.
enum Memory {
    /// Not cached, and not worth building.
    None,
    /// Cached, holding the batch's turns and still the facts as read.
    Turns(SharedMemory),
    /// Built from the batch, which is the user's whole log; cached once the facts are saved.
    Built(Box<UserMemory>),
}

impl Engine {
    /// Appends a batch to the event log (atomically and durably, skipping ids already stored),
    /// then brings the profiles of the users it touched up to date (in a second transaction).
    ///
    /// When this returns `Ok`, the events are durable even if learning from them failed; a
    /// later ingest or [`reindex`](Self::reindex) catches up.
    ///
    /// Users are learned on up to [`ingest_threads`](crate::EngineConfig::ingest_threads)
    /// threads, while the append is being made durable when the store can overlap the two (the
    /// embedded one does); the facts are saved only once the append is durable, and are those
    /// learning one user after another would give.
    pub fn ingest(&self, events: &[Event]) -> Result<IngestReport> {
        let mut policies = Policies::default();
        for event in events {
            policies.get(&*self.store, &event.tenant)?;
        }
        let events = policies.redact_for_storage(events);
        // Taken before the append (the order every path takes the two in), so the users whose
        // batch follows what they learned can be learned while the append is fsynced.
        let _guard = self.lock_learning();
        // The users the learned cache holds are learned while the batch is inserted
        // (`learn_ahead`); the others once it is, while it is made durable.
        let (guesses, kepts): (Vec<Guess>, Vec<Kept>) = self.guesses(&events).into_iter().unzip();
        let guessed: HashSet<(&TenantId, &UserId)> = (guesses.iter())
            .map(|g| (&g.summary.tenant, &g.summary.user))
            .collect();
        let jobs: Vec<Job<'_>> = (guesses.iter().zip(kepts))
            .map(|(guess, kept)| Job {
                summary: guess.summary.clone(),
                batch: &guess.events,
                kept: Some(kept),
            })
            .collect();
        let mut early = None;
        let (ahead, appended) = crate::parallel::map_beside(
            jobs,
            self.config.ingest_threads(),
            |job| self.learn_one(job, &policies),
            |help| {
                self.store.append_overlapped(&events, &mut |outcome| {
                    let batch = by_user(&outcome.stored);
                    let (ready, later): (Vec<&UserSummary>, Vec<&UserSummary>) = (outcome.users)
                        .iter()
                        .filter(|s| !guessed.contains(&(&s.tenant, &s.user)))
                        .partition(|summary| self.learnable_early(summary, &batch));
                    let later: Vec<(TenantId, UserId)> = later
                        .into_iter()
                        .map(|s| (s.tenant.clone(), s.user.clone()))
                        .collect();
                    let learned =
                        self.learn(ready.into_iter().cloned().collect(), &batch, &policies);
                    early = Some((batch, later, learned));
                    // The users learned ahead are not all done yet: help with them while the
                    // append is made durable on the other thread.
                    help();
                })
            },
        );
        let outcome = appended?;
        let mut with_actions: Vec<&TenantId> = outcome
            .stored
            .iter()
            .filter(|s| s.event.kind() == rapport_core::EventKind::Action)
            .map(|s| &s.event.tenant)
            .collect();
        with_actions.dedup();
        with_actions
            .into_iter()
            .for_each(|t| self.models.mark_stale(t));
        let (batch, mut later, learned) = early.unwrap_or_else(|| {
            let batch = by_user(&outcome.stored);
            let everyone = batch.keys().cloned().collect();
            (batch, everyone, Ok(Vec::new()))
        });
        let learned = learned.map(|mut learned| {
            let stored: HashMap<(&TenantId, &UserId), &UserSummary> = (outcome.users.iter())
                .map(|s| ((&s.tenant, &s.user), s))
                .collect();
            for (guess, result) in guesses.iter().zip(ahead) {
                let (tenant, user) = (&guess.summary.tenant, &guess.summary.user);
                // None of the user's events was new: there is nothing to learn.
                let Some(&summary) = stored.get(&(tenant, user)) else {
                    continue;
                };
                match result {
                    Ok(mut l) if guess.held(summary, events_of(&batch, tenant, user)) => {
                        l.summary = summary.clone();
                        learned.push(l);
                    }
                    _ => later.push((tenant.clone(), user.clone())),
                }
            }
            learned.sort_by(|a, b| {
                (&a.summary.tenant, &a.summary.user).cmp(&(&b.summary.tenant, &b.summary.user))
            });
            learned
        });
        // The append is durable: what was learned meanwhile can be saved. The users left (not
        // learned early, or all of them when another process saved first) are learned again
        // from the store; the other process's save wins, and ours is retried from it.
        let mut attempts = 0;
        let mut left = match learned.and_then(|learned| self.save_learned(learned, &batch)) {
            Ok(()) => later,
            Err(e) if e.is_conflict() => {
                attempts += 1;
                batch.keys().cloned().collect()
            }
            Err(e) => return Err(e),
        };
        while !left.is_empty() {
            match self.catch_up(&left, &batch, &mut policies) {
                Err(e) if e.is_conflict() && attempts < MAX_CONFLICT_RETRIES => attempts += 1,
                result => {
                    result?;
                    left.clear();
                }
            }
        }
        Ok(IngestReport {
            accepted: outcome.stored.len(),
            duplicates: outcome.duplicates,
            users: batch.len(),
        })
    }

    /// The users of `events` to learn ahead of the append ([`learn_ahead`](crate::learn_ahead)):
    /// those whose facts the learned cache holds, taken out of it. None when inference is on
    /// (it reads the log).
    fn guesses(&self, events: &[Event]) -> Vec<Ahead> {
        if self.config.infer {
            return Vec::new();
        }
        let by_user = crate::learn_ahead::events_by_user(events);
        let mut cache = self.learned_cache();
        by_user
            .into_iter()
            .filter_map(|((tenant, user), events)| {
                let (kept, stamp) = cache.take_unchecked(tenant, user)?;
                Some((crate::learn_ahead::guess(stamp, &events), kept))
            })
            .collect()
    }

    /// Whether the user can be learned before the batch is durable (and visible to readers):
    /// the batch holds exactly what their facts do not reflect yet, and no inference needs to
    /// read the log's tail.
    fn learnable_early(&self, summary: &UserSummary, batch: &ByUser) -> bool {
        let events = events_of(batch, &summary.tenant, &summary.user);
        follows(summary, events) && !(self.config.infer && crate::inference::authored_any(events))
    }

    /// Learns, for each user, from every event the stored profile does not reflect yet, and
    /// saves all users' facts in one transaction. `batch` holds events just appended, used
    /// directly when they follow what was learned; otherwise the log is replayed. Called with
    /// the learning lock held.
    fn catch_up(
        &self,
        users: &[(TenantId, UserId)],
        batch: &ByUser,
        policies: &mut Policies,
    ) -> Result<()> {
        let mut behind = Vec::with_capacity(users.len());
        for (tenant, user) in users {
            let Some(summary) = self.store.user(tenant, user)? else {
                continue;
            };
            if summary.learned_seq >= summary.last_seq {
                continue;
            }
            policies.get(&*self.store, tenant)?;
            behind.push(summary);
        }
        let learned = self.learn(behind, batch, policies)?;
        self.save_learned(learned, batch)
    }

    /// Learns, for every user of every tenant, what their facts do not reflect yet.
    pub(crate) fn catch_up_all(&self) -> Result<()> {
        let mut users = Vec::new();
        for tenant in self.store.tenants()? {
            for summary in self.store.users(&tenant)? {
                if summary.learned_seq < summary.last_seq {
                    users.push((summary.tenant, summary.user));
                }
            }
        }
        if users.is_empty() {
            return Ok(());
        }
        let _guard = self.lock_learning();
        self.catch_up(&users, &ByUser::new(), &mut Policies::default())
    }

    /// Learns each user, in parallel on the ingest threads; results in the order of `users`.
    /// Every user's tenant policy must be in `policies` already.
    fn learn(
        &self,
        users: Vec<UserSummary>,
        batch: &ByUser,
        policies: &Policies,
    ) -> Result<Vec<Learned>> {
        let jobs: Vec<Job<'_>> = {
            let mut cache = self.learned_cache();
            users
                .into_iter()
                .map(|summary| Job {
                    batch: events_of(batch, &summary.tenant, &summary.user),
                    kept: cache.take(&summary),
                    summary,
                })
                .collect()
        };
        crate::parallel::map(jobs, self.config.ingest_threads(), |job| {
            self.learn_one(job, policies)
        })
        .into_iter()
        .collect()
    }

    /// Learns one user: from the batch when it follows what the facts reflect, else from the
    /// log; then inference, then the user's and the tenant's decisions.
    fn learn_one(&self, job: Job<'_>, policies: &Policies) -> Result<Learned> {
        let Job {
            summary,
            batch,
            kept,
        } = job;
        let (tenant, user) = (&summary.tenant, &summary.user);
        let mut kept = match kept {
            Some(kept) => kept,
            None => Kept::read(
                self.store.facts(tenant, user)?,
                self.store.settings(tenant, user)?,
            ),
        };
        let facts = &mut kept.facts;
        // The learner sees only its own facts; inferred ones are renumbered after them.
        let inferred = crate::inference::take(facts);
        let before = match kept.last_event.take() {
            Some(known) => known,
            None => self.event_at(tenant, user, summary.learned_seq)?,
        };
        let (learned_seq, from_batch) = if follows(&summary, batch) {
            self.learner.learn_after(facts, before.as_ref(), batch);
            kept.last_event = Some(batch.last().cloned());
            (summary.last_seq, true)
        } else {
            let replayed = self.learn_from_log(tenant, user, facts, summary.learned_seq, before)?;
            kept.last_event = Some(replayed.last);
            (replayed.learned_seq, false)
        };
        // Inference reads the log's tail only when the user wrote something new.
        if self.config.infer && (!from_batch || crate::inference::authored_any(batch)) {
            let inferring = self.config.infer_settings();
            let new = from_batch.then_some(batch);
            crate::inference::refresh(
                &*self.store,
                (tenant, user),
                learned_seq,
                inferring,
                (new, &mut kept.infer_window),
                facts,
            )?;
        } else {
            crate::inference::skip(batch, &mut kept.infer_window);
            crate::inference::restore(facts, inferred);
        }
        let policy = policies
            .loaded(tenant)
            .expect("the policies of the users' tenants are read before learning");
        crate::decisions::enforce(policy, &kept.settings, &kept.saved, &mut kept.facts);
        // Made ready here, beside the append's commit; shown only once the append is durable.
        let prepared = (from_batch && self.memory_may_take_turns(&summary))
            .then(|| PreparedTurns::new(batch, &kept.facts, self.embedder.as_ref()));
        Ok(Learned {
            changes: kept.changes(),
            summary,
            kept,
            learned_seq,
            from_batch,
            prepared,
        })
    }

    /// Whether the user's retrieval memory may take the batch's turns: it is cached, or may be
    /// built from the batch (a new user, see [`memories_to_build`](Self::memories_to_build)).
    fn memory_may_take_turns(&self, summary: &UserSummary) -> bool {
        (self.config.index_on_ingest && summary.learned_seq == 0)
            || self.cache().contains(&summary.tenant, &summary.user)
    }

    /// Saves what was learned in one transaction while the batch's turns are added to the
    /// users' retrieval memories, then gives the memories and the learned cache the new facts.
    fn save_learned(&self, mut learned: Vec<Learned>, batch: &ByUser) -> Result<()> {
        if learned.is_empty() {
            return Ok(());
        }
        let prepared: Vec<Option<PreparedTurns>> =
            learned.iter_mut().map(|l| l.prepared.take()).collect();
        let updates: Vec<FactUpdate<'_>> = learned
            .iter()
            .map(|l| FactUpdate {
                tenant: &l.summary.tenant,
                user: &l.summary.user,
                facts: l.changed().then_some(l.kept.facts.as_slice()),
                previous: Some(l.kept.saved.as_slice()),
                changed: l.changes.as_deref(),
                learned_seq: l.learned_seq,
                expected_revision: l.summary.facts_revision,
            })
            .collect();
        let builds = self.memories_to_build(&learned);
        let threads = self.config.ingest_threads();
        let work: Vec<_> = learned.iter().zip(builds).zip(prepared).collect();
        let (memories, saved) = crate::parallel::map_beside(
            work,
            threads,
            |((l, build), prepared)| self.add_turns(l, batch, build, prepared),
            |_| self.store.save_facts(&updates),
        );
        // On failure the memories that took the turns still hold the facts the store holds.
        saved?;
        drop(updates);
        let done = crate::parallel::map(
            learned.into_iter().zip(memories).collect(),
            threads,
            |(l, memory)| self.give_facts(l, memory),
        );
        let mut cache = self.learned_cache();
        for l in done {
            cache.put(&l.summary, l.saved_at(), l.learned_seq, l.kept);
        }
        Ok(())
    }

    /// Which users get a retrieval memory built from the batch: new users whose whole log is
    /// in it, while the cache has room for them.
    fn memories_to_build(&self, learned: &[Learned]) -> Vec<bool> {
        let mut room = if self.config.index_on_ingest {
            let cache = self.cache();
            if cache.bytes() < self.config.index_cache_bytes {
                self.config.index_cache_users.saturating_sub(cache.len())
            } else {
                0
            }
        } else {
            0
        };
        learned
            .iter()
            .map(|l| {
                // The batch followed seq 0: it is the user's whole log.
                let build = l.from_batch && l.summary.learned_seq == 0 && room > 0;
                room -= usize::from(build);
                build
            })
            .collect()
    }

    /// Adds the batch's turns (`prepared` while learning, when they were) to the user's cached
    /// memory, which keeps its facts (those the store still holds), or builds the memory of a
    /// new user (not cached yet). A memory that cannot take the turns (it missed events, or
    /// holds another model's vectors) is dropped.
    fn add_turns(
        &self,
        l: &Learned,
        batch: &ByUser,
        build: bool,
        prepared: Option<PreparedTurns>,
    ) -> Memory {
        let (tenant, user) = (&l.summary.tenant, &l.summary.user);
        if !l.from_batch {
            return Memory::None;
        }
        let events = events_of(batch, tenant, user);
        let cached = self.cache().get(tenant, user);
        let Some(shared) = cached else {
            if !build {
                return Memory::None;
            }
            let embedder = self.embedder.as_ref();
            let turns =
                prepared.unwrap_or_else(|| PreparedTurns::new(events, &l.kept.facts, embedder));
            let memory = UserMemory::build_prepared(turns, &l.kept.facts, l.saved_at(), embedder);
            return Memory::Built(Box::new(memory));
        };
        {
            let mut memory = shared.write().unwrap_or_else(|p| p.into_inner());
            let contiguous = events.first().is_none_or(|e| e.seq == memory.seq + 1)
                && *memory.model_id == *self.embedder.model_id();
            if !contiguous {
                drop(memory);
                self.cache().remove(tenant, user);
                return Memory::None;
            }
            match prepared {
                Some(turns) => memory.add_prepared(turns),
                None => memory.add_turns(events, &l.kept.facts, self.embedder.as_ref()),
            }
        }
        // The cache measures the memory once it holds the facts too.
        Memory::Turns(shared)
    }

    /// After the save: the user's memory takes the saved facts (or is cached, or dropped when
    /// the log was replayed instead of the batch), and the saved copy of the facts catches up.
    fn give_facts(&self, mut l: Learned, memory: Memory) -> Learned {
        let (tenant, user) = (&l.summary.tenant, &l.summary.user);
        match memory {
            Memory::Turns(shared) => {
                let changes = l
                    .changes
                    .as_deref()
                    .map(|changed| (l.summary.facts_revision, changed));
                shared
                    .write()
                    .unwrap_or_else(|p| p.into_inner())
                    .replace_facts(&l.kept.facts, changes, l.saved_at(), self.embedder.as_ref());
                self.cache().refresh_size(tenant, user);
            }
            Memory::Built(memory) => {
                self.cache().insert(tenant.clone(), user.clone(), *memory);
            }
            Memory::None if l.from_batch => {}
            Memory::None => self.evict_memory(tenant, user),
        }
        l.kept.saved(l.changes.as_deref());
        l
    }
}
