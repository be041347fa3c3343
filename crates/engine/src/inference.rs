//! Attribute, style and Big Five inference in the write path (`rapport-infer`). The Big Five
//! estimate needs the optional word lexicon (`RAPPORT_PERSONALITY_LEXICON`); like every
//! inference it runs only when the engine's `infer` setting is on.
//!
//! After a user's batch is learned, if it holds text the user authored (a user turn or a
//! document), the inferred facts are recomputed from the user's latest `infer_window` events
//! of the log and replace the previous inferred facts (they are a recomputed estimate, not a history: the
//! invariant that facts are never overwritten holds for the learner's facts). Cost per batch is bounded by the window,
//! not by the history; the result is a function of the log's tail as of the last batch with
//! authored text, so learning in one batch or many gives the same inferred facts when the last
//! batch holds such text, and `reindex` gives those of one batch.
//!
//! Incrementally: each text is scanned once (`rapport_infer::TextScan`: its cue votes, style
//! counts and lexicon sums), and the scans of the window are kept with the user's learned-cache
//! entry ([`ScannedWindow`]); a refresh after a batch that follows them scans only the batch's
//! texts, drops those that fell out of the window and combines the rest, which gives exactly
//! the estimates of re-reading the window. Without a kept window (a cold cache, a replay, a
//! reindex, anything that moved the user's stored state) the window is read from the log.

mod window;

use rapport_core::{EventBody, Fact, Role, StoredEvent, TenantId, UserId};
use rapport_infer::{GenderLexicon, Lexicon, estimate, is_inferred_here, to_facts};
use rapport_store::Store;

pub(crate) use window::{Lexicons, ScannedWindow};

use crate::{InternalError, Result};

/// Whether the user wrote any of these events (so inference has something new to read).
pub(crate) fn authored_any(events: &[StoredEvent]) -> bool {
    events.iter().any(|e| authored(e).is_some())
}

fn authored(e: &StoredEvent) -> Option<&str> {
    match &e.event.body {
        EventBody::Message(m) if m.role == Role::User => Some(&m.text),
        EventBody::Document(d) => Some(&d.text),
        _ => None,
    }
}

/// What inference reads and keeps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InferSettings {
    /// Events of the log's tail read.
    pub window: u64,
    /// Inferences below this confidence are abstentions and not kept.
    pub min_confidence: f32,
}

/// Recomputes the user's inferred facts from the latest events up to `last_seq`. `new` are the
/// events just learned when they follow what was learned before (a batch); `window` holds the
/// scans kept from the previous refresh, if any: when they end right before `new`, only the new
/// texts are scanned; otherwise the window is read from the log and scanned whole. Either way
/// the facts are the same, and `window` is left holding this refresh's scans (or nothing).
pub(crate) fn refresh(
    store: &dyn Store,
    (tenant, user): (&TenantId, &UserId),
    last_seq: u64,
    settings: InferSettings,
    (new, window): (Option<&[StoredEvent]>, &mut Option<ScannedWindow>),
    facts: &mut Vec<Fact>,
) -> Result<()> {
    let after = last_seq.saturating_sub(settings.window);
    let (scanned, keep) = match (window.take(), new) {
        (Some(mut kept), Some(new)) if kept.is_followed_by(new) => {
            kept.append(new, after, &lexicons)?;
            (kept, true)
        }
        _ => {
            let events = store.events(tenant, user, after, settings.window as usize)?;
            // A read past `last_seq` (events appended meanwhile) is used, as it always was, but
            // not kept: a kept window is exactly the events in (`after`, `last_seq`].
            let keep = events.iter().all(|e| e.seq <= last_seq);
            (ScannedWindow::scan(&events, last_seq, &lexicons)?, keep)
        }
    };
    let fresh = match scanned.latest() {
        Some(time) => {
            // Loaded already: the window has a scanned text.
            let Lexicons { gender, big_five } = lexicons()?;
            // A fact needs a text it came from: an estimate resting on none (the population
            // prior) is kept only at floor 0, which keeps every estimate; above it the priors do
            // not compete, so a text-backed estimate a prior would have outranked is kept.
            let keep_priors = settings.min_confidence <= 0.0;
            let estimates = estimate(&scanned.texts(), gender, big_five, keep_priors);
            let inferences: Vec<_> = estimates
                .attributes
                .into_iter()
                .filter(|i| i.confidence >= settings.min_confidence)
                .filter(|i| !i.evidence.is_empty() || keep_priors)
                .collect();
            let facets: Vec<_> = estimates
                .style
                .into_iter()
                .filter(|s| s.confidence >= settings.min_confidence)
                .collect();
            let traits: Vec<_> = estimates
                .personality
                .into_iter()
                .filter(|p| p.confidence >= settings.min_confidence)
                .collect();
            to_facts(&inferences, &facets, &traits, &scanned.ids(), time, 0)
        }
        None => Vec::new(),
    };
    restore(facts, fresh);
    *window = keep.then_some(scanned);
    Ok(())
}

/// Moves a kept window past a batch that holds no text the user wrote (no refresh needed);
/// drops it when the batch does not follow it.
pub(crate) fn skip(new: &[StoredEvent], window: &mut Option<ScannedWindow>) {
    if window.as_mut().is_some_and(|w| !w.skip(new)) {
        *window = None;
    }
}

/// The optional lexicons, read once per process. The gender lexicon is optional like the Big
/// Five one (same licence, same handling): without `RAPPORT_PERSONALITY_LEXICON` there is no Big
/// Five estimate; a set but unreadable one is an error rather than a silent absence.
fn lexicons() -> Result<Lexicons> {
    Ok(Lexicons {
        gender: GenderLexicon::from_env().map_err(unreadable_lexicon)?,
        big_five: Lexicon::from_env().map_err(unreadable_lexicon)?,
    })
}

/// Takes the current inferred facts out of `facts` (the learner never sees them).
pub(crate) fn take(facts: &mut Vec<Fact>) -> Vec<Fact> {
    if !facts.iter().any(is_current_inferred) {
        return Vec::new();
    }
    let (inferred, rest) = std::mem::take(facts)
        .into_iter()
        .partition(is_current_inferred);
    *facts = rest;
    inferred
}

/// Puts inferred facts back after the learner's, numbered from the highest id on, so the
/// learner's ids never depend on when inference ran.
pub(crate) fn restore(facts: &mut Vec<Fact>, inferred: Vec<Fact>) {
    facts.retain(|f| !is_current_inferred(f));
    if inferred.is_empty() {
        return;
    }
    let next = facts.iter().map(|f| f.id + 1).max().unwrap_or(1);
    facts.extend(inferred.into_iter().enumerate().map(|(n, mut f)| {
        f.id = next + n as u64;
        f
    }));
}

fn is_current_inferred(f: &Fact) -> bool {
    f.is_current() && is_inferred_here(f)
}

/// A lexicon named by its environment variable but unreadable: an error, not a silent absence.
fn unreadable_lexicon(e: rapport_infer::Error) -> InternalError {
    InternalError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}
